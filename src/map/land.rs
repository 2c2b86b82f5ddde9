//! Drawing the basemap: land as one filled path, borders as thin lines, and
//! the credit (or, when the basemap could not be had, a word saying so).

use std::fmt::Write;

use leptos::prelude::*;

use super::basemap::{Lines, LonLat};
use super::frame::{ATTRIBUTION, Frame};
use super::projection::{Projection, wrap};
use crate::coordinates::{Px, px};
use crate::i18n::tr;

/// The basemap as the map draws it.
#[derive(Debug, Clone, PartialEq)]
pub enum Land {
    /// Still on its way: the map shows a plain sea for a moment.
    Loading,
    /// SVG path data for the land and the borders.
    Drawn { land: String, borders: String },
    /// Missing or broken: the map goes on without it.
    Unavailable,
}

impl Land {
    /// A layer's lines traced for `frame`.
    pub fn trace(lines: &Lines, frame: &Frame) -> Land {
        let size = (frame.width, frame.height);
        Land::Drawn {
            land: trace(&lines.land, &frame.projection, size, true),
            borders: trace(&lines.borders, &frame.projection, size, false),
        }
    }
}

/// How far past the map's edges land is drawn, in pixels: where a ring is
/// cut, its outline runs along this line, outside what the map shows.
const CUT_MARGIN: f64 = 4.0;

