//! When the charts and the views below the first screen are drawn.
//!
//! Reading an element's width makes the browser lay out the page first.
//! When each chart read its own width and then drew its marks, the next
//! chart's read laid all those marks out again: 2.9 s of a 10,000-trip
//! page's first render. So the charts ask here: the first widths are read
//! together in one animation frame, before any chart draws.
//!
//! What lies outside the window in that frame waits further: until it is
//! within a screen of the window (what is already there is drawn a frame
//! later), or the reader prints, or the page is idle after its first screen
//! (one chart or view per idle moment, from the top). The first screen of a
//! report is its header and narrative: building the views below before it
//! was a third of the bundled report's first render, and drawing the charts
//! half of a 10,000-trip report's.

use std::cell::{Cell, RefCell};
use std::thread::LocalKey;

use leptos::html;
use leptos::prelude::*;

use crate::components::nearness::{Watcher, watch};

/// Marks a part of the page built because the reader came near it or the
/// page was idle: its charts draw at once, without waiting again.
#[derive(Clone, Copy)]
pub struct CameNear;

/// A chart (or view) waiting for its first width, and what to do with it.
struct Chart {
    host: web_sys::HtmlElement,
    apply: Box<dyn FnOnce(f64)>,
    /// Whether it may wait while outside the window (not once it has come
    /// near, or the reader prints).
    may_wait: bool,
    /// Whether it needs its width (a chart) or only the moment (a view):
    /// a view is built as soon as its moment comes, not a frame later.
    reads_width: bool,
}

type Waiting = Vec<Chart>;

thread_local! {
    /// Charts to measure in the next animation frame.
    static WAITING: RefCell<Waiting> = const { RefCell::new(Vec::new()) };
    /// Charts and views outside the window, not yet drawn.
    static AWAY: RefCell<Waiting> = const { RefCell::new(Vec::new()) };
    /// Whether the idle moments are being used to draw them.
    static DRAWING_AWAY: Cell<bool> = const { Cell::new(false) };
    /// What watches them come near (made for the first one put aside).
    static WATCHER: RefCell<Option<Watcher>> = const { RefCell::new(None) };
    /// Between `beforeprint` and `afterprint`: everything is drawn at once.
    static PRINTING: Cell<bool> = const { Cell::new(false) };
    /// Views whose code is still on its way (see [`code_on_its_way`]), and
    /// of them, those asked for by the first screen.
    static ON_ITS_WAY: Cell<u32> = const { Cell::new(0) };
    static ON_ITS_WAY_FOR_FIRST_SCREEN: Cell<u32> = const { Cell::new(0) };
    /// Whether the first screen is drawn (`sealift:rendered` is set).
    static FIRST_SCREEN_DRAWN: Cell<bool> = const { Cell::new(false) };
}

/// A view whose code is still being downloaded (the page's release build
/// has each view's code in files of its own: `shell/views.rs`).
/// While one is, the page is not all drawn (`sealift:drawn` waits for it,
/// frame by frame), nor is the first screen if the view is in it.
pub struct CodeOnItsWay {
    for_first_screen: bool,
}

/// Counts a view's code as on its way until the value returned is dropped.
/// A view asked for before the first screen is drawn is in it: the views
/// outside the window are built once the page is idle, after it.
pub fn code_on_its_way() -> CodeOnItsWay {
    let for_first_screen = !FIRST_SCREEN_DRAWN.get();
    ON_ITS_WAY.set(ON_ITS_WAY.get() + 1);
    if for_first_screen {
        ON_ITS_WAY_FOR_FIRST_SCREEN.set(ON_ITS_WAY_FOR_FIRST_SCREEN.get() + 1);
    }
    CodeOnItsWay { for_first_screen }
}

impl Drop for CodeOnItsWay {
    fn drop(&mut self) {
        ON_ITS_WAY.set(ON_ITS_WAY.get() - 1);
        if self.for_first_screen {
            ON_ITS_WAY_FOR_FIRST_SCREEN.set(ON_ITS_WAY_FOR_FIRST_SCREEN.get() - 1);
        }
    }
}

