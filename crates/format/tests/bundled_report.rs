//! The bundled report (`public/data/report.json`) checks without errors and keeps
//! the key facts of its story, so that a later edit cannot change them silently.

use sealift_format::{Bound, Date, Estimate, EventLocation, Report, When, check};

const REPORT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../public/data/report.json"
));

const FOUR_SHIPS: [&str; 4] = ["angara", "maia-1", "maria", "lady-r"];

fn report() -> Report {
    let checked = check(REPORT);
    let errors: Vec<String> = checked
        .errors()
        .map(|d| format!("{}: {}", d.path, d.message))
        .collect();
    assert!(
        errors.is_empty(),
        "the bundled report has errors:\n{}",
        errors.join("\n")
    );
    assert!(checked.is_valid());
    checked.report.expect("a report without errors decodes")
}

fn date(text: &str) -> Date {
    Date::parse(text).expect("a valid date")
}

/// The dates of the port events (not periods) of `vessel` at `place`.
fn calls(report: &Report, vessel: &str, place: &str) -> Vec<Date> {
    report
        .events
        .iter()
        .filter(|e| e.vessel.as_deref() == Some(vessel))
        .filter(|e| matches!(&e.location, EventLocation::Place(p) if p == place))
        .filter_map(|e| match e.when {
            When::Date(d) => Some(d),
            When::Period(_) => None,
        })
        .collect()
}

/// The last call of `vessel` at Rason in February 2024, before the pause.
fn last_rason_call_before_pause(report: &Report, vessel: &str) -> Date {
    let (from, to) = (date("2024-02-01"), date("2024-02-29"));
    calls(report, vessel, "rason")
        .into_iter()
        .filter(|d| d.first_day() >= from.first_day() && d.last_day() <= to.last_day())
        .max_by_key(|d| d.last_day())
        .unwrap_or_else(|| panic!("no Rason call of {vessel} in February 2024"))
}

#[test]
fn checks_without_errors_and_only_the_expected_warnings() {
    let checked = check(REPORT);
    let errors: Vec<String> = checked
        .errors()
        .map(|d| format!("{}: {}", d.path, d.message))
        .collect();
    assert!(errors.is_empty(), "errors:\n{}", errors.join("\n"));
    // Approximate places, and the few sources that truly have neither URL nor date, are
    // expected. Anything else (an uncited source, an `inferred` without a note) is not.
    for w in checked.warnings() {
        let approximate_place = w.path.starts_with("places[") && w.path.ends_with("].precision");
        let undated_source = w.path.starts_with("sources[") && w.path.ends_with(']');
        assert!(
            approximate_place || undated_source,
            "unexpected warning {}: {}",
            w.path,
            w.message
        );
    }
}

#[test]
fn published_on_the_seed_articles_date() {
    assert_eq!(report().info.published.to_string(), "2024-03-01");
}

#[test]
fn as_of_is_the_newest_dated_item() {
    let r = report();
    let mut dates: Vec<Date> = Vec::new();
    for t in &r.trips {
        dates.extend(t.depart);
        dates.extend(t.arrive);
    }
    for e in &r.events {
        match e.when {
            When::Date(d) => dates.push(d),
            When::Period(p) => dates.extend(p.start.into_iter().chain(p.end)),
        }
    }
    dates.extend(r.claims.iter().map(|c| c.stated));
    for x in &r.estimates {
        dates.push(x.stated);
        if let Some(p) = x.period {
            dates.extend(p.start.into_iter().chain(p.end));
        }
    }
    let newest = dates
        .iter()
        .copied()
        .max_by_key(|d| d.last_day())
        .expect("dated items");
    assert_eq!(r.info.as_of.to_string(), newest.to_string());
    assert!(r.info.as_of.cmp_coarse(&r.info.published).is_ge());
}

#[test]
fn the_four_ships_are_russian_flagged_and_only_lady_r_has_an_imo_number() {
    let r = report();
    for id in FOUR_SHIPS {
        let v = r.vessel(id).unwrap_or_else(|| panic!("vessel {id}"));
        assert_eq!(v.flag.as_deref(), Some("RU"), "{id}");
    }
    assert_eq!(r.vessel("lady-r").unwrap().imo.as_deref(), Some("9161003"));
    for id in ["angara", "maia-1", "maria"] {
        assert_eq!(
            r.vessel(id).unwrap().imo,
            None,
            "{id}: no IMO number was found"
        );
    }
}

