//! The card beside a hovered, focused or pinned mark: what the place, route or
//! event is, how much happened, and the sources, as footnote links.

use leptos::prelude::*;
use sealift_format::{Citation, EventLocation, Place, PlacePrecision};

use super::MapParts;
use super::activity::{PlaceActivity, Route};
use super::inspect::Target;
use super::symbols::place_kind_text;
use crate::components::citations::CitationMarks;
use crate::components::details::{EventDetails, TripDetails, vessel_name};
use crate::coordinates::Decimals;
use crate::data::SharedReport;
use crate::i18n::{fill, tr};
use crate::text::count_text;

/// The details of the shown mark, placed beside it (below the map on phones).
#[component]
pub fn MapDetails(parts: MapParts) -> impl IntoView {
    let MapParts {
        report,
        inspector,
        frame,
        activity,
        ..
    } = parts;
    move || {
        let target = inspector.shown.get()?;
        let frame = frame.get();
        let (at, content) = match target {
            Target::Place(i) => {
                let place = report.places.get(i)?.clone();
                let here = activity.with(|a| a.places.get(i).cloned().unwrap_or_default());
                let content =
                    view! { <PlaceDetails report=report.clone() place here /> }.into_any();
                (*frame.spots.get(i)?, content)
            }
            Target::Route(key) => {
                let route = activity.with(|a| a.routes.iter().find(|r| r.key() == key).cloned())?;
                let spot = |id: &str| frame.spots.get(report.place_position(id)?);
                let (a, b) = (spot(&route.from)?, spot(&route.to)?);
                let content = view! { <RouteDetails report=report.clone() route /> }.into_any();
                (((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0), content)
            }
            Target::AtSea(i) => {
                let event = report.events.get(i)?.clone();
                let EventLocation::Position { lat, lon, .. } = event.location else {
                    return None;
                };
                let content = view! { <EventDetails report=report.clone() event /> }.into_any();
                (frame.projection.at((lon, lat)), content)
            }
        };
        let (leftwards, up) = (at.0 > frame.width * 0.55, at.1 > frame.height * 0.6);
        // Set through the CSSOM (not a style attribute), which a strict Content Security Policy allows.
        let left = format!("{}%", Decimals(at.0 / frame.width * 100.0, 2));
        let top = format!("{}%", Decimals(at.1 / frame.height * 100.0, 2));
        Some(view! {
            <div
                class="map-details"
                class:map-details--left=leftwards
                class:map-details--up=up
                style:left=left
                style:top=top
                role="region"
                aria-label=tr("Details")
                aria-live="polite"
            >
                {move || inspector.pinned.get().then(|| view! {
                    <button class="map-details__close" type="button" aria-label=tr("Close details") on:click=move |_| inspector.close()>
                        "×"
                    </button>
                }
                .into_any())}
                {content}
            </div>
        })
    }
}

/// A place: its kind, country and precision, how busy it was, and sources.
#[component]
fn PlaceDetails(report: SharedReport, place: Place, here: PlaceActivity) -> impl IntoView {
    let approximate = place.precision == PlacePrecision::Approximate;
    let busy = match (here.trips.len(), here.events.len()) {
        (0, 0) => tr("No trips or events shown here").to_owned(),
        (_, events) => {
            let mut trips = count_text(here.trips.len(), "trip", "trips");
            if here.departures > 0 && here.arrivals > 0 {
                trips = fill(
                    tr("{trips} ({out} out, {in} in)"),
                    &[
                        ("trips", &trips),
                        ("out", &here.departures.to_string()),
                        ("in", &here.arrivals.to_string()),
                    ],
                );
            }
            format!("{trips} · {}", count_text(events, "event", "events"))
        }
    };
    let trip_cites: Vec<Citation> = distinct(
        here.trips
            .iter()
            .filter_map(|&i| report.trips.get(i))
            .flat_map(|t| t.sources.iter()),
    );
    let place_cites = distinct(place.sources.iter());
    view! {
        <div class="details">
            <p class="details__title">{place.name.clone()}</p>
            <p class="details__when">
                {place_kind_text(place.kind)} " · " {place.country.clone()}
                {approximate.then(|| format!(" · {}", tr("approx. location")))}
            </p>
            {approximate.then(|| view! {
                <p class="details__note">{tr("The point is approximate: it stands in for the place, not its exact spot.")}</p>
            })}
            <p class="details__text">{busy}</p>
            {(!place_cites.is_empty() || !trip_cites.is_empty()).then(|| view! {
                <p class="details__sources">
                    {(!place_cites.is_empty()).then(|| view! {
                        {tr("Place")} " " <CitationMarks report=report.clone() cites=place_cites /> " "
                    })}
                    {(!trip_cites.is_empty()).then(|| view! {
                        {tr("Trips")} " " <CitationMarks report=report.clone() cites=trip_cites />
                    })}
                </p>
            })}
        </div>
    }
}

/// A route: its trips and who made them, then each trip in full.
#[component]
fn RouteDetails(report: SharedReport, route: Route) -> impl IntoView {
    let who: Vec<String> = route
        .vessels(&report)
        .into_iter()
        .map(|(v, n)| format!("{} ({n})", vessel_name(&report, &v)))
        .collect();
    let trips = route
        .trips
        .iter()
        .filter_map(|&i| report.trips.get(i).cloned())
        .map(|trip| view! { <li><TripDetails report=report.clone() trip /></li> })
        .collect_view();
    view! {
        <div class="details">
            <p class="details__title">{route.name(&report)}</p>
            <p class="details__when">{count_text(route.trips.len(), "trip", "trips")} ": " {who.join(", ")}</p>
        </div>
        <ul class="map-details__trips">{trips}</ul>
    }
}

/// Citations with each source (and relay) once, in first-seen order.
fn distinct<'a>(cites: impl Iterator<Item = &'a Citation>) -> Vec<Citation> {
    let mut seen: Vec<Citation> = Vec::new();
    for cite in cites {
        if !seen
            .iter()
            .any(|s| s.source == cite.source && s.via == cite.via)
        {
            seen.push(cite.clone());
        }
    }
    seen
}
