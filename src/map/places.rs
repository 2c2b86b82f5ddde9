//! Places on the map: a symbol by kind, a badge counting what happened there,
//! and the place's name where it fits.

use std::fmt::Write;

use leptos::ev::{FocusEvent, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use sealift_format::{Place, PlacePrecision};

use super::MapParts;
use super::activity::{Activity, is_badged};
use super::frame::badge_width;
use super::inspect::{Target, arrow, focus_mark, nearest_towards};
use super::labels::{FONT_SIZE, Label};
use super::symbols::{place_kind_text, push_symbol};
use crate::components::markup::{
    contains, follow_marks, mark_of, push_classes, push_escaped, toggle_class,
};
use crate::components::per_mark::PerMark;
use crate::components::tab_index;
use crate::coordinates::{Px, px};
use crate::i18n::tr;
use crate::state::pauses_after;
use crate::text::count_text;

/// Every place's symbol and event badge, drawn as one piece of markup (see
/// [`crate::components::markup`]): a large report has a thousand places.
/// Arrow keys move to the nearest place that way.
#[component]
pub fn PlaceMarks(
    parts: MapParts,
    /// Each place's symbol centre, in report order.
    spots: Vec<(f64, f64)>,
    /// Each place's event count's centre, from its symbol.
    badges: Vec<(f64, f64)>,
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
    let group = NodeRef::new();
    let count = spots.len().min(report.places.len());
    let looks = move || {
        let shown = inspector.shown.with(|shown| match shown {
            Some(Target::Place(index)) => Some(*index),
            _ => None,
        });
        let stop = active_place.get();
        (0..count)
            .map(|index| MarkLook {
                look: place_looks.get(index).unwrap_or_default(),
                words: place_words.get(index).unwrap_or_default(),
                shown: shown == Some(index),
                tab_stop: stop == index,
            })
            .collect::<Vec<_>>()
    };
    let drawn = untrack(looks);
    let badge_at = move |index: usize| {
        let (x, y) = spots.get(index).copied().unwrap_or_default();
        let (dx, dy) = badges.get(index).copied().unwrap_or_default();
        ((x, y), (x + dx, y + dy))
    };
    let mut markup = String::new();
    for (index, (place, look)) in report.places.iter().zip(&drawn).enumerate() {
        let (at, badge) = badge_at(index);
        push_place(&mut markup, place, at, badge, look);
    }
    let places = report.clone();
    follow_marks(group, drawn, looks, move |index, mark, was, is| {
        toggle_class(mark, "map-place--quiet", was.look.quiet, is.look.quiet);
        toggle_class(mark, "map-place--shown", was.shown, is.shown);
        if was.tab_stop != is.tab_stop {
            let _ = mark.set_attribute("tabindex", &tab_index(is.tab_stop));
        }
        if was.words != is.words
            && let Some(place) = places.places.get(index)
        {
            let _ = mark.set_attribute("aria-label", &place_label(place, is.words));
        }
        if was.look.badge != is.look.badge {
            if let Ok(Some(old)) = mark.query_selector(".map-badge") {
                old.remove();
            }
            if let Some(events) = is.look.badge {
                let mut badge = String::new();
                push_badge(&mut badge, events, badge_at(index).1);
                let _ = mark.insert_adjacent_html("beforeend", &badge);
            }
        }
    });

    // One listener of each kind for every place (the report is shared, not copied).
    let report = StoredValue::new(report);
    let place_at = move |target: Option<web_sys::EventTarget>| {
        let (mark, id) = mark_of(target, "data-place")?;
        Some((mark, report.with_value(|r| r.place_position(&id))?))
    };
    let over = move |ev: MouseEvent| {
        if let Some((mark, index)) = place_at(ev.target())
            && !contains(&mark, ev.related_target())
        {
            inspector.hover(Target::Place(index));
        }
    };
    let out = move |ev: MouseEvent| {
        if let Some((mark, _)) = place_at(ev.target())
            && !contains(&mark, ev.related_target())
        {
            inspector.leave();
        }
    };
    let focus_in = move |ev: FocusEvent| {
        if let Some((_, index)) = place_at(ev.target()) {
            active_place.set(index);
            inspector.focus(Target::Place(index));
        }
    };
    let focus_out = move |ev: FocusEvent| {
        if place_at(ev.target()).is_some() {
            inspector.leave();
        }
    };
    let click = move |ev: MouseEvent| {
        if let Some((_, index)) = place_at(ev.target()) {
            ev.stop_propagation();
            inspector.pin(Target::Place(index));
        }
    };
    let key_down = move |ev: KeyboardEvent| {
        let Some((_, index)) = place_at(ev.target()) else {
            return;
        };
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            inspector.pin(Target::Place(index));
        } else if let Some(direction) = arrow(&key) {
            ev.prevent_default();
            let next = frame.with_untracked(|f| nearest_towards(&f.spots, index, direction));
            if let (Some(next), Some(el)) = (next, canvas.get_untracked()) {
                active_place.set(next);
                if let Some(id) = report.with_value(|r| r.places.get(next).map(|p| p.id.clone())) {
                    focus_mark(&el, &format!("[data-place=\"{id}\"]"));
                }
            }
        }
    };
    view! {
        <g
            class="map-places__marks"
            node_ref=group
            inner_html=markup
            on:mouseover=over
            on:mouseout=out
            on:focusin=focus_in
            on:focusout=focus_out
            on:click=click
            on:keydown=key_down
        />
    }
}

