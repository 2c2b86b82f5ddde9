//! Long lists a portion at a time. A reader looks at the first claims or
//! rows, not at the thousandth; building every one of them made a
//! 10,000-trip page slow to open and to change. A button shows as many
//! more, and on paper every item is printed.

use leptos::prelude::*;

use crate::i18n::{fill, tr};
use crate::text::{count_text, number_text};

/// How many items of a long list are on screen.
#[derive(Clone, Copy)]
pub struct Portion {
    shown: RwSignal<usize>,
    step: usize,
    printing: RwSignal<bool>,
}

impl Portion {
    /// `step` items at first and per press of [`ShowMore`]; all of them
    /// once the page is being printed. Made inside the list's component,
    /// which it follows for the print listener's lifetime.
    pub fn new(step: usize) -> Self {
        let printing = RwSignal::new(false);
        let on_print = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
        on_cleanup(move || on_print.remove());
        Portion {
            shown: RwSignal::new(step),
            step,
            printing,
        }
    }

    /// How many items to show now.
    pub fn limit(&self) -> usize {
        if self.printing.get() {
            usize::MAX
        } else {
            self.shown.get()
        }
    }

    /// Shows at least the first `count` items (whole portions), for a link
    /// to an item further down.
    pub fn reach(&self, count: usize) {
        let step = self.step.max(1);
        let wanted = count.div_ceil(step) * step;
        if self.shown.get_untracked() < wanted {
            self.shown.set(wanted);
        }
    }

    /// Whether the page is being printed (and so every item is shown).
    pub fn printing(&self) -> bool {
        self.printing.get()
    }
}

/// "Show the next 100 claims (900 left)", under a list of `count` items
/// (one `noun`, many `nouns`) while some are left.
#[component]
pub fn ShowMore(
    portion: Portion,
    #[prop(into)] count: Memo<usize>,
    noun: &'static str,
    nouns: &'static str,
) -> impl IntoView {
    move || {
        let left = count.get().saturating_sub(portion.limit());
        (left > 0).then(|| {
            let next = left.min(portion.step);
            let text = fill(
                tr("Show the next {items} ({left} left)"),
                &[
                    ("items", &count_text(next, noun, nouns)),
                    ("left", &number_text(left as f64)),
                ],
            );
            let more = move |_| {
                portion
                    .shown
                    .update(|n| *n = n.saturating_add(portion.step))
            };
            view! {
                <button type="button" class="view-tool show-more" on:click=more>
                    {text}
                </button>
            }
        })
    }
}
