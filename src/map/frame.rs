//! The parts of the map that stay put while the reader filters: its size, the
//! projection, where each place sits and where its name goes. Only a change
//! of width lays them out again, so names do not jump about as dates change.

use sealift_format::{EventLocation, Report};

use super::activity::{badge_floor, is_badged};
use super::basemap::LonLat;
use super::labels::{Label, Rect, Wanted, place_labels, text_width};
use super::occupied::Taken;
use super::projection::{Padding, Projection};
use super::scale_bar::ScaleBarSize;
use super::symbols::SYMBOL_RADIUS;
use crate::math;

/// The width used until the map has measured its container.
pub const FIRST_WIDTH: f64 = 720.0;

/// The longest the scale bar may be, in pixels.
const SCALE_BAR_MAX: f64 = 120.0;

/// The credit in the map's corner.
pub const ATTRIBUTION: &str = "Basemap: Natural Earth";

#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub projection: Projection,
    /// Each place's projected position, in the report's order of places.
    pub positions: Vec<(f64, f64)>,
    /// Where each place's symbol is drawn: its position, unless it had to be
    /// nudged off a neighbour a few hundred metres away (then a thin tie
    /// joins the symbol to the true position).
    pub spots: Vec<(f64, f64)>,
    /// Where each place's event count is centred, from its symbol: a corner
    /// that covers no neighbour.
    pub badges: Vec<(f64, f64)>,
    /// Each place's name, where it fits.
    pub labels: Vec<Option<Label>>,
    pub scale_bar: Option<ScaleBarSize>,
}

impl Frame {
    /// The map `width` pixels wide: its height, projection and places'
    /// positions, with every symbol at its position and no names or badges
    /// placed yet (the costly part on large reports), or `None` when there
    /// is nothing with a position to draw. Drawn before the map has measured
    /// its width, when nothing on it is shown.
    pub fn outline(report: &Report, width: f64) -> Option<Frame> {
        let width = math::clamp(width, 280.0, 2400.0);
        let points = fitted_points(report);
        let aspect = Projection::aspect_of(&points)?;
        // Room for names around the edge places, and more at the bottom for the scale bar.
        let pad = Padding {
            x: math::clamp(width * 0.1, 28.0, 110.0),
            top: 40.0,
            bottom: 64.0,
        };
        let ideal = (width - 2.0 * pad.x) / aspect + pad.top + pad.bottom;
        let shortest = math::clamp(width * 0.5, 280.0, 420.0);
        let height = math::clamp(ideal, shortest, (width * 1.1).min(600.0)).round();
        let projection = Projection::fit(&points, width, height, pad)?;
        let positions: Vec<(f64, f64)> = report
            .places
            .iter()
            .map(|p| projection.at((p.lon, p.lat)))
            .collect();
        let scale_bar = ScaleBarSize::fitting(projection.km_per_pixel(), SCALE_BAR_MAX);
        Some(Frame {
            width,
            height,
            projection,
            spots: positions.clone(),
            badges: vec![(0.0, 0.0); positions.len()],
            labels: vec![None; positions.len()],
            positions,
            scale_bar,
        })
    }

