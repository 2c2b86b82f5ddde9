//! Numbers written into the markup: SVG coordinates, CSS lengths and
//! percentages, to a tenth of a pixel (or as many decimals as asked).
//!
//! Written with whole-number arithmetic, so that Rust's float printer (about
//! 14 KB of the WebAssembly) is never needed, and the markup stays short:
//! "203.7", not "203.66164231522515".
//!
//! Marks that charts draw by the hundred (estimates, places, events, a
//! timeline's shapes) are placed by their own coordinates, never moved into
//! place by a `transform`: the browser keeps a node for every transformed
//! element and goes over all of them on every frame, whichever chart is in
//! sight. At 10,000 trips 3,600 transformed marks doubled that part of each
//! frame, and a step of the "as of" date with the estimates in sight took
//! 7 ms longer (docs/performance-history.md, "Twelfth session"). Their shapes are
//! written as relative paths, so that one outline serves every mark
//! ([`outline_at`]).

use std::fmt;

use crate::math;

/// A coordinate to a tenth of a pixel, for `format!`:
/// `format!("M{},{}", Px(x), Px(y))` writes "M12,40.5".
#[derive(Debug, Clone, Copy)]
pub struct Px(pub f64);

impl fmt::Display for Px {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Decimals(self.0, 1).fmt(f)
    }
}

/// A number to at most as many decimals as its second field says (0 to 4),
/// trailing zeros left off:
/// `Decimals(2.50, 2)` writes "2.5", `Decimals(-0.004, 2)` writes "0".
#[derive(Debug, Clone, Copy)]
pub struct Decimals(pub f64, pub u32);

impl fmt::Display for Decimals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Decimals(value, places) = *self;
        let places = places.min(4);
        let scale = 10u64.pow(places);
        // Held within ±9e15 tenths (or hundredths): no coordinate comes near.
        let scaled = if value.is_finite() {
            math::clamp((value * scale as f64).round(), -9.0e15, 9.0e15) as i64
        } else {
            0
        };
        if scaled < 0 {
            f.write_str("-")?;
        }
        let magnitude = scaled.unsigned_abs();
        write!(f, "{}", magnitude / scale)?;
        let mut fraction = magnitude % scale;
        if fraction > 0 {
            let mut width = places as usize;
            while fraction % 10 == 0 {
                fraction /= 10;
                width -= 1;
            }
            write!(f, ".{fraction:0width$}")?;
        }
        Ok(())
    }
}

/// A path drawn from `at` by an outline of relative steps: `outline_at((12.0,
/// 40.5), "m-5,0h10")` writes "M12,40.5m-5,0h10".
pub fn outline_at(at: (f64, f64), outline: &str) -> String {
    format!("M{},{}{outline}", Px(at.0), Px(at.1))
}

/// A coordinate to a tenth of a pixel, for an attribute: `x=px(x)`.
pub fn px(value: f64) -> String {
    Px(value).to_string()
}

/// A CSS length in whole pixels, for a style: "240px".
pub fn css_px(value: f64) -> String {
    format!("{}px", Decimals(value, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn coordinates_have_a_tenth_of_a_pixel_at_most() {
        for (value, text) in [
            (0.0, "0"),
            (12.0, "12"),
            (203.66164231522515, "203.7"),
            (-2.96929672678594, "-3"),
            (-0.04, "0"),
            (-0.05, "-0.1"),
            (40.25, "40.3"),
            (1e20, "900000000000000"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(px(value), text, "{value:?}");
        }
        assert_eq!(Decimals(2.50, 2).to_string(), "2.5");
        assert_eq!(Decimals(0.05, 2).to_string(), "0.05");
        assert_eq!(Decimals(99.999, 0).to_string(), "100");
    }

    #[test]
    fn an_outline_starts_where_it_is_placed() {
        assert_eq!(outline_at((12.0, 40.45), "m-5,0h10"), "M12,40.5m-5,0h10");
    }
}
