//! The key above the chart: what each shape means and how certainty looks.
//! Only what the report uses is listed.

use std::sync::Arc;

use leptos::prelude::*;
use sealift_format::{Certainty, EventKind};

use super::geometry::BAR;
use super::lanes::{Form, Lane};
use super::marks::{certainty_class, cross, fading_end, kind_mark};
use crate::components::certainty::certainty_meaning;
use crate::components::details::event_kind_text;
use crate::coordinates::px;
use crate::i18n::{fill, tr};

/// One entry: a small drawing and its words.
struct Entry {
    drawing: AnyView,
    text: String,
    title: Option<String>,
}

/// The legend for the items in `lanes`.
#[component]
pub fn Legend(lanes: Arc<Vec<Lane>>) -> impl IntoView {
    let items: Vec<_> = lanes.iter().flat_map(|l| &l.items).collect();
    let has = |f: &dyn Fn(Form) -> bool| items.iter().any(|i| f(i.form));
    let kind_of = |form: Form| match form {
        Form::Trip => None,
        Form::Period(k) | Form::Day(k) | Form::Imprecise(k) => Some(k),
    };

    let mut what: Vec<Entry> = Vec::new();
    if has(&|f| f == Form::Trip) {
        what.push(entry(bar(Certainty::Confirmed), tr("Trip")));
    }
    for &kind in EventKind::ALL {
        if has(&|f| kind_of(f) == Some(kind)) {
            what.push(entry(
                solid(kind_mark(kind, 14.0, 7.0, false)),
                event_kind_text(kind),
            ));
        }
    }
    if has(&|f| matches!(f, Form::Period(_))) {
        let line = solid(view! { <line class="timeline__period" x1="3" x2="25" y1="7" y2="7" /> });
        what.push(entry(line, tr("Over a period")));
    }
    if has(&|f| matches!(f, Form::Imprecise(_))) {
        let whisker = solid(view! { <path class="timeline__whisker" d="M3,4v6M3,7H25M25,4v6" /> });
        what.push(entry(whisker, tr("Day not known")));
    }
    if items.iter().any(|i| i.open_before || i.open_after) {
        let open = solid(view! {
            <rect class="timeline__bar" x="1" y={px(7.0 - BAR / 2.0)} width="5" height={px(BAR)} rx="2" />
            {fading_end(6.0, 7.0, BAR, 1.0)}
        });
        what.push(entry(open, tr("Start or end not known")));
    }

    let present = |c: Certainty| items.iter().any(|i| i.certainty == c);
    let mut how_sure: Vec<Entry> = Vec::new();
    if present(Certainty::Confirmed) {
        how_sure.push(Entry {
            title: Some(certainty_meaning(Certainty::Confirmed).to_owned()),
            ..entry(bar(Certainty::Confirmed), tr("Confirmed"))
        });
    }
    if present(Certainty::Reported) || present(Certainty::Inferred) {
        how_sure.push(Entry {
            title: Some(fill(
                tr("Reported: {reported}; inferred: {inferred}"),
                &[
                    ("reported", certainty_meaning(Certainty::Reported)),
                    ("inferred", certainty_meaning(Certainty::Inferred)),
                ],
            )),
            ..entry(bar(Certainty::Reported), tr("Reported or inferred"))
        });
    }
    if present(Certainty::Disputed) {
        let disputed = view! {
            <g class=format!("timeline__mark {}", certainty_class(Certainty::Disputed))>
                <rect class="timeline__bar" x="3" y={px(7.0 - BAR / 2.0)} width="22" height={px(BAR)} rx="2" />
                {cross(14.0, 7.0)}
            </g>
        }
        .into_any();
        how_sure.push(Entry {
            title: Some(certainty_meaning(Certainty::Disputed).to_owned()),
            ..entry(disputed, tr("Disputed"))
        });
    }

    view! {
        <div class="timeline__legend">
            <ul class="timeline__legend-group" aria-label=tr("What the marks show")>
                {what.into_iter().map(entry_view).collect_view()}
            </ul>
            <div class="timeline__legend-row">
                <span class="timeline__legend-heading" aria-hidden="true">{tr("How sure")}</span>
                <ul class="timeline__legend-group" aria-label=tr("How sure")>
                    {how_sure.into_iter().map(entry_view).collect_view()}
                </ul>
            </div>
        </div>
    }
}

fn entry(drawing: AnyView, text: &str) -> Entry {
    Entry {
        drawing,
        text: text.to_owned(),
        title: None,
    }
}

/// A drawing in the look of a confirmed mark.
fn solid(drawing: impl IntoView + 'static) -> AnyView {
    view! { <g class=format!("timeline__mark {}", certainty_class(Certainty::Confirmed))>{drawing}</g> }.into_any()
}

/// A sample trip bar drawn with a certainty's outline.
fn bar(certainty: Certainty) -> AnyView {
    view! {
        <g class=format!("timeline__mark {}", certainty_class(certainty))>
            <rect class="timeline__bar" x="3" y={px(7.0 - BAR / 2.0)} width="22" height={px(BAR)} rx="2" />
        </g>
    }
    .into_any()
}

fn entry_view(entry: Entry) -> impl IntoView {
    view! {
        <li class="timeline__legend-entry" title=entry.title>
            <svg class="timeline__legend-swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
                {entry.drawing}
            </svg>
            {entry.text}
        </li>
    }
}
