//! Inputs the fuzzer (crates/format/fuzz, see docs/security.md) found wrong, kept as tests.

use sealift_format::{Checked, check, check_bytes};

/// Every location lies inside the input and starts and ends on character boundaries.
fn assert_locations_inside(text: &str, c: &Checked) {
    assert!(!c.diagnostics.is_empty(), "{text:?} should not be valid");
    for d in &c.diagnostics {
        let loc = d.location.expect("a syntax error has a location");
        let end = loc.offset + loc.len;
        assert!(
            end <= text.len(),
            "{text:?}: {}+{} is past the end ({} bytes)",
            loc.offset,
            loc.len,
            text.len()
        );
        assert!(
            text.is_char_boundary(loc.offset) && text.is_char_boundary(end),
            "{text:?}: {}+{} splits a character",
            loc.offset,
            loc.len
        );
    }
}

/// Found by the `check` target: a `\u` escape cut short by the end of the file gave a
/// location one byte past the end (`offset + len` = input length + 1).
#[test]
fn a_unicode_escape_cut_off_by_the_end_of_the_file_stays_inside_it() {
    for text in [
        r#"{"format":"sealift-report/1","report":"\u12"#,
        r#"{"a": "\u"#,
        r#"{"a": "\uD83D\uDE"#,
        "\"\\u",
    ] {
        let c = check(text);
        assert_locations_inside(text, &c);
        let d = &c.diagnostics[0];
        assert!(d.message.contains("4 hex digits"), "{text:?}: {d:?}");
        let loc = d.location.expect("located");
        assert_eq!(loc.offset + loc.len, text.len(), "{text:?}: up to the end");
        assert_eq!(check_bytes(text.as_bytes()), c);
    }
}

/// Found while fixing the one above: the span took one byte of the offending
/// character, splitting it when that character is not ASCII.
#[test]
fn a_bad_unicode_escape_covers_the_whole_offending_character() {
    let text = r#"{"a": "\u12é"}"#;
    let c = check(text);
    assert_locations_inside(text, &c);
    let loc = c.diagnostics[0].location.expect("located");
    assert_eq!(
        text.get(loc.offset..loc.offset + loc.len),
        Some(r"\u12é"),
        "{loc:?}"
    );
    // an ASCII offender is still covered by one byte, as before
    let text = r#"{"a": "\u12"}"#;
    let loc = check(text).diagnostics[0].location.expect("located");
    assert_eq!(text.get(loc.offset..loc.offset + loc.len), Some(r#"\u12""#));
}

/// Found by the `check` target: in a file with a UTF-8 byte order mark, the column of
/// a NUL byte counted the mark as a character (one too far right); columns never count it.
#[test]
fn the_column_of_a_nul_byte_does_not_count_a_byte_order_mark() {
    let plain = b"{\"a\":\0}".to_vec();
    let marked = [b"\xEF\xBB\xBF".as_slice(), &plain].concat();
    let at = |bytes: &[u8]| {
        let c = check_bytes(bytes);
        assert_eq!(c.diagnostics.len(), 1, "{c:#?}");
        assert!(c.diagnostics[0].message.contains("NUL"));
        c.diagnostics[0].location.expect("located")
    };
    let (p, m) = (at(&plain), at(&marked));
    assert_eq!((p.line, p.column, p.offset), (1, 6, 5));
    assert_eq!(
        (m.line, m.column, m.offset),
        (1, 6, 8),
        "offsets count the mark, columns do not"
    );
    // the same holds for the other encoding errors, which already skipped the mark
    let bad_utf8 = b"\xEF\xBB\xBF{\"a\":\xC3(}";
    let d = &check_bytes(bad_utf8).diagnostics[0];
    assert_eq!(d.location.map(|l| (l.column, l.offset)), Some((6, 8)));
}

/// Found by the `check` target: an unknown escape whose character is not ASCII
/// (`\é`) got a two-byte span that ended inside that character.
#[test]
fn an_unknown_escape_covers_the_whole_character_after_the_backslash() {
    for (text, escape) in [
        (r#"{"a": "x\éy"}"#, r"\é"),
        (r#"{"a": "\🚢"}"#, r"\🚢"),
        (r#"{"a": "\q"}"#, r"\q"),
    ] {
        let c = check(text);
        assert_locations_inside(text, &c);
        let d = &c.diagnostics[0];
        assert!(d.message.contains("unknown escape"), "{d:?}");
        let loc = d.location.expect("located");
        assert_eq!(text.get(loc.offset..loc.offset + loc.len), Some(escape));
    }
}
