//! One estimate's mark, its shape saying how the number was meant: a solid
//! point for an exact figure, a point with a halo for "about", an arrow up
//! from a floor for "at least" and "more than", a cap with a tick down for
//! "up to" and "at most", and a bar behind it for a low–high range.

use leptos::ev::{Event, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use sealift_format::{Bound, Estimate};
use wasm_bindgen::JsCast;

use super::focus::{ChartFocus, focus_mark};
use super::geometry::Spot;
use super::labels::Area;
use super::words::mark_label;
use crate::components::palette::actor_series;
use crate::components::tab_index;
use crate::coordinates::{Px, outline_at, px};
use crate::data::SharedReport;

/// How far an arrow reaches above its floor, in pixels.
const ARROW: f64 = 17.0;
/// How far a cap's tick reaches below it.
const TICK: f64 = 8.0;

/// The box a mark covers, around its spot, so labels keep clear of it.
pub fn mark_area(bound: Bound, spot: Spot) -> Area {
    let (up, down) = if bound.is_lower_bound() {
        (ARROW + 1.0, 2.0)
    } else if bound.is_upper_bound() {
        (2.0, TICK + 1.0)
    } else {
        (9.0, 9.0)
    };
    let top = spot.high.map_or(spot.y - up, |h| h.min(spot.y - up));
    let bottom = spot.low.map_or(spot.y + down, |l| l.max(spot.y + down));
    Area {
        x0: spot.x - 8.0,
        y0: top,
        x1: spot.x + 8.0,
        y1: bottom,
    }
}

/// A focusable mark for one estimate, coloured by who made it.
#[component]
pub fn EstimateMark(
    report: SharedReport,
    estimate: Estimate,
    spot: Spot,
    focus: ChartFocus,
) -> impl IntoView {
    let id = estimate.id.clone();
    let bound = estimate.quantity.bound;
    let class = format!(
        "estimate-mark estimate-mark--{} {}",
        bound.as_str(),
        actor_series(&report, &estimate.actor)
    );
    let label = mark_label(&report, &estimate);
    let actor = estimate.actor.clone();
    let shown = move || focus.shows(&estimate);
    let standing = move || focus.stands_out(&actor);
    let is_tab_stop = {
        let id = id.clone();
        move || focus.is_tab_stop(&id)
    };
    let is_active = {
        let id = id.clone();
        move || focus.is_active(&id)
    };
    view! {
        <g
            class=class
            class:is-hidden=move || !shown()
            class:is-standing=standing
            class:is-active=is_active
            data-estimate=id
            role="button"
            aria-label=label
            tabindex=move || tab_index(is_tab_stop())
        >
            <DateSpan spot />
            <RangeBar spot />
            <Shape bound at=(spot.x, spot.y) />
            // The area a pointer can hit, and the ring focus draws.
            <circle class="estimate-mark__ring" cx={px(spot.x)} cy={px(spot.y + ring_centre(bound))} r="12" />
        </g>
    }
}

/// The marks' pointer and keyboard handlers, set once on their panel: a
/// panel of hundreds of marks had seven listeners on each.
#[derive(Clone, Copy)]
pub struct MarkEvents {
    focus: ChartFocus,
    /// Whether the focus about to arrive comes from a mouse press or a tap.
    pressed: StoredValue<bool>,
}

impl MarkEvents {
    pub fn new(focus: ChartFocus) -> Self {
        MarkEvents {
            focus,
            pressed: StoredValue::new(false),
        }
    }

    pub fn pointer_down(&self, event: &Event) {
        if mark_of(event.target()).is_some() {
            self.pressed.set_value(true);
        }
    }

    pub fn focus_in(&self, event: &Event) {
        if let Some((_, id)) = mark_of(event.target()) {
            self.focus.focus(&id, self.pressed.get_value());
            self.pressed.set_value(false);
        }
    }

    pub fn focus_out(&self, event: &Event) {
        if let Some((_, id)) = mark_of(event.target()) {
            clear_if(self.focus.focused, &id);
        }
    }

    /// The pointer came over a mark (from outside it).
    pub fn pointer_over(&self, event: &MouseEvent) {
        if let Some((mark, id)) = mark_of(event.target())
            && !contains(&mark, event.related_target())
        {
            self.focus.hovered.set(Some(id));
        }
    }

    /// The pointer left a mark (not just for a part of it).
    pub fn pointer_out(&self, event: &MouseEvent) {
        if let Some((mark, id)) = mark_of(event.target())
            && !contains(&mark, event.related_target())
        {
            clear_if(self.focus.hovered, &id);
        }
    }

    pub fn click(&self, event: &Event) {
        if let Some((_, id)) = mark_of(event.target()) {
            self.pressed.set_value(false);
            self.focus.toggle_pin(&id);
        }
    }

    /// Enter and Space pin the card; arrow keys, Home and End move between marks.
    pub fn key_down(&self, event: &KeyboardEvent) {
        let Some((mark, id)) = mark_of(event.target()) else {
            return;
        };
        match event.key().as_str() {
            "Enter" | " " => {
                event.prevent_default();
                self.focus.toggle_pin(&id);
            }
            key => {
                if let Some(target) = self.focus.target(&id, key) {
                    event.prevent_default();
                    focus_mark(&mark, &target);
                }
            }
        }
    }
}

/// The mark an event happened in, and its estimate's id.
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<(web_sys::Element, String)> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let mark = element.closest("[data-estimate]").ok()??;
    let id = mark.get_attribute("data-estimate")?;
    Some((mark, id))
}

