//! The chart in words: its takeaway line and what each mark says aloud.

use sealift_format::{Date, Estimate, Report};

use super::panels::Panel;
use crate::state::ReaderState;
use crate::text::{date_text, quantity_text};

/// The takeaway, about the measure estimated most often (a series that can
/// be compared), from the estimates the reader can see: "Estimates of
/// containers shipped grew from more than 1,000 (Oct 2023) to more than
/// 13,000 (Aug 2024)."
pub fn caption_text(report: &Report, panels: &[Panel], state: &ReaderState) -> String {
    let mut best: Option<(&Panel, usize)> = None;
    for panel in panels {
        let n = panel.series().count();
        if best.is_none_or(|(_, most)| n > most) {
            best = Some((panel, n));
        }
    }
    let Some((panel, _)) = best else {
        return String::from("No estimates in this report.");
    };
    let measure = panel.main_measure();
    let shown: Vec<&Estimate> = panel.series().filter(|e| state.shows_estimate(e)).collect();
    let (Some(first), Some(latest)) = (shown.first(), shown.last()) else {
        return match &state.as_of {
            Some(as_of) => format!(
                "No estimate of {measure} had been made by {}.",
                date_text(as_of)
            ),
            None => String::from("No estimates in this report."),
        };
    };
    if shown.len() == 1 {
        return format!(
            "{} put {measure} at {} ({}).",
            actor_name(report, &first.actor),
            quantity_text(&first.quantity),
            stated_month_text(&first.stated)
        );
    }
    let (from, to) = (first.quantity.value, latest.quantity.value);
    let change = if to > from {
        "grew from"
    } else if to < from {
        "fell from"
    } else {
        "went from"
    };
    format!(
        "Estimates of {measure} {change} {} ({}) to {} ({}).",
        quantity_text(&first.quantity),
        stated_month_text(&first.stated),
        quantity_text(&latest.quantity),
        stated_month_text(&latest.stated)
    )
}

/// What a mark says to a screen reader: "Containers sent to Russia: more than
/// 1,000 containers, stated 13 Oct 2023 by US National Security Council".
pub fn mark_label(report: &Report, estimate: &Estimate) -> String {
    format!(
        "{}: {}, stated {} by {}",
        sentence_case(&estimate.measure),
        amount_text(estimate),
        date_text(&estimate.stated),
        actor_name(report, &estimate.actor)
    )
}

/// A value with its bound and unit: "more than 10,000 containers".
pub fn amount_text(estimate: &Estimate) -> String {
    format!("{} {}", quantity_text(&estimate.quantity), estimate.unit)
}

/// An actor's name, or its id when the report lacks it.
pub fn actor_name(report: &Report, actor_id: &str) -> String {
    report
        .actor(actor_id)
        .map_or_else(|| actor_id.to_owned(), |a| a.name.clone())
}

/// A date at month precision, enough for a takeaway: "Oct 2023".
pub fn stated_month_text(date: &Date) -> String {
    date_text(&Date { day: None, ..*date })
}

/// The text with its first letter in capitals: a unit or measure as a title.
pub fn sentence_case(text: &str) -> String {
    let mut chars = text.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
