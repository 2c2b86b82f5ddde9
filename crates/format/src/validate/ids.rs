//! Rule 4: ids are well formed and unique within their collection.

use rustc_hash::FxHashMap;

use super::Cx;
use crate::model::Report;
use crate::path::Path;
use crate::shape::is_id;

pub(super) fn check(cx: &mut Cx, r: &Report) {
    well_formed(cx, Path::Text("report.id"), &r.info.id);
    unique(cx, "sources", r.sources.iter().map(|x| x.id.as_str()));
    unique(cx, "actors", r.actors.iter().map(|x| x.id.as_str()));
    unique(cx, "places", r.places.iter().map(|x| x.id.as_str()));
    unique(cx, "vessels", r.vessels.iter().map(|x| x.id.as_str()));
    unique(cx, "trips", r.trips.iter().map(|x| x.id.as_str()));
    unique(cx, "events", r.events.iter().map(|x| x.id.as_str()));
    unique(cx, "claims", r.claims.iter().map(|x| x.id.as_str()));
    unique(cx, "estimates", r.estimates.iter().map(|x| x.id.as_str()));
}

/// Reports a malformed id; returns whether it is well formed.
fn well_formed(cx: &mut Cx, path: Path, id: &str) -> bool {
    if id.is_empty() || is_id(id) {
        return !id.is_empty();
    }
    let message = message!("\"{id}\" is not a valid id");
    let fixed: String = id
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == '_' {
                '-'
            } else {
                c
            }
        })
        .collect();
    let help = if is_id(&fixed) {
        message!("ids use lower-case letters, digits and hyphens: try \"{fixed}\"")
    } else {
        message!(
            "ids are 1 to 64 lower-case letters (a-z), digits and hyphens, starting with a letter or digit"
        )
    };
    cx.error(path, message, Some(help));
    false
}

fn unique<'a>(cx: &mut Cx, collection: &str, ids: impl ExactSizeIterator<Item = &'a str>) {
    let mut first: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(ids.len(), Default::default());
    let list = Path::Text(collection);
    for (i, id) in ids.enumerate() {
        let item = list.item(i);
        let path = item.field("id");
        if cx.gaps.covers(path) || !well_formed(cx, path, id) {
            continue;
        }
        match first.get(id) {
            Some(&j) => {
                let message = message!(
                    "the id \"{id}\" is used twice in `{collection}`: {} has it too",
                    list.item(j)
                );
                cx.error(path, message, Some(message!("give each item its own id")));
            }
            None => {
                first.insert(id, i);
            }
        }
    }
}
