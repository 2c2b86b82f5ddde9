//! The parts of the map that stay put while the reader filters: its size, the
//! projection, where each place sits and where its name goes. Only a change
//! of width lays them out again, so names do not jump about as dates change.

use sealift_format::{EventLocation, Report};

use super::basemap::LonLat;
use super::labels::{Label, Rect, Wanted, place_labels, text_width};
use super::projection::Projection;
use super::scale_bar::ScaleBarSize;
use super::symbols::SYMBOL_RADIUS;

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
    /// Each place's symbol centre, in the report's order of places.
    pub spots: Vec<(f64, f64)>,
    /// Each place's name, where it fits.
    pub labels: Vec<Option<Label>>,
    pub scale_bar: Option<ScaleBarSize>,
}

impl Frame {
    /// Lays out `report`'s places on a map `width` pixels wide, or `None`
    /// when there is nothing with a position to draw.
    pub fn new(report: &Report, width: f64) -> Option<Frame> {
        let width = width.clamp(280.0, 2400.0);
        let points = fitted_points(report);
        let aspect = Projection::aspect_of(&points)?;
        let pad = ((width * 0.1).clamp(28.0, 110.0), 44.0);
        let ideal = (width - 2.0 * pad.0) / aspect + 2.0 * pad.1;
        let height = ideal.clamp((width * 0.5).clamp(280.0, 420.0), (width * 1.1).min(600.0)).round();
        let projection = Projection::fit(&points, width, height, pad)?;
        let spots: Vec<(f64, f64)> = report.places.iter().map(|p| projection.at((p.lon, p.lat))).collect();
        let scale_bar = ScaleBarSize::fitting(projection.km_per_pixel(), SCALE_BAR_MAX);

        let mut obstacles: Vec<Rect> = spots.iter().map(|&s| Rect::around(s, SYMBOL_RADIUS + 1.0)).collect();
        obstacles.extend(report.places.iter().zip(&spots).filter_map(|(place, &spot)| {
            let events = report.events.iter().filter(|e| matches!(&e.location, EventLocation::Place(id) if *id == place.id));
            let count = events.count();
            (count > 0).then(|| badge_rect(spot, count))
        }));
        obstacles.extend(at_sea(report).map(|p| Rect::around(projection.at(p), 5.0)));
        obstacles.push(Rect { left: 0.0, top: height - 36.0, right: 20.0 + SCALE_BAR_MAX, bottom: height });
        let credit = text_width(ATTRIBUTION) * 11.0 / super::labels::FONT_SIZE;
        obstacles.push(Rect { left: width - credit - 16.0, top: height - 22.0, right: width, bottom: height });

        // Busiest places choose their spot first.
        let mut order: Vec<usize> = (0..report.places.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(mentions(report, &report.places[i].id)));
        let wanted: Vec<Wanted> = order
            .iter()
            .map(|&i| Wanted { text: &report.places[i].name, at: spots[i], radius: SYMBOL_RADIUS })
            .collect();
        let bounds = Rect { left: 4.0, top: 4.0, right: width - 4.0, bottom: height - 4.0 };
        let placed = place_labels(&wanted, &obstacles, bounds);
        let mut labels = vec![None; report.places.len()];
        for (&i, label) in order.iter().zip(placed) {
            labels[i] = label;
        }
        Some(Frame { width, height, projection, spots, labels, scale_bar })
    }

    /// West, south, east and north of what the map shows.
    pub fn bounds(&self) -> [f64; 4] {
        self.projection.bounds(self.width, self.height)
    }
}

/// Where a place's event count sits: above and to the right of its symbol.
pub fn badge_at((x, y): (f64, f64)) -> (f64, f64) {
    (x + SYMBOL_RADIUS + 1.0, y - SYMBOL_RADIUS - 6.0)
}

/// The box a count badge covers.
pub fn badge_rect(spot: (f64, f64), count: usize) -> Rect {
    let (x, y) = badge_at(spot);
    let width = badge_width(count);
    Rect { left: x, top: y - 7.0, right: x + width, bottom: y + 7.0 }
}

/// A badge's width: room for its digits.
pub fn badge_width(count: usize) -> f64 {
    8.0 + 6.5 * count.to_string().len() as f64
}

/// Every position the map must show: places and events at sea.
fn fitted_points(report: &Report) -> Vec<LonLat> {
    report.places.iter().map(|p| (p.lon, p.lat)).chain(at_sea(report)).collect()
}

fn at_sea(report: &Report) -> impl Iterator<Item = LonLat> + '_ {
    report.events.iter().filter_map(|e| match e.location {
        EventLocation::Position { lat, lon, .. } => Some((lon, lat)),
        EventLocation::Place(_) => None,
    })
}

/// How often a place comes up in trips and events: its name's priority.
fn mentions(report: &Report, id: &str) -> usize {
    let trips = report.trips.iter().filter(|t| t.from == id || t.to == id).count();
    let events = report
        .events
        .iter()
        .filter(|e| matches!(&e.location, EventLocation::Place(p) if p == id))
        .count();
    trips + events
}
