//! Each mark's own share of something worked out for a whole chart.
//!
//! When a thousand marks each read one chart-wide value, every change makes
//! each of them leave and rejoin that value's list of readers, and leaving
//! costs time in proportion to the list: 12 ms of each "as of" step on a
//! 10,000-trip map. Here one effect hands each mark its own value, and only
//! the marks whose value changed redraw.

use leptos::prelude::*;

/// One value per mark, by the mark's index.
pub struct PerMark<T: Send + Sync + 'static> {
    values: StoredValue<Vec<RwSignal<T>>>,
}

impl<T: Send + Sync + 'static> Clone for PerMark<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for PerMark<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> PerMark<T> {
    /// `count` values, each `value(source, index)`, kept in step with `source`.
    pub fn new<S: Send + Sync + 'static>(
        source: Memo<S>,
        count: usize,
        value: impl Fn(&S, usize) -> T + Send + Sync + 'static,
    ) -> Self {
        let values: Vec<RwSignal<T>> = source.with_untracked(|s| {
            (0..count)
                .map(|index| RwSignal::new(value(s, index)))
                .collect()
        });
        let marks = values.clone();
        Effect::new(move |_| {
            source.with(|s| {
                for (index, mark) in marks.iter().enumerate() {
                    let now = value(s, index);
                    if mark.try_with_untracked(|before| *before != now) == Some(true) {
                        mark.try_set(now);
                    }
                }
            })
        });
        Self {
            values: StoredValue::new(values),
        }
    }

    /// Mark `index`'s value (tracked; `None` past the end).
    pub fn get(&self, index: usize) -> Option<T> {
        self.values
            .with_value(|values| values.get(index).copied())
            .and_then(|value| value.try_get())
    }
}
