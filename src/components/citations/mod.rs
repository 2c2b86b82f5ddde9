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
use crate::embed::{full_report_url, without_bibliography};
use crate::first_seen::FirstSeen;
use crate::i18n::{fill, tr};

/// The page's footnote numbers, shared through context. In an embed without
/// the bibliography they lead to the full report's, in a new tab: an anchor
/// the embed does not have would go nowhere, and add an entry to its
/// article's history.
pub fn provide_footnotes(report: &SharedReport) -> Footnotes {
    let mut footnotes = Footnotes::for_report(report);
    if without_bibliography() {
        footnotes = footnotes.linking_to(full_report_url());
    }
    provide_context(footnotes.clone());
    footnotes
}

/// The footnotes in context, or numbers made for `report` when a view is mounted on its own.
pub fn use_footnotes(report: &SharedReport) -> Footnotes {
    use_context::<Footnotes>().unwrap_or_else(|| Footnotes::for_report(report))
}

/// The sources a view cites and how often, for its source line. Counted
/// without copying each citation: a 10,000-trip timeline cites 30,000 times.
#[derive(Debug, Clone, Default)]
pub struct Cited(Vec<(String, usize)>);

impl<'a> FromIterator<&'a Citation> for Cited {
    fn from_iter<I: IntoIterator<Item = &'a Citation>>(cites: I) -> Self {
        let mut sources = FirstSeen::default();
        let mut counts: Vec<(String, usize)> = Vec::new();
        for cite in cites {
            if let Some((_, n)) =
                sources.entry(&cite.source, &mut counts, || (cite.source.clone(), 0))
            {
                *n += 1;
            }
        }
        Cited(counts)
    }
}

/// The id of a source's entry in the bibliography, the target of its footnote links.
pub fn source_anchor(number: usize) -> String {
    format!("source-{number}")
}

/// The footnote number a link's target names ("#source-12" is 12), if it
/// is a source's entry ([`source_anchor`]).
pub fn anchored_source(hash: &str) -> Option<usize> {
    hash.strip_prefix("#source-")?.parse().ok()
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
    crate::order::sort_by_key(&mut numbered, |(number, _)| *number);
    numbered.dedup_by_key(|(number, _)| *number);
    let marks = numbered
        .into_iter()
        .map(|(number, cite)| {
            let label = fill(
                tr("Source {number}: {citation}"),
                &[
                    ("number", &number.to_string()),
                    ("citation", &citation_text(&report, cite)),
                ],
            );
            view! {
                <a
                    class="cite-mark"
                    href=footnotes.href(&source_anchor(number))
                    target=footnotes.target()
                    aria-label=label.clone()
                    title=label
                >
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
        text.push_str(tr(", via "));
        text.push_str(&name(via));
    }
    if let Some(locator) = &cite.locator {
        text.push_str(", ");
        text.push_str(locator);
    }
    text
}

/// How many publishers a "Source:" line names before it summarises the rest.
const SOURCE_LINE_NAMES: usize = 6;

/// The most footnote numbers shown after a publisher in a source line.
const SOURCE_LINE_NUMBERS: usize = 12;

/// The "Source:" line under a view, as a news graphic writes it: who the
/// figures come from, each publisher once, most cited first, with footnote
/// numbers; the rest summed up ("and 12 more sources") with a link to the
/// bibliography, where the "via" chains are spelt out.
#[component]
pub fn SourceLine(report: SharedReport, cited: Cited) -> impl IntoView {
    let footnotes = use_footnotes(&report);
    // Publisher → (how often cited, its footnote numbers).
    let mut publishers: Vec<(String, usize, Vec<usize>)> = Vec::new();
    for (id, times) in &cited.0 {
        let (Some(source), Some(number)) = (report.source(id), footnotes.number(id)) else {
            continue;
        };
        match publishers
            .iter_mut()
            .find(|(name, _, _)| *name == source.publisher)
        {
            Some((_, count, numbers)) => {
                *count += times;
                numbers.push(number);
            }
            None => publishers.push((source.publisher.clone(), *times, vec![number])),
        }
    }
    crate::order::sort_by(&mut publishers, |a, b| {
        b.1.cmp(&a.1)
            .then_with(|| a.2.iter().min().cmp(&b.2.iter().min()))
    });
    let total = publishers.len();
    let named = publishers
        .into_iter()
        .take(SOURCE_LINE_NAMES)
        .enumerate()
        .map(|(i, (name, _, mut numbers))| {
            crate::order::sort(&mut numbers);
            let first = numbers.first().copied().unwrap_or(0);
            view! {
                {(i > 0).then_some(", ")}
                <a href=footnotes.href(&source_anchor(first)) target=footnotes.target()>
                    {name}
                    <sup><span class="visually-hidden">" " {tr("sources")} " "</span>{join_numbers(&numbers)}</sup>
                </a>
            }
        })
        .collect_view();
    let rest = total.saturating_sub(SOURCE_LINE_NAMES);
    view! {
        <p class="source-line">
            <span class="source-line__label">{tr("Source: ")}</span>
            {(total == 0).then(|| tr("the report's authors"))}
            {named}
            {(rest > 0).then(|| view! {
                {tr(" and ")}
                <a href=footnotes.href("sources") target=footnotes.target()>
                    {crate::text::count_text(rest, "more source", "more sources")}
                </a>
            })}
        </p>
    }
}

/// "3,7,12": footnote numbers as a superscript shows them; past
/// [`SOURCE_LINE_NUMBERS`] the rest are left to the bibliography ("3,7,…").
fn join_numbers(numbers: &[usize]) -> String {
    let mut text = numbers
        .iter()
        .take(SOURCE_LINE_NUMBERS)
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",");
    if numbers.len() > SOURCE_LINE_NUMBERS {
        text.push_str(",…");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_long_list_of_footnote_numbers_leaves_the_rest_to_the_bibliography() {
        assert_eq!(join_numbers(&[3, 7, 12]), "3,7,12");
        let many: Vec<usize> = (1..=40).collect();
        assert_eq!(join_numbers(&many), "1,2,3,4,5,6,7,8,9,10,11,12,…");
    }

    #[test]
    fn each_source_is_counted_once_with_how_often_it_is_cited() {
        let cite = |source: &str| Citation {
            source: source.into(),
            ..Citation::default()
        };
        let cites = [cite("a"), cite("b"), cite("a"), cite("a")];
        let cited: Cited = cites.iter().collect();
        assert_eq!(cited.0, [("a".to_owned(), 3), ("b".to_owned(), 1)]);
    }
}
