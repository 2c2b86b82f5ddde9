//! The estimates' data table: every estimate the chart shows, by unit and date.

use leptos::prelude::*;
use sealift_format::Estimate;

use crate::components::data_table::{DataRow, DataTable, rows_following};
use crate::data::SharedReport;
use crate::state::{ReaderState, use_reader_state};
use crate::text::{date_text, quantity_text, span_text};
use crate::visible::chronological;

/// Estimates stated by the "as of" date (and by the chosen actor, if any).
#[component]
pub fn EstimateTable(report: SharedReport) -> impl IntoView {
    let state = use_reader_state();
    let rows = rows_following(&report, state, |r, s| shown(r, s).count(), rows);
    view! {
        <DataTable
            report
            caption="Estimates shown in the chart"
            columns=vec!["Estimate", "What was counted", "Stated by", "Stated", "Period", "Method"]
            rows
        />
    }
}

fn shown<'a>(report: &'a SharedReport, state: &ReaderState) -> impl Iterator<Item = &'a Estimate> {
    report
        .estimates
        .iter()
        .filter(|e| state.shows_estimate(e) && state.actor.as_ref().is_none_or(|a| &e.actor == a))
}

fn rows(report: &SharedReport, state: &ReaderState) -> Vec<DataRow> {
    let mut shown: Vec<_> = shown(report, state).collect();
    crate::order::sort_by(&mut shown, |a, b| {
        a.unit
            .cmp(&b.unit)
            .then_with(|| chronological(&a.stated, &b.stated))
    });
    shown
        .into_iter()
        .map(|e| DataRow {
            cells: vec![
                format!("{} {}", quantity_text(&e.quantity), e.unit),
                e.measure.clone(),
                report
                    .actor(&e.actor)
                    .map_or_else(|| e.actor.clone(), |a| a.name.clone()),
                date_text(&e.stated),
                e.period
                    .as_ref()
                    .map_or_else(String::new, |p| span_text(p.start.as_ref(), p.end.as_ref())),
                e.method.clone().unwrap_or_default(),
            ],
            cites: e.sources.clone(),
        })
        .collect()
}
