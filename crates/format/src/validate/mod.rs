//! Checks the rules of the format that types alone cannot express, in the spec's order.

mod graph;
mod ids;
mod refs;
mod values;
mod warnings;

use crate::decode::{Gaps, index, join};
use crate::diagnostic::Sink;
use crate::json::Value;
use crate::model::{Certainty, Citation, Report};
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
    pub fn error(&mut self, path: &str, message: String, help: Option<String>) {
        if !self.gaps.covers(path) {
            self.sink.error(path, message).maybe_help(help);
        }
    }

    pub fn warning(&mut self, path: &str, message: String, help: Option<String>) {
        if !self.gaps.covers(path) {
            self.sink.warning(path, message).maybe_help(help);
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
    warnings::check(&mut cx, report);
}

/// How a message names an item: `trip "t-12"`, or `the trip at trips[3]` when it has no id.
pub(crate) fn named(kind: &str, id: &str, path: &str) -> String {
    if id.is_empty() {
        format!("the {kind} at {path}")
    } else {
        format!("{kind} \"{id}\"")
    }
}

/// What trips, events, claims and estimates share: sources, and (not estimates) a certainty.
pub(crate) struct Finding<'r> {
    pub kind: &'static str,
    /// The item's path, such as `trips[3]`.
    pub path: String,
    pub id: &'r str,
    pub sources: &'r [Citation],
    pub certainty: Option<Certainty>,
    pub note: Option<&'r str>,
}

/// Every trip, event, claim and estimate, in that order.
pub(crate) fn findings(r: &Report) -> impl Iterator<Item = Finding<'_>> {
    let trips = r.trips.iter().enumerate().map(|(i, t)| Finding {
        kind: "trip",
        path: index("trips", i),
        id: &t.id,
        sources: &t.sources,
        certainty: Some(t.certainty),
        note: t.note.as_deref(),
    });
    let events = r.events.iter().enumerate().map(|(i, e)| Finding {
        kind: "event",
        path: index("events", i),
        id: &e.id,
        sources: &e.sources,
        certainty: Some(e.certainty),
        note: e.note.as_deref(),
    });
    let claims = r.claims.iter().enumerate().map(|(i, c)| Finding {
        kind: "claim",
        path: index("claims", i),
        id: &c.id,
        sources: &c.sources,
        certainty: Some(c.certainty),
        note: c.note.as_deref(),
    });
    let estimates = r.estimates.iter().enumerate().map(|(i, e)| Finding {
        kind: "estimate",
        path: index("estimates", i),
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
        let path = join(&f.path, "sources");
        if f.sources.is_empty() && !cx.gaps.touches(&path) {
            let who = named(f.kind, f.id, &f.path);
            let message = format!(
                "{who} cites no source: every {} needs at least one citation",
                f.kind
            );
            cx.error(
                &path,
                message,
                Some("add the ids of its sources to `sources`".into()),
            );
        }
    }
}

/// Calls `f(path, owner, citation)` for every citation in the report, `cites` of sections included.
pub(crate) fn each_citation<'r>(r: &'r Report, mut f: impl FnMut(&str, &str, &'r Citation)) {
    let mut list = |base: &str, field: &str, owner: &str, cites: &'r [Citation]| {
        for (i, c) in cites.iter().enumerate() {
            f(&index(&join(base, field), i), owner, c);
        }
    };
    for (i, s) in r.info.sections.iter().enumerate() {
        let base = index("report.sections", i);
        list(
            &base,
            "cites",
            &format!("section {} of the report", i + 1),
            &s.cites,
        );
    }
    for (i, p) in r.places.iter().enumerate() {
        let base = index("places", i);
        list(&base, "sources", &named("place", &p.id, &base), &p.sources);
    }
    for (i, v) in r.vessels.iter().enumerate() {
        let base = index("vessels", i);
        let owner = named("vessel", &v.id, &base);
        list(&base, "sources", &owner, &v.sources);
        for (j, s) in v.sanctions.iter().enumerate() {
            let sanction = index(&join(&base, "sanctions"), j);
            list(
                &sanction,
                "sources",
                &format!("a sanction on {owner}"),
                &s.sources,
            );
        }
    }
    for (i, t) in r.trips.iter().enumerate() {
        let base = index("trips", i);
        list(&base, "sources", &named("trip", &t.id, &base), &t.sources);
    }
    for (i, e) in r.events.iter().enumerate() {
        let base = index("events", i);
        list(&base, "sources", &named("event", &e.id, &base), &e.sources);
    }
    for (i, c) in r.claims.iter().enumerate() {
        let base = index("claims", i);
        list(&base, "sources", &named("claim", &c.id, &base), &c.sources);
    }
    for (i, e) in r.estimates.iter().enumerate() {
        let base = index("estimates", i);
        list(
            &base,
            "sources",
            &named("estimate", &e.id, &base),
            &e.sources,
        );
    }
}
