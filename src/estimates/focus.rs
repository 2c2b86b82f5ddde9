//! What the reader is looking at in the chart: the mark under the pointer, the
//! mark with keyboard focus, the mark whose card is pinned open, and the one
//! mark Tab reaches (a roving tabindex: arrow keys move between marks).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::mark::MarkLook;
use super::panels::{Panel, stated_day};
use sealift_format::Estimate;

use crate::state::{ReaderState, ReaderStateSignal};

/// One mark in keyboard order.
#[derive(Debug, Clone, PartialEq)]
struct Stop {
    id: String,
    panel: usize,
    day: f64,
}

/// The chart's pointer and keyboard state, shared by its panels and marks.
#[derive(Clone, Copy)]
pub struct ChartFocus {
    pub hovered: RwSignal<Option<String>>,
    pub focused: RwSignal<Option<String>>,
    pub pinned: RwSignal<Option<String>>,
    /// The actor whose name the pointer is on in a legend: their marks stand out.
    pub legend_actor: RwSignal<Option<String>>,
    tab_stop: RwSignal<Option<String>>,
    /// The visible marks, panel by panel, earliest first.
    order: Memo<Vec<Stop>>,
    /// The mark Tab reaches.
    stop: Memo<Option<String>>,
    /// The actor whose marks stand out (the legend's, else the reader's
    /// chosen actor) when they have marks here.
    standing_out: Memo<Option<String>>,
    /// The reader's state with only the "as of" date, which alone decides
    /// which marks show (so marks do not redraw when a vessel is chosen).
    as_of: Memo<ReaderState>,
}

impl ChartFocus {
    pub fn new(panels: Arc<Vec<Panel>>, state: ReaderStateSignal) -> Self {
        let everything = panels.clone();
        let order: Memo<Vec<Stop>> = Memo::new(move |_| {
            state.with(|s| {
                panels
                    .iter()
                    .enumerate()
                    .flat_map(|(panel, p)| {
                        p.estimates
                            .iter()
                            .filter(|e| s.shows_estimate(e))
                            .map(move |e| Stop {
                                id: e.id.clone(),
                                panel,
                                day: stated_day(e),
                            })
                    })
                    .collect()
            })
        });
        let tab_stop = RwSignal::new(None::<String>);
        // The last mark focused while it is visible, otherwise the first visible mark.
        let stop = Memo::new(move |_| {
            let chosen = tab_stop.get();
            order.with(|order| {
                chosen
                    .filter(|c| order.iter().any(|s| &s.id == c))
                    .or_else(|| order.first().map(|s| s.id.clone()))
            })
        });
        let legend_actor = RwSignal::new(None::<String>);
        let standing_out = Memo::new({
            let panels = everything;
            move |_| {
                legend_actor
                    .get()
                    .or_else(|| state.with(|s| s.actor.clone()))
                    .filter(|a| {
                        panels
                            .iter()
                            .any(|p| p.estimates.iter().any(|e| &e.actor == a))
                    })
            }
        });
        // Only the "as of" date decides, so marks do not redraw when a vessel is chosen.
        let as_of = Memo::new(move |_| {
            state.with(|s| ReaderState {
                as_of: s.as_of,
                ..ReaderState::default()
            })
        });
        let (hovered, focused, pinned) = (
            RwSignal::new(None),
            RwSignal::new(None),
            RwSignal::new(None),
        );
        Self {
            hovered,
            focused,
            pinned,
            legend_actor,
            standing_out,
            tab_stop,
            order,
            stop,
            as_of,
        }
    }

    /// The estimate whose details card is open: the pinned one, else the one
    /// under the pointer, else the one with keyboard focus.
    pub fn shown(&self) -> Option<String> {
        self.pinned
            .get()
            .or_else(|| self.hovered.get())
            .or_else(|| self.focused.get())
    }

    /// How each of `estimates` looks now (tracked).
    pub fn looks(&self, estimates: &[Estimate]) -> Vec<MarkLook> {
        let (active, stop, standing) = (self.shown(), self.stop.get(), self.standing_out.get());
        let is = |wanted: &Option<String>, id: &str| wanted.as_deref() == Some(id);
        self.as_of.with(|s| {
            estimates
                .iter()
                .map(|e| MarkLook {
                    hidden: !s.shows_estimate(e),
                    standing: is(&standing, &e.actor),
                    active: is(&active, &e.id),
                    tab_stop: is(&stop, &e.id),
                })
                .collect()
        })
    }

    /// Whether some actor's marks stand out: the chart's other marks step
    /// back, through one class on the chart (`estimates.css`).
    pub fn someone_stands_out(&self) -> bool {
        self.standing_out.with(Option::is_some)
    }

    /// A mark got focus. From the keyboard its card opens; from a click,
    /// the click decides (it pins the card, and a second click unpins it).
    pub fn focus(&self, id: &str, by_pointer: bool) {
        self.tab_stop.set(Some(id.to_owned()));
        if !by_pointer {
            self.focused.set(Some(id.to_owned()));
        }
    }

    /// Opens a mark's card until closed, or closes it if it was pinned.
    pub fn toggle_pin(&self, id: &str) {
        let pinned = self.pinned.get_untracked();
        self.pinned
            .set((pinned.as_deref() != Some(id)).then(|| id.to_owned()));
    }

    /// Closes any card: Esc.
    pub fn close(&self) {
        self.pinned.set(None);
        self.hovered.set(None);
        self.focused.set(None);
    }

    /// The mark a key moves to from `id`: Right and Left step through time
    /// (then on to the next panel), Down and Up jump to the nearest mark in
    /// the next or previous panel, Home and End go to the first and last.
    pub fn target(&self, id: &str, key: &str) -> Option<String> {
        self.order.with_untracked(|order| {
            let at = order.iter().position(|s| s.id == id)?;
            let here = order.get(at)?;
            let nearest_in = |panel: usize| {
                order.iter().filter(|s| s.panel == panel).min_by(|a, b| {
                    (a.day - here.day)
                        .abs()
                        .total_cmp(&(b.day - here.day).abs())
                })
            };
            let stop = match key {
                "ArrowRight" => order.get(at + 1),
                "ArrowLeft" => at.checked_sub(1).and_then(|i| order.get(i)),
                "ArrowDown" => order
                    .iter()
                    .map(|s| s.panel)
                    .find(|p| *p > here.panel)
                    .and_then(nearest_in),
                "ArrowUp" => order
                    .iter()
                    .rev()
                    .map(|s| s.panel)
                    .find(|p| *p < here.panel)
                    .and_then(nearest_in),
                "Home" => order.first(),
                "End" => order.last(),
                _ => None,
            };
            stop.map(|s| s.id.clone())
        })
    }
}

/// Moves keyboard focus to an estimate's mark in the same chart as `from`.
pub fn focus_mark(from: &web_sys::Element, id: &str) {
    let Ok(Some(chart)) = from.closest(".estimates") else {
        return;
    };
    // Ids are checked by the format ([a-z0-9-]), so they are safe in a selector.
    let Ok(Some(mark)) = chart.query_selector(&format!("[data-estimate=\"{id}\"]")) else {
        return;
    };
    if let Ok(mark) = mark.dyn_into::<web_sys::SvgElement>() {
        let _ = mark.focus();
    }
}
