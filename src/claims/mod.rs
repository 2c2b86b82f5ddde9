//! The claims: who asserted what, and when, grouped by month, each with its
//! certainty and sources; filterable by actor, vessel and place.

mod filters;

use leptos::prelude::*;
use sealift_format::{Certainty, Claim};

use crate::components::certainty::CertaintyBadge;
use crate::components::citations::{CitationMarks, Cited};
use crate::components::details::{place_name, vessel_name};
use crate::components::in_sight::while_in_sight;
use crate::components::palette::actor_series;
use crate::components::show_more::{Portion, ShowMore};
use crate::components::view_frame::{EmptyState, ViewFrame};
use crate::data::SharedReport;
use crate::embed::Embeddable;
use crate::i18n::{fill, tr};
use crate::state::use_reader_state;
use crate::text::{Case, capitalized, count_text, count_text_in, date_text, number_text};
use crate::visible::chronological;

use filters::ClaimFilters;

/// Every claim in the report, newest last, under the month it was stated.
#[component]
pub fn ClaimList(report: SharedReport) -> impl IntoView {
    while_in_sight(Box::new(move || claim_list(report).into_any()))
}

/// The claims in their frame.
fn claim_list(report: SharedReport) -> impl IntoView {
    let cited: Cited = report.claims.iter().flat_map(|c| &c.sources).collect();
    let caption = Memo::new({
        let report = report.clone();
        move |_| claims_caption(&report)
    });
    let body = if report.claims.is_empty() {
        view! { <EmptyState message=tr("No claims in this report") /> }.into_any()
    } else {
        view! { <FilteredClaims report=report.clone() /> }.into_any()
    };
    view! {
        <ViewFrame report id="claims" heading=Embeddable::Claims.heading() caption cited>
            {body}
        </ViewFrame>
    }
}

/// "31 claims by 14 actors, 13 Oct 2023 – 18 Feb 2025; 3 disputed."
fn claims_caption(report: &SharedReport) -> String {
    let claims = &report.claims;
    let mut actors: Vec<&str> = claims.iter().map(|c| c.actor.as_str()).collect();
    crate::order::sort(&mut actors);
    actors.dedup();
    let first = claims
        .iter()
        .min_by(|a, b| chronological(&a.stated, &b.stated));
    let last = claims
        .iter()
        .max_by(|a, b| chronological(&a.stated, &b.stated));
    let disputed = claims
        .iter()
        .filter(|c| c.certainty == Certainty::Disputed)
        .count();
    let mut text = fill(
        tr("{claims} by {actors}"),
        &[
            ("claims", &count_text(claims.len(), "claim", "claims")),
            (
                "actors",
                &count_text_in(actors.len(), "actor", "actors", Case::Genitive),
            ),
        ],
    );
    if let (Some(first), Some(last)) = (first, last) {
        text.push_str(&fill(
            tr(", stated between {first} and {last}"),
            &[
                ("first", &date_text(&first.stated)),
                ("last", &date_text(&last.stated)),
            ],
        ));
    }
    if disputed > 0 {
        text.push_str(&fill(
            tr("; {disputed} disputed by other sources"),
            &[("disputed", &number_text(disputed as f64))],
        ));
    }
    text.push('.');
    text
}

/// Claims shown at first, and per press of "Show the next 100 claims": a
/// page of 1,000 claims took a tenth of a second more to open.
const CLAIMS_AT_A_TIME: usize = 100;

