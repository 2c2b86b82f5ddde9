//! The map of places and routes, drawn in SVG from a bundled Natural Earth
//! basemap: no tiles, no map library.
//!
//! The map fits the report's places (and events at sea), whatever part of
//! the world they are in. Places get a symbol by kind and a name placed so
//! that names never collide; trips become curved routes between places,
//! heavier for more trips; the reader's dates filter them and a selected
//! vessel's routes stand out. Hover or focus shows details with sources.

mod activity;
mod basemap;
mod details;
mod frame;
mod inspect;
mod labels;
mod land;
mod legend;
mod light_routes;
mod occupied;
mod places;
mod projection;
mod routes;
mod scale_bar;
mod sea_events;
mod symbols;
mod table;

use std::fmt::Write;

use leptos::prelude::*;

use crate::components::citations::Cited;
use crate::components::fetched::Fetched;
use crate::components::in_sight::while_in_sight;
use crate::components::per_mark::PerMark;
use crate::components::view_frame::{EmptyState, ViewFrame};
use crate::components::when_drawn::follow_width;
use crate::coordinates::Px;
use crate::data::SharedReport;
use crate::embed::Embeddable;
use crate::i18n::{fill, tr};
use crate::math;
use crate::state::{ReaderState, ReaderStateSignal, VesselChoice, use_reader_state};
use crate::text::count_text;
use activity::{Activity, Whereabouts, caption};
use basemap::{BASEMAP_URL, BasemapError, layer_lines, load_basemap};
use details::MapDetails;
use frame::{FIRST_WIDTH, Frame};
use inspect::Inspector;
use land::{Land, LandLayer};
use legend::MapKey;
use light_routes::{light_routes, routes_apart};
use places::{PlaceLabel, PlaceLook, PlaceMarks, place_looks, place_words};
use routes::{RouteMark, RouteTabStop};
use scale_bar::ScaleBar;
use sea_events::{EventsAtSea, sea_marks};
use symbols::SYMBOL_RADIUS;

/// Places, routes and events on a map drawn from a bundled basemap.
///
/// `basemap_url` is for tests and embeds; the page uses the bundled file.
#[component]
pub fn RouteMap(
    report: SharedReport,
    #[prop(optional, into)] basemap_url: Option<String>,
) -> impl IntoView {
    while_in_sight(Box::new(move || route_map(report, basemap_url).into_any()))
}

/// The map in its frame, with its table.
fn route_map(report: SharedReport, basemap_url: Option<String>) -> impl IntoView {
    let state = use_reader_state();
    // Only the reader's dates change what the map shows: choosing a vessel
    // does not work the activity out again.
    let dates = Memo::new(move |_| state.with(ReaderState::map_dates));
    let activity = Memo::new({
        let report = report.clone();
        let whereabouts = Whereabouts::of(&report);
        move |_| dates.with(|d| Activity::with(&report, &whereabouts, d))
    });
    let caption = Memo::new({
        let report = report.clone();
        move |_| {
            let filtered = state.with(|s| s.from.is_some() || s.to.is_some() || s.as_of.is_some());
            activity.with(|a| caption(&report, a, filtered))
        }
    });
    let cited = everything_cited(&report);
    let first_frame = Frame::outline(&report, FIRST_WIDTH);
    let body = match first_frame {
        Some(first) if !report.places.is_empty() => {
            let url = basemap_url.unwrap_or_else(|| BASEMAP_URL.to_owned());
            view! {
                <MapCanvas report=report.clone() state activity first url />
                <table::PlaceTable report=report.clone() activity />
            }
            .into_any()
        }
        _ => view! { <EmptyState message=tr("No places in this report") /> }.into_any(),
    };
    view! {
        <ViewFrame report picture=true id="map" heading=Embeddable::Map.heading() caption cited>
            {body}
        </ViewFrame>
    }
}

