//! `sealift export` then `sealift import` gives back the very same report.

mod common;

use common::{canonical, file, scratch, sealift, stdout};

/// Exports `report`, imports the folder back, and compares.
fn round_trip(name: &str, report: &str) {
    let dir = scratch(name);
    let folder = dir.join("sheets");
    let back = dir.join("back.json");
    let out = sealift(&[
        "export".as_ref(),
        file(report).as_os_str(),
        folder.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = sealift(&[
        "import".as_ref(),
        folder.as_os_str(),
        "-o".as_ref(),
        back.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(canonical(&back), canonical(&file(report)), "{report}");
}

#[test]
fn the_bundled_report_survives_a_round_trip() {
    round_trip("round-trip-bundled", "public/data/report.json");
}

#[test]
fn the_small_fixture_survives_a_round_trip() {
    round_trip("round-trip-small", "tests/fixtures/small.json");
}

#[test]
fn awkward_text_survives_a_round_trip() {
    // Separators, escapes, quotes, spaces at the ends, paragraphs, unicode,
    // every kind of citation, a sanction, positions and periods.
    round_trip(
        "round-trip-awkward",
        "tests/fixtures/authoring-awkward.json",
    );
}

#[test]
fn the_schema_reference_is_kept() {
    let dir = scratch("round-trip-schema");
    let with_schema = dir.join("with-schema.json");
    let text = std::fs::read_to_string(file("tests/fixtures/small.json")).expect("reads");
    let text = text.replacen('{', "{\n  \"$schema\": \"../report.schema.json\",", 1);
    std::fs::write(&with_schema, text).expect("writes");
    let folder = dir.join("sheets");
    let out = sealift(&[
        "export".as_ref(),
        with_schema.as_os_str(),
        folder.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let block = std::fs::read_to_string(folder.join("report.toml")).expect("report.toml");
    assert!(
        block.contains("\"$schema\" = \"../report.schema.json\""),
        "{block}"
    );
    let back = dir.join("back.json");
    let out = sealift(&[
        "import".as_ref(),
        folder.as_os_str(),
        "-o".as_ref(),
        back.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(canonical(&back), canonical(&with_schema));
    assert!(canonical(&back).contains("\"$schema\": \"../report.schema.json\""));
}
