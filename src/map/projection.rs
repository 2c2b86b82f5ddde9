//! From longitude and latitude to the map's pixels.
//!
//! The projection is equirectangular with its x axis shrunk by the cosine of
//! the middle latitude (an "equidistant cylindrical" map with its standard
//! parallel through the middle of the view). Over the few hundred kilometres
//! a report usually covers it keeps shapes and distances close to true at
//! the centre, which is what the scale bar measures, and it needs no more
//! than a multiplication. Longitudes are measured from the middle of the
//! places, so a report that straddles the 180° meridian (Chukotka to Alaska)
//! is drawn as one piece rather than split across the map's two edges.

use super::basemap::LonLat;
use crate::math;

/// Kilometres in one degree of latitude (and of longitude at the equator).
pub const KM_PER_DEGREE: f64 = 111.2;

/// The smallest span of the map, in degrees of latitude: one place alone, or
/// places a few hundred metres apart, still get some land around them.
const MIN_SPAN: f64 = 1.2;

/// The highest latitude drawn: near the poles the cosine goes to zero.
const MAX_LAT: f64 = 85.0;

/// Room kept free around the fitted points, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Padding {
    /// Left and right.
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
}

/// A fitted projection onto a `width` × `height` pixel box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// The longitude at the horizontal middle of the fitted places.
    center_lon: f64,
    /// The latitude whose parallel keeps its true length.
    center_lat: f64,
    /// `cos(center_lat)`: how much a degree of longitude is shorter than one of latitude.
    x_squeeze: f64,
    /// Pixels per degree of latitude.
    scale: f64,
    /// The pixel position of (`center_lon`, `center_lat`).
    origin: (f64, f64),
}

/// What a set of points covers, measured from a chosen middle longitude.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Extent {
    center_lon: f64,
    /// Degrees of longitude covered, centred on `center_lon`.
    lon_span: f64,
    south: f64,
    north: f64,
}

impl Extent {
    /// The smallest longitude interval holding every point (it may cross the
    /// 180° meridian), and the latitudes, widened to [`MIN_SPAN`].
    fn of(points: &[LonLat]) -> Option<Self> {
        let points: Vec<LonLat> = points
            .iter()
            .copied()
            .filter(|(lon, lat)| lon.is_finite() && lat.is_finite())
            .collect();
        let mut lons: Vec<f64> = points.iter().map(|p| wrap(p.0)).collect();
        crate::order::sort_by(&mut lons, f64::total_cmp);
        let (first, last) = (*lons.first()?, *lons.last()?);
        // The interval is the circle minus its largest gap between neighbours.
        let mut gap = (first + 360.0 - last, last);
        for pair in lons.windows(2) {
            if let [a, b] = pair
                && b - a > gap.0
            {
                gap = (b - a, *a);
            }
        }
        let (gap_size, gap_start) = gap;
        let span = 360.0 - gap_size;
        let center_lon = wrap(gap_start + gap_size + span / 2.0);
        let lats = points.iter().map(|p| math::clamp(p.1, -MAX_LAT, MAX_LAT));
        let south = lats.clone().fold(f64::INFINITY, f64::min);
        let north = lats.fold(f64::NEG_INFINITY, f64::max);
        let middle = (south + north) / 2.0;
        let squeeze = math::cos(middle.to_radians()).max(0.1);
        // Each side at least a sixth of the smallest span; the longer side at least all of it.
        let (lat_span, width_span) = (
            (north - south).max(MIN_SPAN / 6.0),
            (span * squeeze).max(MIN_SPAN / 6.0),
        );
        let grow = (MIN_SPAN / lat_span.max(width_span)).max(1.0);
        let half = lat_span * grow / 2.0;
        Some(Extent {
            center_lon,
            lon_span: (width_span * grow / squeeze).min(360.0),
            south: (middle - half).max(-MAX_LAT),
            north: (middle + half).min(MAX_LAT),
        })
    }

    fn center_lat(&self) -> f64 {
        (self.south + self.north) / 2.0
    }

    fn squeeze(&self) -> f64 {
        math::cos(self.center_lat().to_radians()).max(0.1)
    }

    /// Width over height, in true proportions.
    fn aspect(&self) -> f64 {
        self.lon_span * self.squeeze() / (self.north - self.south)
    }
}

impl Projection {
    /// Width over height of the smallest map holding `points`, or `None` when there are none.
    pub fn aspect_of(points: &[LonLat]) -> Option<f64> {
        Extent::of(points).map(|e| e.aspect())
    }

    /// The projection that fits `points` inside a `width` × `height` box,
    /// keeping `pad` free around them.
    pub fn fit(points: &[LonLat], width: f64, height: f64, pad: Padding) -> Option<Self> {
        let extent = Extent::of(points)?;
        let x_squeeze = extent.squeeze();
        let inner_w = (width - 2.0 * pad.x).max(1.0);
        let inner_h = (height - pad.top - pad.bottom).max(1.0);
        let scale =
            (inner_w / (extent.lon_span * x_squeeze)).min(inner_h / (extent.north - extent.south));
        Some(Projection {
            center_lon: extent.center_lon,
            center_lat: extent.center_lat(),
            x_squeeze,
            scale,
            origin: (width / 2.0, pad.top + inner_h / 2.0),
        })
    }

