//! The bibliography: every source, numbered in the order it first appears on
//! the page, with how it reached us ("known via").

use leptos::prelude::*;
use sealift_format::{Citation, Report, Source, SourceKind};
use wasm_bindgen::JsCast;

use crate::components::citations::Cited;
use crate::components::citations::{anchored_source, source_anchor, use_footnotes};
use crate::components::downloads::DataDownloads;
use crate::components::show_more::{Portion, ShowMore};
use crate::components::view_frame::{EmptyState, ViewFrame};
use crate::data::SharedReport;
use crate::embed::{Embeddable, in_embed};
use crate::first_seen::FirstSeen;
use crate::i18n::{fill, tr};
use crate::text::{Case, count_text, count_text_in, date_text, number_text};

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
                &[("relayed", &number_text(relayed as f64))],
            ));
        }
        text.push('.');
        text
    };
    let entries: Vec<(usize, Source)> = footnotes
        .in_order()
        .iter()
        .filter_map(|id| {
            report
                .source(id)
                .map(|s| (footnotes.number(id).unwrap_or(0), s.clone()))
        })
        .collect();
    let count = entries.len();
    let portion = Portion::new(SOURCES_AT_A_TIME);
    follow_links_down(&entries, portion);
    let items = {
        let report = report.clone();
        move || {
            entries
                .iter()
                .take(portion.limit())
                .enumerate()
                .map(|(i, (number, source))| {
                    let via = relays.of(&source.id).to_vec();
                    // The list counts 1, 2, 3 by itself; a `value` on every item would
                    // make the browser recount the list for each (seconds for 2,000
                    // sources), so only a number that breaks the count is written.
                    let value = (*number != i + 1).then(|| number.to_string());
                    view! { <SourceEntry report=report.clone() number=*number value source=source.clone() via /> }
                })
                .collect_view()
        }
    };
    let body = if report.sources.is_empty() {
        view! { <EmptyState message=tr("No sources in this report") /> }.into_any()
    } else {
        // `role` keeps the list a list to screen readers that drop it without markers.
        view! {
            <ol class="source-list" role="list">{items}</ol>
            <ShowMore portion count=Memo::new(move |_| count) noun="source" nouns="sources" />
        }
        .into_any()
    };
    // The bibliography is the sources; it needs no "Source:" line of its own.
    let cited = Cited::default();
    let downloads = report.clone();
    view! {
        <ViewFrame report id="sources" heading=Embeddable::Sources.heading() caption=Memo::new(move |_| caption.clone()) cited>
            {body}
            <DataDownloads report=downloads />
        </ViewFrame>
    }
}

/// Sources listed at first and per press of "Show the next 200 sources":
/// the 2,000 sources of a 10,000-trip report were 19,000 elements.
const SOURCES_AT_A_TIME: usize = 200;

/// A footnote (or an address) pointing at a source not yet listed lists the
/// sources down to it, then goes there as the link would have. In an embed,
/// every jump within the list goes there in place of the address's history
/// entry: the entries are its article's, whose Back button should leave it.
fn follow_links_down(entries: &[(usize, Source)], portion: Portion) {
    let embedded = in_embed();
    let numbers: Vec<usize> = entries.iter().map(|(number, _)| *number).collect();
    let reveal = move |hash: &str| -> bool {
        let Some(number) = anchored_source(hash) else {
            return false;
        };
        let listed = document()
            .get_element_by_id(&source_anchor(number))
            .is_some();
        match numbers.iter().position(|&n| n == number) {
            Some(at) if !listed => {
                portion.reach(at + 1);
                true
            }
            _ => false,
        }
    };
    let on_click = window_event_listener(leptos::ev::click, {
        let reveal = reveal.clone();
        move |event| {
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href^='#']").ok().flatten());
            let Some(hash) = link.and_then(|a| a.get_attribute("href")) else {
                return;
            };
            if reveal(&hash) || embedded {
                event.prevent_default();
                // Once the entry is listed (the list redraws before the next frame).
                request_animation_frame(move || {
                    let _ = if embedded {
                        window().location().replace(&hash)
                    } else {
                        window().location().set_hash(&hash)
                    };
                });
            }
        }
    });
    on_cleanup(move || on_click.remove());
    // An address that ends in a source not listed yet: once the charts
    // above have their heights (they draw in the first frame).
    let hash = window().location().hash().unwrap_or_default();
    if reveal(&hash) {
        request_animation_frame(move || {
            request_animation_frame(move || {
                let entry = anchored_source(&hash)
                    .and_then(|n| document().get_element_by_id(&source_anchor(n)));
                if let Some(entry) = entry {
                    entry.scroll_into_view();
                }
            })
        });
    }
}

/// For each source known through others, those others (the `via` of its
/// citations), sorted.
struct Relays {
    /// Where each relayed source's list is in `vias`.
    by_source: FirstSeen,
    vias: Vec<Vec<String>>,
}

impl Relays {
    /// How many sources are known through others.
    fn len(&self) -> usize {
        self.vias.len()
    }

    /// The sources that relay `source`, if any.
    fn of(&self, source: &str) -> &[String] {
        self.by_source
            .get(source)
            .and_then(|at| self.vias.get(at))
            .map_or(&[], Vec::as_slice)
    }
}

/// The relays of every source, in one pass over the citations.
fn relays(report: &Report) -> Relays {
    let mut relays = Relays {
        by_source: FirstSeen::default(),
        vias: Vec::new(),
    };
    for citation in all_citations(report) {
        if let Some(via) = &citation.via
            && let Some(vias) =
                (relays.by_source).entry(&citation.source, &mut relays.vias, Vec::new)
        {
            vias.push(via.clone());
        }
    }
    for vias in &mut relays.vias {
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
