//! `read_checked`, the reading of a report that passed its check elsewhere,
//! gives the very report a check gives, and nothing for a file that does not
//! decode.

use sealift_format::{check_bytes, read_checked};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn a_checked_report_reads_as_its_check_decodes_it() {
    for name in [
        "public/data/report.json",
        "tests/fixtures/small.json",
        "tests/fixtures/hostile.json",
        "tests/fixtures/estimates-rich.json",
        "tests/fixtures/map-black-sea.json",
        "tests/fixtures/timeline-north-sea.json",
        "tests/fixtures/authoring-awkward.json",
    ] {
        let bytes = fixture(name);
        let checked = check_bytes(&bytes);
        assert!(checked.is_valid(), "{name} should pass its check");
        assert!(checked.report.is_some(), "{name}");
        assert_eq!(read_checked(&bytes), checked.report, "{name}");
    }
}

#[test]
fn a_byte_order_mark_is_skipped_as_the_check_skips_it() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(fixture("tests/fixtures/small.json"));
    assert!(read_checked(&bytes).is_some());
    assert_eq!(read_checked(&bytes), check_bytes(&bytes).report);
}

#[test]
fn a_file_that_does_not_decode_reads_as_nothing() {
    for broken in [
        &b"{ \"format\": "[..],
        b"not json at all",
        b"[1, 2, 3]",
        b"{ \"format\": \"sealift-report/2\" }",
        b"\xff\xfe{}",
    ] {
        assert_eq!(
            read_checked(broken),
            None,
            "{}",
            String::from_utf8_lossy(broken)
        );
    }
    assert_eq!(
        read_checked(&fixture("tests/fixtures/broken-syntax.json")),
        None
    );
}
