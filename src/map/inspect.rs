//! Which mark's details are open, and moving between marks from the keyboard.
//!
//! Hovering or focusing a mark shows its details; Enter (or a click) pins
//! them so they stay while the pointer moves on; Esc closes them. Each group
//! of marks (places, routes, events at sea) is one tab stop: the arrow keys
//! move inside it (a "roving tabindex"), between places in the direction of
//! the arrow.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A mark whose details can be shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// A place, by its index in the report.
    Place(usize),
    /// A route, by its key (`from>to`).
    Route(String),
    /// An event at a bare position, by its index in the report.
    AtSea(usize),
}

/// The open details, shared by every mark of one map.
#[derive(Debug, Clone, Copy)]
pub struct Inspector {
    pub shown: RwSignal<Option<Target>>,
    pub pinned: RwSignal<bool>,
    /// Each mark follows only whether it is the one shown.
    showing: StoredValue<Selector<Option<Target>>>,
}

impl Inspector {
    pub fn new() -> Self {
        let shown = RwSignal::new(None);
        Inspector {
            shown,
            pinned: RwSignal::new(false),
            showing: StoredValue::new(Selector::new(move || shown.get())),
        }
    }

    /// The pointer is over a mark: show it, unless other details are pinned.
    pub fn hover(&self, target: Target) {
        if !self.pinned.get_untracked() {
            self.shown.set(Some(target));
        }
    }

    /// The pointer or the focus left a mark.
    pub fn leave(&self) {
        if !self.pinned.get_untracked() {
            self.shown.set(None);
        }
    }

    /// The keyboard reached a mark: its details replace any others.
    pub fn focus(&self, target: Target) {
        self.pinned.set(false);
        self.shown.set(Some(target));
    }

    /// Enter or a click: keep these details open.
    pub fn pin(&self, target: Target) {
        self.shown.set(Some(target));
        self.pinned.set(true);
    }

    /// The handlers that make a mark inspectable, spread onto it: hover and
    /// focus show `target` (focus also runs `on_focus`: the group's tab stop
    /// moves there), leaving hides it, a click pins it (after `on_click`).
    pub fn handlers(
        self,
        target: Target,
        on_focus: impl Fn() + 'static,
        on_click: impl Fn() + 'static,
    ) -> impl leptos::attr::Attribute {
        let (hover, focus, click) = (target.clone(), target.clone(), target);
        view! {
            <{..}
                on:mouseenter=move |_| self.hover(hover.clone())
                on:mouseleave=move |_| self.leave()
                on:focusin=move |_| {
                    on_focus();
                    self.focus(focus.clone());
                }
                on:focusout=move |_| self.leave()
                on:click=move |ev| {
                    ev.stop_propagation();
                    on_click();
                    self.pin(click.clone());
                }
            />
        }
    }

    pub fn close(&self) {
        self.pinned.set(false);
        self.shown.set(None);
    }

    pub fn is_shown(&self, target: &Target) -> bool {
        self.showing
            .with_value(|showing| showing.selected(&Some(target.clone())))
    }
}

impl Default for Inspector {
    fn default() -> Self {
        Self::new()
    }
}

/// An arrow key's direction on screen (y grows downwards), or `None` for other keys.
pub fn arrow(key: &str) -> Option<(f64, f64)> {
    match key {
        "ArrowRight" => Some((1.0, 0.0)),
        "ArrowLeft" => Some((-1.0, 0.0)),
        "ArrowUp" => Some((0.0, -1.0)),
        "ArrowDown" => Some((0.0, 1.0)),
        _ => None,
    }
}

/// The point nearest to `points[from]` in `direction`: distance along the
/// arrow counts once, distance across it twice, so "right" means roughly right.
/// Points in the same spot count as further along the list's order.
pub fn nearest_towards(points: &[(f64, f64)], from: usize, direction: (f64, f64)) -> Option<usize> {
    let (x, y) = *points.get(from)?;
    points
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != from)
        .filter_map(|(i, &(px, py))| {
            let (dx, dy) = (px - x, py - y);
            let along = dx * direction.0 + dy * direction.1;
            let across = (dx * direction.1 - dy * direction.0).abs();
            // Marks drawn on top of each other: step through them in list order.
            let same_spot = dx.abs() < 0.5 && dy.abs() < 0.5;
            let forwards = direction.0 + direction.1 > 0.0;
            let ahead = along > 0.5 || (same_spot && (i > from) == forwards);
            // Ties go to the nearer in list order.
            let order = i.abs_diff(from) as f64 * 1e-6;
            ahead.then_some((i, along + 2.0 * across + order))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Whether an arrow key goes forward in a list of marks (right or down) or
/// back (left or up); `None` for any other key.
pub fn forward(key: &str) -> Option<bool> {
    match key {
        "ArrowRight" | "ArrowDown" => Some(true),
        "ArrowLeft" | "ArrowUp" => Some(false),
        _ => None,
    }
}

/// The next index in a list of `len` for an arrow key (see [`forward`]), wrapping round.
pub fn step(current: usize, len: usize, key: &str) -> Option<usize> {
    let forward = forward(key)?;
    (len > 0).then(|| {
        if forward {
            (current + 1) % len
        } else {
            (current + len - 1) % len
        }
    })
}

/// Moves keyboard focus to the mark matching `selector` inside `container`.
pub fn focus_mark(container: &web_sys::Element, selector: &str) {
    let mark = container.query_selector(selector).ok().flatten();
    if let Some(mark) = mark.and_then(|m| m.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = mark.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn arrows_go_to_the_nearest_place_that_way() {
        let points = [
            (100.0, 100.0),
            (200.0, 105.0),
            (150.0, 20.0),
            (60.0, 180.0),
            (130.0, 100.0),
        ];
        assert_eq!(nearest_towards(&points, 0, (1.0, 0.0)), Some(4));
        assert_eq!(nearest_towards(&points, 4, (1.0, 0.0)), Some(1));
        assert_eq!(nearest_towards(&points, 0, (0.0, -1.0)), Some(2));
        assert_eq!(nearest_towards(&points, 0, (0.0, 1.0)), Some(3));
        assert_eq!(
            nearest_towards(&points, 1, (1.0, 0.0)),
            None,
            "nothing further east"
        );
    }

    #[test]
    fn places_in_one_spot_are_all_reachable() {
        let points = [(10.0, 10.0), (10.0, 10.0), (10.0, 10.0)];
        assert_eq!(nearest_towards(&points, 0, (1.0, 0.0)), Some(1));
        assert_eq!(nearest_towards(&points, 1, (1.0, 0.0)), Some(2));
        assert_eq!(nearest_towards(&points, 2, (-1.0, 0.0)), Some(1));
        assert_eq!(step(2, 3, "ArrowDown"), Some(0));
        assert_eq!(step(0, 3, "ArrowUp"), Some(2));
        assert_eq!(step(0, 3, "Enter"), None);
    }
}
