//! Views that keep up with the reader while they are in sight: the charts
//! and the claims.
//!
//! The "as of" slider stays at the top of the window while the reader
//! scrolls, and each step of it changed every chart on the page: on a
//! 10,000-trip report, 140 ms a step, most of it spent on charts out of
//! sight. A view built by [`while_in_sight`] follows the reader's choices
//! while it is within a tenth of a screen of the window; out of sight it catches
//! up once the reader pauses (see [`seen_while`](crate::state::ReaderStateSignal::seen_while)).

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

/// An observer that says whether the frame is within a tenth of a screen of the window.
fn watch_frame(in_sight: RwSignal<bool>) -> Option<Watcher> {
    watch(
        "10% 0px",
        Box::new(move |_, near, _| {
            if in_sight.try_get_untracked() != Some(near) {
                in_sight.try_set(near);
            }
        }),
    )
}
