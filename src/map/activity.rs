//! What the map shows for the reader's dates: routes made of trips, and what
//! happened at each place. Pixels are not this module's business.

use sealift_format::{Certainty, EventLocation, Report};

use crate::components::details::place_name;
use crate::data::SharedReport;
use crate::first_seen::FirstSeen;
use crate::i18n::{fill, tr};
use crate::state::ReaderState;
use crate::text::{Case, count_text, count_text_in};

/// The trips, events and places left on the map by the "as of" date and the
/// brushed range. The selected vessel does not change it: it only highlights.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Activity {
    /// Heaviest first, so that lighter routes are drawn on top of them.
    pub routes: Vec<Route>,
    /// What happened at each place, in the report's order of places.
    pub places: Vec<PlaceActivity>,
    /// Events at a bare position (not at a place), as indices into the report's events.
    pub at_sea: Vec<usize>,
    /// How many trips are shown.
    pub trips: usize,
    /// The fewest events a place needs to show its count (see [`badge_floor`]).
    pub badge_floor: usize,
}

/// Places that show how many events they saw, at most. On a crowded map a
/// thousand count badges covered each other and the routes (and were a
/// quarter of the map's elements); the busiest places keep theirs.
pub const BADGES_AT_MOST: usize = 60;

/// Whether a place with `events` shows its count on a map whose badge
/// floor is `floor` ([`badge_floor`]).
pub fn is_badged(events: usize, floor: usize) -> bool {
    events > 0 && events >= floor
}

/// The fewest events that earn a place its count badge: 1, or on a map with
/// more than [`BADGES_AT_MOST`] places with events, the count of the busiest
/// places' last (places tied with it keep theirs too).
pub fn badge_floor(events_per_place: impl Iterator<Item = usize>) -> usize {
    let mut counts: Vec<usize> = events_per_place.filter(|&n| n > 0).collect();
    if counts.len() <= BADGES_AT_MOST {
        return 1;
    }
    crate::order::sort_by_key(&mut counts, |&n| std::cmp::Reverse(n));
    counts[BADGES_AT_MOST - 1].max(1)
}

/// All shown trips from one place to another (the other way is another route).
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub from: String,
    pub to: String,
    /// Indices into the report's trips, in report order.
    pub trips: Vec<usize>,
}

/// Trips and events at one place.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlaceActivity {
    pub departures: usize,
    pub arrivals: usize,
    /// Indices into the report's events.
    pub events: Vec<usize>,
    /// Indices into the report's trips that start or end here.
    pub trips: Vec<usize>,
}

/// Where each trip and event is on the map, by position rather than by id,
/// worked out once per report: a step of the reader's dates then only
/// counts. (Looking up three ids per trip at every step was a third of the
/// map's own work in each step on a 10,000-trip report.)
#[derive(Debug, Clone, Default)]
pub struct Whereabouts {
    /// Each trip's route (an index into `routes`), and where its ends are
    /// in the report's places.
    trips: Vec<TripWay>,
    /// Each pair of ends, from and to, once, in the order trips first take it.
    routes: Vec<(String, String)>,
    /// Where each event happened in the report's places (`None` at a bare
    /// position, or at a place the report does not list).
    event_places: Vec<Option<usize>>,
}

#[derive(Debug, Clone, Copy)]
struct TripWay {
    route: usize,
    from: Option<usize>,
    to: Option<usize>,
    /// A trip from a place back to it counts once there.
    round: bool,
}

impl Whereabouts {
    /// Where `report`'s trips and events are.
    pub fn of(report: &Report) -> Self {
        // Each route numbered by its key (`Route::key`).
        let mut routes = FirstSeen::default();
        let mut ends: Vec<(String, String)> = Vec::new();
        let mut key = String::new();
        let trips = report
            .trips
            .iter()
            .map(|trip| {
                write_route_key(&mut key, &trip.from, &trip.to);
                let (route, new) = routes.number(&key);
                if new {
                    ends.push((trip.from.clone(), trip.to.clone()));
                }
                TripWay {
                    route,
                    from: report.place_position(&trip.from),
                    to: report.place_position(&trip.to),
                    round: trip.from == trip.to,
                }
            })
            .collect();
        let event_places = report
            .events
            .iter()
            .map(|event| match &event.location {
                EventLocation::Place(id) => report.place_position(id),
                EventLocation::Position { .. } => None,
            })
            .collect();
        Whereabouts {
            trips,
            routes: ends,
            event_places,
        }
    }
}

