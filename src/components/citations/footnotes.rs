//! Footnote numbers, assigned once in the order sources first appear on the page.

use rustc_hash::FxHashMap;
use std::sync::Arc;

use sealift_format::{Citation, Report};

use crate::visible::chronological;

/// Source id → footnote number (1-based), and where the numbers link.
/// Cheap to clone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Footnotes {
    numbers: Arc<FxHashMap<String, usize>>,
    order: Arc<Vec<String>>,
    /// The full report's address, when the bibliography is not on this page
    /// (an embed of another view): footnotes then open it in a new tab.
    elsewhere: Option<Arc<str>>,
}

impl Footnotes {
    /// Numbers every source: first those cited by the narrative, then by the
    /// views in page order (timeline, estimates, map, claims, vessels), then
    /// any source nothing cites, so the bibliography lists them all.
    pub fn for_report(report: &Report) -> Self {
        let mut order: Vec<String> = Vec::with_capacity(report.sources.len());
        let mut numbers: FxHashMap<String, usize> =
            FxHashMap::with_capacity_and_hasher(report.sources.len(), Default::default());
        let mut add = |id: &str| {
            if !numbers.contains_key(id) && report.source(id).is_some() {
                order.push(id.to_owned());
                numbers.insert(id.to_owned(), order.len());
            }
        };
        let mut cite_all = |cites: &[Citation]| {
            for cite in cites {
                add(&cite.source);
                if let Some(via) = &cite.via {
                    add(via);
                }
            }
        };
        for section in &report.info.sections {
            cite_all(&section.cites);
        }
        for trip in &report.trips {
            cite_all(&trip.sources);
        }
        for event in &report.events {
            cite_all(&event.sources);
        }
        for estimate in &report.estimates {
            cite_all(&estimate.sources);
        }
        for place in &report.places {
            cite_all(&place.sources);
        }
        let mut claims: Vec<_> = report.claims.iter().collect();
        crate::order::sort_by(&mut claims, |a, b| chronological(&a.stated, &b.stated));
        for claim in claims {
            cite_all(&claim.sources);
        }
        for vessel in &report.vessels {
            cite_all(&vessel.sources);
            for sanction in &vessel.sanctions {
                cite_all(&sanction.sources);
            }
        }
        for source in &report.sources {
            add(&source.id);
        }
        Self {
            numbers: Arc::new(numbers),
            order: Arc::new(order),
            elsewhere: None,
        }
    }

    /// The same numbers, linking to the bibliography of the report at
    /// `address` instead of this page's.
    pub fn linking_to(self, address: String) -> Self {
        Self {
            elsewhere: Some(address.into()),
            ..self
        }
    }

    /// Where a link to the bibliography's element `id` goes ("source-3",
    /// "sources").
    pub fn href(&self, id: &str) -> String {
        format!("{}#{id}", self.elsewhere.as_deref().unwrap_or_default())
    }

    /// `_blank` when the links leave the page for the full report's.
    pub fn target(&self) -> Option<&'static str> {
        self.elsewhere.is_some().then_some("_blank")
    }

    /// The footnote number of a source, if the report has it.
    pub fn number(&self, source_id: &str) -> Option<usize> {
        self.numbers.get(source_id).copied()
    }

    /// Source ids in footnote order: the bibliography's order.
    pub fn in_order(&self) -> &[String] {
        &self.order
    }
}
