//! The timeline's takeaway in one line, written from what it shows:
//! "4 vessels made 20 recorded trips between Aug 2023 and Jul 2024; no port
//! calls were recorded in the 26 days between 12 Feb 2024 and 10 Mar 2024."

use chrono::NaiveDate;

use super::gap::Gap;
use super::lanes::{Lane, Shown, shown_iter};
use crate::i18n::{fill, tr};
use crate::text::{Case, count_text, count_text_in, day_text, month_text, month_text_in};

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
            return tr("Nothing had been recorded by the date chosen.").to_owned();
        }
        let template = if events.len() == 1 {
            tr("{events} was recorded {when}")
        } else {
            tr("{events} were recorded {when}")
        };
        let when = period_text(events.iter().map(|s| s.start), events.iter().map(|s| s.end));
        fill(
            template,
            &[
                ("events", &count_text(events.len(), "event", "events")),
                (
                    "events_acc",
                    &count_text_in(events.len(), "event", "events", Case::Accusative),
                ),
                ("when", &when),
            ],
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
        fill(
            tr("{who} made {trips} {when}"),
            &[
                ("who", &who),
                (
                    "trips",
                    &count_text(trips.len(), "recorded trip", "recorded trips"),
                ),
                ("when", &when),
            ],
        )
    };
    if let Some(gap) = gap {
        let days = gap.quiet_days();
        sentence.push_str(&fill(
            tr("; no port calls were recorded in the {n} days between {first} and {last}"),
            &[
                ("n", &days.to_string()),
                (
                    "days_gen",
                    &count_text_in(days.max(0) as usize, "day", "days", Case::Genitive),
                ),
                ("first", &day_text(gap.last_active)),
                ("last", &day_text(gap.resumed)),
            ],
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
    if month_text(first) == month_text(last) {
        fill(
            tr("in {month}"),
            &[("month", &month_text_in(first, Case::Locative))],
        )
    } else {
        fill(
            tr("between {first} and {last}"),
            &[
                ("first", &month_text_in(first, Case::Genitive)),
                ("last", &month_text_in(last, Case::Genitive)),
            ],
        )
    }
}
