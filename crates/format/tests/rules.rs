//! The errors of the format, one test per rule: each checks a passing and a failing case.

mod common;

use common::{assert_clean, one_error, remove, run, run_pretty, set, valid, with};
use sealift_format::{Severity, check};
use serde_json::json;

#[test]
fn the_valid_fixture_has_no_diagnostics() {
    let c = run(&valid());
    assert_clean(&c);
    let report = c.report.expect("report");
    assert_eq!(report.trips.len(), 1);
    assert_eq!(
        report.vessel("maia-1").map(|v| v.name.as_str()),
        Some("Maia-1")
    );
}

#[test]
fn format_must_be_exactly_sealift_report_1_and_nothing_else_is_checked() {
    for format in [
        json!("sealift-report/2"),
        json!("Sealift-Report/1"),
        json!(1),
    ] {
        // other mistakes are not reported once the format is unknown
        let c = with(|v| {
            set(v, "/format", format.clone());
            set(v, "/trips/0/vessel", json!("nowhere"));
            set(v, "/bogus", json!(true));
        });
        let d = one_error(&c, "format");
        assert!(d.message.contains("sealift-report/1"), "{}", d.message);
        assert_eq!(c.diagnostics.len(), 1);
    }
    let c = with(|v| remove(v, "/format"));
    assert!(one_error(&c, "format").message.contains("sealift-report/1"));
    let c = check("[1, 2]");
    assert!(one_error(&c, "").message.contains("one JSON object"));
}

#[test]
fn wrong_types_name_the_expected_type() {
    let c = with(|v| set(v, "/trips/0/vessel", json!(5)));
    assert_eq!(
        one_error(&c, "trips[0].vessel").message,
        "expected a string, found a number"
    );
    let c = with(|v| set(v, "/places/0/lat", json!("42.25")));
    let d = one_error(&c, "places[0].lat");
    assert_eq!(d.message, "expected a number, found a string");
    assert_eq!(d.help.as_deref(), Some("write the number without quotes"));
    let c = with(|v| set(v, "/sources/0/note", json!(null)));
    assert_eq!(
        one_error(&c, "sources[0].note").message,
        "expected a string, found null"
    );
    let c = with(|v| set(v, "/trips", json!({})));
    assert_eq!(
        one_error(&c, "trips").message,
        "expected a list, found an object"
    );
    let c = with(|v| set(v, "/trips/0/sources/0", json!(3)));
    assert_eq!(
        one_error(&c, "trips[0].sources[0]").message,
        "expected a source id or a citation object, found a number"
    );
    let c = with(|v| set(v, "/report/published", json!(2024)));
    assert!(
        one_error(&c, "report.published")
            .message
            .starts_with("expected a date string")
    );
}

#[test]
fn unknown_fields_are_errors_with_a_suggestion() {
    let c = with(|v| {
        let depart = v["trips"][0]["depart"].take();
        remove(v, "/trips/0/depart");
        set(v, "/trips/0/depar", json!(null));
        v["trips"][0]["depar"] = depart;
    });
    let d = one_error(&c, "trips[0].depar");
    assert_eq!(d.message, "unknown field `depar`");
    assert_eq!(d.help.as_deref(), Some("did you mean `depart`?"));

    let c = with(|v| {
        let trips = v["trips"].take();
        remove(v, "/trips");
        v["trip"] = trips;
    });
    assert_eq!(
        one_error(&c, "trip").help.as_deref(),
        Some("did you mean `trips`?")
    );

    let c = with(|v| set(v, "/estimates/0/quantity/confidence", json!(0.9)));
    let d = one_error(&c, "estimates[0].quantity.confidence");
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("`value`, `bound`, `low`, `high`"),
        "{d:?}"
    );
}

#[test]
fn fields_starting_with_x_are_ignored_whatever_they_hold() {
    let c = with(|v| {
        v["x-editor"] = json!({ "anything": [1, null, { "deep": true }] });
        v["trips"][0]["x-internal-note"] = json!(42);
        v["estimates"][0]["quantity"]["x-source-table"] = json!("T3");
    });
    assert_clean(&c);
    let c = with(|v| set(v, "/X-editor", json!(1)));
    one_error(&c, "X-editor");
}