/// What every part of one map shares.
#[derive(Clone)]
pub struct MapParts {
    report: SharedReport,
    state: ReaderStateSignal,
    /// The chosen vessel, for marks that stand out or step back.
    choice: VesselChoice,
    inspector: Inspector,
    frame: Memo<Frame>,
    activity: Memo<Activity>,
    /// The element around the SVG: measured for the width, searched to move focus.
    canvas: NodeRef<leptos::html::Div>,
    /// Which mark of each group takes the Tab key (a roving tabindex).
    active_place: RwSignal<usize>,
    /// How each place looks for the shown activity.
    place_looks: PerMark<PlaceLook>,
    /// Each place's shown trips and events, for its spoken label.
    place_words: PerMark<(usize, usize)>,
    route_stop: RouteTabStop,
    /// The events at a bare position, all drawn; the reader's dates hide some.
    at_sea: EventsAtSea,
    /// The canvas has been measured: the marks wait for it, so that they are
    /// drawn once, at the true width (not at a guess and again).
    measured: ReadSignal<bool>,
}

/// The drawing itself, its details card and its key.
#[component]
fn MapCanvas(
    report: SharedReport,
    state: ReaderStateSignal,
    activity: Memo<Activity>,
    first: Frame,
    url: String,
) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(first.width);
    let measured = measure_width(canvas, width);
    // Places are laid out once the true width is known: until then nothing
    // on the map is drawn, and laying them out at a guess cost as much again
    // on large reports (placing names is the costly part).
    let frame = Memo::new({
        let report = report.clone();
        move |_| {
            if !measured.get() {
                return first.clone();
            }
            Frame::new(&report, width.get()).unwrap_or_else(|| first.clone())
        }
    });

    // The basemap arrives on its own; until then, and if it never does, the
    // map draws without it: the list of layers, then the lines of the one the
    // map's view needs (the finest whose box holds it), once the view is
    // measured. Both come from the browser's cache when the width changes.
    let lines = Fetched::new(move || {
        let (url, view) = (url.clone(), frame.with(|f| f.bounds()));
        let measured = measured.get();
        async move {
            if !measured {
                return None;
            }
            let lines = async {
                let basemap = load_basemap(&url).await?;
                let layer = basemap
                    .layer_for(view)
                    .ok_or_else(|| BasemapError("the basemap has no layers".into()))?;
                layer_lines(&url, layer).await
            };
            Some(lines.await)
        }
    });
    let land = Memo::new(move |_| match lines.get().flatten() {
        None => Land::Loading,
        Some(Ok(lines)) => frame.with(|f| Land::trace(&lines, f)),
        Some(Err(error)) => {
            leptos::logging::warn!("basemap unavailable: {}", error.0);
            Land::Unavailable
        }
    });

    let parts = MapParts {
        report: report.clone(),
        state,
        choice: VesselChoice::new(state),
        inspector: Inspector::new(),
        frame,
        activity,
        canvas,
        active_place: RwSignal::new(0),
        place_looks: place_looks(activity, report.places.len()),
        place_words: place_words(activity, report.places.len()),
        route_stop: RouteTabStop::new(activity),
        at_sea: EventsAtSea::new(&report, activity),
        measured,
    };
    let inspector = parts.inspector;
    // While a vessel is chosen, the routes and events that are not its own
    // step back through their group's class (map.css).
    let choosing = move || state.with(|s| s.vessel.is_some());
    let view_box = move || frame.with(|f| format!("0 0 {} {}", Px(f.width), Px(f.height)));

    view! {
        <div class="map" on:keydown=move |ev| if ev.key() == "Escape" { inspector.close() }>
            <div class="map__canvas" node_ref=canvas>
                <svg
                    class="map__svg"
                    viewBox=view_box
                    role="group"
                    aria-label=fill(
                        tr("Map of {places}"),
                        &[("places", &count_text(report.places.len(), "place", "places"))],
                    )
                    on:click=move |_| inspector.close()
                >
                    <rect class="map-sea" width="100%" height="100%" />
                    <LandLayer land frame />
                    <g
                        class="map-light-routes"
                        class:is-choosing=choosing
                        aria-hidden="true"
                    >
                        {light_routes(parts.clone())}
                    </g>
                    <g
                        class="map-routes"
                        class:is-choosing=choosing
                        aria-label=tr("Routes")
                        role="group"
                    >
                        {route_marks(parts.clone())}
                    </g>
                    <g
                        class="map-events"
                        class:is-choosing=choosing
                        aria-label=tr("Events at sea")
                        role="group"
                    >
                        {sea_marks(parts.clone())}
                    </g>
                    <g class="map-places" aria-label=tr("Places") role="group">{place_marks(parts.clone())}</g>
                    <g class="map-labels">{labels(parts.clone())}</g>
                    {move || frame.with(|f| f.scale_bar.map(|size| view! { <ScaleBar size x=12.0 y=f.height - 12.0 /> }.into_any()))}
                </svg>
                <MapDetails parts=parts.clone() />
            </div>
            <MapKey parts />
        </div>
    }
}

