//! Embeds: a journalist puts one view in an article with an iframe
//! (`?embed=timeline`), and Datawrapper-style flags tune it: `dark`, `plain`,
//! `static`, `transparent`. This module reads those flags for what the viewer
//! draws. (A script of `index.html`, `sealift-flags`, marks them on `<html>`
//! for the stylesheet and tells the host page how tall the embed is: from
//! the start, as the build's copy of the view shows before the viewer does.)

mod dialog;

use leptos::prelude::*;

use crate::i18n::{tr, ui_lang};
use crate::state::ReaderState;

pub use dialog::EmbedButton;

/// The views that can be embedded on their own, by their `?embed=` name.
pub const EMBEDDABLE: [&str; 6] = [
    "timeline",
    "estimates",
    "map",
    "claims",
    "vessels",
    "sources",
];

/// One of the [`EMBEDDABLE`] views, told apart without comparing text: a
/// comparison of constant strings is a call the size-optimised build does
/// not fold away, and [`ONLY_VIEW`] must be folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Embeddable {
    Timeline,
    Estimates,
    Map,
    Claims,
    Vessels,
    Sources,
}

impl Embeddable {
    /// Every view, in the order of [`EMBEDDABLE`], which names them.
    pub const ALL: [Self; 6] = [
        Self::Timeline,
        Self::Estimates,
        Self::Map,
        Self::Claims,
        Self::Vessels,
        Self::Sources,
    ];

    /// The view an `?embed=` name names; any other name, the bibliography.
    pub fn named(name: &str) -> Self {
        EMBEDDABLE
            .iter()
            .position(|known| *known == name)
            .map_or(Self::Sources, |i| Self::ALL[i])
    }

    /// Its `?embed=` name.
    pub fn name(self) -> &'static str {
        EMBEDDABLE[self as usize]
    }

    /// Its heading, in the reader's language.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Timeline => tr("Trips and events by vessel"),
            Self::Estimates => tr("Estimates over time"),
            Self::Map => tr("Map"),
            Self::Claims => tr("Claims"),
            Self::Vessels => tr("Vessels"),
            Self::Sources => tr("Sources"),
        }
    }
}

/// The one view this build carries, when it is built for the embeds of that
/// view only (`--features only-map`, see `Cargo.toml`): the page and the
/// other views are then left out of its WebAssembly, for the compiler sees
/// that nothing else is ever drawn.
pub const ONLY_VIEW: Option<Embeddable> = if cfg!(feature = "only-timeline") {
    Some(Embeddable::Timeline)
} else if cfg!(feature = "only-estimates") {
    Some(Embeddable::Estimates)
} else if cfg!(feature = "only-map") {
    Some(Embeddable::Map)
} else if cfg!(feature = "only-claims") {
    Some(Embeddable::Claims)
} else if cfg!(feature = "only-vessels") {
    Some(Embeddable::Vessels)
} else if cfg!(feature = "only-sources") {
    Some(Embeddable::Sources)
} else {
    None
};

/// What the page draws, from the URL flags. (`dark` and `transparent` are
/// the stylesheet's alone: `index.html` marks them on `<html>`, with these.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFlags {
    /// The one view to show, when embedded.
    pub embed: Option<String>,
    /// No header or footer around the view.
    pub plain: bool,
    /// No interaction: nothing to hover, click or focus.
    pub frozen: bool,
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
            plain: on("plain"),
            frozen: on("static"),
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

/// The view the page shows alone, if it is an embed: the one a single-view
/// build carries, whatever the address says, else the one `?embed=` names.
/// (Inlined, so that a single-view build sees a constant and leaves out
/// what only the page does.)
#[inline]
pub fn embedded_view() -> Option<Embeddable> {
    match ONLY_VIEW {
        Some(only) => Some(only),
        None => use_page_flags().embed.as_deref().map(Embeddable::named),
    }
}

/// Whether the page is an embed: a view alone in an article, whose address
/// is the article's history.
#[inline]
pub fn in_embed() -> bool {
    embedded_view().is_some()
}

/// Whether the page is an embed of a view other than the bibliography, whose
/// footnotes must lead to the full report's (see
/// [`provide_footnotes`](crate::components::citations::provide_footnotes)).
pub fn without_bibliography() -> bool {
    embedded_view().is_some_and(|view| view != Embeddable::Sources)
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
    fn every_embeddable_view_is_named_by_its_name() {
        for name in EMBEDDABLE {
            assert_eq!(Embeddable::named(name).name(), name);
        }
    }

    #[test]
    fn each_embeddable_view_has_a_build_of_its_own() {
        // scripts/embed-modules.mjs builds one per `only-<view>` feature.
        let manifest = include_str!("../../Cargo.toml");
        for name in EMBEDDABLE {
            assert!(
                manifest.contains(&format!("\nonly-{name} = []\n")),
                "Cargo.toml has no only-{name} feature"
            );
        }
        assert_eq!(manifest.matches("\nonly-").count(), EMBEDDABLE.len());
    }

    #[test]
    fn the_page_before_the_viewer_knows_the_same_views() {
        // index.html shows the copy of an embed's view, and reports its
        // height, for the views it knows by its own list.
        let names: Vec<String> = EMBEDDABLE.iter().map(|v| format!("\"{v}\"")).collect();
        let list = format!("const EMBEDDABLE = [{}];", names.join(", "));
        assert!(include_str!("../../index.html").contains(&list), "{list}");
    }

    #[test]
    fn flags_are_read_like_datawrappers() {
        let flags = PageFlags::from_state(&ReaderState::from_query(
            "embed=map&dark=true&plain&static=false&transparent=1",
        ));
        assert_eq!(flags.embed.as_deref(), Some("map"));
        assert!(flags.plain);
        assert!(!flags.frozen);
        let other = PageFlags::from_state(&ReaderState::from_query("embed=nothing&static=1"));
        assert_eq!(other.embed, None, "only known views embed");
        assert!(other.frozen);
    }
}
