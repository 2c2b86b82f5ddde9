//! The map view in a real browser: places, routes, labels, linked state and details.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use sealift_viewer::components::when_drawn::waiting_for_idle;
use sealift_viewer::data::{SharedReport, check_report};
use sealift_viewer::map::RouteMap;
use sealift_viewer::state::{ReaderState, ReaderStateSignal};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

use common::{next_frame, opacity, pause, wait_for};

wasm_bindgen_test_configure!(run_in_browser);

const BLACK_SEA: &str = include_str!("fixtures/map-black-sea.json");
const SMALL: &str = include_str!("fixtures/small.json");

fn report(json: &str) -> SharedReport {
    check_report("fixture.json", json.as_bytes()).expect("the fixture is valid")
}

/// A made-up report `id` whose every item cites one source, "log", with
/// `members` (the JSON of its collections: `"places": [...], ...`).
fn made_up(id: &str, members: &str) -> SharedReport {
    report(&format!(
        r#"{{"format": "sealift-report/1",
            "report": {{"id": "{id}", "title": "Test fixture: {id}", "summary": "Made up.", "language": "en", "published": "2024-07-01", "as_of": "2024-06-30"}},
            "sources": [{{"id": "log", "publisher": "Example Log", "title": "Calls", "date": "2024-06", "url": "https://example.org/log", "kind": "other"}}],
            {members}}}"#
    ))
}

/// A fresh element `width` pixels wide to mount the map into.
fn host(width: u32) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    el.set_attribute("style", &format!("width: {width}px"))
        .unwrap();
    common::in_sight_at_top(&el);
    el
}

/// Mounts the map with a reader state the test can change.
fn mount(
    el: &web_sys::HtmlElement,
    report: SharedReport,
    query: &str,
    basemap: Option<&str>,
) -> (ReaderStateSignal, impl Sized) {
    let state = ReaderStateSignal::new(ReaderState::from_query(query));
    let basemap = basemap.map(str::to_owned);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(state);
        match basemap.clone() {
            Some(url) => view! { <RouteMap report basemap_url=url /> }.into_any(),
            None => view! { <RouteMap report /> }.into_any(),
        }
    });
    (state, handle)
}

