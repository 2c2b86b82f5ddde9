//! The card a reader opens on a mark: the figure in words, who put it forward
//! and when, what period it covers, how it was reached, and its sources.

use leptos::prelude::*;
use sealift_format::Estimate;

use super::words::{actor_name, amount_text};
use crate::components::citations::CitationMarks;
use crate::data::SharedReport;
use crate::i18n::{fill, tr, tr_in};
use crate::text::{capitalized, date_text, number_text, span_text};

/// Everything known about one estimate.
#[component]
pub fn EstimateDetails(report: SharedReport, estimate: Estimate) -> impl IntoView {
    let derived_from: Vec<String> = estimate
        .derived_from
        .iter()
        .filter_map(|id| report.estimate(id))
        .map(|source| {
            format!(
                "{} ({}, {})",
                amount_text(source),
                actor_name(&report, &source.actor),
                date_text(&source.stated)
            )
        })
        .collect();
    let range = range_text(&estimate);
    let period = estimate
        .period
        .map(|p| span_text(p.start.as_ref(), p.end.as_ref()));
    let fact = |term: &'static str, value: Option<String>| {
        value.map(|value| view! { <dt>{term}</dt> <dd>{value}</dd> })
    };
    view! {
        <div class="details estimate-details">
            <p class="details__title">{capitalized(&estimate.measure)}</p>
            <p class="estimate-details__value">{capitalized(&amount_text(&estimate))}</p>
            <dl class="estimate-details__facts">
                {fact(tr_in("estimate", "By"), Some(actor_name(&report, &estimate.actor)))}
                {fact(tr("Stated"), Some(date_text(&estimate.stated)))}
                {fact(tr("Range"), range)}
                {fact(tr("Period"), period)}
                {fact(tr("Method"), estimate.method.clone())}
                {fact(tr("Derived from"), (!derived_from.is_empty()).then(|| derived_from.join("; ")))}
            </dl>
            {estimate.note.clone().map(|n| view! { <p class="details__note">{n}</p> })}
            <p class="details__sources">{tr("Sources")} " " <CitationMarks report cites=estimate.sources.clone() /></p>
        </div>
    }
}

/// The low–high range in words: "8,000 to 12,000 containers", "from 8,000 containers".
fn range_text(estimate: &Estimate) -> Option<String> {
    let unit = estimate.unit.as_str();
    let template = match (estimate.quantity.low, estimate.quantity.high) {
        (Some(_), Some(_)) => tr("{low} to {high} {unit}"),
        (Some(_), None) => tr("from {low} {unit}"),
        (None, Some(_)) => tr("up to {high} {unit}"),
        (None, None) => return None,
    };
    let (low, high) = (
        estimate.quantity.low.map(number_text).unwrap_or_default(),
        estimate.quantity.high.map(number_text).unwrap_or_default(),
    );
    Some(fill(
        template,
        &[("low", &low), ("high", &high), ("unit", unit)],
    ))
}
