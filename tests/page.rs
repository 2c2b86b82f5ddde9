//! The whole report page in a real browser: narrative footnotes, claims and
//! their filters, vessel cards, the bibliography, the "as of" control, and the
//! reader's choices kept in the URL.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sealift_viewer::data::check_report;
use sealift_viewer::shell::ReportPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

use common::{next_frame, pause, query, until_built};

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("fixtures/small.json");

/// Mounts the page for the small fixture, starting from a URL with `query`,
/// and waits until every view is built.
async fn mount_page(query: &str) -> (web_sys::HtmlElement, impl Drop) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let document = window.document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let report = check_report("small.json", SMALL.as_bytes()).unwrap();
    let handle = leptos::mount::mount_to(el.clone(), move || view! { <ReportPage report /> });
    until_built(&el).await;
    (el, handle)
}

fn all_text(el: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = el.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

/// Lets Leptos run the effects a change scheduled (they run on the next tick).
async fn settle() {
    for _ in 0..3 {
        pause(0).await;
    }
}

/// Scrolls `selector` into view, as a reader does before using it, and
/// gives the page a moment to notice: a view out of sight waits for the
/// reader to pause before it follows a change.
async fn look_at(el: &web_sys::Element, selector: &str) {
    el.query_selector(selector)
        .unwrap()
        .unwrap()
        .scroll_into_view();
    pause(100).await;
}

/// An event as the browser sends it when the reader changes a control: it
/// bubbles (the page listens for it once, on the document).
fn bubbling(kind: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()
}

fn select(el: &web_sys::Element, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = el
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value(value);
    select.dispatch_event(&bubbling("change")).unwrap();
}

#[wasm_bindgen_test]
async fn footnotes_are_numbered_in_order_of_first_appearance() {
    let (el, _page) = mount_page("").await;
    // The narrative cites src-a first, so it is 1; the bibliography follows that order.
    let marks = all_text(&el, ".narrative .cite-mark");
    assert_eq!(marks, vec!["1"]);
    let entries = el.query_selector_all(".source-list > li").unwrap();
    assert_eq!(entries.length(), 3);
    let first: web_sys::Element = entries.item(0).unwrap().unchecked_into();
    assert_eq!(first.id(), "source-1");
    assert!(first.text_content().unwrap().starts_with("Example Times"));
    // Every footnote link points at an entry that exists and says where it goes.
    let links = el.query_selector_all("a.cite-mark").unwrap();
    assert!(links.length() >= 3);
    for i in 0..links.length() {
        let a: web_sys::Element = links.item(i).unwrap().unchecked_into();
        let href = a.get_attribute("href").unwrap();
        assert!(
            el.query_selector(&href).unwrap().is_some(),
            "{href} goes nowhere"
        );
        assert!(
            a.get_attribute("aria-label")
                .unwrap()
                .starts_with("Source ")
        );
    }
}

#[wasm_bindgen_test]
async fn via_chains_read_source_via_relay() {
    let (el, _page) = mount_page("").await;
    let entry = el
        .query_selector(".source-list")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(entry.contains("Example Analysts"), "{entry}");
    assert!(entry.contains("Known via Example Times"), "{entry}");
    let label = el
        .query_selector("[data-claim=c2] a.cite-mark")
        .unwrap()
        .unwrap()
        .get_attribute("aria-label")
        .unwrap();
    assert!(
        label.ends_with("Example Analysts, via Example Times"),
        "{label}"
    );
    let link = el.query_selector(".source__title[href]").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
}

#[wasm_bindgen_test]
async fn claims_are_grouped_by_month_with_actor_and_certainty() {
    let (el, _page) = mount_page("").await;
    assert_eq!(all_text(&el, ".claims__month-heading"), vec!["Apr 2024"]);
    assert_eq!(el.query_selector_all(".claim").unwrap().length(), 2);
    let disputed = el
        .query_selector("[data-claim=c2] .certainty--disputed")
        .unwrap();
    assert!(disputed.is_some());
    let caption = el
        .query_selector("#claims .view__caption")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(
        caption,
        "2 claims by 2 actors, stated between 10 Apr 2024 and 15 Apr 2024; 1 disputed by other sources."
    );
}

#[wasm_bindgen_test]
async fn filtering_claims_writes_the_url_and_clearing_restores_all() {
    let (el, _page) = mount_page("").await;
    look_at(&el, "#claims").await;
    select(&el, ".claim-filters select", "analyst");
    settle().await;
    assert_eq!(el.query_selector_all(".claim").unwrap().length(), 1);
    let q = query().await;
    assert!(q.contains("actor=analyst"), "{q}");
    let status = el
        .query_selector(".claims__status")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(status, "Showing 1 of 2 claims");
    let reset: web_sys::HtmlElement = el
        .query_selector(".claim-filters__reset")
        .unwrap()
        .unwrap()
        .unchecked_into();
    reset.click();
    settle().await;
    assert_eq!(el.query_selector_all(".claim").unwrap().length(), 2);
    assert!(!query().await.contains("actor="));
}

#[wasm_bindgen_test]
async fn following_a_vessel_highlights_its_card_and_filters_claims() {
    let (el, _page) = mount_page("").await;
    let button: web_sys::HtmlElement = el
        .query_selector("[data-vessel=aurora] .vessel-card__select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    settle().await;
    assert!(query().await.contains("vessel=aurora"));
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let card = el.query_selector("[data-vessel=aurora]").unwrap().unwrap();
    assert!(card.class_list().contains("vessel-card--selected"));
    // Only the claim about Aurora is left, as the reader finds on turning to them.
    look_at(&el, "#claims").await;
    assert_eq!(all_text(&el, ".claim__text").len(), 1);
    button.click();
    settle().await;
    assert!(!query().await.contains("vessel="));
}

#[wasm_bindgen_test]
async fn the_url_state_is_read_on_load() {
    let (el, _page) = mount_page("?place=helsinki&asof=2024-04-12").await;
    // The place filter leaves c2, but c2 was stated after the "as of" date.
    assert_eq!(el.query_selector_all(".claim").unwrap().length(), 0);
    let value = el
        .query_selector(".as-of__value")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(value, "Showing what was known by 12 Apr 2024");
}

#[wasm_bindgen_test]
async fn the_as_of_slider_replays_the_story() {
    let (el, _page) = mount_page("").await;
    // The bar stays at the top of the window while the reader looks at the claims.
    look_at(&el, "#claims").await;
    let slider: web_sys::HtmlInputElement = el
        .query_selector("#as-of-slider")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // Move to 11 Apr 2024: the claim of 10 Apr stays, the one of 15 Apr goes.
    let day = chrono::NaiveDate::from_ymd_opt(2024, 4, 11).unwrap();
    let number = sealift_viewer::components::scale::day_number(day);
    slider.set_value(&number.to_string());
    slider.dispatch_event(&bubbling("input")).unwrap();
    settle().await;
    assert_eq!(el.query_selector_all(".claim").unwrap().length(), 1);
    let q = query().await;
    assert!(q.contains("asof=2024-04-11"), "{q}");
    // Dragging on replaces that history entry, once the reader pauses.
    let entries = || {
        web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .length()
            .unwrap()
    };
    let before = entries();
    let day = chrono::NaiveDate::from_ymd_opt(2024, 4, 9).unwrap();
    let number = sealift_viewer::components::scale::day_number(day);
    slider.set_value(&number.to_string());
    slider.dispatch_event(&bubbling("input")).unwrap();
    let q = query().await;
    assert!(q.contains("asof=2024-04-11"), "written while dragging: {q}");
    pause(300).await;
    let q = query().await;
    assert!(q.contains("asof=2024-04-09"), "{q}");
    assert_eq!(entries(), before, "a drag is one history entry");
    let reset: web_sys::HtmlElement = el
        .query_selector(".as-of__reset")
        .unwrap()
        .unwrap()
        .unchecked_into();
    reset.click();
    settle().await;
    assert_eq!(el.query_selector_all(".claim").unwrap().length(), 2);
}

/// The page's first screen comes first: the views outside the window wait,
/// each place held by an empty block of the view's id (so that links to it
/// work), and are built once the page is idle.
#[wasm_bindgen_test]
async fn views_outside_the_window_are_built_once_the_page_is_idle() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    // A window's height of text above the views, as a narrative is.
    let spacer: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    spacer.set_attribute("style", "height: 3000px").unwrap();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let body = document.body().unwrap();
    body.insert_before(&spacer, body.first_child().as_ref())
        .unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    body.append_child(&el).unwrap();
    let report = check_report("small.json", SMALL.as_bytes()).unwrap();
    let _page = leptos::mount::mount_to(el.clone(), move || view! { <ReportPage report /> });
    next_frame().await;
    assert!(
        el.query_selector("h1").unwrap().is_some(),
        "the header at once"
    );
    let map = el.query_selector("#map").unwrap().expect("the map's place");
    assert!(map.class_list().contains("view--coming"), "the map waits");
    until_built(&el).await;
    let map = el.query_selector("#map").unwrap().unwrap();
    assert_eq!(map.tag_name(), "SECTION");
    assert!(map.query_selector(".view__heading").unwrap().is_some());
    spacer.remove();
}

#[wasm_bindgen_test]
async fn empty_collections_say_so() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let bare = r#"{"format":"sealift-report/1","report":{"id":"bare","title":"Nothing yet","summary":"An empty report.","language":"en","published":"2024","as_of":"2024"}}"#;
    let report = check_report("bare.json", bare.as_bytes()).unwrap();
    let _page = leptos::mount::mount_to(el.clone(), move || view! { <ReportPage report /> });
    until_built(&el).await;
    let text = el.text_content().unwrap();
    for message in [
        "No claims in this report",
        "No vessels in this report",
        "No sources in this report",
    ] {
        assert!(text.contains(message), "missing {message:?}");
    }
}

