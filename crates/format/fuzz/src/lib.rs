//! What every fuzz target asserts about `sealift_format::check_bytes`, whatever the input.
//!
//! Beyond "never panics" (libFuzzer reports any panic as a crash):
//!
//! 1. `report` is present exactly when there is no error diagnostic.
//! 2. Every diagnostic has a message, and its location (when it has one) lies
//!    inside the input: `offset + len <= input length`, line and column are
//!    1-based and, for UTF-8 input, the span starts and ends on character
//!    boundaries and line and column agree with the offset (lines counted by
//!    `\n`, columns by characters, a byte order mark not counted).
//! 3. A valid report satisfies the format's rules on its own (ids, references,
//!    dates and periods, coordinates, quantities, citations): an independent
//!    re-statement of the spec, so a validator that lets a broken report
//!    through is caught.
//! 4. Round trip: a valid report serialized to JSON checks again as valid,
//!    equal to the first, with the same warnings, and serializes to the same
//!    text (the export is a fixed point).
//! 5. The outcome serializes to JSON (what the CLI and the viewer do with it).

use std::cmp::Ordering;
use std::collections::HashSet;

use sealift_format::{
    Checked, Citation, Date, FORMAT_VERSION, MAX_REPORT_BYTES, Period, Report, check, check_bytes,
};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Checks `data` and asserts every invariant; returns the outcome.
pub fn check_and_verify(data: &[u8]) -> Checked {
    let checked = check_bytes(data);
    verify(data, &checked);
    checked
}

/// Asserts invariants 1 to 5 about `checked`, the outcome of checking `data`.
pub fn verify(data: &[u8], checked: &Checked) {
    assert_eq!(
        checked.report.is_some(),
        checked.is_valid(),
        "a report must be returned exactly when there is no error: {:#?}",
        checked.diagnostics
    );
    if data.len() <= MAX_REPORT_BYTES {
        assert!(
            checked.is_valid() || checked.errors().count() > 0,
            "an invalid outcome must say why"
        );
    }
    locations_are_inside(data, checked);
    if let Some(report) = &checked.report {
        rules_hold(report);
        round_trip(report, checked);
    }
    if let Err(e) = serde_json::to_string(checked) {
        panic!("the outcome does not serialize: {e}");
    }
}

fn locations_are_inside(data: &[u8], checked: &Checked) {
    let text = std::str::from_utf8(data).ok();
    let bom = if data.starts_with(BOM) { BOM.len() } else { 0 };
    for d in &checked.diagnostics {
        assert!(!d.message.trim().is_empty(), "an empty message: {d:#?}");
        let Some(loc) = d.location else { continue };
        let end = loc.offset.checked_add(loc.len);
        assert!(
            end.is_some_and(|end| end <= data.len()),
            "location {}+{} is outside the {}-byte input: {d:#?}",
            loc.offset,
            loc.len,
            data.len()
        );
        assert!(loc.line >= 1 && loc.column >= 1, "0-based location: {d:#?}");
        if let Some(text) = text {
            assert!(
                text.is_char_boundary(loc.offset) && text.is_char_boundary(loc.offset + loc.len),
                "location {}+{} splits a character: {d:#?}",
                loc.offset,
                loc.len
            );
        }
        let Some(before) = text.and_then(|t| t.get(bom.min(loc.offset)..loc.offset)) else {
            continue;
        };
        let line = 1 + before.matches('\n').count();
        let last_line = before.rsplit('\n').next().unwrap_or("");
        let column = 1 + last_line.chars().count();
        assert_eq!(
            (loc.line, loc.column),
            (line, column),
            "line and column do not match offset {}: {d:#?}",
            loc.offset
        );
    }
}

fn round_trip(report: &Report, first: &Checked) {
    let exported = match serde_json::to_string(report) {
        Ok(text) => text,
        Err(e) => panic!("a valid report does not serialize: {e}"),
    };
    let again = check(&exported);
    assert!(
        again.is_valid(),
        "the export of a valid report is invalid: {:#?}\nexport: {exported}",
        again.diagnostics
    );
    assert_eq!(
        again.report.as_ref(),
        Some(report),
        "the export reads back as a different report\nexport: {exported}"
    );
    assert_eq!(
        warnings(first),
        warnings(&again),
        "the export has different warnings\nexport: {exported}"
    );
    let twice = serde_json::to_string(&again.report).unwrap_or_default();
    assert_eq!(twice, exported, "exporting is not a fixed point");
}

fn warnings(c: &Checked) -> Vec<(String, String, Option<String>)> {
    c.warnings()
        .map(|d| (d.path.clone(), d.message.clone(), d.help.clone()))
        .collect()
}

