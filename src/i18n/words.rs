//! The interface's phrases in Ukrainian come from a file, `words/uk.tsv`,
//! that the viewer fetches only when the interface is drawn in Ukrainian:
//! as part of the WebAssembly they had cost every reader 3.4 KB (gzip, net
//! of this loader). A
//! single-file bundle carries the file in the page instead
//! (`<script type="text/plain" id="sealift-words-uk">`).
//!
//! The file has one phrase a line: the English, a tab, the Ukrainian. Blank
//! lines and lines that start with `#` are notes for translators.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Lang;

/// Where a language's phrases stand.
enum Words {
    /// Not asked for yet.
    Missing,
    /// On their way.
    Asked,
    /// Here (none, if the file could not be had: the phrases then stay English).
    In(Vec<(&'static str, &'static str)>),
}

thread_local! {
    static UKRAINIAN: RefCell<Words> = const { RefCell::new(Words::Missing) };
    /// Tells whoever asked [`words_in`] that the phrases have arrived.
    static ARRIVED: ArcTrigger = ArcTrigger::new();
}

/// The file of a language's phrases, beside `index.html`.
fn file(lang: Lang) -> String {
    format!("words/{}.tsv", lang.code())
}

/// The id of the element of a single-file bundle that carries a language's phrases.
pub fn inline_id(lang: Lang) -> String {
    format!("sealift-words-{}", lang.code())
}

/// The Ukrainian for `english`, if its phrases are in.
pub fn translate(english: &str) -> Option<&'static str> {
    UKRAINIAN.with_borrow(|words| match words {
        Words::In(pairs) => pairs
            .iter()
            .find(|(en, _)| *en == english)
            .map(|(_, uk)| *uk),
        _ => None,
    })
}

/// Whether the page can be drawn in `lang` now: English needs no file, and
/// another language's phrases are in (or could not be had). If not yet,
/// asks for them, and whoever called this (tracked) hears when they arrive.
pub fn words_in(lang: Lang) -> bool {
    if lang == Lang::En {
        return true;
    }
    let arrived = || UKRAINIAN.with_borrow(|words| matches!(words, Words::In(_)));
    if arrived() {
        return true;
    }
    ARRIVED.with(|trigger| trigger.track());
    ask_for(lang);
    // A bundle's words are in at once.
    arrived()
}

/// Takes `lang`'s phrases from the page, when a bundle carries them, or
/// fetches its file.
fn ask_for(lang: Lang) {
    let asked = UKRAINIAN.with_borrow_mut(|words| {
        let missing = matches!(words, Words::Missing);
        if missing {
            *words = Words::Asked;
        }
        missing
    });
    if !asked {
        return;
    }
    if let Some(text) = crate::data::inline_data(&inline_id(lang)) {
        install(lang, text);
        return;
    }
    spawn_local(async move {
        let text = fetch(lang).await;
        if text.is_none() {
            web_sys::console::warn_1(&format!("{} could not be had", file(lang)).into());
        }
        install(lang, text.unwrap_or_default());
    });
}

/// The name under which `index.html` leaves the download of Ukrainian's
/// phrases that it starts with the page, when the page will be in Ukrainian.
const STARTED_DOWNLOAD: &str = "sealiftWords";

/// The text of `lang`'s phrase file: from the download `index.html`
/// started, else fetched now.
async fn fetch(lang: Lang) -> Option<String> {
    if let Some(started) = crate::data::early_download(STARTED_DOWNLOAD)
        && let Some(text) = started.await.ok().and_then(|text| text.as_string())
    {
        return Some(text);
    }
    let response = crate::data::get(&file(lang)).await.ok()?;
    if !response.ok() {
        return None;
    }
    crate::data::body_text(&response).await.ok()
}

/// Makes `text` (a phrase file) the words of `lang`, and draws again
/// whatever waited for them. Tests install the file this way.
pub fn install(lang: Lang, text: String) {
    debug_assert_eq!(lang, Lang::Uk, "only Ukrainian has a phrase file");
    let text: &'static str = String::leak(text);
    UKRAINIAN.with_borrow_mut(|words| *words = Words::In(phrases(text).collect()));
    ARRIVED.with(|trigger| trigger.notify());
}

/// The phrases of a file: (English, translation) pairs, in the file's order.
/// A line without a tab is left out (the native translations test refuses it).
pub fn phrases(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
}

/// Installs Ukrainian's phrases from the repository's file, as the built
/// page would fetch them: for the unit tests that read Ukrainian.
#[cfg(test)]
pub fn install_ukrainian() {
    install(Lang::Uk, include_str!("../../public/words/uk.tsv").into());
}