/// A long data table is built when the reader opens it (or prints), not with
/// the page: on large reports the hidden tables were half of the page. A
/// short one is there from the start (it is always printed).
#[wasm_bindgen_test]
async fn a_long_data_table_is_built_when_opened() {
    use sealift_viewer::components::data_table::{DataRow, DataTable};
    let document = web_sys::window().unwrap().document().unwrap();
    let report = check_report("small.json", SMALL.as_bytes()).unwrap();
    let row = |i: usize| DataRow {
        cells: vec![format!("row {i}"), String::from("x")],
        cites: Vec::new(),
    };
    let mut mounted = Vec::new();
    for length in [5, 400] {
        let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&el).unwrap();
        let (report, rows) = (report.clone(), (0..length).map(row).collect::<Vec<_>>());
        let handle = leptos::mount::mount_to(el.clone(), move || {
            view! { <DataTable report caption="Rows for a test" columns=vec!["Name", "Value"] rows=rows.into() /> }
        });
        mounted.push((el, handle, length));
    }
    settle().await;
    for (el, _, length) in &mounted {
        let built = el.query_selector_all("tbody tr").unwrap().length() as usize;
        let expected = if *length == 5 { 5 } else { 0 };
        assert_eq!(built, expected, "{length} rows before opening");
        let toggle: web_sys::HtmlElement = el
            .query_selector(".data-table__toggle")
            .unwrap()
            .unwrap()
            .unchecked_into();
        assert!(toggle.text_content().unwrap().contains(&length.to_string()));
        toggle.click();
        settle().await;
        let built = el.query_selector_all("tbody tr").unwrap().length() as usize;
        assert_eq!(built, *length, "{length} rows once opened");
    }
}

