//! Whole-file behaviour: every error collected, no panic on any input, and a faithful round trip.

mod common;

use common::{assert_clean, run, set, valid, with};
use sealift_format::{Checked, Severity, check, check_bytes};
use serde_json::json;

#[test]
fn all_errors_are_collected_in_one_pass() {
    let c = with(|v| {
        set(v, "/trips/0/depar", json!("2024-01-10"));
        set(v, "/claims/0/actor", json!("a-mn"));
        set(v, "/estimates/0/stated", json!("2024-02-30"));
    });
    let paths: Vec<&str> = c.errors().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        ["trips[0].depar", "estimates[0].stated", "claims[0].actor"]
    );
    assert!(c.report.is_none());
    assert!(!c.is_valid());
}

#[test]
fn a_broken_item_does_not_cause_follow_up_errors() {
    let c = with(|v| {
        set(v, "/trips/0", json!("t-1"));
        set(v, "/events/0/date", json!("soon"));
        set(v, "/sources/0/id", json!(7));
    });
    let paths: Vec<&str> = c.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        ["sources[0].id", "trips[0]", "events[0].date"],
        "{:#?}",
        c.diagnostics
    );
}

#[test]
fn deep_nesting_gives_a_clean_error() {
    for depth in [200, 100_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let c = check(&text);
        assert_eq!(c.diagnostics.len(), 1);
        assert!(c.diagnostics[0].message.contains("deeper than 128"));
    }
    let text = format!(
        "{{\"format\": \"sealift-report/1\", \"x-a\": {}1{}}}",
        "{\"b\":".repeat(200),
        "}".repeat(200)
    );
    assert!(
        check(&text).diagnostics[0]
            .message
            .contains("deeper than 128")
    );
}

#[test]
fn every_prefix_of_a_valid_report_is_checked_without_panic() {
    let text = serde_json::to_string_pretty(&valid()).unwrap_or_default();
    let bytes = text.as_bytes();
    for end in 0..bytes.len() {
        let c = check_bytes(&bytes[..end]);
        assert!(!c.is_valid(), "prefix of {end} bytes");
        if let Some(s) = text.get(..end) {
            assert_eq!(check(s), c);
        }
    }
    assert_clean(&check_bytes(bytes));
}

#[test]
fn damaged_reports_never_panic() {
    let text = valid().to_string();
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        for replacement in [b'}', b'"', b'\\', b'[', b'0', b',', 0xC3] {
            let mut damaged = bytes.to_vec();
            damaged[i] = replacement;
            let _ = check_bytes(&damaged);
            damaged.remove(i);
            let _ = check_bytes(&damaged);
        }
    }
}

#[test]
fn a_checked_report_serializes_back_to_the_same_report() {
    let c = run(&valid());
    let report = c.report.expect("report");
    let exported = serde_json::to_string(&report).unwrap_or_default();
    let again = check(&exported);
    assert_clean(&again);
    assert_eq!(again.report.as_ref(), Some(&report));
    let value: serde_json::Value = serde_json::from_str(&exported).unwrap_or_default();
    // numbers compare by value: `131.0` in the file is exported as `131`
    assert_eq!(
        numbers_as_floats(value),
        numbers_as_floats(valid()),
        "the export keeps the format's shape"
    );
    assert!(
        exported.contains("\"value\":6700,"),
        "whole numbers are written without a fraction"
    );
    assert!(
        exported.contains("\"cites\":[\"s-nkpro\",{\"source\":\"s-news\",\"locator\":\"para 3\"}]")
    );
}

#[test]
fn diagnostics_serialize_for_the_cli_and_viewer() {
    let c: Checked = with(|v| set(v, "/trips/0/vessel", json!("maia1")));
    let value = serde_json::to_value(&c.diagnostics).unwrap_or_default();
    assert_eq!(value[0]["severity"], "error");
    assert_eq!(value[0]["path"], "trips[0].vessel");
    assert_eq!(value[0]["help"], "did you mean \"maia-1\"?");
    assert!(value[0]["location"]["line"].is_u64());
    assert_eq!(c.errors().count(), 1);
    assert_eq!(c.warnings().count(), 0);
    assert_eq!(c.diagnostics[0].severity, Severity::Error);
}

fn numbers_as_floats(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => json!(n.as_f64()),
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_floats).collect()),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k, numbers_as_floats(v)))
                .collect(),
        ),
        other => other,
    }
}

#[test]
fn a_flood_of_mistakes_is_listed_up_to_the_limit() {
    // 5,000 trips that are all wrong: the first 1,000 problems are listed, and
    // one more diagnostic says how many were left out.
    let trips = vec!["1"; 5000].join(",");
    let text = format!(
        r#"{{"format":"sealift-report/1","report":{{"id":"r","title":"t","summary":"s","language":"en","published":"2024","as_of":"2024"}},"trips":[{trips}]}}"#
    );
    let checked = sealift_format::check(&text);
    assert!(!checked.is_valid());
    assert_eq!(
        checked.diagnostics.len(),
        sealift_format::MAX_DIAGNOSTICS + 1
    );
    let last = checked.diagnostics.last().expect("a summary");
    assert!(
        last.message
            .starts_with("4000 more problems (4000 errors, 0 warnings)"),
        "{}",
        last.message
    );
    assert_eq!(last.severity, sealift_format::Severity::Error);
}
