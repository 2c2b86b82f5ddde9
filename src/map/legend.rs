//! The key under the map: only what this report's map actually uses. The
//! vessels double as buttons that select a vessel, as elsewhere on the page.

use leptos::prelude::*;
use sealift_format::{Certainty, EventLocation, PlaceKind, PlacePrecision, Report};

use super::MapParts;
use super::activity::Activity;
use super::light_routes::routes_apart;
use super::symbols::{SymbolKey, place_kind_text};
use crate::components::palette::vessel_series;
use crate::i18n::{fill, tr};
use crate::state::ReaderState;
use crate::text::{Case, count_text, count_text_in, number_text};

/// The most vessels the key lists by name.
const KEY_VESSELS: usize = 12;

/// What the key says of the routes the map can show, whatever the dates.
struct RouteFacts {
    /// Some route has no vessel that made most of its trips (it is grey).
    mixed: bool,
    /// On a crowded map, how many routes are drawn together as thin grey
    /// lines, and the most trips any of them has.
    light: Option<(usize, usize)>,
    /// Each route's line style.
    route_styles: Vec<Certainty>,
}

impl RouteFacts {
    fn of(report: &Report, all: &Activity) -> Self {
        let apart = routes_apart(&all.routes);
        Self {
            mixed: all
                .routes
                .iter()
                .any(|r| r.dominant_vessel(report).is_none()),
            light: (all.routes.get(apart))
                .map(|heaviest| (all.routes.len() - apart, heaviest.trips.len())),
            route_styles: all.routes.iter().map(|r| r.certainty(report)).collect(),
        }
    }
}

