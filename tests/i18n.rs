//! The interface in Ukrainian, in a real browser: `?lang=uk` draws the
//! viewer's own words, dates and numbers in Ukrainian while the report's text
//! stays as written, and the language switch redraws the page and writes
//! `lang=` into the URL (so back and forward follow it).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sealift_viewer::components::error_panel::ErrorPanel;
use sealift_viewer::data::{LoadError, check_report};
use sealift_viewer::i18n::{Lang, set_lang, words};
use sealift_viewer::shell::ReportPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

use common::{pause, query, until_built};

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("fixtures/small.json");

/// The Ukrainian phrases, as the built page fetches them (`words/uk.tsv`):
/// a test page has no file to fetch, so the tests put them in first.
fn install_ukrainian() {
    words::install(Lang::Uk, include_str!("../public/words/uk.tsv").into());
}

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

/// Puts `query` in the page's URL without a new history entry.
fn set_query(query: &str) {
    let path = window().location().pathname().unwrap();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
}

/// Mounts the page for the small fixture, starting from a URL with `query`,
/// and waits until every view is built.
async fn mount_page(query: &str) -> (web_sys::HtmlElement, impl Drop) {
    install_ukrainian();
    set_query(query);
    let document = window().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let report = check_report("small.json", SMALL.as_bytes()).unwrap();
    let handle = leptos::mount::mount_to(el.clone(), move || view! { <ReportPage report /> });
    until_built(&el).await;
    (el, handle)
}

/// Puts everything back as the other tests expect it: English, no query.
fn restore() {
    set_query("");
    set_lang(Lang::En);
}