    /// Lays out `report`'s places on a map `width` pixels wide: symbols
    /// nudged off their neighbours, event badges and names placed where
    /// they cover nothing; or `None` when there is nothing to draw.
    pub fn new(report: &Report, width: f64) -> Option<Frame> {
        let Frame {
            width,
            height,
            projection,
            positions,
            scale_bar,
            ..
        } = Frame::outline(report, width)?;
        let spots = spread(&positions, 2.0 * SYMBOL_RADIUS + 4.0);

        let mut obstacles: Vec<Rect> = spots
            .iter()
            .map(|&s| Rect::around(s, SYMBOL_RADIUS + 1.0))
            .collect();
        let counts = per_place(report, Count::Events);
        let area = Rect {
            left: 0.0,
            top: 0.0,
            right: width,
            bottom: height,
        };
        // Room for the badges drawn with every trip and event shown.
        let floor = badge_floor(counts.iter().copied());
        let badges = place_badges(&spots, &counts, floor, &obstacles, &area);
        for ((&spot, &offset), &count) in spots.iter().zip(&badges).zip(&counts) {
            if is_badged(count, floor) {
                obstacles.push(badge_rect((spot.0 + offset.0, spot.1 + offset.1), count));
            }
        }
        obstacles.extend(at_sea(report).map(|p| Rect::around(projection.at(p), 5.0)));
        obstacles.push(Rect {
            left: 0.0,
            top: height - 36.0,
            right: 20.0 + SCALE_BAR_MAX,
            bottom: height,
        });
        let credit = text_width(crate::i18n::tr(ATTRIBUTION)) * 11.0 / super::labels::FONT_SIZE;
        obstacles.push(Rect {
            left: width - credit - 16.0,
            top: height - 22.0,
            right: width,
            bottom: height,
        });

        // Busiest places choose their spot first.
        let mut order: Vec<usize> = (0..report.places.len()).collect();
        let mentions = per_place(report, Count::TripsAndEvents);
        crate::order::sort_by_key(&mut order, |&i| {
            std::cmp::Reverse(mentions.get(i).copied().unwrap_or(0))
        });
        let wanted: Vec<Wanted> = order
            .iter()
            .map(|&i| Wanted {
                text: &report.places[i].name,
                at: spots[i],
                radius: SYMBOL_RADIUS,
            })
            .collect();
        let bounds = Rect {
            left: 4.0,
            top: 4.0,
            right: width - 4.0,
            bottom: height - 4.0,
        };
        let placed = place_labels(&wanted, &obstacles, bounds);
        let mut labels = vec![None; report.places.len()];
        for (&i, label) in order.iter().zip(placed) {
            labels[i] = label;
        }
        Some(Frame {
            width,
            height,
            projection,
            positions,
            spots,
            badges,
            labels,
            scale_bar,
        })
    }

    /// West, south, east and north of what the map shows.
    pub fn bounds(&self) -> [f64; 4] {
        self.projection.bounds(self.width, self.height)
    }
}

