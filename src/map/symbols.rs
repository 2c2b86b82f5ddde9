//! One shape per kind of place, so that kinds read without colour or legend
//! hunting: a port is a dot, a naval base a diamond, and so on.

use std::fmt::Write;

use leptos::prelude::*;
use sealift_format::PlaceKind;

use crate::coordinates::{Px, outline_at};
use crate::i18n::tr;

/// The symbols' radius in pixels (the rail bar and diamonds reach a little further).
pub const SYMBOL_RADIUS: f64 = 6.0;

/// The reader's words for a kind of place.
pub fn place_kind_text(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Port => tr("Port"),
        PlaceKind::NavalBase => tr("Naval base"),
        PlaceKind::Rail => tr("Rail station"),
        PlaceKind::BorderCrossing => tr("Border crossing"),
        PlaceKind::City => tr("City"),
        PlaceKind::Shipyard => tr("Shipyard"),
        PlaceKind::Anchorage => tr("Anchorage"),
        PlaceKind::Depot => tr("Depot"),
        PlaceKind::Other => tr("Other place"),
    }
}

/// The outline of a kind's symbol, drawn from its centre: every step is
/// relative, so that the path goes wherever it starts.
fn outline(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Port => "m-5,0a5,5 0 1,0 10,0a5,5 0 1,0 -10,0Z",
        PlaceKind::NavalBase => "m0,-6.5l6.5,6.5l-6.5,6.5l-6.5,-6.5Z",
        PlaceKind::Shipyard => "m-4.75,-4.75h9.5v9.5h-9.5Z",
        PlaceKind::Depot => "m0,-6l6,10.5h-12Z",
        PlaceKind::Anchorage => "m0,6l6,-10.5h-12Z",
        PlaceKind::Rail => "m-7,-2.75h14v5.5h-14Z",
        PlaceKind::BorderCrossing => "m-6,-5.5l6,5.5l-6,5.5Zm12,0l-6,5.5l6,5.5Z",
        PlaceKind::City => "m-5.5,0a5.5,5.5 0 1,0 11,0a5.5,5.5 0 1,0 -11,0Z",
        PlaceKind::Other => "m-3.5,0a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0Z",
    }
}

/// A place's symbol centred `at`, as markup (placed, not transformed: see
/// [`crate::coordinates`]). Approximate places are hollow inside a dashed
/// ring: "somewhere around here".
pub fn push_symbol(out: &mut String, kind: PlaceKind, approximate: bool, at: (f64, f64)) {
    let (x, y) = (Px(at.0), Px(at.1));
    if approximate {
        let _ = write!(
            out,
            "<circle class=\"place-symbol__ring\" cx=\"{x}\" cy=\"{y}\" r=\"{}\"/>",
            Px(SYMBOL_RADIUS + 3.5)
        );
    }
    let _ = write!(
        out,
        "<path class=\"place-symbol__shape place-symbol__shape--{}\" d=\"{}\"/>",
        kind.as_str(),
        outline_at(at, outline(kind))
    );
    if kind == PlaceKind::City {
        let _ = write!(
            out,
            "<circle class=\"place-symbol__dot\" cx=\"{x}\" cy=\"{y}\" r=\"2.25\"/>"
        );
    }
}

/// A symbol on its own, for the legend.
#[component]
pub fn SymbolKey(kind: PlaceKind, #[prop(optional)] approximate: bool) -> impl IntoView {
    let mut symbol = String::new();
    push_symbol(&mut symbol, kind, approximate, (0.0, 0.0));
    view! {
        <svg class="map-key__symbol place-symbol" class:place-symbol--approximate=approximate
            viewBox="-10 -10 20 20" width="20" height="20" aria-hidden="true" inner_html=symbol>
        </svg>
    }
}
