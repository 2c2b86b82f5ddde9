//! The one scale helper every chart and the timeline use: numbers (or days) to
//! pixels, and round-numbered ticks for their axes.

use chrono::{Datelike, NaiveDate};

use crate::math;

/// Maps a domain of numbers onto a range of pixels, linearly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    domain: (f64, f64),
    range: (f64, f64),
}

impl Scale {
    /// A scale from `domain` to `range`. An empty domain (both ends equal) is
    /// widened by one unit each way so that nothing divides by zero.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let (mut d0, mut d1) = domain;
        if !(d0.is_finite() && d1.is_finite()) {
            (d0, d1) = (0.0, 1.0);
        }
        if (d1 - d0).abs() < f64::EPSILON {
            (d0, d1) = (d0 - 1.0, d1 + 1.0);
        }
        Self {
            domain: (d0, d1),
            range,
        }
    }

    /// The pixel position of `value`.
    pub fn at(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The value at pixel position `px` (for brushing and pointer input).
    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (r1 - r0).abs() < f64::EPSILON {
            return d0;
        }
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }

    pub fn domain(&self) -> (f64, f64) {
        self.domain
    }

    pub fn range(&self) -> (f64, f64) {
        self.range
    }

    /// The same scale with its domain stretched to round numbers, so the axis
    /// starts and ends on a tick.
    pub fn nice(self, count: usize) -> Self {
        let (d0, d1) = self.domain;
        let step = tick_step(d0, d1, count);
        Self::new(
            ((d0 / step).floor() * step, (d1 / step).ceil() * step),
            self.range,
        )
    }

    /// About `count` round-numbered ticks (1, 2 or 5 times a power of ten) inside the domain.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let (d0, d1) = self.domain;
        let (lo, hi) = (d0.min(d1), d0.max(d1));
        let step = tick_step(lo, hi, count);
        let first = (lo / step).ceil() as i64;
        let last = (hi / step).floor() as i64;
        (first..=last).map(|i| i as f64 * step).collect()
    }
}

/// Maps positive numbers onto pixels by their order of magnitude, for values
/// that span several (10 and 7,400 on one axis). Say "log scale" on the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogScale {
    /// The domain's powers of ten (1 and 4 for 10..10,000).
    exponents: (f64, f64),
    range: (f64, f64),
}

impl LogScale {
    /// A scale from `domain` to `range`, widened to whole powers of ten so the
    /// axis starts and ends on a tick. Values at or below zero have no place on
    /// a log scale: the domain starts at 1 if its low end is not positive.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let exponent = |v: f64| {
            if v.is_finite() && v > 0.0 {
                math::log10(v)
            } else {
                0.0
            }
        };
        let (lo, hi) = (
            exponent(domain.0.min(domain.1)),
            exponent(domain.0.max(domain.1)),
        );
        let (lo, hi) = (lo.floor(), hi.ceil());
        let hi = if hi > lo { hi } else { lo + 1.0 };
        Self {
            exponents: (lo, hi),
            range,
        }
    }

    /// The pixel position of `value`; values at or below zero sit at the bottom.
    pub fn at(&self, value: f64) -> f64 {
        let (e0, e1) = self.exponents;
        let (r0, r1) = self.range;
        let exponent = if value > 0.0 {
            math::log10(value).max(e0)
        } else {
            e0
        };
        r0 + (exponent - e0) / (e1 - e0) * (r1 - r0)
    }

    /// The domain, in the units of the values (10.0, 10_000.0).
    pub fn domain(&self) -> (f64, f64) {
        (math::pow10(self.exponents.0), math::pow10(self.exponents.1))
    }

    pub fn range(&self) -> (f64, f64) {
        self.range
    }

    /// The powers of ten inside the domain, skipping some when there are more than `count`.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let (e0, e1) = self.exponents;
        let decades = (e1 - e0).round().max(1.0) as usize;
        let step = decades.div_ceil(count.max(1)).max(1);
        (0..=decades)
            .step_by(step)
            .map(|i| math::pow10(e0 + i as f64))
            .collect()
    }
}

/// A round step (1, 2 or 5 times a power of ten) that splits `lo..hi` into
/// about `count` parts; the thresholds are d3's, so the count lands close.
fn tick_step(lo: f64, hi: f64, count: usize) -> f64 {
    let span = (hi - lo).abs().max(f64::MIN_POSITIVE);
    let raw = span / count.max(1) as f64;
    let power = math::decade(raw);
    let error = raw / power;
    let factor = if error >= 50f64.sqrt() {
        10.0
    } else if error >= 10f64.sqrt() {
        5.0
    } else if error >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    let step = factor * power;
    if step.is_finite() && step > 0.0 {
        step
    } else {
        1.0
    }
}

/// Days since the start of the Common Era: the number a time axis scales.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date of a day number (the inverse of [`day_number`]), clamped to what chrono holds.
pub fn date_of_day(day: f64) -> NaiveDate {
    let day = math::clamp(day.round(), 1.0, 3_000_000.0) as i32;
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or_default()
}

/// First days of months between `start` and `end`, stepping 1, 2, 3, 6 or 12
/// months so that there are at most `max` of them.
pub fn month_ticks(start: NaiveDate, end: NaiveDate, max: usize) -> Vec<NaiveDate> {
    let index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let (first, last) = (index(start), index(end));
    let months = (last - first + 1).max(1);
    let step = [1, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|s| months / s <= max.max(1) as i32)
        .unwrap_or(120);
    // Ticks fall on months divisible by the step (Jan, Apr, Jul, Oct for 3), after `start`.
    (first..=last)
        .filter(|m| m.rem_euclid(step) == 0)
        .filter_map(|m| NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1))
        .filter(|d| *d >= start)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_scale_maps_and_inverts() {
        let s = Scale::new((0.0, 100.0), (10.0, 210.0));
        assert_eq!(s.at(50.0), 110.0);
        assert_eq!(s.invert(110.0), 50.0);
        let flat = Scale::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(flat.at(5.0), 50.0);
    }

    #[test]
    fn ticks_are_round_numbers() {
        let s = Scale::new((0.0, 13_000.0), (0.0, 1.0)).nice(5);
        assert_eq!(s.domain(), (0.0, 14_000.0));
        assert_eq!(
            s.ticks(5),
            vec![
                0.0, 2000.0, 4000.0, 6000.0, 8000.0, 10000.0, 12000.0, 14000.0
            ]
        );
    }

    #[test]
    fn month_ticks_step_to_fit() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let ticks = month_ticks(d(2023, 8, 15), d(2024, 3, 1), 12);
        assert_eq!(ticks.first(), Some(&d(2023, 9, 1)));
        assert_eq!(ticks.len(), 7);
        let sparse = month_ticks(d(2023, 8, 1), d(2025, 2, 1), 8);
        assert!(sparse.len() <= 8, "{sparse:?}");
        assert_eq!(date_of_day(day_number(d(2024, 2, 12))), d(2024, 2, 12));
    }

    #[test]
    fn a_log_scale_spans_whole_powers_of_ten() {
        let s = LogScale::new((10.0, 7_400.0), (200.0, 0.0));
        assert_eq!(s.domain(), (10.0, 10_000.0));
        assert_eq!(s.ticks(5), vec![10.0, 100.0, 1_000.0, 10_000.0]);
        assert_eq!(s.at(10.0), 200.0);
        assert!((s.at(100.0) - 133.333).abs() < 0.01);
        assert_eq!(s.at(0.0), 200.0, "zero sits at the bottom");
        assert_eq!(LogScale::new((1.0, 1e8), (0.0, 1.0)).ticks(4).len(), 5);
    }
}
