//! Where things sit on a panel: its value axis (linear from zero, or log when
//! the values span orders of magnitude), its time axis, and each mark's spot.

use sealift_format::{Estimate, Precision};

use super::panels::{Panel, stated_day};
use crate::components::scale::{LogScale, Scale, day_number};
use crate::first_seen::FirstSeen;
use crate::visible::Span;

/// The height of every panel's drawing, in pixels.
pub const HEIGHT: f64 = 210.0;
/// Room above the plot for upward arrows and their labels.
pub const TOP: f64 = 36.0;
/// Room below the plot for the month labels.
pub const BOTTOM: f64 = 24.0;
/// Room right of the plot, so a mark on the last day is not cut.
pub const RIGHT: f64 = 14.0;

/// Values this many times apart on one panel get a log scale.
const LOG_RATIO: f64 = 100.0;

/// How many value ticks a panel aims for.
const VALUE_TICKS: usize = 4;

/// A panel's value axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueAxis {
    /// From zero: the honest default for counts.
    Linear(Scale),
    /// By order of magnitude, when the smallest value would vanish on a linear axis.
    Log(LogScale),
}

impl ValueAxis {
    /// The axis for a panel's values (each value, low and high), from
    /// `bottom` to `top` in pixels.
    pub fn for_panel(panel: &Panel, bottom: f64, top: f64) -> Self {
        let values: Vec<f64> = panel
            .estimates
            .iter()
            .flat_map(|e| [Some(e.quantity.value), e.quantity.low, e.quantity.high])
            .flatten()
            .filter(|v| v.is_finite())
            .collect();
        let max = values.iter().copied().fold(0.0, f64::max);
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        if min > 0.0 && max / min >= LOG_RATIO {
            return Self::Log(LogScale::new((min, max), (bottom, top)));
        }
        Self::Linear(Scale::new((0.0, max.max(1.0)), (bottom, top)).nice(VALUE_TICKS))
    }

    /// The pixel height of `value`.
    pub fn at(&self, value: f64) -> f64 {
        match self {
            Self::Linear(scale) => scale.at(value),
            Self::Log(scale) => scale.at(value),
        }
    }

    /// The values to draw gridlines and labels at.
    pub fn ticks(&self) -> Vec<f64> {
        match self {
            Self::Linear(scale) => scale.ticks(VALUE_TICKS),
            Self::Log(scale) => scale.ticks(VALUE_TICKS + 1),
        }
    }

    pub fn is_log(&self) -> bool {
        matches!(self, Self::Log(_))
    }
}

/// Where one mark sits, in the panel's pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spot {
    pub x: f64,
    pub y: f64,
    /// The ends of the low–high range, when the estimate gives one.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The days a date stated to the month or year covers, left to right;
    /// `None` for a date given to the day.
    pub span: Option<(f64, f64)>,
}

/// A panel laid out at a given width.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelGeometry {
    pub width: f64,
    /// The left edge of the plot: right of the value labels, the same on every panel.
    pub left: f64,
    pub time: Scale,
    pub value: ValueAxis,
    /// Each estimate's spot, in the panel's order.
    spots: Vec<Spot>,
    /// Where each estimate's spot is in `spots`, by the estimate's id.
    by_id: FirstSeen,
}

impl PanelGeometry {
    pub fn new(panel: &Panel, width: f64, left: f64, time_domain: (f64, f64)) -> Self {
        let right = (width - RIGHT).max(left + 1.0);
        let time = Scale::new(time_domain, (left, right));
        let value = ValueAxis::for_panel(panel, HEIGHT - BOTTOM, TOP);
        let spots = place_marks(&panel.estimates, &time, &value);
        let mut by_id = FirstSeen::default();
        for estimate in &panel.estimates {
            by_id.number(&estimate.id);
        }
        Self {
            width,
            left,
            time,
            value,
            spots,
            by_id,
        }
    }

    pub fn spot(&self, estimate_id: &str) -> Option<Spot> {
        self.spots.get(self.by_id.get(estimate_id)?).copied()
    }

    /// The bottom of the plot: the zero line on a linear axis.
    pub fn baseline(&self) -> f64 {
        HEIGHT - BOTTOM
    }
}

/// Each estimate's spot. Marks stated on the same day at about the same value
/// would hide each other, so later ones step sideways a few pixels.
fn place_marks(estimates: &[Estimate], time: &Scale, value: &ValueAxis) -> Vec<Spot> {
    const NUDGES: [f64; 7] = [0.0, 9.0, -9.0, 18.0, -18.0, 27.0, -27.0];
    let mut placed: Vec<(f64, f64)> = Vec::with_capacity(estimates.len());
    let mut spots = Vec::with_capacity(estimates.len());
    for estimate in estimates {
        let (x, y) = (
            time.at(stated_day(estimate)),
            value.at(estimate.quantity.value),
        );
        let days = Span::of_date(&estimate.stated);
        let span = (estimate.stated.precision() != Precision::Day).then(|| {
            (
                time.at(day_number(days.start)),
                time.at(day_number(days.end) + 1.0),
            )
        });
        let free = |x: f64| {
            placed
                .iter()
                .all(|(px, py)| (px - x).abs() >= 9.0 || (py - y).abs() >= 12.0)
        };
        let x = NUDGES.iter().map(|n| x + n).find(|x| free(*x)).unwrap_or(x);
        placed.push((x, y));
        let quantity = &estimate.quantity;
        let spot = Spot {
            x,
            y,
            low: quantity.low.map(|v| value.at(v)),
            high: quantity.high.map(|v| value.at(v)),
            span,
        };
        spots.push(spot);
    }
    spots
}

/// About how wide a line of text is at `font_size` pixels (bold, to be safe):
/// enough to keep labels apart without measuring them in the page.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * font_size * 0.66
}

/// The label under each value tick: "13,000", "5M".
pub fn tick_text(value: f64) -> String {
    crate::text::compact_number_text(value)
}

/// Room left of the plot for the widest value label of any panel, so the
/// panels' time axes line up.
pub fn left_margin(panels: &[Panel]) -> f64 {
    let widest = panels
        .iter()
        .flat_map(|p| ValueAxis::for_panel(p, HEIGHT - BOTTOM, TOP).ticks())
        .map(|t| text_width(&tick_text(t), 11.0))
        .fold(0.0, f64::max);
    (widest + 10.0).max(24.0)
}
