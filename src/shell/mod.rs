//! The app shell: loads the report, then lays out the page around it.
//!
//! Loading shows a status line, a broken or missing report shows the error
//! panel, and a good report gets its header and an overview of its contents.

mod contents;
mod header;
mod views;

use leptos::prelude::*;

use crate::components::as_of::AsOfControl;
use crate::components::citations::provide_footnotes;
use crate::components::error_panel::ErrorPanel;
use crate::components::fetched::Fetched;
use crate::components::in_sight::BelowTheBar;
use crate::components::when_drawn::{CameNear, built_when_near};
use crate::data::{self, SharedReport};
use crate::embed::{EmbedFooter, Embeddable, PageFlags, embedded_view, in_embed, use_page_flags};
use crate::i18n::words::words_in;
use crate::i18n::{Lang, current_lang, page_lang, tr, use_lang};
use crate::narrative::Narrative;
use crate::state::{ReaderState, current_query, provide_reader_state};
use views::{ask_for_every_view, place_of, view_of};

pub use contents::ReportContents;
pub use header::ReportHeader;

/// Takes away what `index.html` shows until the viewer starts: its loading
/// bar, for the viewer says what is happening from here on, in the
/// reader's language; and, once the report is loaded (`loaded`), the copy
/// of its first screen that a release build shows while the viewer starts
/// (`scripts/first-screen.mjs`). In the same task as the page (or the
/// panel that says why there is none) goes in, so that the reader never
/// sees the one without the other; but an embed's copy stays over its view
/// (`drawn`) until the view's first screen is drawn (see
/// [`take_away_the_embeds_copy`]): its charts draw a frame or more after
/// they go in, once they have their width.
fn take_over_from_the_page(loaded: bool, drawn: bool) {
    if let Some(bar) = document().get_element_by_id(STARTING_BAR_ID) {
        bar.remove();
    }
    let Some(copy) = document().get_element_by_id(FIRST_SCREEN_ID) else {
        return;
    };
    if !loaded {
        return;
    }
    if drawn && in_embed() {
        let _ = copy.class_list().add_1("first-screen--over-the-view");
    } else {
        take_away(copy);
    }
}

/// Takes away an embed's copy of its view (see [`take_over_from_the_page`]),
/// once the view's first screen is drawn.
fn take_away_the_embeds_copy() {
    if let Some(copy) = document().get_element_by_id(FIRST_SCREEN_ID) {
        take_away(copy);
    }
}

/// Takes away the copy of the first screen. A reader who was tabbing
/// through it goes on from the same link or button of the page: the copy
/// is the page's own markup, so its n-th is the page's n-th.
fn take_away(copy: web_sys::Element) {
    let focused = focused_link_or_button(&copy);
    copy.remove();
    if let Some(nth) = focused {
        request_animation_frame(move || focus_link_or_button("main.report", nth));
    }
}

/// The links and buttons a reader can tab to, in page order.
const LINKS_AND_BUTTONS: &str = "a[href], button";

/// Which of `within`'s links and buttons has the keyboard focus, if one does.
fn focused_link_or_button(within: &web_sys::Element) -> Option<u32> {
    let focused = document().active_element()?;
    let all = within.query_selector_all(LINKS_AND_BUTTONS).ok()?;
    (0..all.length()).find(|&i| all.item(i).is_some_and(|node| &node == focused.as_ref()))
}

/// Focuses the `nth` link or button of the element that `selector` names.
fn focus_link_or_button(selector: &str, nth: u32) {
    use wasm_bindgen::JsCast;
    let target = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|root| root.query_selector_all(LINKS_AND_BUTTONS).ok())
        .and_then(|all| all.item(nth))
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// The id of the loading bar in `index.html`.
const STARTING_BAR_ID: &str = "sealift-starting";

/// The id of the first screen's copy in a release build's `index.html`.
const FIRST_SCREEN_ID: &str = "sealift-first-screen";

/// The whole viewer: the bundled report, or the same-origin report that
/// `?report=` names.
#[component]
pub fn App() -> impl IntoView {
    let requested = ReaderState::from_query(&current_query());
    // The loading line and the error panels speak the reader's language too.
    use_lang(page_lang(&requested));
    let flags = PageFlags::from_state(&requested);
    provide_context(flags);
    let report = requested.flag("report").map(str::to_owned);
    // The views' code comes once the first screen is drawn (`mark_rendered`),
    // but for a report the address names: it may be large, and its check
    // long enough for the code to come meanwhile (each view's own file at a
    // lower priority than the report: scripts/split-page.mjs). Such a
    // report needs the format's rules too, which come with it.
    let asks_early = report.is_some() && embedded_view().is_none();
    let page = view! { <ReportLoader report /> };
    if asks_early {
        data::ask_for_the_rules();
        ask_for_every_view();
    }
    page
}

