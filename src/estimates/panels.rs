//! The chart's small multiples: one panel per unit, the estimates in each
//! ordered by the date they were stated.

use sealift_format::{Estimate, Report};

use crate::components::scale::day_number;
use crate::visible::Span;

/// The estimates counted in one unit ("containers"), drawn on one panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The unit as the report first writes it.
    pub unit: String,
    /// Every distinct measure ("containers shipped"), in order of first appearance.
    pub measures: Vec<String>,
    /// The panel's estimates, earliest stated first.
    pub estimates: Vec<Estimate>,
}

impl Panel {
    /// The ids of the actors behind this panel's estimates, in order of first estimate.
    pub fn actors(&self) -> Vec<String> {
        let mut actors: Vec<String> = Vec::new();
        for estimate in &self.estimates {
            if !actors.contains(&estimate.actor) {
                actors.push(estimate.actor.clone());
            }
        }
        actors
    }

    /// The measure estimated most often (the first of equals): its estimates
    /// are a series that can be compared over time.
    pub fn main_measure(&self) -> &str {
        let count = |m: &str| {
            self.estimates
                .iter()
                .filter(|e| e.measure.trim() == m)
                .count()
        };
        let mut best: Option<(&str, usize)> = None;
        for measure in &self.measures {
            let n = count(measure);
            if best.is_none_or(|(_, most)| n > most) {
                best = Some((measure, n));
            }
        }
        best.map_or("", |(m, _)| m)
    }

    /// The estimates of the main measure, earliest first.
    pub fn series(&self) -> impl Iterator<Item = &Estimate> {
        let main = self.main_measure();
        self.estimates
            .iter()
            .filter(move |e| e.measure.trim() == main)
    }
}

/// One panel per unit, the unit with the most estimates first (ties keep the
/// report's order). Units that differ only in case or spacing share a panel.
pub fn panels(report: &Report) -> Vec<Panel> {
    let mut panels: Vec<(String, Panel)> = Vec::new();
    for estimate in &report.estimates {
        let key = crate::text::unit_key(&estimate.unit);
        let index = match panels.iter().position(|(k, _)| *k == key) {
            Some(index) => index,
            None => {
                let panel = Panel {
                    unit: estimate.unit.trim().to_owned(),
                    measures: Vec::new(),
                    estimates: Vec::new(),
                };
                panels.push((key, panel));
                panels.len() - 1
            }
        };
        let Some((_, panel)) = panels.get_mut(index) else {
            continue;
        };
        let measure = estimate.measure.trim();
        if !panel.measures.iter().any(|m| m == measure) {
            panel.measures.push(measure.to_owned());
        }
        panel.estimates.push(estimate.clone());
    }
    let mut panels: Vec<Panel> = panels.into_iter().map(|(_, p)| p).collect();
    for panel in &mut panels {
        crate::order::sort_by(&mut panel.estimates, |a, b| {
            stated_day(a).total_cmp(&stated_day(b))
        });
    }
    crate::order::sort_by_key(&mut panels, |p| std::cmp::Reverse(p.estimates.len()));
    panels
}

/// Where an estimate sits in time: the middle of the days its date covers, so
/// "Oct 2023" sits mid-October and "13 Oct 2023" on its day.
pub fn stated_day(estimate: &Estimate) -> f64 {
    let span = Span::of_date(&estimate.stated);
    (day_number(span.start) + day_number(span.end)) / 2.0
}

/// The days every panel shares on its time axis: from the first day of the
/// earliest statement to the last day of the latest, padded a little so no
/// mark sits on the frame. Fixed to all the data, so that moving the "as of"
/// date makes marks appear in place rather than the axes shift.
pub fn time_domain(report: &Report) -> (f64, f64) {
    let spans = report.estimates.iter().map(|e| Span::of_date(&e.stated));
    let (mut start, mut end) = (f64::INFINITY, f64::NEG_INFINITY);
    for span in spans {
        start = start.min(day_number(span.start));
        end = end.max(day_number(span.end));
    }
    if !(start.is_finite() && end.is_finite()) {
        return (0.0, 1.0);
    }
    let pad = ((end - start) * 0.04).max(10.0);
    (start - pad, end + pad)
}
