//! Places on the map: a symbol by kind, a badge counting what happened there,
//! and the place's name where it fits.

use leptos::prelude::*;
use sealift_format::PlacePrecision;

use super::MapParts;
use super::activity::{Activity, is_badged};
use super::frame::badge_width;
use super::inspect::{Target, arrow, focus_mark, nearest_towards};
use super::labels::{FONT_SIZE, Label};
use super::symbols::{PlaceSymbol, place_kind_text};
use crate::components::per_mark::PerMark;
use crate::components::tab_index;
use crate::coordinates::px;
use crate::i18n::tr;
use crate::state::pauses_after;
use crate::text::count_text;

/// A place's symbol and event badge; arrow keys move to the nearest place that way.
#[component]
pub fn PlaceMark(
    parts: MapParts,
    index: usize,
    at: (f64, f64),
    /// The event count's centre, from the symbol.
    badge: (f64, f64),
) -> impl IntoView {
    let MapParts {
        report,
        inspector,
        canvas,
        active_place,
        place_looks,
        place_words,
        frame,
        ..
    } = parts;
    let place = report.places.get(index).cloned()?;
    let approximate = place.precision == PlacePrecision::Approximate;
    let target = Target::Place(index);
    let look = move || place_looks.get(index).unwrap_or_default();
    let badged = Memo::new(move |_| look().badge.is_some());
    let label = {
        let place = place.clone();
        move || {
            let mut words = vec![
                place.name.clone(),
                crate::text::lowercase(place_kind_text(place.kind)),
            ];
            if approximate {
                words.push(tr("approximate location").to_owned());
            }
            let (trips, events) = place_words.get(index).unwrap_or_default();
            words.push(count_text(trips, "trip", "trips"));
            words.push(count_text(events, "event", "events"));
            words.join(", ")
        }
    };
    let on_key = {
        // The report, not a copy of every place's id: a thousand places each
        // copying a thousand ids was a million strings.
        let (target, report) = (target.clone(), report.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            let key = ev.key();
            if key == "Enter" || key == " " {
                ev.prevent_default();
                inspector.pin(target.clone());
            } else if let Some(direction) = arrow(&key) {
                ev.prevent_default();
                let next = frame.with_untracked(|f| nearest_towards(&f.spots, index, direction));
                if let (Some(next), Some(el)) = (next, canvas.get_untracked()) {
                    active_place.set(next);
                    if let Some(place) = report.places.get(next) {
                        focus_mark(&el, &format!("[data-place=\"{}\"]", place.id));
                    }
                }
            }
        }
    };
    let shown = target.clone();
    let (x, y) = at;
    Some(view! {
        <g
            class=format!("map-place place-symbol map-place--{}", place.kind.as_str())
            class:place-symbol--approximate=approximate
            class:map-place--quiet=move || look().quiet
            class:map-place--shown=move || inspector.is_shown(&shown)
            data-place=place.id.clone()
            data-kind=place.kind.as_str()
            data-precision=place.precision.as_str()
            role="button"
            aria-label=label
            tabindex=move || tab_index(active_place.get() == index)
            {..inspector.handlers(target, move || active_place.set(index), || ())}
            on:keydown=on_key
        >
            <circle class="map-place__hit" cx={px(x)} cy={px(y)} r="12" />
            <PlaceSymbol kind=place.kind approximate at />
            // The badge comes and goes with the dates; in between only its
            // count and width change (redrawing it whole took a quarter of
            // each step of the dates on a 10,000-trip map).
            {move || badged.get().then(|| {
                let count = move || look().badge.unwrap_or_default();
                let width = move || badge_width(count());
                let (bx, by) = (x + badge.0, y + badge.1);
                view! {
                    <g class="map-badge">
                        <rect x=move || px(bx - width() / 2.0) y={px(by - 7.0)} width=move || px(width()) height="14" rx="7" />
                        <text x={px(bx)} y={px(by)} dy="0.35em" text-anchor="middle">{count}</text>
                    </g>
                }
                .into_any()
            })}
        </g>
    })
}

/// What a place's mark shows of the shown activity.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PlaceLook {
    /// Nothing shown happened there: its mark and name step back.
    quiet: bool,
    /// Its event count, when drawn: it has events, and on a crowded map it
    /// is among the busiest places.
    badge: Option<usize>,
}

/// How each place looks for the shown activity. Each place follows its own
/// look, so that a change elsewhere on the map (or in its own counts, which
/// only its spoken label says) does not redraw it.
pub fn place_looks(activity: Memo<Activity>, places: usize) -> PerMark<PlaceLook> {
    PerMark::new(activity, places, |a, index| {
        let (trips, events) = counts(a, index);
        PlaceLook {
            quiet: trips == 0 && events == 0,
            badge: is_badged(events, a.badge_floor).then_some(events),
        }
    })
}

/// Each place's shown trips and events, for its spoken label: they follow
/// the reader's dates once the reader pauses.
pub fn place_words(activity: Memo<Activity>, places: usize) -> PerMark<(usize, usize)> {
    let pauses = pauses_after(move || activity.track());
    PerMark::new(pauses, places, move |_, index| {
        activity.with_untracked(|a| counts(a, index))
    })
}

/// How many shown trips and events place `index` has.
fn counts(activity: &Activity, index: usize) -> (usize, usize) {
    activity
        .places
        .get(index)
        .map_or((0, 0), |p| (p.trips.len(), p.events.len()))
}

/// A place's name, and a leader line when it sits away from the symbol.
#[component]
pub fn PlaceLabel(parts: MapParts, index: usize, label: Label) -> impl IntoView {
    let MapParts {
        report,
        place_looks,
        ..
    } = parts;
    let name = report
        .places
        .get(index)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let quiet = move || place_looks.get(index).is_some_and(|look| look.quiet);
    view! {
        <g class="map-label-group" class:map-label-group--quiet=quiet aria-hidden="true">
            {label.leader.map(|(a, b)| view! {
                <line class="map-leader" x1={px(a.0)} y1={px(a.1)} x2={px(b.0)} y2={px(b.1)} />
            })}
            <text
                class="map-label"
                x={px(label.x)}
                y={px(label.y)}
                dy="0.35em"
                text-anchor=label.anchor.as_str()
                font-size={px(FONT_SIZE)}
            >
                {name}
            </text>
        </g>
    }
}