/// The spec's rules, restated directly on the typed report.
pub fn rules_hold(r: &Report) {
    assert_eq!(r.format, FORMAT_VERSION);
    let info = &r.info;
    for (name, text) in [
        ("report.id", &info.id),
        ("report.title", &info.title),
        ("report.summary", &info.summary),
        ("report.language", &info.language),
    ] {
        assert!(!text.trim().is_empty(), "{name} is empty in a valid report");
    }
    if let Some(updated) = info.updated {
        assert_ne!(
            updated.cmp_coarse(&info.published),
            Ordering::Less,
            "updated before published"
        );
    }

    let sources = ids("sources", r.sources.iter().map(|s| s.id.as_str()));
    let actors = ids("actors", r.actors.iter().map(|a| a.id.as_str()));
    let places = ids("places", r.places.iter().map(|p| p.id.as_str()));
    let vessels = ids("vessels", r.vessels.iter().map(|v| v.id.as_str()));
    ids("trips", r.trips.iter().map(|t| t.id.as_str()));
    ids("events", r.events.iter().map(|e| e.id.as_str()));
    ids("claims", r.claims.iter().map(|c| c.id.as_str()));
    let estimates = ids("estimates", r.estimates.iter().map(|e| e.id.as_str()));

    let resolves = |set: &HashSet<&str>, id: &str, what: &str| {
        assert!(set.contains(id), "{what} \"{id}\" does not resolve");
    };
    let cites = |list: &[Citation], required: bool, owner: &str| {
        assert!(!required || !list.is_empty(), "{owner} cites nothing");
        for c in list {
            resolves(&sources, &c.source, "source");
            if let Some(via) = &c.via {
                resolves(&sources, via, "source (via)");
            }
        }
    };
    for s in &info.sections {
        assert!(!s.text.trim().is_empty(), "a section without text");
        cites(&s.cites, false, "a section");
    }
    for s in &r.sources {
        if let Some(url) = &s.url {
            let lower = url.to_ascii_lowercase();
            assert!(
                lower.starts_with("http://") || lower.starts_with("https://"),
                "a URL that is not http(s): {url}"
            );
        }
    }
    for p in &r.places {
        coordinates(p.lat, p.lon);
        cites(&p.sources, false, "a place");
    }
    for v in &r.vessels {
        if let Some(imo) = &v.imo {
            assert!(
                imo.len() == 7 && imo.bytes().all(|b| b.is_ascii_digit()),
                "IMO {imo}"
            );
        }
        cites(&v.sources, false, "a vessel");
        for s in &v.sanctions {
            cites(&s.sources, false, "a sanction");
        }
    }
    for t in &r.trips {
        resolves(&vessels, &t.vessel, "vessel");
        resolves(&places, &t.from, "place");
        resolves(&places, &t.to, "place");
        match (t.depart, t.arrive) {
            (None, None) => panic!("trip {} has neither depart nor arrive", t.id),
            (Some(d), Some(a)) => assert_ne!(a.cmp_coarse(&d), Ordering::Less, "trip {}", t.id),
            _ => {}
        }
        cites(&t.sources, true, "a trip");
    }
    for e in &r.events {
        if let Some(v) = &e.vessel {
            resolves(&vessels, v, "vessel");
        }
        match &e.location {
            sealift_format::EventLocation::Place(p) => resolves(&places, p, "place"),
            sealift_format::EventLocation::Position { lat, lon, .. } => coordinates(*lat, *lon),
        }
        if let sealift_format::When::Period(p) = &e.when {
            period(p);
        }
        assert!(!e.summary.trim().is_empty(), "an event without summary");
        cites(&e.sources, true, "an event");
    }
    for c in &r.claims {
        resolves(&actors, &c.actor, "actor");
        for v in &c.vessels {
            resolves(&vessels, v, "vessel");
        }
        for p in &c.places {
            resolves(&places, p, "place");
        }
        cites(&c.sources, true, "a claim");
    }
    for e in &r.estimates {
        resolves(&actors, &e.actor, "actor");
        let q = &e.quantity;
        for v in [Some(q.value), q.low, q.high].into_iter().flatten() {
            assert!(v >= 0.0 && v.is_finite(), "estimate {}: quantity {v}", e.id);
        }
        assert!(q.low.is_none_or(|low| low <= q.value), "estimate {}", e.id);
        assert!(
            q.high.is_none_or(|high| high >= q.value),
            "estimate {}",
            e.id
        );
        if let Some(p) = &e.period {
            period(p);
        }
        for d in &e.derived_from {
            resolves(&estimates, d, "estimate");
            assert_ne!(d, &e.id, "estimate {} is derived from itself", e.id);
        }
        cites(&e.sources, true, "an estimate");
    }
    no_cycles(r);
}

/// The ids of one collection: well formed and unique.
fn ids<'r>(collection: &str, all: impl Iterator<Item = &'r str>) -> HashSet<&'r str> {
    let mut seen = HashSet::new();
    for id in all {
        let b = id.as_bytes();
        let ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
        assert!(
            b.len() <= 64 && b.first().is_some_and(ok) && b.iter().all(|c| ok(c) || *c == b'-'),
            "{collection}: malformed id {id:?}"
        );
        assert!(seen.insert(id), "{collection}: duplicate id {id:?}");
    }
    seen
}

fn coordinates(lat: f64, lon: f64) {
    assert!((-90.0..=90.0).contains(&lat), "latitude {lat}");
    assert!((-180.0..=180.0).contains(&lon), "longitude {lon}");
}

fn period(p: &Period) {
    match (p.start, p.end) {
        (None, None) => panic!("a period with neither start nor end"),
        (Some(s), Some(e)) => assert!(ordered(&s, &e), "period {s}..{e}"),
        _ => {}
    }
}

/// `start <= end` at the coarser precision (the spec's rule, computed from days).
fn ordered(start: &Date, end: &Date) -> bool {
    // at the coarser precision, start <= end iff start begins no later than end ends
    start.first_day() <= end.last_day()
}

/// `derived_from` has no cycle (iterative depth-first search over the estimate graph).
fn no_cycles(r: &Report) {
    let index = |id: &str| r.estimates.iter().position(|e| e.id == id);
    // 0 = unseen, 1 = on the current path, 2 = done
    let mut state = vec![0u8; r.estimates.len()];
    for start in 0..r.estimates.len() {
        if state[start] != 0 {
            continue;
        }
        state[start] = 1;
        let mut stack = vec![(start, 0usize)];
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            match r.estimates[node].derived_from.get(next) {
                Some(to) => {
                    top.1 += 1;
                    if let Some(to) = index(to) {
                        assert_ne!(state[to], 1, "derived_from has a cycle");
                        if state[to] == 0 {
                            state[to] = 1;
                            stack.push((to, 0));
                        }
                    }
                }
                None => {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }
}
