//! The timeline's data table: every trip and event it shows, in date order.

use chrono::NaiveDate;
use leptos::prelude::*;
use sealift_format::{Event, Trip};

use crate::components::certainty::certainty_text;
use crate::components::data_table::{DataRow, DataTable, rows_following};
use crate::components::details::{
    event_kind_text, event_place_text, event_when_text, place_name, vessel_name,
};
use crate::data::SharedReport;
use crate::i18n::tr;
use crate::state::{ReaderState, ReaderStateSignal};
use crate::text::span_text;
use crate::visible::{event_span, trip_span};

/// Trips and events the reader's choices leave, with vessel, place, dates and certainty.
#[component]
pub fn TimelineTable(report: SharedReport, state: ReaderStateSignal) -> impl IntoView {
    let rows = rows_following(&report, state, |r, s| shown(r, s).count(), rows);
    view! {
        <DataTable
            report
            caption="Trips and events shown in the timeline"
            columns=vec!["Vessel", "What", "Where", "When", "How sure"]
            rows
        />
    }
}

/// A trip or an event the table shows, with the day it starts.
enum Shown<'a> {
    Trip(&'a Trip),
    Event(&'a Event),
}

/// The trips, then the events, that the reader's choices leave and that have a date.
fn shown<'a>(
    report: &'a SharedReport,
    state: &ReaderState,
) -> impl Iterator<Item = (NaiveDate, Shown<'a>)> {
    let trips = report.trips.iter().filter_map(|trip| {
        let shown =
            state.shows_trip_on_timeline(trip) && state.is_selected_vessel(Some(&trip.vessel));
        let span = shown.then(|| trip_span(trip)).flatten()?;
        Some((span.start, Shown::Trip(trip)))
    });
    let events = report.events.iter().filter_map(|event| {
        let shown = state.shows_event_on_timeline(event)
            && state.is_selected_vessel(event.vessel.as_deref());
        let span = shown.then(|| event_span(event)).flatten()?;
        Some((span.start, Shown::Event(event)))
    });
    trips.chain(events)
}

fn rows(report: &SharedReport, state: &ReaderState) -> Vec<DataRow> {
    let mut dated: Vec<(NaiveDate, Shown)> = shown(report, state).collect();
    crate::order::sort_by_key(&mut dated, |(day, _)| *day);
    dated
        .into_iter()
        .map(|(_, item)| match item {
            Shown::Trip(trip) => DataRow {
                cells: vec![
                    vessel_name(report, &trip.vessel),
                    tr("Trip").to_owned(),
                    format!(
                        "{} → {}",
                        place_name(report, &trip.from),
                        place_name(report, &trip.to)
                    ),
                    span_text(trip.depart.as_ref(), trip.arrive.as_ref()),
                    certainty_text(trip.certainty).to_owned(),
                ],
                cites: trip.sources.clone(),
            },
            Shown::Event(event) => DataRow {
                cells: vec![
                    event
                        .vessel
                        .as_deref()
                        .map_or_else(|| String::from("—"), |v| vessel_name(report, v)),
                    format!("{}: {}", event_kind_text(event.kind), event.summary),
                    event_place_text(report, event),
                    event_when_text(event),
                    certainty_text(event.certainty).to_owned(),
                ],
                cites: event.sources.clone(),
            },
        })
        .collect()
}
