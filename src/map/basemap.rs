//! The land and borders under the map, from the bundled Natural Earth basemap
//! (`public/basemap/`, built by `scripts/basemap/build.mjs`).
//!
//! `land.json` lists the layers (a fine one around the Sea of Japan, a coarse
//! one of the world), each with its box and the file that holds its lines, so
//! that a map downloads only the layer it draws. The files are fetched on
//! their own, after the report: the map draws its places and routes at once
//! and the land appears when it arrives. A single-file bundle (`sealift
//! bundle`) carries every layer inline instead. A missing or broken file only
//! costs the land ("Basemap unavailable"), never the map.

use std::sync::Arc;

use sealift_format::json::{self, Kind, Value};

use crate::data::inline_data;

/// Where the basemap lives, relative to the page like the report.
pub const BASEMAP_URL: &str = "basemap/land.json";

/// The id of the `<script type="application/json">` element that a
/// single-file bundle carries the basemap in (`BASEMAP_ID` in the CLI).
pub const INLINE_BASEMAP_ID: &str = "sealift-basemap";

/// The format name the decoder reads.
const FORMAT: &str = "sealift-basemap/2";

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
    pub lines: LayerLines,
}

/// Where a layer's lines are: in the file read, or in a file of their own
/// beside it (named relative to it).
#[derive(Debug, Clone)]
pub enum LayerLines {
    Here(Arc<Lines>),
    InFile(String),
}

impl PartialEq for LayerLines {
    /// The same lines (not a copy compared point by point), or the same file.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LayerLines::Here(a), LayerLines::Here(b)) => Arc::ptr_eq(a, b),
            (LayerLines::InFile(a), LayerLines::InFile(b)) => a == b,
            _ => false,
        }
    }
}

/// A layer's land and borders.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lines {
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
    let text = fetch_text(url).await?;
    decode(&text).map_err(|e| BasemapError(format!("{url}: {}", e.0)))
}

/// The lines of `layer` of the basemap at `url`: as read, or fetched from
/// the layer's own file beside it.
pub async fn layer_lines(url: &str, layer: &Layer) -> Result<Arc<Lines>, BasemapError> {
    let file = match &layer.lines {
        LayerLines::Here(lines) => return Ok(lines.clone()),
        LayerLines::InFile(file) => file,
    };
    let url = beside(url, file)?;
    let text = fetch_text(&url).await?;
    let failed = |what: &str| BasemapError(format!("{url}: {what}"));
    let basemap = decode(&text).map_err(|e| failed(&e.0))?;
    let found = basemap.layers.into_iter().find(|l| l.name == layer.name);
    match found.map(|l| l.lines) {
        Some(LayerLines::Here(lines)) => Ok(lines),
        _ => Err(failed(&format!("no lines for the layer {}", layer.name))),
    }
}

/// `file`'s address in the folder of `url`. Only a plain file name is
/// followed: the basemap never sends the page elsewhere.
fn beside(url: &str, file: &str) -> Result<String, BasemapError> {
    let plain = !file.is_empty()
        && !file.starts_with('.')
        && file
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !plain {
        return Err(BasemapError(format!("{url}: `{file}` is not a file name")));
    }
    let folder = url.rfind('/').and_then(|i| url.get(..=i)).unwrap_or("");
    Ok(format!("{folder}{file}"))
}

/// The text at `url`, or why not.
async fn fetch_text(url: &str) -> Result<String, BasemapError> {
    let failed = |what: String| BasemapError(format!("{url}: {what}"));
    let response = crate::data::get(url).await.map_err(failed)?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    crate::data::body_text(&response).await.map_err(failed)
}

