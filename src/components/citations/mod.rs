//! Citations: every trip, event, claim and estimate links to numbered sources.
//!
//! Numbers are assigned once per report ([`Footnotes`]), in the order sources
//! first appear on the page, so the same source has the same number in every
//! view and in the bibliography.

mod footnotes;

use leptos::prelude::*;
use sealift_format::Citation;

pub use footnotes::Footnotes;

use crate::data::SharedReport;

/// The page's footnote numbers, shared through context.
pub fn provide_footnotes(report: &SharedReport) -> Footnotes {
    let footnotes = Footnotes::for_report(report);
    provide_context(footnotes.clone());
    footnotes
}

/// The footnotes in context, or numbers made for `report` when a view is mounted on its own.
pub fn use_footnotes(report: &SharedReport) -> Footnotes {
    use_context::<Footnotes>().unwrap_or_else(|| Footnotes::for_report(report))
}

/// The id of a source's entry in the bibliography, the target of its footnote links.
pub fn source_anchor(number: usize) -> String {
    format!("source-{number}")
}

/// Superscript footnote links after a statement: ¹ ³ ⁷. Each link says where it
/// goes ("Source 3: NK Pro, via RBC-Ukraine"), for screen readers and on hover.
#[component]
pub fn CitationMarks(report: SharedReport, cites: Vec<Citation>) -> impl IntoView {
    let footnotes = use_footnotes(&report);
    // One mark per source, in number order: "¹ ³ ⁷", never "³ ¹ ³".
    let mut numbered: Vec<(usize, &Citation)> = cites
        .iter()
        .filter_map(|cite| Some((footnotes.number(&cite.source)?, cite)))
        .collect();
    numbered.sort_by_key(|(number, _)| *number);
    numbered.dedup_by_key(|(number, _)| *number);
    let marks = numbered
        .into_iter()
        .map(|(number, cite)| {
            let label = format!("Source {number}: {}", citation_text(&report, cite));
            view! {
                <a class="cite-mark" href=format!("#{}", source_anchor(number)) aria-label=label.clone() title=label>
                    {number}
                </a>
            }
        })
        .collect_view();
    view! { <sup class="cite-marks">{marks}</sup> }
}

/// A citation in words: "NK Pro, via RBC-Ukraine", with its locator when given.
pub fn citation_text(report: &SharedReport, cite: &Citation) -> String {
    let name = |id: &str| {
        report
            .source(id)
            .map_or_else(|| id.to_owned(), |s| s.publisher.clone())
    };
    let mut text = name(&cite.source);
    if let Some(via) = &cite.via {
        text.push_str(", via ");
        text.push_str(&name(via));
    }
    if let Some(locator) = &cite.locator {
        text.push_str(", ");
        text.push_str(locator);
    }
    text
}

/// The "Source:" line under a view: each distinct source once, in footnote
/// order, with its number: "Source: RBC-Ukraine¹, CSIS, via KBS⁴".
#[component]
pub fn SourceLine(report: SharedReport, cites: Vec<Citation>) -> impl IntoView {
    let footnotes = use_footnotes(&report);
    let mut seen: Vec<(usize, Citation)> = Vec::new();
    for cite in cites {
        if let Some(n) = footnotes.number(&cite.source)
            && !seen.iter().any(|(m, c)| *m == n && c.via == cite.via)
        {
            seen.push((n, cite));
        }
    }
    seen.sort_by_key(|(n, _)| *n);
    let empty = seen.is_empty();
    let items = seen
        .into_iter()
        .enumerate()
        .map(|(i, (n, cite))| {
            let text = citation_text(
                &report,
                &Citation {
                    locator: None,
                    ..cite
                },
            );
            let label = format!("Source {n}: {text}");
            view! {
                {(i > 0).then_some("; ")}
                <a href=format!("#{}", source_anchor(n)) aria-label=label>
                    {text} <sup>{n}</sup>
                </a>
            }
        })
        .collect_view();
    view! {
        <p class="source-line">
            <span class="source-line__label">"Source: "</span>
            {if empty { Some("the report's authors") } else { None }}
            {items}
        </p>
    }
}
