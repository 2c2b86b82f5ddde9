//! The warnings of the format, one test per rule: the report is still returned.

mod common;

use common::{assert_clean, one_warning, remove, set, valid, with};
use serde_json::json;

#[test]
fn a_source_with_neither_url_nor_date_is_warned_about() {
    // one of the two is enough
    assert_clean(&with(|v| remove(v, "/sources/0/url")));
    assert_clean(&with(|v| remove(v, "/sources/0/date")));
    let c = with(|v| remove(v, "/sources/1/date"));
    let d = one_warning(&c, "sources[1]");
    assert!(
        d.message
            .contains("source \"s-news\" has neither a URL nor a date"),
        "{}",
        d.message
    );
    assert!(d.help.is_some());
}

#[test]
fn an_approximate_place_is_warned_about() {
    let c = with(|v| set(v, "/places/1/precision", json!("approximate")));
    let d = one_warning(&c, "places[1].precision");
    assert_eq!(
        d.message,
        "the coordinates of place \"dunai\" are approximate"
    );
}

#[test]
fn a_source_nothing_cites_is_warned_about() {
    let c = with(|v| {
        let mut extra = v["sources"][2].clone();
        extra["id"] = json!("s-unused");
        v["sources"].as_array_mut().expect("list").push(extra);
    });
    let d = one_warning(&c, "sources[3].id");
    assert_eq!(
        d.message,
        "source \"s-unused\" is listed but nothing cites it"
    );
}

#[test]
fn any_citation_counts_including_via_and_section_cites() {
    // s-news is then cited only `via` the trip's second citation
    let only_via = |v: &mut serde_json::Value| {
        set(v, "/report/sections/0/cites", json!(["s-nkpro"]));
        set(v, "/claims/0/sources", json!(["s-nkpro"]));
        set(v, "/estimates/1/sources", json!(["s-nkpro"]));
    };
    assert_clean(&with(only_via));
    let c = with(|v| {
        only_via(v);
        remove(v, "/trips/0/sources/1/via");
    });
    one_warning(&c, "sources[1].id");
    // s-gov cited only by a section
    assert_clean(&with(|v| {
        only_via(v);
        set(
            v,
            "/report/sections/0/cites",
            json!(["s-nkpro", { "source": "s-gov", "quote": "ships left" }]),
        );
        set(v, "/events/1/sources", json!(["s-news"]));
        set(v, "/estimates/0/sources", json!(["s-news"]));
        set(v, "/vessels/0/sanctions/0/sources", json!(["s-news"]));
        set(v, "/trips/0/sources/1/source", json!("s-news"));
    }));
}

#[test]
fn inferred_or_disputed_without_a_note_is_warned_about() {
    let c = with(|v| remove(v, "/events/1/note"));
    let d = one_warning(&c, "events[1].certainty");
    assert_eq!(
        d.message,
        "event \"e-2\" is marked `inferred` but has no `note` saying why"
    );
    let c = with(|v| set(v, "/trips/0/certainty", json!("disputed")));
    assert!(
        one_warning(&c, "trips[0].certainty")
            .help
            .as_deref()
            .unwrap_or("")
            .contains("disagree")
    );
    let c = with(|v| {
        set(v, "/claims/0/certainty", json!("disputed"));
        set(v, "/claims/0/note", json!(" "));
    });
    one_warning(&c, "claims[0].certainty");
    assert_clean(&with(|v| {
        set(v, "/claims/0/certainty", json!("disputed"));
        set(
            v,
            "/claims/0/note",
            json!("The ministry and NK Pro disagree on the date."),
        );
    }));
}

#[test]
fn warnings_do_not_withhold_the_report() {
    let mut v = valid();
    set(&mut v, "/places/0/precision", json!("approximate"));
    remove(&mut v, "/events/1/note");
    let c = common::run(&v);
    assert!(c.is_valid());
    assert_eq!(c.warnings().count(), 2);
    assert!(c.report.is_some());
}
