//! The longest quiet spell: the stretch with no voyage and no port call
//! between two stretches of traffic. A pause is often the story (a route shut,
//! a port closed), so the timeline points it out, but only when it stands out
//! from the report's rhythm.

use chrono::{Days, NaiveDate};
use sealift_format::{EventKind, Precision, Report, When};

use super::lanes::{Item, Record};
use crate::visible::Span;

/// A quiet spell shorter than this is not pointed out.
pub const MIN_QUIET_DAYS: i64 = 21;

/// Nor one shorter than this share of the whole period of activity.
const MIN_SHARE_OF_ACTIVITY: f64 = 0.05;

/// Nor one without this many records of traffic on each side: a ship seen once
/// months later ends the record rather than resuming the traffic.
const MIN_RECORDS_EACH_SIDE: usize = 2;

/// The days on which an item shows traffic: a voyage, a call, cargo handled.
/// A ship at anchor, in a shipyard or merely sighted is not traffic. A stay in
/// port (a port call over a period) counts on its arrival and departure, when
/// they are known to the day; the days in between are spent waiting.
pub fn traffic_days(report: &Report, item: &Item) -> Vec<Span> {
    let event = match item.record(report) {
        None => return Vec::new(),
        Some(Record::Trip(_)) => return vec![item.span],
        Some(Record::Event(event)) => event,
    };
    match (event.kind, &event.when) {
        (EventKind::Anchored | EventKind::Shipyard | EventKind::Sighting, _) => Vec::new(),
        (EventKind::PortCall, When::Period(period)) => [period.start, period.end]
            .into_iter()
            .flatten()
            .filter(|d| d.precision() == Precision::Day)
            .map(|d| Span::of_date(&d))
            .collect(),
        _ => vec![item.span],
    }
}

/// Days with nothing recorded, between two days with activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// The last day with activity before the spell.
    pub last_active: NaiveDate,
    /// The first day with activity after it.
    pub resumed: NaiveDate,
}

impl Gap {
    /// How many days in between had nothing recorded.
    pub fn quiet_days(&self) -> i64 {
        (self.resumed - self.last_active).num_days() - 1
    }

    /// The quiet days themselves.
    pub fn quiet(&self) -> Span {
        Span {
            start: self
                .last_active
                .checked_add_days(Days::new(1))
                .unwrap_or(self.last_active),
            end: self
                .resumed
                .checked_sub_days(Days::new(1))
                .unwrap_or(self.resumed),
        }
    }
}

/// The longest quiet spell between `spans` of traffic, if it is notable: at
/// least [`MIN_QUIET_DAYS`] days, a noticeable share of the whole period, and
/// traffic on both sides. Ties go to the earliest.
pub fn longest_gap(spans: impl IntoIterator<Item = Span>) -> Option<Gap> {
    let mut spans: Vec<Span> = spans.into_iter().collect();
    crate::order::sort_by_key(&mut spans, |s| s.start);
    let first = spans.first()?.start;
    let mut covered_until = first;
    let mut longest: Option<Gap> = None;
    for (before, span) in spans.iter().enumerate() {
        let after = spans.len() - before;
        if before > 0 && span.start > covered_until && before.min(after) >= MIN_RECORDS_EACH_SIDE {
            let gap = Gap {
                last_active: covered_until,
                resumed: span.start,
            };
            if longest.is_none_or(|l| gap.quiet_days() > l.quiet_days()) {
                longest = Some(gap);
            }
        }
        covered_until = covered_until.max(span.end);
    }
    let active_days = (covered_until - first).num_days() + 1;
    longest.filter(|gap| {
        let days = gap.quiet_days();
        days >= MIN_QUIET_DAYS && days as f64 >= MIN_SHARE_OF_ACTIVITY * active_days as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    fn span(start: &str, end: &str) -> Span {
        Span {
            start: day(start),
            end: day(end),
        }
    }

    #[test]
    fn the_longest_pause_is_found() {
        let gap = longest_gap([
            span("2023-09-01", "2023-09-05"),
            span("2023-09-20", "2024-02-12"),
            span("2024-03-10", "2024-03-12"),
            span("2024-01-01", "2024-01-05"),
            span("2024-03-20", "2024-03-21"),
        ])
        .expect("a gap");
        assert_eq!(gap.last_active, day("2024-02-12"));
        assert_eq!(gap.resumed, day("2024-03-10"));
        assert_eq!(gap.quiet_days(), 26);
        assert_eq!(gap.quiet(), span("2024-02-13", "2024-03-09"));
    }

    #[test]
    fn short_or_unremarkable_pauses_are_not_pointed_out() {
        assert_eq!(
            longest_gap([
                span("2024-01-01", "2024-01-02"),
                span("2024-01-15", "2024-01-16")
            ]),
            None
        );
        // Three weeks in ten years is the ordinary rhythm, not a pause.
        assert_eq!(
            longest_gap([
                span("2014-01-01", "2024-01-01"),
                span("2024-01-25", "2024-01-26")
            ]),
            None
        );
        assert_eq!(longest_gap([]), None);
        // One record long after is the end of the record, not a resumption.
        let tail = [
            span("2024-01-01", "2024-01-02"),
            span("2024-01-05", "2024-01-06"),
            span("2024-01-09", "2024-01-10"),
            span("2024-06-01", "2024-06-02"),
        ];
        assert_eq!(longest_gap(tail), None);
    }
}
