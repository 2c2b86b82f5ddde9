//! Property tests (proptest) for the date and quantity rules of the spec.
//!
//! Dates: every valid date round-trips through parse and Display; the calendar
//! check agrees with chrono's; parsing is canonical; the coarse comparison is
//! reflexive, antisymmetric, blind to qualifiers and matches the spec's reading
//! (two dates compare equal when the time they cover overlaps); period and trip
//! ordering follow it. Quantities: `low <= value <= high` with no negative is
//! accepted for every bound word, and each violation is one error at its path.
//! Cases are kept few so the suite stays fast.

mod common;

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use common::{assert_clean, run, set, valid};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use sealift_format::{Bound, Date, Precision, Qualifier, Severity};
use serde_json::{Value, json};

/// Cheap properties (dates alone) run more cases than those that check a whole report.
/// `PROPTEST_CASES=n` runs n of each instead, for a deeper run by hand.
fn cheap() -> ProptestConfig {
    config(256)
}

fn whole_report() -> ProptestConfig {
    config(64)
}

/// A shrunk failing case is saved next to this file, in `properties.proptest-regressions`.
fn config(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

fn days_in(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop_oneof![
        Just(Qualifier::Exact),
        Just(Qualifier::Approximate),
        Just(Qualifier::Uncertain)
    ]
}

/// Any valid date: a year 0000-9999 at year, month or day precision, with any qualifier.
fn any_date() -> impl Strategy<Value = Date> {
    (0..=9999i32, 1..=12u32, 1..=31u32, 0..3u8, qualifier()).prop_map(
        |(year, month, day, precision, qualifier)| {
            let day = day.min(days_in(year, month));
            Date {
                year,
                month: (precision > 0).then_some(month as u8),
                day: (precision > 1).then_some(day as u8),
                qualifier,
            }
        },
    )
}

/// Dates close together (2023-2025), so comparisons often tie at some precision.
fn near_date() -> impl Strategy<Value = Date> {
    (2023..=2025i32, 1..=12u32, 1..=31u32, 0..3u8, qualifier()).prop_map(
        |(year, month, day, precision, qualifier)| Date {
            year,
            month: (precision > 0).then_some(month as u8),
            day: (precision > 1).then_some(day.min(days_in(year, month)) as u8),
            qualifier,
        },
    )
}

fn text(y: i32, m: Option<u32>, d: Option<u32>, q: Qualifier) -> String {
    let mut s = format!("{y:04}");
    if let Some(m) = m {
        s += &format!("-{m:02}");
        if let Some(d) = d {
            s += &format!("-{d:02}");
        }
    }
    s + match q {
        Qualifier::Exact => "",
        Qualifier::Approximate => "~",
        Qualifier::Uncertain => "?",
    }
}

fn with_qualifier(d: Date, qualifier: Qualifier) -> Date {
    Date { qualifier, ..d }
}

proptest! {
    #![proptest_config(cheap())]

    #[test]
    fn a_valid_date_round_trips_through_parse_and_display(d in any_date()) {
        let written = text(d.year, d.month.map(u32::from), d.day.map(u32::from), d.qualifier);
        prop_assert_eq!(d.to_string(), written.clone());
        prop_assert_eq!(Date::parse(&written), Ok(d));
        prop_assert_eq!(serde_json::to_value(d).ok(), Some(json!(written)));
        let precision = match (d.month, d.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        };
        prop_assert_eq!(d.precision(), precision);
    }

    #[test]
    fn the_calendar_check_agrees_with_chrono(
        year in 0..=9999i32,
        month in 0..=99u32,
        day in 0..=99u32,
        q in qualifier(),
    ) {
        let real_day = NaiveDate::from_ymd_opt(year, month, day).is_some();
        let day_text = text(year, Some(month), Some(day), q);
        prop_assert_eq!(Date::parse(&day_text).is_ok(), real_day, "{}", day_text);
        let month_text = text(year, Some(month), None, q);
        prop_assert_eq!(Date::parse(&month_text).is_ok(), (1..=12).contains(&month), "{}", month_text);
        if !real_day && (1..=12).contains(&month) && day > 0 && day <= 31 {
            let why = Date::parse(&day_text).err().unwrap_or_default();
            prop_assert!(why.contains(&format!("no day {day}")), "{}: {}", day_text, why);
        }
    }

    /// No two texts mean the same date: whatever parses is written back unchanged.
    #[test]
    fn parsing_is_canonical(s in prop_oneof![
        "[0-9]{4}(-[0-9]{1,2}){0,3}[~?%]?",
        "[+ -]?[0-9]{0,5}(-[0-9]{0,3}){0,3}[~?%/ ]{0,2}",
    ]) {
        if let Ok(d) = Date::parse(&s) {
            prop_assert_eq!(d.to_string(), s);
        }
    }

    #[test]
    fn first_day_is_not_after_last_day_and_both_lie_in_the_date(d in any_date()) {
        let (first, last) = (d.first_day(), d.last_day());
        prop_assert!(first <= last);
        prop_assert_eq!(first == last, d.precision() == Precision::Day);
        prop_assert_eq!(Date::parse(&first.format("%Y-%m-%d").to_string()).map(|f| f.cmp_coarse(&d)), Ok(Ordering::Equal));
        prop_assert_eq!(Date::parse(&last.format("%Y-%m-%d").to_string()).map(|l| l.cmp_coarse(&d)), Ok(Ordering::Equal));
        // the day before the first and the day after the last are outside it
        for (outside, side) in [(first.pred_opt(), Ordering::Less), (last.succ_opt(), Ordering::Greater)] {
            if let Some(o) = outside.filter(|o| (0..=9999).contains(&o.year())) {
                let o = Date::parse(&o.format("%Y-%m-%d").to_string()).unwrap_or_default();
                prop_assert_eq!(o.cmp_coarse(&d), side, "{} vs {}", o, d);
            }
        }
    }

    #[test]
    fn the_coarse_comparison_is_reflexive_antisymmetric_and_ignores_qualifiers(
        a in near_date(),
        b in near_date(),
        qa in qualifier(),
        qb in qualifier(),
    ) {
        prop_assert_eq!(a.cmp_coarse(&a), Ordering::Equal);
        prop_assert_eq!(a.cmp_coarse(&b), b.cmp_coarse(&a).reverse());
        prop_assert_eq!(
            with_qualifier(a, qa).cmp_coarse(&with_qualifier(b, qb)),
            a.cmp_coarse(&b)
        );
    }

    /// The spec: `2024-02` <= `2024-02-10` holds; dates compare at the coarser precision.
    /// So two dates are equal when the days they cover overlap, and otherwise
    /// ordered as those days are.
    #[test]
    fn the_coarse_comparison_orders_the_days_each_date_covers(a in near_date(), b in near_date()) {
        let expected = if a.last_day() < b.first_day() {
            Ordering::Less
        } else if b.last_day() < a.first_day() {
            Ordering::Greater
        } else {
            Ordering::Equal
        };
        prop_assert_eq!(a.cmp_coarse(&b), expected, "{} vs {}", a, b);
        if a.precision() == b.precision() {
            prop_assert_eq!(a.cmp_coarse(&b), a.first_day().cmp(&b.first_day()));
        }
    }

    /// A date and any coarser form of it (its month, its year) compare equal.
    #[test]
    fn a_date_equals_its_coarser_forms(d in any_date(), q in qualifier()) {
        let month = Date { day: None, qualifier: q, ..d };
        let year = Date { month: None, day: None, qualifier: q, ..d };
        prop_assert_eq!(d.cmp_coarse(&month), Ordering::Equal);
        prop_assert_eq!(d.cmp_coarse(&year), Ordering::Equal);
        prop_assert_eq!(month.cmp_coarse(&year), Ordering::Equal);
    }
}

/// The error paths of a checked report, sorted.
fn error_paths(v: &Value) -> Vec<String> {
    let c = run(v);
    let mut paths: Vec<String> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.path.clone())
        .collect();
    paths.sort();
    assert_eq!(c.report.is_some(), paths.is_empty(), "{:#?}", c.diagnostics);
    paths
}

