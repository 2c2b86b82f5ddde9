//! The charts' widths. Reading an element's width makes the browser lay out
//! the page first. When each chart read its own width and then drew its
//! marks, the next chart's read laid all those marks out again: 2.9 s of a
//! 10,000-trip page's first render. So the charts ask here: the first widths
//! are read together in one animation frame, before any chart draws.

use std::cell::RefCell;

use leptos::html;
use leptos::prelude::*;

type Waiting = Vec<(web_sys::HtmlElement, Box<dyn FnOnce(f64)>)>;

thread_local! {
    static WAITING: RefCell<Waiting> = const { RefCell::new(Vec::new()) };
}

/// Calls `apply` with `host`'s width in CSS pixels once it is on the page
/// (with the other charts' first widths) and again when the window resizes.
/// Says whether that first width has come: charts wait for it to draw their
/// marks, so that they draw them once, at the true width.
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
                measure_soon(
                    el.into(),
                    Box::new(move |width| {
                        apply(width);
                        if !measured.get_untracked() {
                            measured.set(true);
                        }
                    }),
                );
            }
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(el) = host.get_untracked() {
            apply(f64::from(el.client_width()));
        }
    });
    on_cleanup(move || resize.remove());
    measured.read_only()
}

/// Queues a first measurement; the first in a frame asks for the frame.
fn measure_soon(el: web_sys::HtmlElement, apply: Box<dyn FnOnce(f64)>) {
    let first = WAITING.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        waiting.push((el, apply));
        waiting.len() == 1
    });
    if first {
        request_animation_frame(measure_all);
    }
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