impl Activity {
    /// What the map shows of `report` for the reader's dates.
    pub fn of(report: &Report, state: &ReaderState) -> Self {
        Self::with(report, &Whereabouts::of(report), state)
    }

    /// The same, with the report's [`Whereabouts`] already worked out.
    pub fn with(report: &Report, whereabouts: &Whereabouts, state: &ReaderState) -> Self {
        let mut activity = Activity {
            places: vec![PlaceActivity::default(); report.places.len()],
            ..Activity::default()
        };
        // Each route's shown trips, and the routes in the order their first
        // shown trip comes.
        let mut by_route: Vec<Vec<usize>> = vec![Vec::new(); whereabouts.routes.len()];
        let mut order: Vec<usize> = Vec::new();
        for ((i, trip), way) in report.trips.iter().enumerate().zip(&whereabouts.trips) {
            if !state.shows_trip_on_map(trip) {
                continue;
            }
            activity.trips += 1;
            if let Some(trips) = by_route.get_mut(way.route) {
                if trips.is_empty() {
                    order.push(way.route);
                }
                trips.push(i);
            }
            if let Some(from) = way.from.and_then(|p| activity.places.get_mut(p)) {
                from.departures += 1;
                from.trips.push(i);
            }
            if let Some(to) = way.to.and_then(|p| activity.places.get_mut(p)) {
                to.arrivals += 1;
                if !way.round {
                    to.trips.push(i);
                }
            }
        }
        activity.routes = order
            .into_iter()
            .filter_map(|r| {
                let (from, to) = whereabouts.routes.get(r)?;
                Some(Route {
                    from: from.clone(),
                    to: to.clone(),
                    trips: std::mem::take(by_route.get_mut(r)?),
                })
            })
            .collect();
        for ((i, event), place) in report
            .events
            .iter()
            .enumerate()
            .zip(&whereabouts.event_places)
        {
            if !state.shows_event_on_map(event) {
                continue;
            }
            if let EventLocation::Position { .. } = event.location {
                activity.at_sea.push(i);
            } else if let Some(place) = place.and_then(|p| activity.places.get_mut(p)) {
                place.events.push(i);
            }
        }
        crate::order::sort_by_key(&mut activity.routes, |r| std::cmp::Reverse(r.trips.len()));
        activity.badge_floor = badge_floor(activity.places.iter().map(|p| p.events.len()));
        activity
    }

    /// How many places the shown trips touch.
    pub fn linked_places(&self) -> usize {
        self.places.iter().filter(|p| !p.trips.is_empty()).count()
    }
}

/// Writes the key of the route from `from` to `to` (`rajin>vostochny`) into
/// `key`, in place of what it held: one buffer serves a whole report.
fn write_route_key(key: &mut String, from: &str, to: &str) {
    key.clear();
    key.push_str(from);
    key.push('>');
    key.push_str(to);
}

impl Route {
    /// A stable name for the route, for keys and the DOM.
    pub fn key(&self) -> String {
        let mut key = String::new();
        write_route_key(&mut key, &self.from, &self.to);
        key
    }

    /// Whether `key` is this route's [`key`](Route::key) (asked of thousands
    /// of routes, so without writing their keys out).
    pub fn has_key(&self, key: &str) -> bool {
        key.split_once('>') == Some((self.from.as_str(), self.to.as_str()))
    }

    /// Each vessel on the route and its number of trips, most first (ties in report order).
    pub fn vessels(&self, report: &Report) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for trip in self.trips.iter().filter_map(|&i| report.trips.get(i)) {
            match counts.iter_mut().find(|(v, _)| *v == trip.vessel) {
                Some((_, n)) => *n += 1,
                None => counts.push((trip.vessel.clone(), 1)),
            }
        }
        crate::order::sort_by_key(&mut counts, |(_, n)| std::cmp::Reverse(*n));
        counts
    }

    /// The vessel that made more than half of the trips, if one did: the route takes its colour.
    pub fn dominant_vessel(&self, report: &Report) -> Option<String> {
        let total = self.trips.len();
        self.vessels(report)
            .into_iter()
            .next()
            .filter(|(_, n)| n * 2 > total)
            .map(|(v, _)| v)
    }

    /// The best-established trip's certainty: a route is drawn solid when any
    /// of its trips is confirmed.
    pub fn certainty(&self, report: &Report) -> Certainty {
        let rank = |c: &Certainty| match c {
            Certainty::Confirmed => 0,
            Certainty::Reported => 1,
            Certainty::Inferred => 2,
            Certainty::Disputed => 3,
        };
        self.trips
            .iter()
            .filter_map(|&i| report.trips.get(i))
            .map(|t| t.certainty)
            .min_by_key(rank)
            .unwrap_or(Certainty::Reported)
    }

    /// "Rajin → Vostochny".
    pub fn name(&self, report: &SharedReport) -> String {
        format!(
            "{} → {}",
            place_name(report, &self.from),
            place_name(report, &self.to)
        )
    }
}

