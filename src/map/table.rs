//! The map's data table: each place, what kind it is, where, and how many of
//! the trips and events the reader's choices leave start, end or happen there.

use leptos::prelude::*;
use sealift_format::PlacePrecision;

use super::activity::Activity;

use crate::components::data_table::{DataRow, DataTable, rows_following};
use crate::data::SharedReport;
use crate::i18n::tr;
use crate::state::{ReaderState, use_reader_state};
use crate::text::{number_text, position_text};

/// Places with their coordinates and the activity shown at each.
#[component]
pub fn PlaceTable(report: SharedReport) -> impl IntoView {
    let state = use_reader_state();
    let rows = rows_following(&report, state, |r, _| r.places.len(), rows);
    view! {
        <DataTable
            report
            caption="Places on the map"
            columns=vec!["Place", "Kind", "Country", "Coordinates", "Trips", "Events"]
            rows
        />
    }
}

fn rows(report: &SharedReport, state: &ReaderState) -> Vec<DataRow> {
    // The same counts the map draws.
    let activity = Activity::of(report, state);
    report
        .places
        .iter()
        .zip(&activity.places)
        .map(|(place, here)| {
            let (trips, events) = (here.trips.len(), here.events.len());
            let approximate = match place.precision {
                PlacePrecision::Approximate => format!(" ({})", tr("approx.")),
                PlacePrecision::Exact => String::new(),
            };
            DataRow {
                cells: vec![
                    place.name.clone(),
                    tr(&place.kind.as_str().replace('-', " ")).to_owned(),
                    place.country.clone(),
                    format!("{}{approximate}", position_text(place.lat, place.lon, 3)),
                    number_text(trips as f64),
                    number_text(events as f64),
                ],
                cites: place.sources.clone(),
            }
        })
        .collect()
}
