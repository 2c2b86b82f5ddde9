//! The details card of the trip or event under the pointer or the keyboard:
//! what happened, when, how sure, and its sources. Hovering or focusing a mark
//! opens it, Enter or a click pins it (so the pointer can reach its links),
//! Esc closes it.

use std::sync::Arc;

use leptos::prelude::*;

use super::geometry::Geometry;
use super::lanes::{Lane, Record};
use crate::components::details::{EventDetails, TripDetails};
use crate::coordinates::css_px;
use crate::data::SharedReport;
use crate::i18n::tr;
use crate::math;

/// Which card is open, and where the chart's one tab stop is.
#[derive(Debug, Clone, Copy)]
pub struct Focus {
    /// The key of the item whose card is open.
    pub open: RwSignal<Option<String>>,
    /// The card stays open when the pointer leaves.
    pub pinned: RwSignal<bool>,
    /// The item the Tab key lands on (the last one visited).
    pub tab_stop: RwSignal<Option<String>>,
}

impl Default for Focus {
    fn default() -> Self {
        Self {
            open: RwSignal::new(None),
            pinned: RwSignal::new(false),
            tab_stop: RwSignal::new(None),
        }
    }
}

impl Focus {
    /// Opens `key`'s card; `pin` keeps it open when the pointer leaves.
    pub fn open(&self, key: &str, pin: bool) {
        self.open.set(Some(key.to_owned()));
        self.pinned.set(pin);
    }

    pub fn close(&self) {
        self.open.set(None);
        self.pinned.set(false);
    }

    /// Whether `key`'s card is open.
    pub fn is_open(&self, key: &str) -> bool {
        self.open.with(|open| open.as_deref() == Some(key))
    }

    /// Whether `key`'s card is open, without following it (event handlers).
    pub fn is_open_untracked(&self, key: &str) -> bool {
        self.open
            .with_untracked(|open| open.as_deref() == Some(key))
    }
}

/// The widest the card gets.
const CARD_WIDTH: f64 = 320.0;

/// The open card, beside its mark: below it in the upper half of the chart,
/// above it in the lower half, and never past the chart's sides.
#[component]
pub fn DetailsCard(
    report: SharedReport,
    lanes: Arc<Vec<Lane>>,
    geometry: Memo<Geometry>,
    focus: Focus,
) -> impl IntoView {
    move || {
        let key = focus.open.get()?;
        let (lane_index, item_index) = lanes.iter().enumerate().find_map(|(l, lane)| {
            lane.items
                .iter()
                .position(|item| item.key == key)
                .map(|i| (l, i))
        })?;
        let lane = lanes.get(lane_index)?;
        let item = lane.items.get(item_index)?;
        let (left, top, bottom) = geometry.with(|g| {
            let at = g.placed.get(lane_index)?.get(item_index)?;
            let width = CARD_WIDTH.min(g.width - 8.0);
            let left = math::clamp(at.centre() - width / 2.0, 4.0, g.width - width - 4.0);
            if at.y > g.height / 2.0 {
                Some((left, None, Some(g.height - at.y + 14.0)))
            } else {
                Some((left, Some(at.y + 14.0), None))
            }
        })?;
        let details = match item.record(&report)? {
            Record::Trip(trip) => {
                view! { <TripDetails report=report.clone() trip=trip.clone() /> }.into_any()
            }
            Record::Event(event) => {
                view! { <EventDetails report=report.clone() event=event.clone() /> }.into_any()
            }
        };
        Some(view! {
            <div
                class=format!("timeline__card {}", lane.series)
                class:is-pinned=move || focus.pinned.get()
                style:left=css_px(left)
                style:top=top.map(css_px)
                style:bottom=bottom.map(css_px)
                role="group"
                aria-label=tr("Details")
            >
                {move || focus.pinned.get().then(|| view! {
                    <button
                        type="button"
                        class="timeline__card-close"
                        aria-label=tr("Close details")
                        on:click=move |_| focus.close()
                    >
                        "×"
                    </button>
                }
                .into_any())}
                {details}
            </div>
        })
    }
}
