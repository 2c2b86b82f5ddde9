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
        let view = frame.bounds();
        Land::Drawn {
            land: trace(&lines.land, &frame.projection, view, true),
            borders: trace(&lines.borders, &frame.projection, view, false),
        }
    }
}

/// SVG path data for `lines` (closed rings when `closed`), leaving out those
/// wholly outside `view`. A line is drawn once more a full turn east or west
/// when that is where the map sees it (near the 180° meridian).
pub fn trace(
    lines: &[Vec<LonLat>],
    projection: &Projection,
    view: [f64; 4],
    closed: bool,
) -> String {
    const MARGIN: f64 = 1.0;
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
            let mut last: Option<(f64, f64)> = None;
            for (i, &(lon, lat)) in line.iter().enumerate() {
                let (x, y) = projection.at_unwrapped(east_of_center(lon) + turn, lat);
                let is_end = i + 1 == line.len();
                // Points closer than a pixel to the last one add nothing but bytes.
                if last
                    .is_some_and(|(lx, ly)| (x - lx).abs() < 0.8 && (y - ly).abs() < 0.8 && !is_end)
                {
                    continue;
                }
                let command = if last.is_none() { 'M' } else { 'L' };
                let _ = write!(d, "{command}{},{}", Px(x), Px(y));
                last = Some((x, y));
            }
            if closed {
                d.push('Z');
            }
        }
    }
    d
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
        let view = p.bounds(400.0, 400.0);
        let near = vec![(10.5, 50.5), (11.0, 50.5), (11.0, 51.0)];
        let far = vec![(-70.0, -30.0), (-69.0, -30.0), (-69.0, -29.0)];
        let d = trace(&[near, far], &p, view, true);
        assert_eq!(d.matches('M').count(), 1, "{d}");
        assert!(d.ends_with('Z'));
    }

    #[test]
    fn land_on_both_sides_of_the_180th_meridian_is_drawn_side_by_side() {
        // A map of the Bering Strait, centred near 180°.
        let p = Projection::fit(&[(175.0, 64.0), (-170.0, 66.0)], 600.0, 300.0, NONE).unwrap();
        let view = p.bounds(600.0, 300.0);
        let chukotka = vec![(178.0, 65.0), (179.0, 65.0), (179.0, 66.0)];
        let alaska = vec![(-172.0, 65.0), (-171.0, 65.0), (-171.0, 66.0)];
        let first_x = |ring: Vec<LonLat>| -> f64 {
            let d = trace(&[ring], &p, view, true);
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
