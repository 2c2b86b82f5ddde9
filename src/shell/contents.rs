//! "In this report": how much of each kind of evidence the report holds.

use leptos::prelude::*;

use crate::data::SharedReport;
use crate::i18n::{tr, ui_lang};
use crate::text::{count_noun, count_text, number_text};

/// One figure per collection, so a reader sees the weight of the evidence at a glance.
#[component]
pub fn ReportContents(report: SharedReport) -> impl IntoView {
    let rows = [
        (report.vessels.len(), "vessel", "vessels"),
        (report.places.len(), "place", "places"),
        (report.trips.len(), "trip", "trips"),
        (report.events.len(), "event", "events"),
        (report.claims.len(), "claim", "claims"),
        (report.estimates.len(), "estimate", "estimates"),
        (report.actors.len(), "actor", "actors"),
        (report.sources.len(), "source", "sources"),
    ];
    let summary = rows
        .iter()
        .map(|(n, one, many)| count_text(*n, one, many))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="report-contents" lang=ui_lang() aria-labelledby="report-contents-heading">
            <h2 id="report-contents-heading" class="report-contents__heading">{tr("In this report")}</h2>
            <ul class="report-contents__list" aria-label=summary>
                {rows
                    .into_iter()
                    .map(|(n, one, many)| {
                        let noun = count_noun(n, one, many);
                        view! {
                            <li class="report-contents__item" data-collection=many>
                                <span class="report-contents__count">{number_text(n as f64)}</span>
                                <span class="report-contents__label">{noun}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