/// SVG path data for `lines` (closed rings when `closed`) on a map of
/// `size` pixels, leaving out those wholly outside it. Rings are cut at a
/// few pixels past its edges: a region's basemap has a continent or two as
/// single rings, and drawn whole they were two thirds of the map's markup.
/// A line is drawn once more a full turn east or west when that is where the
/// map sees it (near the 180° meridian).
pub fn trace(
    lines: &[Vec<LonLat>],
    projection: &Projection,
    (width, height): (f64, f64),
    closed: bool,
) -> String {
    const MARGIN: f64 = 1.0;
    let view = projection.bounds(width, height);
    let cut = [
        -CUT_MARGIN,
        -CUT_MARGIN,
        width + CUT_MARGIN,
        height + CUT_MARGIN,
    ];
    let center = projection.center_lon();
    let (west, east) = (view[0] - center, view[2] - center);
    let mut d = String::new();
    for line in lines {
        let Some(&(first_lon, _)) = line.first() else {
            continue;
        };
        // Degrees east of the map's middle, continuing past ±180 rather than jumping.
        let start = wrap(first_lon - center);
        let east_of_center = |lon: f64| start + (lon - first_lon);
        let (mut low, mut high, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for &(lon, lat) in line {
            let x = east_of_center(lon);
            (low, high) = (low.min(x), high.max(x));
            (south, north) = (south.min(lat), north.max(lat));
        }
        if north < view[1] - MARGIN || south > view[3] + MARGIN {
            continue;
        }
        for turn in [-360.0, 0.0, 360.0] {
            if high + turn < west - MARGIN || low + turn > east + MARGIN {
                continue;
            }
            let points: Vec<(f64, f64)> = line
                .iter()
                .map(|&(lon, lat)| projection.at_unwrapped(east_of_center(lon) + turn, lat))
                .collect();
            let points = if closed {
                cut_ring(points, cut)
            } else {
                points
            };
            write_line(&mut d, &points, closed);
        }
    }
    d
}

/// Appends `points` to the path data `d`, as a closed ring when `closed`.
fn write_line(d: &mut String, points: &[(f64, f64)], closed: bool) {
    let mut last: Option<(f64, f64)> = None;
    for (i, &(x, y)) in points.iter().enumerate() {
        let is_end = i + 1 == points.len();
        // Points closer than a pixel to the last one add nothing but bytes.
        if last.is_some_and(|(lx, ly)| (x - lx).abs() < 0.8 && (y - ly).abs() < 0.8 && !is_end) {
            continue;
        }
        let command = if last.is_none() { 'M' } else { 'L' };
        let _ = write!(d, "{command}{},{}", Px(x), Px(y));
        last = Some((x, y));
    }
    if closed && last.is_some() {
        d.push('Z');
    }
}

/// The part of a closed ring inside `rect` (left, top, right, bottom), as a
/// closed ring: each of its sides in turn cuts the ring, which then runs
/// along it (Sutherland and Hodgman's way). A ring that crosses out and
/// back in keeps a seam along the side, outside the map with
/// [`CUT_MARGIN`].
fn cut_ring(ring: Vec<(f64, f64)>, rect: [f64; 4]) -> Vec<(f64, f64)> {
    let mut out = ring;
    for side in 0..4 {
        // The side's line: x (0) or y (1) at `at`, with the inside below
        // it (`below`) or above it.
        let (axis, at, below) = match side {
            0 => (0, rect[0], false),
            1 => (1, rect[1], false),
            2 => (0, rect[2], true),
            _ => (1, rect[3], true),
        };
        let coordinate = |p: (f64, f64)| if axis == 0 { p.0 } else { p.1 };
        let inside = |p: (f64, f64)| (coordinate(p) <= at) == below || coordinate(p) == at;
        let crossing = |a: (f64, f64), b: (f64, f64)| {
            let t = (at - coordinate(a)) / (coordinate(b) - coordinate(a));
            let along = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
            if axis == 0 {
                (at, along.1)
            } else {
                (along.0, at)
            }
        };
        let ring = std::mem::take(&mut out);
        let Some(&last) = ring.last() else {
            break;
        };
        let mut previous = last;
        for &point in &ring {
            match (inside(previous), inside(point)) {
                (true, true) => out.push(point),
                (true, false) => out.push(crossing(previous, point)),
                (false, true) => {
                    out.push(crossing(previous, point));
                    out.push(point);
                }
                (false, false) => {}
            }
            previous = point;
        }
    }
    out
}

/// The land, the borders and the corner credit.
#[component]
pub fn LandLayer(land: Memo<Land>, frame: Memo<Frame>) -> impl IntoView {
    let credit = move || match land.get() {
        Land::Unavailable => tr("Basemap unavailable"),
        _ => tr(ATTRIBUTION),
    };
    view! {
        {move || match land.get() {
            Land::Drawn { land, borders } => Some(view! {
                <path class="map-land" d=land fill-rule="evenodd" />
                <path class="map-borders" d=borders />
            }),
            _ => None,
        }}
        <text
            class="map-credit"
            class:map-credit--missing=move || land.get() == Land::Unavailable
            x=move || frame.with(|f| px(f.width - 8.0))
            y=move || frame.with(|f| px(f.height - 8.0))
            text-anchor="end"
        >
            {credit}
        </text>
    }
}

#[cfg(test)]
mod tests {
    use super::super::projection::Padding;
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const NONE: Padding = Padding {
        x: 0.0,
        top: 0.0,
        bottom: 0.0,
    };

    #[test]
    fn rings_outside_the_view_are_left_out() {
        let p = Projection::fit(&[(10.0, 50.0), (12.0, 52.0)], 400.0, 400.0, NONE).unwrap();
        let near = vec![(10.5, 50.5), (11.0, 50.5), (11.0, 51.0)];
        let far = vec![(-70.0, -30.0), (-69.0, -30.0), (-69.0, -29.0)];
        let d = trace(&[near, far], &p, (400.0, 400.0), true);
        assert_eq!(d.matches('M').count(), 1, "{d}");
        assert!(d.ends_with('Z'));
    }

    #[test]
    fn land_reaching_far_past_the_map_is_cut_just_outside_its_edges() {
        let p = Projection::fit(&[(10.0, 50.0), (12.0, 52.0)], 400.0, 300.0, NONE).unwrap();
        // A continent around the map, with a bay in the map's middle.
        let continent = vec![
            (-20.0, 30.0),
            (40.0, 30.0),
            (40.0, 70.0),
            (11.0, 70.0),
            (11.0, 51.0),
            (10.9, 70.0),
            (-20.0, 70.0),
        ];
        let d = trace(&[continent], &p, (400.0, 300.0), true);
        let numbers: Vec<f64> = d
            .split(['M', 'L', 'Z', ','])
            .filter_map(|n| n.parse().ok())
            .collect();
        assert!(numbers.len() >= 8, "{d}");
        let (xs, ys): (Vec<f64>, Vec<f64>) = (
            numbers.iter().step_by(2).copied().collect(),
            numbers.iter().skip(1).step_by(2).copied().collect(),
        );
        assert!(
            xs.iter()
                .all(|x| (-CUT_MARGIN..=400.0 + CUT_MARGIN).contains(x)),
            "{d}"
        );
        assert!(
            ys.iter()
                .all(|y| (-CUT_MARGIN..=300.0 + CUT_MARGIN).contains(y)),
            "{d}"
        );
        // The bay reaches into the map: its tip is drawn where it is.
        let (tip_x, tip_y) = p.at((11.0, 51.0));
        assert!(
            xs.iter()
                .zip(&ys)
                .any(|(x, y)| (x - tip_x).abs() < 0.1 && (y - tip_y).abs() < 0.1),
            "{d}"
        );
    }

    #[test]
    fn a_ring_wholly_around_the_map_is_its_edge() {
        let p = Projection::fit(&[(10.0, 50.0), (12.0, 52.0)], 400.0, 300.0, NONE).unwrap();
        let around = vec![(-20.0, 30.0), (40.0, 30.0), (40.0, 70.0), (-20.0, 70.0)];
        let d = trace(&[around], &p, (400.0, 300.0), true);
        assert_eq!(d.matches('L').count(), 3, "four corners: {d}");
    }

    #[test]
    fn land_on_both_sides_of_the_180th_meridian_is_drawn_side_by_side() {
        // A map of the Bering Strait, centred near 180°.
        let p = Projection::fit(&[(175.0, 64.0), (-170.0, 66.0)], 600.0, 300.0, NONE).unwrap();
        let chukotka = vec![(178.0, 65.0), (179.0, 65.0), (179.0, 66.0)];
        let alaska = vec![(-172.0, 65.0), (-171.0, 65.0), (-171.0, 66.0)];
        let first_x = |ring: Vec<LonLat>| -> f64 {
            let d = trace(&[ring], &p, (600.0, 300.0), true);
            d.trim_start_matches('M')
                .split(',')
                .next()
                .and_then(|x| x.parse().ok())
                .unwrap_or(f64::NAN)
        };
        let (west, east) = (first_x(chukotka), first_x(alaska));
        assert!(
            (0.0..=600.0).contains(&west) && (0.0..=600.0).contains(&east),
            "{west}, {east}"
        );
        assert!(west < east, "Chukotka is west of Alaska");
    }
}
