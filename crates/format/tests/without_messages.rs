//! The checker finds the same problems with and without its words.
//!
//! The viewer builds this crate without `messages` and trusts it to tell a
//! broken report from a sound one; the checker's module, with them, then
//! says what is wrong. This test runs in both builds (`cargo test
//! --workspace`, and `cargo test -p sealift-format --no-default-features
//! --test without_messages` in the test command) and expects the same count
//! of errors from each case in both.

mod common;

use common::{remove, set, valid, with};
use sealift_format::{Checked, MESSAGES, check, check_bytes};
use serde_json::json;

/// Each case, and how many errors the checker finds in it.
fn cases() -> Vec<(&'static str, Checked, usize)> {
    vec![
        ("the valid fixture", with(|_| {}), 0),
        ("not JSON", check("{ \"format\": "), 1),
        ("a comment", check("{ // no\n }"), 1),
        (
            "a field twice",
            check(&valid().to_string().replacen("{", "{\"format\": 1, ", 1)),
            2,
        ),
        ("NUL bytes", check_bytes(b"{\0}"), 1),
        ("not UTF-8", check_bytes(b"{\"a\": \"\xff\"}"), 1),
        (
            "another format",
            with(|v| set(v, "/format", json!("sealift-report/2"))),
            1,
        ),
        (
            "a misspelt field",
            with(|v| set(v, "/trips/0/vesel", json!("maia-1"))),
            1,
        ),
        (
            "a wrong type",
            with(|v| set(v, "/places/0/lat", json!("42.25"))),
            1,
        ),
        (
            "a required field missing",
            with(|v| remove(v, "/vessels/1/name")),
            1,
        ),
        (
            "an unknown vessel",
            with(|v| set(v, "/trips/0/vessel", json!("maia1"))),
            1,
        ),
        (
            "an unknown source",
            with(|v| set(v, "/claims/0/sources", json!(["s-nope"]))),
            1,
        ),
        (
            "a bad date",
            with(|v| set(v, "/trips/0/depart", json!("2024-13-01"))),
            1,
        ),
        (
            "arrival before departure",
            with(|v| set(v, "/trips/0/arrive", json!("2024-01-01"))),
            1,
        ),
        (
            "swapped coordinates",
            with(|v| set(v, "/places/1/lat", json!(132.35))),
            1,
        ),
        (
            "a bad IMO number",
            with(|v| set(v, "/vessels/0/imo", json!("9161004"))),
            1,
        ),
        (
            "a bad language tag",
            with(|v| set(v, "/report/language", json!("en_GB"))),
            1,
        ),
        (
            "a lower-case country",
            with(|v| set(v, "/places/0/country", json!("kp"))),
            1,
        ),
        (
            "a bad id",
            with(|v| set(v, "/places/1/id", json!("Dunai Base"))),
            2,
        ),
        (
            "a duplicate id",
            with(|v| set(v, "/vessels/1/id", json!("maia-1"))),
            2,
        ),
        (
            "an estimate from itself",
            with(|v| set(v, "/estimates/1/derived_from", json!(["n-shells"]))),
            1,
        ),
        (
            "an unknown kind",
            with(|v| set(v, "/events/0/kind", json!("loadin"))),
            1,
        ),
        (
            "many mistakes at once",
            with(|v| {
                set(v, "/trips/0/vessel", json!(5));
                set(v, "/trips/0/from", json!("nowhere"));
                set(v, "/places/0/lon", json!(300));
                set(v, "/sources/0/url", json!("ftp://example.org"));
            }),
            4,
        ),
    ]
}

#[test]
fn the_same_problems_are_found_with_and_without_words() {
    for (case, checked, errors) in cases() {
        assert_eq!(
            checked.errors().count(),
            errors,
            "{case} (messages: {MESSAGES}): {:#?}",
            checked.diagnostics
        );
        assert_eq!(checked.report.is_some(), errors == 0, "{case}");
    }
}

#[test]
fn without_words_a_problem_is_only_its_severity() {
    let checked = with(|v| set(v, "/trips/0/vessel", json!("maia1")));
    let error = checked.errors().next().expect("an error");
    assert_eq!(error.message.is_empty(), !MESSAGES);
    assert_eq!(error.path.is_empty(), !MESSAGES);
    assert_eq!(error.location.is_none(), !MESSAGES);
    assert_eq!(error.help.is_none(), !MESSAGES, "{error:?}");
}
