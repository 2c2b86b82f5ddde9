//! The timeline in a real browser: lanes, bars and marks, certainty, the
//! publication line, the quiet spell, details on hover and focus, the keyboard,
//! and the reader's choices (selected vessel, "as of", date range).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sealift_format::Date;
use sealift_viewer::data::{SharedReport, check_report};
use sealift_viewer::state::{ReaderState, ReaderStateSignal};
use sealift_viewer::timeline::Timeline;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

use common::{opacity, pause};

wasm_bindgen_test_configure!(run_in_browser);

const NORTH_SEA: &str = include_str!("fixtures/timeline-north-sea.json");
const STYLES: &str = include_str!("../src/timeline/timeline.css");

/// A small report with these vessels, trips and events (JSON array bodies).
/// Places `a` and `b`, sources `s1` and `s2`, published 1 Jul 2024.
fn report(vessels: &str, trips: &str, events: &str) -> SharedReport {
    let json = format!(
        r#"{{
        "format": "sealift-report/1",
        "report": {{ "id": "t", "title": "Timeline test", "summary": "Made up.", "language": "en",
                     "published": "2024-07-01", "as_of": "2024-06-20" }},
        "sources": [
            {{ "id": "s1", "publisher": "First Source", "title": "One", "date": "2024-06-01", "kind": "news" }},
            {{ "id": "s2", "publisher": "Second Source", "title": "Two", "date": "2024-06-02", "kind": "ngo" }}
        ],
        "places": [
            {{ "id": "a", "name": "Alphaport", "country": "SE", "kind": "port", "lat": 59.0, "lon": 18.0, "precision": "exact" }},
            {{ "id": "b", "name": "Betahaven", "country": "FI", "kind": "port", "lat": 60.0, "lon": 25.0, "precision": "exact" }}
        ],
        "vessels": [{vessels}],
        "trips": [{trips}],
        "events": [{events}]
    }}"#
    );
    check_report("test.json", json.as_bytes())
        .unwrap_or_else(|e| panic!("the test report is invalid: {e:?}"))
}

const TWO_VESSELS: &str =
    r#"{ "id": "aurora", "name": "Aurora" }, { "id": "borealis", "name": "Borealis" }"#;

/// A confirmed trip for each of [`TWO_VESSELS`]: Aurora's in January, Borealis's in February.
fn one_trip_each() -> String {
    [
        trip(
            "t1",
            "aurora",
            Some("2024-01-01"),
            Some("2024-01-10"),
            "confirmed",
        ),
        trip(
            "t2",
            "borealis",
            Some("2024-02-01"),
            Some("2024-02-10"),
            "confirmed",
        ),
    ]
    .join(",")
}

fn trip(
    id: &str,
    vessel: &str,
    depart: Option<&str>,
    arrive: Option<&str>,
    certainty: &str,
) -> String {
    let date =
        |key: &str, d: Option<&str>| d.map(|d| format!(r#""{key}": "{d}","#)).unwrap_or_default();
    format!(
        r#"{{ "id": "{id}", "vessel": "{vessel}", "from": "a", "to": "b", {} {} "certainty": "{certainty}", "sources": ["s1"] }}"#,
        date("depart", depart),
        date("arrive", arrive)
    )
}

fn event(id: &str, vessel: Option<&str>, date: &str, kind: &str) -> String {
    let vessel = vessel
        .map(|v| format!(r#""vessel": "{v}","#))
        .unwrap_or_default();
    format!(
        r#"{{ "id": "{id}", {vessel} "place": "a", "date": "{date}", "kind": "{kind}", "certainty": "confirmed",
             "summary": "Something at Alphaport.", "sources": ["s2"] }}"#
    )
}

/// A mounted timeline, its host element and the reader's state it shares.
struct Mounted {
    el: web_sys::HtmlElement,
    state: ReaderStateSignal,
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    async fn new(report: SharedReport) -> Self {
        Self::with_state(report, ReaderState::default()).await
    }

    async fn with_state(report: SharedReport, initial: ReaderState) -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        // The view's stylesheet, as the app links it: certainty is drawn by it.
        if document.get_element_by_id("timeline-styles").is_none() {
            let style = document.create_element("style").unwrap();
            style.set_id("timeline-styles");
            style.set_text_content(Some(STYLES));
            document.head().unwrap().append_child(&style).unwrap();
        }
        let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        el.style().set_property("width", "900px").unwrap();
        common::in_sight_at_top(&el);
        let state = ReaderStateSignal::new(initial);
        let handle = leptos::mount::mount_to(el.clone(), move || {
            provide_context(state);
            view! { <Timeline report /> }
        });
        settle().await;
        Self {
            el,
            state,
            _handle: Box::new(handle),
        }
    }

    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.el.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into().ok())
            .collect()
    }

    fn one(&self, selector: &str) -> web_sys::Element {
        self.el
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn text(&self) -> String {
        self.el.text_content().unwrap_or_default()
    }
}

