//! The scale bar: a round distance at the map's middle latitude.

use leptos::prelude::*;

use crate::coordinates::{Px, px};
use crate::i18n::{fill, tr};
use crate::math;
use crate::text::number_text;

/// A bar of `pixels` standing for `km` kilometres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleBarSize {
    pub km: f64,
    pub pixels: f64,
}

impl ScaleBarSize {
    /// The longest round distance (1, 2 or 5 times a power of ten) that fits in `max_pixels`.
    pub fn fitting(km_per_pixel: f64, max_pixels: f64) -> Option<Self> {
        let most = km_per_pixel * max_pixels;
        if !(most.is_finite() && most > 0.0) {
            return None;
        }
        let power = math::decade(most);
        let km = [5.0, 2.0, 1.0]
            .into_iter()
            .map(|f| f * power)
            .find(|km| *km <= most)?;
        Some(ScaleBarSize {
            km,
            pixels: km / km_per_pixel,
        })
    }
}

/// The bar, its end ticks and "50 km", with its left end at (`x`, `y`).
#[component]
pub fn ScaleBar(size: ScaleBarSize, x: f64, y: f64) -> impl IntoView {
    let end = x + size.pixels;
    let label = fill(tr("{km} km"), &[("km", &number_text(size.km))]);
    let description = fill(tr("Scale: the bar is {length}"), &[("length", &label)]);
    view! {
        <g class="map-scale" aria-label=description>
            <path class="map-scale__bar" d=format!("M{},{}V{}H{}V{}", Px(x), Px(y - 5.0), Px(y), Px(end), Px(y - 5.0)) />
            <text class="map-scale__label" x={px(x)} y={px(y - 9.0)}>{label}</text>
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_bar_is_a_round_distance_that_fits() {
        let bar = ScaleBarSize::fitting(0.9, 120.0).unwrap();
        assert_eq!(bar.km, 100.0);
        assert!((bar.pixels - 111.11).abs() < 0.01);
        assert_eq!(ScaleBarSize::fitting(3.0, 100.0).unwrap().km, 200.0);
        assert_eq!(ScaleBarSize::fitting(0.4, 100.0).unwrap().km, 20.0);
        assert!(ScaleBarSize::fitting(f64::INFINITY, 100.0).is_none());
    }
}
