//! The warnings: things a report may do but that readers should not have to guess about.

use std::collections::HashSet;

use super::{Cx, each_citation, findings, named};
use crate::decode::{index, join};
use crate::model::{Certainty, PlacePrecision, Report};

pub(super) fn check(cx: &mut Cx, r: &Report) {
    let mut cited: HashSet<&str> = HashSet::new();
    each_citation(r, |_, _, c| {
        cited.insert(c.source.as_str());
        if let Some(via) = &c.via {
            cited.insert(via.as_str());
        }
    });
    for (i, s) in r.sources.iter().enumerate() {
        let base = index("sources", i);
        let undecoded =
            cx.gaps.touches(&join(&base, "url")) || cx.gaps.touches(&join(&base, "date"));
        if s.url.is_none() && s.date.is_none() && !undecoded {
            let message = format!(
                "{} has neither a URL nor a date, so readers cannot find or place it",
                named("source", &s.id, &base)
            );
            cx.warning(
                &base,
                message,
                Some("add `url` or `date`, or say in `note` why there is none".into()),
            );
        }
        if !s.id.is_empty() && !cited.contains(s.id.as_str()) {
            let message = format!("source \"{}\" is listed but nothing cites it", s.id);
            cx.warning(
                &join(&base, "id"),
                message,
                Some("cite it, or remove it from `sources`".into()),
            );
        }
    }
    for (i, p) in r.places.iter().enumerate() {
        if p.precision == PlacePrecision::Approximate {
            let base = index("places", i);
            let message = format!(
                "the coordinates of {} are approximate",
                named("place", &p.id, &base)
            );
            let help =
                "the map marks it as approximate; give exact coordinates when they are known";
            cx.warning(&join(&base, "precision"), message, Some(help.into()));
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
            let who = named(f.kind, f.id, &f.path);
            let message = format!("{who} is marked `{word}` but has no `note` saying why");
            cx.warning(&join(&f.path, "certainty"), message, Some(help.into()));
        }
    }
}
