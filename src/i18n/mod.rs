//! The interface's languages: English and Ukrainian. Only the viewer's own
//! words are translated (headings, buttons, captions, dates, numbers); the
//! report's text stays in the language it was written in.
//!
//! The language is chosen by `?lang=en|uk`, else by the browser's language,
//! else English. It lives in one place, [`current_lang`], which every text
//! helper reads: the viewer is single-threaded WebAssembly, and threading a
//! language through every helper and component would touch every signature.
//! The page sets it before it draws ([`set_lang`]) and draws again when the
//! reader switches.
//!
//! Strings are keyed by their English text: [`tr`] returns it as it is in
//! English and looks it up in Ukrainian's phrase file, which the page
//! fetches before it draws in Ukrainian ([`words`]). Templates with values
//! go through [`fill`]: `fill(tr("{count} of {total}"), &[("count", "3"), ...])`.

pub mod uk;
pub mod words;

use std::cell::Cell;

use leptos::prelude::*;

use crate::state::{ReaderState, use_reader_state};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Uk,
}

impl Lang {
    /// Every language the interface speaks, in the order the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Uk];

    /// The language's code, for `?lang=` and `lang` attributes: "en", "uk".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
        }
    }

    /// The language's name in itself, as the switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Uk => "Українська",
        }
    }

    /// The language a code or browser locale names ("uk", "uk-UA", "en-GB"), if the interface speaks it.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language the interface is drawn in now.
pub fn current_lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Draws what comes next in `lang`.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|current| current.set(lang));
}

/// The reader's browser language, when the interface speaks it.
pub fn browser_lang() -> Option<Lang> {
    let language = web_sys::window()?.navigator().language()?;
    Lang::from_code(&language)
}

/// The language a page with `state` is drawn in: `?lang=`, else the
/// browser's language, else English.
pub fn page_lang(state: &ReaderState) -> Lang {
    state
        .flag("lang")
        .and_then(Lang::from_code)
        .or_else(browser_lang)
        .unwrap_or_default()
}

/// Makes `lang` the interface language and says so on `<html lang>` (the
/// report's own `<main lang>` keeps the report's language).
pub fn use_lang(lang: Lang) {
    set_lang(lang);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The interface's words for `english`: the text itself in English, its
/// translation in Ukrainian (English when a translation is missing).
pub fn tr(english: &str) -> &str {
    match current_lang() {
        Lang::En => english,
        Lang::Uk => words::translate(english).unwrap_or(english),
    }
}

/// [`tr`] for English words that Ukrainian says differently in different
/// places: `context` tells them apart ("By" a credit line, "By" whom an estimate).
pub fn tr_in<'a>(context: &str, english: &'a str) -> &'a str {
    match current_lang() {
        Lang::En => english,
        Lang::Uk => uk::translate_in(context, english).unwrap_or(english),
    }
}

/// Puts values into a template: every `{name}` becomes its value. A name
/// without a value stays as written; a value may go unused (a translation
/// may say less than the English, or say it differently).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let filled = after.split_once('}').and_then(|(name, tail)| {
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, tail))
        });
        match filled {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The interface language's code, for the `lang` attribute of the viewer's
/// own words inside the report (whose `<main lang>` is the report's language).
pub fn ui_lang() -> &'static str {
    current_lang().code()
}

thread_local! {
    /// The language just chosen, whose button takes the focus once the page
    /// is drawn again in it.
    static CHOSEN: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// "English · Українська": the interface language, as two buttons. Choosing
/// one writes `lang` into the URL, and the page draws itself again in it,
/// once its words are in (the chosen button, drawn anew, keeps the keyboard
/// focus).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = use_reader_state();
    if let Some(lang) = CHOSEN.take() {
        // Drawn again for the language just chosen: once in the page, its
        // button takes the focus back.
        set_timeout(move || focus_switch(lang), std::time::Duration::ZERO);
    }
    let buttons = Lang::ALL
        .into_iter()
        .map(|lang| {
            let pressed = move || state.with(|s| page_lang(s) == lang).to_string();
            let choose = move |_| {
                if lang != current_lang() {
                    CHOSEN.set(Some(lang));
                }
                state.update(|s| s.set_flag("lang", lang.code()));
            };
            view! {
                <button
                    type="button"
                    class="language-switch__option"
                    lang=lang.code()
                    aria-pressed=pressed
                    on:click=choose
                >
                    {lang.name()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="language-switch" role="group" lang=ui_lang() aria-label=tr("Interface language")>
            {buttons}
        </div>
    }
}

/// Focuses the switch's button for `lang`.
fn focus_switch(lang: Lang) {
    use wasm_bindgen::JsCast;
    let selector = format!(".language-switch [lang={}]", lang.code());
    if let Some(Ok(Some(button))) = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.query_selector(&selector))
    {
        let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn codes_and_locales_name_a_language() {
        assert_eq!(Lang::from_code("uk"), Some(Lang::Uk));
        assert_eq!(Lang::from_code("uk-UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_code("UK_ua"), Some(Lang::Uk));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
        let state = ReaderState::from_query("?lang=uk");
        assert_eq!(page_lang(&state), Lang::Uk);
        assert_eq!(page_lang(&ReaderState::from_query("?lang=en")), Lang::En);
    }

    #[test]
    fn the_page_before_the_viewer_knows_the_same_languages() {
        // index.html picks the language of the first screen's copy by the
        // same rule as `page_lang`, from its own list of languages.
        let codes: Vec<String> = Lang::ALL
            .iter()
            .map(|l| format!("\"{}\"", l.code()))
            .collect();
        let list = format!("const LANGUAGES = [{}];", codes.join(", "));
        assert!(include_str!("../../index.html").contains(&list), "{list}");
    }

    #[test]
    fn templates_take_their_values() {
        assert_eq!(
            fill(
                "{count} of {total} claims",
                &[("count", "3"), ("total", "31")]
            ),
            "3 of 31 claims"
        );
        assert_eq!(fill("{missing} and {", &[("x", "1")]), "{missing} and {");
        assert_eq!(fill("no values", &[("unused", "1")]), "no values");
        assert_eq!(fill("{a}{a}", &[("a", "Ї")]), "ЇЇ");
    }

    #[test]
    fn english_is_itself_and_ukrainian_is_looked_up() {
        assert_eq!(tr("Vessels"), "Vessels");
        words::install_ukrainian();
        set_lang(Lang::Uk);
        assert_eq!(current_lang(), Lang::Uk);
        assert_eq!(tr("Vessels"), "Судна");
        assert_eq!(tr("Source: "), "Джерело: ");
        assert_eq!(
            tr("a sentence nobody translated"),
            "a sentence nobody translated"
        );
        set_lang(Lang::En);
        assert_eq!(tr("Vessels"), "Vessels");
    }
}