fn text_of(el: &web_sys::Element, selector: &str) -> String {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn html_lang() -> String {
    window()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

async fn settle() {
    for _ in 0..3 {
        pause(0).await;
    }
}

/// Waits (up to 3 s) until `selector`'s text is `wanted`, and returns what it
/// was last (a view drawn again may be missing for a moment: it is built
/// once the page is idle).
async fn wait_for_text(el: &web_sys::Element, selector: &str, wanted: &str) -> String {
    for _ in 0..60 {
        let drawn = el.query_selector(selector).unwrap().is_some();
        if drawn && text_of(el, selector) == wanted {
            return wanted.to_owned();
        }
        pause(50).await;
    }
    text_of(el, selector)
}

fn button(el: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no button {selector}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn lang_uk_draws_the_interface_in_ukrainian_and_leaves_the_report_as_written() {
    let (el, page) = mount_page("?lang=uk").await;
    assert_eq!(html_lang(), "uk", "<html lang> is the interface's language");
    let main = el.query_selector("main").unwrap().unwrap();
    assert_eq!(
        main.get_attribute("lang").as_deref(),
        Some("en"),
        "<main lang> stays the report's language"
    );

    // The report's own text, untranslated.
    assert_eq!(
        text_of(&el, "h1"),
        "Test fixture: two ferries on the Baltic"
    );
    let page_text = el.text_content().unwrap();
    for written in [
        "A made-up report used only by Sealift's tests. Nothing in it is real.",
        "Two ferries crossed between two ports.",
        "The ferries kept their schedule.",
        "One crossing ran a day late.",
    ] {
        assert!(page_text.contains(written), "missing {written:?}");
    }

    // The masthead: its words and dates.
    assert_eq!(text_of(&el, ".report-header__kicker"), "Розслідування");
    assert!(
        page_text.contains("Опубліковано 1 травня 2024"),
        "{page_text}"
    );
    assert!(page_text.contains("Інформація станом на 20 квітня 2024"));
    assert!(page_text.contains("Автори: Sealift test desk"));
    assert_eq!(text_of(&el, ".report-contents__heading"), "У цьому звіті");
    assert_eq!(
        text_of(&el, "[data-collection=vessels] .report-contents__label"),
        "судна"
    );

    // Every view's heading, and the claims' caption with Ukrainian plurals and dates.
    let headings: Vec<String> = [
        "timeline",
        "estimates",
        "map",
        "claims",
        "vessels",
        "sources",
    ]
    .iter()
    .map(|id| text_of(&el, &format!("#{id} .view__heading")))
    .collect();
    assert_eq!(
        headings,
        [
            "Рейси й події за суднами",
            "Оцінки в часі",
            "Мапа",
            "Заяви",
            "Судна",
            "Джерела"
        ]
    );
    assert_eq!(
        text_of(&el, "#claims .view__caption"),
        "2 заяви від 2 сторін (10 квітня 2024 – 15 квітня 2024); 1 з них оскаржують інші джерела."
    );
    assert_eq!(text_of(&el, ".claims__month-heading"), "Квітень 2024");
    assert_eq!(text_of(&el, ".claims__status"), "Показано всі заяви (2)");
    assert_eq!(
        text_of(&el, "#vessels .view__caption"),
        "2 судна. Виберіть судно, щоб простежити його в усіх розділах."
    );

    // Buttons and labels.
    assert_eq!(text_of(&el, ".as-of__title"), "Станом на");
    assert_eq!(text_of(&el, ".as-of__reset"), "Показати все");
    assert_eq!(
        text_of(&el, "[data-vessel=aurora] .vessel-card__select"),
        "Стежити за цим судном"
    );
    assert_eq!(text_of(&el, "#claims .view__tools .view-tool"), "Вбудувати");
    assert_eq!(text_of(&el, ".claim-filters__reset"), "Скинути фільтри");
    assert!(text_of(&el, "#sources .source-line, #claims .source-line").starts_with("Джерело:"));
    assert_eq!(
        text_of(&el, "#timeline .data-table__toggle"),
        "Показати дані (3 рядки)"
    );
    let pressed = button(&el, ".language-switch [aria-pressed=true]");
    assert_eq!(pressed.text_content().unwrap(), "Українська");
    assert_eq!(pressed.get_attribute("lang").as_deref(), Some("uk"));

    drop(page);
    restore();
}

#[wasm_bindgen_test]
async fn the_switch_redraws_the_page_and_writes_lang_into_the_url() {
    let (el, page) = mount_page("?lang=en&vessel=aurora").await;
    assert_eq!(text_of(&el, "#claims .view__heading"), "Claims");
    assert_eq!(html_lang(), "en");

    // The page is drawn again, its views below the window once idle.
    button(&el, ".language-switch [lang=uk]").click();
    settle().await;
    until_built(&el).await;
    let q = query().await;
    assert!(q.contains("lang=uk"), "{q}");
    assert!(q.contains("vessel=aurora"), "other choices stay: {q}");
    assert_eq!(text_of(&el, "#claims .view__heading"), "Заяви");
    assert_eq!(html_lang(), "uk");
    let uk = button(&el, ".language-switch [lang=uk]");
    assert_eq!(uk.get_attribute("aria-pressed").as_deref(), Some("true"));
    // The chosen vessel is still chosen after the redraw.
    assert_eq!(
        text_of(&el, "[data-vessel=aurora] .vessel-card__select"),
        "Ви стежите за цим судном · показати всі"
    );
    // The reader's keyboard focus stays on the switch.
    let focused = window().document().unwrap().active_element();
    assert_eq!(
        focused.and_then(|f| f.get_attribute("lang")).as_deref(),
        Some("uk")
    );

    button(&el, ".language-switch [lang=en]").click();
    settle().await;
    until_built(&el).await;
    let q = query().await;
    assert!(q.contains("lang=en"), "{q}");
    assert_eq!(text_of(&el, "#claims .view__heading"), "Claims");
    assert_eq!(text_of(&el, ".claims__month-heading"), "Apr 2024");

    // Back goes to the Ukrainian page again.
    window().history().unwrap().back().unwrap();
    let heading = wait_for_text(&el, "#claims .view__heading", "Заяви").await;
    assert_eq!(heading, "Заяви");
    let q = query().await;
    assert!(q.contains("lang=uk"), "{q}");

    drop(page);
    restore();
}

#[wasm_bindgen_test]
fn the_error_panel_speaks_the_interface_language() {
    install_ukrainian();
    set_lang(Lang::Uk);
    let document = window().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&el).unwrap();
    let error = LoadError::Http {
        url: "data/report.json".into(),
        status: 404,
    };
    let retry = Callback::new(|()| {});
    let panel = leptos::mount::mount_to(el.clone(), move || view! { <ErrorPanel error retry /> });
    assert_eq!(text_of(&el, "h1"), "Не вдалося завантажити звіт");
    assert_eq!(
        text_of(&el, "p"),
        "Сервер відповів 404 на запит data/report.json."
    );
    assert_eq!(text_of(&el, "button"), "Спробувати ще раз");
    drop(panel);
    restore();
}

#[wasm_bindgen_test]
fn case_changes_in_any_script_in_the_browser() {
    use sealift_viewer::text::{capitalized, lowercase};
    assert_eq!(capitalized("лютий 2024"), "Лютий 2024");
    assert_eq!(capitalized(" artillery shells "), "Artillery shells");
    assert_eq!(capitalized("ɐ"), "Ɐ");
    assert_eq!(capitalized(""), "");
    assert_eq!(lowercase("Підтверджено"), "підтверджено");
    assert_eq!(lowercase("Lady R"), "lady r");
    assert_eq!(lowercase("ÆSIR İ"), "æsir i̇");
}