fn all(el: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = el.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn one(el: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default()
}

fn number(el: &web_sys::Element, attribute: &str) -> f64 {
    el.get_attribute(attribute)
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// The element's box on screen: left, top, right, bottom.
fn bounds(el: &web_sys::Element) -> (f64, f64, f64, f64) {
    let rect = js_sys::Reflect::get(el, &"getBoundingClientRect".into())
        .unwrap()
        .unchecked_into::<js_sys::Function>()
        .call0(el)
        .unwrap();
    let get = |key: &str| {
        js_sys::Reflect::get(&rect, &key.into())
            .unwrap()
            .as_f64()
            .unwrap()
    };
    (get("left"), get("top"), get("right"), get("bottom"))
}

/// Where a place's mark is: the centre of the circle a pointer can hit.
fn centre(place: &web_sys::Element) -> (f64, f64) {
    let hit = place.query_selector(".map-place__hit").unwrap().unwrap();
    let get = |name: &str| hit.get_attribute(name).unwrap().parse().unwrap();
    (get("cx"), get("cy"))
}

fn focus(el: &web_sys::Element) {
    el.unchecked_ref::<web_sys::HtmlElement>().focus().unwrap();
}

/// Sends a key press to the focused element, as a reader's keyboard would.
fn press(key: &str) {
    let script = format!(
        "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {{ key: '{key}', bubbles: true }}))"
    );
    js_sys::eval(&script).unwrap();
}

fn active_place() -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    active.get_attribute("data-place")
}

#[wasm_bindgen_test]
async fn every_place_fits_inside_the_view_box() {
    for width in [900, 375] {
        let el = host(width);
        let (_state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
        pause(50).await;
        let svg = one(&el, "svg.map__svg");
        let view_box: Vec<f64> = svg
            .get_attribute("viewBox")
            .unwrap()
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(
            view_box[2],
            f64::from(width),
            "the map is drawn at its true width"
        );
        let places = all(&el, "[data-place]");
        assert_eq!(places.len(), 8);
        for place in places {
            let (x, y) = centre(&place);
            assert!(
                x > 0.0 && x < view_box[2] && y > 0.0 && y < view_box[3],
                "({x}, {y}) in {view_box:?}"
            );
        }
        let (left, _, right, _) = bounds(&svg);
        assert!(
            right - left <= f64::from(width) + 0.5,
            "no wider than its container"
        );
    }
}

#[wasm_bindgen_test]
async fn each_place_has_a_symbol_for_its_kind() {
    let el = host(800);
    let (_state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await; // the marks are drawn once the map is measured
    let kinds = [
        "port",
        "naval-base",
        "border-crossing",
        "depot",
        "rail",
        "city",
        "shipyard",
        "anchorage",
    ];
    for kind in kinds {
        let place = one(&el, &format!("[data-kind=\"{kind}\"]"));
        assert!(place.class_list().contains(&format!("map-place--{kind}")));
        assert!(
            place
                .query_selector(&format!(".place-symbol__shape--{kind}"))
                .unwrap()
                .is_some(),
            "{kind}"
        );
    }
    let shapes: Vec<String> = all(&el, ".map-place .place-symbol__shape")
        .iter()
        .filter_map(|s| s.get_attribute("d"))
        .collect();
    let mut distinct = shapes.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), shapes.len(), "every kind has its own shape");
    let key = text(&one(&el, ".map-key"));
    assert!(
        key.contains("Naval base")
            && key.contains("Border crossing")
            && key.contains("Approximate location"),
        "{key}"
    );
}

/// Places are drawn from markup: a name that looks like markup must stay
/// text in the spoken label, never become an element or an attribute.
#[wasm_bindgen_test]
async fn a_place_name_that_looks_like_markup_stays_text() {
    let el = host(800);
    // In the JSON: Novorossiysk "<b id='injected'>port</b>" & co
    let json = BLACK_SEA.replace(
        r#""name": "Novorossiysk""#,
        r#""name": "Novorossiysk \"<b id='injected'>port</b>\" & co""#,
    );
    let (_state, _mounted) = mount(&el, report(&json), "", None);
    pause(50).await;
    let place = one(&el, "[data-place=\"novorossiysk\"]");
    let label = place.get_attribute("aria-label").unwrap();
    assert!(
        label.starts_with(r#"Novorossiysk "<b id='injected'>port</b>" & co, port, "#),
        "{label}"
    );
    assert!(el.query_selector("#injected").unwrap().is_none());
    assert!(el.query_selector(".map-places b").unwrap().is_none());
    // The mark is whole: its symbol is still inside it.
    assert!(
        place
            .query_selector(".place-symbol__shape--port")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn approximate_places_are_drawn_as_such() {
    let el = host(800);
    let (_state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await; // the marks are drawn once the map is measured
    let approximate = all(&el, ".map-place.place-symbol--approximate");
    let ids: Vec<String> = approximate
        .iter()
        .filter_map(|p| p.get_attribute("data-place"))
        .collect();
    assert_eq!(ids, ["kavkaz", "istanbul", "bosporus-north"]);
    assert!(
        approximate
            .iter()
            .all(|p| p.query_selector(".place-symbol__ring").unwrap().is_some())
    );
    assert!(
        one(&el, "[data-place=novorossiysk]")
            .query_selector(".place-symbol__ring")
            .unwrap()
            .is_none()
    );

    focus(&one(&el, "[data-place=istanbul]"));
    pause(10).await;
    let details = text(&one(&el, ".map-details"));
    assert!(details.contains("approx."), "{details}");
}

#[wasm_bindgen_test]
async fn routes_join_places_and_grow_with_their_trips() {
    let el = host(800);
    let (_state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await; // the marks are drawn once the map is measured
    let route = |key: &str| one(&el, &format!("[data-route=\"{key}\"]"));
    let width = |key: &str| {
        number(
            &route(key)
                .query_selector(".map-route__line")
                .unwrap()
                .unwrap(),
            "stroke-width",
        )
    };
    assert_eq!(
        all(&el, "[data-route]").len(),
        5,
        "one route per direction and pair"
    );
    assert_eq!(number(&route("novorossiysk>istanbul"), "data-trips"), 3.0);
    assert!(width("novorossiysk>istanbul") > width("sevastopol>tuzla"));
    assert!(width("sevastopol>tuzla") > width("istanbul>novorossiysk"));
    // One vessel made every trip: its colour. Two vessels, one trip each: neutral.
    assert!(
        route("novorossiysk>istanbul")
            .class_list()
            .contains("series-1")
    );
    assert!(
        route("sevastopol>tuzla")
            .class_list()
            .contains("map-route--mixed")
    );
    assert_eq!(
        route("sevastopol>tuzla")
            .get_attribute("data-vessels")
            .as_deref(),
        Some("ship-b ship-c")
    );
    // Certainty shows in the line style.
    assert!(
        route("istanbul>novorossiysk")
            .class_list()
            .contains("map-route--dashed")
    );
    assert!(
        route("kavkaz>novorossiysk")
            .class_list()
            .contains("map-route--disputed")
    );
    assert!(
        !route("novorossiysk>istanbul")
            .class_list()
            .contains("map-route--dashed")
    );
    // Events at places are counted, events at sea drawn.
    assert_eq!(text(&one(&el, "[data-place=novorossiysk] .map-badge")), "2");
    assert_eq!(all(&el, "[data-event]").len(), 2);
}

#[wasm_bindgen_test]
async fn events_at_sea_hide_in_place_and_the_keyboard_skips_them() {
    with_map_styles();
    let el = host(800);
    let (state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await;
    let event = |id: &str| one(&el, &format!("[data-event={id}]"));
    let shown = |id: &str| event(id).get_bounding_client_rect().width() > 0.0;
    let active = || {
        web_sys::window()?
            .document()?
            .active_element()?
            .get_attribute("data-event")
    };
    assert!(shown("e4") && shown("e5"));
    focus(&event("e5"));
    press("ArrowRight");
    assert_eq!(active().as_deref(), Some("e4"), "the arrow keys go round");

    // In April 2024 the June sighting south of Crimea was not yet known.
    state.update(|s| *s = ReaderState::from_query("asof=2024-04-01"));
    pause(10).await;
    assert!(!shown("e4") && shown("e5"));
    assert_eq!(
        event("e5").get_attribute("tabindex").as_deref(),
        Some("0"),
        "Tab reaches the event still shown"
    );
    focus(&event("e5"));
    press("ArrowRight");
    assert_eq!(active().as_deref(), Some("e5"), "the hidden one is skipped");

    // Choosing a vessel: the events of others step back.
    state.update(|s| *s = ReaderState::from_query("vessel=ship-b"));
    pause(10).await;
    assert_eq!(opacity(&event("e4")), "1", "ship-b's own event stands out");
    assert_eq!(opacity(&event("e5")), "0.2", "ship-a's event steps back");
}

#[wasm_bindgen_test]
async fn a_place_s_badge_follows_the_dates_at_once_and_its_spoken_counts_after_a_pause() {
    let el = host(800);
    let (state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await;
    let label = || {
        one(&el, "[data-place=novorossiysk]")
            .get_attribute("aria-label")
            .unwrap()
    };
    let badge = || text(&one(&el, "[data-place=novorossiysk] .map-badge"));
    assert!(label().ends_with(", 2 events"), "{}", label());
    assert_eq!(badge(), "2");
    state.update(|s| *s = ReaderState::from_query("asof=2024-01-15"));
    pause(10).await;
    assert_eq!(badge(), "1", "the badge stays and counts one event");
    pause(400).await;
    assert!(label().ends_with(", 1 event"), "{}", label());
}

#[wasm_bindgen_test]
async fn labels_are_drawn_and_never_overlap() {
    for width in [900, 375] {
        let el = host(width);
        let (_state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
        pause(50).await;
        let labels = all(&el, ".map-label");
        assert!(
            labels.len() >= 6,
            "most places are named at {width} px: {}",
            labels.len()
        );
        assert!(
            labels.iter().any(|l| text(l) == "Novorossiysk"),
            "the busiest place is named"
        );
        let boxes: Vec<(f64, f64, f64, f64)> = labels.iter().map(bounds).collect();
        let svg = bounds(&one(&el, "svg.map__svg"));
        for (i, a) in boxes.iter().enumerate() {
            assert!(
                a.0 >= svg.0 - 0.5 && a.2 <= svg.2 + 0.5,
                "label {} leaves the map",
                text(&labels[i])
            );
            for (j, b) in boxes.iter().enumerate().skip(i + 1) {
                let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
                assert!(
                    !overlap,
                    "{} overlaps {} at {width} px",
                    text(&labels[i]),
                    text(&labels[j])
                );
            }
        }
    }
}

#[wasm_bindgen_test]
async fn the_scale_bar_and_the_credit_are_shown() {
    let el = host(800);
    let (_state, _mounted) = mount(&el, report(BLACK_SEA), "", Some("public/basemap/land.json"));
    pause(50).await; // the marks are drawn once the map is measured
    let scale = text(&one(&el, ".map-scale__label"));
    assert!(scale.ends_with(" km"), "{scale}");
    wait_for(&el, ".map-land").await;
    assert_eq!(text(&one(&el, ".map-credit")), "Basemap: Natural Earth");
    let land = one(&el, ".map-land").get_attribute("d").unwrap();
    // (The land is cut just past the map's edges: what is left is the coast.)
    assert!(
        land.matches('L').count() > 30,
        "the Black Sea's coasts are drawn: {land}"
    );
}

#[wasm_bindgen_test]
async fn a_single_file_bundle_carries_its_basemap_inline() {
    let document = web_sys::window().unwrap().document().unwrap();
    let inline = document.create_element("script").unwrap();
    inline.set_attribute("type", "application/json").unwrap();
    inline.set_attribute("id", "sealift-basemap").unwrap();
    inline.set_text_content(Some(
        // The ring [3000, 4200, 1000, 0, 0, 400, -1000, 0].
        r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[{"name":"world","bbox":[-180,-90,180,90],
            "land":["ozDoeGo}@??_Xn}@?"],"borders":[]}]}"#,
    ));
    document.body().unwrap().append_child(&inline).unwrap();
    let el = host(800);
    let (_state, _mounted) = mount(
        &el,
        report(BLACK_SEA),
        "",
        Some("tests/fixtures/no-such-basemap.json"),
    );
    let land = wait_for(&el, ".map-land").await;
    inline.remove();
    assert!(land.get_attribute("d").unwrap().starts_with('M'));
    assert_eq!(text(&one(&el, ".map-credit")), "Basemap: Natural Earth");
}

#[wasm_bindgen_test]
async fn without_a_basemap_the_map_still_draws() {
    let el = host(800);
    let (_state, _mounted) = mount(
        &el,
        report(BLACK_SEA),
        "",
        Some("tests/fixtures/no-such-basemap.json"),
    );
    for _ in 0..100 {
        if text(&one(&el, ".map-credit")) == "Basemap unavailable" {
            break;
        }
        pause(50).await;
    }
    assert_eq!(text(&one(&el, ".map-credit")), "Basemap unavailable");
    assert!(el.query_selector(".map-land").unwrap().is_none());
    assert_eq!(all(&el, "[data-place]").len(), 8);
    assert_eq!(all(&el, "[data-route]").len(), 5);
}

/// The map's stylesheet, as the app links it: routes step back by it.
fn with_map_styles() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("map-styles").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("map-styles");
        style.set_text_content(Some(include_str!("../src/map/map.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_selected_vessel_stands_out_and_a_click_selects_one() {
    with_map_styles();
    let el = host(800);
    let (state, _mounted) = mount(&el, report(BLACK_SEA), "vessel=ship-a", None);
    pause(50).await; // the marks are drawn once the map is measured
    let route = |key: &str| one(&el, &format!("[data-route=\"{key}\"]"));
    let classes = |key: &str| route(key).class_list();
    let steps_back = |key: &str| opacity(&route(key)) == "0.2";
    assert!(classes("novorossiysk>istanbul").contains("map-route--selected"));
    assert!(!steps_back("novorossiysk>istanbul"));
    assert!(
        steps_back("sevastopol>tuzla"),
        "{}",
        opacity(&route("sevastopol>tuzla"))
    );

    let click = web_sys::MouseEvent::new("click").unwrap();
    one(&el, "[data-route=\"sevastopol>tuzla\"]")
        .dispatch_event(&click)
        .unwrap();
    pause(10).await;
    assert_eq!(state.get_untracked().vessel.as_deref(), Some("ship-b"));
    assert!(classes("sevastopol>tuzla").contains("map-route--selected"));
    // Ship B's colour, not the neutral grey of a shared route.
    assert!(classes("sevastopol>tuzla").contains("series-2"));
    assert!(steps_back("novorossiysk>istanbul"));
    assert!(!steps_back("sevastopol>tuzla"));

    let ship_b = one(&el, ".map-key__vessel[aria-pressed=true]");
    assert_eq!(text(&ship_b).trim(), "Test Ship B");
    ship_b.unchecked_into::<web_sys::HtmlElement>().click();
    assert_eq!(
        state.get_untracked().vessel,
        None,
        "selecting again clears it"
    );
    pause(10).await;
    assert!(!steps_back("novorossiysk>istanbul"), "none steps back");
}

/// A made-up report with a route between every two of 26 places (650
/// routes, one trip each, Ship A's from even places and Ship B's from odd
/// ones) and three more trips on each of the first five.
fn crowded_report() -> SharedReport {
    let places: Vec<String> = (0..26)
        .map(|i| {
            format!(
                r#"{{"id": "p{i}", "name": "Place {i}", "country": "TR", "kind": "port", "lat": {}, "lon": {}, "precision": "exact", "sources": ["log"]}}"#,
                41 + i % 5,
                28 + i / 2
            )
        })
        .collect();
    let mut trips = Vec::new();
    for from in 0..26 {
        for to in (0..26).filter(|&to| to != from) {
            let repeats = if from == 0 && to <= 5 { 4 } else { 1 };
            for n in 0..repeats {
                let vessel = if from % 2 == 0 { "ship-a" } else { "ship-b" };
                trips.push(format!(
                    r#"{{"id": "t{from}-{to}-{n}", "vessel": "{vessel}", "from": "p{from}", "to": "p{to}", "depart": "2024-01-01", "arrive": "2024-01-02", "certainty": "confirmed", "sources": ["log"]}}"#
                ));
            }
        }
    }
    made_up(
        "crowded",
        &format!(
            r#""places": [{}],
            "vessels": [{{"id": "ship-a", "name": "Ship A"}}, {{"id": "ship-b", "name": "Ship B"}}],
            "trips": [{}]"#,
            places.join(","),
            trips.join(",")
        ),
    )
}

#[wasm_bindgen_test]
async fn a_crowded_map_draws_its_heaviest_routes_apart_and_the_rest_together() {
    let el = host(800);
    let (state, _mounted) = mount(&el, crowded_report(), "", None);
    wait_for(&el, ".map-light-routes__all").await;
    let routes = all(&el, "[data-route]");
    assert_eq!(
        routes.len(),
        5,
        "the five routes with four trips, one by one"
    );
    assert!(routes.iter().all(|r| number(r, "data-trips") == 4.0));
    let segments = |selector: &str| {
        one(&el, selector)
            .get_attribute("d")
            .unwrap()
            .matches('M')
            .count()
    };
    assert_eq!(
        segments(".map-light-routes__all"),
        645,
        "every other route, together"
    );
    let key = text(&one(&el, ".map-key"));
    assert!(
        key.contains("Thin grey lines: 645 routes with one trip each"),
        "{key}"
    );
    assert!(
        el.query_selector(".map-light-routes__own")
            .unwrap()
            .is_none()
    );

    // Ship B sails from the 13 odd places to 25 others each: its light routes in its colour.
    state.update(|s| s.vessel = Some("ship-b".into()));
    pause(10).await;
    let own = one(&el, ".map-light-routes__own");
    assert!(own.class_list().contains("series-2"));
    assert_eq!(segments(".map-light-routes__own .map-route__line"), 13 * 25);
    assert_eq!(
        segments(".map-light-routes__own .map-route__arrow"),
        13 * 25
    );
    assert!(
        one(&el, ".map-light-routes")
            .class_list()
            .contains("is-choosing"),
        "the others step back"
    );

    state.update(|s| s.vessel = None);
    pause(10).await;
    assert!(
        el.query_selector(".map-light-routes__own")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn the_key_lists_a_dozen_vessels_and_counts_the_rest() {
    let vessels: Vec<String> = (0..14)
        .map(|i| format!(r#"{{"id": "ship-{i}", "name": "Ship {i}"}}"#))
        .collect();
    let trips: Vec<String> = (0..14)
        .map(|i| {
            format!(
                r#"{{"id": "t{i}", "vessel": "ship-{i}", "from": "a", "to": "b", "depart": "2024-01-01", "arrive": "2024-01-02", "certainty": "confirmed", "sources": ["log"]}}"#
            )
        })
        .collect();
    let place = |id: &str, lon: u32| {
        format!(
            r#"{{"id": "{id}", "name": "{id}", "country": "TR", "kind": "port", "lat": 41, "lon": {lon}, "precision": "exact", "sources": ["log"]}}"#
        )
    };
    let report = made_up(
        "fleet",
        &format!(
            r#""places": [{}, {}], "vessels": [{}], "trips": [{}]"#,
            place("a", 30),
            place("b", 34),
            vessels.join(","),
            trips.join(",")
        ),
    );
    let el = host(800);
    let (_state, _mounted) = mount(&el, report, "", None);
    wait_for(&el, ".map-key__vessel").await;
    let buttons = all(&el, ".map-key__vessel");
    assert_eq!(buttons.len(), 12);
    assert_eq!(text(&buttons[0]).trim(), "Ship 0");
    assert!(text(&one(&el, ".map-key")).contains("and 2 more vessels"));
}

#[wasm_bindgen_test]
async fn the_reader_s_dates_filter_the_routes() {
    let el = host(800);
    let (state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await; // the marks are drawn once the map is measured
    let caption = || text(&one(&el, ".view__caption"));
    assert_eq!(
        caption(),
        "8 trips linked 5 places; the busiest route was Novorossiysk → Istanbul (3 trips)."
    );

    state.update(|s| *s = ReaderState::from_query("from=2024-04&to=2024-06"));
    pause(10).await;
    let routes: Vec<String> = all(&el, "[data-route]")
        .iter()
        .filter_map(|r| r.get_attribute("data-route"))
        .collect();
    assert!(
        !routes.contains(&"novorossiysk>istanbul".to_owned()),
        "{routes:?}"
    );
    assert_eq!(routes.len(), 3, "{routes:?}");
    assert_eq!(all(&el, "[data-place]").len(), 8, "places stay put");
    assert!(
        el.query_selector("[data-place=novorossiysk] .map-badge")
            .unwrap()
            .is_none(),
        "its events were in January"
    );
    assert!(caption().starts_with("4 trips linked"), "{}", caption());

    state.update(|s| *s = ReaderState::from_query("asof=2023-12-31"));
    pause(10).await;
    assert!(all(&el, "[data-route]").is_empty());
    assert_eq!(
        caption(),
        "No trips in the chosen dates; the map shows 8 places."
    );

    // A badge the dates took away comes back, with its count, without them.
    state.update(|s| *s = ReaderState::default());
    pause(10).await;
    let badges = all(&el, "[data-place=novorossiysk] .map-badge");
    assert_eq!(badges.len(), 1);
    assert_eq!(text(&badges[0]), "2");
}

#[wasm_bindgen_test]
async fn the_data_table_counts_what_the_map_shows_for_the_dates() {
    let el = host(800);
    let (state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await;
    one(&el, ".data-table__toggle")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    pause(10).await;
    // Novorossiysk's trips and events, as its row in the table counts them
    // (the place's name is the row's heading; then kind, country, position).
    let counts = || {
        let row = all(&el, ".data-table tbody tr")
            .into_iter()
            .find(|row| text(row).starts_with("Novorossiysk"))
            .expect("a row for Novorossiysk");
        let cells: Vec<String> = all(row.unchecked_ref(), "td").iter().map(text).collect();
        let number = |i: usize| cells[i].parse::<usize>().expect("a count");
        (number(3), number(4))
    };
    let (trips, events) = counts();
    assert!(trips > 0, "its trips in January");
    assert!(events > 0, "its events in January");

    state.update(|s| *s = ReaderState::from_query("from=2024-04&to=2024-06"));
    pause(10).await;
    let (fewer, none) = counts();
    assert!(fewer < trips, "{fewer} of {trips}");
    assert_eq!(none, 0, "its events were in January");
}

#[wasm_bindgen_test]
async fn focus_shows_details_with_footnotes_and_escape_closes_them() {
    let el = host(800);
    let (_state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await; // the marks are drawn once the map is measured
    // One tab stop for all places: the first in the report.
    let tabbable: Vec<String> = all(&el, "[data-place][tabindex=\"0\"]")
        .iter()
        .filter_map(|p| p.get_attribute("data-place"))
        .collect();
    assert_eq!(tabbable, ["novorossiysk"]);

    focus(&one(&el, "[data-place=novorossiysk]"));
    pause(10).await;
    let details = one(&el, ".map-details");
    let words = text(&details);
    assert!(
        words.contains("Novorossiysk") && words.contains("Port") && words.contains("RU"),
        "{words}"
    );
    assert!(
        words.contains("6 trips (4 out, 2 in)") && words.contains("2 events"),
        "{words}"
    );
    let link = details
        .query_selector("a.cite-mark")
        .unwrap()
        .expect("a footnote link");
    assert!(link.get_attribute("href").unwrap().starts_with("#source-"));

    // The arrow keys go to the nearest place that way: Kavkaz lies north-west of Novorossiysk.
    press("ArrowUp");
    pause(10).await;
    assert_eq!(active_place().as_deref(), Some("kavkaz"));
    assert_eq!(
        one(&el, "[data-place=kavkaz]")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    assert!(text(&one(&el, ".map-details")).contains("Port Kavkaz depot"));

    press("Enter");
    pause(10).await;
    assert!(
        el.query_selector(".map-details__close").unwrap().is_some(),
        "pinned details can be closed"
    );
    press("Escape");
    pause(10).await;
    assert!(el.query_selector(".map-details").unwrap().is_none());

    // A route's details list its trips with their sources.
    focus(&one(&el, "[data-route=\"novorossiysk>istanbul\"]"));
    pause(10).await;
    let words = text(&one(&el, ".map-details"));
    assert!(
        words.contains("Novorossiysk → Istanbul") && words.contains("Test Ship A (3)"),
        "{words}"
    );
    assert_eq!(
        all(&el, ".map-details .details__sources").len(),
        3,
        "each trip with its sources"
    );
}

#[wasm_bindgen_test]
async fn routes_are_one_tab_stop_and_the_arrows_go_from_route_to_route() {
    let el = host(800);
    let (state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await; // the marks are drawn once the map is measured
    let stops = || {
        all(&el, "[data-route][tabindex=\"0\"]")
            .iter()
            .filter_map(|r| r.get_attribute("data-route"))
            .collect::<Vec<_>>()
    };
    let order = || {
        all(&el, "[data-route]")
            .iter()
            .filter_map(|r| r.get_attribute("data-route"))
            .collect::<Vec<_>>()
    };
    // The heaviest route (drawn first) takes the Tab key.
    assert_eq!(stops(), [order()[0].clone()]);

    // The arrows go from route to route in drawing order, wrapping around.
    focus(&one(&el, "[data-route]"));
    press("ArrowRight");
    pause(10).await;
    let second = order()[1].clone();
    assert_eq!(stops(), std::slice::from_ref(&second));
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .and_then(|a| a.get_attribute("data-route"));
    assert_eq!(focused.as_deref(), Some(second.as_str()));
    press("ArrowLeft");
    press("ArrowLeft");
    pause(10).await;
    assert_eq!(stops(), [order().last().unwrap().clone()]);

    // Moving the dates keeps one tab stop, on a route still shown.
    state.update(|s| *s = ReaderState::from_query("from=2024-01&to=2024-02"));
    pause(10).await;
    assert_eq!(stops().len(), 1, "still one tab stop: {:?}", stops());
}

#[wasm_bindgen_test]
async fn the_source_line_cites_what_the_map_shows() {
    let el = host(800);
    let (_state, _mounted) = mount(&el, report(BLACK_SEA), "", None);
    pause(50).await; // the marks are drawn once the map is measured
    let sources = text(&one(&el, ".source-line"));
    for publisher in ["Example Shipping Log", "Example Wire", "Example Gazetteer"] {
        assert!(sources.contains(publisher), "{sources}");
    }
}

#[wasm_bindgen_test]
fn a_report_without_places_says_so() {
    let el = host(800);
    let mut bare = (*report(SMALL)).clone();
    bare.places.clear();
    let (_state, _mounted) = mount(&el, Arc::new(bare), "", None);
    assert_eq!(text(&one(&el, ".empty-state")), "No places in this report");
    assert!(el.query_selector("svg").unwrap().is_none());
}

/// A made-up report of 70 ports with events at each: one at the first ten,
/// two at the next ten, and so on up to seven at the last ten.
fn busy_ports_report() -> SharedReport {
    let places: Vec<String> = (0..70)
        .map(|i| {
            format!(
                r#"{{"id": "p{i}", "name": "Port {i}", "country": "TR", "kind": "port", "lat": {}, "lon": {}, "precision": "exact", "sources": ["log"]}}"#,
                36.0 + f64::from(i % 7) * 1.5,
                26.0 + f64::from(i / 7) * 1.5
            )
        })
        .collect();
    let mut events = Vec::new();
    for i in 0..70 {
        for n in 0..(i / 10 + 1) {
            events.push(format!(
                r#"{{"id": "e{i}-{n}", "place": "p{i}", "date": "2024-03-0{}", "kind": "loading", "certainty": "reported", "summary": "Loaded.", "sources": ["log"]}}"#,
                n + 1
            ));
        }
    }
    made_up(
        "busy",
        &format!(
            r#""places": [{}], "events": [{}]"#,
            places.join(","),
            events.join(",")
        ),
    )
}

/// A crowded map counts events only at its busiest places (a thousand badges
/// covered each other), and its key says from how many events on.
#[wasm_bindgen_test]
async fn a_crowded_map_counts_events_at_its_busiest_places() {
    let el = host(800);
    let (_state, _mounted) = mount(&el, busy_ports_report(), "", None);
    wait_for(&el, ".map-badge").await;
    let badges = all(&el, ".map-badge");
    assert_eq!(badges.len(), 60, "the sixty busiest ports");
    assert!(badges.iter().all(|b| text(b) != "1"));
    assert!(
        el.query_selector("[data-place=p3] .map-badge")
            .unwrap()
            .is_none()
    );
    assert_eq!(text(&one(&el, "[data-place=p65] .map-badge")), "7");
    let key = text(&one(&el, ".map-key"));
    assert!(
        key.contains("Events at a place (where there were at least 2)"),
        "{key}"
    );
}

/// A map far down the page is not drawn before the first screen: it waits
/// for the page to be idle (or for the reader to near it), and is then
/// drawn, however small.
#[wasm_bindgen_test]
async fn a_map_far_down_the_page_is_drawn_once_the_page_is_idle() {
    let report = made_up(
        "far",
        r#""places": [{"id": "p0", "name": "Place 0", "country": "TR", "kind": "port", "lat": 41, "lon": 28, "precision": "exact", "sources": ["log"]},
                      {"id": "p1", "name": "Place 1", "country": "TR", "kind": "port", "lat": 43, "lon": 35, "precision": "exact", "sources": ["log"]}],
        "vessels": [{"id": "ship-a", "name": "Ship A"}],
        "trips": [{"id": "t0", "vessel": "ship-a", "from": "p0", "to": "p1", "depart": "2024-01-01", "arrive": "2024-01-02", "certainty": "confirmed", "sources": ["log"]}]"#,
    );
    let el = host(800);
    let document = web_sys::window().unwrap().document().unwrap();
    let spacer = document.create_element("div").unwrap();
    spacer.set_attribute("style", "height: 6000px").unwrap();
    document
        .body()
        .unwrap()
        .insert_before(&spacer, Some(&el))
        .unwrap();
    let (_state, _mounted) = mount(&el, report, "", None);
    // Charts near the window are measured in the first frame, and drawn;
    // this one is put aside in it.
    next_frame().await;
    assert!(waiting_for_idle(), "put aside in the first frame");
    assert_eq!(all(&el, ".map-place").len(), 0);
    wait_for(&el, ".map-place").await;
    assert_eq!(all(&el, ".map-place").len(), 2);
    assert!(!waiting_for_idle());
    spacer.remove();
}
