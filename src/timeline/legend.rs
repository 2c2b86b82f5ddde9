//! The key above the chart: what each shape means and how certainty looks.
//! Only what the report uses is listed.

use std::sync::Arc;

use leptos::prelude::*;
use sealift_format::{Certainty, EventKind};

use super::geometry::BAR;
use super::lanes::{Form, Lane};
use super::marks::{certainty_class, push_bar, push_cross, push_fading_end, push_kind_mark};
use crate::components::certainty::certainty_meaning;
use crate::components::details::event_kind_text;
use crate::i18n::{fill, tr};

/// One entry: a small drawing (drawn as the marks are, as markup) and its words.
struct Entry {
    drawing: String,
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
            let mut shape = String::new();
            push_kind_mark(&mut shape, kind, 14.0, 7.0, false);
            what.push(entry(solid(&shape), event_kind_text(kind)));
        }
    }
    if has(&|f| matches!(f, Form::Period(_))) {
        let line = solid(r#"<line class="timeline__period" x1="3" x2="25" y1="7" y2="7"/>"#);
        what.push(entry(line, tr("Over a period")));
    }
    if has(&|f| matches!(f, Form::Imprecise(_))) {
        let whisker = solid(r#"<path class="timeline__whisker" d="M3,4v6M3,7H25M25,4v6"/>"#);
        what.push(entry(whisker, tr("Day not known")));
    }
    if items.iter().any(|i| i.open_before || i.open_after) {
        let mut open = String::new();
        push_bar(&mut open, 1.0, 7.0, 5.0);
        push_fading_end(&mut open, 6.0, 7.0, BAR, 1.0);
        let open = solid(&open);
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
        let mut disputed = String::new();
        push_bar(&mut disputed, 3.0, 7.0, 22.0);
        push_cross(&mut disputed, 14.0, 7.0);
        let disputed = in_the_look_of(Certainty::Disputed, &disputed);
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

fn entry(drawing: String, text: &str) -> Entry {
    Entry {
        drawing,
        text: text.to_owned(),
        title: None,
    }
}

/// A drawing in the look of a confirmed mark.
fn solid(drawing: &str) -> String {
    in_the_look_of(Certainty::Confirmed, drawing)
}

/// A sample trip bar drawn with a certainty's outline.
fn bar(certainty: Certainty) -> String {
    let mut bar = String::new();
    push_bar(&mut bar, 3.0, 7.0, 22.0);
    in_the_look_of(certainty, &bar)
}

/// A drawing in a group that gives it the look of a mark of `certainty`.
fn in_the_look_of(certainty: Certainty, drawing: &str) -> String {
    format!(
        "<g class=\"timeline__mark {}\">{drawing}</g>",
        certainty_class(certainty)
    )
}

fn entry_view(entry: Entry) -> impl IntoView {
    view! {
        <li class="timeline__legend-entry" title=entry.title>
            <svg class="timeline__legend-swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" inner_html=entry.drawing>
            </svg>
            {entry.text}
        </li>
    }
}
