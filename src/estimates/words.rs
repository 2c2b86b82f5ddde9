//! The chart in words: its takeaway line and what each mark says aloud.

use sealift_format::{Date, Estimate, Report};

use super::panels::Panel;
use crate::i18n::{fill, tr};
use crate::state::ReaderState;
use crate::text::{capitalized, date_text, quantity_text};

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
        return tr("No estimates in this report.").to_owned();
    };
    let measure = panel.main_measure();
    let shown: Vec<&Estimate> = panel.series().filter(|e| state.shows_estimate(e)).collect();
    let (Some(first), Some(latest)) = (shown.first(), shown.last()) else {
        return match &state.as_of {
            Some(as_of) => fill(
                tr("No estimate of {measure} had been made by {date}."),
                &[("measure", measure), ("date", &date_text(as_of))],
            ),
            None => tr("No estimates in this report.").to_owned(),
        };
    };
    if shown.len() == 1 {
        return fill(
            tr("{actor} put {measure} at {quantity} ({month})."),
            &[
                ("actor", &actor_name(report, &first.actor)),
                ("measure", measure),
                ("quantity", &quantity_text(&first.quantity)),
                ("month", &stated_month_text(&first.stated)),
            ],
        );
    }
    let (from, to) = (first.quantity.value, latest.quantity.value);
    let template = if to > from {
        tr("Estimates of {measure} grew from {first} ({first_month}) to {latest} ({latest_month}).")
    } else if to < from {
        tr("Estimates of {measure} fell from {first} ({first_month}) to {latest} ({latest_month}).")
    } else {
        tr("Estimates of {measure} went from {first} ({first_month}) to {latest} ({latest_month}).")
    };
    fill(
        template,
        &[
            ("measure", measure),
            ("first", &quantity_text(&first.quantity)),
            ("first_month", &stated_month_text(&first.stated)),
            ("latest", &quantity_text(&latest.quantity)),
            ("latest_month", &stated_month_text(&latest.stated)),
        ],
    )
}

/// What a mark says to a screen reader: "Containers sent to Russia: more than
/// 1,000 containers, stated 13 Oct 2023 by US National Security Council".
pub fn mark_label(report: &Report, estimate: &Estimate) -> String {
    fill(
        tr("{measure}: {amount}, stated {date} by {actor}"),
        &[
            ("measure", &capitalized(&estimate.measure)),
            ("amount", &amount_text(estimate)),
            ("date", &date_text(&estimate.stated)),
            ("actor", &actor_name(report, &estimate.actor)),
        ],
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