/// The filters and the claims they leave, grouped by month.
#[component]
fn FilteredClaims(report: SharedReport) -> impl IntoView {
    let state = use_reader_state();
    let total = report.claims.len();
    let shown = {
        let report = report.clone();
        Memo::new(move |_| {
            let mut claims: Vec<Claim> = state.with(|s| {
                report
                    .claims
                    .iter()
                    .filter(|c| s.shows_claim(c))
                    .cloned()
                    .collect()
            });
            crate::order::sort_by(&mut claims, |a, b| chronological(&a.stated, &b.stated));
            claims
        })
    };
    let status = move || {
        let n = shown.with(Vec::len);
        let (n_text, total_text) = (number_text(n as f64), number_text(total as f64));
        let claims = count_text(total, "claim", "claims");
        let values = [
            ("n", n_text.as_str()),
            ("total", total_text.as_str()),
            ("claims", claims.as_str()),
        ];
        if n == total {
            fill(tr("Showing all {claims}"), &values)
        } else {
            fill(tr("Showing {n} of {claims}"), &values)
        }
    };
    let portion = Portion::new(CLAIMS_AT_A_TIME);
    // The claims on screen, redrawn only when they change: moving the "as
    // of" date past later claims leaves the first hundred as they are.
    let listed = Memo::new(move |_| {
        let limit = portion.limit();
        shown.with(|claims| claims.iter().take(limit).cloned().collect::<Vec<_>>())
    });
    let groups = {
        let report = report.clone();
        move || {
            let claims = listed.get();
            if claims.is_empty() {
                return view! { <EmptyState message=tr("No claims match these choices.") /> }
                    .into_any();
            }
            month_groups(&claims)
                .into_iter()
                .map(|(month, claims)| {
                    let report = report.clone();
                    view! {
                        <section class="claims__month">
                            <h3 class="claims__month-heading">{month}</h3>
                            <ol class="claims__list">
                                {claims
                                    .into_iter()
                                    .map(|claim| view! { <ClaimItem report=report.clone() claim /> })
                                    .collect_view()}
                            </ol>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    view! {
        <ClaimFilters report=report.clone() />
        <p class="claims__status" role="status" aria-live="polite">{status}</p>
        <div class="claims">{groups}</div>
        <ShowMore portion count=Memo::new(move |_| shown.with(Vec::len)) noun="claim" nouns="claims" />
    }
}

/// Claims split by the month they were stated ("Feb 2024"); year-only dates get their year.
fn month_groups(claims: &[Claim]) -> Vec<(String, Vec<Claim>)> {
    let mut groups: Vec<(String, Vec<Claim>)> = Vec::new();
    for claim in claims {
        let month = sealift_format::Date {
            day: None,
            qualifier: sealift_format::Qualifier::Exact,
            ..claim.stated
        };
        let heading = capitalized(&date_text(&month));
        match groups.last_mut() {
            Some((h, list)) if *h == heading => list.push(claim.clone()),
            _ => groups.push((heading, vec![claim.clone()])),
        }
    }
    groups
}

/// One claim: when, who, how sure, what, about which vessels and places, sources.
#[component]
fn ClaimItem(report: SharedReport, claim: Claim) -> impl IntoView {
    let actor = report
        .actor(&claim.actor)
        .map_or_else(|| claim.actor.clone(), |a| a.name.clone());
    let series = actor_series(&report, &claim.actor);
    let about: Vec<String> = claim
        .vessels
        .iter()
        .map(|v| vessel_name(&report, v))
        .chain(claim.places.iter().map(|p| place_name(&report, p)))
        .collect();
    view! {
        <li class="claim" data-claim=claim.id.clone()>
            <p class="claim__meta">
                <time datetime=claim.stated.to_string()>{date_text(&claim.stated)}</time>
                <span class=format!("claim__actor {series}")>
                    <span class="claim__swatch" aria-hidden="true"></span>
                    {actor}
                </span>
                <CertaintyBadge certainty=claim.certainty />
            </p>
            <p class="claim__text">{claim.text} <CitationMarks report cites=claim.sources /></p>
            {claim.note.map(|n| view! { <p class="claim__note">{n}</p> })}
            {(!about.is_empty()).then(|| view! { <p class="claim__about">{tr("About:")} " " {about.join(", ")}</p> })}
        </li>
    }
}
