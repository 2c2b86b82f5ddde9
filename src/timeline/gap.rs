//! The longest quiet spell: the stretch with no trip and no vessel event
//! between the first and the last recorded activity. A pause is often the
//! story (a route shut, a ship in dock), so the timeline points it out, but
//! only when it stands out from the report's rhythm.

use chrono::{Days, NaiveDate};

use crate::visible::Span;

/// A quiet spell shorter than this is not pointed out.
pub const MIN_QUIET_DAYS: i64 = 21;

/// Nor one shorter than this share of the whole period of activity.
const MIN_SHARE_OF_ACTIVITY: f64 = 0.05;

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
            start: self.last_active.checked_add_days(Days::new(1)).unwrap_or(self.last_active),
            end: self.resumed.checked_sub_days(Days::new(1)).unwrap_or(self.resumed),
        }
    }
}

/// The longest quiet spell between `spans` of activity, if it is notable: at
/// least [`MIN_QUIET_DAYS`] days and a noticeable share of the whole period.
/// Ties go to the earliest.
pub fn longest_gap(spans: impl IntoIterator<Item = Span>) -> Option<Gap> {
    let mut spans: Vec<Span> = spans.into_iter().collect();
    spans.sort_by_key(|s| s.start);
    let (first, rest) = spans.split_first()?;
    let mut covered_until = first.end;
    let mut longest: Option<Gap> = None;
    for span in rest {
        if span.start > covered_until {
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
    let active_days = (covered_until - first.start).num_days() + 1;
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
        ])
        .expect("a gap");
        assert_eq!(gap.last_active, day("2024-02-12"));
        assert_eq!(gap.resumed, day("2024-03-10"));
        assert_eq!(gap.quiet_days(), 26);
        assert_eq!(gap.quiet(), span("2024-02-13", "2024-03-09"));
    }

    #[test]
    fn short_or_unremarkable_pauses_are_not_pointed_out() {
        assert_eq!(longest_gap([span("2024-01-01", "2024-01-02"), span("2024-01-15", "2024-01-16")]), None);
        // Three weeks in ten years is the ordinary rhythm, not a pause.
        assert_eq!(longest_gap([span("2014-01-01", "2024-01-01"), span("2024-01-25", "2024-01-26")]), None);
        assert_eq!(longest_gap([]), None);
    }
}
