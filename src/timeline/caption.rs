//! The timeline's takeaway in one line, written from what it shows:
//! "4 vessels made 20 recorded trips between Aug 2023 and Jul 2024; no port
//! calls were recorded in the 26 days between 12 Feb 2024 and 10 Mar 2024."

use chrono::NaiveDate;

use super::gap::Gap;
use super::lanes::{Lane, Shown, shown_iter};
use crate::text::{count_text, day_text, month_text};

/// The takeaway for the items left on the timeline and the quiet spell among them.
pub fn takeaway(lanes: &[Lane], shown: &Shown, gap: Option<&Gap>) -> String {
    let trips: Vec<_> = shown_iter(lanes, shown)
        .filter(|(_, item)| item.is_trip())
        .collect();
    let mut sentence = if trips.is_empty() {
        let events: Vec<_> = shown_iter(lanes, shown)
            .map(|(_, item)| item.span)
            .collect();
        if events.is_empty() {
            return String::from("Nothing had been recorded by the date chosen.");
        }
        let verb = if events.len() == 1 { "was" } else { "were" };
        let when = period_text(events.iter().map(|s| s.start), events.iter().map(|s| s.end));
        format!(
            "{} {verb} recorded {when}",
            count_text(events.len(), "event", "events")
        )
    } else {
        let mut vessels: Vec<&Lane> = trips.iter().map(|(lane, _)| *lane).collect();
        vessels.dedup_by(|a, b| a.vessel == b.vessel);
        let who = match vessels.as_slice() {
            [only] => only.name.clone(),
            many => count_text(many.len(), "vessel", "vessels"),
        };
        let when = period_text(
            trips.iter().map(|(_, t)| t.span.start),
            trips.iter().map(|(_, t)| t.span.end),
        );
        format!(
            "{who} made {} {when}",
            count_text(trips.len(), "recorded trip", "recorded trips")
        )
    };
    if let Some(gap) = gap {
        sentence.push_str(&format!(
            "; no port calls were recorded in the {} days between {} and {}",
            gap.quiet_days(),
            day_text(gap.last_active),
            day_text(gap.resumed)
        ));
    }
    sentence.push('.');
    sentence
}

/// "in Apr 2024" or "between Aug 2023 and Jul 2024", to the month.
fn period_text(
    starts: impl Iterator<Item = NaiveDate>,
    ends: impl Iterator<Item = NaiveDate>,
) -> String {
    let (Some(first), Some(last)) = (starts.min(), ends.max()) else {
        return String::new();
    };
    let (first, last) = (month_text(first), month_text(last));
    if first == last {
        format!("in {first}")
    } else {
        format!("between {first} and {last}")
    }
}
