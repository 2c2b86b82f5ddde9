//! Events at a bare position (a sighting at sea, a ship at anchor off a
//! coast): small dots in their vessel's colour, hollow unless confirmed.
//!
//! Every such event is drawn once, and the reader's dates hide and show
//! them in place: redrawing 500 dots cost a sixth of each step of the "as
//! of" slider on a 10,000-trip map.

use std::fmt::Write;
use std::sync::Arc;

use leptos::prelude::*;
use sealift_format::{Certainty, Event, EventLocation, Report};

use super::MapParts;
use super::activity::Activity;
use super::inspect::{Target, focus_mark, step};
use crate::components::details::{event_kind_text, vessel_name};
use crate::components::markup::{
    contains, follow_marks, mark_of, push_classes, push_escaped, toggle_class,
};
use crate::components::palette::vessel_series;
use crate::components::tab_index;
use crate::coordinates::{Px, outline_at};
use crate::data::SharedReport;

/// The events at a bare position, which of them the reader's dates show,
/// and which one the Tab key reaches (a roving tabindex).
#[derive(Clone)]
pub struct EventsAtSea {
    /// Indices into the report's events, in the report's order (as
    /// [`Activity::at_sea`] lists those shown).
    events: Arc<Vec<usize>>,
    /// The one last focused, by its place in `events`.
    active: RwSignal<usize>,
    /// The one Tab reaches: the last focused while shown, else the first shown.
    stop: Memo<Option<usize>>,
}

