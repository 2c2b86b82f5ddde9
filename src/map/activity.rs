//! What the map shows for the reader's dates: routes made of trips, and what
//! happened at each place. Pixels are not this module's business.

use std::collections::HashMap;

use sealift_format::{Certainty, EventLocation, Report};

use crate::components::details::place_name;
use crate::data::SharedReport;
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

impl Activity {
    pub fn of(report: &Report, state: &ReaderState) -> Self {
        let mut activity = Activity {
            places: vec![PlaceActivity::default(); report.places.len()],
            ..Activity::default()
        };
        let place_index = |id: &str| report.place_position(id);
        let mut routes: HashMap<(&str, &str), usize> = HashMap::new();
        for (i, trip) in report.trips.iter().enumerate() {
            if !state.shows_trip_on_map(trip) {
                continue;
            }
            activity.trips += 1;
            let ends = (trip.from.as_str(), trip.to.as_str());
            match routes.get(&ends).and_then(|&r| activity.routes.get_mut(r)) {
                Some(route) => route.trips.push(i),
                None => {
                    routes.insert(ends, activity.routes.len());
                    activity.routes.push(Route {
                        from: trip.from.clone(),
                        to: trip.to.clone(),
                        trips: vec![i],
                    });
                }
            }
            if let Some(from) = place_index(&trip.from).and_then(|p| activity.places.get_mut(p)) {
                from.departures += 1;
                from.trips.push(i);
            }
            if let Some(to) = place_index(&trip.to).and_then(|p| activity.places.get_mut(p)) {
                to.arrivals += 1;
                if trip.from != trip.to {
                    to.trips.push(i);
                }
            }
        }
        for (i, event) in report.events.iter().enumerate() {
            if !state.shows_event_on_map(event) {
                continue;
            }
            match &event.location {
                EventLocation::Place(id) => {
                    if let Some(place) = place_index(id).and_then(|p| activity.places.get_mut(p)) {
                        place.events.push(i);
                    }
                }
                EventLocation::Position { .. } => activity.at_sea.push(i),
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

impl Route {
    /// A stable name for the route, for keys and the DOM.
    pub fn key(&self) -> String {
        format!("{}>{}", self.from, self.to)
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