#[component]
pub fn MapKey(parts: MapParts) -> impl IntoView {
    let MapParts {
        report,
        state,
        choice,
        activity,
        ..
    } = parts;
    let kinds: Vec<PlaceKind> = PlaceKind::ALL
        .iter()
        .copied()
        .filter(|k| report.places.iter().any(|p| p.kind == *k))
        .collect();
    let any_approximate = report
        .places
        .iter()
        .any(|p| p.precision == PlacePrecision::Approximate);
    // Everything the map can show, whatever the reader's dates: the map's
    // own activity when no dates are chosen (working it out a second time
    // took 18 ms of a 10,000-trip page's load).
    let everything = state.with_untracked(|s| s.map_dates() == ReaderState::default());
    let RouteFacts {
        mixed,
        light,
        route_styles,
    } = if everything {
        activity.with_untracked(|all| RouteFacts::of(&report, all))
    } else {
        RouteFacts::of(&report, &Activity::of(&report, &ReaderState::default()))
    };
    let mut travelled = vec![false; report.vessels.len()];
    for trip in &report.trips {
        if let Some(at) = report
            .vessel_position(&trip.vessel)
            .and_then(|at| travelled.get_mut(at))
        {
            *at = true;
        }
    }
    let vessels: Vec<(String, String)> = (report.vessels.iter().zip(travelled))
        .filter(|(_, travelled)| *travelled)
        .map(|(v, _)| (v.id.clone(), v.name.clone()))
        .collect();
    // On a crowded map, the lighter routes drawn together as thin grey lines.
    let light = light.map(|(routes, most)| {
        let routes = count_text(routes, "route", "routes");
        let text = match most {
            1 => fill(tr("Thin grey lines: {routes} with one trip each (choose a vessel to see its own)"), &[("routes", &routes)]),
            most => fill(
                tr("Thin grey lines: {routes} with up to {trips} each (choose a vessel to see its own)"),
                &[
                    ("routes", &routes),
                    ("trips", &count_text_in(most, "trip", "trips", Case::Genitive)),
                ],
            ),
        };
        view! { <li class="map-key__item"><LineKey class="map-key__stroke--light" />{text}</li> }
    });
    let has = |wanted: &[Certainty]| route_styles.iter().any(|c| wanted.contains(c));
    let line_styles = [
        (has(&[Certainty::Confirmed]), "", tr("Confirmed")),
        (
            has(&[Certainty::Reported, Certainty::Inferred]),
            " map-key__stroke--dashed",
            tr("Reported or inferred"),
        ),
        (
            has(&[Certainty::Disputed]),
            " map-key__stroke--disputed",
            tr("Disputed"),
        ),
    ];
    let badges = report
        .events
        .iter()
        .any(|e| matches!(e.location, EventLocation::Place(_)));
    // A crowded map counts events only at its busiest places, and says so.
    let badge_text = move || {
        let floor = activity.with(|a| a.badge_floor);
        if floor > 1 {
            fill(
                tr("Events at a place (where there were at least {n})"),
                &[("n", &number_text(floor as f64))],
            )
        } else {
            tr("Events at a place").to_owned()
        }
    };
    let at_sea = report
        .events
        .iter()
        .any(|e| matches!(e.location, EventLocation::Position { .. }));

    let places = kinds
        .into_iter()
        .map(|kind| view! { <li class="map-key__item"><SymbolKey kind />{place_kind_text(kind)}</li> })
        .collect_view();
    // A key of hundreds of vessels would be taller than the map, and their
    // colours repeat anyway: the first few are listed, the rest counted.
    let more_vessels = vessels.len().saturating_sub(KEY_VESSELS);
    let vessel_buttons = vessels
        .into_iter()
        .take(KEY_VESSELS)
        .map(|(id, name)| {
            let series = vessel_series(&report, &id);
            let pressed = {
                let id = id.clone();
                move || choice.is_chosen(Some(&id)).to_string()
            };
            let toggle = move |_| state.update(|s| s.toggle_vessel(&id));
            view! {
                <li class="map-key__item">
                    <button class=format!("map-key__vessel {series}") type="button" aria-pressed=pressed on:click=toggle>
                        <LineKey />
                        {name}
                    </button>
                </li>
            }
        })
        .collect_view();
    let styles = line_styles
        .into_iter()
        .filter(|(present, _, _)| *present)
        .map(|(_, class, text)| {
            view! {
                <li class="map-key__item">
                    <LineKey class=format!("map-key__stroke--style{class}") />
                    {text}
                </li>
            }
        })
        .collect_view();
    let route_key = (!route_styles.is_empty()).then(|| {
        view! {
            <ul class="map-key__group">
                {vessel_buttons}
                {(more_vessels > 0).then(|| view! {
                    <li class="map-key__item">
                        {fill(tr("and {vessels}"), &[("vessels", &count_text(more_vessels, "more vessel", "more vessels"))])}
                    </li>
                })}
                {mixed.then(|| view! {
                    <li class="map-key__item"><LineKey class="map-key__stroke--mixed" />{tr("Several vessels")}</li>
                })}
            </ul>
            <ul class="map-key__group">
                {styles}
                <li class="map-key__item">
                    <svg class="map-key__sample" width="34" height="12" aria-hidden="true">
                        <path class="map-key__stroke map-key__stroke--style" d="M1,6H12" />
                        <path class="map-key__stroke map-key__stroke--style map-key__stroke--heavy" d="M19,6H33" />
                    </svg>
                    {tr("Thicker: more trips")}
                </li>
                {light}
            </ul>
        }
    });

    view! {
        <div class="map-key" aria-label=tr("Map key") role="group">
            <ul class="map-key__group">
                {places}
                {any_approximate.then(|| view! {
                    <li class="map-key__item"><SymbolKey kind=PlaceKind::Port approximate=true />{tr("Approximate location")}</li>
                })}
                {badges.then(|| view! {
                    <li class="map-key__item"><span class="map-key__badge" aria-hidden="true">"3"</span>{badge_text}</li>
                })}
                {at_sea.then(|| view! {
                    <li class="map-key__item"><span class="map-key__dot" aria-hidden="true"></span>{tr("Event at sea")}</li>
                })}
            </ul>
            {route_key}
        </div>
    }
}

/// A short sample of a route line; its class sets colour and dashes.
#[component]
fn LineKey(#[prop(optional, into)] class: String) -> impl IntoView {
    view! {
        <svg class="map-key__sample" width="28" height="12" aria-hidden="true">
            <path class=format!("map-key__stroke {class}") d="M2,6H26" />
        </svg>
    }
}
