//! The JSON layer: encoding, syntax, duplicates, numbers, nesting and size, one test per rule.

mod common;

use common::{assert_clean, one_error, valid};
use sealift_format::json::{self, Kind};
use sealift_format::{Checked, Location, MAX_REPORT_BYTES, check, check_bytes};

/// The single error of a file that does not parse, with its line and column.
fn syntax_error(c: &Checked) -> (String, usize, usize) {
    assert!(c.report.is_none());
    assert_eq!(c.diagnostics.len(), 1, "{:#?}", c.diagnostics);
    let d = &c.diagnostics[0];
    let Location { line, column, .. } = d.location.expect("syntax errors have a location");
    (d.message.clone(), line, column)
}

#[test]
fn a_utf8_byte_order_mark_is_skipped() {
    let text = valid().to_string();
    assert_clean(&check_bytes(
        &[b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    ));
    assert_clean(&check(&format!("\u{feff}{text}")));
    // columns on line 1 do not count the mark
    let (message, line, column) = syntax_error(&check_bytes(b"\xEF\xBB\xBF{ x"));
    assert!(message.contains("field name"), "{message}");
    assert_eq!((line, column), (1, 3));
}

#[test]
fn invalid_utf8_is_rejected_with_its_position() {
    let mut v = valid();
    v["report"]["title"] = "Rajin — 라진 ✓".into();
    assert_clean(&check_bytes(v.to_string().as_bytes()));

    let bytes = b"{\n  \"format\": \"caf\xE9\"\n}";
    let (message, line, column) = syntax_error(&check_bytes(bytes));
    assert!(message.contains("UTF-8"), "{message}");
    assert_eq!((line, column), (2, 17));
}

#[test]
fn utf16_is_rejected() {
    let utf16le: Vec<u8> = "{}".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let cases = [
        ([&[0xFF, 0xFE], utf16le.as_slice()].concat(), 0),
        (vec![0xFE, 0xFF, 0, b'{', 0, b'}'], 0),
        (utf16le.clone(), 1),
        (b"{\n \"a\": 1,\0".to_vec(), 10),
    ];
    for (bytes, offset) in cases {
        let c = check_bytes(&bytes);
        let d = one_error(&c, "");
        assert!(d.message.contains("UTF-16"), "{}", d.message);
        assert!(d.help.as_deref().unwrap_or("").contains("UTF-8"));
        assert_eq!(d.location.map(|l| l.offset), Some(offset));
    }
    let (_, line, column) = syntax_error(&check_bytes(b"{\n \"a\": 1,\0"));
    assert_eq!((line, column), (2, 9));
    assert_clean(&check_bytes(valid().to_string().as_bytes()));
}

#[test]
fn duplicate_keys_are_rejected_at_the_second_key() {
    // the same key in two different objects is fine
    assert_clean(&check(&valid().to_string()));

    let text = valid().to_string().replacen(
        "\"vessel\":\"maia-1\"",
        "\"vessel\":\"maia-1\",\n   \"vessel\":\"angara\"",
        1,
    );
    let c = check(&text);
    let d = one_error(&c, "trips[0].vessel");
    assert!(
        d.message.contains("`vessel` appears twice"),
        "{}",
        d.message
    );
    let at = d.location.expect("location");
    assert_eq!((at.line, at.column), (2, 4));
    assert_eq!(text.get(at.offset..at.offset + at.len), Some("\"vessel\""));

    let c = check(
        "{\"format\": \"sealift-report/1\", \"format\": \"sealift-report/1\", \"report\": 1}",
    );
    assert!(
        c.diagnostics
            .iter()
            .any(|d| d.path == "format" && d.message.contains("twice")),
        "{:#?}",
        c.diagnostics
    );
}

#[test]
fn nan_and_infinity_are_rejected() {
    let mut v = valid();
    v["places"][0]["lat"] = 1.5e1.into();
    assert_clean(&check(&v.to_string().replace("15.0", "1.5e1")));
    for (word, column) in [("NaN", 9), ("Infinity", 9), ("-Infinity", 9)] {
        let (message, line, col) = syntax_error(&check(&format!("{{\"lat\": {word}}}")));
        assert!(message.contains(word), "{message}");
        assert_eq!((line, col), (1, column));
    }
}

#[test]
fn lone_surrogate_escapes_are_rejected() {
    let text = valid()
        .to_string()
        .replace("Containers from Rason", "Ship \\ud83d\\udea2 \\u00e9");
    let c = check(&text);
    assert_clean(&c);
    assert_eq!(
        c.report.map(|r| r.info.title),
        Some("Ship 🚢 é".to_string())
    );

    for escape in ["\\ud83d", "\\udea2", "\\ud83d\\u0041", "\\ud83dx"] {
        let (message, line, column) =
            syntax_error(&check(&format!("{{\n \"a\": \"ab{escape}\"}}")));
        assert!(message.contains("lone surrogate"), "{escape}: {message}");
        assert_eq!((line, column), (2, 10), "{escape}");
    }
}

#[test]
fn trailing_content_is_rejected() {
    assert_clean(&check(&format!("{}\n\n", valid())));
    let (message, line, column) = syntax_error(&check(&format!("{}\n{{}}", valid())));
    assert!(message.contains("after the end"), "{message}");
    assert_eq!((line, column), (2, 1));
}

#[test]
fn nesting_deeper_than_128_levels_is_rejected() {
    // the top-level object is level 1, so 127 more levels fit
    let mut v = valid();
    let deep = format!("{}{}", "[".repeat(127), "]".repeat(127));
    v["x-deep"] = 0.into();
    let text = v
        .to_string()
        .replace("\"x-deep\":0", &format!("\"x-deep\":{deep}"));
    assert_clean(&check(&text));

    let text = v
        .to_string()
        .replace("\"x-deep\":0", &format!("\"x-deep\":[{deep}]"));
    let (message, line, column) = syntax_error(&check(&text));
    assert!(message.contains("deeper than 128"), "{message}");
    let bracket = text.find("[[[").unwrap_or(0) + 127;
    assert_eq!((line, column), (1, bracket + 1));
}

#[test]
fn files_over_20_mib_are_rejected() {
    let base = valid().to_string();
    let pad = MAX_REPORT_BYTES - base.len() - ",\"x-pad\":\"\"".len();
    let exact = format!(
        "{},\"x-pad\":\"{}\"}}",
        base.trim_end_matches('}'),
        "a".repeat(pad)
    );
    assert_eq!(exact.len(), MAX_REPORT_BYTES);
    assert_clean(&check_bytes(exact.as_bytes()));

    let over = format!("{exact} ");
    for c in [check(&over), check_bytes(over.as_bytes())] {
        let d = one_error(&c, "");
        assert!(d.message.contains("20 MiB"), "{}", d.message);
    }
}

#[test]
fn syntax_errors_give_line_and_column_in_characters() {
    let text = "{\n  \"format\": \"sealift-report/1\",\n  \"report\": { \"title\": \"Ünïcödé — 라진\" \"id\": \"x\" }\n}";
    let (message, line, column) = syntax_error(&check(text));
    assert!(message.contains("comma missing"), "{message}");
    assert_eq!((line, column), (3, 39));
}

#[test]
fn other_syntax_mistakes_are_explained() {
    let cases = [
        ("", "empty", 1, 1),
        ("{\"a\": [1, 2,]}", "comma too many", 1, 13),
        ("{\"a\": 1,}", "comma too many", 1, 9),
        ("{'a': 1}", "double quotes", 1, 2),
        ("{\"a\": 1 // note\n}", "comments", 1, 9),
        ("{\"a\": 012}", "start with a 0", 1, 7),
        ("{\"a\": 1.}", "digit", 1, 9),
        ("{\"a\": \"x\ty\"}", "control character", 1, 9),
        ("{\"a\": \"x\ny\"}", "line break", 1, 9),
        ("{\"a\": \"\\q\"}", "unknown escape", 1, 8),
        ("{\"a\": \"\\u12\"}", "4 hex digits", 1, 8),
        ("{\"a\": tru}", "expected a value", 1, 7),
        ("{\"a\" 1}", "`:`", 1, 6),
        ("{\"a\": 1e999}", "too large", 1, 7),
    ];
    for (text, needle, line, column) in cases {
        let (message, l, c) = syntax_error(&check(text));
        assert!(message.contains(needle), "{text:?}: {message}");
        assert_eq!((l, c), (line, column), "{text:?}: {message}");
    }
    assert_clean(&check(
        &valid()
            .to_string()
            .replace("\"value\":6700", "\"value\": 6.7e3"),
    ));
}

#[test]
fn a_truncated_file_gives_one_clean_error() {
    let text = serde_json::to_string_pretty(&valid()).unwrap_or_default();
    for cut in [1, text.len() / 3, text.len() / 2, text.len() - 1] {
        let (message, line, _) = syntax_error(&check(&text[..cut]));
        assert!(
            message.contains("ends too early") || message.contains("never closed"),
            "{message}"
        );
        assert!(line >= 1);
    }
    // without its last `}` the file ends at the start of its last line
    let (_, line, column) = syntax_error(&check(&text[..text.len() - 1]));
    assert_eq!((line, column), (text.lines().count(), 1));
}

#[test]
fn numbers_keep_whether_they_were_integers() {
    let parsed = json::parse("[6700, 6.7e3, -0, 0.5, 12345678901234567890]", 0);
    let Some(Kind::Array(items)) = parsed.value.map(|v| v.kind) else {
        panic!("not an array")
    };
    let numbers: Vec<(f64, bool)> = items
        .iter()
        .filter_map(|v| match v.kind {
            Kind::Number { value, integer } => Some((value, integer)),
            _ => None,
        })
        .collect();
    assert_eq!(
        numbers,
        [
            (6700.0, true),
            (6700.0, false),
            (0.0, true),
            (0.5, false),
            (1.2345678901234567e19, true)
        ]
    );
}

#[test]
fn values_and_keys_carry_their_byte_spans() {
    let text = "{ \"a\": [true, \"é\"] }";
    let parsed = json::parse(text, 0);
    assert!(parsed.errors.is_empty());
    let root = parsed.value.expect("parses");
    assert_eq!((root.span.start, root.span.end), (0, text.len()));
    let Kind::Object(members) = &root.kind else {
        panic!("not an object")
    };
    assert_eq!(
        &text[members[0].key_span.start..members[0].key_span.end],
        "\"a\""
    );
    let (second, found) = root.find("a[1]");
    assert!(found);
    assert_eq!(&text[second.span.start..second.span.end], "\"é\"");
    assert_eq!(root.path_at(second.span.start + 1), "a[1]");
    let (deepest, found) = root.find("a[7].b");
    assert!(!found);
    assert_eq!(deepest.span.start, 7);
}

#[test]
fn a_file_that_breaks_off_lists_its_errors_in_file_order() {
    // Duplicates are found as each object closes, the last of an object
    // first, and the break at the end comes last: the list is put in file order.
    let text =
        "{\"x\": {\"a\": 1, \"a\": 2}, \"b\": {\"c\": 1, \"c\": 2, \"d\": 3, \"d\": 4}, \"e\": [";
    let parsed = json::parse(text, 0);
    assert!(parsed.value.is_none());
    let starts: Vec<usize> = parsed.errors.iter().map(|e| e.span.start).collect();
    assert_eq!(parsed.errors.len(), 4, "{:#?}", parsed.errors);
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
    let names: Vec<Option<&str>> = parsed
        .errors
        .iter()
        .map(|e| e.duplicate.as_deref())
        .collect();
    assert_eq!(names, [Some("a"), Some("c"), Some("d"), None]);
}
