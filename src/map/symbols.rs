//! One shape per kind of place, so that kinds read without colour or legend
//! hunting: a port is a dot, a naval base a diamond, and so on.

use leptos::prelude::*;
use sealift_format::PlaceKind;

use crate::coordinates::px;
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

/// The outline of a kind's symbol, centred on (0, 0).
fn outline(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Port => "M-5,0a5,5 0 1,0 10,0a5,5 0 1,0 -10,0Z",
        PlaceKind::NavalBase => "M0,-6.5L6.5,0L0,6.5L-6.5,0Z",
        PlaceKind::Shipyard => "M-4.75,-4.75h9.5v9.5h-9.5Z",
        PlaceKind::Depot => "M0,-6L6,4.5H-6Z",
        PlaceKind::Anchorage => "M0,6L6,-4.5H-6Z",
        PlaceKind::Rail => "M-7,-2.75h14v5.5h-14Z",
        PlaceKind::BorderCrossing => "M-6,-5.5L0,0L-6,5.5ZM6,-5.5L0,0L6,5.5Z",
        PlaceKind::City => "M-5.5,0a5.5,5.5 0 1,0 11,0a5.5,5.5 0 1,0 -11,0Z",
        PlaceKind::Other => "M-3.5,0a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0Z",
    }
}

/// A place's symbol at (0, 0); the caller translates it. Approximate places
/// are hollow inside a dashed ring: "somewhere around here".
#[component]
pub fn PlaceSymbol(kind: PlaceKind, approximate: bool) -> impl IntoView {
    view! {
        {approximate.then(|| view! { <circle class="place-symbol__ring" r={px(SYMBOL_RADIUS + 3.5)} /> })}
        <path class=format!("place-symbol__shape place-symbol__shape--{}", kind.as_str()) d=outline(kind) />
        {(kind == PlaceKind::City).then(|| view! { <circle class="place-symbol__dot" r="2.25" /> })}
    }
}

/// A symbol on its own, for the legend.
#[component]
pub fn SymbolKey(kind: PlaceKind, #[prop(optional)] approximate: bool) -> impl IntoView {
    view! {
        <svg class="map-key__symbol place-symbol" class:place-symbol--approximate=approximate
            viewBox="-10 -10 20 20" width="20" height="20" aria-hidden="true">
            <PlaceSymbol kind approximate />
        </svg>
    }
}
