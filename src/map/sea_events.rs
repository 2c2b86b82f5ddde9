//! Events at a bare position (a sighting at sea, a ship at anchor off a
//! coast): small dots in their vessel's colour, hollow unless confirmed.

use leptos::prelude::*;
use sealift_format::Certainty;

use super::MapParts;
use super::inspect::{Target, focus_mark, step};
use crate::components::details::{event_kind_text, vessel_name};
use crate::components::palette::vessel_series;
use crate::coordinates::Px;

/// One event at sea; arrow keys step through the others.
#[component]
pub fn SeaEventMark(parts: MapParts, event: usize, order: usize, at: (f64, f64)) -> impl IntoView {
    let MapParts {
        report,
        choice,
        inspector,
        canvas,
        active_event,
        activity,
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
    let dim = move || choice.is_dimmed(vessel.as_deref());
    let mut label = event_kind_text(item.kind).to_owned();
    if let Some(v) = &item.vessel {
        label = format!("{label}: {}", vessel_name(&report, v));
    }
    let on_key = {
        let target = target.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let key = ev.key();
            if key == "Enter" || key == " " {
                ev.prevent_default();
                inspector.pin(target.clone());
            } else if let Some(next) =
                step(order, activity.with_untracked(|a| a.at_sea.len()), &key)
            {
                ev.prevent_default();
                active_event.set(next);
                if let Some(el) = canvas.get_untracked() {
                    focus_mark(&el, &format!("[data-event-order=\"{next}\"]"));
                }
            }
        }
    };
    let (x, y) = at;
    Some(view! {
        <g
            class=format!("map-event map-event--{certainty} {series}")
            class:map-event--dim=dim
            data-event=item.id.clone()
            data-event-order=order
            transform=format!("translate({},{})", Px(x), Px(y))
            role="button"
            aria-label=label
            tabindex=move || if active_event.get() == order { 0 } else { -1 }
            {..inspector.handlers(target, move || active_event.set(order), || ())}
            on:keydown=on_key
        >
            <circle class="map-event__hit" r="10" />
            <circle class="map-event__dot" r="5.5" />
            {(item.certainty == Certainty::Disputed).then(|| view! {
                <path class="map-event__cross" d="M-3.5,-3.5L3.5,3.5M3.5,-3.5L-3.5,3.5" />
            })}
        </g>
    })
}
