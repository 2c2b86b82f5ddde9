//! What the timeline draws, worked out once from the report: one lane per
//! vessel, in report order, plus a lane for rail and port activity that has no
//! vessel; in each lane its trips and events, with the days they cover.

use sealift_format::{
    Certainty, Citation, Event, EventKind, EventLocation, Precision, Report, Trip, When,
};

use crate::components::certainty::certainty_text;
use crate::components::details::{event_kind_text, place_name, vessel_name};
use crate::components::palette::{SERIES, vessel_series};
use crate::data::SharedReport;
use crate::i18n::{fill, tr};
use crate::state::ReaderState;
use crate::text::{lowercase, span_text};
use crate::visible::{Span, event_span, trip_span};

/// The label of the lane for events without a vessel.
pub fn no_vessel_lane() -> &'static str {
    tr("Rail and port activity")
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The vessel's id; `None` for rail and port activity.
    pub vessel: Option<String>,
    pub name: String,
    /// The vessel's colour class (`series-N`); grey for rail and port activity.
    pub series: String,
    /// Trips and events, earliest first.
    pub items: Vec<Item>,
}

impl Lane {
    /// Whether this is the lane of the `chosen` vessel (never rail and
    /// port activity's, which belongs to no vessel).
    pub fn is_chosen(&self, chosen: Option<&str>) -> bool {
        chosen.is_some() && self.vessel.as_deref() == chosen
    }
}

/// How an item is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A bar from departure to arrival.
    Trip,
    /// An event over a period: a thin bar, its kind's mark at the known end.
    Period(EventKind),
    /// An event on a day: its kind's mark.
    Day(EventKind),
    /// An event known only to the month or year: its kind's mark in the
    /// middle of a whisker spanning the month or year.
    Imprecise(EventKind),
}

/// Where the trip or event behind an item is in the report: its position
/// among the report's trips or events. (Copies of 15,000 trips and events
/// took 40–70 ms of a 10,000-trip report's first screen.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Trip(usize),
    Event(usize),
}

/// The trip or event behind an item.
#[derive(Debug, Clone, Copy)]
pub enum Record<'r> {
    Trip(&'r Trip),
    Event(&'r Event),
}

/// A trip or an event, placed in time.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Unique across the timeline: `trip-<id>` or `event-<id>`.
    pub key: String,
    pub span: Span,
    pub form: Form,
    /// The start is unknown: the mark fades out towards earlier dates.
    pub open_before: bool,
    /// The end is unknown: the mark fades out towards later dates.
    pub open_after: bool,
    pub certainty: Certainty,
    pub subject: Subject,
}

impl Item {
    /// The trip or event behind the item, in `report` (the one the lanes
    /// were worked out from).
    pub fn record<'r>(&self, report: &'r Report) -> Option<Record<'r>> {
        match self.subject {
            Subject::Trip(at) => report.trips.get(at).map(Record::Trip),
            Subject::Event(at) => report.events.get(at).map(Record::Event),
        }
    }

    /// Whether the reader's "as of" date leaves this item on the timeline.
    pub fn shown(&self, report: &Report, state: &ReaderState) -> bool {
        match self.record(report) {
            Some(Record::Trip(trip)) => state.shows_trip_on_timeline(trip),
            Some(Record::Event(event)) => state.shows_event_on_timeline(event),
            None => false,
        }
    }

    /// What a screen reader says on reaching the mark: "Lady R: Rajin port to
    /// Vostochny Port, 12 Feb 2024, reported". Made when the mark is drawn
    /// (a lane far down the page may never be).
    pub fn label(&self, report: &SharedReport) -> String {
        match self.record(report) {
            None => String::new(),
            Some(Record::Trip(trip)) => fill(
                tr("{vessel}: {from} to {to}, {when}, {certainty}"),
                &[
                    ("vessel", &vessel_name(report, &trip.vessel)),
                    ("from", &place_name(report, &trip.from)),
                    ("to", &place_name(report, &trip.to)),
                    (
                        "when",
                        &span_text(trip.depart.as_ref(), trip.arrive.as_ref()),
                    ),
                    ("certainty", &lowercase(certainty_text(trip.certainty))),
                ],
            ),
            Some(Record::Event(event)) => {
                let when = match &event.when {
                    When::Period(p) => span_text(p.start.as_ref(), p.end.as_ref()),
                    When::Date(d) => span_text(Some(d), Some(d)),
                };
                let place = match &event.location {
                    EventLocation::Place(id) => place_name(report, id),
                    EventLocation::Position { description, .. } => description
                        .clone()
                        .unwrap_or_else(|| tr("at sea").to_owned()),
                };
                let who = event
                    .vessel
                    .as_deref()
                    .map(|v| format!("{}, ", vessel_name(report, v)))
                    .unwrap_or_default();
                format!(
                    "{}: {who}{place}, {when}, {}",
                    event_kind_text(event.kind),
                    lowercase(certainty_text(event.certainty)),
                )
            }
        }
    }

    /// The item's citations.
    pub fn cites<'r>(&self, report: &'r Report) -> &'r [Citation] {
        match self.record(report) {
            Some(Record::Trip(trip)) => &trip.sources,
            Some(Record::Event(event)) => &event.sources,
            None => &[],
        }
    }

    pub fn is_trip(&self) -> bool {
        self.form == Form::Trip
    }
}