/// Whether `other` is `mark` or inside it.
fn contains(mark: &web_sys::Element, other: Option<web_sys::EventTarget>) -> bool {
    other
        .and_then(|o| o.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|node| mark.contains(Some(&node)))
}

/// Forgets `id` in `signal` if it is still the one there.
fn clear_if(signal: RwSignal<Option<String>>, id: &str) {
    if signal.with_untracked(|s| s.as_deref() == Some(id)) {
        signal.set(None);
    }
}

/// The height, relative to the spot, that the focus ring circles.
fn ring_centre(bound: Bound) -> f64 {
    if bound.is_lower_bound() {
        -ARROW / 2.0
    } else if bound.is_upper_bound() {
        TICK / 2.0 - 2.0
    } else {
        0.0
    }
}

/// The month or year a date stated no closer covers: a thin line through the mark.
#[component]
fn DateSpan(spot: Spot) -> impl IntoView {
    spot.span.map(|(start, end)| {
        let y = px(spot.y);
        view! { <line class="estimate-mark__when" x1={px(start)} x2={px(end)} y1=y.clone() y2=y /> }
    })
}

/// The low–high range as a bar behind the mark, when the estimate gives one.
#[component]
fn RangeBar(spot: Spot) -> impl IntoView {
    (spot.low.is_some() || spot.high.is_some()).then(|| {
        let (top, bottom) = (spot.high.unwrap_or(spot.y), spot.low.unwrap_or(spot.y));
        let x = px(spot.x);
        view! { <line class="estimate-mark__range" x1=x.clone() x2=x y1={px(top)} y2={px(bottom)} /> }
    })
}

/// The shape for a bound, drawn around the spot `at` (placed, not
/// transformed: see [`crate::coordinates`]).
#[component]
pub fn Shape(bound: Bound, at: (f64, f64)) -> impl IntoView {
    let (x, y) = at;
    let (cx, cy) = (px(x), px(y));
    match bound {
        Bound::Exact => view! { <circle class="estimate-mark__point" cx=cx cy=cy r="4.5" /> }.into_any(),
        Bound::About => view! {
            <circle class="estimate-mark__halo" cx=cx.clone() cy=cy.clone() r="9" />
            <circle class="estimate-mark__point" cx=cx cy=cy r="4" />
        }
        .into_any(),
        Bound::AtLeast | Bound::MoreThan => view! {
            <line class="estimate-mark__floor" x1={px(x - 6.0)} x2={px(x + 6.0)} y1=cy.clone() y2=cy />
            // The stem and its arrowhead, one path.
            <path
                class="estimate-mark__arrow"
                d=outline_at(at, &format!("v{}m-4.5,5.5l4.5,-5.5l4.5,5.5", Px(-ARROW)))
            />
        }
        .into_any(),
        Bound::UpTo | Bound::AtMost => view! {
            <line class="estimate-mark__cap" x1={px(x - 7.0)} x2={px(x + 7.0)} y1=cy.clone() y2=cy.clone() />
            <line class="estimate-mark__tick" x1=cx.clone() x2=cx y1=cy y2={px(y + TICK)} />
        }
        .into_any(),
    }
}
