//! The timeline's data table: every trip and event it shows, in date order.

use leptos::prelude::*;

use crate::components::certainty::certainty_text;
use crate::components::data_table::{DataRow, DataTable, rows_following};
use crate::components::details::{
    event_kind_text, event_place_text, event_when_text, place_name, vessel_name,
};
use crate::data::SharedReport;
use crate::i18n::tr;
use crate::state::ReaderStateSignal;
use crate::text::span_text;
use crate::visible::{event_span, trip_span};

/// Trips and events the reader's choices leave, with vessel, place, dates and certainty.
#[component]
pub fn TimelineTable(report: SharedReport, state: ReaderStateSignal) -> impl IntoView {
    let rows = rows_following(&report, state, rows);
    view! {
        <DataTable
            report
            caption="Trips and events shown in the timeline"
            columns=vec!["Vessel", "What", "Where", "When", "How sure"]
            rows
        />
    }
}

fn rows(report: &SharedReport, state: &crate::state::ReaderState) -> Vec<DataRow> {
    let mut dated: Vec<(chrono::NaiveDate, DataRow)> = Vec::new();
    for trip in &report.trips {
        if !state.shows_trip_on_timeline(trip) || !state.is_selected_vessel(Some(&trip.vessel)) {
            continue;
        }
        let Some(span) = trip_span(trip) else {
            continue;
        };
        let route = format!(
            "{} → {}",
            place_name(report, &trip.from),
            place_name(report, &trip.to)
        );
        dated.push((
            span.start,
            DataRow {
                cells: vec![
                    vessel_name(report, &trip.vessel),
                    tr("Trip").to_owned(),
                    route,
                    span_text(trip.depart.as_ref(), trip.arrive.as_ref()),
                    certainty_text(trip.certainty).to_owned(),
                ],
                cites: trip.sources.clone(),
            },
        ));
    }
    for event in &report.events {
        if !state.shows_event_on_timeline(event)
            || !state.is_selected_vessel(event.vessel.as_deref())
        {
            continue;
        }
        let Some(span) = event_span(event) else {
            continue;
        };
        let place = event_place_text(report, event);
        let when = event_when_text(event);
        let who = event
            .vessel
            .as_deref()
            .map_or_else(|| String::from("—"), |v| vessel_name(report, v));
        dated.push((
            span.start,
            DataRow {
                cells: vec![
                    who,
                    format!("{}: {}", event_kind_text(event.kind), event.summary),
                    place,
                    when,
                    certainty_text(event.certainty).to_owned(),
                ],
                cites: event.sources.clone(),
            },
        ));
    }
    crate::order::sort_by_key(&mut dated, |(day, _)| *day);
    dated.into_iter().map(|(_, row)| row).collect()
}