/// Pushes apart points closer than `gap`, a little at a time, so that
/// symbols of neighbouring places do not cover each other.
///
/// Each round looks at neighbours only: points sorted from west to east, a
/// point is compared with those less than `gap` further east (a report with
/// a thousand places would otherwise make a million comparisons a round).
fn spread(points: &[(f64, f64)], gap: f64) -> Vec<(f64, f64)> {
    let mut spots = points.to_vec();
    let near = gap - 0.01;
    let mut order: Vec<usize> = (0..spots.len()).collect();
    for _ in 0..40 {
        let mut moved = false;
        crate::order::sort_by(&mut order, |a, b| spots[*a].0.total_cmp(&spots[*b].0));
        for (k, &a) in order.iter().enumerate() {
            for &b in order.iter().skip(k + 1) {
                if spots[b].0 - spots[a].0 >= gap {
                    break;
                }
                // Earlier index first, as a pair is always taken.
                let (i, j) = (a.min(b), a.max(b));
                let (dx, dy) = (spots[j].0 - spots[i].0, spots[j].1 - spots[i].1);
                if dx * dx + dy * dy >= near * near {
                    continue;
                }
                let apart = math::hypot(dx, dy);
                // Places in the very same spot fan out in different directions.
                let (ux, uy) = if apart > 0.01 {
                    (dx / apart, dy / apart)
                } else {
                    (math::sin(j as f64 * 2.4), math::cos(j as f64 * 2.4))
                };
                let push = (gap - apart) / 2.0;
                spots[i] = (spots[i].0 - ux * push, spots[i].1 - uy * push);
                spots[j] = (spots[j].0 + ux * push, spots[j].1 + uy * push);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    spots
}

/// Each badge's centre, from its symbol: above right unless that covers
/// another symbol or badge, then above left, below right, below left. Only
/// the badges of places with at least `floor` events are in others' way.
fn place_badges(
    spots: &[(f64, f64)],
    counts: &[usize],
    floor: usize,
    symbols: &[Rect],
    area: &Rect,
) -> Vec<(f64, f64)> {
    // Symbols first, numbered as the places are; each badge joins them once placed.
    let mut taken = Taken::over(area);
    taken.extend(symbols.iter().copied());
    spots
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (&(x, y), &count))| {
            let half = badge_width(count) / 2.0;
            let (across, up) = (SYMBOL_RADIUS + 1.0 + half, SYMBOL_RADIUS + 6.0);
            let corners = [(across, -up), (-across, -up), (across, up), (-across, up)];
            let free = |&(dx, dy): &(f64, f64)| {
                !taken.covers(&badge_rect((x + dx, y + dy), count), Some(i))
            };
            let corner = corners.iter().copied().find(free).unwrap_or(corners[0]);
            if is_badged(count, floor) {
                taken.add(badge_rect((x + corner.0, y + corner.1), count));
            }
            corner
        })
        .collect()
}

/// The box of a count badge centred on `centre`.
pub fn badge_rect(centre: (f64, f64), count: usize) -> Rect {
    let half = badge_width(count) / 2.0;
    Rect {
        left: centre.0 - half,
        top: centre.1 - 7.0,
        right: centre.0 + half,
        bottom: centre.1 + 7.0,
    }
}

/// A badge's width: room for its digits.
pub fn badge_width(count: usize) -> f64 {
    8.0 + 6.5 * count.to_string().len() as f64
}

/// Every position the map must show: places and events at sea.
fn fitted_points(report: &Report) -> Vec<LonLat> {
    report
        .places
        .iter()
        .map(|p| (p.lon, p.lat))
        .chain(at_sea(report))
        .collect()
}

fn at_sea(report: &Report) -> impl Iterator<Item = LonLat> + '_ {
    report.events.iter().filter_map(|e| match e.location {
        EventLocation::Position { lat, lon, .. } => Some((lon, lat)),
        EventLocation::Place(_) => None,
    })
}

/// What [`per_place`] counts.
#[derive(Clone, Copy, PartialEq)]
enum Count {
    /// Events at the place: its badge.
    Events,
    /// Trips from or to it, and events at it: its name's priority.
    TripsAndEvents,
}

/// A count for each place, in report order, made in one pass over the report.
fn per_place(report: &Report, count: Count) -> Vec<usize> {
    let mut counts = vec![0; report.places.len()];
    let mut add = |id: &str| {
        if let Some(n) = report.place_position(id).and_then(|i| counts.get_mut(i)) {
            *n += 1;
        }
    };
    if count == Count::TripsAndEvents {
        for trip in &report.trips {
            add(&trip.from);
            if trip.to != trip.from {
                add(&trip.to);
            }
        }
    }
    for event in &report.events {
        if let EventLocation::Place(place) = &event.location {
            add(place);
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn neighbours_are_spread_apart_and_others_stay_put() {
        let points = [
            (100.0, 100.0),
            (104.0, 101.0),
            (104.0, 101.0),
            (300.0, 200.0),
        ];
        let spots = spread(&points, 16.0);
        for i in 0..3 {
            for j in i + 1..3 {
                let apart = math::hypot(spots[i].0 - spots[j].0, spots[i].1 - spots[j].1);
                assert!(apart >= 15.0, "{i} and {j} are {apart} apart");
            }
        }
        assert_eq!(spots[3], points[3]);
        assert!(
            spots
                .iter()
                .take(3)
                .all(|s| (s.0 - 102.0).abs() < 20.0 && (s.1 - 100.0).abs() < 20.0),
            "{spots:?}"
        );
    }
}