#[test]
fn required_fields_must_be_present() {
    let c = with(|v| remove(v, "/report/title"));
    assert_eq!(
        one_error(&c, "report.title").message,
        "the required field `title` is missing"
    );
    let c = with(|v| remove(v, "/estimates/0/quantity/bound"));
    one_error(&c, "estimates[0].quantity.bound");
    let c = with(|v| remove(v, "/report"));
    one_error(&c, "report");
    // optional fields may be left out
    let c = with(|v| {
        remove(v, "/report/updated");
        remove(v, "/vessels/0/imo");
        remove(v, "/events/0/vessel");
    });
    assert_clean(&c);
}

#[test]
fn required_text_fields_must_not_be_empty() {
    let c = with(|v| set(v, "/sources/0/title", json!("  ")));
    assert_eq!(
        one_error(&c, "sources[0].title").message,
        "`title` must not be empty"
    );
    let c = with(|v| set(v, "/report/sections/0/text", json!("")));
    one_error(&c, "report.sections[0].text");
    let c = with(|v| set(v, "/places/0/aliases/0", json!("")));
    one_error(&c, "places[0].aliases[0]");
    // optional text may be empty
    let c = with(|v| set(v, "/trips/0/cargo", json!("")));
    assert_clean(&c);
}

#[test]
fn closed_vocabularies_accept_only_their_words() {
    let c = with(|v| set(v, "/trips/0/certainty", json!("confirmd")));
    let d = one_error(&c, "trips[0].certainty");
    assert!(
        d.message
            .contains("`confirmed`, `reported`, `inferred`, `disputed`"),
        "{}",
        d.message
    );
    assert_eq!(d.help.as_deref(), Some("did you mean \"confirmed\"?"));
    let c = with(|v| set(v, "/estimates/1/quantity/bound", json!("at least")));
    assert_eq!(
        one_error(&c, "estimates[1].quantity.bound").help.as_deref(),
        Some("did you mean \"at-least\"?")
    );
    let c = with(|v| {
        set(v, "/sources/0/kind", json!("think-tank"));
        set(v, "/places/0/kind", json!("border-crossing"));
        set(v, "/events/0/kind", json!("port-call"));
        set(v, "/actors/0/kind", json!("prosecutor"));
    });
    assert_clean(&c);
}

#[test]
fn ids_must_be_well_formed() {
    let c = with(|v| set(v, "/events/1/id", json!("Event 2")));
    let d = one_error(&c, "events[1].id");
    assert_eq!(d.message, "\"Event 2\" is not a valid id");
    assert!(d.help.as_deref().unwrap_or("").contains("\"event-2\""));
    let c = with(|v| set(v, "/report/id", json!("-report")));
    one_error(&c, "report.id");
    let c = with(|v| set(v, "/events/1/id", json!("a".repeat(65))));
    one_error(&c, "events[1].id");
    let c = with(|v| set(v, "/events/1/id", json!(format!("0{}", "a".repeat(63)))));
    assert_clean(&c);
}

#[test]
fn ids_must_be_unique_within_their_collection() {
    let c = with(|v| set(v, "/events/1/id", json!("e-1")));
    let d = one_error(&c, "events[1].id");
    assert!(
        d.message.contains("used twice in `events`") && d.message.contains("events[0]"),
        "{}",
        d.message
    );
    // two collections may share an id
    let c = with(|v| set(v, "/events/1/id", json!("t-1")));
    assert_clean(&c);
}

