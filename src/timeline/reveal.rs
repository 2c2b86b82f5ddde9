//! Lanes drawn as the reader nears them.
//!
//! A timeline of more than a few hundred marks (a report of dozens of
//! vessels) draws a lane's marks once the lane comes within a screen's
//! height of the window, and keeps them from then on. Its names, bands and
//! data table are all there from the start; only the marks wait. (A
//! 1,000-trip report's timeline drew 1,500 marks below the window before its
//! first screen: 436 → 273 ms without them.) A report of a few vessels is
//! drawn whole, as before, and so is every lane when the page is printed.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::nearness::{Watcher, watch};

/// Up to this many marks, a timeline draws every lane at once.
pub const DRAWN_AT_ONCE: usize = 500;

/// Which lanes have their marks drawn.
#[derive(Clone, Copy)]
pub struct LaneReveal {
    drawn: StoredValue<Vec<RwSignal<bool>>>,
    watcher: StoredValue<Option<Watcher>, LocalStorage>,
}

impl LaneReveal {
    /// Every lane drawn at once when there are at most [`DRAWN_AT_ONCE`]
    /// marks in all, else each lane as it nears the window.
    pub fn new(lanes: usize, marks: usize) -> Self {
        let gradual = marks > DRAWN_AT_ONCE;
        let drawn: Vec<RwSignal<bool>> = (0..lanes).map(|_| RwSignal::new(!gradual)).collect();
        let watcher = gradual.then(|| watch_bands(drawn.clone())).flatten();
        if gradual {
            // Paper has no window to scroll: everything is printed.
            let all = drawn.clone();
            let on_print = window_event_listener(leptos::ev::beforeprint, move |_| {
                for lane in &all {
                    draw(*lane);
                }
            });
            on_cleanup(move || on_print.remove());
        }
        let reveal = Self {
            drawn: StoredValue::new(drawn),
            watcher: StoredValue::new_local(watcher),
        };
        on_cleanup(move || {
            reveal
                .watcher
                .try_with_value(|w| w.as_ref().map(|w| w.observer.disconnect()));
        });
        reveal
    }

    /// Whether lane `index` has its marks drawn (tracked).
    pub fn is_drawn(&self, index: usize) -> bool {
        self.drawn
            .with_value(|d| d.get(index).copied())
            .is_none_or(|lane| lane.get())
    }

    /// Draws lane `index` now (the keyboard is going there).
    pub fn draw(&self, index: usize) {
        if let Some(lane) = self
            .drawn
            .try_with_value(|d| d.get(index).copied())
            .flatten()
        {
            draw(lane);
        }
    }

    /// Watches the lanes' bands (`[data-lane]`) inside `host` that are not
    /// drawn yet.
    pub fn watch_lanes(&self, host: &web_sys::Element) {
        // (Called a frame later: the chart may be gone by then.)
        self.watcher.try_with_value(|watcher| {
            let Some(watcher) = watcher else {
                return;
            };
            let Ok(bands) = host.query_selector_all("[data-lane]") else {
                return;
            };
            for i in 0..bands.length() {
                let Some(band) = bands
                    .item(i)
                    .and_then(|b| b.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let index = lane_index(&band);
                if index.is_some_and(|i| !self.is_drawn_untracked(i)) {
                    watcher.observer.observe(&band);
                }
            }
        });
    }

    /// Whether lane `index` has its marks drawn (not tracked).
    pub fn is_drawn_untracked(&self, index: usize) -> bool {
        self.drawn
            .try_with_value(|d| d.get(index).copied())
            .flatten()
            .is_none_or(|lane| lane.try_get_untracked().unwrap_or(true))
    }
}

/// An observer that draws each lane whose band comes within a screen's
/// height of the window, then stops watching it.
fn watch_bands(drawn: Vec<RwSignal<bool>>) -> Option<Watcher> {
    watch(
        "100% 0px",
        Box::new(move |band, near, observer| {
            if !near {
                return;
            }
            observer.unobserve(&band);
            if let Some(lane) = lane_index(&band).and_then(|i| drawn.get(i)) {
                draw(*lane);
            }
        }),
    )
}

/// Draws a lane that is not drawn yet (drawing it again would replace its
/// marks, and the keyboard's focus with them).
fn draw(lane: RwSignal<bool>) {
    // (A lane of a chart already gone is left alone.)
    if lane.try_get_untracked() == Some(false) {
        lane.try_set(true);
    }
}

/// The lane a band belongs to (its `data-lane`).
fn lane_index(band: &web_sys::Element) -> Option<usize> {
    band.get_attribute("data-lane")?.parse().ok()
}
