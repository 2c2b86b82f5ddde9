//! What the viewer fetches while the page waits: the report, the basemap.
//!
//! Leptos's `LocalResource` does this job, but brings its async machinery
//! (async derived signals, their locks and listeners: 10.5 KB of the
//! WebAssembly, gzip) for two fetches that need none of it. A [`Fetched`]
//! is an effect that starts the fetch and a signal that holds the answer.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// The answer of a fetch: `None` until it comes.
///
/// The fetch starts again when a signal that `start` read changes, or on
/// [`again`](Self::again); the answer of an earlier start that comes later
/// than a newer one's is dropped. While a new start is on its way, the
/// previous answer stays (a map keeps its land while the next layer loads).
pub struct Fetched<T: 'static> {
    answer: RwSignal<Option<T>, LocalStorage>,
    restart: Trigger,
}

impl<T: 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Fetched<T> {}

impl<T: Clone + 'static> Fetched<T> {
    /// Starts `start` now (once the owner's effects run) and whenever what
    /// it reads changes.
    pub fn new<F: Future<Output = T> + 'static>(start: impl Fn() -> F + 'static) -> Self {
        let answer = RwSignal::new_local(None);
        let restart = Trigger::new();
        let latest = Rc::new(Cell::new(0u32));
        Effect::new(move |_| {
            restart.track();
            let fetch = start();
            let run = latest.get().wrapping_add(1);
            latest.set(run);
            let latest = latest.clone();
            spawn_local(async move {
                let value = fetch.await;
                if latest.get() == run {
                    // The owner may be gone (the reader left the view): then
                    // the answer has nowhere to go.
                    let _ = answer.try_set(Some(value));
                }
            });
        });
        Self { answer, restart }
    }

    /// The answer so far (tracked).
    pub fn get(&self) -> Option<T> {
        self.answer.get()
    }

    /// Forgets the answer and fetches again (a "Try again" button): the
    /// page shows that it is loading until the new answer comes.
    pub fn again(&self) {
        self.answer.set(None);
        self.restart.notify();
    }
}