/// Quarter steps from -250 to 250: exact in JSON, with ties and negatives common.
fn amount() -> impl Strategy<Value = f64> {
    (-1000..=1000i32).prop_map(|n| f64::from(n) / 4.0)
}

fn bound() -> impl Strategy<Value = Bound> {
    proptest::sample::select(Bound::ALL)
}

proptest! {
    #![proptest_config(whole_report())]

    /// Periods (here an estimate's) are valid exactly when `start <= end` at the coarser precision.
    #[test]
    fn a_period_is_valid_exactly_when_it_does_not_end_before_it_starts(
        start in near_date(),
        end in near_date(),
    ) {
        let mut v = valid();
        set(&mut v, "/estimates/0/period", json!({ "start": start, "end": end }));
        let ordered = end.cmp_coarse(&start) != Ordering::Less;
        prop_assert_eq!(ordered, start.first_day() <= end.last_day());
        let expected: Vec<String> = if ordered {
            vec![]
        } else {
            vec!["estimates[0].period.end".into()]
        };
        prop_assert_eq!(error_paths(&v), expected);
    }

    /// A trip's `depart <= arrive` is the same rule.
    #[test]
    fn a_trip_is_valid_exactly_when_it_does_not_arrive_before_it_departs(
        depart in near_date(),
        arrive in near_date(),
    ) {
        let mut v = valid();
        set(&mut v, "/trips/0/depart", json!(depart));
        set(&mut v, "/trips/0/arrive", json!(arrive));
        let expected: Vec<String> = if arrive.cmp_coarse(&depart) == Ordering::Less {
            vec!["trips[0].arrive".into()]
        } else {
            vec![]
        };
        prop_assert_eq!(error_paths(&v), expected);
    }

    /// `low <= value <= high`, nothing negative: accepted with every bound word, with or
    /// without `low` and `high`, and read back as written.
    #[test]
    fn a_consistent_quantity_is_accepted_with_every_bound(
        value in 0..=4000u32,
        below in 0..=4000u32,
        above in 0..=4000u32,
        bound in bound(),
        has_low in any::<bool>(),
        has_high in any::<bool>(),
    ) {
        let value = f64::from(value) / 4.0;
        let low = (value - f64::from(below) / 4.0).max(0.0);
        let high = value + f64::from(above) / 4.0;
        let mut q = json!({ "value": value, "bound": bound.as_str() });
        if has_low {
            q["low"] = json!(low);
        }
        if has_high {
            q["high"] = json!(high);
        }
        let mut v = valid();
        set(&mut v, "/estimates/0/quantity", q);
        let c = run(&v);
        assert_clean(&c);
        let read = c.report.map(|r| r.estimates[0].quantity);
        prop_assert_eq!(read.map(|q| (q.value, q.bound)), Some((value, bound)));
        prop_assert_eq!(read.and_then(|q| q.low), has_low.then_some(low));
        prop_assert_eq!(read.and_then(|q| q.high), has_high.then_some(high));
    }

    /// Each broken rule is one error at its own path: a negative `value`, `low` or
    /// `high`, `low` above `value`, `high` below it.
    #[test]
    fn each_quantity_violation_is_an_error_at_its_path(
        value in amount(),
        low in proptest::option::of(amount()),
        high in proptest::option::of(amount()),
        bound in bound(),
    ) {
        let mut q = json!({ "value": value, "bound": bound.as_str() });
        if let Some(low) = low {
            q["low"] = json!(low);
        }
        if let Some(high) = high {
            q["high"] = json!(high);
        }
        let mut v = valid();
        set(&mut v, "/estimates/0/quantity", q);
        let at = |field: &str| format!("estimates[0].quantity.{field}");
        let mut expected = Vec::new();
        if value < 0.0 {
            expected.push(at("value"));
        }
        if let Some(low) = low {
            if low < 0.0 {
                expected.push(at("low"));
            }
            if low > value {
                expected.push(at("low"));
            }
        }
        if let Some(high) = high {
            if high < 0.0 {
                expected.push(at("high"));
            }
            if high < value {
                expected.push(at("high"));
            }
        }
        expected.sort();
        prop_assert_eq!(error_paths(&v), expected);
    }

    /// A bound that is not one of the six words is an error at `bound`.
    #[test]
    fn any_other_bound_is_an_error_at_bound(word in "[a-z -]{0,12}") {
        prop_assume!(Bound::parse(&word).is_none());
        let mut v = valid();
        set(&mut v, "/estimates/0/quantity/bound", json!(word));
        prop_assert_eq!(error_paths(&v), vec!["estimates[0].quantity.bound".to_string()]);
    }
}

#[test]
fn every_bound_word_is_read_back_as_itself() {
    for b in Bound::ALL {
        assert_eq!(Bound::parse(b.as_str()), Some(*b));
        assert_eq!(b.to_string(), b.as_str());
    }
    assert_eq!(Bound::ALL.len(), 6, "the spec lists six bounds");
}
