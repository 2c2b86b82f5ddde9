//! Estimates: who put forward how much, and when. One small panel per unit
//! (containers, shells, trips, ...), each estimate a mark whose shape says how
//! the figure was meant and whose colour says who made it. The reader's "as
//! of" date hides what had not yet been said, so the picture can be replayed.

mod details;
mod focus;
mod geometry;
mod labels;
mod legend;
mod mark;
mod panel;
mod panels;
mod table;
mod words;

use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::citations::Cited;
use crate::components::in_sight::while_in_sight;
use crate::components::view_frame::{EmptyState, ViewFrame};
use crate::components::when_drawn::follow_width;
use crate::data::SharedReport;
use crate::embed::Embeddable;
use crate::i18n::tr;
use crate::state::use_reader_state;
use focus::{ChartFocus, focus_mark};
use geometry::left_margin;
use legend::ShapeKey;
use panel::{CardSide, EstimatePanel};
use panels::{panels, time_domain};
use words::caption_text;

/// Marks past which the chart changes without transitions.
const CROWDED: usize = 300;

/// The narrowest a panel may be before the grid drops a column, in pixels.
const MIN_PANEL: f64 = 300.0;
/// The space between panels, in pixels (matches `.estimates__grid` in CSS).
const GAP: f64 = 24.0;
/// The width drawn before the page has been measured.
const UNMEASURED: f64 = 340.0;

/// Every estimate, by unit, over the date it was stated.
#[component]
pub fn EstimateChart(report: SharedReport) -> impl IntoView {
    while_in_sight(Box::new(move || estimate_chart(report).into_any()))
}

/// The estimates chart in its frame, with its table.
fn estimate_chart(report: SharedReport) -> impl IntoView {
    let cited: Cited = report.estimates.iter().flat_map(|e| &e.sources).collect();
    if report.estimates.is_empty() {
        return view! {
            <ViewFrame report id="estimates" heading=Embeddable::Estimates.heading() caption=Memo::new(|_| String::new()) cited>
                <EmptyState message=tr("No estimates in this report") />
            </ViewFrame>
        }
        .into_any();
    }
    let state = use_reader_state();
    let panels = Arc::new(panels(&report));
    // Hundreds of marks fading at once cost more than they show: a crowded
    // chart changes without transitions.
    let crowded = panels.iter().map(|p| p.estimates.len()).sum::<usize>() > CROWDED;
    let focus = ChartFocus::new(panels.clone(), state);
    let caption = {
        let (report, panels) = (report.clone(), panels.clone());
        Memo::new(move |_| state.with(|s| caption_text(&report, &panels, s)))
    };
    let left = left_margin(&panels);
    let time_domain = time_domain(&report);
    let count = panels.len();

    let grid = NodeRef::<Div>::new();
    let measured = RwSignal::new(0.0);
    // The panels wait for the first measurement: drawing every mark at a
    // guessed width and again at the real one doubled the first render.
    let ready = follow_width(grid, move |width| {
        if width != measured.get_untracked() {
            measured.set(width);
        }
    });
    let layout = Memo::new(move |_| Layout::for_width(measured.get(), count));

    // Esc closes the card, leaving focus on its mark rather than lost with the card.
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() != "Escape" {
            return;
        }
        let open = focus
            .pinned
            .get_untracked()
            .or_else(|| focus.focused.get_untracked());
        if let (Some(id), Some(chart)) = (
            open,
            ev.current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
        ) {
            focus_mark(&chart, &id);
        }
        focus.close();
    };

    let report_for_key = report.clone();
    let report_for_table = report.clone();
    let panels_view = {
        let (report, panels) = (report.clone(), panels.clone());
        move || {
            ready.get().then(|| {
                panels
                    .iter()
                    .enumerate()
                    .map(|(index, panel)| {
                        let card_side = Memo::new(move |_| layout.get().card_side(index));
                        view! {
                            <EstimatePanel
                                report=report.clone()
                                panel=panel.clone()
                                width=Memo::new(move |_| layout.get().panel_width)
                                card_side
                                left
                                time_domain
                                focus
                            />
                        }
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <ViewFrame report id="estimates" heading=Embeddable::Estimates.heading() caption cited picture=true>
            <div
                class="estimates"
                class:is-crowded=crowded
                class:is-standing-out=move || focus.someone_stands_out()
                on:keydown=on_keydown
            >
                <svg class="estimates__focus-ring" aria-hidden="true" inner_html=mark::FOCUS_RING />
                <ShapeKey report=report_for_key />
                <div
                    class="estimates__grid"
                    node_ref=grid
                    style=("--columns", move || layout.get().columns.to_string())
                >
                    {panels_view}
                </div>
                <table::EstimateTable report=report_for_table />
            </div>
        </ViewFrame>
    }
    .into_any()
}

/// How the panels share the width: as many columns as fit, each panel's drawing as wide as its column.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Layout {
    columns: usize,
    panel_width: f64,
}

impl Layout {
    fn for_width(width: f64, panels: usize) -> Self {
        if width <= 0.0 {
            return Self {
                columns: 1,
                panel_width: UNMEASURED,
            };
        }
        let fit = ((width + GAP) / (MIN_PANEL + GAP)).floor() as usize;
        let columns = fit.clamp(1, 3).min(panels.max(1));
        let panel_width = ((width - GAP * (columns as f64 - 1.0)) / columns as f64).floor();
        Self {
            columns,
            panel_width,
        }
    }

    /// Which way a card opens on the panel at `index`: towards the inside of
    /// the grid, so that it never reaches past the page's edges.
    fn card_side(&self, index: usize) -> CardSide {
        let column = index % self.columns.max(1);
        if self.columns == 1 {
            CardSide::Nearer
        } else if column == 0 {
            CardSide::Right
        } else if column + 1 == self.columns {
            CardSide::Left
        } else {
            CardSide::Nearer
        }
    }
}