#[test]
fn every_reference_resolves_with_a_suggestion_from_the_right_collection() {
    let c = with(|v| set(v, "/trips/0/vessel", json!("maia1")));
    let d = one_error(&c, "trips[0].vessel");
    assert_eq!(
        d.message,
        "trip \"t-1\" names vessel \"maia1\", which is not in `vessels`"
    );
    assert_eq!(d.help.as_deref(), Some("did you mean \"maia-1\"?"));

    let cases = [
        ("/trips/0/from", "rajim", "trips[0].from", "rajin"),
        ("/trips/0/to", "dunia", "trips[0].to", "dunai"),
        ("/events/0/vessel", "angra", "events[0].vessel", "angara"),
        ("/events/0/place", "rajn", "events[0].place", "rajin"),
        ("/claims/0/actor", "a-mdn", "claims[0].actor", "a-mnd"),
        (
            "/claims/0/vessels/0",
            "maia-2",
            "claims[0].vessels[0]",
            "maia-1",
        ),
        (
            "/claims/0/places/0",
            "dunaj",
            "claims[0].places[0]",
            "dunai",
        ),
        (
            "/estimates/0/actor",
            "a-mnd-",
            "estimates[0].actor",
            "a-mnd",
        ),
        (
            "/estimates/1/derived_from/0",
            "n-container",
            "estimates[1].derived_from[0]",
            "n-containers",
        ),
        (
            "/trips/0/sources/0",
            "s-nkpr",
            "trips[0].sources[0]",
            "s-nkpro",
        ),
        (
            "/trips/0/sources/1/via",
            "s-new",
            "trips[0].sources[1].via",
            "s-news",
        ),
        (
            "/report/sections/0/cites/1/source",
            "s-newz",
            "report.sections[0].cites[1].source",
            "s-news",
        ),
        (
            "/places/0/sources/0",
            "s-gv",
            "places[0].sources[0]",
            "s-gov",
        ),
        (
            "/vessels/0/sanctions/0/sources/0",
            "s-gob",
            "vessels[0].sanctions[0].sources[0]",
            "s-gov",
        ),
    ];
    for (pointer, wrong, path, near) in cases {
        let c = with(|v| set(v, pointer, json!(wrong)));
        let d = one_error(&c, path);
        assert!(
            d.message.contains(&format!("\"{wrong}\", which is not in")),
            "{}",
            d.message
        );
        assert_eq!(d.help, Some(format!("did you mean \"{near}\"?")), "{path}");
    }
    // a place id is not a vessel id
    let c = with(|v| set(v, "/trips/0/vessel", json!("rajin")));
    assert_eq!(one_error(&c, "trips[0].vessel").help, None);
}

#[test]
fn dates_must_be_valid() {
    let c = with(|v| set(v, "/trips/0/depart", json!("2023-02-30")));
    let d = one_error(&c, "trips[0].depart");
    assert_eq!(
        d.message,
        "\"2023-02-30\" is not a valid date: there is no day 30 in 2023-02"
    );
    let c = with(|v| set(v, "/claims/0/stated", json!("2024-02%")));
    one_error(&c, "claims[0].stated");
    let c = with(|v| set(v, "/vessels/0/sanctions/0/date", json!("2023/2024")));
    one_error(&c, "vessels[0].sanctions[0].date");
    let c = with(|v| set(v, "/trips/0/depart", json!("2024-01-10?")));
    assert_clean(&c);
}

#[test]
fn periods_need_a_side_and_must_not_end_before_they_start() {
    let c = with(|v| set(v, "/estimates/0/period", json!({})));
    assert_eq!(
        one_error(&c, "estimates[0].period").message,
        "a period needs `start`, `end` or both"
    );
    let c = with(|v| {
        set(
            v,
            "/events/1/period",
            json!({ "start": "2024-02", "end": "2024-01-31" }),
        )
    });
    assert_eq!(
        one_error(&c, "events[1].period.end").message,
        "the period ends (2024-01-31) before it starts (2024-02)"
    );
    // coarser precision: 2024-02 <= 2024-02-10 holds, either way round
    for (start, end) in [
        ("2024-02", "2024-02-10"),
        ("2024-02-10", "2024-02"),
        ("2024", "2024-01-01~"),
    ] {
        assert_clean(&with(|v| {
            set(v, "/events/1/period", json!({ "start": start, "end": end }))
        }));
    }
    assert_clean(&with(|v| {
        set(v, "/events/1/period", json!({ "end": "2024-02" }))
    }));
}

