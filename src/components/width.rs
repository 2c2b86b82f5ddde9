//! The charts' widths. Reading an element's width makes the browser lay out
//! the page first. When each chart read its own width and then drew its
//! marks, the next chart's read laid all those marks out again: 2.9 s of a
//! 10,000-trip page's first render. So the charts ask here: the first widths
//! are read together in one animation frame, before any chart draws.
//!
//! A chart outside the window in that frame waits further: until it is
//! within a screen of the window (those already there are drawn a frame
//! later), or the reader prints, or the page is idle after its first screen
//! (one such chart per idle moment, from the top). The first screen of a
//! report is its header and narrative: drawing the charts below before it
//! was a seventh of the bundled report's first render, and half of a
//! 10,000-trip report's.

use std::cell::RefCell;
use std::thread::LocalKey;

use leptos::html;
use leptos::prelude::*;

use crate::components::nearness::{Watcher, watch};

/// A chart waiting for its first width, and what to do with it.
struct Chart {
    host: web_sys::HtmlElement,
    apply: Box<dyn FnOnce(f64)>,
    /// Whether it may wait while outside the window (not once it has come
    /// near, or the reader prints).
    may_wait: bool,
}

type Waiting = Vec<Chart>;

thread_local! {
    /// Charts to measure in the next animation frame.
    static WAITING: RefCell<Waiting> = const { RefCell::new(Vec::new()) };
    /// Charts outside the window, not yet drawn.
    static AWAY: RefCell<Waiting> = const { RefCell::new(Vec::new()) };
    /// What watches them come near (made for the first chart put aside).
    static WATCHER: RefCell<Option<Watcher>> = const { RefCell::new(None) };
}

