//! The estimates chart in a real browser: panels by unit, a shape per bound,
//! colours by actor, links between derived estimates, the "as of" replay,
//! the details card by hover and keyboard, the caption and the empty state.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use sealift_format::Date;
use sealift_viewer::data::{SharedReport, check_report};
use sealift_viewer::estimates::EstimateChart;
use sealift_viewer::state::{ReaderState, ReaderStateSignal};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod common;

use common::{opacity, pause, wait_for};

wasm_bindgen_test_configure!(run_in_browser);

const RICH: &str = include_str!("fixtures/estimates-rich.json");
const SMALL: &str = include_str!("fixtures/small.json");
/// Nine actors, more than the seven colours: the first and the eighth share
/// the containers' panel, the second and the ninth have panels of their own.
const CROWDED: &str = include_str!("fixtures/estimates-crowded.json");

/// A mounted chart, with the reader's state in reach.
struct Chart {
    el: web_sys::HtmlElement,
    state: ReaderStateSignal,
}

fn report(json: &str) -> SharedReport {
    check_report("fixture.json", json.as_bytes()).expect("the fixture is valid")
}

/// A fresh element in the page to mount into, as wide as a desktop column.
fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    el.set_attribute("style", "width: 1000px").unwrap();
    common::in_sight_at_top(&el);
    el
}

async fn mount(report: SharedReport) -> Chart {
    let drawn = !report.estimates.is_empty();
    let el = host();
    let state = ReaderStateSignal::new(ReaderState::default());
    let mounted = leptos::mount::mount_to(el.clone(), move || {
        provide_context(state);
        view! { <EstimateChart report /> }
    });
    // Kept mounted for the rest of the run: the test inspects it after awaiting.
    std::mem::forget(mounted);
    if drawn {
        wait_for(&el, ".estimates-panel").await;
    }
    settle().await;
    Chart { el, state }
}

/// Lets effects run and the DOM catch up.
async fn settle() {
    pause(30).await;
}

impl Chart {
    fn one(&self, selector: &str) -> web_sys::Element {
        self.el
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn has(&self, selector: &str) -> bool {
        self.el.query_selector(selector).unwrap().is_some()
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        let list = self.el.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.text_content().unwrap_or_default())
            .collect()
    }

    /// The first actor's name in the "Containers" panel's legend (a button).
    fn ministry_in_the_legend(&self) -> web_sys::Element {
        self.panel("Containers")
            .query_selector("button.series-1")
            .unwrap()
            .expect("the ministry's name in the legend")
    }

    fn mark(&self, id: &str) -> web_sys::Element {
        self.one(&format!("[data-estimate=\"{id}\"]"))
    }

