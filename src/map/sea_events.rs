//! Events at a bare position (a sighting at sea, a ship at anchor off a
//! coast): small dots in their vessel's colour, hollow unless confirmed.
//!
//! Every such event is drawn once, and the reader's dates hide and show
//! them in place: redrawing 500 dots cost a sixth of each step of the "as
//! of" slider on a 10,000-trip map.

use std::sync::Arc;

use leptos::prelude::*;
use sealift_format::{Certainty, EventLocation, Report};

use super::MapParts;
use super::activity::Activity;
use super::inspect::{Target, focus_mark, step};
use crate::components::details::{event_kind_text, vessel_name};
use crate::components::palette::vessel_series;
use crate::components::per_mark::PerMark;
use crate::components::tab_index;
use crate::coordinates::{outline_at, px};

/// The events at a bare position, which of them the reader's dates show,
/// and which one the Tab key reaches (a roving tabindex).
#[derive(Clone)]
pub struct EventsAtSea {
    /// Indices into the report's events, in the report's order (as
    /// [`Activity::at_sea`] lists those shown).
    events: Arc<Vec<usize>>,
    shown: PerMark<bool>,
    /// The one last focused, by its place in `events`.
    active: RwSignal<usize>,
    /// The one Tab reaches: the last focused while shown, else the first shown.
    stop: StoredValue<Selector<Option<usize>>>,
}

impl EventsAtSea {
    pub fn new(report: &Report, activity: Memo<Activity>) -> Self {
        let events: Arc<Vec<usize>> = Arc::new(
            (report.events.iter().enumerate())
                .filter(|(_, e)| matches!(e.location, EventLocation::Position { .. }))
                .map(|(i, _)| i)
                .collect(),
        );
        let shows = |a: &Activity, event: &usize| a.at_sea.binary_search(event).is_ok();
        let shown = PerMark::new(activity, events.len(), {
            let events = events.clone();
            move |a, order| events.get(order).is_some_and(|e| shows(a, e))
        });
        let active = RwSignal::new(0);
        let stop = Selector::new({
            let events = events.clone();
            move || {
                let active = active.get();
                activity.with(|a| {
                    let first = a.at_sea.first().and_then(|e| events.binary_search(e).ok());
                    (events.get(active).is_some_and(|e| shows(a, e)))
                        .then_some(active)
                        .or(first)
                })
            }
        });
        Self {
            events,
            shown,
            active,
            stop: StoredValue::new(stop),
        }
    }

    /// The shown event the arrow `key` leads to from the one at `order`.
    fn step(&self, activity: Memo<Activity>, order: usize, key: &str) -> Option<usize> {
        let event = self.events.get(order)?;
        activity.with_untracked(|a| {
            let here = a.at_sea.binary_search(event).ok()?;
            let next = a.at_sea.get(step(here, a.at_sea.len(), key)?)?;
            self.events.binary_search(next).ok()
        })
    }
}

/// Every event at a bare position, as a dot.
pub fn sea_marks(parts: MapParts) -> impl IntoView {
    move || {
        if !parts.measured.get() {
            return None;
        }
        let frame = parts.frame.get();
        let marks = (parts.at_sea.events.iter().enumerate())
            .filter_map(
                |(order, &event)| match parts.report.events.get(event)?.location {
                    EventLocation::Position { lat, lon, .. } => {
                        let at = frame.projection.at((lon, lat));
                        Some(view! { <SeaEventMark parts=parts.clone() event order at /> })
                    }
                    EventLocation::Place(_) => None,
                },
            )
            .collect_view();
        Some(marks)
    }
}

/// One event at sea; arrow keys step through the others shown.
#[component]
fn SeaEventMark(parts: MapParts, event: usize, order: usize, at: (f64, f64)) -> impl IntoView {
    let MapParts {
        report,
        choice,
        inspector,
        canvas,
        activity,
        at_sea,
        ..
    } = parts;
    let item = report.events.get(event).cloned()?;
    let target = Target::AtSea(event);
    let series = item
        .vessel
        .as_deref()
        .map_or_else(|| "series-8".to_owned(), |v| vessel_series(&report, v));
    let certainty = match item.certainty {
        Certainty::Confirmed => "confirmed",
        Certainty::Reported | Certainty::Inferred => "reported",
        Certainty::Disputed => "disputed",
    };
    let vessel = item.vessel.clone();
    // The events of other vessels step back through their group's class (map.css).
    let chosen = move || choice.is_chosen(vessel.as_deref());
    let mut label = event_kind_text(item.kind).to_owned();
    if let Some(v) = &item.vessel {
        label = format!("{label}: {}", vessel_name(&report, v));
    }
    let (shown, active, stop) = (at_sea.shown, at_sea.active, at_sea.stop);
    let on_key = {
        let target = target.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let key = ev.key();
            if key == "Enter" || key == " " {
                ev.prevent_default();
                inspector.pin(target.clone());
            } else if let Some(next) = at_sea.step(activity, order, &key) {
                ev.prevent_default();
                active.set(next);
                if let Some(el) = canvas.get_untracked() {
                    focus_mark(&el, &format!("[data-event-order=\"{next}\"]"));
                }
            }
        }
    };
    let (x, y) = at;
    let (cx, cy) = (px(x), px(y));
    Some(view! {
        <g
            class=format!("map-event map-event--{certainty} {series}")
            class:map-event--chosen=chosen
            class:is-hidden=move || shown.get(order) != Some(true)
            data-event=item.id.clone()
            data-event-order=order
            role="button"
            aria-label=label
            tabindex=move || tab_index(stop.with_value(|s| s.selected(&Some(order))))
            {..inspector.handlers(target, move || active.set(order), || ())}
            on:keydown=on_key
        >
            <circle class="map-event__hit" cx=cx.clone() cy=cy.clone() r="10" />
            <circle class="map-event__dot" cx=cx cy=cy r="5.5" />
            {(item.certainty == Certainty::Disputed).then(|| view! {
                <path class="map-event__cross" d=outline_at(at, "m-3.5,-3.5l7,7m0,-7l-7,7") />
            })}
        </g>
    })
}