/// Calls `apply` with `host`'s width in CSS pixels once it is on the page
/// (with the other charts' first widths; for a chart outside the window,
/// once it is within a screen of it or the page is idle) and again
/// when the window resizes. Says whether that first width has come: charts
/// wait for it to draw their marks, so that they draw them once, at the true
/// width.
pub fn follow_width(
    host: NodeRef<html::Div>,
    apply: impl Fn(f64) + Clone + 'static,
) -> ReadSignal<bool> {
    let measured = RwSignal::new(false);
    Effect::new({
        let apply = apply.clone();
        move |_| {
            if let Some(el) = host.get() {
                let apply = apply.clone();
                measure_soon(Chart {
                    host: el.into(),
                    apply: Box::new(move |width| {
                        // A chart taken off the page while it waited (the
                        // reader switched language, say) has nothing to draw.
                        let Some(was_measured) = measured.try_get_untracked() else {
                            return;
                        };
                        apply(width);
                        if !was_measured {
                            measured.try_set(true);
                        }
                    }),
                    may_wait: true,
                });
            }
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(el) = host.get_untracked() {
            apply(f64::from(el.client_width()));
        }
    });
    on_cleanup(move || {
        resize.remove();
        if let Some(el) = host.try_get_untracked().flatten() {
            forget_away(&el);
        }
    });
    measured.read_only()
}

/// Whether a chart outside the window is still waiting to be drawn (the
/// page then sets `sealift:drawn` once the last one is).
pub fn waiting_for_idle() -> bool {
    AWAY.with(|away| !away.borrow().is_empty())
}

/// Queues a first measurement; the first in a frame asks for the frame.
fn measure_soon(chart: Chart) {
    if queue(&WAITING, chart) {
        request_animation_frame(measure_all);
    }
}

/// Reads every queued width, then hands them out: all reads come before
/// any chart redraws, so the page is laid out once. Charts outside the
/// window are put aside first (reading where they are costs no second
/// layout: nothing has been drawn yet).
fn measure_all() {
    let waiting = WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let now: Vec<Chart> = waiting
        .into_iter()
        .filter_map(|chart| {
            if chart.may_wait && is_out_of_sight(&chart.host, screen) {
                wait_until_near(chart)
            } else {
                Some(chart)
            }
        })
        .collect();
    let widths: Vec<f64> = now
        .iter()
        .map(|chart| f64::from(chart.host.client_width()))
        .collect();
    for (chart, width) in now.into_iter().zip(widths) {
        (chart.apply)(width);
    }
}

/// Whether `el` lies wholly above or below the window.
fn is_out_of_sight(el: &web_sys::HtmlElement, screen: f64) -> bool {
    let rect = el.get_bounding_client_rect();
    screen > 0.0 && (rect.top() >= screen || rect.bottom() < 0.0)
}

/// Puts a chart aside until it is within a screen of the window, the reader
/// prints, or the page is idle; hands it back when the browser cannot watch
/// for that.
fn wait_until_near(chart: Chart) -> Option<Chart> {
    let watching = WATCHER.with(|watcher| {
        let mut watcher = watcher.borrow_mut();
        if watcher.is_none() {
            *watcher = watch_charts();
            // Paper has no window to come near: everything is printed.
            let on_print = window_event_listener(leptos::ev::beforeprint, |_| {
                let away = AWAY.with(|away| std::mem::take(&mut *away.borrow_mut()));
                for chart in away {
                    forget_away(&chart.host);
                    measure_soon(Chart {
                        may_wait: false,
                        ..chart
                    });
                }
                measure_all();
            });
            std::mem::forget(on_print);
        }
        watcher
            .as_ref()
            .map(|w| w.observer.observe(&chart.host))
            .is_some()
    });
    if !watching {
        return Some(chart);
    }
    if queue(&AWAY, chart) {
        request_idle_callback(draw_one_away);
    }
    None
}

/// Measures the first chart still away, then waits for the next idle moment
/// for the one after; once all are drawn, sets the `sealift:drawn`
/// performance mark that the render benchmark reads.
fn draw_one_away() {
    let next = AWAY.with(|away| {
        let mut away = away.borrow_mut();
        (!away.is_empty()).then(|| away.remove(0))
    });
    let Some(chart) = next else {
        // The reader came near the last ones first.
        crate::shell::performance_mark("sealift:drawn");
        return;
    };
    forget_away(&chart.host);
    measure_soon(Chart {
        may_wait: false,
        ..chart
    });
    // After that chart's frame, once the page is idle again.
    request_animation_frame(|| {
        if AWAY.with(|away| away.borrow().is_empty()) {
            request_animation_frame(|| crate::shell::performance_mark("sealift:drawn"));
        } else {
            request_idle_callback(draw_one_away);
        }
    });
}

/// An observer that hands each chart coming within a screen of the window
/// on to be measured.
fn watch_charts() -> Option<Watcher> {
    watch(
        "100% 0px",
        Box::new(|near, is_near, _| {
            if !is_near {
                return;
            }
            let found = AWAY.with(|away| {
                let mut away = away.borrow_mut();
                let at = away
                    .iter()
                    .position(|chart| chart.host.is_same_node(Some(&near)))?;
                Some(away.remove(at))
            });
            if let Some(chart) = found {
                forget_away(&chart.host);
                measure_soon(Chart {
                    may_wait: false,
                    ..chart
                });
            }
        }),
    )
}

/// Stops waiting for `el` (measured, or gone from the page).
fn forget_away(el: &web_sys::Element) {
    WATCHER.with(|w| {
        if let Some(w) = w.borrow().as_ref() {
            w.observer.unobserve(el);
        }
    });
    AWAY.with(|away| {
        away.borrow_mut()
            .retain(|chart| !chart.host.is_same_node(Some(el)))
    });
}

/// Adds a chart to `list`; says whether it is the first there (the one
/// that asks for the frame, or for the idle moment).
fn queue(list: &'static LocalKey<RefCell<Waiting>>, chart: Chart) -> bool {
    list.with(|list| {
        let mut list = list.borrow_mut();
        list.push(chart);
        list.len() == 1
    })
}