/// Keeps `width` at the element's width in CSS pixels, so that the map's
/// text is drawn at its true size on any screen; says once it is measured.
fn measure_width(canvas: NodeRef<leptos::html::Div>, width: RwSignal<f64>) -> ReadSignal<bool> {
    follow_width(canvas, move |now| {
        if now > 0.0 && (now - width.get_untracked()).abs() >= 1.0 {
            width.set(now);
        }
    })
}

/// The routes the reader's dates leave that are drawn one by one, heaviest
/// first (drawn underneath); on a crowded map the lighter ones are drawn
/// together ([`light_routes`]).
///
/// They are drawn again, in place, when the dates change. (Keying them, so
/// that only the routes that gained or lost a trip are redrawn, saved 0.2 s
/// on a 10,000-trip page but cost 5 KB of WebAssembly on every page.)
fn route_marks(parts: MapParts) -> impl IntoView {
    let MapParts {
        report,
        frame,
        activity,
        measured,
        ..
    } = parts.clone();
    move || {
        if !measured.get() {
            return None;
        }
        let routes = frame.with(|frame| {
            let spot = |id: &str| frame.spots.get(report.place_position(id)?).copied();
            activity.with(|a| {
                a.routes[..routes_apart(&a.routes)]
                    .iter()
                    .filter_map(|route| {
                        let ends = (spot(&route.from)?, spot(&route.to)?);
                        let route = route.clone();
                        Some(view! { <RouteMark parts=parts.clone() route ends /> })
                    })
                    .collect_view()
            })
        });
        Some(routes)
    }
}

/// Every place, whatever the dates: the map's geography stays put.
fn place_marks(parts: MapParts) -> impl IntoView {
    let frame = parts.frame;
    move || {
        if !parts.measured.get() {
            return None;
        }
        let frame = frame.get();
        // A symbol nudged off its neighbour keeps a thin tie to its true
        // position (one piece of markup: a crowded map has hundreds).
        let mut ties = String::new();
        for (&(x1, y1), &(x2, y2)) in frame.positions.iter().zip(&frame.spots) {
            if math::hypot(x1 - x2, y1 - y2) > 1.5 {
                let (x1, y1) = (Px(x1), Px(y1));
                let _ = write!(
                    ties,
                    "<line class=\"map-tie\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{}\" y2=\"{}\"/>\
                     <circle class=\"map-tie__dot\" cx=\"{x1}\" cy=\"{y1}\" r=\"1.75\"/>",
                    Px(x2),
                    Px(y2)
                );
            }
        }
        let (spots, badges) = (frame.spots, frame.badges);
        Some(view! {
            <g class="map-ties" aria-hidden="true" inner_html=ties />
            <PlaceMarks parts=parts.clone() spots badges />
        })
    }
}

/// The names that found room, above everything else.
fn labels(parts: MapParts) -> impl IntoView {
    let frame = parts.frame;
    move || {
        if !parts.measured.get() {
            return None;
        }
        let labels = frame.with(|f| {
            f.labels
                .iter()
                .enumerate()
                .filter_map(|(index, label)| {
                    let label = label.clone()?;
                    Some(view! { <PlaceLabel parts=parts.clone() index label /> })
                })
                .collect_view()
        });
        Some(labels)
    }
}

/// Every citation of the trips, events and places the map can show.
fn everything_cited(report: &SharedReport) -> Cited {
    let trips = report.trips.iter().flat_map(|t| &t.sources);
    let events = report.events.iter().flat_map(|e| &e.sources);
    let places = report.places.iter().flat_map(|p| &p.sources);
    trips.chain(events).chain(places).collect()
}