#[test]
fn lady_r_and_maia_1_last_called_at_rason_on_4_and_12_february_2024() {
    let r = report();
    assert_eq!(
        last_rason_call_before_pause(&r, "lady-r").to_string(),
        "2024-02-04"
    );
    assert_eq!(
        last_rason_call_before_pause(&r, "maia-1").to_string(),
        "2024-02-12"
    );
}

#[test]
fn none_of_the_four_ships_called_at_rason_during_the_pause() {
    let r = report();
    let (from, to) = (date("2024-02-13"), date("2024-03-09"));
    let during = |d: &Date| d.last_day() >= from.first_day() && d.first_day() <= to.last_day();
    for id in FOUR_SHIPS {
        for d in calls(&r, id, "rason") {
            assert!(!during(&d), "{id} at Rason on {d}, during the pause");
        }
    }
    for t in &r.trips {
        if t.from == "rason" {
            assert!(
                !t.depart.is_some_and(|d| during(&d)),
                "trip {} leaves Rason during the pause",
                t.id
            );
        }
        if t.to == "rason" {
            assert!(
                !t.arrive.is_some_and(|d| during(&d)),
                "trip {} reaches Rason during the pause",
                t.id
            );
        }
    }
}

#[test]
fn nk_pro_counts_at_least_32_trips() {
    let r = report();
    let floor: Vec<&Estimate> = r
        .estimates
        .iter()
        .filter(|x| x.quantity.value == 32.0 && x.quantity.bound == Bound::AtLeast)
        .collect();
    assert_eq!(floor.len(), 1, "one estimate of at least 32 trips");
    assert_eq!(floor[0].actor, "nk-pro");
    assert_eq!(floor[0].unit, "trips");
}

#[test]
fn the_state_department_counted_more_than_10000_containers_on_23_february_2024() {
    let r = report();
    let found = r.estimates.iter().any(|x| {
        x.actor == "us-state-department"
            && x.stated.to_string() == "2024-02-23"
            && x.unit == "containers"
            && x.quantity.value == 10_000.0
            && x.quantity.bound == Bound::MoreThan
    });
    assert!(
        found,
        "the State Department's more than 10,000 containers of 23 Feb 2024"
    );
}

#[test]
fn container_estimates_grow_from_more_than_1000_to_more_than_13000() {
    let r = report();
    let mut counts: Vec<&Estimate> = r
        .estimates
        .iter()
        .filter(|x| x.unit == "containers" && x.measure == "containers sent to Russia")
        .collect();
    counts.sort_by_key(|x| x.stated.last_day());
    let (first, last) = (
        counts.first().expect("container estimates"),
        counts.last().unwrap(),
    );
    assert_eq!(first.stated.to_string(), "2023-10-13");
    assert_eq!(
        (first.quantity.value, first.quantity.bound),
        (1_000.0, Bound::MoreThan)
    );
    assert_eq!(last.stated.to_string(), "2024-08-27");
    assert_eq!(
        (last.quantity.value, last.quantity.bound),
        (13_000.0, Bound::MoreThan)
    );
}

#[test]
fn shell_counts_computed_from_containers_say_so() {
    let r = report();
    for (shells, containers) in [
        ("shin-152mm-2024-02-26", "shin-containers-2024-02-26"),
        ("shin-122mm-2024-02-26", "shin-containers-2024-02-26"),
        ("shin-shells-2024-06-14", "shin-containers-2024-06-14"),
        (
            "mil-intel-152mm-2024-08-27",
            "mil-intel-containers-2024-08-27",
        ),
    ] {
        let x = r
            .estimate(shells)
            .unwrap_or_else(|| panic!("estimate {shells}"));
        assert!(
            x.derived_from.iter().any(|d| d == containers),
            "{shells} derives from {containers}"
        );
    }
    assert_eq!(
        r.estimate("shin-shells-2024-06-14").unwrap().quantity.bound,
        Bound::UpTo
    );
}
