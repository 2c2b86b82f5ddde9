//! EDTF dates: precisions, qualifiers, calendar checks, coarse comparison and round trips.

use std::cmp::Ordering;

use chrono::NaiveDate;
use sealift_format::{Date, Period, Precision, Qualifier};

fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
}

#[test]
fn three_precisions_and_two_qualifiers_are_read_and_kept() {
    let d = date("2024-03-14~");
    assert_eq!(
        d,
        Date {
            year: 2024,
            month: Some(3),
            day: Some(14),
            qualifier: Qualifier::Approximate
        }
    );
    assert_eq!(d.precision(), Precision::Day);
    assert_eq!(date("2024-02").precision(), Precision::Month);
    assert_eq!(date("2024?").qualifier, Qualifier::Uncertain);
    assert_eq!(date("2024").precision(), Precision::Year);
    for text in [
        "2024",
        "2024-02",
        "2024-02-12",
        "2024~",
        "2024-02?",
        "2024-03-14~",
        "0999-01-01",
    ] {
        assert_eq!(date(text).to_string(), text);
    }
}

#[test]
fn a_whole_day_with_a_qualifier_is_checked_like_any_date() {
    assert_eq!(date("2024-02-29?").qualifier, Qualifier::Uncertain);
    assert_eq!(date("2024-02-29~").day, Some(29));
    for (bad, why) in [
        ("2023-02-29~", "no day 29"),
        ("2024-13-01?", "no month 13"),
        ("2024-01-00", "no day 0"),
        ("2024-0a-01", "YYYY-MM-DD"),
        ("2024-01-01~~", "YYYY-MM-DD"),
    ] {
        let error = Date::parse(bad).unwrap_err();
        assert!(error.contains(why), "{bad}: {error}");
    }
}

#[test]
fn invalid_calendar_days_are_rejected() {
    assert!(Date::parse("2024-02-29").is_ok());
    assert!(Date::parse("2000-02-29").is_ok());
    for bad in [
        "2023-02-30",
        "2023-02-29",
        "1900-02-29",
        "2024-04-31",
        "2024-13",
        "2024-00",
        "2024-01-00",
    ] {
        assert!(Date::parse(bad).is_err(), "{bad}");
    }
    assert!(Date::parse("2023-02-30").unwrap_err().contains("no day 30"));
}

#[test]
fn other_edtf_forms_and_bad_shapes_are_rejected() {
    assert!(Date::parse("2024-02%").unwrap_err().contains('%'));
    assert!(Date::parse("2024/2025").unwrap_err().contains("period"));
    assert!(Date::parse("2024-01..2024-03").is_err());
    for bad in [
        "",
        "24",
        "2024-1",
        "2024-01-1",
        "2024-01-01T00:00",
        " 2024",
        "2024~?",
        "Y2024",
        "-2024",
        "2024-21",
        "2024-XX",
        "202４",
    ] {
        assert!(Date::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn first_and_last_day_span_the_precision() {
    assert_eq!(
        (date("2024").first_day(), date("2024").last_day()),
        (day(2024, 1, 1), day(2024, 12, 31))
    );
    assert_eq!(
        (date("2024-02").first_day(), date("2024-02").last_day()),
        (day(2024, 2, 1), day(2024, 2, 29))
    );
    assert_eq!(date("2023-02~").last_day(), day(2023, 2, 28));
    assert_eq!(
        (
            date("2024-03-14?").first_day(),
            date("2024-03-14?").last_day()
        ),
        (day(2024, 3, 14), day(2024, 3, 14))
    );
}

#[test]
fn comparison_uses_the_coarser_precision_and_ignores_qualifiers() {
    assert_eq!(
        date("2024-02").cmp_coarse(&date("2024-02-10")),
        Ordering::Equal
    );
    assert_eq!(
        date("2024-02-10").cmp_coarse(&date("2024")),
        Ordering::Equal
    );
    assert_eq!(
        date("2024").cmp_coarse(&date("2023-12-31")),
        Ordering::Greater
    );
    assert_eq!(
        date("2024-02-10~").cmp_coarse(&date("2024-02-11?")),
        Ordering::Less
    );
    assert_eq!(
        date("2024-03~").cmp_coarse(&date("2024-03")),
        Ordering::Equal
    );
}

#[test]
fn dates_and_periods_serialize_as_written() {
    let p = Period {
        start: Some(date("2024-02~")),
        end: None,
    };
    assert_eq!(
        serde_json::to_string(&p).ok(),
        Some(r#"{"start":"2024-02~"}"#.to_string())
    );
    assert_eq!("2024-02-12?".parse::<Date>(), Ok(date("2024-02-12?")));
}
