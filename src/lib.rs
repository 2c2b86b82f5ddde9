//! Sealift's report viewer: fetches a report, checks it with `sealift-format`
//! and draws it. The modules mirror what the reader sees, top to bottom.

// Text is cut with `get`, `split_once` and the like, never with `&text[a..b]`:
// one such slice brings the standard library's panic message for a bad cut,
// with its Unicode tables, into every module (4 KB gzip:
// docs/performance-history.md, "Sixteenth session").
#![cfg_attr(not(test), warn(clippy::string_slice))]

// The page around the views, and what every view shares.
pub mod components;
pub mod coordinates;
pub mod data;
pub mod embed;
pub mod first_seen;
pub mod i18n;
pub mod math;
pub mod order;
pub mod shell;
pub mod state;
pub mod text;
pub mod visible;

// The views, in page order.
pub mod claims;
pub mod estimates;
pub mod map;
pub mod narrative;
pub mod sources;
pub mod timeline;
pub mod vessels;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