/// Lets effects and re-renders run.
async fn settle() {
    for _ in 0..3 {
        pause(10).await;
    }
}

fn attr(el: &web_sys::Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

fn number(el: &web_sys::Element, name: &str) -> f64 {
    attr(el, name)
        .parse()
        .unwrap_or_else(|_| panic!("{name} is not a number"))
}

fn has_class(el: &web_sys::Element, class: &str) -> bool {
    el.class_list().contains(class)
}

/// Sends a bubbling event of `kind` (a `KeyboardEvent` when `key` is given).
fn dispatch(el: &web_sys::Element, kind: &str, key: Option<&str>) {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    let class = if let Some(key) = key {
        js_sys::Reflect::set(&init, &"key".into(), &key.into()).unwrap();
        "KeyboardEvent"
    } else {
        "Event"
    };
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &class.into())
            .unwrap()
            .unchecked_into();
    let event =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&kind.into(), &init)).unwrap();
    el.dispatch_event(event.unchecked_ref()).unwrap();
}

fn focus(el: &web_sys::Element) {
    el.unchecked_ref::<web_sys::SvgElement>().focus().unwrap();
}

/// The key of the mark that has the keyboard's focus, or "".
fn active_mark() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|el| attr(&el, "data-mark"))
        .unwrap_or_default()
}

fn mark(m: &Mounted, key: &str) -> web_sys::Element {
    m.one(&format!("[data-mark=\"{key}\"]"))
}

#[wasm_bindgen_test]
async fn one_lane_per_vessel_and_one_for_rail_and_port_activity() {
    let trips = [
        trip(
            "t1",
            "aurora",
            Some("2024-01-02"),
            Some("2024-01-05"),
            "confirmed",
        ),
        trip(
            "t2",
            "borealis",
            Some("2024-02-02"),
            Some("2024-02-05"),
            "confirmed",
        ),
    ]
    .join(",");
    let events = event("rail", None, "2024-03-01", "rail");
    let m = Mounted::new(report(TWO_VESSELS, &trips, &events)).await;
    let lanes: Vec<String> = m
        .all(".timeline__lane")
        .iter()
        .map(|l| attr(l, "aria-label"))
        .collect();
    assert_eq!(lanes, ["Aurora", "Borealis", "Rail and port activity"]);
    let names: Vec<String> = m
        .all(".timeline__name")
        .iter()
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    assert_eq!(names, ["Aurora", "Borealis", "Rail and port activity"]);
    // Each vessel's lane takes its series colour.
    assert!(has_class(&m.all(".timeline__lane")[0], "series-1"));
    assert!(has_class(&m.all(".timeline__lane")[1], "series-2"));

    let without_rail = Mounted::new(report(TWO_VESSELS, &trips, "")).await;
    assert_eq!(without_rail.all(".timeline__lane").len(), 2);
    assert!(!without_rail.text().contains("Rail and port activity"));
}

#[wasm_bindgen_test]
async fn each_trip_is_a_bar_from_departure_to_arrival() {
    let trips = [
        trip(
            "t1",
            "aurora",
            Some("2024-01-01"),
            Some("2024-01-10"),
            "confirmed",
        ),
        trip(
            "t2",
            "aurora",
            Some("2024-03-01"),
            Some("2024-03-30"),
            "confirmed",
        ),
        trip(
            "t3",
            "borealis",
            Some("2024-02-01"),
            Some("2024-02-03"),
            "confirmed",
        ),
    ]
    .join(",");
    let m = Mounted::new(report(TWO_VESSELS, &trips, "")).await;
    let bars = m.all("[data-mark^=\"trip-\"] .timeline__bar");
    assert_eq!(bars.len(), 3);
    let width = |key: &str| {
        number(
            &m.one(&format!("[data-mark=\"{key}\"] .timeline__bar")),
            "width",
        )
    };
    // Ten days and thirty days: the bars keep that proportion.
    let ratio = width("trip-t2") / width("trip-t1");
    assert!((ratio - 3.0).abs() < 0.05, "ratio {ratio}");
    let label = attr(&mark(&m, "trip-t1"), "aria-label");
    assert!(label.contains("Aurora: Alphaport to Betahaven"), "{label}");
    assert!(label.contains("1 Jan 2024 – 10 Jan 2024"), "{label}");
}

