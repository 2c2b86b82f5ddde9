//! The top-level `"$schema"` field: editors use it to find `report.schema.json`.
//! It is not part of the format, so it is accepted, kept for export, and ignored.

mod common;

use common::{assert_clean, one_error, run, valid, with};
use serde_json::json;

#[test]
fn a_schema_string_at_the_top_is_accepted_and_kept() {
    let c = with(|v| v["$schema"] = json!("../report.schema.json"));
    assert_clean(&c);
    let report = c.report.expect("a valid report");
    assert_eq!(report.schema.as_deref(), Some("../report.schema.json"));

    // Written back first, as editors expect it, and otherwise unchanged.
    let out = serde_json::to_value(&report).expect("serializes");
    assert_eq!(out["$schema"], json!("../report.schema.json"));
    let text = serde_json::to_string(&report).expect("serializes");
    assert!(text.starts_with(r#"{"$schema":"#), "{text}");
}

#[test]
fn without_a_schema_nothing_is_written() {
    let report = run(&valid()).report.expect("a valid report");
    assert_eq!(report.schema, None);
    let out = serde_json::to_value(&report).expect("serializes");
    assert!(out.get("$schema").is_none());
}

#[test]
fn a_schema_that_is_not_a_string_is_an_error() {
    let c = with(|v| v["$schema"] = json!(true));
    one_error(&c, "$schema");
}

#[test]
fn schema_is_only_accepted_at_the_top() {
    let c = with(|v| v["report"]["$schema"] = json!("report.schema.json"));
    let d = one_error(&c, "report.$schema");
    assert!(d.message.contains("unknown field"), "{}", d.message);
}