/// Fetches and checks the report the page asks for (`report`, as `?report=`
/// names it; else the bundled one), then shows it or says why not, with a
/// way to try again.
///
/// In a language other than English, nothing is drawn until its words are
/// in: the loading bar of `index.html` stays until then.
#[component]
pub fn ReportLoader(report: Option<String>) -> impl IntoView {
    let loaded = Fetched::new(move || {
        let url = data::report_url(report.as_deref());
        async move { data::load_report(&url?).await }
    });
    let retry = Callback::new(move |()| loaded.again());
    let lang = current_lang();
    let words_in = Memo::new(move |_| words_in(lang));
    view! {
        {move || {
            if !words_in.get() {
                return ().into_any();
            }
            let loaded = loaded.get();
            take_over_from_the_page(loaded.is_some(), matches!(loaded, Some(Ok(_))));
            match loaded {
                None => view! { <Loading /> }.into_any(),
                Some(Ok((report, text))) => {
                    provide_context(text);
                    view! { <ReportPage report /> }.into_any()
                }
                Some(Err(error)) => view! { <ErrorPanel error retry /> }.into_any(),
            }
        }}
    }
}

/// A quiet status line while the report is on its way.
#[component]
fn Loading() -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="loading__bar" aria-hidden="true"></span>
            {tr("Loading the report…")}
        </div>
    }
}

/// A checked report, laid out for reading: the masthead, the story, then the
/// views. The reader's choices and the footnote numbers are shared by all.
///
/// The page is drawn in the interface language the reader's state names
/// (`?lang=`, else the browser's), and drawn again when it changes: by the
/// language switch, or by going back and forward.
#[component]
pub fn ReportPage(report: SharedReport) -> impl IntoView {
    let state = provide_reader_state();
    provide_footnotes(&report);
    // The tab and bookmarks show the report's title (as text, like everything else).
    document().set_title(&report.info.title);
    // A new language is drawn once its words are in; until then the page
    // stays in the language it is drawn in.
    let lang = Memo::new(move |drawn: Option<&Lang>| {
        let wanted = state.with(page_lang);
        match drawn {
            Some(&drawn) if !words_in(wanted) => drawn,
            _ => wanted,
        }
    });
    let plain = use_page_flags().plain;
    // Effects run once the page is in the DOM; the views and charts in the
    // window then read their widths in the next animation frame and draw.
    // The frame after that comes once all of it is on screen: the moment
    // benchmarks time.
    Effect::new(|_| request_animation_frame(|| request_animation_frame(mark_rendered)));
    move || {
        use_lang(lang.get());
        let report = report.clone();
        let language = report.info.language.clone();
        // (Asked here, not captured: in a single-view build the answer is a
        // constant, and the compiler sees that the page below is never drawn.)
        if let Some(view) = embedded_view() {
            let title = report.info.title.clone();
            return view! {
                <main class="report report--embed" lang=language>
                    {view_of(view, report)}
                    {(!plain).then(|| view! { <EmbedFooter title /> })}
                </main>
            }
            .into_any();
        }
        provide_context(BelowTheBar);
        view! {
            <main class="report" lang=language>
                <ReportHeader report=report.clone() />
                <ReportContents report=report.clone() />
                <Narrative report=report.clone() />
                <AsOfControl report=report.clone() />
                <WhenNear view=Embeddable::Timeline report=report.clone() />
                <WhenNear view=Embeddable::Estimates report=report.clone() />
                <WhenNear view=Embeddable::Map report=report.clone() />
                <WhenNear view=Embeddable::Claims report=report.clone() />
                <WhenNear view=Embeddable::Vessels report=report.clone() />
                <WhenNear view=Embeddable::Sources report />
            </main>
        }
        .into_any()
    }
}

/// Sets the `sealift:rendered` performance mark that the render benchmark
/// (`crates/bench/render.mjs`) reads, once nothing in the window is left to
/// draw, and `sealift:drawn` with it when nothing outside it is either (else
/// once the last chart or view is: see
/// [`mark_drawn_when_done`](crate::components::when_drawn::mark_drawn_when_done)).
fn mark_rendered() {
    if crate::components::when_drawn::drawing_first_screen() {
        request_animation_frame(mark_rendered);
        return;
    }
    performance_mark("sealift:rendered");
    take_away_the_embeds_copy();
    ask_for_every_view();
    crate::components::when_drawn::mark_drawn_when_done();
}

/// Sets a performance mark for the render benchmark.
pub fn performance_mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// A view of the full page, built once the reader comes near it or the page
/// is idle (see [`when_drawn`](crate::components::when_drawn)): the first screen is
/// the header and narrative, and building every view below before showing
/// it took a third of the first render. Until then an empty block of the
/// view's name holds its place, so that links to it work.
#[component]
fn WhenNear(view: Embeddable, report: SharedReport) -> impl IntoView {
    let host = NodeRef::<leptos::html::Div>::new();
    let near = built_when_near(host);
    move || {
        if near.get() {
            provide_context(CameNear);
            view_of(view, report.clone())
        } else {
            place_of(view, host)
        }
    }
}