    fn panel(&self, title: &str) -> web_sys::Element {
        let panels = self.el.query_selector_all(".estimates-panel").unwrap();
        (0..panels.length())
            .filter_map(|i| panels.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .find(|p| {
                p.query_selector(".estimates-panel__title")
                    .unwrap()
                    .and_then(|t| t.text_content())
                    .as_deref()
                    == Some(title)
            })
            .unwrap_or_else(|| panic!("no panel {title}"))
    }

    fn card(&self) -> Option<String> {
        self.el
            .query_selector(".estimate-card")
            .unwrap()
            .and_then(|c| c.text_content())
    }
}

fn classes(el: &web_sys::Element) -> String {
    el.get_attribute("class").unwrap_or_default()
}

/// Dispatches a DOM event built by a line of JavaScript (`new KeyboardEvent(...)`).
fn dispatch(el: &web_sys::Element, event: &str) {
    let send = js_sys::Function::new_with_args("el", &format!("el.dispatchEvent({event})"));
    send.call1(&JsValue::NULL, el).unwrap();
}

fn press(el: &web_sys::Element, key: &str) {
    dispatch(
        el,
        &format!("new KeyboardEvent('keydown', {{ key: '{key}', bubbles: true }})"),
    );
}

fn focus(el: &web_sys::Element) {
    el.clone()
        .unchecked_into::<web_sys::SvgElement>()
        .focus()
        .unwrap();
}

fn focused_estimate() -> Option<String> {
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .active_element()
        .and_then(|a| a.get_attribute("data-estimate"))
}

#[wasm_bindgen_test]
async fn each_unit_gets_a_panel_the_biggest_first() {
    let chart = mount(report(RICH)).await;
    assert_eq!(
        chart.texts(".estimates-panel__title"),
        ["Containers", "Shells", "Tonnes", "Missiles", "Port calls"]
    );
    let containers = chart.panel("Containers");
    assert_eq!(
        containers
            .query_selector_all(".estimate-mark")
            .unwrap()
            .length(),
        5
    );
    let measures = chart.panel("Shells").text_content().unwrap();
    assert!(
        measures.contains("shells the containers could hold · artillery shells sent"),
        "{measures}"
    );
}

/// Marks are drawn from markup: report text that looks like markup must
/// stay text in their spoken labels, never become elements or attributes.
#[wasm_bindgen_test]
async fn report_text_in_a_mark_stays_text() {
    // In the JSON: Ministry "<b id='injected'>bold</b>" & co
    let json = RICH.replace(
        "Example Ministry of Defence",
        r#"Ministry \"<b id='injected'>bold</b>\" & co"#,
    );
    let chart = mount(report(&json)).await;
    let mark = chart.one("[data-estimate=\"c-oct\"]");
    let label = mark.get_attribute("aria-label").unwrap();
    assert!(
        label.ends_with(r#"by Ministry "<b id='injected'>bold</b>" & co"#),
        "{label}"
    );
    assert!(!chart.has("#injected") && !chart.has(".estimates-panel__marks b"));
    // The mark is whole: its shape and ring are still inside it.
    assert!(chart.has("[data-estimate=\"c-oct\"] .estimate-mark__arrow"));
    assert!(chart.has("[data-estimate=\"c-oct\"] .estimate-mark__hit"));
}

#[wasm_bindgen_test]
async fn each_bound_has_its_shape() {
    let chart = mount(report(RICH)).await;
    let shape = |id: &str, part: &str| {
        chart.has(&format!("[data-estimate=\"{id}\"] .estimate-mark__{part}"))
    };
    // More than, at least: an arrow up, never a plain point.
    assert!(shape("c-oct", "arrow") && !shape("c-oct", "point"));
    assert!(shape("c-jun", "arrow"));
    // Up to, at most: a cap with a tick down, never a point.
    assert!(shape("s-feb", "cap") && shape("s-feb", "tick") && !shape("s-feb", "point"));
    assert!(shape("s-jun", "cap") && !shape("s-jun", "point"));
    // About: a point with a halo; exact: a point alone.
    assert!(shape("c-dec", "halo") && shape("c-dec", "point"));
    assert!(shape("s-aug", "point") && !shape("s-aug", "halo"));
    // A low–high range: a bar, only where the estimate gives one.
    assert!(shape("c-feb", "range") && shape("s-feb", "range"));
    assert!(!shape("c-dec", "range"));
    // The key explains the shapes the report uses.
    let key = chart.one(".estimates-key").text_content().unwrap();
    for entry in [
        "Exact figure",
        "About",
        "At least or more than",
        "Up to or at most",
        "Range",
        "Worked out",
    ] {
        assert!(key.contains(entry), "{entry} missing from the key: {key}");
    }
}

#[wasm_bindgen_test]
async fn actors_in_one_panel_never_share_a_colour() {
    let chart = mount(report(CROWDED)).await;
    // The eighth actor would take the first's colour by its order; in the
    // first's panel it takes the next one free.
    assert!(classes(&chart.mark("c-0")).contains("series-1"));
    assert!(classes(&chart.mark("c-7")).contains("series-2"));
    // In panels apart, the ninth keeps the colour of its order, the second's.
    assert!(classes(&chart.mark("s-1")).contains("series-2"));
    assert!(classes(&chart.mark("t-8")).contains("series-2"));
}

#[wasm_bindgen_test]
async fn marks_take_their_actors_colour() {
    let chart = mount(report(RICH)).await;
    // Actors in report order: ministry, institute, agency, prosecutor.
    assert!(classes(&chart.mark("c-oct")).contains("series-1"));
    assert!(classes(&chart.mark("c-feb")).contains("series-2"));
    assert!(classes(&chart.mark("c-dec")).contains("series-3"));
    assert!(classes(&chart.mark("m-feb")).contains("series-4"));
    // Each panel names who made its estimates, in the same colours.
    let legend = chart
        .panel("Containers")
        .query_selector(".estimates-actors")
        .unwrap()
        .unwrap();
    let names = legend.text_content().unwrap();
    assert!(
        names.contains("Example Ministry of Defence")
            && names.contains("Example Intelligence Agency")
    );
    assert!(!names.contains("Example Prosecutor"), "{names}");
    let swatch = legend.query_selector(".series-1").unwrap();
    assert!(swatch.is_some(), "the ministry's name has its colour");
}

#[wasm_bindgen_test]
async fn choosing_an_actor_makes_their_marks_stand_out() {
    let chart = mount(report(RICH)).await;
    let ministry = chart.ministry_in_the_legend();
    ministry.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(
        chart.state.with_untracked(|s| s.actor.clone()).as_deref(),
        Some("ministry")
    );
    assert_eq!(
        ministry.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    // The others step back through one class on the chart (its stylesheet
    // does it, after a short fade).
    let styles = estimates_styles();
    pause(500).await;
    let (chosen, other) = (opacity(&chart.mark("c-oct")), opacity(&chart.mark("c-dec")));
    styles.remove();
    assert_eq!(chosen, "1");
    assert_eq!(other, "0.18");
}

#[wasm_bindgen_test]
async fn pointing_at_an_actor_by_keyboard_makes_their_marks_stand_out_until_focus_leaves() {
    let chart = mount(report(RICH)).await;
    let ministry = chart.ministry_in_the_legend();
    focus(&ministry);
    settle().await;
    assert!(classes(&chart.mark("c-oct")).contains("is-standing"));
    assert!(!classes(&chart.mark("c-dec")).contains("is-standing"));
    ministry
        .unchecked_ref::<web_sys::HtmlElement>()
        .blur()
        .unwrap();
    settle().await;
    assert!(!classes(&chart.mark("c-oct")).contains("is-standing"));
    assert_eq!(
        chart.state.with_untracked(|s| s.actor.clone()),
        None,
        "pointing chooses nothing"
    );
}

/// The chart's stylesheet, as the app links it (for one test: the others
/// read the chart without it).
fn estimates_styles() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../src/estimates/estimates.css")));
    document.head().unwrap().append_child(&style).unwrap();
    style
}

#[wasm_bindgen_test]
async fn derived_estimates_are_linked_to_their_sources() {
    let chart = mount(report(RICH)).await;
    // Within a panel: a dashed line from the source to the derived estimate.
    let shells = chart.panel("Shells");
    let links = shells.query_selector_all(".estimate-link").unwrap();
    assert_eq!(links.length(), 1, "s-jun → s-aug");
    // Across panels: a note by the derived mark.
    let notes = shells.text_content().unwrap();
    assert!(notes.contains("from about 6,700 containers"), "{notes}");
    // And in words in the card.
    focus(&chart.mark("s-feb"));
    settle().await;
    let card = chart.card().expect("a card");
    assert!(card.contains("Derived from"), "{card}");
    assert!(
        card.contains("about 6,700 containers (Example Institute, 26 Feb 2024)"),
        "{card}"
    );
}

#[wasm_bindgen_test]
async fn the_as_of_date_hides_later_estimates_in_place() {
    let chart = mount(report(RICH)).await;
    let spot = || {
        let disc = chart
            .mark("c-dec")
            .query_selector(".estimate-mark__hit")
            .unwrap()
            .unwrap();
        (disc.get_attribute("x1"), disc.get_attribute("y1"))
    };
    let before = spot();
    chart
        .state
        .update(|s| s.as_of = Date::parse("2024-03-01").ok());
    settle().await;
    assert!(!classes(&chart.mark("c-feb")).contains("is-hidden"));
    assert!(classes(&chart.mark("c-jun")).contains("is-hidden"));
    assert!(classes(&chart.mark("c-aug")).contains("is-hidden"));
    assert_eq!(spot(), before, "the axes stay put");
    assert!(
        chart
            .texts(".estimates-panel__as-of text")
            .contains(&"As of 1 Mar 2024".to_owned())
    );
    let caption = chart.one(".view__caption").text_content().unwrap();
    assert_eq!(
        caption,
        "Estimates of containers shipped grew from more than 1,000 (Oct 2023) to about 6,700 (Feb 2024)."
    );
    // The latest label follows the replay.
    assert!(
        chart
            .texts(".estimate-label")
            .contains(&"about 6,700".to_owned())
    );
    chart.state.update(|s| s.as_of = None);
    settle().await;
    assert!(!classes(&chart.mark("c-aug")).contains("is-hidden"));
    assert!(!chart.has(".estimates-panel__as-of"));
}

#[wasm_bindgen_test]
async fn focus_and_hover_open_the_details_card() {
    let chart = mount(report(RICH)).await;
    assert_eq!(chart.card(), None);
    let mark = chart.mark("c-jun");
    let label = mark.get_attribute("aria-label").unwrap();
    assert_eq!(
        label,
        "Containers shipped: at least 10,000 containers, stated 14 Jun 2024 by Example Ministry of Defence"
    );
    focus(&mark);
    settle().await;
    let card = chart.card().expect("a card on focus");
    for part in [
        "Containers shipped",
        "At least 10,000 containers",
        "Example Ministry of Defence",
        "14 Jun 2024",
        "Sep 2023 – Jun 2024",
    ] {
        assert!(card.contains(part), "{part} missing: {card}");
    }
    let link = chart.one(".estimate-card a.cite-mark");
    assert!(link.get_attribute("href").unwrap().starts_with("#source-"));
    assert_eq!(
        chart
            .el
            .query_selector_all(".estimate-card a.cite-mark")
            .unwrap()
            .length(),
        2
    );
    // Esc closes it; focus stays on the mark.
    press(&mark, "Escape");
    settle().await;
    assert_eq!(chart.card(), None);
    assert_eq!(focused_estimate().as_deref(), Some("c-jun"));
    // Hover opens another, with its method and range.
    dispatch(
        &chart.mark("c-feb"),
        "new MouseEvent('mouseover', { bubbles: true })",
    );
    settle().await;
    let card = chart.card().expect("a card on hover");
    assert!(
        card.contains("Counted on satellite images of the quay."),
        "{card}"
    );
    assert!(card.contains("6,000 to 7,500 containers"), "{card}");
    dispatch(
        &chart.mark("c-feb"),
        "new MouseEvent('mouseout', { bubbles: true })",
    );
    settle().await;
    assert_eq!(chart.card(), None);
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_marks_and_enter_pins() {
    let chart = mount(report(RICH)).await;
    // One tab stop for the whole chart: the first mark.
    let stops: Vec<String> = {
        let list = chart
            .el
            .query_selector_all("[data-estimate][tabindex=\"0\"]")
            .unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .filter_map(|e| e.get_attribute("data-estimate"))
            .collect()
    };
    assert_eq!(stops, ["c-oct"]);
    focus(&chart.mark("c-oct"));
    press(&chart.mark("c-oct"), "ArrowRight");
    settle().await;
    assert_eq!(focused_estimate().as_deref(), Some("c-dec"));
    assert_eq!(
        chart.mark("c-dec").get_attribute("tabindex").as_deref(),
        Some("0")
    );
    assert_eq!(
        chart.mark("c-oct").get_attribute("tabindex").as_deref(),
        Some("-1")
    );
    // Down jumps to the nearest mark in the next panel.
    press(&chart.mark("c-dec"), "ArrowDown");
    settle().await;
    assert_eq!(focused_estimate().as_deref(), Some("s-feb"));
    // Enter pins the card; Esc unpins it.
    press(&chart.mark("s-feb"), "Enter");
    settle().await;
    assert!(chart.has(".estimate-card.is-pinned .estimate-card__close"));
    press(&chart.mark("s-feb"), "Escape");
    settle().await;
    assert_eq!(chart.card(), None);
}

#[wasm_bindgen_test]
async fn a_click_pins_the_card_and_a_second_unpins_it() {
    let chart = mount(report(RICH)).await;
    let mark = chart.mark("t-big");
    dispatch(&mark, "new MouseEvent('click', { bubbles: true })");
    settle().await;
    assert!(chart.has(".estimate-card.is-pinned"));
    assert!(chart.card().unwrap().contains("More than 74,000 tonnes"));
    dispatch(&mark, "new MouseEvent('click', { bubbles: true })");
    settle().await;
    assert_eq!(chart.card(), None);
}

#[wasm_bindgen_test]
async fn the_caption_and_labels_come_from_the_data() {
    let chart = mount(report(RICH)).await;
    let caption = chart.one(".view__caption").text_content().unwrap();
    assert_eq!(
        caption,
        "Estimates of containers shipped grew from more than 1,000 (Oct 2023) to more than 13,000 (Aug 2024)."
    );
    let labels = chart.panel("Containers").text_content().unwrap();
    assert!(
        labels.contains("more than 1,000") && labels.contains("more than 13,000"),
        "{labels}"
    );
    // Compact ticks, and a log scale said on the axis where values span orders of magnitude.
    assert!(chart.panel("Shells").text_content().unwrap().contains("6M"));
    let tonnes = chart.panel("Tonnes").text_content().unwrap();
    assert!(
        tonnes.contains("Log scale") && tonnes.contains("100,000"),
        "{tonnes}"
    );
    assert!(
        !chart
            .panel("Containers")
            .text_content()
            .unwrap()
            .contains("Log scale")
    );
    // The source line lists every source behind the estimates.
    let sources = chart.one(".source-line").text_content().unwrap();
    for publisher in ["Example Gazette", "Example Ministry", "Example Institute"] {
        assert!(
            sources.contains(publisher),
            "{publisher} missing: {sources}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_single_estimate_gets_a_caption_of_its_own() {
    let mut one = (*report(SMALL)).clone();
    one.estimates.truncate(1);
    let chart = mount(Arc::new(one)).await;
    let caption = chart.one(".view__caption").text_content().unwrap();
    assert_eq!(
        caption,
        "Example Port Authority put cars carried at about 1,200 (Apr 2024)."
    );
}

#[wasm_bindgen_test]
async fn a_report_without_estimates_says_so() {
    let mut empty = (*report(SMALL)).clone();
    empty.estimates.clear();
    let chart = mount(Arc::new(empty)).await;
    assert!(
        chart
            .el
            .text_content()
            .unwrap()
            .contains("No estimates in this report")
    );
    assert!(!chart.has(".estimates-panel"));
}

/// A chart of hundreds of marks changes without transitions (they cost more
/// than they show); a chart of a few fades its marks in and out.
#[wasm_bindgen_test]
async fn a_crowded_chart_changes_without_transitions() {
    let few = mount(report(RICH)).await;
    assert!(!few.has(".estimates.is-crowded"));
    let estimates: Vec<String> = (0..301)
        .map(|i| {
            format!(
                r#"{{"id": "e{i}", "stated": "2024-{:02}", "actor": "agency", "measure": "containers shipped", "unit": "containers", "quantity": {{"value": {}, "bound": "exact"}}, "sources": ["log"]}}"#,
                1 + i % 12,
                100 + i
            )
        })
        .collect();
    let many = mount(report(&format!(
        r#"{{"format": "sealift-report/1",
            "report": {{"id": "many", "title": "Test fixture: many estimates", "summary": "Made up.", "language": "en", "published": "2025-01-01", "as_of": "2024-12-31"}},
            "sources": [{{"id": "log", "publisher": "Example Log", "title": "Counts", "date": "2024-06", "kind": "other"}}],
            "actors": [{{"id": "agency", "name": "An Agency", "kind": "government", "country": "SE"}}],
            "estimates": [{}]}}"#,
        estimates.join(",")
    )))
    .await;
    assert!(many.has(".estimates.is-crowded"));
}

/// A chart out of sight does not redraw for each step of the "as of"
/// slider (on a large report that was most of a step's time): it catches
/// up once the reader pauses.
#[wasm_bindgen_test]
async fn a_chart_out_of_sight_catches_up_when_the_reader_pauses() {
    let chart = mount(report(RICH)).await;
    let document = web_sys::window().unwrap().document().unwrap();
    let spacer = document.create_element("div").unwrap();
    spacer.set_attribute("style", "height: 6000px").unwrap();
    let body = document.body().unwrap();
    body.insert_before(&spacer, Some(&chart.el)).unwrap();
    pause(150).await;
    chart
        .state
        .update(|s| s.as_of = Date::parse("2024-03-01").ok());
    settle().await;
    assert!(
        !classes(&chart.mark("c-jun")).contains("is-hidden"),
        "out of sight, the chart waits"
    );
    pause(600).await;
    assert!(
        classes(&chart.mark("c-jun")).contains("is-hidden"),
        "the reader paused: the chart has caught up"
    );
    spacer.remove();
}