/// Calls `apply` with `host`'s width in CSS pixels once it is on the page
/// (with the other charts' first widths; for a chart outside the window,
/// once it is within a screen of it or the page is idle) and again when the
/// window resizes. Says whether that first width has come: charts wait for
/// it to draw their marks, so that they draw them once, at the true width.
pub fn follow_width(
    host: NodeRef<html::Div>,
    apply: impl Fn(f64) + Clone + 'static,
) -> ReadSignal<bool> {
    let measured = RwSignal::new(false);
    first_width(host, {
        let apply = apply.clone();
        move |width| {
            // A chart taken off the page while it waited (the reader
            // switched language, say) has nothing to draw.
            let Some(was_measured) = measured.try_get_untracked() else {
                return;
            };
            apply(width);
            if !was_measured {
                measured.try_set(true);
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

/// Says once what `host` stands in for should be built: at once if it is in
/// the window (decided as soon as it is on the page, so that its charts draw
/// in the first frame with the others), else once it is within a screen of
/// the window, or the page is idle, or the reader prints.
pub fn built_when_near(host: NodeRef<html::Div>) -> ReadSignal<bool> {
    let near = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(el) = host.get() {
            let chart = Chart {
                host: el.into(),
                apply: Box::new(move |_| {
                    near.try_set(true);
                }),
                may_wait: true,
                reads_width: false,
            };
            if let Some(chart) = unless_out_of_sight(chart, screen_height()) {
                (chart.apply)(0.0);
            }
        }
    });
    forget_on_cleanup(host);
    near.read_only()
}

/// Whether something is waiting to be drawn in the next animation frame.
pub fn drawing_next_frame() -> bool {
    WAITING.with(|waiting| !waiting.borrow().is_empty())
}

/// Whether something is waiting to be drawn in the next animation frame,
/// or a view for its code.
fn drawing_or_awaiting_code() -> bool {
    drawing_next_frame() || ON_ITS_WAY.get() > 0
}

/// Whether the first screen still has something to draw: in the next
/// animation frame, or a view in it once its code is in.
pub fn drawing_first_screen() -> bool {
    drawing_next_frame() || ON_ITS_WAY_FOR_FIRST_SCREEN.get() > 0
}

/// Whether a chart or view outside the window is still waiting to be drawn,
/// or a view for its code.
pub fn waiting_for_idle() -> bool {
    AWAY.with(|away| !away.borrow().is_empty()) || drawing_or_awaiting_code()
}

/// Sets the `sealift:drawn` performance mark once everything is drawn.
/// Called once the first screen is drawn. A round of drawing what is away
/// sets it after its last ([`after_frame`]); else it is set now, or once
/// the views' code on its way is in and drawn. (It does not start a round
/// itself: a build without charts away, like most embeds', would then carry
/// all of this module's machinery for nothing, 2 KB gzip.)
pub fn mark_drawn_when_done() {
    FIRST_SCREEN_DRAWN.set(true);
    if DRAWING_AWAY.get() {
        return;
    }
    if drawing_or_awaiting_code() {
        request_animation_frame(mark_drawn_when_done);
    } else {
        crate::shell::performance_mark("sealift:drawn");
    }
}

/// Queues `host` for its first width, and forgets it if it leaves the page
/// before.
fn first_width(host: NodeRef<html::Div>, first: impl Fn(f64) + Clone + 'static) {
    let may_wait = use_context::<CameNear>().is_none();
    Effect::new(move |_| {
        if let Some(el) = host.get() {
            let first = first.clone();
            measure_soon(Chart {
                host: el.into(),
                apply: Box::new(first),
                may_wait,
                reads_width: true,
            });
        }
    });
    forget_on_cleanup(host);
}

/// Stops waiting for `host` if it leaves the page first.
fn forget_on_cleanup(host: NodeRef<html::Div>) {
    on_cleanup(move || {
        if let Some(el) = host.try_get_untracked().flatten() {
            forget(&el);
        }
    });
}

/// Queues a first measurement; the first in a frame asks for the frame.
/// While printing, measures at once: the page is printed as it is.
fn measure_soon(chart: Chart) {
    if PRINTING.get() {
        queue(&WAITING, chart);
        measure_all();
    } else if queue(&WAITING, chart) {
        request_animation_frame(measure_all);
    }
}

/// Reads every queued width, then hands them out: all reads come before
/// any chart redraws, so the page is laid out once. What lies outside the
/// window is put aside first (reading where it is costs no second layout:
/// nothing has been drawn yet).
fn measure_all() {
    let waiting = WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
    let screen = screen_height();
    let now: Vec<Chart> = waiting
        .into_iter()
        .filter_map(|chart| unless_out_of_sight(chart, screen))
        .collect();
    let widths: Vec<f64> = now
        .iter()
        .map(|chart| f64::from(chart.host.client_width()))
        .collect();
    for (chart, width) in now.into_iter().zip(widths) {
        (chart.apply)(width);
    }
}

/// The window's height in CSS pixels (0 if unknown: nothing is then out of sight).
fn screen_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// Hands `chart` back to be drawn now, or puts it aside if it may wait and
/// lies outside the window (not while printing).
fn unless_out_of_sight(chart: Chart, screen: f64) -> Option<Chart> {
    if chart.may_wait && !PRINTING.get() && is_out_of_sight(&chart.host, screen) {
        wait_until_near(chart)
    } else {
        Some(chart)
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
            follow_printing();
        }
        watcher
            .as_ref()
            .map(|w| w.observer.observe(&chart.host))
            .is_some()
    });
    if !watching {
        return Some(chart);
    }
    queue(&AWAY, chart);
    if !DRAWING_AWAY.replace(true) {
        request_idle_callback(draw_one_away);
    }
    None
}

/// Paper has no window to come near: while printing, everything is drawn.
fn follow_printing() {
    let before = window_event_listener(leptos::ev::beforeprint, |_| {
        PRINTING.set(true);
        let away = AWAY.with(|away| std::mem::take(&mut *away.borrow_mut()));
        for chart in away {
            forget(&chart.host);
            queue(&WAITING, chart);
        }
        measure_all();
    });
    let after = window_event_listener(leptos::ev::afterprint, |_| PRINTING.set(false));
    std::mem::forget((before, after));
}

/// Draws the first chart or view still away; see [`after_frame`].
fn draw_one_away() {
    // A view of the first screen waiting for its code leaves the page idle:
    // what lies outside the window waits for it, or it would be drawn with it.
    if ON_ITS_WAY_FOR_FIRST_SCREEN.get() > 0 {
        request_animation_frame(|| request_idle_callback(draw_one_away));
        return;
    }
    let next = AWAY.with(|away| {
        let mut away = away.borrow_mut();
        (!away.is_empty()).then(|| away.remove(0))
    });
    if let Some(chart) = next {
        draw_now(chart);
    }
    request_animation_frame(after_frame);
}

/// Draws what was put aside: a view is built now, a chart measured in the
/// next frame (with any others).
fn draw_now(chart: Chart) {
    forget(&chart.host);
    if chart.reads_width {
        measure_soon(Chart {
            may_wait: false,
            ..chart
        });
    } else {
        (chart.apply)(0.0);
    }
}

/// After a frame that drew something put aside: once what that brought
/// (a view's charts) is drawn too, the next one waits for the page to be
/// idle again; after the last, the `sealift:drawn` performance mark that
/// the render benchmark reads.
fn after_frame() {
    if drawing_or_awaiting_code() {
        request_animation_frame(after_frame);
    } else if AWAY.with(|away| !away.borrow().is_empty()) {
        request_idle_callback(draw_one_away);
    } else {
        DRAWING_AWAY.set(false);
        request_animation_frame(|| crate::shell::performance_mark("sealift:drawn"));
    }
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
                draw_now(chart);
            }
        }),
    )
}

/// Stops waiting for `el` (measured, or gone from the page).
fn forget(el: &web_sys::Element) {
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
/// that asks for the frame).
fn queue(list: &'static LocalKey<RefCell<Waiting>>, chart: Chart) -> bool {
    list.with(|list| {
        let mut list = list.borrow_mut();
        list.push(chart);
        list.len() == 1
    })
}
