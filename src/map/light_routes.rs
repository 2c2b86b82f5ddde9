//! The lighter routes of a crowded map, drawn together.
//!
//! A map with thousands of routes is a thicket: one button, arrowhead and
//! hover card per route would help no reader and cost seconds to draw. So
//! past [`ROUTES_APART`] routes, only the heaviest are drawn one by one
//! ([`RouteMark`](super::routes::RouteMark)); the lighter ones become a
//! single thin grey line underneath, the map's key says so, and choosing a
//! vessel draws its own light routes in its colour, with arrowheads. Every
//! trip is still listed in the timeline's table.

use leptos::prelude::*;

use super::MapParts;
use super::activity::Route;
use super::routes::{RouteShape, route_shape};
use crate::components::palette::vessel_series;

/// The most routes drawn one by one.
pub const ROUTES_APART: usize = 300;

/// How many of `routes` (heaviest first) are drawn one by one: all of them,
/// or, when there are more than [`ROUTES_APART`], those heavier than the
/// heaviest route that does not fit, so that routes of equal weight are
/// treated alike (a map of routes with one trip each draws them all light).
pub fn routes_apart(routes: &[Route]) -> usize {
    match routes.get(ROUTES_APART) {
        None => routes.len(),
        Some(first_left) => {
            let cut = first_left.trips.len();
            routes.iter().take_while(|r| r.trips.len() > cut).count()
        }
    }
}

/// The light routes: one grey line for all, and the chosen vessel's in its
/// colour. (Two parts, so that choosing a vessel leaves the grey line be.)
pub fn light_routes(parts: MapParts) -> impl IntoView {
    let MapParts {
        report,
        state,
        measured,
        ..
    } = parts.clone();
    let shapes = LightShapes::default();
    let all = {
        let parts = parts.clone();
        move || {
            if !measured.get() {
                return None;
            }
            let (lines, _) = light_paths(&parts, shapes, |_| true, false);
            (!lines.is_empty()).then(|| view! { <path class="map-light-routes__all" d=lines /> })
        }
    };
    let own = move || {
        if !measured.get() {
            return None;
        }
        let vessel = state.with(|s| s.vessel.clone())?;
        let carries = |route: &Route| {
            route
                .trips
                .iter()
                .filter_map(|&i| report.trips.get(i))
                .any(|trip| trip.vessel == vessel)
        };
        let (lines, arrows) = light_paths(&parts, shapes, carries, true);
        if lines.is_empty() {
            return None;
        }
        let class = format!(
            "map-route map-route--selected map-light-routes__own {}",
            vessel_series(&report, &vessel)
        );
        Some(view! {
            <g class=class>
                <path class="map-route__line" d=lines stroke-width="1.5" />
                <path class="map-route__arrow" d=arrows.unwrap_or_default() />
            </g>
        })
    };
    view! { {all} {own} }
}

/// The light routes' shapes, worked out once for the map's frame: the
/// reader's dates change which routes are drawn, not their shapes (10,000
/// shapes written out again took 7 ms of each step of the "as of" slider).
#[derive(Clone, Copy, Default)]
struct LightShapes {
    shapes: StoredValue<ShapesForFrame>,
}

/// The frame's size, and each route's shape by the first of its trips
/// drawn (any trip of a route names it).
type ShapesForFrame = ((f64, f64), Vec<Option<RouteShape>>);

/// Path data for the light routes that `keep` keeps: their lines, and
/// their arrowheads if `arrows` asks for them.
fn light_paths(
    parts: &MapParts,
    shapes: LightShapes,
    keep: impl Fn(&Route) -> bool,
    arrows: bool,
) -> (String, Option<String>) {
    let (mut lines, mut arrows) = (String::new(), arrows.then(String::new));
    parts.frame.with(|frame| {
        let spot = |id: &str| frame.spots.get(parts.report.place_position(id)?).copied();
        shapes.shapes.update_value(|(size, shapes)| {
            if *size != (frame.width, frame.height) {
                *size = (frame.width, frame.height);
                shapes.clear();
            }
            shapes.resize(parts.report.trips.len(), None);
            parts.activity.with(|a| {
                for route in a.routes[routes_apart(&a.routes)..]
                    .iter()
                    .filter(|r| keep(r))
                {
                    let Some(shape) = route.trips.first().and_then(|&t| shapes.get_mut(t)) else {
                        continue;
                    };
                    if shape.is_none() {
                        let (Some(from), Some(to)) = (spot(&route.from), spot(&route.to)) else {
                            continue;
                        };
                        *shape = Some(route_shape(from, to, 1.0, super::SYMBOL_RADIUS + 3.0));
                    }
                    if let Some(shape) = shape {
                        lines.push_str(&shape.line);
                        if let (Some(arrow), Some(arrows)) = (shape.arrow, arrows.as_mut()) {
                            arrow.push_path(arrows);
                        }
                    }
                }
            });
        });
    });
    (lines, arrows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn routes(trips: &[usize]) -> Vec<Route> {
        trips
            .iter()
            .enumerate()
            .map(|(i, &n)| Route {
                from: format!("a{i}"),
                to: format!("b{i}"),
                trips: (0..n).collect(),
            })
            .collect()
    }

    #[test]
    fn a_map_with_few_routes_draws_each_apart() {
        assert_eq!(routes_apart(&routes(&[5, 3, 1, 1])), 4);
        assert_eq!(routes_apart(&routes(&[1; ROUTES_APART])), ROUTES_APART);
    }

    #[test]
    fn past_the_limit_routes_of_the_same_weight_go_together() {
        let mut weights = vec![4, 4, 3];
        weights.extend([2; ROUTES_APART]);
        weights.extend([1; 50]);
        assert_eq!(
            routes_apart(&routes(&weights)),
            3,
            "every 2-trip route is light"
        );
        assert_eq!(routes_apart(&routes(&[1; ROUTES_APART + 1])), 0);
    }
}
