//! Embeds: a journalist puts one view in an article with an iframe
//! (`?embed=timeline`), and Datawrapper-style flags tune it: `dark`, `plain`,
//! `static`, `transparent`. This module reads those flags, marks the page for
//! the stylesheet, and tells the host page how tall the embed is.

mod dialog;
mod height;

use leptos::prelude::*;

use crate::i18n::{tr, ui_lang};
use crate::state::ReaderState;

pub use dialog::EmbedButton;
pub use height::report_height_to_host;

/// The views that can be embedded on their own, by their `?embed=` name.
pub const EMBEDDABLE: [&str; 6] = [
    "timeline",
    "estimates",
    "map",
    "claims",
    "vessels",
    "sources",
];

/// How the page is to be drawn, from the URL flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFlags {
    /// The one view to show, when embedded.
    pub embed: Option<String>,
    /// `dark=true|false|auto`: Some(true) dark, Some(false) light, None the reader's preference.
    pub dark: Option<bool>,
    /// No header or footer around the view.
    pub plain: bool,
    /// No interaction: nothing to hover, click or focus.
    pub frozen: bool,
    /// No background, so the host page shows through.
    pub transparent: bool,
}

impl PageFlags {
    /// Reads the flags; a flag given without a value (`?plain`) or as `true` is on.
    pub fn from_state(state: &ReaderState) -> Self {
        let on = |key: &str| {
            state
                .flag(key)
                .is_some_and(|v| v.is_empty() || v == "true" || v == "1")
        };
        Self {
            embed: state
                .flag("embed")
                .filter(|v| EMBEDDABLE.contains(v))
                .map(str::to_owned),
            dark: match state.flag("dark") {
                Some("true") | Some("1") | Some("") => Some(true),
                Some("false") | Some("0") => Some(false),
                _ => None,
            },
            plain: on("plain"),
            frozen: on("static"),
            transparent: on("transparent"),
        }
    }

    /// Marks `<html>` so that the stylesheet can follow the flags: `data-theme`,
    /// and the classes `is-embed`, `is-plain`, `is-static`, `is-transparent`.
    pub fn apply_to_document(&self) {
        let Some(root) = document().document_element() else {
            return;
        };
        match self.dark {
            Some(true) => root.set_attribute("data-theme", "dark").ok(),
            Some(false) => root.set_attribute("data-theme", "light").ok(),
            None => root.remove_attribute("data-theme").ok(),
        };
        let classes = root.class_list();
        for (class, on) in [
            ("is-embed", self.embed.is_some()),
            ("is-plain", self.plain),
            ("is-static", self.frozen),
            ("is-transparent", self.transparent),
        ] {
            let _ = if on {
                classes.add_1(class)
            } else {
                classes.remove_1(class)
            };
        }
    }
}

/// The page's flags, shared through context (default flags when absent).
pub fn use_page_flags() -> PageFlags {
    use_context::<PageFlags>().unwrap_or_default()
}

/// The compact footer of an embed: the report's title and a link to the whole report.
#[component]
pub fn EmbedFooter(#[prop(into)] title: String) -> impl IntoView {
    view! {
        <footer class="embed-footer" lang=ui_lang()>
            <span class="embed-footer__title">{title}</span>
            <a class="embed-footer__link" href=full_report_url() target="_blank" rel="noopener">
                {tr("See the full report")}
            </a>
        </footer>
    }
}

/// This page without the embed flags: where "See the full report" goes.
pub fn full_report_url() -> String {
    let mut state = ReaderState::from_query(&crate::state::current_query());
    state.other.retain(|(k, _)| {
        !matches!(
            k.as_str(),
            "embed"
                | "plain"
                | "static"
                | "transparent"
                | "childId"
                | "initialWidth"
                | "parentTitle"
                | "parentUrl"
        )
    });
    let path = window().location().pathname().unwrap_or_default();
    format!("{path}{}", state.to_query())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn flags_are_read_like_datawrappers() {
        let flags = PageFlags::from_state(&ReaderState::from_query(
            "embed=map&dark=true&plain&static=false&transparent=1",
        ));
        assert_eq!(flags.embed.as_deref(), Some("map"));
        assert_eq!(flags.dark, Some(true));
        assert!(flags.plain);
        assert!(!flags.frozen);
        assert!(flags.transparent);
        let auto = PageFlags::from_state(&ReaderState::from_query("embed=nothing&dark=auto"));
        assert_eq!(auto.embed, None, "only known views embed");
        assert_eq!(auto.dark, None);
    }
}
