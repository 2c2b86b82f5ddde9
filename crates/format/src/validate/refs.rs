//! Rule 5: every reference resolves to an id of the right collection, with a suggestion when not.

use rustc_hash::FxHashMap;

use super::{Cx, Owner, each_citation, named};
use crate::json::Kind;
use crate::model::{EventLocation, Report};
use crate::path::Path;

/// The ids of one collection, for lookups and suggestions.
struct Ids<'a> {
    name: &'static str,
    list: Vec<&'a str>,
    /// Each id's position in `list` (a map, like the crate's other lookups by
    /// id: a set of its own is more code in the viewer's WebAssembly).
    set: FxHashMap<&'a str, usize>,
    /// Some id failed to decode: a reference might be meant for it, so none is reported.
    incomplete: bool,
}

impl<'a> Ids<'a> {
    fn new(cx: &Cx, name: &'static str, ids: impl Iterator<Item = &'a str>) -> Self {
        let collection = Path::Text(name);
        let mut incomplete = cx.gaps.covers(collection);
        let mut list = Vec::new();
        for (i, id) in ids.enumerate() {
            let item = collection.item(i);
            incomplete |= cx.gaps.covers(item.field("id"));
            if !id.is_empty() {
                list.push(id);
            }
        }
        let set = list.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        Ids {
            name,
            list,
            set,
            incomplete,
        }
    }

    /// Whether `id` is to be reported: given, not in the list, and the list complete.
    fn lacks(&self, id: &str) -> bool {
        !(id.is_empty() || self.incomplete || self.set.contains_key(id))
    }
}

/// Reports `id` at `path` unless it is in `ids`: "`owner` `verb` "id", which is not in `ids`".
fn resolve(cx: &mut Cx, ids: &Ids, path: Path, owner: Owner, verb: &str, id: &str) {
    if ids.lacks(id) {
        report(cx, ids, path, owner, verb, id);
    }
}

/// The message of [`resolve`], for an id known to be missing.
fn report(cx: &mut Cx, ids: &Ids, path: Path, owner: Owner, verb: &str, id: &str) {
    let message = message!("{owner} {verb} \"{id}\", which is not in `{}`", ids.name);
    let help = match cx.suggest.closest(id, ids.list.iter().copied()) {
        Some(near) => Some(message!("did you mean \"{near}\"?")),
        None if ids.list.is_empty() => {
            Some(message!("`{}` is empty: add it there first", ids.name))
        }
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

    let trips = Path::Text("trips");
    for (i, t) in r.trips.iter().enumerate() {
        let base = trips.item(i);
        let owner = named("trip", &t.id, base);
        let vessel = base.field("vessel");
        resolve(cx, &vessels, vessel, owner, "names vessel", &t.vessel);
        let from = base.field("from");
        resolve(cx, &places, from, owner, "sails from place", &t.from);
        let to = base.field("to");
        resolve(cx, &places, to, owner, "sails to place", &t.to);
    }
    let events = Path::Text("events");
    for (i, e) in r.events.iter().enumerate() {
        let base = events.item(i);
        let owner = named("event", &e.id, base);
        if let Some(v) = &e.vessel {
            resolve(cx, &vessels, base.field("vessel"), owner, "names vessel", v);
        }
        if let EventLocation::Place(p) = &e.location {
            resolve(cx, &places, base.field("place"), owner, "names place", p);
        }
    }
    let claims = Path::Text("claims");
    for (i, c) in r.claims.iter().enumerate() {
        let base = claims.item(i);
        let owner = named("claim", &c.id, base);
        let actor = base.field("actor");
        resolve(cx, &actors, actor, owner, "names actor", &c.actor);
        let list = base.field("vessels");
        for (j, v) in c.vessels.iter().enumerate() {
            resolve(cx, &vessels, list.item(j), owner, "names vessel", v);
        }
        let list = base.field("places");
        for (j, p) in c.places.iter().enumerate() {
            resolve(cx, &places, list.item(j), owner, "names place", p);
        }
    }
    let list = Path::Text("estimates");
    for (i, e) in r.estimates.iter().enumerate() {
        let base = list.item(i);
        let owner = named("estimate", &e.id, base);
        let actor = base.field("actor");
        resolve(cx, &actors, actor, owner, "names actor", &e.actor);
        let derived = base.field("derived_from");
        for (j, d) in e.derived_from.iter().enumerate() {
            let verb = "is derived from estimate";
            resolve(cx, &estimates, derived.item(j), owner, verb, d);
        }
    }
    each_citation(r, |path, owner, c| {
        if sources.lacks(&c.source) {
            // a bare id's path is the entry itself; an object's is its `source` field
            let written = path.to_string();
            let written_as_object =
                matches!(cx.tree.find(&written), (v, true) if matches!(v.kind, Kind::Object(_)));
            let field = path.field("source");
            let at = if written_as_object { field } else { path };
            report(cx, &sources, at, owner, "cites source", &c.source);
        }
        if let Some(via) = &c.via {
            let at = path.field("via");
            resolve(cx, &sources, at, owner, "cites a source via", via);
        }
    });
}
