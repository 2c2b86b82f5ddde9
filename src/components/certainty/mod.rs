//! How sure a trip, event or claim is, in words and in a shape, never by colour alone.

use leptos::prelude::*;
use sealift_format::Certainty;

use crate::i18n::tr;

/// The reader's word for a certainty.
pub fn certainty_text(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::Confirmed => tr("Confirmed"),
        Certainty::Reported => tr("Reported"),
        Certainty::Inferred => tr("Inferred"),
        Certainty::Disputed => tr("Disputed"),
    }
}

/// What each certainty means, for the legend and tooltips.
pub fn certainty_meaning(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::Confirmed => tr("several independent sources or an official record"),
        Certainty::Reported => tr("one credible source"),
        Certainty::Inferred => tr("worked out by the report's authors"),
        Certainty::Disputed => tr("sources disagree"),
    }
}

/// A small badge: a shape (solid, half, hollow, crossed) and the word.
#[component]
pub fn CertaintyBadge(certainty: Certainty) -> impl IntoView {
    view! {
        <span
            class=format!("certainty certainty--{}", certainty.as_str())
            title=format!("{}: {}", certainty_text(certainty), certainty_meaning(certainty))
        >
            <span class="certainty__shape" aria-hidden="true"></span>
            {certainty_text(certainty)}
        </span>
    }
}