#[test]
fn a_trip_does_not_arrive_before_it_departs() {
    let c = with(|v| set(v, "/trips/0/arrive", json!("2024-01-09")));
    assert_eq!(
        one_error(&c, "trips[0].arrive").message,
        "trip \"t-1\" arrives (2024-01-09) before it departs (2024-01-10)"
    );
    assert_clean(&with(|v| set(v, "/trips/0/depart", json!("2024-01~"))));
}

#[test]
fn a_trip_needs_depart_or_arrive() {
    let c = with(|v| {
        remove(v, "/trips/0/depart");
        remove(v, "/trips/0/arrive");
    });
    one_error(&c, "trips[0].depart");
    assert_clean(&with(|v| remove(v, "/trips/0/depart")));
    assert_clean(&with(|v| remove(v, "/trips/0/arrive")));
}

#[test]
fn updated_is_not_before_published() {
    let c = with(|v| set(v, "/report/updated", json!("2024-02-29")));
    let d = one_error(&c, "report.updated");
    assert_eq!(
        d.message,
        "`updated` (2024-02-29) is before `published` (2024-03-01)"
    );
    assert_clean(&with(|v| set(v, "/report/updated", json!("2024-03"))));
}

#[test]
fn coordinates_are_in_range() {
    let c = with(|v| set(v, "/places/0/lat", json!(130.3)));
    let d = one_error(&c, "places[0].lat");
    assert_eq!(
        d.message,
        "latitude 130.3 is out of range: it must be between -90 and 90"
    );
    let c = with(|v| set(v, "/events/1/position/lon", json!(-180.5)));
    one_error(&c, "events[1].position.lon");
    assert_clean(&with(|v| {
        set(v, "/places/0/lat", json!(-90));
        set(v, "/places/0/lon", json!(180));
    }));
}

#[test]
fn imo_numbers_have_a_valid_check_digit() {
    let c = with(|v| set(v, "/vessels/0/imo", json!("9161004")));
    let d = one_error(&c, "vessels[0].imo");
    assert!(
        d.help.as_deref().unwrap_or("").contains("should be 3"),
        "{d:?}"
    );
    for bad in ["916100", "IMO 9161003", "91610030"] {
        one_error(
            &with(|v| set(v, "/vessels/0/imo", json!(bad))),
            "vessels[0].imo",
        );
    }
    assert_clean(&with(|v| set(v, "/vessels/0/imo", json!("9161003"))));
}

#[test]
fn urls_are_http_or_https_only() {
    for bad in [
        "javascript:alert(1)",
        "ftp://example.org/x",
        "example.org",
        "https://",
    ] {
        let c = with(|v| set(v, "/sources/0/url", json!(bad)));
        assert!(
            one_error(&c, "sources[0].url")
                .message
                .contains("http:// or https://")
        );
    }
    assert_clean(&with(|v| {
        set(v, "/sources/0/url", json!("http://example.org/a?b=c#d"))
    }));
}

#[test]
fn quantities_are_consistent_and_not_negative() {
    let c = with(|v| set(v, "/estimates/0/quantity/low", json!(7000)));
    assert_eq!(
        one_error(&c, "estimates[0].quantity.low").message,
        "`low` (7000) is more than `value` (6700)"
    );
    let c = with(|v| set(v, "/estimates/0/quantity/high", json!(6000.5)));
    one_error(&c, "estimates[0].quantity.high");
    let c = with(|v| {
        set(v, "/estimates/1/quantity/value", json!(-1));
    });
    one_error(&c, "estimates[1].quantity.value");
    assert_clean(&with(|v| {
        set(
            v,
            "/estimates/0/quantity",
            json!({ "value": 0, "bound": "up-to", "low": 0, "high": 0 }),
        )
    }));
}

#[test]
fn derived_from_does_not_refer_to_itself() {
    let c = with(|v| set(v, "/estimates/0/derived_from", json!(["n-containers"])));
    assert_eq!(
        one_error(&c, "estimates[0].derived_from[0]").message,
        "estimate \"n-containers\" is derived from itself"
    );
}

