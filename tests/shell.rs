//! The app shell in a real browser: header, contents, loading and error panels.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sealift_viewer::components::error_panel::ErrorPanel;
use sealift_viewer::components::fetched::Fetched;
use sealift_viewer::data::{LoadError, check_report};
use sealift_viewer::shell::{ReportLoader, ReportPage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

use common::pause;

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("fixtures/small.json");
const INVALID: &str = include_str!("fixtures/invalid.json");
const BROKEN_SYNTAX: &str = include_str!("fixtures/broken-syntax.json");

/// A fresh element in the page to mount a component into.
fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

fn text(el: &web_sys::HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

/// Waits (up to 5 s) until the element's text satisfies `done`.
async fn wait_for(el: &web_sys::HtmlElement, done: impl Fn(&str) -> bool) -> String {
    for _ in 0..100 {
        let now = text(el);
        if done(&now) {
            return now;
        }
        pause(50).await;
    }
    text(el)
}

#[wasm_bindgen_test]
fn the_header_shows_title_summary_dates_and_credits() {
    let el = host();
    let report = check_report("small.json", SMALL.as_bytes()).expect("the fixture is valid");
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <ReportPage report /> });

    let h1 = el.query_selector("h1").unwrap().expect("a heading");
    assert_eq!(
        h1.text_content().unwrap(),
        "Test fixture: two ferries on the Baltic"
    );
    let page = text(&el);
    assert!(page.contains("A made-up report used only by Sealift's tests."));
    assert!(page.contains("Published 1 May 2024"), "{page}");
    assert!(page.contains("Information as of 20 Apr 2024"), "{page}");
    assert!(page.contains("By Sealift test desk"), "{page}");
    let published = el.query_selector("time").unwrap().unwrap();
    assert_eq!(
        published.get_attribute("datetime").as_deref(),
        Some("2024-05-01")
    );
    let main = el.query_selector("main").unwrap().unwrap();
    assert_eq!(main.get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
fn the_contents_count_each_collection() {
    let el = host();
    let report = check_report("small.json", SMALL.as_bytes()).unwrap();
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <ReportPage report /> });

    let count = |collection: &str| {
        el.query_selector(&format!(
            "[data-collection={collection}] .report-contents__count"
        ))
        .unwrap()
        .unwrap_or_else(|| panic!("no count for {collection}"))
        .text_content()
        .unwrap()
    };
    assert_eq!(count("vessels"), "2");
    assert_eq!(count("trips"), "2");
    assert_eq!(count("events"), "1");
    assert_eq!(count("estimates"), "2");
    assert_eq!(count("sources"), "3");
    // Singular where there is one.
    let events = el
        .query_selector("[data-collection=events]")
        .unwrap()
        .unwrap();
    assert!(events.text_content().unwrap().ends_with("event"));
}

#[wasm_bindgen_test]
fn an_invalid_report_lists_each_problem_with_its_path() {
    let el = host();
    let error =
        check_report("data/report.json", INVALID.as_bytes()).expect_err("the fixture is invalid");
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <ErrorPanel error /> });

    let panel = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let page = panel.text_content().unwrap();
    assert!(page.contains("This report has errors"), "{page}");
    assert!(page.contains("trips[0].vessel"), "{page}");
    assert!(page.contains("estimates[0].sources"), "{page}");
    assert!(
        page.contains("\"aurora\""),
        "the suggestion is missing: {page}"
    );
    assert_eq!(el.query_selector_all("li").unwrap().length(), 2);
}

#[wasm_bindgen_test]
fn a_syntax_error_names_its_line_and_column() {
    let el = host();
    let error = check_report("data/report.json", BROKEN_SYNTAX.as_bytes()).unwrap_err();
    assert!(matches!(error, LoadError::Invalid { .. }));
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <ErrorPanel error /> });
    assert!(text(&el).contains("line 6, column"), "{}", text(&el));
}

#[wasm_bindgen_test]
fn a_broken_report_without_its_words_says_why_the_list_is_missing() {
    // A build without the checker's words, whose module could not be had:
    // its problems are only counted, and empty lines would help nobody.
    let el = host();
    let error = LoadError::Invalid {
        url: "data/report.json".into(),
        problems: vec![sealift_format::Diagnostic {
            severity: sealift_format::Severity::Error,
            path: String::new(),
            message: String::new(),
            help: None,
            location: None,
        }],
        words_missing: Some("the server answered 404".into()),
    };
    let _mounted = leptos::mount::mount_to(el.clone(), move || view! { <ErrorPanel error /> });
    let page = text(&el);
    assert!(page.contains("This report has errors"), "{page}");
    assert!(
        page.contains("could not be loaded: the server answered 404. `sealift check` prints it."),
        "{page}"
    );
    assert_eq!(el.query_selector_all("li").unwrap().length(), 0);
}

#[wasm_bindgen_test]
fn a_report_an_embed_could_not_have_checked_is_not_shown_and_can_be_tried_again() {
    // An embed's module carries no rules: without the checker's module it
    // cannot know whether a file other than the bundled report is sound.
    let el = host();
    let error = LoadError::Unchecked {
        url: "reports/other.json".into(),
        why: "the server answered 503".into(),
    };
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! { <ErrorPanel error retry=Callback::new(|()| {}) /> }
    });
    let page = text(&el);
    assert!(page.contains("The report could not be checked"), "{page}");
    assert!(
        page.contains("reports/other.json could not be checked against the Sealift report format, so it is not shown: the server answered 503."),
        "{page}"
    );
    assert!(el.query_selector(".error-panel__retry").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_loader_fetches_checks_and_shows_a_report() {
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <ReportLoader report=Some("tests/fixtures/small.json".into()) /> }
    });
    assert!(
        text(&el).contains("Loading the report"),
        "no loading state: {}",
        text(&el)
    );
    let page = wait_for(&el, |t| t.contains("two ferries")).await;
    assert!(
        page.contains("Test fixture: two ferries on the Baltic"),
        "{page}"
    );
    assert!(!page.contains("Loading the report"));
}

