//! Routes: every shown trip between two places, drawn as one curved line.
//!
//! A route bends to the right of its direction of travel, so the way out and
//! the way back stay apart, and ends in an arrowhead. It is heavier the more
//! trips it carries and takes a vessel's colour when one vessel made most of
//! them (grey otherwise). Its line style gives its best certainty: solid when
//! any trip on it is confirmed, dashed when reported or inferred, dotted when
//! only disputed.

use std::fmt::Write;

use leptos::prelude::*;
use sealift_format::Certainty;

use wasm_bindgen::JsCast;

use super::MapParts;
use super::activity::{Activity, Route};
use super::inspect::{Target, forward};
use crate::components::details::vessel_name;
use crate::components::palette::vessel_series;
use crate::components::tab_index;
use crate::coordinates::{Px, px};
use crate::math;
use crate::text::count_text;

/// A route's stroke width for its number of trips: grows with the square
/// root, so that ten trips do not drown the map.
pub fn route_width(trips: usize) -> f64 {
    (1.0 + 1.25 * (trips as f64).sqrt()).min(9.0)
}

/// A route's line, as SVG path data, and its arrowhead.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteShape {
    pub line: String,
    pub arrow: Option<Arrowhead>,
}

/// An arrowhead's three corners, its tip first. Kept as points and written
/// out only where it is drawn: the light routes' grey line has none, and
/// writing thousands of them took a tenth of a large map's first draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arrowhead([(f64, f64); 3]);

impl Arrowhead {
    /// Appends the arrowhead as SVG path data.
    pub fn push_path(&self, out: &mut String) {
        let [tip, left, right] = self.0;
        let _ = write!(
            out,
            "M{},{}L{},{}L{},{}Z",
            Px(tip.0),
            Px(tip.1),
            Px(left.0),
            Px(left.1),
            Px(right.0),
            Px(right.1)
        );
    }

    /// The arrowhead as SVG path data.
    pub fn path(&self) -> String {
        let mut out = String::new();
        self.push_path(&mut out);
        out
    }
}

/// The curve from `from` to `to`, stopping `inset` pixels short of each
/// symbol, with an arrowhead sized for a line `width` pixels wide.
pub fn route_shape(from: (f64, f64), to: (f64, f64), width: f64, inset: f64) -> RouteShape {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = math::hypot(dx, dy);
    if length < 1.0 {
        // A trip back to where it began: a small loop above the place.
        let (x, y) = from;
        let line = format!(
            "M{},{}C{},{} {},{} {},{}",
            Px(x - 3.0),
            Px(y - inset),
            Px(x - 16.0),
            Px(y - 36.0),
            Px(x + 16.0),
            Px(y - 36.0),
            Px(x + 3.0),
            Px(y - inset)
        );
        return RouteShape { line, arrow: None };
    }
    let bend = (length * 0.22).min(70.0);
    let control = (
        (from.0 + to.0) / 2.0 - dy / length * bend,
        (from.1 + to.1) / 2.0 + dx / length * bend,
    );
    // The quadratic curve's point at `t`, and its control point between `a` and `b` ("blossom").
    let at = |t: f64| blossom(from, control, to, t, t);
    let start = (inset / length).min(0.45);
    let tip = 1.0 - start;
    let arrow_length = 6.0 + width * 1.5;
    let base = tip - arrow_length / length;
    let (end, arrow) = if base > start + 0.1 {
        let (b, t) = (at(base), at(tip));
        let (ux, uy) = ((t.0 - b.0) / arrow_length, (t.1 - b.1) / arrow_length);
        let half = 3.0 + width * 0.9;
        let arrow = Arrowhead([
            t,
            (b.0 - uy * half, b.1 + ux * half),
            (b.0 + uy * half, b.1 - ux * half),
        ]);
        (base + 0.02, Some(arrow))
    } else {
        (tip, None)
    };
    let (p0, c, p2) = (at(start), blossom(from, control, to, start, end), at(end));
    let line = format!(
        "M{},{}Q{},{} {},{}",
        Px(p0.0),
        Px(p0.1),
        Px(c.0),
        Px(c.1),
        Px(p2.0),
        Px(p2.1)
    );
    RouteShape { line, arrow }
}

/// The blossom of a quadratic Bézier curve: its point at `t` when `a == b == t`,
/// and the control point of its piece from `a` to `b` otherwise.
fn blossom(p0: (f64, f64), c: (f64, f64), p2: (f64, f64), a: f64, b: f64) -> (f64, f64) {
    let w0 = (1.0 - a) * (1.0 - b);
    let w1 = (1.0 - a) * b + a * (1.0 - b);
    let w2 = a * b;
    (
        w0 * p0.0 + w1 * c.0 + w2 * p2.0,
        w0 * p0.1 + w1 * c.1 + w2 * p2.1,
    )
}

/// Where a route starts and ends on the map, in pixels.
pub type RouteEnds = ((f64, f64), (f64, f64));

/// Which route takes the Tab key (a roving tabindex): the one last focused
/// while it is shown, else the heaviest. Asked route by route, so that only
/// the routes whose answer changes redraw.
#[derive(Clone, Copy)]
pub struct RouteTabStop {
    focused: RwSignal<Option<String>>,
    stop: StoredValue<Selector<Option<String>>>,
}

impl RouteTabStop {
    pub fn new(activity: Memo<Activity>) -> Self {
        let focused = RwSignal::new(None::<String>);
        let stop = Selector::new(move || {
            let focused = focused.get();
            activity.with(|a| {
                focused
                    .filter(|key| a.routes.iter().any(|r| r.has_key(key)))
                    .or_else(|| a.routes.first().map(Route::key))
            })
        });
        Self {
            focused,
            stop: StoredValue::new(stop),
        }
    }

