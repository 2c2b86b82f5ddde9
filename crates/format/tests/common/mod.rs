//! A small valid report and helpers shared by the integration tests.
#![allow(dead_code)]

use sealift_format::{Checked, Diagnostic, Severity, check};
use serde_json::{Value, json};

/// A small report that is valid and has no warnings; tests mutate it.
pub fn valid() -> Value {
    json!({
        "format": "sealift-report/1",
        "report": {
            "id": "rason-2024",
            "title": "Containers from Rason",
            "summary": "Ships carried containers from Rajin to Dunai.",
            "language": "en",
            "published": "2024-03-01",
            "updated": "2024-03-05",
            "as_of": "2024-02-28",
            "credits": ["Test desk"],
            "license": "CC-BY-4.0",
            "sections": [
                { "heading": "Overview", "text": "Two ships sailed.", "cites": ["s-nkpro", { "source": "s-news", "locator": "para 3" }] }
            ]
        },
        "sources": [
            { "id": "s-nkpro", "publisher": "NK Pro", "title": "Ships at Rajin", "date": "2024-02-10", "url": "https://example.org/nkpro", "kind": "news", "language": "en" },
            { "id": "s-news", "publisher": "Example Wire", "title": "Report relayed", "date": "2024-02", "kind": "news" },
            { "id": "s-gov", "publisher": "Example Ministry", "title": "Briefing", "url": "https://example.org/gov", "kind": "government" }
        ],
        "actors": [
            { "id": "a-mnd", "name": "Ministry of Defense", "kind": "military", "country": "KR" }
        ],
        "places": [
            { "id": "rajin", "name": "Rajin port", "aliases": ["Rason"], "country": "KP", "kind": "port", "lat": 42.25, "lon": 130.3, "precision": "exact", "sources": ["s-nkpro"] },
            { "id": "dunai", "name": "Dunai", "country": "RU", "kind": "naval-base", "lat": 42.9, "lon": 132.35, "precision": "exact" }
        ],
        "vessels": [
            { "id": "maia-1", "name": "Maia-1", "imo": "9161003", "flag": "RU", "type": "cargo", "owner": "Example Shipping",
              "sanctions": [{ "by": "US", "date": "2023-05", "sources": ["s-gov"] }], "sources": ["s-nkpro"] },
            { "id": "angara", "name": "Angara", "imo": "9179842" }
        ],
        "trips": [
            { "id": "t-1", "vessel": "maia-1", "from": "rajin", "to": "dunai", "depart": "2024-01-10", "arrive": "2024-01-12~",
              "cargo": "containers", "certainty": "confirmed", "sources": ["s-nkpro", { "source": "s-gov", "via": "s-news" }] }
        ],
        "events": [
            { "id": "e-1", "vessel": "angara", "place": "rajin", "date": "2024-01-05", "kind": "loading", "certainty": "reported",
              "summary": "Containers loaded.", "sources": ["s-nkpro"] },
            { "id": "e-2", "position": { "lat": 42.5, "lon": 131.0, "description": "off Rason" }, "period": { "start": "2024-01", "end": "2024-02-03" },
              "kind": "sighting", "certainty": "inferred", "summary": "A ship was seen.", "note": "From satellite imagery.", "sources": ["s-gov"] }
        ],
        "claims": [
            { "id": "c-1", "stated": "2024-02-01", "actor": "a-mnd", "text": "Shipments continue.", "vessels": ["maia-1"], "places": ["rajin"],
              "certainty": "reported", "sources": ["s-news"] }
        ],
        "estimates": [
            { "id": "n-containers", "stated": "2024-02-01", "actor": "a-mnd", "measure": "containers shipped", "unit": "containers",
              "quantity": { "value": 6700, "bound": "about", "low": 6000, "high": 7000 }, "period": { "start": "2023-08", "end": "2024-01" },
              "method": "Satellite counts.", "sources": ["s-gov"] },
            { "id": "n-shells", "stated": "2024-02-01", "actor": "a-mnd", "measure": "artillery shells", "unit": "shells",
              "quantity": { "value": 3000000, "bound": "at-least" }, "derived_from": ["n-containers"], "sources": ["s-news"] }
        ]
    })
}

/// Checks a JSON value written out as text.
pub fn run(v: &Value) -> Checked {
    check(&v.to_string())
}

/// Checks pretty-printed JSON (so lines and columns are meaningful).
pub fn run_pretty(v: &Value) -> Checked {
    check(&serde_json::to_string_pretty(v).unwrap_or_default())
}

/// Asserts there is no error and no warning.
pub fn assert_clean(c: &Checked) {
    assert!(
        c.diagnostics.is_empty(),
        "expected no diagnostics, got {:#?}",
        c.diagnostics
    );
    assert!(c.report.is_some());
}

/// Asserts exactly one diagnostic of this severity, at `path`, and returns it.
pub fn only(c: &Checked, severity: Severity, path: &str) -> Diagnostic {
    let found: Vec<&Diagnostic> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {severity:?} at {path}, got {:#?}",
        c.diagnostics
    );
    let d = found[0].clone();
    assert_eq!(d.path, path, "{d:#?}");
    d
}

/// Asserts exactly one error, at `path`, and returns it.
pub fn one_error(c: &Checked, path: &str) -> Diagnostic {
    assert!(
        c.report.is_none(),
        "a report with errors must not be returned"
    );
    only(c, Severity::Error, path)
}

/// Asserts no error and exactly one warning, at `path`, and returns it.
pub fn one_warning(c: &Checked, path: &str) -> Diagnostic {
    assert!(c.is_valid(), "expected no errors, got {:#?}", c.diagnostics);
    assert!(c.report.is_some());
    only(c, Severity::Warning, path)
}

/// The fixture changed by `edit`, then checked.
pub fn with(edit: impl FnOnce(&mut Value)) -> Checked {
    let mut v = valid();
    edit(&mut v);
    run(&v)
}

/// Sets (or adds) the value at a JSON pointer such as `/trips/0/vessel`.
pub fn set(v: &mut Value, pointer: &str, new: Value) {
    if let Some(old) = v.pointer_mut(pointer) {
        *old = new;
        return;
    }
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let object = v
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no {parent}"));
    object.insert(key.to_string(), new);
}

/// Removes the field at a JSON pointer such as `/trips/0/depart`.
pub fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let object = v
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no {parent}"));
    assert!(object.remove(key).is_some(), "no {pointer}");
}