/// Reads the text of a basemap file. Anything unexpected is an error: a
/// half-read basemap would draw wrong land, which is worse than none.
pub fn decode(text: &str) -> Result<Basemap, BasemapError> {
    let parsed = json::parse(text, 0);
    let root = match (parsed.value, parsed.errors.first()) {
        (Some(root), None) => root,
        // (By its place: the viewer's JSON parser carries no words for the
        // mistake, `sealift_format::MESSAGES`.)
        (_, Some(e)) => return Err(BasemapError(format!("not JSON at byte {}", e.span.start))),
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
    // A layer in a file of its own names the file instead of listing lines.
    if let Some(file) = layer.get("file") {
        return match &file.kind {
            Kind::String(file) => Ok(Layer {
                lines: LayerLines::InFile(file.clone()),
                name,
                bbox,
            }),
            _ => Err(missing("layers[].file")),
        };
    }
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
    let lines = Lines {
        land: lines("land")?,
        borders: lines("borders")?,
    };
    Ok(Layer {
        lines: LayerLines::Here(Arc::new(lines)),
        name,
        bbox,
    })
}

/// A line's steps (see [`steps`]), `[x0, y0, dx1, dy1, ...]` in
/// `1/per_degree` degree units, to points in degrees.
fn decode_line(line: &Value, per_degree: f64) -> Option<Vec<LonLat>> {
    let Kind::String(text) = &line.kind else {
        return None;
    };
    let numbers = steps(text)?;
    if numbers.len() % 2 != 0 {
        return None;
    }
    let (mut x, mut y) = (0.0, 0.0);
    numbers
        .chunks_exact(2)
        .map(|step| {
            x += f64::from(step[0]);
            y += f64::from(step[1]);
            let (lon, lat) = (x / per_degree, y / per_degree);
            ((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)).then_some((lon, lat))
        })
        .collect()
}

/// The whole numbers written in `text` as `scripts/basemap/steps.mjs`
/// writes them (Google's encoded polylines): five bits to a character from
/// `?` (63), lowest first, a set `0x20` bit saying that more follow, and the
/// sign in the lowest bit of the result. A small step is one character
/// instead of three or four as a JSON number.
fn steps(text: &str) -> Option<Vec<i32>> {
    let mut numbers = Vec::new();
    let (mut folded, mut shift) = (0u32, 0u32);
    for byte in text.bytes() {
        let bits = u32::from(byte.checked_sub(63).filter(|b| *b < 64)?);
        // Six characters carry 30 bits: more would not fit.
        if shift > 25 {
            return None;
        }
        folded |= (bits & 0x1f) << shift;
        if bits & 0x20 != 0 {
            shift += 5;
            continue;
        }
        let magnitude = (folded >> 1) as i32;
        numbers.push(if folded & 1 == 1 {
            -magnitude - 1
        } else {
            magnitude
        });
        (folded, shift) = (0, 0);
    }
    (shift == 0).then_some(numbers)
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

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    // The lines [100, 200, 50, 0, 0, 50, -50, 0] and [0, 0, 100, 100].
    const TINY: &str = r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[
        {"name":"world","bbox":[-180,-90,180,90],"land":["gEoKcB??cBbB?"],"borders":[]},
        {"name":"region","bbox":[0,0,10,10],"land":[],"borders":["??gEgE"]}]}"#;

    /// A layer's lines, when the file holds them.
    fn lines(layer: &Layer) -> &Lines {
        match &layer.lines {
            LayerLines::Here(lines) => lines,
            LayerLines::InFile(file) => panic!("{} is in {file}", layer.name),
        }
    }

    #[test]
    fn steps_add_up_to_points_in_degrees() {
        let basemap = decode(TINY).expect("a valid basemap");
        assert_eq!(
            lines(&basemap.layers[0]).land,
            vec![vec![(1.0, 2.0), (1.5, 2.0), (1.5, 2.5), (1.0, 2.5)]]
        );
        assert_eq!(
            lines(&basemap.layers[1]).borders,
            vec![vec![(0.0, 0.0), (1.0, 1.0)]]
        );
    }

    #[test]
    fn a_layer_file_is_named_beside_the_list() {
        assert_eq!(
            beside("basemap/land.json", "land-region.json").unwrap(),
            "basemap/land-region.json"
        );
        assert_eq!(beside("land.json", "w.json").unwrap(), "w.json");
        for bad in ["../report.json", "https://elsewhere/x.json", "a/b.json", ""] {
            assert!(beside("basemap/land.json", bad).is_err(), "{bad}");
        }
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
            // The first version's lines, JSON numbers.
            r#"{"format":"sealift-basemap/1","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":[[0,0]],"borders":[]}]}"#,
            r#"{"format":"sealift-basemap/2","perDegree":0,"layers":[]}"#,
            r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1],"land":[],"borders":[]}]}"#,
            r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":[[0,0]],"borders":[]}]}"#,
            // Three numbers: no whole points.
            r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":["ACE"],"borders":[]}]}"#,
            // (999.99, 0): off the globe.
            r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":["}hbE?"],"borders":[]}]}"#,
            // A character below "?", one above "~", a number left unfinished, one too long.
            r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":["? "],"borders":[]}]}"#,
            r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":["?é"],"borders":[]}]}"#,
            r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":["?_"],"borders":[]}]}"#,
            r#"{"format":"sealift-basemap/2","perDegree":100,"layers":[{"name":"w","bbox":[0,0,1,1],"land":["?_______?"],"borders":[]}]}"#,
        ] {
            assert!(decode(broken).is_err(), "accepted {broken:?}");
        }
    }

    #[test]
    fn the_bundled_basemap_decodes() {
        let basemap = decode(include_str!("../../public/basemap/land.json"))
            .expect("the bundled basemap is valid");
        let layers: Vec<(&str, &LayerLines)> = basemap
            .layers
            .iter()
            .map(|l| (l.name.as_str(), &l.lines))
            .collect();
        assert_eq!(
            layers,
            [
                ("region", &LayerLines::InFile("land-region.json".into())),
                ("world", &LayerLines::InFile("land-world.json".into()))
            ]
        );
        let korea = [124.0, 33.0, 131.0, 43.0];
        assert_eq!(
            basemap.layer_for(korea).map(|l| l.name.as_str()),
            Some("region")
        );
        for (name, text) in [
            (
                "region",
                include_str!("../../public/basemap/land-region.json"),
            ),
            (
                "world",
                include_str!("../../public/basemap/land-world.json"),
            ),
        ] {
            let file = decode(text).expect("each layer's file is valid");
            let layer = &file.layers[0];
            assert_eq!(layer.name, name);
            assert!(lines(layer).land.len() > 50 && !lines(layer).borders.is_empty());
        }
    }
}
