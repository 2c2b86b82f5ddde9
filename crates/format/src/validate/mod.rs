//! Checks the rules of the format that types alone cannot express, in the spec's order.

mod graph;
mod ids;
mod refs;
mod values;
#[cfg(feature = "warnings")]
mod warnings;

use std::fmt;

use crate::decode::Gaps;
use crate::diagnostic::Sink;
use crate::json::Value;
use crate::model::{Certainty, Citation, Report};
use crate::path::Path;
use crate::suggest::Suggester;

/// Where findings go; skips paths that already failed to decode.
pub(crate) struct Cx<'s> {
    pub sink: &'s mut Sink,
    pub gaps: &'s Gaps,
    pub suggest: &'s mut Suggester,
    /// The JSON the report came from, for how a value was written.
    pub tree: &'s Value,
}

impl Cx<'_> {
    pub fn error(&mut self, path: Path, message: String, help: Option<String>) {
        let path = path.to_string();
        if !self.gaps.covers_text(&path) {
            self.sink.error(&path, message).maybe_help(help);
        }
    }

    #[cfg_attr(not(feature = "warnings"), allow(dead_code))]
    pub fn warning(&mut self, path: Path, message: String, help: Option<String>) {
        let path = path.to_string();
        if !self.gaps.covers_text(&path) {
            self.sink.warning(&path, message).maybe_help(help);
        }
    }
}

/// Runs every rule after decoding: ids, references, values, citations, then warnings.
pub(crate) fn validate(
    report: &Report,
    tree: &Value,
    gaps: &Gaps,
    sink: &mut Sink,
    suggest: &mut Suggester,
) {
    let mut cx = Cx {
        sink,
        gaps,
        suggest,
        tree,
    };
    ids::check(&mut cx, report);
    refs::check(&mut cx, report);
    graph::check(&mut cx, report);
    values::check(&mut cx, report);
    cited(&mut cx, report);
    #[cfg(feature = "warnings")]
    warnings::check(&mut cx, report);
}

/// Who a message is about (the holder of a reference or a citation),
/// written out only when there is a message.
#[derive(Clone, Copy)]
pub(crate) enum Owner<'a> {
    /// An item of a collection: its kind, id and path.
    Item(&'static str, &'a str, Path<'a>),
    /// Section `i` (0-based) of the report.
    Section(usize),
    /// A sanction on a vessel.
    Sanction(&'a Owner<'a>),
}

impl fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Owner::Item(kind, "", path) => write!(f, "the {kind} at {path}"),
            Owner::Item(kind, id, _) => write!(f, "{kind} \"{id}\""),
            Owner::Section(i) => write!(f, "section {} of the report", i + 1),
            Owner::Sanction(vessel) => write!(f, "a sanction on {vessel}"),
        }
    }
}

/// How a message names an item: `trip "t-12"`, or `the trip at trips[3]` when it has no id.
pub(crate) fn named<'a>(kind: &'static str, id: &'a str, path: Path<'a>) -> Owner<'a> {
    Owner::Item(kind, id, path)
}

/// What trips, events, claims and estimates share: sources, and (not estimates) a certainty.
pub(crate) struct Finding<'r> {
    pub kind: &'static str,
    /// The item's path, such as `trips[3]`.
    pub path: Path<'static>,
    pub id: &'r str,
    pub sources: &'r [Citation],
    /// (The certainty and the note are for the warnings.)
    #[cfg_attr(not(feature = "warnings"), allow(dead_code))]
    pub certainty: Option<Certainty>,
    #[cfg_attr(not(feature = "warnings"), allow(dead_code))]
    pub note: Option<&'r str>,
}

/// Every trip, event, claim and estimate, in that order.
pub(crate) fn findings(r: &Report) -> impl Iterator<Item = Finding<'_>> {
    let trips = r.trips.iter().enumerate().map(|(i, t)| Finding {
        kind: "trip",
        path: Path::Item(&Path::Text("trips"), i),
        id: &t.id,
        sources: &t.sources,
        certainty: Some(t.certainty),
        note: t.note.as_deref(),
    });
    let events = r.events.iter().enumerate().map(|(i, e)| Finding {
        kind: "event",
        path: Path::Item(&Path::Text("events"), i),
        id: &e.id,
        sources: &e.sources,
        certainty: Some(e.certainty),
        note: e.note.as_deref(),
    });
    let claims = r.claims.iter().enumerate().map(|(i, c)| Finding {
        kind: "claim",
        path: Path::Item(&Path::Text("claims"), i),
        id: &c.id,
        sources: &c.sources,
        certainty: Some(c.certainty),
        note: c.note.as_deref(),
    });
    let estimates = r.estimates.iter().enumerate().map(|(i, e)| Finding {
        kind: "estimate",
        path: Path::Item(&Path::Text("estimates"), i),
        id: &e.id,
        sources: &e.sources,
        certainty: None,
        note: e.note.as_deref(),
    });
    trips.chain(events).chain(claims).chain(estimates)
}

/// Rule 7: every trip, event, claim and estimate cites at least one source.
fn cited(cx: &mut Cx, r: &Report) {
    for f in findings(r) {
        let path = f.path.field("sources");
        if f.sources.is_empty() && !cx.gaps.touches(path) {
            let who = named(f.kind, f.id, f.path);
            let message = message!(
                "{who} cites no source: every {} needs at least one citation",
                f.kind
            );
            cx.error(
                path,
                message,
                Some(message!("add the ids of its sources to `sources`")),
            );
        }
    }
}

/// Calls `f(path, owner, citation)` for every citation in the report, `cites` of sections included.
pub(crate) fn each_citation<'r>(r: &'r Report, mut f: impl FnMut(Path, Owner, &'r Citation)) {
    let mut list = |base: Path, field: &str, owner: Owner, cites: &'r [Citation]| {
        let at = base.field(field);
        for (i, c) in cites.iter().enumerate() {
            f(at.item(i), owner, c);
        }
    };
    let sections = Path::Text("report.sections");
    for (i, s) in r.info.sections.iter().enumerate() {
        list(sections.item(i), "cites", Owner::Section(i), &s.cites);
    }
    let places = Path::Text("places");
    for (i, p) in r.places.iter().enumerate() {
        let base = places.item(i);
        list(base, "sources", named("place", &p.id, base), &p.sources);
    }
    let vessels = Path::Text("vessels");
    for (i, v) in r.vessels.iter().enumerate() {
        let base = vessels.item(i);
        let owner = named("vessel", &v.id, base);
        list(base, "sources", owner, &v.sources);
        let sanctions = base.field("sanctions");
        for (j, s) in v.sanctions.iter().enumerate() {
            list(
                sanctions.item(j),
                "sources",
                Owner::Sanction(&owner),
                &s.sources,
            );
        }
    }
    for f in findings(r) {
        list(f.path, "sources", named(f.kind, f.id, f.path), f.sources);
    }
}