    /// The pixel position of a point.
    pub fn at(&self, (lon, lat): LonLat) -> (f64, f64) {
        self.at_unwrapped(wrap(lon - self.center_lon), lat)
    }

    /// The pixel position of a point given in degrees east of the map's middle
    /// longitude, without folding it into -180..180: a coastline keeps going
    /// past the 180° meridian instead of jumping to the other edge.
    pub fn at_unwrapped(&self, east_of_center: f64, lat: f64) -> (f64, f64) {
        let lat = math::clamp(lat, -90.0, 90.0);
        (
            self.origin.0 + east_of_center * self.x_squeeze * self.scale,
            self.origin.1 - (lat - self.center_lat) * self.scale,
        )
    }

    /// The longitude and latitude at a pixel (longitude may pass ±180 at a map's edge).
    pub fn invert(&self, (x, y): (f64, f64)) -> LonLat {
        (
            self.center_lon + (x - self.origin.0) / (self.x_squeeze * self.scale),
            self.center_lat - (y - self.origin.1) / self.scale,
        )
    }

    /// The map's middle longitude: basemap lines are drawn relative to it.
    pub fn center_lon(&self) -> f64 {
        self.center_lon
    }

    /// Kilometres per pixel at the map's middle latitude, the same across and up.
    pub fn km_per_pixel(&self) -> f64 {
        KM_PER_DEGREE / self.scale
    }

    /// What a `width` × `height` map shows: west, south, east, north, in degrees.
    pub fn bounds(&self, width: f64, height: f64) -> [f64; 4] {
        let (west, north) = self.invert((0.0, 0.0));
        let (east, south) = self.invert((width, height));
        [west, south.max(-90.0), east, north.min(90.0)]
    }
}

/// A longitude folded into -180..180 (by whole turns: a remainder of
/// floats would bring 1 KB of `fmod` into the WebAssembly).
pub fn wrap(lon: f64) -> f64 {
    lon - 360.0 * ((lon + 180.0) / 360.0).floor()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const NONE: Padding = Padding {
        x: 0.0,
        top: 0.0,
        bottom: 0.0,
    };

    fn inside(p: (f64, f64), width: f64, height: f64) -> bool {
        (0.0..=width).contains(&p.0) && (0.0..=height).contains(&p.1)
    }

    #[test]
    fn places_fit_inside_the_padding() {
        let places = [(130.38, 42.34), (133.07, 42.73), (131.89, 43.12)];
        let p = Projection::fit(
            &places,
            600.0,
            400.0,
            Padding {
                x: 40.0,
                top: 30.0,
                bottom: 30.0,
            },
        )
        .unwrap();
        for place in places {
            let (x, y) = p.at(place);
            assert!(
                (39.9..=560.1).contains(&x) && (29.9..=370.1).contains(&y),
                "{place:?} at {x}, {y}"
            );
        }
        // North is up and east is right.
        assert!(p.at((131.0, 43.0)).1 < p.at((131.0, 42.0)).1);
        assert!(p.at((131.0, 43.0)).0 < p.at((132.0, 43.0)).0);
        let back = p.invert(p.at((131.5, 42.5)));
        assert!((back.0 - 131.5).abs() < 1e-9 && (back.1 - 42.5).abs() < 1e-9);
    }

    #[test]
    fn the_scale_is_true_at_the_middle_latitude() {
        let p = Projection::fit(&[(10.0, 59.0), (12.0, 61.0)], 800.0, 600.0, NONE).unwrap();
        let (a, b) = (p.at((10.0, 60.0)), p.at((12.0, 60.0)));
        let km = (b.0 - a.0) * p.km_per_pixel();
        let true_km = 2.0 * KM_PER_DEGREE * math::cos(60f64.to_radians());
        assert!((km - true_km).abs() < 0.5, "{km} vs {true_km}");
    }

    #[test]
    fn a_map_across_the_180th_meridian_stays_in_one_piece() {
        let places = [(177.0, 64.7), (-173.2, 64.4), (-168.0, 65.6)];
        let p = Projection::fit(
            &places,
            600.0,
            300.0,
            Padding {
                x: 20.0,
                top: 20.0,
                bottom: 20.0,
            },
        )
        .unwrap();
        let xs: Vec<f64> = places.iter().map(|&q| p.at(q).0).collect();
        assert!(xs[0] < xs[1] && xs[1] < xs[2], "west to east: {xs:?}");
        assert!(places.iter().all(|&q| inside(p.at(q), 600.0, 300.0)));
        assert!((p.center_lon().abs() - 180.0).abs() < 10.0);
    }

    #[test]
    fn one_place_gets_land_around_it() {
        let p = Projection::fit(
            &[(24.94, 60.17)],
            400.0,
            300.0,
            Padding {
                x: 10.0,
                top: 10.0,
                bottom: 10.0,
            },
        )
        .unwrap();
        let (x, y) = p.at((24.94, 60.17));
        assert!(
            (x - 200.0).abs() < 1e-6 && (y - 150.0).abs() < 1e-6,
            "in the middle: {x}, {y}"
        );
        let [west, south, east, north] = p.bounds(400.0, 300.0);
        assert!(north - south >= MIN_SPAN - 1e-9 && east > west);
        assert!(Projection::fit(&[], 400.0, 300.0, NONE).is_none());
        assert!(Projection::fit(&[(f64::NAN, 1.0)], 400.0, 300.0, NONE).is_none());
    }
}
