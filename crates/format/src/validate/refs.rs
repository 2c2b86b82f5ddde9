//! Rule 5: every reference resolves to an id of the right collection, with a suggestion when not.

use std::collections::HashSet;

use super::{Cx, each_citation, named};
use crate::decode::{index, join};
use crate::json::Kind;
use crate::model::{EventLocation, Report};

/// The ids of one collection, for lookups and suggestions.
struct Ids<'a> {
    name: &'static str,
    list: Vec<&'a str>,
    set: HashSet<&'a str>,
    /// Some id failed to decode: a reference might be meant for it, so none is reported.
    incomplete: bool,
}

impl<'a> Ids<'a> {
    fn new(cx: &Cx, name: &'static str, ids: impl Iterator<Item = &'a str>) -> Self {
        let mut incomplete = cx.gaps.covers(name);
        let mut list = Vec::new();
        for (i, id) in ids.enumerate() {
            incomplete |= cx.gaps.covers(&join(&index(name, i), "id"));
            if !id.is_empty() {
                list.push(id);
            }
        }
        let set = list.iter().copied().collect();
        Ids {
            name,
            list,
            set,
            incomplete,
        }
    }
}

/// Reports `id` at `path` unless it is in `ids`: "`owner` `verb` "id", which is not in `ids`".
fn resolve(cx: &mut Cx, ids: &Ids, path: &str, owner: &str, verb: &str, id: &str) {
    if id.is_empty() || ids.incomplete || ids.set.contains(id) {
        return;
    }
    let message = format!("{owner} {verb} \"{id}\", which is not in `{}`", ids.name);
    let help = match cx.suggest.closest(id, ids.list.iter().copied()) {
        Some(near) => Some(format!("did you mean \"{near}\"?")),
        None if ids.list.is_empty() => Some(format!("`{}` is empty: add it there first", ids.name)),
        None => None,
    };
    cx.error(path, message, help);
}

pub(super) fn check(cx: &mut Cx, r: &Report) {
    let sources = Ids::new(cx, "sources", r.sources.iter().map(|x| x.id.as_str()));
    let actors = Ids::new(cx, "actors", r.actors.iter().map(|x| x.id.as_str()));
    let places = Ids::new(cx, "places", r.places.iter().map(|x| x.id.as_str()));
    let vessels = Ids::new(cx, "vessels", r.vessels.iter().map(|x| x.id.as_str()));
    let estimates = Ids::new(cx, "estimates", r.estimates.iter().map(|x| x.id.as_str()));

    for (i, t) in r.trips.iter().enumerate() {
        let base = index("trips", i);
        let owner = named("trip", &t.id, &base);
        resolve(
            cx,
            &vessels,
            &join(&base, "vessel"),
            &owner,
            "names vessel",
            &t.vessel,
        );
        resolve(
            cx,
            &places,
            &join(&base, "from"),
            &owner,
            "sails from place",
            &t.from,
        );
        resolve(
            cx,
            &places,
            &join(&base, "to"),
            &owner,
            "sails to place",
            &t.to,
        );
    }
    for (i, e) in r.events.iter().enumerate() {
        let base = index("events", i);
        let owner = named("event", &e.id, &base);
        if let Some(v) = &e.vessel {
            resolve(
                cx,
                &vessels,
                &join(&base, "vessel"),
                &owner,
                "names vessel",
                v,
            );
        }
        if let EventLocation::Place(p) = &e.location {
            resolve(cx, &places, &join(&base, "place"), &owner, "names place", p);
        }
    }
    for (i, c) in r.claims.iter().enumerate() {
        let base = index("claims", i);
        let owner = named("claim", &c.id, &base);
        resolve(
            cx,
            &actors,
            &join(&base, "actor"),
            &owner,
            "names actor",
            &c.actor,
        );
        for (j, v) in c.vessels.iter().enumerate() {
            resolve(
                cx,
                &vessels,
                &index(&join(&base, "vessels"), j),
                &owner,
                "names vessel",
                v,
            );
        }
        for (j, p) in c.places.iter().enumerate() {
            resolve(
                cx,
                &places,
                &index(&join(&base, "places"), j),
                &owner,
                "names place",
                p,
            );
        }
    }
    for (i, e) in r.estimates.iter().enumerate() {
        let base = index("estimates", i);
        let owner = named("estimate", &e.id, &base);
        resolve(
            cx,
            &actors,
            &join(&base, "actor"),
            &owner,
            "names actor",
            &e.actor,
        );
        for (j, d) in e.derived_from.iter().enumerate() {
            let path = index(&join(&base, "derived_from"), j);
            resolve(cx, &estimates, &path, &owner, "is derived from estimate", d);
        }
    }
    each_citation(r, |path, owner, c| {
        // a bare id's path is the entry itself; an object's is its `source` field
        let written_as_object =
            matches!(cx.tree.find(path), (v, true) if matches!(v.kind, Kind::Object(_)));
        let source_path = if written_as_object {
            join(path, "source")
        } else {
            path.to_string()
        };
        resolve(cx, &sources, &source_path, owner, "cites source", &c.source);
        if let Some(via) = &c.via {
            resolve(
                cx,
                &sources,
                &join(path, "via"),
                owner,
                "cites a source via",
                via,
            );
        }
    });
}