/// An open table shows its rows 500 at a time: all 15,000 rows of a
/// 10,000-trip timeline took seconds to appear.
#[wasm_bindgen_test]
async fn a_very_long_table_shows_its_rows_a_few_hundred_at_a_time() {
    use sealift_viewer::components::data_table::{DataRow, DataTable};
    let document = web_sys::window().unwrap().document().unwrap();
    let report = check_report("small.json", SMALL.as_bytes()).unwrap();
    let rows: Vec<DataRow> = (0..1200)
        .map(|i| DataRow {
            cells: vec![format!("row {i}"), String::from("x")],
            cites: Vec::new(),
        })
        .collect();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <DataTable report caption="Rows for a test" columns=vec!["Name", "Value"] rows=rows.into() /> }
    });
    settle().await;
    let click = |selector: &str| {
        el.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .unchecked_into::<web_sys::HtmlElement>()
            .click()
    };
    let shown = || el.query_selector_all("tbody tr").unwrap().length();
    let toggle = el.query_selector(".data-table__toggle").unwrap().unwrap();
    assert_eq!(
        toggle.text_content().unwrap(),
        "Show the data (1,200 rows)",
        "counts are written with separators"
    );
    click(".data-table__toggle");
    settle().await;
    assert_eq!(shown(), 500);
    let more = || {
        el.query_selector(".data-table .show-more")
            .unwrap()
            .and_then(|b| b.text_content())
    };
    assert_eq!(more().as_deref(), Some("Show the next 500 rows (700 left)"));
    click(".data-table .show-more");
    settle().await;
    assert_eq!(shown(), 1000);
    assert_eq!(more().as_deref(), Some("Show the next 200 rows (200 left)"));
    click(".data-table .show-more");
    settle().await;
    assert_eq!(shown(), 1200);
    assert_eq!(more(), None, "every row is shown");
    // Paper gets every row at once.
    let el2: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el2).unwrap();
    let rows: Vec<DataRow> = (0..700)
        .map(|i| DataRow {
            cells: vec![format!("row {i}"), String::from("x")],
            cites: Vec::new(),
        })
        .collect();
    let report = check_report("small.json", SMALL.as_bytes()).unwrap();
    let _printed = leptos::mount::mount_to(el2.clone(), move || {
        view! { <DataTable report caption="Rows for a test" columns=vec!["Name", "Value"] rows=rows.into() /> }
    });
    settle().await;
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("beforeprint").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(el2.query_selector_all("tbody tr").unwrap().length(), 700);
}