    fn is_stop(&self, key: &str) -> bool {
        self.stop
            .with_value(|stop| stop.selected(&Some(key.to_owned())))
    }
}

/// The route drawn before or after `route` (wrapping around), for the arrow
/// keys: the routes' order on the page is their order on the map.
fn neighbour(route: &web_sys::Element, key: &str) -> Option<web_sys::Element> {
    let forward = forward(key)?;
    let group = route.parent_element()?;
    let next = if forward {
        route
            .next_element_sibling()
            .or_else(|| group.first_element_child())
    } else {
        route
            .previous_element_sibling()
            .or_else(|| group.last_element_child())
    };
    next.filter(|n| n.has_attribute("data-route"))
}

/// One route, focusable and clickable: a click (or Enter) selects its vessel.
#[component]
pub fn RouteMark(parts: MapParts, route: Route, ends: RouteEnds) -> impl IntoView {
    let MapParts {
        report,
        state,
        choice,
        inspector,
        route_stop,
        ..
    } = parts;
    let shape = route_shape(
        ends.0,
        ends.1,
        route_width(route.trips.len()),
        super::SYMBOL_RADIUS + 3.0,
    );
    let key = route.key();
    let target = Target::Route(key.clone());
    let vessels = route.vessels(&report);
    let dominant = route.dominant_vessel(&report);
    let on_route: Vec<String> = vessels.iter().map(|(v, _)| v.clone()).collect();
    let width = route_width(route.trips.len());
    let style = match route.certainty(&report) {
        Certainty::Confirmed => "",
        Certainty::Reported | Certainty::Inferred => " map-route--dashed",
        Certainty::Disputed => " map-route--disputed",
    };
    let label = {
        let who: Vec<String> = vessels
            .iter()
            .map(|(v, n)| format!("{} {n}", vessel_name(&report, v)))
            .collect();
        format!(
            "{}: {} ({})",
            route.name(&report),
            count_text(route.trips.len(), "trip", "trips"),
            who.join(", ")
        )
    };

    let class = {
        let (report, on_route, target) = (report.clone(), on_route.clone(), target.clone());
        move || {
            // Asked vessel by vessel, so a route redraws only when its own
            // answer changes. The routes that step back while a vessel is
            // chosen are all the others: the route group's class does that
            // (map.css), not thousands of routes each.
            let chosen = on_route
                .iter()
                .find(|v| choice.is_chosen(Some(v.as_str())))
                .cloned();
            let carries_selected = chosen.is_some();
            let colour = chosen.or_else(|| dominant.clone());
            let mut class = String::from("map-route ");
            match colour {
                Some(vessel) => class.push_str(&vessel_series(&report, &vessel)),
                None => class.push_str("map-route--mixed"),
            }
            class.push_str(style);
            if carries_selected {
                class.push_str(" map-route--selected");
            }
            if inspector.is_shown(&target) {
                class.push_str(" map-route--shown");
            }
            class
        }
    };
    // Selecting again clears the selection, like everywhere else.
    let choose_vessel = {
        let on_route = on_route.clone();
        move || {
            state.update(|s| match &s.vessel {
                Some(v) if on_route.contains(v) => s.vessel = None,
                _ => s.vessel = on_route.first().cloned(),
            })
        }
    };
    let on_key = {
        let (target, choose_vessel) = (target.clone(), choose_vessel.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            let key = ev.key();
            if key == "Enter" || key == " " {
                ev.prevent_default();
                choose_vessel();
                inspector.pin(target.clone());
            } else if let Some(next) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|here| neighbour(&here, &key))
            {
                ev.prevent_default();
                if let Some(next_key) = next.get_attribute("data-route") {
                    route_stop.focused.set(Some(next_key));
                }
                if let Ok(next) = next.dyn_into::<web_sys::SvgElement>() {
                    let _ = next.focus();
                }
            }
        }
    };
    view! {
        <g
            class=class
            data-route=key.clone()
            data-vessels=on_route.join(" ")
            data-trips=route.trips.len()
            role="button"
            aria-label=label
            tabindex={
                let key = key.clone();
                move || tab_index(route_stop.is_stop(&key))
            }
            {..inspector.handlers(target, move || route_stop.focused.set(Some(key.clone())), choose_vessel)}
            on:keydown=on_key
        >
            <path class="map-route__hit" d=shape.line.clone() />
            <path class="map-route__line" d=shape.line stroke-width={px(width)} />
            {shape.arrow.map(|a| view! { <path class="map-route__arrow" d=a.path() /> })}
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn more_trips_make_a_heavier_line() {
        assert!(route_width(1) < route_width(2));
        assert!(route_width(2) < route_width(9));
        assert!(route_width(1000) <= 9.0);
    }

    #[test]
    fn the_way_back_bends_the_other_way() {
        let there = route_shape((0.0, 0.0), (100.0, 0.0), 2.0, 8.0);
        let back = route_shape((100.0, 0.0), (0.0, 0.0), 2.0, 8.0);
        let control_y = |d: &str| -> f64 {
            let after_q = d.split('Q').nth(1).unwrap();
            after_q.split([',', ' ']).nth(1).unwrap().parse().unwrap()
        };
        assert!(
            control_y(&there.line) > 0.0,
            "eastwards bends south (right): {}",
            there.line
        );
        assert!(
            control_y(&back.line) < 0.0,
            "westwards bends north: {}",
            back.line
        );
        assert!(there.arrow.is_some());
        assert!(
            route_shape((0.0, 0.0), (10.0, 0.0), 2.0, 8.0)
                .arrow
                .is_none(),
            "too short for an arrow"
        );
        assert!(
            route_shape((5.0, 5.0), (5.0, 5.0), 2.0, 8.0)
                .line
                .contains('C'),
            "a loop"
        );
    }
}
