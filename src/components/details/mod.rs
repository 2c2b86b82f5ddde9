//! What a reader sees on hovering or focusing a trip or an event, in the
//! timeline and on the map alike: what happened, when, how sure, and sources.

use leptos::prelude::*;
use sealift_format::{EventKind, EventLocation, Trip, When};

use crate::components::certainty::CertaintyBadge;
use crate::components::citations::CitationMarks;
use crate::data::SharedReport;
use crate::i18n::tr;
use crate::text::{position_text, span_text};

/// The reader's words for an event kind.
pub fn event_kind_text(kind: EventKind) -> &'static str {
    match kind {
        EventKind::PortCall => tr("Port call"),
        EventKind::Loading => tr("Loading"),
        EventKind::Unloading => tr("Unloading"),
        EventKind::Anchored => tr("At anchor"),
        EventKind::Shipyard => tr("At a shipyard"),
        EventKind::Rail => tr("Rail"),
        EventKind::Sighting => tr("Sighting"),
        EventKind::Other => tr("Other"),
    }
}

/// A vessel's display name, or its id when the report lacks it.
pub fn vessel_name(report: &SharedReport, id: &str) -> String {
    report
        .vessel(id)
        .map_or_else(|| id.to_owned(), |v| v.name.clone())
}

/// A place's display name, or its id when the report lacks it.
pub fn place_name(report: &SharedReport, id: &str) -> String {
    report
        .place(id)
        .map_or_else(|| id.to_owned(), |p| p.name.clone())
}

/// One trip: "Lady R: Rason → Vostochny", its dates, certainty, cargo, note, sources.
#[component]
pub fn TripDetails(report: SharedReport, trip: Trip) -> impl IntoView {
    let title = format!(
        "{}: {} → {}",
        vessel_name(&report, &trip.vessel),
        place_name(&report, &trip.from),
        place_name(&report, &trip.to)
    );
    view! {
        <div class="details">
            <p class="details__title">{title}</p>
            <p class="details__when">
                {span_text(trip.depart.as_ref(), trip.arrive.as_ref())} " "
                <CertaintyBadge certainty=trip.certainty />
            </p>
            {trip.cargo.map(|c| view! { <p class="details__text">{tr("Cargo:")} " " {c}</p> })}
            {trip.note.map(|n| view! { <p class="details__note">{n}</p> })}
            <p class="details__sources">{tr("Sources")} " " <CitationMarks report cites=trip.sources /></p>
        </div>
    }
}

/// Where an event happened, in words: its place's name, or the position's
/// description, or its coordinates.
pub fn event_place_text(report: &SharedReport, event: &sealift_format::Event) -> String {
    match &event.location {
        EventLocation::Place(id) => place_name(report, id),
        EventLocation::Position {
            description,
            lat,
            lon,
        } => description
            .clone()
            .unwrap_or_else(|| position_text(*lat, *lon, 2)),
    }
}

/// When an event happened, in words: a date, or a span between two dates.
pub fn event_when_text(event: &sealift_format::Event) -> String {
    match &event.when {
        When::Date(d) => span_text(Some(d), Some(d)),
        When::Period(p) => span_text(p.start.as_ref(), p.end.as_ref()),
    }
}

/// One event: its kind and place, when, certainty, summary, note, sources.
#[component]
pub fn EventDetails(report: SharedReport, event: sealift_format::Event) -> impl IntoView {
    let place = event_place_text(&report, &event);
    let who = event
        .vessel
        .as_deref()
        .map(|v| format!("{}, ", vessel_name(&report, v)));
    let when = event_when_text(&event);
    view! {
        <div class="details">
            <p class="details__title">{event_kind_text(event.kind)} ": " {who} {place}</p>
            <p class="details__when">{when} " " <CertaintyBadge certainty=event.certainty /></p>
            <p class="details__text">{event.summary}</p>
            {event.note.map(|n| view! { <p class="details__note">{n}</p> })}
            <p class="details__sources">{tr("Sources")} " " <CitationMarks report cites=event.sources /></p>
        </div>
    }
}