#[wasm_bindgen_test]
async fn a_trip_with_an_unknown_end_fades_out_towards_it() {
    let trips = [
        trip("open-end", "aurora", Some("2024-01-01"), None, "reported"),
        trip("open-start", "aurora", None, Some("2024-03-01"), "reported"),
        trip(
            "closed",
            "borealis",
            Some("2024-02-01"),
            Some("2024-02-03"),
            "confirmed",
        ),
    ]
    .join(",");
    let m = Mounted::new(report(TWO_VESSELS, &trips, "")).await;
    let tail_direction = |key: &str| {
        let mark = mark(&m, key);
        let bar = mark.query_selector(".timeline__bar").unwrap().unwrap();
        let fade = mark
            .query_selector(".timeline__open-end .timeline__fade")
            .unwrap()
            .unwrap();
        number(&fade, "x") - number(&bar, "x")
    };
    assert!(
        tail_direction("trip-open-end") > 0.0,
        "an unknown arrival fades to the right"
    );
    assert!(
        tail_direction("trip-open-start") < 0.0,
        "an unknown departure fades to the left"
    );
    assert!(
        mark(&m, "trip-closed")
            .query_selector(".timeline__open-end")
            .unwrap()
            .is_none()
    );
    assert!(attr(&mark(&m, "trip-open-end"), "aria-label").contains("from 1 Jan 2024"));
    assert!(attr(&mark(&m, "trip-open-start"), "aria-label").contains("until 1 Mar 2024"));
    assert!(
        m.text().contains("Start or end not known"),
        "the legend explains it"
    );
}

#[wasm_bindgen_test]
async fn events_are_marked_by_kind_and_the_legend_lists_the_kinds() {
    let trips = trip(
        "t1",
        "aurora",
        Some("2024-01-01"),
        Some("2024-01-10"),
        "confirmed",
    );
    let events = [
        event("call", Some("aurora"), "2024-01-11", "port-call"),
        event("load", Some("aurora"), "2024-02-11", "loading"),
        event("unload", Some("borealis"), "2024-02-20", "unloading"),
        r#"{ "id": "stay", "vessel": "borealis", "place": "b", "period": { "start": "2024-03-01", "end": "2024-03-20" },
             "kind": "anchored", "certainty": "confirmed", "summary": "At anchor.", "sources": ["s1"] }"#
            .to_owned(),
    ]
    .join(",");
    let m = Mounted::new(report(TWO_VESSELS, &trips, &events)).await;
    let shape = |key: &str| {
        attr(
            &m.one(&format!("[data-mark=\"{key}\"] .timeline__shape")),
            "d",
        )
    };
    let shapes = [
        shape("event-call"),
        shape("event-load"),
        shape("event-unload"),
        shape("event-stay"),
    ];
    for (i, a) in shapes.iter().enumerate() {
        for b in &shapes[i + 1..] {
            assert_ne!(a, b, "two kinds share a shape");
        }
    }
    // An event over a period is a thin bar as well as its mark.
    assert!(
        mark(&m, "event-stay")
            .query_selector(".timeline__period")
            .unwrap()
            .is_some()
    );
    assert!(
        mark(&m, "event-call")
            .query_selector(".timeline__period")
            .unwrap()
            .is_none()
    );
    let legend = m
        .one(".timeline__legend")
        .text_content()
        .unwrap_or_default();
    for kind in [
        "Trip",
        "Port call",
        "Loading",
        "Unloading",
        "At anchor",
        "Over a period",
    ] {
        assert!(legend.contains(kind), "the legend lacks {kind}: {legend}");
    }
    assert!(
        !legend.contains("Sighting"),
        "kinds the report does not use are left out"
    );
}

