//! The map's data table: each place, what kind it is, where, and how many of
//! the trips and events the reader's choices leave start, end or happen there.

use leptos::prelude::*;
use sealift_format::PlacePrecision;

use super::activity::Activity;

use crate::components::data_table::{DataRow, DataTable, rows_drawn_from};
use crate::data::SharedReport;
use crate::i18n::tr;
use crate::text::{number_text, position_text};

/// Places with their coordinates and the activity shown at each: the
/// counts the map draws (`activity`).
#[component]
pub fn PlaceTable(report: SharedReport, activity: Memo<Activity>) -> impl IntoView {
    let rows = rows_drawn_from(activity, report.places.len(), {
        let report = report.clone();
        move |activity| rows(&report, activity)
    });
    view! {
        <DataTable
            report
            caption="Places on the map"
            columns=vec!["Place", "Kind", "Country", "Coordinates", "Trips", "Events"]
            rows
        />
    }
}

fn rows(report: &SharedReport, activity: &Activity) -> Vec<DataRow> {
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
