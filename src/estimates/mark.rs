//! One estimate's mark, its shape saying how the number was meant: a solid
//! point for an exact figure, a point with a halo for "about", an arrow up
//! from a floor for "at least" and "more than", a cap with a tick down for
//! "up to" and "at most", and a bar behind it for a low–high range.

use std::fmt::Write;

use leptos::ev::{Event, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use sealift_format::{Bound, Estimate};

use super::focus::{ChartFocus, focus_mark};
use super::geometry::Spot;
use super::labels::Area;
use super::words::mark_label;
use crate::components::markup::{
    self, contains, follow_marks, push_classes, push_disc, push_escaped, toggle_class,
};
use crate::components::palette::actor_series;
use crate::components::tab_index;
use crate::coordinates::{Px, outline_at};
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

/// What the reader's state does to one mark: hidden after the "as of"
/// date, standing out with its actor, its card open, or the one Tab reaches.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MarkLook {
    pub hidden: bool,
    pub standing: bool,
    pub active: bool,
    pub tab_stop: bool,
}

/// A panel's marks, each focusable and coloured by who made it, drawn as
/// one piece of markup (see [`crate::components::markup`]): a panel of a
/// large report has hundreds.
#[component]
pub fn EstimateMarks(
    report: SharedReport,
    /// The panel's estimates that have a spot, with it.
    marks: Vec<(Estimate, Spot)>,
    focus: ChartFocus,
) -> impl IntoView {
    let group = NodeRef::new();
    let estimates: Vec<Estimate> = marks.iter().map(|(e, _)| e.clone()).collect();
    let looks = move || focus.looks(&estimates);
    let drawn = untrack(&looks);
    let mut markup = String::new();
    for ((estimate, spot), look) in marks.iter().zip(&drawn) {
        push_mark(&mut markup, &report, estimate, *spot, *look);
    }
    follow_marks(group, drawn, looks, |_, mark, was, is| {
        toggle_class(mark, "is-hidden", was.hidden, is.hidden);
        toggle_class(mark, "is-standing", was.standing, is.standing);
        toggle_class(mark, "is-active", was.active, is.active);
        if was.tab_stop != is.tab_stop {
            let _ = mark.set_attribute("tabindex", &tab_index(is.tab_stop));
        }
    });
    view! { <g class="estimates-panel__marks" node_ref=group inner_html=markup /> }
}

/// One mark's markup: its date span, its range, its shape and the disc
/// that a pointer hits, where focus draws its ring.
fn push_mark(
    out: &mut String,
    report: &SharedReport,
    estimate: &Estimate,
    spot: Spot,
    look: MarkLook,
) {
    let bound = estimate.quantity.bound;
    let _ = write!(
        out,
        "<g class=\"estimate-mark estimate-mark--{} {}",
        bound.as_str(),
        actor_series(report, &estimate.actor)
    );
    push_classes(
        out,
        &[
            (look.hidden, "is-hidden"),
            (look.standing, "is-standing"),
            (look.active, "is-active"),
        ],
    );
    out.push_str("\" data-estimate=\"");
    push_escaped(out, &estimate.id);
    out.push_str("\" role=\"button\" aria-label=\"");
    push_escaped(out, &mark_label(report, estimate));
    let _ = write!(out, "\" tabindex=\"{}\">", tab_index(look.tab_stop));
    // The month or year a date stated no closer covers: a thin line through the mark.
    if let Some((start, end)) = spot.span {
        let y = Px(spot.y);
        let _ = write!(
            out,
            "<line class=\"estimate-mark__when\" x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>",
            Px(start),
            Px(end)
        );
    }
    // The low–high range as a bar behind the mark.
    if spot.low.is_some() || spot.high.is_some() {
        let (top, bottom) = (spot.high.unwrap_or(spot.y), spot.low.unwrap_or(spot.y));
        let x = Px(spot.x);
        let _ = write!(
            out,
            "<line class=\"estimate-mark__range\" x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\"/>",
            Px(top),
            Px(bottom)
        );
    }
    push_shape(out, bound, (spot.x, spot.y));
    push_disc(
        out,
        "estimate-mark__hit",
        (spot.x, spot.y + ring_centre(bound)),
    );
    out.push_str("</g>");
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
    markup::mark_of(target, "data-estimate")
}

/// Forgets `id` in `signal` if it is still the one there.
fn clear_if(signal: RwSignal<Option<String>>, id: &str) {
    if signal.with_untracked(|s| s.as_deref() == Some(id)) {
        signal.set(None);
    }
}

/// The ring around a mark that has the keyboard's focus or its card open:
/// a marker at the start of the mark's disc, drawn only where
/// estimates.css names it (`marker-start`), in units of the disc's width.
/// One ring serves every mark; each mark had a circle of its own, which
/// the browser styled and laid out even while it was not shown.
pub const FOCUS_RING: &str = "<marker id=\"estimates-focus-ring\" markerWidth=\"1\" \
     markerHeight=\"1\" overflow=\"visible\"><circle class=\"estimate-mark__focus\" r=\"0.5\"/></marker>";

/// The height, relative to the spot, of the disc a pointer hits and the focus ring circles.
fn ring_centre(bound: Bound) -> f64 {
    if bound.is_lower_bound() {
        -ARROW / 2.0
    } else if bound.is_upper_bound() {
        TICK / 2.0 - 2.0
    } else {
        0.0
    }
}

/// The shape for a bound, drawn around the spot `at` (placed, not
/// transformed: see [`crate::coordinates`]).
pub fn push_shape(out: &mut String, bound: Bound, at: (f64, f64)) {
    let (x, y) = (Px(at.0), Px(at.1));
    let _ = match bound {
        Bound::Exact => write!(
            out,
            "<circle class=\"estimate-mark__point\" cx=\"{x}\" cy=\"{y}\" r=\"4.5\"/>"
        ),
        Bound::About => write!(
            out,
            "<circle class=\"estimate-mark__halo\" cx=\"{x}\" cy=\"{y}\" r=\"9\"/>\
             <circle class=\"estimate-mark__point\" cx=\"{x}\" cy=\"{y}\" r=\"4\"/>"
        ),
        // The floor, then the stem and its arrowhead as one path.
        Bound::AtLeast | Bound::MoreThan => write!(
            out,
            "<line class=\"estimate-mark__floor\" x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>\
             <path class=\"estimate-mark__arrow\" d=\"{}\"/>",
            Px(at.0 - 6.0),
            Px(at.0 + 6.0),
            outline_at(at, &format!("v{}m-4.5,5.5l4.5,-5.5l4.5,5.5", Px(-ARROW)))
        ),
        Bound::UpTo | Bound::AtMost => write!(
            out,
            "<line class=\"estimate-mark__cap\" x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>\
             <line class=\"estimate-mark__tick\" x1=\"{x}\" x2=\"{x}\" y1=\"{y}\" y2=\"{}\"/>",
            Px(at.0 - 7.0),
            Px(at.0 + 7.0),
            Px(at.1 + TICK)
        ),
    };
}