impl EventsAtSea {
    pub fn new(report: &Report, activity: Memo<Activity>) -> Self {
        let events: Arc<Vec<usize>> = Arc::new(
            (report.events.iter().enumerate())
                .filter(|(_, e)| matches!(e.location, EventLocation::Position { .. }))
                .map(|(i, _)| i)
                .collect(),
        );
        let active = RwSignal::new(0);
        let stop = Memo::new({
            let events = events.clone();
            move |_| {
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
            active,
            stop,
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

/// Whether the reader's dates show event `index` of the report.
fn shows(activity: &Activity, index: &usize) -> bool {
    activity.at_sea.binary_search(index).is_ok()
}

/// Every event at a bare position, as a dot.
pub fn sea_marks(parts: MapParts) -> impl IntoView {
    move || {
        if !parts.measured.get() {
            return None;
        }
        let frame = parts.frame.get();
        let spots: Vec<(f64, f64)> = (parts.at_sea.events.iter())
            .filter_map(|&event| match parts.report.events.get(event)?.location {
                EventLocation::Position { lat, lon, .. } => Some(frame.projection.at((lon, lat))),
                EventLocation::Place(_) => None,
            })
            .collect();
        Some(view! { <SeaEventMarks parts=parts.clone() spots /> })
    }
}

/// What the reader's state does to one event's dot.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct MarkLook {
    /// The reader's dates leave it out.
    hidden: bool,
    /// Its vessel is the chosen one.
    chosen: bool,
    /// Tab reaches it.
    tab_stop: bool,
}

/// The events at sea, drawn as one piece of markup (see
/// [`crate::components::markup`]); arrow keys step through those shown.
#[component]
fn SeaEventMarks(
    parts: MapParts,
    /// Each event's dot, in the order of [`EventsAtSea`].
    spots: Vec<(f64, f64)>,
) -> impl IntoView {
    let MapParts {
        report,
        state,
        inspector,
        canvas,
        activity,
        at_sea,
        ..
    } = parts;
    let group = NodeRef::new();
    let events: Vec<Event> = (at_sea.events.iter())
        .filter_map(|&i| report.events.get(i).cloned())
        .take(spots.len())
        .collect();
    let (active, stop) = (at_sea.active, at_sea.stop);
    let marks: Vec<(usize, Option<String>)> = (at_sea.events.iter().zip(&events))
        .map(|(&index, e)| (index, e.vessel.clone()))
        .collect();
    let looks = move || {
        let chosen = state.with(|s| s.vessel.clone());
        let stop = stop.get();
        activity.with(|a| {
            (marks.iter().enumerate())
                .map(|(order, (index, vessel))| MarkLook {
                    hidden: !shows(a, index),
                    chosen: vessel.is_some() && *vessel == chosen,
                    tab_stop: stop == Some(order),
                })
                .collect::<Vec<_>>()
        })
    };
    let drawn = untrack(&looks);
    let mut markup = String::new();
    for (order, ((event, at), look)) in events.iter().zip(&spots).zip(&drawn).enumerate() {
        push_event(&mut markup, &report, event, order, *at, look);
    }
    follow_marks(group, drawn, looks, |_, mark, was, is| {
        toggle_class(mark, "map-event--chosen", was.chosen, is.chosen);
        toggle_class(mark, "is-hidden", was.hidden, is.hidden);
        if was.tab_stop != is.tab_stop {
            let _ = mark.set_attribute("tabindex", &tab_index(is.tab_stop));
        }
    });

    // One listener of each kind for every event: the event's place in
    // `EventsAtSea` is on its mark.
    let events = at_sea.events.clone();
    let event_at = move |target: Option<web_sys::EventTarget>| {
        let (mark, order) = mark_of(target, "data-event-order")?;
        let order: usize = order.parse().ok()?;
        Some((mark, order, *events.get(order)?))
    };
    let (on_over, on_out, on_focus_in, on_focus_out, on_click, on_key) = (
        event_at.clone(),
        event_at.clone(),
        event_at.clone(),
        event_at.clone(),
        event_at.clone(),
        event_at,
    );
    view! {
        <g
            class="map-events__marks"
            node_ref=group
            inner_html=markup
            on:mouseover=move |ev| {
                if let Some((mark, _, event)) = on_over(ev.target())
                    && !contains(&mark, ev.related_target())
                {
                    inspector.hover(Target::AtSea(event));
                }
            }
            on:mouseout=move |ev| {
                if let Some((mark, _, _)) = on_out(ev.target())
                    && !contains(&mark, ev.related_target())
                {
                    inspector.leave();
                }
            }
            on:focusin=move |ev| {
                if let Some((_, order, event)) = on_focus_in(ev.target()) {
                    active.set(order);
                    inspector.focus(Target::AtSea(event));
                }
            }
            on:focusout=move |ev| {
                if on_focus_out(ev.target()).is_some() {
                    inspector.leave();
                }
            }
            on:click=move |ev| {
                if let Some((_, _, event)) = on_click(ev.target()) {
                    ev.stop_propagation();
                    inspector.pin(Target::AtSea(event));
                }
            }
            on:keydown=move |ev| {
                let Some((_, order, event)) = on_key(ev.target()) else {
                    return;
                };
                let key = ev.key();
                if key == "Enter" || key == " " {
                    ev.prevent_default();
                    inspector.pin(Target::AtSea(event));
                } else if let Some(next) = at_sea.step(activity, order, &key) {
                    ev.prevent_default();
                    active.set(next);
                    if let Some(el) = canvas.get_untracked() {
                        focus_mark(&el, &format!("[data-event-order=\"{next}\"]"));
                    }
                }
            }
        />
    }
}

/// One event's markup: the area a pointer hits, its dot, and a cross when disputed.
fn push_event(
    out: &mut String,
    report: &SharedReport,
    event: &Event,
    order: usize,
    at: (f64, f64),
    look: &MarkLook,
) {
    let series = event
        .vessel
        .as_deref()
        .map_or_else(|| "series-8".to_owned(), |v| vessel_series(report, v));
    let certainty = match event.certainty {
        Certainty::Confirmed => "confirmed",
        Certainty::Reported | Certainty::Inferred => "reported",
        Certainty::Disputed => "disputed",
    };
    let _ = write!(out, "<g class=\"map-event map-event--{certainty} {series}");
    push_classes(
        out,
        &[
            (look.chosen, "map-event--chosen"),
            (look.hidden, "is-hidden"),
        ],
    );
    out.push_str("\" data-event=\"");
    push_escaped(out, &event.id);
    let _ = write!(
        out,
        "\" data-event-order=\"{order}\" role=\"button\" aria-label=\""
    );
    let mut label = event_kind_text(event.kind).to_owned();
    if let Some(v) = &event.vessel {
        label = format!("{label}: {}", vessel_name(report, v));
    }
    push_escaped(out, &label);
    let (x, y) = (Px(at.0), Px(at.1));
    let _ = write!(
        out,
        "\" tabindex=\"{}\"><circle class=\"map-event__hit\" cx=\"{x}\" cy=\"{y}\" r=\"10\"/>\
         <circle class=\"map-event__dot\" cx=\"{x}\" cy=\"{y}\" r=\"5.5\"/>",
        tab_index(look.tab_stop)
    );
    if event.certainty == Certainty::Disputed {
        let _ = write!(
            out,
            "<path class=\"map-event__cross\" d=\"{}\"/>",
            outline_at(at, "m-3.5,-3.5l7,7m0,-7l-7,7")
        );
    }
    out.push_str("</g>");
}