/// The lanes of a report: every vessel in report order, then rail and port
/// activity when some event has no vessel.
pub fn lanes_of(report: &SharedReport) -> Vec<Lane> {
    // Each trip and event goes to its vessel's lane in one pass: a lane that
    // searched the whole report for its own items made 7.5 million id
    // comparisons on a report of 10,000 trips and 500 vessels.
    let mut items: Vec<Vec<Item>> = report.vessels.iter().map(|_| Vec::new()).collect();
    let mut without_vessel: Vec<Item> = Vec::new();
    for (position, trip) in report.trips.iter().enumerate() {
        if let Some(at) = report.vessel_position(&trip.vessel) {
            items[at].extend(trip_item(position, trip));
        }
    }
    for (position, event) in report.events.iter().enumerate() {
        match event.vessel.as_deref() {
            Some(vessel) => {
                if let Some(at) = report.vessel_position(vessel) {
                    items[at].extend(event_item(position, event));
                }
            }
            None => without_vessel.extend(event_item(position, event)),
        }
    }
    let mut lanes: Vec<Lane> = report
        .vessels
        .iter()
        .zip(items)
        .map(|(vessel, items)| Lane {
            vessel: Some(vessel.id.clone()),
            name: vessel.name.clone(),
            series: vessel_series(report, &vessel.id),
            items: earliest_first(items),
        })
        .collect();
    if !without_vessel.is_empty() {
        lanes.push(Lane {
            vessel: None,
            name: no_vessel_lane().to_owned(),
            // The palette's last colour is its neutral grey: this lane is no vessel.
            series: format!("series-{SERIES}"),
            items: earliest_first(without_vessel),
        });
    }
    lanes
}

fn earliest_first(mut items: Vec<Item>) -> Vec<Item> {
    crate::order::sort_by_key(&mut items, |i| (i.span.start, i.span.end));
    items
}

fn trip_item(position: usize, trip: &Trip) -> Option<Item> {
    Some(Item {
        key: format!("trip-{}", trip.id),
        span: trip_span(trip)?,
        form: Form::Trip,
        open_before: trip.depart.is_none(),
        open_after: trip.arrive.is_none(),
        certainty: trip.certainty,
        subject: Subject::Trip(position),
    })
}

fn event_item(position: usize, event: &Event) -> Option<Item> {
    let span = event_span(event)?;
    let kind = event.kind;
    let (form, open_before, open_after) = match &event.when {
        When::Period(p) => (Form::Period(kind), p.start.is_none(), p.end.is_none()),
        When::Date(d) if d.precision() == Precision::Day => (Form::Day(kind), false, false),
        When::Date(_) => (Form::Imprecise(kind), false, false),
    };
    Some(Item {
        key: format!("event-{}", event.id),
        span,
        form,
        open_before,
        open_after,
        certainty: event.certainty,
        subject: Subject::Event(position),
    })
}

/// Which items the reader's "as of" date leaves on the timeline, lane by lane,
/// item by item.
pub type Shown = Vec<Vec<bool>>;

/// Works out [`Shown`] for the reader's state.
pub fn shown_items(report: &Report, lanes: &[Lane], state: &ReaderState) -> Shown {
    lanes
        .iter()
        .map(|lane| {
            (lane.items.iter())
                .map(|item| item.shown(report, state))
                .collect()
        })
        .collect()
}

/// The items left on the timeline, with their lane.
pub fn shown_iter<'a>(
    lanes: &'a [Lane],
    shown: &'a Shown,
) -> impl Iterator<Item = (&'a Lane, &'a Item)> + 'a {
    lanes.iter().zip(shown).flat_map(|(lane, flags)| {
        lane.items
            .iter()
            .zip(flags)
            .filter(|(_, shown)| **shown)
            .map(move |(item, _)| (lane, item))
    })
}
