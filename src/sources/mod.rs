//! The bibliography: every source, numbered in the order it first appears on
//! the page, with how it reached us ("known via").

use std::collections::HashMap;

use leptos::prelude::*;
use sealift_format::{Citation, Report, Source, SourceKind};

use crate::components::citations::Cited;
use crate::components::citations::{source_anchor, use_footnotes};
use crate::components::downloads::DataDownloads;
use crate::components::view_frame::{EmptyState, ViewFrame};
use crate::data::SharedReport;
use crate::i18n::{fill, tr};
use crate::text::{Case, count_text, count_text_in, date_text};

/// The numbered list of sources that every footnote links to.
#[component]
pub fn SourceList(report: SharedReport) -> impl IntoView {
    let footnotes = use_footnotes(&report);
    let kinds = {
        let mut kinds: Vec<SourceKind> = report.sources.iter().map(|s| s.kind).collect();
        crate::order::sort_by_key(&mut kinds, |k| k.as_str());
        kinds.dedup();
        kinds.len()
    };
    let relays = relays(&report);
    let relayed = relays.len();
    let caption = if report.sources.is_empty() {
        String::new()
    } else {
        let mut text = fill(
            tr("{sources} of {kinds}"),
            &[
                (
                    "sources",
                    &count_text(report.sources.len(), "source", "sources"),
                ),
                (
                    "kinds",
                    &count_text_in(kinds, "kind", "kinds", Case::Genitive),
                ),
            ],
        );
        if relayed > 0 {
            text.push_str(&fill(
                tr("; {relayed} known only through other outlets, which are named"),
                &[("relayed", &relayed.to_string())],
            ));
        }
        text.push('.');
        text
    };
    let items = footnotes
        .in_order()
        .iter()
        .filter_map(|id| {
            report
                .source(id)
                .map(|s| (footnotes.number(id).unwrap_or(0), s.clone()))
        })
        .enumerate()
        .map(|(i, (number, source))| {
            let via = relays.get(&source.id).cloned().unwrap_or_default();
            // The list counts 1, 2, 3 by itself; a `value` on every item would
            // make the browser recount the list for each (seconds for 2,000
            // sources), so only a number that breaks the count is written.
            let value = (number != i + 1).then(|| number.to_string());
            view! { <SourceEntry report=report.clone() number value source via /> }
        })
        .collect_view();
    let body = if report.sources.is_empty() {
        view! { <EmptyState message=tr("No sources in this report") /> }.into_any()
    } else {
        // `role` keeps the list a list to screen readers that drop it without markers.
        view! { <ol class="source-list" role="list">{items}</ol> }.into_any()
    };
    // The bibliography is the sources; it needs no "Source:" line of its own.
    let cited = Cited::default();
    let downloads = report.clone();
    view! {
        <ViewFrame report id="sources" heading=tr("Sources") caption=Signal::stored(caption) cited>
            {body}
            <DataDownloads report=downloads />
        </ViewFrame>
    }
}

/// For each source known through others, those others (the `via` of its
/// citations), sorted, in one pass over the citations.
fn relays(report: &Report) -> HashMap<String, Vec<String>> {
    let mut relays: HashMap<String, Vec<String>> = HashMap::new();
    for citation in all_citations(report) {
        if let Some(via) = &citation.via {
            relays
                .entry(citation.source.clone())
                .or_default()
                .push(via.clone());
        }
    }
    for vias in relays.values_mut() {
        crate::order::sort(vias);
        vias.dedup();
    }
    relays
}

fn all_citations(report: &Report) -> impl Iterator<Item = &Citation> {
    report
        .info
        .sections
        .iter()
        .flat_map(|s| s.cites.iter())
        .chain(report.trips.iter().flat_map(|t| t.sources.iter()))
        .chain(report.events.iter().flat_map(|e| e.sources.iter()))
        .chain(report.claims.iter().flat_map(|c| c.sources.iter()))
        .chain(report.estimates.iter().flat_map(|e| e.sources.iter()))
        .chain(report.places.iter().flat_map(|p| p.sources.iter()))
        .chain(report.vessels.iter().flat_map(|v| {
            v.sources
                .iter()
                .chain(v.sanctions.iter().flat_map(|s| s.sources.iter()))
        }))
}

/// The reader's word for a kind of source.
fn kind_text(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::News => tr("News"),
        SourceKind::Government => tr("Government"),
        SourceKind::ThinkTank => tr("Think tank"),
        SourceKind::Ngo => tr("NGO"),
        SourceKind::Court => tr("Court"),
        SourceKind::Reference => tr("Reference"),
        SourceKind::Other => tr("Other"),
    }
}

/// Only http(s) addresses become links; the format already insists, this checks again.
fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url)
}

/// One numbered entry: publisher, title (linked when it has a safe address),
/// date, kind, and how it reached the authors.
#[component]
fn SourceEntry(
    report: SharedReport,
    number: usize,
    value: Option<String>,
    source: Source,
    via: Vec<String>,
) -> impl IntoView {
    let footnotes = use_footnotes(&report);
    let title = match source.url.as_deref().and_then(safe_url) {
        Some(url) => view! {
            <a class="source__title" href=url.to_owned() rel="noopener noreferrer" target="_blank">
                {source.title.clone()}
            </a>
        }
        .into_any(),
        None => view! { <span class="source__title">{source.title.clone()}</span> }.into_any(),
    };
    let date = source
        .date
        .as_ref()
        .map_or_else(|| tr("undated").to_owned(), date_text);
    let via_line = (!via.is_empty()).then(|| {
        view! {
            <span class="source__via">
                " " {tr("Known via")} " "
                {via
                    .into_iter()
                    .enumerate()
                    .map(|(i, id)| {
                        let name = report.source(&id).map_or(id.clone(), |s| s.publisher.clone());
                        let n = footnotes.number(&id).unwrap_or(0);
                        view! { {(i > 0).then_some(", ")} <a href=format!("#{}", source_anchor(n))>{name} <sup>{n}</sup></a> }
                    })
                    .collect_view()}
                "."
            </span>
        }
    });
    view! {
        <li class="source" id=source_anchor(number) value=value>
            <span class="source__publisher">{source.publisher.clone()}</span> ", " {title} ". "
            <span class="source__date">{date}</span> ". "
            <span class="source__kind">{kind_text(source.kind)}</span>
            {source.language.clone().map(|l| view! { <span class="source__lang">" · " {l}</span> })}
            "."
            {via_line}
            {source.note.clone().map(|n| view! { <span class="source__note">" " {n}</span> })}
        </li>
    }
}