/// The map's takeaway in one line, from what it shows:
/// "20 trips linked 7 places; the busiest route was Rajin → Vostochny (9 trips)."
pub fn caption(report: &SharedReport, activity: &Activity, filtered: bool) -> String {
    let places = count_text(report.places.len(), "place", "places");
    if activity.trips == 0 {
        let template = match (report.trips.is_empty(), filtered) {
            (false, true) => tr("No trips in the chosen dates; the map shows {places}."),
            _ => tr("The map shows {places}; the report records no trips between them."),
        };
        return fill(template, &[("places", &places)]);
    }
    let linked = fill(
        tr("{trips} linked {places}"),
        &[
            ("trips", &count_text(activity.trips, "trip", "trips")),
            (
                "places",
                &count_text(activity.linked_places(), "place", "places"),
            ),
            (
                "places_ins",
                &count_text_in(
                    activity.linked_places(),
                    "place",
                    "places",
                    Case::Instrumental,
                ),
            ),
        ],
    );
    let most = activity.routes.first().map_or(0, |r| r.trips.len());
    let busiest: Vec<&Route> = activity
        .routes
        .iter()
        .filter(|r| r.trips.len() == most)
        .collect();
    let trips = count_text(most, "trip", "trips");
    let (first, second) = match busiest.as_slice() {
        [a, b, ..] => (a.name(report), b.name(report)),
        [a] => (a.name(report), String::new()),
        [] => (String::new(), String::new()),
    };
    let template = match busiest.as_slice() {
        _ if most < 2 => tr("{linked}; no route was travelled more than once."),
        [_] => tr("{linked}; the busiest route was {route} ({trips})."),
        [_, _] => tr("{linked}; the busiest routes were {route} and {other} ({trips} each)."),
        _ => tr("{linked}; {routes} routes had {trips} each."),
    };
    fill(
        template,
        &[
            ("linked", &linked),
            ("route", &first),
            ("other", &second),
            ("routes", &busiest.len().to_string()),
            ("trips", &trips),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// The small report with its trips changed: Stockholm → Helsinki first
    /// in the file but after the "as of" date, Helsinki → Stockholm, then
    /// Stockholm → Helsinki again before it.
    fn report() -> Report {
        let text = include_str!("../../tests/fixtures/small.json")
            .replacen(
                "\"depart\": \"2024-04-01\",\n      \"arrive\": \"2024-04-02\"",
                "\"depart\": \"2024-05-10\",\n      \"arrive\": \"2024-05-11\"",
                1,
            )
            .replacen(
                "}\n  ],\n  \"events\"",
                r#"}, {"id": "t3", "vessel": "borealis", "from": "stockholm", "to": "helsinki",
                "depart": "2024-04-05", "certainty": "reported", "sources": ["src-a"]}
                ], "events""#,
                1,
            );
        assert_eq!(text.matches("\"t3\"").count(), 1);
        assert!(text.contains("2024-05-10"));
        let checked = sealift_format::check(&text);
        checked.report.expect("the changed report is valid")
    }

    #[test]
    fn routes_of_equal_weight_keep_the_order_of_their_first_shown_trip() {
        let report = report();
        let state = ReaderState::from_query("?asof=2024-04-20");
        let shown = Activity::of(&report, &state);
        let ends: Vec<(&str, &str)> = shown
            .routes
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str()))
            .collect();
        // The file's first route comes second: its first trip is not shown.
        assert_eq!(ends, [("helsinki", "stockholm"), ("stockholm", "helsinki")]);
        assert_eq!(shown.trips, 2);
        let stockholm = report.place_position("stockholm").expect("a place");
        assert_eq!(shown.places[stockholm].departures, 1);
        assert_eq!(shown.places[stockholm].arrivals, 1);
        assert_eq!(shown.places[stockholm].trips.len(), 2);
    }

    #[test]
    fn everything_shows_without_dates() {
        let report = report();
        let all = Activity::of(&report, &ReaderState::default());
        assert_eq!(all.trips, 3);
        assert_eq!(all.routes[0].trips.len(), 2, "the heaviest route first");
        let helsinki = report.place_position("helsinki").expect("a place");
        assert_eq!(all.places[helsinki].events, [0]);
    }
}