/// A release build's `index.html` shows a copy of the bundled report's first
/// screen while the viewer starts (scripts/first-screen.mjs).
#[wasm_bindgen_test]
async fn the_loader_replaces_the_pages_copy_of_the_first_screen_once_the_report_is_drawn() {
    let document = web_sys::window().unwrap().document().unwrap();
    let copy = document.create_element("main").unwrap();
    copy.set_id("sealift-first-screen");
    document.body().unwrap().append_child(&copy).unwrap();
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <ReportLoader report=Some("tests/fixtures/small.json".into()) /> }
    });
    assert!(text(&el).contains("Loading the report"));
    assert!(copy.is_connected(), "the copy stays while the report loads");
    wait_for(&el, |t| t.contains("two ferries")).await;
    assert!(
        !copy.is_connected(),
        "the drawn report took the copy's place"
    );
}

#[wasm_bindgen_test]
async fn the_loader_explains_a_missing_report() {
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <ReportLoader report=Some("tests/fixtures/no-such-report.json".into()) /> }
    });
    let page = wait_for(&el, |t| t.contains("could not be loaded")).await;
    assert!(page.contains("The report could not be loaded"), "{page}");
    assert!(page.contains("404"), "{page}");
}

#[wasm_bindgen_test]
async fn the_loader_shows_errors_of_an_invalid_report() {
    let el = host();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        view! { <ReportLoader report=Some("tests/fixtures/invalid.json".into()) /> }
    });
    let page = wait_for(&el, |t| t.contains("has errors")).await;
    assert!(page.contains("trips[0].vessel"), "{page}");
}

#[wasm_bindgen_test]
fn only_same_origin_reports_are_loaded() {
    use sealift_viewer::data::report_url;
    assert_eq!(report_url(None).unwrap(), "data/report.json");
    assert_eq!(report_url(Some("")).unwrap(), "data/report.json");
    assert_eq!(
        report_url(Some("reports/2024.json")).unwrap(),
        "reports/2024.json"
    );
    for hostile in [
        "https://evil.example/report.json",
        "//evil.example/report.json",
        "javascript:alert(1)",
        "data:application/json,{}",
        "\\\\evil.example\\report.json",
    ] {
        assert!(
            matches!(report_url(Some(hostile)), Err(LoadError::Refused { .. })),
            "{hostile} was not refused"
        );
    }
}

#[wasm_bindgen_test]
fn an_oversized_report_is_refused_before_parsing() {
    let big = vec![b' '; sealift_format::MAX_REPORT_BYTES + 1];
    assert!(matches!(
        check_report("big.json", &big),
        Err(LoadError::TooLarge { bytes, .. }) if bytes == big.len() as u64
    ));
}

#[wasm_bindgen_test]
fn a_panic_replaces_the_page_with_a_short_panel() {
    use sealift_viewer::components::error_panel::show_panic_panel;
    let document = web_sys::window().unwrap().document().unwrap();
    show_panic_panel("index out of bounds").expect("the panel is shown");
    let panel = document
        .query_selector("body > .error-panel[role=alert]")
        .unwrap()
        .expect("a panel");
    let text = panel.text_content().unwrap();
    assert!(
        text.contains("Something went wrong while drawing this report"),
        "{text}"
    );
    assert!(text.contains("index out of bounds"), "{text}");
}

/// Mounts a line of text that shows what `answer` holds so far.
fn show_answer(answer: Fetched<u32>) -> web_sys::HtmlElement {
    let el = host();
    let mounted = leptos::mount::mount_to(el.clone(), move || {
        view! { <p>{move || format!("{:?}", answer.get())}</p> }
    });
    mounted.forget();
    el
}

#[wasm_bindgen_test]
async fn a_newer_fetch_answers_even_when_an_older_one_finishes_later() {
    let asked = RwSignal::new(0u32);
    let owner = Owner::new();
    let answer = owner.with(|| {
        Fetched::new(move || {
            let asked = asked.get();
            // The first fetch is slow, the second quick.
            let wait = if asked == 0 { 300 } else { 10 };
            async move {
                pause(wait).await;
                asked
            }
        })
    });
    let el = owner.with(|| show_answer(answer));
    assert_eq!(text(&el), "None");
    pause(20).await;
    asked.set(1);
    assert_eq!(wait_for(&el, |t| t == "Some(1)").await, "Some(1)");
    // The first fetch's answer comes now, and is not shown.
    pause(400).await;
    assert_eq!(text(&el), "Some(1)");
}

#[wasm_bindgen_test]
async fn fetching_again_shows_nothing_until_the_new_answer() {
    let owner = Owner::new();
    let starts = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let answer = owner.with(|| {
        let starts = starts.clone();
        Fetched::new(move || {
            starts.set(starts.get() + 1);
            let count = starts.get();
            async move {
                pause(100).await;
                count
            }
        })
    });
    let el = owner.with(|| show_answer(answer));
    assert_eq!(wait_for(&el, |t| t == "Some(1)").await, "Some(1)");
    answer.again();
    pause(0).await;
    assert_eq!(text(&el), "None");
    assert_eq!(wait_for(&el, |t| t == "Some(2)").await, "Some(2)");
}
