//! The land and borders under the map, from the bundled Natural Earth basemap
//! (`public/basemap/land.json`, built by `scripts/basemap/build.mjs`).
//!
//! The file is fetched on its own, after the report: the map draws its places
//! and routes at once and the land appears when it arrives. A single-file
//! bundle (`sealift bundle`) carries it inline instead. A missing or broken
//! file only costs the land ("Basemap unavailable"), never the map.

use sealift_format::json::{self, Kind, Value};

use crate::data::inline_data;

/// Where the basemap lives, relative to the page like the report.
pub const BASEMAP_URL: &str = "basemap/land.json";

/// The id of the `<script type="application/json">` element that a
/// single-file bundle carries the basemap in (`BASEMAP_ID` in the CLI).
pub const INLINE_BASEMAP_ID: &str = "sealift-basemap";

/// The format name the decoder reads.
const FORMAT: &str = "sealift-basemap/1";

/// A longitude and a latitude, in degrees.
pub type LonLat = (f64, f64);

/// The decoded basemap: one or more layers, each covering a box of the globe.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    pub layers: Vec<Layer>,
}

/// Land and borders at one level of detail, for the area inside `bbox`.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub name: String,
    /// West, south, east, north, in degrees.
    pub bbox: [f64; 4],
    /// Closed rings of land; lakes are rings inside them (filled even-odd).
    pub land: Vec<Vec<LonLat>>,
    /// Country borders, as open lines.
    pub borders: Vec<Vec<LonLat>>,
}

impl Basemap {
    /// The most detailed layer whose box holds the whole `view` (west, south,
    /// east, north), or else the one covering the most of the globe.
    pub fn layer_for(&self, view: [f64; 4]) -> Option<&Layer> {
        let area = |l: &&Layer| (l.bbox[2] - l.bbox[0]) * (l.bbox[3] - l.bbox[1]);
        let holds = |l: &&Layer| {
            l.bbox[0] <= view[0]
                && l.bbox[1] <= view[1]
                && view[2] <= l.bbox[2]
                && view[3] <= l.bbox[3]
        };
        let smallest_holding = self
            .layers
            .iter()
            .filter(holds)
            .min_by(|a, b| area(a).total_cmp(&area(b)));
        smallest_holding.or_else(|| {
            self.layers
                .iter()
                .max_by(|a, b| area(a).total_cmp(&area(b)))
        })
    }
}

/// Why the basemap could not be read. Shown to developers in the console only;
/// readers see "Basemap unavailable".
#[derive(Debug, Clone, PartialEq)]
pub struct BasemapError(pub String);

/// Decodes the basemap carried in the page, or else fetches and decodes the one at `url`.
pub async fn load_basemap(url: &str) -> Result<Basemap, BasemapError> {
    if let Some(text) = inline_data(INLINE_BASEMAP_ID) {
        return decode(&text)
            .map_err(|e| BasemapError(format!("the basemap in this page: {}", e.0)));
    }
    let failed = |what: String| BasemapError(format!("{url}: {what}"));
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| failed(e.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    let text = response.text().await.map_err(|e| failed(e.to_string()))?;
    decode(&text).map_err(|e| failed(e.0))
}

/// Reads the text of a basemap file. Anything unexpected is an error: a
/// half-read basemap would draw wrong land, which is worse than none.
pub fn decode(text: &str) -> Result<Basemap, BasemapError> {
    let parsed = json::parse(text, 0);
    let root = match (parsed.value, parsed.errors.first()) {
        (Some(root), None) => root,
        (_, Some(e)) => return Err(BasemapError(format!("not JSON: {}", e.message))),
        (None, None) => return Err(BasemapError("not JSON".into())),
    };
    match root.get("format").map(|v| &v.kind) {
        Some(Kind::String(format)) if format == FORMAT => {}
        _ => return Err(BasemapError(format!("not a {FORMAT} file"))),
    }
    let per_degree = number(root.get("perDegree"))
        .filter(|n| *n > 0.0)
        .ok_or_else(|| missing("perDegree"))?;
    let layers = items(root.get("layers"))
        .ok_or_else(|| missing("layers"))?
        .iter()
        .map(|layer| decode_layer(layer, per_degree))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Basemap { layers })
}

