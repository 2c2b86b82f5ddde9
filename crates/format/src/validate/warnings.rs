//! The warnings: things a report may do but that readers should not have to guess about.

use rustc_hash::FxHashSet;

use super::{Cx, each_citation, findings, named};
use crate::model::{Certainty, PlacePrecision, Report};
use crate::path::Path;

pub(super) fn check(cx: &mut Cx, r: &Report) {
    // Every source cited, directly or as a relay. (A set: the warnings are
    // not in the viewer's WebAssembly, whose lookups by id share one map type.)
    let mut cited: FxHashSet<&str> = FxHashSet::default();
    each_citation(r, |_, _, c| {
        cited.insert(c.source.as_str());
        if let Some(via) = &c.via {
            cited.insert(via.as_str());
        }
    });
    let sources = Path::Text("sources");
    for (i, s) in r.sources.iter().enumerate() {
        let base = sources.item(i);
        let undecoded =
            || cx.gaps.touches(base.field("url")) || cx.gaps.touches(base.field("date"));
        if s.url.is_none() && s.date.is_none() && !undecoded() {
            let message = message!(
                "{} has neither a URL nor a date, so readers cannot find or place it",
                named("source", &s.id, base)
            );
            cx.warning(
                base,
                message,
                Some(message!(
                    "add `url` or `date`, or say in `note` why there is none"
                )),
            );
        }
        if !s.id.is_empty() && !cited.contains(s.id.as_str()) {
            let message = message!("source \"{}\" is listed but nothing cites it", s.id);
            cx.warning(
                base.field("id"),
                message,
                Some(message!("cite it, or remove it from `sources`")),
            );
        }
    }
    let places = Path::Text("places");
    for (i, p) in r.places.iter().enumerate() {
        if p.precision == PlacePrecision::Approximate {
            let base = places.item(i);
            let message = message!(
                "the coordinates of {} are approximate",
                named("place", &p.id, base)
            );
            let help =
                "the map marks it as approximate; give exact coordinates when they are known";
            cx.warning(base.field("precision"), message, Some(help.into()));
        }
    }
    for f in findings(r) {
        let help = match f.certainty {
            Some(Certainty::Inferred) => "add a `note` saying how the authors inferred it",
            Some(Certainty::Disputed) => "add a `note` saying how the sources disagree",
            _ => continue,
        };
        if f.note.is_none_or(|n| n.trim().is_empty()) {
            let word = f.certainty.map_or("", |c| c.as_str());
            let who = named(f.kind, f.id, f.path);
            let message = message!("{who} is marked `{word}` but has no `note` saying why");
            cx.warning(f.path.field("certainty"), message, Some(help.into()));
        }
    }
}
