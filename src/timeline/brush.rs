//! Choosing a range of dates, which the map and the claims then follow: drag
//! across the chart, or type the two dates (the keyboard way, and the precise
//! one). The range lives in the reader's state (`from`, `to`), so it is in the
//! URL and shared.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use sealift_format::Date;
use wasm_bindgen::prelude::*;

use super::geometry::Geometry;
use crate::i18n::{fill, tr};
use crate::math;
use crate::state::{ReaderState, ReaderStateSignal};
use crate::text::span_text;

// The part of `getBoundingClientRect` a drag needs (web-sys's `DomRect` is a
// feature this crate does not turn on).
#[wasm_bindgen]
extern "C" {
    /// Any element, seen as something with a box on screen.
    type Boxed;
    type Bounds;

    #[wasm_bindgen(method, js_name = getBoundingClientRect)]
    fn bounds(this: &Boxed) -> Bounds;

    #[wasm_bindgen(method, getter)]
    fn left(this: &Bounds) -> f64;
}

/// How far, in pixels, the pointer must move before a press becomes a drag
/// (so that a click on a mark stays a click).
const DRAG_THRESHOLD: f64 = 5.0;

/// A press on the chart that may become a drag.
#[derive(Debug, Clone, Copy)]
struct Press {
    start: f64,
    dragging: bool,
}

/// The drag-to-select gesture.
#[derive(Clone, Copy)]
pub struct Brush {
    press: StoredValue<Option<Press>>,
    /// The window being dragged, in pixels, drawn until the pointer is released.
    pub draft: RwSignal<Option<(f64, f64)>>,
    /// Set when a drag ends, so that the click the browser fires next does not
    /// count as a click on the chart.
    ended_drag: StoredValue<bool>,
}

impl Default for Brush {
    fn default() -> Self {
        Self {
            press: StoredValue::new(None),
            draft: RwSignal::new(None),
            ended_drag: StoredValue::new(false),
        }
    }
}

impl Brush {
    /// A press at `x`: a drag may start if it is on the plot.
    pub fn press(&self, x: f64, plot: (f64, f64)) {
        let on_plot = x >= plot.0 && x <= plot.1;
        self.press.set_value(on_plot.then_some(Press {
            start: x,
            dragging: false,
        }));
    }

    /// The pointer moved to `x`. Returns true when this move starts a drag
    /// (the caller then captures the pointer).
    pub fn drag_to(&self, x: f64, plot: (f64, f64)) -> bool {
        let Some(mut press) = self.press.get_value() else {
            return false;
        };
        let x = math::clamp(x, plot.0, plot.1);
        let starts = !press.dragging && (x - press.start).abs() > DRAG_THRESHOLD;
        if press.dragging || starts {
            press.dragging = true;
            self.press.set_value(Some(press));
            self.draft
                .set(Some((press.start.min(x), press.start.max(x))));
        }
        starts
    }

    /// The pointer was released: a drag sets the reader's range.
    pub fn release(&self, geometry: &Geometry, state: ReaderStateSignal) {
        let press = self.press.get_value();
        self.press.set_value(None);
        if let (Some(Press { dragging: true, .. }), Some((x0, x1))) =
            (press, self.draft.get_untracked())
        {
            let (from, to) = (day_at(geometry, x0), day_at(geometry, x1));
            state.update(|s| {
                s.from = calendar_date(from);
                s.to = calendar_date(to);
            });
            self.ended_drag.set_value(true);
        }
        self.draft.set(None);
    }

    /// The pointer left or the gesture was cancelled.
    pub fn cancel(&self) {
        self.press.set_value(None);
        self.draft.set(None);
    }

    /// Whether a click is the tail of a drag (and should be ignored).
    pub fn take_drag_click(&self) -> bool {
        let ended = self.ended_drag.get_value();
        self.ended_drag.set_value(false);
        ended
    }
}

/// The x of a pointer event in `element`'s box.
pub fn pointer_x(event: &web_sys::MouseEvent, element: &web_sys::Element) -> f64 {
    f64::from(event.client_x()) - element.unchecked_ref::<Boxed>().bounds().left()
}

/// The day under `x`, on the axis.
fn day_at(geometry: &Geometry, x: f64) -> NaiveDate {
    let day = crate::components::scale::date_of_day(geometry.scale.invert(x).floor());
    let last = geometry
        .end_day
        .checked_sub_days(Days::new(1))
        .unwrap_or(geometry.end_day);
    day.clamp(geometry.first_day, last)
}

/// A calendar day as a report date, known to the day.
fn calendar_date(day: NaiveDate) -> Option<Date> {
    Date::parse(&day.to_string()).ok()
}

/// The keyboard's way to choose dates: two date fields, and a button to clear
/// the range. Also says which range is chosen.
#[component]
pub fn DateRange(
    /// The first and the last day on the axis.
    #[prop(into)]
    bounds: Memo<(NaiveDate, NaiveDate)>,
    state: ReaderStateSignal,
) -> impl IntoView {
    let value = move |pick: fn(&ReaderState) -> Option<NaiveDate>| {
        move || state.with(pick).map(|d| d.to_string()).unwrap_or_default()
    };
    let set = move |field: fn(&mut ReaderState) -> &mut Option<Date>| {
        move |event: web_sys::Event| {
            let typed = Date::parse(&event_target_value(&event)).ok();
            state.update(|s| {
                *field(s) = typed;
                // A range typed backwards is meant forwards.
                if let (Some(from), Some(to)) = (s.from, s.to)
                    && from.cmp_coarse(&to).is_gt()
                {
                    (s.from, s.to) = (Some(to), Some(from));
                }
            });
        }
    };
    let chosen = Memo::new(move |_| state.with(|s| s.from.is_some() || s.to.is_some()));
    let min = move || bounds.get().0.to_string();
    let max = move || bounds.get().1.to_string();
    view! {
        <div class="timeline__range" role="group" aria-label=tr("Dates for the map and the claims")>
            <label class="timeline__range-field">
                <span>{tr("From")}</span>
                <input
                    type="date"
                    min=min
                    max=max
                    prop:value=value(|s| s.from.map(|d| d.first_day()))
                    on:change=set(|s| &mut s.from)
                />
            </label>
            <label class="timeline__range-field">
                <span>{tr("To")}</span>
                <input
                    type="date"
                    min=min
                    max=max
                    prop:value=value(|s| s.to.map(|d| d.last_day()))
                    on:change=set(|s| &mut s.to)
                />
            </label>
            <p class="timeline__range-note" aria-live="polite">
                {move || {
                    if chosen.get() {
                        state.with(|s| {
                            fill(
                                tr("Map and claims show {span}."),
                                &[("span", &span_text(s.from.as_ref(), s.to.as_ref()))],
                            )
                        })
                    } else {
                        tr("Drag across the chart, or pick dates, to narrow the map and the claims.").to_owned()
                    }
                }}
            </p>
            {move || chosen.get().then(|| view! {
                <button
                    type="button"
                    class="timeline__clear"
                    on:click=move |_| {
                        state.update(|s| {
                            s.from = None;
                            s.to = None;
                        })
                    }
                >
                    {tr("Clear dates")}
                </button>
            }
            .into_any())}
        </div>
    }
}