/// A made-up report with `claims` claims and `vessels` vessels.
fn long_lists_report(claims: usize, vessels: usize) -> sealift_viewer::data::SharedReport {
    let vessels: Vec<String> = (0..vessels)
        .map(|i| format!(r#"{{"id": "v{i}", "name": "Vessel {i}"}}"#))
        .collect();
    let claims: Vec<String> = (0..claims)
        .map(|i| {
            format!(
                r#"{{"id": "c{i}", "stated": "2024-{:02}-{:02}", "actor": "agency", "text": "Claim number {i}.", "certainty": "reported", "sources": ["log"]}}"#,
                1 + i / 28 % 12,
                1 + i % 28
            )
        })
        .collect();
    let text = format!(
        r#"{{"format": "sealift-report/1",
            "report": {{"id": "long", "title": "Test fixture: long lists", "summary": "Made up.", "language": "en", "published": "2025-01-01", "as_of": "2024-12-31"}},
            "sources": [{{"id": "log", "publisher": "Example Log", "title": "Calls", "date": "2024-06", "url": "https://example.org/log", "kind": "other"}}],
            "actors": [{{"id": "agency", "name": "An Agency", "kind": "government", "country": "SE"}}],
            "vessels": [{}],
            "claims": [{}]}}"#,
        vessels.join(","),
        claims.join(",")
    );
    check_report("long.json", text.as_bytes()).unwrap()
}

/// Long lists of claims and vessel cards show a portion at a time, with a
/// button for the next; a 10,000-trip page built all 1,000 claims and 500
/// cards before it could be read.
#[wasm_bindgen_test]
async fn long_lists_of_claims_and_vessels_show_a_portion_at_a_time() {
    use sealift_viewer::claims::ClaimList;
    use sealift_viewer::vessels::VesselCards;
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let report = long_lists_report(130, 60);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ClaimList report=report.clone() />
            <VesselCards report />
        }
    });
    settle().await;
    let count = |selector: &str| el.query_selector_all(selector).unwrap().length();
    let more = |list: &str| {
        el.query_selector(&format!("#{list} .show-more"))
            .unwrap()
            .map(|b| b.unchecked_into::<web_sys::HtmlElement>())
    };
    assert_eq!(count(".claim"), 100);
    assert_eq!(count(".vessel-card"), 48);
    let claims_more = more("claims").expect("a button under the claims");
    assert_eq!(
        claims_more.text_content().unwrap(),
        "Show the next 30 claims (30 left)"
    );
    assert_eq!(
        more("vessels").unwrap().text_content().unwrap(),
        "Show the next 12 vessels (12 left)"
    );
    claims_more.click();
    settle().await;
    assert_eq!(count(".claim"), 130);
    assert!(more("claims").is_none(), "every claim is shown");
    let last = all_text(&el, ".claim__text").pop().unwrap_or_default();
    assert!(last.starts_with("Claim number 129."), "latest last: {last}");
    more("vessels").unwrap().click();
    settle().await;
    assert_eq!(count(".vessel-card"), 60);
    assert!(more("vessels").is_none());
}

/// The bibliography lists 200 sources at a time; a footnote to one further
/// down lists the sources down to it and goes there.
#[wasm_bindgen_test]
async fn a_footnote_to_a_source_not_yet_listed_lists_it() {
    use sealift_viewer::sources::SourceList;
    let sources: Vec<String> = (0..250)
        .map(|i| {
            format!(
                r#"{{"id": "s{i}", "publisher": "Publisher {i}", "title": "Title {i}", "date": "2024-06", "kind": "news"}}"#
            )
        })
        .collect();
    let claims: Vec<String> = (0..250)
        .map(|i| {
            format!(
                r#"{{"id": "c{i}", "stated": "2024-06-01", "actor": "agency", "text": "Claim {i}.", "certainty": "reported", "sources": ["s{i}"]}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"format": "sealift-report/1",
            "report": {{"id": "many", "title": "Test fixture: many sources", "summary": "Made up.", "language": "en", "published": "2025-01-01", "as_of": "2024-12-31"}},
            "sources": [{}],
            "actors": [{{"id": "agency", "name": "An Agency", "kind": "government", "country": "SE"}}],
            "claims": [{}]}}"#,
        sources.join(","),
        claims.join(",")
    );
    let report = check_report("many.json", text.as_bytes()).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <SourceList report /> }
    });
    settle().await;
    let listed = || el.query_selector_all(".source").unwrap().length();
    assert_eq!(listed(), 200);
    assert_eq!(
        el.query_selector(".show-more")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Show the next 50 sources (50 left)"
    );
    assert!(document.get_element_by_id("source-240").is_none());
    let link: web_sys::HtmlElement = document.create_element("a").unwrap().unchecked_into();
    link.set_attribute("href", "#source-240").unwrap();
    el.append_child(&link).unwrap();
    link.click();
    settle().await;
    assert_eq!(listed(), 250, "listed down to it, a whole portion");
    assert!(document.get_element_by_id("source-240").is_some());
    assert!(el.query_selector(".show-more").unwrap().is_none());
}
