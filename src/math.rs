//! Sines, cosines, powers and logarithms for the charts and the map.
//!
//! Rust's own are compiled into the WebAssembly (about 10 KB of it) while
//! the browser already has them, so in the browser these ask JavaScript's
//! `Math`; natively (the unit tests) they are the standard library's.

#[cfg(target_arch = "wasm32")]
use js_sys::Math;

pub fn sin(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::sin(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.sin()
}

pub fn cos(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::cos(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.cos()
}

pub fn log10(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::log10(x);
    #[cfg(not(target_arch = "wasm32"))]
    x.log10()
}

/// Ten to the power `exponent`.
pub fn pow10(exponent: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::pow(10.0, exponent);
    #[cfg(not(target_arch = "wasm32"))]
    10f64.powf(exponent)
}

/// The power of ten at or below `value`: 1,000 for 4,321, 0.01 for 0.05.
pub fn decade(value: f64) -> f64 {
    pow10(log10(value).floor())
}

/// The length of the vector (`x`, `y`).
pub fn hypot(x: f64, y: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return Math::hypot(x, y);
    #[cfg(not(target_arch = "wasm32"))]
    x.hypot(y)
}

/// `value` held within `low..=high` (`low` wins if they cross). The standard
/// `f64::clamp` checks its bounds and would print them in its panic
/// message, which brings Rust's float printer (8 KB) into the WebAssembly.
pub fn clamp(value: f64, low: f64, high: f64) -> f64 {
    value.min(high).max(low)
}