/// What the reader's state does to one place's mark.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct MarkLook {
    look: PlaceLook,
    /// Its shown trips and events, which its spoken label counts.
    words: (usize, usize),
    /// Its details are open.
    shown: bool,
    /// Tab reaches it.
    tab_stop: bool,
}

/// One place's markup: the area a pointer hits, its symbol and its badge.
fn push_place(out: &mut String, place: &Place, at: (f64, f64), badge: (f64, f64), look: &MarkLook) {
    let kind = place.kind.as_str();
    let approximate = place.precision == PlacePrecision::Approximate;
    let _ = write!(out, "<g class=\"map-place place-symbol map-place--{kind}");
    push_classes(
        out,
        &[
            (approximate, "place-symbol--approximate"),
            (look.look.quiet, "map-place--quiet"),
            (look.shown, "map-place--shown"),
        ],
    );
    out.push_str("\" data-place=\"");
    push_escaped(out, &place.id);
    let _ = write!(
        out,
        "\" data-kind=\"{kind}\" data-precision=\"{}\" role=\"button\" aria-label=\"",
        place.precision.as_str()
    );
    push_escaped(out, &place_label(place, look.words));
    let _ = write!(
        out,
        "\" tabindex=\"{}\"><circle class=\"map-place__hit\" cx=\"{}\" cy=\"{}\" r=\"12\"/>",
        tab_index(look.tab_stop),
        Px(at.0),
        Px(at.1)
    );
    push_symbol(out, place.kind, approximate, at);
    if let Some(events) = look.look.badge {
        push_badge(out, events, badge);
    }
    out.push_str("</g>");
}

/// A place's event count in a pill centred `at`.
fn push_badge(out: &mut String, events: usize, at: (f64, f64)) {
    let width = badge_width(events);
    let _ = write!(
        out,
        "<g class=\"map-badge\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" rx=\"7\"/>\
         <text x=\"{}\" y=\"{}\" dy=\"0.35em\" text-anchor=\"middle\">{events}</text></g>",
        Px(at.0 - width / 2.0),
        Px(at.1 - 7.0),
        Px(width),
        Px(at.0),
        Px(at.1)
    );
}

/// What a place's mark says aloud: "Rajin, port, 12 trips, 3 events".
fn place_label(place: &Place, (trips, events): (usize, usize)) -> String {
    let mut words = vec![
        place.name.clone(),
        crate::text::lowercase(place_kind_text(place.kind)),
    ];
    if place.precision == PlacePrecision::Approximate {
        words.push(tr("approximate location").to_owned());
    }
    words.push(count_text(trips, "trip", "trips"));
    words.push(count_text(events, "event", "events"));
    words.join(", ")
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
