//! Which colour a vessel or an actor gets: the same in every view. Colours come
//! from the theme (`--series-1` … `--series-8`, light and dark); a mark takes
//! its colour through the class `series-N`, never from Rust.

use crate::data::SharedReport;

/// How many distinct series colours the theme has.
pub const SERIES: usize = 8;

/// The CSS class giving a vessel its colour, by its order in the report.
pub fn vessel_series(report: &SharedReport, vessel_id: &str) -> String {
    series_class(report.vessel_position(vessel_id))
}

/// The CSS class giving an actor its colour, by its order in the report.
pub fn actor_series(report: &SharedReport, actor_id: &str) -> String {
    series_class(report.actor_position(actor_id))
}

/// `series-1` … `series-8`, cycling; unknown ids get the last (neutral grey).
fn series_class(index: Option<usize>) -> String {
    let n = index.map_or(SERIES, |i| i % (SERIES - 1) + 1);
    format!("series-{n}")
}
