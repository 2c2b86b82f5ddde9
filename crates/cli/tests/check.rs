//! Runs the real `sealift` binary on the shared fixtures, as an author would.

use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn sealift(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sealift"))
        .args(args)
        .output()
        .expect("the sealift binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_valid_report_exits_zero() {
    let out = sealift(&["check", "--color", "never", &fixture("small.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("small.json: valid"));
}

#[test]
fn an_invalid_report_names_the_path_and_suggests_the_id() {
    let out = sealift(&["check", "--color", "never", &fixture("invalid.json")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("trips[0].vessel"), "{text}");
    assert!(text.contains("\"aurora\""), "no suggestion in: {text}");
    assert!(text.contains("estimates[0].sources"), "{text}");
    assert!(text.contains("invalid, 2 errors"), "{text}");
    // The offending line of the file is shown, with its line number.
    assert!(text.contains("\"vessel\": \"auroa\""), "{text}");
}

#[test]
fn a_syntax_error_shows_the_line_and_column() {
    let out = sealift(&["check", "--color", "never", &fixture("broken-syntax.json")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("broken-syntax.json:6:"), "{text}");
    assert!(
        text.contains("\"summary\": \"The line above lacks its comma.\""),
        "{text}"
    );
}

#[test]
fn an_unreadable_file_exits_two() {
    let out = sealift(&["check", &fixture("does-not-exist.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("cannot read"));
}

#[test]
fn no_file_is_a_usage_error() {
    let out = sealift(&["check"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_output_is_machine_readable() {
    let out = sealift(&[
        "check",
        "--format",
        "json",
        &fixture("small.json"),
        &fixture("invalid.json"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let files = doc["files"].as_array().expect("a files array");
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["valid"], true);
    assert_eq!(files[1]["valid"], false);
    let paths: Vec<&str> = files[1]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert!(paths.contains(&"trips[0].vessel"), "{paths:?}");
    assert_eq!(files[1]["diagnostics"][0]["severity"], "error");
}