fn decode_layer(layer: &Value, per_degree: f64) -> Result<Layer, BasemapError> {
    let name = match layer.get("name").map(|v| &v.kind) {
        Some(Kind::String(name)) => name.clone(),
        _ => return Err(missing("layers[].name")),
    };
    let bbox = items(layer.get("bbox"))
        .and_then(|b| match b {
            [w, s, e, n] => Some([
                number(Some(w))?,
                number(Some(s))?,
                number(Some(e))?,
                number(Some(n))?,
            ]),
            _ => None,
        })
        .ok_or_else(|| missing("layers[].bbox"))?;
    let lines = |key: &str| -> Result<Vec<Vec<LonLat>>, BasemapError> {
        items(layer.get(key))
            .ok_or_else(|| missing(key))?
            .iter()
            .map(|line| {
                decode_line(line, per_degree)
                    .ok_or_else(|| BasemapError(format!("a bad line in {name}.{key}")))
            })
            .collect()
    };
    Ok(Layer {
        land: lines("land")?,
        borders: lines("borders")?,
        name: name.clone(),
        bbox,
    })
}

/// `[x0, y0, dx1, dy1, ...]` in `1/per_degree` degree steps, to points in degrees.
fn decode_line(line: &Value, per_degree: f64) -> Option<Vec<LonLat>> {
    let numbers = items(Some(line))?;
    if numbers.len() % 2 != 0 {
        return None;
    }
    let (mut x, mut y) = (0.0, 0.0);
    numbers
        .chunks_exact(2)
        .map(|step| {
            x += whole(&step[0])?;
            y += whole(&step[1])?;
            let (lon, lat) = (x / per_degree, y / per_degree);
            ((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)).then_some((lon, lat))
        })
        .collect()
}

fn missing(what: &str) -> BasemapError {
    BasemapError(format!("{what} is missing or malformed"))
}

fn items(value: Option<&Value>) -> Option<&[Value]> {
    match &value?.kind {
        Kind::Array(items) => Some(items),
        _ => None,
    }
}

fn number(value: Option<&Value>) -> Option<f64> {
    match value?.kind {
        Kind::Number { value, .. } => Some(value),
        _ => None,
    }
}

/// A whole number written as one (the steps of a line are never fractions).
fn whole(value: &Value) -> Option<f64> {
    match value.kind {
        Kind::Number {
            value,
            integer: true,
        } => Some(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const TINY: &str = r#"{"format":"sealift-basemap/1","perDegree":100,"layers":[
        {"name":"world","bbox":[-180,-90,180,90],"land":[[100,200,50,0,0,50,-50,0]],"borders":[]},
        {"name":"region","bbox":[0,0,10,10],"land":[],"borders":[[0,0,100,100]]}]}"#;

    #[test]
    fn steps_add_up_to_points_in_degrees() {
        let basemap = decode(TINY).expect("a valid basemap");
        let world = &basemap.layers[0];
        assert_eq!(
            world.land,
            vec![vec![(1.0, 2.0), (1.5, 2.0), (1.5, 2.5), (1.0, 2.5)]]
        );
        assert_eq!(
            basemap.layers[1].borders,
            vec![vec![(0.0, 0.0), (1.0, 1.0)]]
        );
    }

    #[test]
    fn the_finest_layer_that_holds_the_view_is_drawn() {
        let basemap = decode(TINY).unwrap();
        let name = |view| basemap.layer_for(view).map(|l| l.name.as_str());
        assert_eq!(name([1.0, 1.0, 5.0, 5.0]), Some("region"));
        assert_eq!(
            name([5.0, 5.0, 15.0, 9.0]),
            Some("world"),
            "a view leaving the region falls back"
        );
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        for broken in [
            "",
            "{",
            "[]",
            r#"{"format":"other","perDegree":100,"layers":[]}"#,
            r#"{"format":"sealift-basemap/1","perDegree":0,"layers":[]}"#,
            r#"{"format":"sealift-basemap/1","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1],"land":[],"borders":[]}]}"#,
            r#"{"format":"sealift-basemap/1","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":[[1,2,3]],"borders":[]}]}"#,
            r#"{"format":"sealift-basemap/1","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":[[1.5,2]],"borders":[]}]}"#,
            r#"{"format":"sealift-basemap/1","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":[[99999,0]],"borders":[]}]}"#,
        ] {
            assert!(decode(broken).is_err(), "accepted {broken:?}");
        }
    }

    #[test]
    fn the_bundled_basemap_decodes() {
        let basemap = decode(include_str!("../../public/basemap/land.json"))
            .expect("the bundled basemap is valid");
        let names: Vec<&str> = basemap.layers.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["region", "world"]);
        assert!(
            basemap
                .layers
                .iter()
                .all(|l| l.land.len() > 50 && !l.borders.is_empty())
        );
        let korea = [124.0, 33.0, 131.0, 43.0];
        assert_eq!(
            basemap.layer_for(korea).map(|l| l.name.as_str()),
            Some("region")
        );
    }
}