#[wasm_bindgen_test]
async fn a_date_known_to_the_month_spans_the_month() {
    let trips = [
        trip(
            "march",
            "aurora",
            Some("2024-03"),
            Some("2024-03"),
            "confirmed",
        ),
        trip(
            "may",
            "borealis",
            Some("2024-05-01"),
            Some("2024-05-31"),
            "confirmed",
        ),
    ]
    .join(",");
    let events = event("june", Some("aurora"), "2024-06", "sighting");
    let m = Mounted::new(report(TWO_VESSELS, &trips, &events)).await;
    let bar = |key: &str| m.one(&format!("[data-mark=\"{key}\"] .timeline__bar"));
    // March and May both have 31 days.
    assert!((number(&bar("trip-march"), "width") - number(&bar("trip-may"), "width")).abs() < 0.5);
    let label = attr(&mark(&m, "trip-march"), "aria-label");
    assert!(label.contains("Mar 2024"), "{label}");
    // An event known to the month: its mark on a whisker spanning the month.
    assert!(
        mark(&m, "event-june")
            .query_selector(".timeline__whisker")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn certainty_shows_in_the_outline_not_only_in_colour() {
    let trips = [
        trip(
            "sure",
            "aurora",
            Some("2024-01-01"),
            Some("2024-01-10"),
            "confirmed",
        ),
        trip(
            "heard",
            "aurora",
            Some("2024-02-01"),
            Some("2024-02-10"),
            "reported",
        ),
        trip(
            "guessed",
            "borealis",
            Some("2024-02-01"),
            Some("2024-02-10"),
            "inferred",
        ),
        trip(
            "argued",
            "borealis",
            Some("2024-03-01"),
            Some("2024-03-10"),
            "disputed",
        ),
    ]
    .join(",");
    let m = Mounted::new(report(TWO_VESSELS, &trips, "")).await;
    assert!(has_class(&mark(&m, "trip-sure"), "is-confirmed"));
    assert!(has_class(&mark(&m, "trip-heard"), "is-reported"));
    assert!(has_class(&mark(&m, "trip-guessed"), "is-inferred"));
    assert!(has_class(&mark(&m, "trip-argued"), "is-disputed"));
    assert!(
        mark(&m, "trip-argued")
            .query_selector(".timeline__cross")
            .unwrap()
            .is_some()
    );
    assert!(
        mark(&m, "trip-sure")
            .query_selector(".timeline__cross")
            .unwrap()
            .is_none()
    );
    // The dashes and dots are drawn by the stylesheet: check what it computes.
    let dashes = |key: &str| {
        let bar = m.one(&format!("[data-mark=\"{key}\"] .timeline__bar"));
        web_sys::window()
            .unwrap()
            .get_computed_style(&bar)
            .unwrap()
            .unwrap()
            .get_property_value("stroke-dasharray")
            .unwrap()
    };
    let legend = m
        .one(".timeline__legend")
        .text_content()
        .unwrap_or_default();
    for words in ["Confirmed", "Reported or inferred", "Disputed"] {
        assert!(legend.contains(words), "{legend}");
    }
    assert_eq!(dashes("trip-sure"), "none", "confirmed is solid");
    assert_ne!(dashes("trip-heard"), "none", "reported is dashed");
    assert_eq!(dashes("trip-heard"), dashes("trip-guessed"));
    assert_ne!(
        dashes("trip-heard"),
        dashes("trip-argued"),
        "disputed is dotted"
    );
}

#[wasm_bindgen_test]
async fn the_publication_date_is_a_labelled_line() {
    let trips = trip(
        "t1",
        "aurora",
        Some("2024-05-01"),
        Some("2024-05-10"),
        "confirmed",
    );
    let m = Mounted::new(report(TWO_VESSELS, &trips, "")).await;
    let published = m.one(".timeline__published");
    assert_eq!(published.text_content().unwrap_or_default(), "Published");
    let line = published.query_selector("line").unwrap().expect("a line");
    let bar = m.one("[data-mark=\"trip-t1\"] .timeline__bar");
    assert!(
        number(&line, "x1") > number(&bar, "x") + number(&bar, "width"),
        "1 Jul is after 10 May"
    );
}

/// Two vessels trading until 12 Feb 2024, then nothing until 10 Mar.
fn report_with_a_pause() -> SharedReport {
    let trips = [
        trip(
            "t1",
            "aurora",
            Some("2024-01-02"),
            Some("2024-01-06"),
            "confirmed",
        ),
        trip(
            "t2",
            "borealis",
            Some("2024-01-20"),
            Some("2024-01-25"),
            "confirmed",
        ),
        trip(
            "t3",
            "aurora",
            Some("2024-02-08"),
            Some("2024-02-12"),
            "confirmed",
        ),
        trip(
            "t4",
            "aurora",
            Some("2024-03-10"),
            Some("2024-03-14"),
            "confirmed",
        ),
        trip(
            "t5",
            "borealis",
            Some("2024-03-20"),
            Some("2024-03-24"),
            "confirmed",
        ),
    ]
    .join(",");
    // A ship at anchor or merely sighted is no traffic; a train is no ship.
    let events = [
        event("seen", Some("borealis"), "2024-02-20", "sighting"),
        event("train", None, "2024-02-25", "rail"),
    ]
    .join(",");
    report(TWO_VESSELS, &trips, &events)
}

#[wasm_bindgen_test]
async fn a_long_pause_is_shaded_and_named() {
    let m = Mounted::new(report_with_a_pause()).await;
    let gap = m.one(".timeline__gap");
    assert_eq!(
        gap.text_content().unwrap_or_default(),
        "No port calls recorded for 26 days"
    );
    let band = gap.query_selector(".timeline__gap-band").unwrap().unwrap();
    let end_of_t3 = m.one("[data-mark=\"trip-t3\"] .timeline__bar");
    let start_of_t4 = m.one("[data-mark=\"trip-t4\"] .timeline__bar");
    let (x0, x1) = (
        number(&band, "x"),
        number(&band, "x") + number(&band, "width"),
    );
    assert!((x0 - (number(&end_of_t3, "x") + number(&end_of_t3, "width"))).abs() < 0.5);
    assert!((x1 - number(&start_of_t4, "x")).abs() < 0.5);
    let caption = m.one(".view__caption").text_content().unwrap_or_default();
    assert_eq!(
        caption,
        "2 vessels made 5 recorded trips between Jan 2024 and Mar 2024; no port calls were recorded \
         in the 26 days between 12 Feb 2024 and 10 Mar 2024."
    );
}

#[wasm_bindgen_test]
async fn steady_traffic_has_no_pause_to_point_out() {
    let trips = [
        trip(
            "t1",
            "aurora",
            Some("2024-01-02"),
            Some("2024-01-06"),
            "confirmed",
        ),
        trip(
            "t2",
            "borealis",
            Some("2024-01-20"),
            Some("2024-01-25"),
            "confirmed",
        ),
        trip(
            "t3",
            "aurora",
            Some("2024-02-08"),
            Some("2024-02-12"),
            "confirmed",
        ),
        trip(
            "t4",
            "aurora",
            Some("2024-02-25"),
            Some("2024-03-01"),
            "confirmed",
        ),
        trip(
            "t5",
            "borealis",
            Some("2024-03-10"),
            Some("2024-03-14"),
            "confirmed",
        ),
    ]
    .join(",");
    let m = Mounted::new(report(TWO_VESSELS, &trips, "")).await;
    assert!(m.el.query_selector(".timeline__gap").unwrap().is_none());
    let caption = m.one(".view__caption").text_content().unwrap_or_default();
    assert_eq!(
        caption,
        "2 vessels made 5 recorded trips between Jan 2024 and Mar 2024."
    );
}

#[wasm_bindgen_test]
async fn hover_and_focus_open_the_details_with_footnotes_and_escape_closes_them() {
    let trips = trip(
        "t1",
        "aurora",
        Some("2024-01-01"),
        Some("2024-01-10"),
        "confirmed",
    );
    let events = event("call", Some("aurora"), "2024-01-11", "port-call");
    let m = Mounted::new(report(TWO_VESSELS, &trips, &events)).await;
    assert!(m.el.query_selector(".timeline__card").unwrap().is_none());

    dispatch(&mark(&m, "trip-t1"), "mouseover", None);
    settle().await;
    let card = m.one(".timeline__card");
    let text = card.text_content().unwrap_or_default();
    assert!(text.contains("Aurora: Alphaport → Betahaven"), "{text}");
    let footnote = card
        .query_selector("a.cite-mark")
        .unwrap()
        .expect("a footnote link");
    assert!(attr(&footnote, "href").starts_with("#source-"));
    dispatch(&mark(&m, "trip-t1"), "mouseout", None);
    settle().await;
    assert!(m.el.query_selector(".timeline__card").unwrap().is_none());

    focus(&mark(&m, "event-call"));
    settle().await;
    let text = m.one(".timeline__card").text_content().unwrap_or_default();
    assert!(text.contains("Port call: Aurora, Alphaport"), "{text}");
    assert!(
        m.one(".timeline__card")
            .query_selector("a.cite-mark")
            .unwrap()
            .is_some()
    );
    assert!(has_class(&mark(&m, "event-call"), "is-open"));
    assert!(
        m.el.query_selector(".timeline__card-close")
            .unwrap()
            .is_none(),
        "a card that follows the focus has nothing to close"
    );

    dispatch(&mark(&m, "event-call"), "keydown", Some("Enter"));
    settle().await;
    assert!(
        has_class(&m.one(".timeline__card"), "is-pinned"),
        "Enter pins the card"
    );
    assert!(
        m.el.query_selector(".timeline__card-close")
            .unwrap()
            .is_some(),
        "a pinned card has its close button"
    );
    dispatch(&mark(&m, "trip-t1"), "mouseout", None);
    settle().await;
    assert!(
        m.el.query_selector(".timeline__card").unwrap().is_some(),
        "a pinned card stays"
    );

    dispatch(&mark(&m, "event-call"), "keydown", Some("Escape"));
    settle().await;
    assert!(m.el.query_selector(".timeline__card").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_chart_is_one_tab_stop_and_arrow_keys_move_between_marks() {
    let trips = [
        trip(
            "a1",
            "aurora",
            Some("2024-01-01"),
            Some("2024-01-05"),
            "confirmed",
        ),
        trip(
            "a2",
            "aurora",
            Some("2024-03-01"),
            Some("2024-03-05"),
            "confirmed",
        ),
        trip(
            "b1",
            "borealis",
            Some("2024-02-25"),
            Some("2024-03-02"),
            "confirmed",
        ),
    ]
    .join(",");
    let m = Mounted::new(report(TWO_VESSELS, &trips, "")).await;
    let stops: Vec<String> = m
        .all("[data-mark]")
        .iter()
        .filter(|mark| attr(mark, "tabindex") == "0")
        .map(|mark| attr(mark, "data-mark"))
        .collect();
    assert_eq!(stops, ["trip-a1"], "one tab stop, on the first mark");
    for mark in m.all("[data-mark]") {
        assert!(!attr(&mark, "aria-label").is_empty());
        assert_eq!(attr(&mark, "role"), "button");
    }

    focus(&mark(&m, "trip-a1"));
    dispatch(&mark(&m, "trip-a1"), "keydown", Some("ArrowRight"));
    settle().await;
    assert_eq!(active_mark(), "trip-a2");
    dispatch(&mark(&m, "trip-a2"), "keydown", Some("ArrowDown"));
    settle().await;
    assert_eq!(
        active_mark(),
        "trip-b1",
        "down goes to the nearest mark in the next lane"
    );
    assert_eq!(
        attr(&mark(&m, "trip-b1"), "tabindex"),
        "0",
        "the tab stop follows"
    );
    assert_eq!(attr(&mark(&m, "trip-a1"), "tabindex"), "-1");
    dispatch(&mark(&m, "trip-b1"), "keydown", Some("ArrowUp"));
    settle().await;
    assert_eq!(active_mark(), "trip-a2");
    dispatch(&mark(&m, "trip-a2"), "keydown", Some("Home"));
    settle().await;
    assert_eq!(active_mark(), "trip-a1");
    assert!(
        m.one(".timeline__card")
            .text_content()
            .unwrap_or_default()
            .contains("1 Jan 2024")
    );
}

#[wasm_bindgen_test]
async fn a_vessel_name_that_looks_like_markup_stays_text() {
    let hostile = r#"Aurora "<b id='injected'>II</b>" & co"#;
    let vessels = TWO_VESSELS.replace(
        r#""name": "Aurora""#,
        r#""name": "Aurora \"<b id='injected'>II</b>\" & co""#,
    );
    let m = Mounted::new(report(&vessels, &one_trip_each(), "")).await;
    let name = m.all("button.timeline__name")[0].clone();
    assert_eq!(name.text_content().unwrap(), hostile);
    assert_eq!(attr(&m.all(".timeline__lane")[0], "aria-label"), hostile);
    let mark = m.one("[data-mark=\"trip-t1\"]");
    assert!(
        attr(&mark, "aria-label").starts_with(hostile),
        "{}",
        attr(&mark, "aria-label")
    );
    assert!(m.el.query_selector("#injected").unwrap().is_none());
    assert!(m.el.query_selector(".timeline b").unwrap().is_none());
    // The name is still a button that chooses its vessel.
    name.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(m.state.get_untracked().vessel.as_deref(), Some("aurora"));
}

#[wasm_bindgen_test]
async fn clicking_a_vessel_name_selects_it_and_dims_the_other_lanes() {
    let m = Mounted::new(report(TWO_VESSELS, &one_trip_each(), "")).await;
    let name = m.all("button.timeline__name")[1].clone();
    name.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(m.state.get_untracked().vessel.as_deref(), Some("borealis"));
    let lanes = m.all(".timeline__lane");
    assert!(has_class(&lanes[1], "is-selected"));
    // The other lane steps back (through the chart's class and timeline.css).
    assert!(
        until(|| opacity(&lanes[0]) == "0.3").await,
        "{}",
        opacity(&lanes[0])
    );
    assert_eq!(opacity(&lanes[1]), "1");
    assert_eq!(attr(&name, "aria-pressed"), "true");
    // The data table follows: its count, then its rows once built.
    let toggle = m.one(".data-table__toggle");
    assert!(toggle.text_content().unwrap().contains("(1 rows)"));
    assert_eq!(m.all("tbody tr").len(), 1);
    assert!(
        m.one("tbody tr")
            .text_content()
            .unwrap()
            .contains("Borealis")
    );

    // Again: every vessel shows.
    name.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(m.state.get_untracked().vessel, None);
    assert!(until(|| opacity(&lanes[0]) == "1").await, "none steps back");
    assert!(toggle.text_content().unwrap().contains("(2 rows)"));
    assert_eq!(m.all("tbody tr").len(), 2);
}

#[wasm_bindgen_test]
async fn the_as_of_date_hides_what_was_not_yet_known_and_is_drawn() {
    let trips = [
        trip(
            "early",
            "aurora",
            Some("2024-01-01"),
            Some("2024-01-10"),
            "confirmed",
        ),
        trip(
            "late",
            "aurora",
            Some("2024-04-01"),
            Some("2024-04-10"),
            "confirmed",
        ),
    ]
    .join(",");
    let events = event("later", Some("borealis"), "2024-05-01", "port-call");
    let state = ReaderState {
        as_of: Date::parse("2024-02-15").ok(),
        ..ReaderState::default()
    };
    let m = Mounted::with_state(report(TWO_VESSELS, &trips, &events), state).await;
    // Marks left out are hidden in place (not drawn: `display: none`).
    let shown = |m: &Mounted| -> Vec<String> {
        m.all("[data-mark]")
            .iter()
            .filter(|k| !has_class(k, "is-hidden"))
            .map(|k| attr(k, "data-mark"))
            .collect()
    };
    let keys: Vec<String> = m
        .all("[data-mark]:not(.is-hidden)")
        .iter()
        .map(|k| attr(k, "data-mark"))
        .collect();
    assert_eq!(keys, ["trip-early"]);
    assert_eq!(
        m.one(".timeline__as-of").text_content().unwrap_or_default(),
        "As of 15 Feb 2024"
    );
    let caption = m.one(".view__caption").text_content().unwrap_or_default();
    assert!(
        caption.starts_with("Aurora made 1 recorded trip in Jan 2024"),
        "{caption}"
    );

    let hidden = m.one("[data-mark=\"trip-late\"]");
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&hidden)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("display").unwrap(), "none");

    m.state.update(|s| s.as_of = None);
    settle().await;
    assert_eq!(shown(&m).len(), 3);
    assert!(m.el.query_selector(".timeline__as-of").unwrap().is_none());
    m.state.update(|s| s.as_of = Date::parse("2024-02-15").ok());
    settle().await;
    assert_eq!(shown(&m), ["trip-early"]);
}

#[wasm_bindgen_test]
async fn dates_typed_or_cleared_set_the_readers_range() {
    let trips = trip(
        "t1",
        "aurora",
        Some("2024-01-01"),
        Some("2024-03-10"),
        "confirmed",
    );
    let m = Mounted::new(report(TWO_VESSELS, &trips, "")).await;
    assert!(
        m.el.query_selector(".timeline__range-window")
            .unwrap()
            .is_none()
    );
    let inputs = m.all(".timeline__range input[type=date]");
    assert_eq!(inputs.len(), 2);
    let set = |input: &web_sys::Element, value: &str| {
        input
            .unchecked_ref::<web_sys::HtmlInputElement>()
            .set_value(value);
        dispatch(input, "change", None);
    };
    set(&inputs[0], "2024-02-01");
    set(&inputs[1], "2024-02-29");
    settle().await;
    let state = m.state.get_untracked();
    assert_eq!(
        state.from.map(|d| d.to_string()).as_deref(),
        Some("2024-02-01")
    );
    assert_eq!(
        state.to.map(|d| d.to_string()).as_deref(),
        Some("2024-02-29")
    );
    assert!(
        m.el.query_selector(".timeline__range-window")
            .unwrap()
            .is_some()
    );
    assert!(
        m.text()
            .contains("Map and claims show 1 Feb 2024 – 29 Feb 2024."),
        "{}",
        m.text()
    );

    m.one(".timeline__clear")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    settle().await;
    let state = m.state.get_untracked();
    assert_eq!((state.from, state.to), (None, None));
    assert!(
        m.el.query_selector(".timeline__range-window")
            .unwrap()
            .is_none()
    );
    assert!(
        m.el.query_selector(".timeline__clear").unwrap().is_none(),
        "with no dates chosen there is nothing to clear"
    );
}

#[wasm_bindgen_test]
async fn a_report_without_trips_or_events_says_so() {
    let m = Mounted::new(report(TWO_VESSELS, "", "")).await;
    assert!(
        m.text().contains("No trips or events in this report"),
        "{}",
        m.text()
    );
    assert!(
        m.el.query_selector("svg.timeline__chart")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn the_bundled_style_fixture_draws_its_pause_and_sources() {
    let report =
        check_report("north-sea.json", NORTH_SEA.as_bytes()).expect("the fixture is valid");
    let m = Mounted::new(report).await;
    assert_eq!(m.all(".timeline__lane").len(), 4);
    assert_eq!(m.all("[data-mark^=\"trip-\"]").len(), 15);
    assert_eq!(
        m.one(".timeline__gap-label")
            .text_content()
            .unwrap_or_default(),
        "No port calls recorded for 26 days"
    );
    let sources = m.one(".source-line").text_content().unwrap_or_default();
    for publisher in [
        "Example Harbour Log",
        "Example Coast News",
        "Example Sea Watch",
        "Example Rail Board",
    ] {
        assert!(sources.contains(publisher), "{sources}");
    }
    // Month ticks with the years marked.
    let months: Vec<String> = m
        .all(".timeline__month")
        .iter()
        .map(|t| t.text_content().unwrap_or_default())
        .collect();
    assert!(months.contains(&"Jan".to_owned()), "{months:?}");
    let years: Vec<String> = m
        .all(".timeline__year")
        .iter()
        .map(|t| t.text_content().unwrap_or_default())
        .collect();
    assert_eq!(years, ["2023", "2024"]);
}

/// Waits (up to 2 s) until `ready` holds.
async fn until(mut ready: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if ready() {
            return true;
        }
        settle().await;
    }
    ready()
}

/// A report of `vessels` vessels (`v0`, `v1`…) of `each` one-day trips
/// (`t{vessel}-{n}`), spread over the months of 2024.
fn fleet(vessels: usize, each: usize) -> SharedReport {
    let names: Vec<String> = (0..vessels)
        .map(|v| format!(r#"{{ "id": "v{v}", "name": "Vessel {v}" }}"#))
        .collect();
    let trips: Vec<String> = (0..vessels)
        .flat_map(|v| {
            (0..each).map(move |j| {
                let day = format!("2024-{:02}-{:02}", j % 12 + 1, 1 + v % 20);
                trip(
                    &format!("t{v}-{j}"),
                    &format!("v{v}"),
                    Some(&day),
                    None,
                    "reported",
                )
            })
        })
        .collect();
    report(&names.join(","), &trips.join(","), "")
}

#[wasm_bindgen_test]
async fn hundreds_of_lanes_draw_their_marks_as_the_reader_nears_them() {
    // 150 vessels of 15 trips: more marks than a timeline draws at once.
    let m = Mounted::new(fleet(150, 15)).await;
    let lane_has_marks = |m: &Mounted, lane: usize| {
        m.el.query_selector(&format!("[data-mark^=\"trip-t{lane}-\"]"))
            .unwrap()
            .is_some()
    };
    m.one("[data-lane=\"0\"]")
        .unchecked_ref::<web_sys::Element>()
        .scroll_into_view();
    assert!(
        until(|| lane_has_marks(&m, 0)).await,
        "the lanes on screen are drawn"
    );
    assert_eq!(
        m.all(".timeline__lane-band").len(),
        150,
        "every lane is there"
    );
    assert!(!lane_has_marks(&m, 149), "a lane far below waits");

    // Scrolling there draws it.
    m.one("[data-lane=\"149\"]").scroll_into_view();
    assert!(
        until(|| lane_has_marks(&m, 149)).await,
        "scrolled to, it is drawn"
    );

    // The keyboard reaches a lane not drawn yet: it is drawn and focused.
    m.one("[data-lane=\"0\"]").scroll_into_view();
    settle().await;
    // The first lane below those drawn around the top.
    let next = (0..150).find(|&l| !lane_has_marks(&m, l)).unwrap();
    let last_drawn = next - 1;
    let from = m.one(&format!("[data-mark^=\"trip-t{last_drawn}-\"]"));
    focus(&from);
    dispatch(&from, "keydown", Some("ArrowDown"));
    let reached = until(|| active_mark().starts_with(&format!("trip-t{next}-"))).await;
    assert!(
        reached,
        "down went to lane {next}: {:?}, drawn: {}",
        active_mark(),
        lane_has_marks(&m, next)
    );
}

/// A timeline of a few hundred marks is drawn whole at once, however far its
/// last lane lies below the window.
#[wasm_bindgen_test]
async fn a_timeline_of_a_few_hundred_marks_draws_every_lane_at_once() {
    // 40 vessels of 12 trips: 480 marks.
    let m = Mounted::new(fleet(40, 12)).await;
    m.one("[data-lane=\"0\"]").scroll_into_view();
    settle().await;
    assert_eq!(m.all("[data-mark^=\"trip-\"]").len(), 480);
    assert!(
        m.el.query_selector("[data-mark^=\"trip-t39-\"]")
            .unwrap()
            .is_some(),
        "the last lane is drawn too"
    );
}

/// A timeline of many lanes steps the others back at once, without the fade
/// (hundreds of lanes fading cost more than they show); a few lanes fade.
#[wasm_bindgen_test]
async fn a_crowded_timeline_steps_lanes_back_without_a_fade() {
    let duration = |el: &web_sys::Element| {
        web_sys::window()
            .unwrap()
            .get_computed_style(el)
            .unwrap()
            .unwrap()
            .get_property_value("transition-duration")
            .unwrap()
    };
    let few = Mounted::new(report(TWO_VESSELS, &one_trip_each(), "")).await;
    assert_eq!(duration(&few.all(".timeline__lane")[0]), "0.12s");

    let vessels: Vec<String> = (0..61)
        .map(|i| format!(r#"{{ "id": "v{i}", "name": "Vessel {i}" }}"#))
        .collect();
    let trips: Vec<String> = (0..61)
        .map(|i| {
            trip(
                &format!("t{i}"),
                &format!("v{i}"),
                Some("2024-01-01"),
                Some("2024-01-10"),
                "confirmed",
            )
        })
        .collect();
    let many = Mounted::new(report(&vessels.join(","), &trips.join(","), "")).await;
    let lanes = many.all(".timeline__lane");
    assert_eq!(lanes.len(), 61);
    assert_eq!(duration(&lanes[0]), "0s");
    many.state.update(|s| s.vessel = Some("v3".into()));
    settle().await;
    assert_eq!(opacity(&lanes[0]), "0.3", "at once");
}
