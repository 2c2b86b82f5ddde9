//! What the reader's choices leave on screen: the "as of" date hides what had
//! not yet been stated or observed, the brushed date range narrows the map and
//! the claims, and a selected vessel, actor or place filters the claims.
//!
//! Every view asks here, so the rules are the same everywhere.

use chrono::NaiveDate;
use sealift_format::{Claim, Date, Estimate, Event, Trip, When};

use crate::state::ReaderState;

/// The days an item covers: a month-precision date spans its whole month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Span {
    /// The days a single date covers.
    pub fn of_date(date: &Date) -> Self {
        Self {
            start: date.first_day(),
            end: date.last_day(),
        }
    }

    /// From the first day of `start` to the last day of `end`; a missing side
    /// takes the other's. `None` when both are missing.
    pub fn between(start: Option<&Date>, end: Option<&Date>) -> Option<Self> {
        let first = start.or(end)?;
        let last = end.or(start)?;
        Some(Self {
            start: first.first_day(),
            end: last.last_day().max(first.first_day()),
        })
    }

    fn overlaps(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
        from.is_none_or(|from| self.end >= from) && to.is_none_or(|to| self.start <= to)
    }
}

/// Orders dates for sorting: by first day, then by last day ("1 Feb 2024"
/// before "Feb 2024"). A total order, unlike the format's coarse comparison,
/// which a sort must never use: Rust's sort panics on an inconsistent order.
pub fn chronological(a: &Date, b: &Date) -> std::cmp::Ordering {
    (a.first_day(), a.last_day()).cmp(&(b.first_day(), b.last_day()))
}

/// A day as a report date (day precision, no qualifier), for the dates a
/// reader picks: the "as of" slider and the brushed range.
pub fn day_date(day: NaiveDate) -> Date {
    use chrono::Datelike;
    Date {
        year: day.year(),
        month: u8::try_from(day.month()).ok(),
        day: u8::try_from(day.day()).ok(),
        qualifier: sealift_format::Qualifier::Exact,
    }
}

/// The first and last day anything in the report covers (trips, events,
/// claims, estimates), for the "as of" slider and the timeline's extent.
pub fn report_days(report: &sealift_format::Report) -> Option<Span> {
    let spans = report
        .trips
        .iter()
        .filter_map(trip_span)
        .chain(report.events.iter().filter_map(event_span))
        .chain(report.claims.iter().map(|c| Span::of_date(&c.stated)))
        .chain(report.estimates.iter().map(|e| Span::of_date(&e.stated)));
    spans.reduce(|a, b| Span {
        start: a.start.min(b.start),
        end: a.end.max(b.end),
    })
}

/// The days a trip covers, from departure to arrival.
pub fn trip_span(trip: &Trip) -> Option<Span> {
    Span::between(trip.depart.as_ref(), trip.arrive.as_ref())
}

/// The days an event covers.
pub fn event_span(event: &Event) -> Option<Span> {
    match &event.when {
        When::Date(date) => Some(Span::of_date(date)),
        When::Period(period) => Span::between(period.start.as_ref(), period.end.as_ref()),
    }
}

impl ReaderState {
    /// Whether something first seen on `start` was known by the "as of" date.
    fn known(&self, start: NaiveDate) -> bool {
        self.as_of
            .as_ref()
            .is_none_or(|as_of| start <= as_of.last_day())
    }

    fn range(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        (
            self.from.as_ref().map(Date::first_day),
            self.to.as_ref().map(Date::last_day),
        )
    }

    fn in_range(&self, span: Span) -> bool {
        let (from, to) = self.range();
        span.overlaps(from, to)
    }

    /// A trip on the timeline: hidden only by the "as of" date.
    pub fn shows_trip_on_timeline(&self, trip: &Trip) -> bool {
        trip_span(trip).is_some_and(|s| self.known(s.start))
    }

    /// An event on the timeline: hidden only by the "as of" date.
    pub fn shows_event_on_timeline(&self, event: &Event) -> bool {
        event_span(event).is_some_and(|s| self.known(s.start))
    }

    /// The part of the state the map's trips and events follow: its dates
    /// (a chosen vessel only stands out).
    pub fn map_dates(&self) -> ReaderState {
        ReaderState {
            as_of: self.as_of,
            from: self.from,
            to: self.to,
            ..ReaderState::default()
        }
    }

    /// A trip on the map: known by the "as of" date and inside the brushed range.
    pub fn shows_trip_on_map(&self, trip: &Trip) -> bool {
        trip_span(trip).is_some_and(|s| self.known(s.start) && self.in_range(s))
    }

    /// An event on the map: known by the "as of" date and inside the brushed range.
    pub fn shows_event_on_map(&self, event: &Event) -> bool {
        event_span(event).is_some_and(|s| self.known(s.start) && self.in_range(s))
    }

    /// An estimate: stated by the "as of" date.
    pub fn shows_estimate(&self, estimate: &Estimate) -> bool {
        self.known(estimate.stated.first_day())
    }

    /// A claim: stated by the "as of" date, inside the brushed range, and about
    /// the selected vessel, actor and place when one is chosen.
    pub fn shows_claim(&self, claim: &Claim) -> bool {
        let stated = Span::of_date(&claim.stated);
        self.known(stated.start)
            && self.in_range(stated)
            && self
                .vessel
                .as_ref()
                .is_none_or(|v| claim.vessels.contains(v))
            && self.actor.as_ref().is_none_or(|a| &claim.actor == a)
            && self.place.as_ref().is_none_or(|p| claim.places.contains(p))
    }

    /// Whether a vessel is the selected one (to highlight it), or none is selected.
    pub fn is_selected_vessel(&self, vessel: Option<&str>) -> bool {
        self.vessel
            .as_deref()
            .is_none_or(|selected| Some(selected) == vessel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn claim(stated: &str, vessels: &[&str]) -> Claim {
        Claim {
            stated: date(stated),
            actor: "a".into(),
            vessels: vessels.iter().map(|v| (*v).to_owned()).collect(),
            ..Claim::default()
        }
    }

    #[test]
    fn as_of_hides_what_was_not_yet_stated() {
        let state = ReaderState::from_query("asof=2024-03-01");
        assert!(state.shows_claim(&claim("2024-02-23", &[])));
        assert!(
            state.shows_claim(&claim("2024-03", &[])),
            "a month that contains the date counts"
        );
        assert!(!state.shows_claim(&claim("2024-06-14", &[])));
    }

    #[test]
    fn a_selected_vessel_filters_claims() {
        let state = ReaderState::from_query("vessel=lady-r");
        assert!(state.shows_claim(&claim("2024-02-23", &["lady-r", "angara"])));
        assert!(!state.shows_claim(&claim("2024-02-23", &["angara"])));
        assert!(state.is_selected_vessel(Some("lady-r")));
        assert!(!state.is_selected_vessel(Some("angara")));
        assert!(ReaderState::default().is_selected_vessel(Some("angara")));
    }

    #[test]
    fn a_range_keeps_what_overlaps_it() {
        let state = ReaderState::from_query("from=2024-01&to=2024-02");
        let trip = |d: &str, a: &str| Trip {
            depart: Date::parse(d).ok(),
            arrive: Date::parse(a).ok(),
            ..Trip::default()
        };
        assert!(state.shows_trip_on_map(&trip("2023-12-28", "2024-01-02")));
        assert!(!state.shows_trip_on_map(&trip("2024-03-01", "2024-03-05")));
        assert!(state.shows_trip_on_map(&trip("2024-02", "")));
        assert!(state.shows_trip_on_timeline(&trip("2024-03-01", "2024-03-05")));
    }
}
