//! The charts' widths. Reading an element's width makes the browser lay out
//! the page first. When each chart read its own width and then drew its
//! marks, the next chart's read laid all those marks out again: 2.9 s of a
//! 10,000-trip page's first render. So the charts ask here: the first widths
//! are read together in one animation frame, before any chart draws.
//!
//! A chart of more than [`DRAWN_WHEN_NEAR`] marks waits further: until the
//! reader comes within a screen of it, or prints, or the page is idle after
//! its first screen (one such chart per idle moment, from the top). On a
//! 10,000-trip report the map and the estimates, far down the page, were
//! half of the first render.

use std::cell::RefCell;
use std::thread::LocalKey;

use leptos::html;
use leptos::prelude::*;

use crate::components::nearness::{Watcher, watch};

/// A chart with more marks than this is measured, and so drawn, only once
/// the reader comes near it.
pub const DRAWN_WHEN_NEAR: usize = 1000;

type Waiting = Vec<(web_sys::HtmlElement, Box<dyn FnOnce(f64)>)>;

thread_local! {
    /// Charts to measure in the next animation frame.
    static WAITING: RefCell<Waiting> = const { RefCell::new(Vec::new()) };
    /// Large charts not yet near the window.
    static AWAY: RefCell<Waiting> = const { RefCell::new(Vec::new()) };
    /// What watches them come near (made for the first large chart).
    static WATCHER: RefCell<Option<Watcher>> = const { RefCell::new(None) };
}

/// Calls `apply` with `host`'s width in CSS pixels once it is on the page
/// (with the other charts' first widths; for a chart of more than
/// [`DRAWN_WHEN_NEAR`] `marks`, once the reader is near it) and again when
/// the window resizes. Says whether that first width has come: charts wait
/// for it to draw their marks, so that they draw them once, at the true width.
pub fn follow_width(
    host: NodeRef<html::Div>,
    marks: usize,
    apply: impl Fn(f64) + Clone + 'static,
) -> ReadSignal<bool> {
    let measured = RwSignal::new(false);
    Effect::new({
        let apply = apply.clone();
        move |_| {
            if let Some(el) = host.get() {
                let apply = apply.clone();
                let first: Box<dyn FnOnce(f64)> = Box::new(move |width| {
                    apply(width);
                    if measured.try_get_untracked() == Some(false) {
                        measured.try_set(true);
                    }
                });
                if marks > DRAWN_WHEN_NEAR {
                    measure_when_near(el.into(), first);
                } else {
                    measure_soon(el.into(), first);
                }
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

/// Queues a first measurement for when `el` comes within a screen of the window.
fn measure_when_near(el: web_sys::HtmlElement, apply: Box<dyn FnOnce(f64)>) {
    let watching = WATCHER.with(|watcher| {
        let mut watcher = watcher.borrow_mut();
        if watcher.is_none() {
            *watcher = watch_charts();
            // Paper has no window to come near: everything is printed.
            let on_print = window_event_listener(leptos::ev::beforeprint, |_| {
                let away = AWAY.with(|away| std::mem::take(&mut *away.borrow_mut()));
                for (el, apply) in away {
                    forget_away(&el);
                    measure_soon(el, apply);
                }
                measure_all();
            });
            std::mem::forget(on_print);
        }
        watcher.as_ref().map(|w| w.observer.observe(&el)).is_some()
    });
    if !watching {
        measure_soon(el, apply);
        return;
    }
    if queue(&AWAY, el, apply) {
        request_idle_callback(draw_one_away);
    }
}

/// Whether a large chart is still waiting to be drawn (the page then sets
/// `sealift:drawn` once the last one is).
pub fn waiting_for_idle() -> bool {
    AWAY.with(|away| !away.borrow().is_empty())
}

/// Measures the first large chart still away, then waits for the next idle
/// moment for the one after; once all are drawn, sets the `sealift:drawn`
/// performance mark that the render benchmark reads.
fn draw_one_away() {
    let next = AWAY.with(|away| {
        let mut away = away.borrow_mut();
        (!away.is_empty()).then(|| away.remove(0))
    });
    let Some((el, apply)) = next else {
        // The reader came near the last ones first.
        crate::shell::performance_mark("sealift:drawn");
        return;
    };
    forget_away(&el);
    measure_soon(el, apply);
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
                    .position(|(el, _)| el.is_same_node(Some(&near)))?;
                Some(away.remove(at))
            });
            if let Some((el, apply)) = found {
                forget_away(&el);
                measure_soon(el, apply);
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
            .retain(|(other, _)| !other.is_same_node(Some(el)))
    });
}

/// Queues a first measurement; the first in a frame asks for the frame.
fn measure_soon(el: web_sys::HtmlElement, apply: Box<dyn FnOnce(f64)>) {
    if queue(&WAITING, el, apply) {
        request_animation_frame(measure_all);
    }
}

/// Adds a chart to `list`; says whether it is the first there (the one
/// that asks for the frame, or for the idle moment).
fn queue(
    list: &'static LocalKey<RefCell<Waiting>>,
    el: web_sys::HtmlElement,
    apply: Box<dyn FnOnce(f64)>,
) -> bool {
    list.with(|list| {
        let mut list = list.borrow_mut();
        list.push((el, apply));
        list.len() == 1
    })
}

/// Reads every queued width, then hands them out: all reads come before
/// any chart redraws, so the page is laid out once.
fn measure_all() {
    let waiting = WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
    let widths: Vec<f64> = waiting
        .iter()
        .map(|(el, _)| f64::from(el.client_width()))
        .collect();
    for ((_, apply), width) in waiting.into_iter().zip(widths) {
        apply(width);
    }
}
