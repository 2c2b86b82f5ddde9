//! `sealift schema`: the JSON Schema editors use, and its committed copy.

mod common;

use common::{file, sealift, stdout};
use serde_json::Value;

const REGENERATE: &str = "cargo run -p sealift-cli -- schema > public/report.schema.json";

fn schema() -> Value {
    let out = sealift(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_str(&stdout(&out)).expect("the schema is JSON")
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(file("public/report.schema.json"))
        .unwrap_or_else(|_| panic!("public/report.schema.json is missing: run `{REGENERATE}`"));
    let out = sealift(&["schema"]);
    assert!(
        stdout(&out) == committed,
        "public/report.schema.json is stale: the model changed. Run `{REGENERATE}`"
    );
}

#[test]
fn objects_refuse_unknown_fields_but_allow_x_fields() {
    let schema = schema();
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
    assert!(schema["patternProperties"]["^x-"].is_object());
    assert_eq!(schema["properties"]["format"]["const"], "sealift-report/1");
    assert!(schema["properties"]["$schema"].is_object());
    for (name, definition) in schema["definitions"].as_object().expect("definitions") {
        if definition.get("properties").is_some() {
            assert_eq!(
                definition["additionalProperties"],
                Value::Bool(false),
                "{name}"
            );
        }
    }
}

#[test]
fn vocabularies_ids_and_dates_are_constrained() {
    let schema = schema();
    let definitions = &schema["definitions"];
    let kinds = definitions["SourceKind"]["enum"]
        .as_array()
        .expect("an enum");
    assert!(kinds.contains(&Value::from("think-tank")));
    assert_eq!(
        definitions["Trip"]["properties"]["vessel"]["pattern"],
        "^[a-z0-9][a-z0-9-]{0,63}$"
    );
    assert!(
        definitions["Date"]["pattern"]
            .as_str()
            .expect("a pattern")
            .starts_with("^[0-9]{4}")
    );
    let required = definitions["Trip"]["required"]
        .as_array()
        .expect("required");
    assert!(required.contains(&Value::from("sources")));
    // Optional fields are left out, never null.
    assert!(!stdout(&sealift(&["schema"])).contains("\"null\""));
    // An event has its place or position, date or period, as fields of its own.
    let event = &definitions["Event"]["properties"];
    for field in ["place", "position", "date", "period"] {
        assert!(event.get(field).is_some(), "{field}");
    }
}
