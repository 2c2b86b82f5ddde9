//! Views that keep up with the reader while they are in sight: the charts
//! and the claims.
//!
//! The "as of" slider stays at the top of the window while the reader
//! scrolls, and each step of it changed every chart on the page: on a
//! 10,000-trip report, 140 ms a step, most of it spent on charts out of
//! sight. A view built by [`while_in_sight`] follows the reader's choices
//! while it is within a tenth of a screen of the window (and not hidden
//! under the sticky "as of" bar); out of sight it catches up once the
//! reader pauses (see [`seen_while`](crate::state::ReaderStateSignal::seen_while)).

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

use crate::components::nearness::{Watcher, watch};
use crate::state::use_reader_state;

/// What watches a chart's frame come into and go out of sight.
#[derive(Clone, Copy)]
struct Sight {
    watcher: StoredValue<Option<Watcher>, LocalStorage>,
}

/// Builds a chart whose parts all read the reader's choices through one
/// copy that waits while the chart is out of sight. (In a child owner, so
/// that the copy is the chart's and not its siblings'.)
pub fn while_in_sight(build: Box<dyn FnOnce() -> AnyView>) -> impl IntoView {
    let owner = Owner::current().unwrap_or_default().child();
    let view = owner.with(|| {
        let in_sight = RwSignal::new(true);
        let sight = Sight {
            watcher: StoredValue::new_local(watch_frame(in_sight)),
        };
        on_cleanup(move || {
            sight
                .watcher
                .try_with_value(|w| w.as_ref().map(|w| w.observer.disconnect()));
        });
        provide_context(sight);
        provide_context(use_reader_state().seen_while(in_sight));
        build()
    });
    OwnedView::new_with_owner(view, owner)
}

/// Lets the chart in the frame `id` (a view's frame) know when it is in
/// sight, once the frame is on the page. Frames of views that always follow
/// the reader do nothing.
pub fn report_sight(id: &str) {
    let Some(sight) = use_context::<Sight>() else {
        return;
    };
    let id = id.to_owned();
    request_animation_frame(move || {
        if let Some(frame) = document().get_element_by_id(&id) {
            sight
                .watcher
                .try_with_value(|w| w.as_ref().map(|w| w.observer.observe(&frame)));
        }
    });
}

/// Says that the views are those of the whole page, below the "as of" bar,
/// which stays at the top of the window on wide screens (see `as_of.css`).
#[derive(Clone, Copy)]
pub struct BelowTheBar;

/// An observer that says whether the frame is within a tenth of a screen of
/// the window, or, under the "as of" bar, whether any of it shows below the bar.
fn watch_frame(in_sight: RwSignal<bool>) -> Option<Watcher> {
    // The bar is sticky from 48rem (768 px) and about 65 px tall: the margin
    // below a view scrolled to (its `scroll-margin-top`) is behind it, and
    // a chart whose last few pixels are there is out of sight.
    let sticky_bar = use_context::<BelowTheBar>().is_some()
        && window().inner_width().ok().and_then(|w| w.as_f64()) >= Some(768.0);
    watch(
        if sticky_bar {
            "-56px 0px 10% 0px"
        } else {
            "10% 0px"
        },
        Box::new(move |_, near, _| {
            if in_sight.try_get_untracked() != Some(near) {
                in_sight.try_set(near);
            }
        }),
    )
}
