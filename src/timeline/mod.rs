//! The timeline of voyages: one lane per vessel, trips as bars from departure
//! to arrival, events as small marks by kind, how sure each one is in its
//! outline, the report's publication date, and the longest quiet spell.
//!
//! It follows the reader's choices: a selected vessel is highlighted, the
//! "as of" date hides what was not yet known, and a range of dates chosen
//! here narrows the map and the claims.

mod annotations;
mod axis;
mod brush;
mod caption;
mod card;
mod chart;
mod gap;
mod geometry;
mod keyboard;
mod lanes;
mod legend;
mod marks;
mod names;
mod plot;
mod reveal;
mod table;

use std::sync::Arc;

use leptos::prelude::*;
use sealift_format::Report;

use crate::components::citations::Cited;
use crate::components::in_sight::while_in_sight;
use crate::components::view_frame::{EmptyState, ViewFrame};
use crate::data::SharedReport;
use crate::embed::Embeddable;
use crate::i18n::tr;
use crate::state::use_reader_state;
use caption::takeaway;
use chart::Chart;
use gap::{Gap, longest_gap, traffic_days};
use lanes::{Lane, Shown, lanes_of, shown_items, shown_iter};
use legend::Legend;
use table::TimelineTable;

/// Trips and events over time, one lane per vessel.
#[component]
pub fn Timeline(report: SharedReport) -> impl IntoView {
    while_in_sight(Box::new(move || timeline(report).into_any()))
}

/// The timeline in its frame, with its table.
fn timeline(report: SharedReport) -> impl IntoView {
    let lanes = Arc::new(lanes_of(&report));
    let is_empty = lanes.iter().all(|lane| lane.items.is_empty());
    let cited: Cited = lanes
        .iter()
        .flat_map(|lane| &lane.items)
        .flat_map(|item| item.cites(&report))
        .collect();

    // One state for the whole view, even when it is mounted on its own.
    let state = use_reader_state();
    let shown = {
        let lanes = lanes.clone();
        let report = report.clone();
        Memo::new(move |_| state.with(|s| shown_items(&report, &lanes, s)))
    };
    let gap = {
        let lanes = lanes.clone();
        let report = report.clone();
        Memo::new(move |_| shown.with(|shown| quiet_spell(&report, &lanes, shown)))
    };
    let caption = {
        let lanes = lanes.clone();
        Memo::new(move |_| {
            if is_empty {
                return String::new();
            }
            shown.with(|shown| takeaway(&lanes, shown, gap.get().as_ref()))
        })
    };

    let body = if is_empty {
        view! { <EmptyState message=tr("No trips or events in this report") /> }.into_any()
    } else {
        view! {
            <Legend lanes=lanes.clone() />
            <Chart report=report.clone() lanes shown gap state />
            <TimelineTable report=report.clone() state />
        }
        .into_any()
    };
    view! {
        <ViewFrame report id="timeline" heading=Embeddable::Timeline.heading() caption cited picture=true>
            {body}
        </ViewFrame>
    }
}

/// The longest notable pause in the vessels' traffic, among the items shown.
/// Rail and port activity without a vessel does not end a pause at sea.
fn quiet_spell(report: &Report, lanes: &[Lane], shown: &Shown) -> Option<Gap> {
    longest_gap(
        shown_iter(lanes, shown)
            .filter(|(lane, _)| lane.vessel.is_some())
            .flat_map(|(_, item)| traffic_days(report, item)),
    )
}