#[test]
fn derived_from_has_no_cycles() {
    let c = with(|v| set(v, "/estimates/0/derived_from", json!(["n-shells"])));
    let d = one_error(&c, "estimates[1].derived_from[0]");
    assert_eq!(
        d.message,
        "estimates are derived from each other in a circle: \"n-containers\" → \"n-shells\" → \"n-containers\""
    );
    // a diamond is not a circle
    let c = with(|v| {
        let mut third = v["estimates"][1].clone();
        third["id"] = json!("n-third");
        third["derived_from"] = json!(["n-containers", "n-shells"]);
        v["estimates"].as_array_mut().expect("list").push(third);
    });
    assert_clean(&c);
}

#[test]
fn trips_events_claims_and_estimates_cite_at_least_one_source() {
    for (pointer, path) in [
        ("/trips/0/sources", "trips[0].sources"),
        ("/events/0/sources", "events[0].sources"),
        ("/claims/0/sources", "claims[0].sources"),
        ("/estimates/1/sources", "estimates[1].sources"),
    ] {
        let c = with(|v| set(v, pointer, json!([])));
        assert!(one_error(&c, path).message.contains("cites no source"));
        let c = with(|v| remove(v, pointer));
        one_error(&c, path);
    }
    // places, vessels and sanctions need none
    assert_clean(&with(|v| {
        remove(v, "/places/0/sources");
        remove(v, "/vessels/0/sanctions/0/sources");
        set(v, "/report/sections/0/cites", json!(["s-nkpro", "s-news"]));
        set(v, "/vessels/0/sources", json!(["s-gov"]));
    }));
}

#[test]
fn language_tags_are_bcp_47() {
    let c = with(|v| set(v, "/report/language", json!("en_US")));
    one_error(&c, "report.language");
    let c = with(|v| set(v, "/sources/0/language", json!("english language")));
    one_error(&c, "sources[0].language");
    assert_clean(&with(|v| {
        set(v, "/report/language", json!("zh-Hant"));
        set(v, "/sources/0/language", json!("uk"));
    }));
}

#[test]
fn country_codes_are_two_upper_case_letters() {
    let c = with(|v| set(v, "/actors/0/country", json!("kr")));
    assert_eq!(
        one_error(&c, "actors[0].country").help.as_deref(),
        Some("did you mean \"KR\"?")
    );
    one_error(
        &with(|v| set(v, "/places/0/country", json!("PRK"))),
        "places[0].country",
    );
    one_error(
        &with(|v| set(v, "/vessels/0/flag", json!("Russia"))),
        "vessels[0].flag",
    );
    assert_clean(&with(|v| set(v, "/vessels/0/flag", json!("KP"))));
}

#[test]
fn an_event_has_exactly_one_of_place_and_position() {
    let c = with(|v| set(v, "/events/0/position", json!({ "lat": 1, "lon": 2 })));
    one_error(&c, "events[0].position");
    let c = with(|v| remove(v, "/events/0/place"));
    one_error(&c, "events[0].place");
    assert_clean(&with(|v| {
        remove(v, "/events/0/place");
        set(
            v,
            "/events/0/position",
            json!({ "lat": 42.2, "lon": 130.3 }),
        );
    }));
}

#[test]
fn an_event_has_exactly_one_of_date_and_period() {
    let c = with(|v| set(v, "/events/0/period", json!({ "start": "2024" })));
    one_error(&c, "events[0].period");
    let c = with(|v| remove(v, "/events/0/date"));
    one_error(&c, "events[0].date");
}

#[test]
fn errors_point_into_the_file() {
    let mut v = valid();
    set(&mut v, "/trips/0/vessel", json!("maia1"));
    let text = serde_json::to_string_pretty(&v).unwrap_or_default();
    let c = run_pretty(&v);
    let d = one_error(&c, "trips[0].vessel");
    let at = d.location.expect("location");
    assert_eq!(text.get(at.offset..at.offset + at.len), Some("\"maia1\""));
    let line = text.lines().nth(at.line - 1).unwrap_or_default();
    assert_eq!(
        line.chars().skip(at.column - 1).take(7).collect::<String>(),
        "\"maia1\""
    );
    assert!(
        c.diagnostics
            .iter()
            .all(|d| d.severity == Severity::Error && d.location.is_some())
    );
}
