//! The interactive chart: vessel names, lanes of marks, the axis and the
//! annotations, the details card, and the date range below. It takes the width
//! of its container (measured, and again on resize), so it never scrolls
//! sideways; below [`NARROW`](super::geometry::NARROW) the names go above the lanes.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::annotations::{chosen_range, date_lines, quiet_spell, range_window};
use super::axis::time_axis;
use super::brush::{Brush, DateRange, pointer_x};
use super::card::{DetailsCard, Focus};
use super::gap::Gap;
use super::geometry::Geometry;
use super::keyboard::{Step, step};
use super::lanes::{Lane, Shown, shown_iter};
use super::names::LaneNames;
use super::plot::{LaneMarks, Lanes};
use super::reveal::LaneReveal;
use crate::components::when_drawn::follow_width;
use crate::coordinates::{Decimals, px};
use crate::data::SharedReport;
use crate::embed::in_embed;
use crate::first_seen::FirstSeen;
use crate::i18n::{fill, tr};
use crate::state::ReaderStateSignal;
use crate::text::date_text;

/// What a screen reader hears on reaching the chart.
fn chart_label() -> &'static str {
    tr(
        "Trips and events by vessel. Arrow keys move between them, Enter keeps the details open, Escape closes them.",
    )
}

/// Lanes past which choosing a vessel steps the others back without a fade.
const CROWDED_LANES: usize = 60;

/// The chart, for the items `shown` and the quiet spell `gap` among them.
#[component]
pub fn Chart(
    report: SharedReport,
    lanes: Arc<Vec<Lane>>,
    shown: Memo<Shown>,
    gap: Memo<Option<Gap>>,
    state: ReaderStateSignal,
) -> impl IntoView {
    let focus = Focus::default();
    let brush = Brush::default();
    let host = NodeRef::<html::Div>::new();
    let published = report.info.published.first_day();

    // The width follows the container.
    let width = RwSignal::new(720.0);
    // The marks wait for the first measurement: drawing thousands of them at
    // a guessed width and again at the real one doubled the first render.
    let measured = follow_width(host, move |w| {
        if w > 0.0 && w != width.get_untracked() {
            width.set(w);
        }
    });

    let has_gap = Memo::new(move |_| gap.with(Option::is_some));
    let geometry = {
        let lanes = lanes.clone();
        Memo::new(move |_| Geometry::new(&lanes, published, width.get(), has_gap.get()))
    };
    let vessel_lanes = lanes.iter().filter(|l| l.vessel.is_some()).count();
    // Hundreds of lanes draw their marks as the reader nears them.
    let reveal = LaneReveal::new(lanes.len(), lanes.iter().map(|l| l.items.len()).sum());
    Effect::new(move |_| {
        geometry.track();
        if measured.get()
            && let Some(host) = host.get()
        {
            // Once the lanes just drawn are on the page.
            request_animation_frame(move || reveal.watch_lanes(&host));
        }
    });

    // The one tab stop: the item last visited, or the first one shown.
    let tab_stop = {
        let lanes = lanes.clone();
        Memo::new(move |_| {
            let wanted = focus.tab_stop.get();
            shown.with(|shown| {
                let mut keys = shown_iter(&lanes, shown).map(|(_, item)| item.key.as_str());
                let first = shown_iter(&lanes, shown)
                    .next()
                    .map(|(_, item)| item.key.clone());
                wanted.filter(|w| keys.any(|k| k == w)).or(first)
            })
        })
    };

    // One watcher marks the open item and the tab stop on the marks. A
    // reactive attribute on every mark made each redraw of thousands of marks
    // quadratic: every mark left the shared list of subscribers one by one.
    Effect::new(move |previous: Option<(Option<String>, Option<String>)>| {
        let now = (focus.open.get(), tab_stop.get());
        if let Some(host) = host.get() {
            let (was_open, was_stop) = previous.unwrap_or_default();
            if let Some(mark) = mark_element(&host, was_open.as_deref()) {
                let _ = mark.class_list().remove_1("is-open");
            }
            if let Some(mark) = mark_element(&host, now.0.as_deref()) {
                let _ = mark.class_list().add_1("is-open");
            }
            if let Some(mark) = mark_element(&host, was_stop.as_deref()) {
                let _ = mark.set_attribute("tabindex", "-1");
            }
            if let Some(mark) = mark_element(&host, now.1.as_deref()) {
                let _ = mark.set_attribute("tabindex", "0");
            }
        }
        now
    });

    // Moving the "as of" date or the range shows and hides marks in place:
    // redrawing all of them took 1.5 s on a 10,000-trip report.
    {
        let lanes = lanes.clone();
        Effect::new(move |previous: Option<Shown>| {
            let now = shown.get();
            if let (Some(host), Some(before)) = (host.get(), previous.as_ref()) {
                let changed: Vec<(&str, bool)> = lanes
                    .iter()
                    .zip(now.iter().zip(before))
                    .flat_map(|(lane, (now, before))| {
                        lane.items
                            .iter()
                            .zip(now.iter().zip(before))
                            .filter(|(_, (now, before))| now != before)
                            .map(|(item, (now, _))| (item.key.as_str(), *now))
                    })
                    .collect();
                if !changed.is_empty() {
                    let (keys, marks) = marks_by_key(&host);
                    for (key, show) in changed {
                        if let Some(mark) = keys.get(key).and_then(|at| marks.get(at)) {
                            let _ = mark.class_list().toggle_with_force("is-hidden", !show);
                        }
                    }
                }
            }
            now
        });
    }

    // The vessel the reader has chosen: its name and its lane stand out.
    let chosen = Memo::new(move |_| state.with(|s| s.vessel.clone()));
    let plot = {
        let (lanes, report) = (lanes.clone(), report.clone());
        move || {
            // Every lane, with its marks once revealed (at once, unless
            // there are thousands); marks the reader's dates leave out are
            // hidden, and the watcher above shows and hides them.
            measured.get().then(|| {
                geometry.track();
                let marks = LaneMarks {
                    report: report.clone(),
                    lanes: lanes.clone(),
                    geometry,
                    shown,
                    focus,
                    tab_stop,
                };
                view! { <Lanes marks reveal chosen /> }
            })
        }
    };
    let quiet = move || {
        gap.get()
            .map(|gap| geometry.with(|g| quiet_spell(g, &gap, vessel_lanes)))
    };
    let lines = move || {
        let as_of = state.with(|s| {
            s.as_of.map(|d| {
                (
                    d.last_day(),
                    fill(tr("As of {date}"), &[("date", &date_text(&d))]),
                )
            })
        });
        geometry.with(|g| date_lines(g, published, as_of))
    };
    let range = move || {
        let (from, to) =
            state.with(|s| (s.from.map(|d| d.first_day()), s.to.map(|d| d.last_day())));
        (from.is_some() || to.is_some()).then(|| geometry.with(|g| chosen_range(g, from, to)))
    };
    let draft = move || {
        brush
            .draft
            .get()
            .map(|(x0, x1)| geometry.with(|g| range_window(g, x0, x1)))
    };
    // The dates narrow the map and the claims: an embed has neither, so it
    // offers no dates to choose (a range in its address is still shaded).
    let choosing_dates = !in_embed();
    let bounds = Memo::new(move |_| {
        geometry.with(|g| (g.first_day, g.end_day.pred_opt().unwrap_or(g.end_day)))
    });

    let on_keydown = {
        let lanes = lanes.clone();
        move |ev: web_sys::KeyboardEvent| {
            let key = ev.key();
            if key == "Escape" {
                if let Some(open) = focus.open.get_untracked() {
                    ev.prevent_default();
                    focus_mark(host, &open);
                    focus.close();
                }
                return;
            }
            let Some(mark) = mark_key(ev.as_ref()) else {
                return;
            };
            if key == "Enter" || key == " " {
                ev.prevent_default();
                let pinned = focus.pinned.get_untracked() && focus.is_open(&mark);
                focus.open(&mark, !pinned);
            } else if let Some(direction) = Step::from_key(&key) {
                ev.prevent_default();
                let next = geometry.with_untracked(|g| {
                    shown.with_untracked(|shown| step(&lanes, &g.placed, shown, &mark, direction))
                });
                if let Some(next) = next {
                    focus.tab_stop.set(Some(next.clone()));
                    let lane = lanes
                        .iter()
                        .position(|l| l.items.iter().any(|i| i.key == next));
                    match lane.filter(|&lane| !reveal.is_drawn_untracked(lane)) {
                        // A lane not drawn yet is drawn first, then focused.
                        Some(lane) => {
                            reveal.draw(lane);
                            focus_once_drawn(host, next, 10);
                        }
                        None => focus_mark(host, &next),
                    }
                }
            }
        }
    };
    // Leaving the chart (focus elsewhere on the page) closes the card.
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let stays = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(host.get_untracked())
            .is_some_and(|(to, host)| host.contains(Some(&to)));
        if !stays {
            focus.close();
        }
    };

    // The marks' focus and hover, handled once for the whole chart (three
    // listeners on each of thousands of marks slowed the first render).
    let on_focusin = move |ev: web_sys::FocusEvent| {
        if let Some(mark) = mark_key(ev.as_ref()) {
            focus.open(&mark, false);
            focus.tab_stop.set(Some(mark));
        }
    };
    let on_mouseover = move |ev: web_sys::MouseEvent| {
        if let Some(mark) = mark_key(ev.as_ref())
            && !focus.pinned.get_untracked()
            && !focus.is_open_untracked(&mark)
        {
            focus.open(&mark, false);
        }
    };
    let on_mouseout = move |ev: web_sys::MouseEvent| {
        let Some(mark) = mark_key(ev.as_ref()) else {
            return;
        };
        let still_inside = mark_of(ev.related_target()).as_deref() == Some(mark.as_str());
        if !still_inside && !focus.pinned.get_untracked() && focus.is_open_untracked(&mark) {
            focus.close();
        }
    };

    // Hundreds of lanes stepping back at once cost more than their fade shows.
    let crowded = lanes.len() > CROWDED_LANES;
    view! {
        // While a vessel is chosen, the other lanes and names step back
        // (timeline.css): one class here, not one per lane.
        <div
            class="timeline"
            class:is-choosing=move || chosen.with(Option::is_some)
            class:is-crowded=crowded
        >
            <div
                class="timeline__plot"
                node_ref=host
                on:keydown=on_keydown
                on:focusout=on_focusout
                on:focusin=on_focusin
                on:mouseover=on_mouseover
                on:mouseout=on_mouseout
            >
                <LaneNames lanes=lanes.clone() geometry state chosen />
                <svg
                    class="timeline__chart"
                    width=move || geometry.with(|g| px(g.width))
                    height=move || geometry.with(|g| px(g.height))
                    viewBox=move || geometry.with(|g| format!("0 0 {} {}", Decimals(g.width, 0), Decimals(g.height, 0)))
                    role="group"
                    aria-label=chart_label()
                    on:pointerdown=move |ev: web_sys::PointerEvent| {
                        if choosing_dates && ev.button() == 0 && let Some(svg) = current_element(ev.as_ref()) {
                            let x = pointer_x(&ev, &svg);
                            geometry.with_untracked(|g| brush.press(x, g.plot));
                        }
                    }
                    on:pointermove=move |ev: web_sys::PointerEvent| {
                        if let Some(svg) = current_element(ev.as_ref()) {
                            let x = pointer_x(&ev, &svg);
                            if geometry.with_untracked(|g| brush.drag_to(x, g.plot)) {
                                let _ = svg.set_pointer_capture(ev.pointer_id());
                            }
                        }
                    }
                    on:pointerup=move |_| geometry.with_untracked(|g| brush.release(g, state))
                    on:pointercancel=move |_| brush.cancel()
                    on:click=move |ev: web_sys::MouseEvent| {
                        if brush.take_drag_click() {
                            return;
                        }
                        match mark_key(ev.as_ref()) {
                            Some(mark) => focus.open(&mark, true),
                            None => focus.close(),
                        }
                    }
                >
                    {move || geometry.with(time_axis).into_any()}
                    {quiet}
                    {range}
                    {draft}
                    {plot}
                    {lines}
                </svg>
                <DetailsCard report lanes geometry focus />
            </div>
            {choosing_dates.then(|| view! { <DateRange bounds state /> })}
        </div>
    }
}

/// The key of the mark an event happened in, if any.
fn mark_key(event: &web_sys::Event) -> Option<String> {
    mark_of(event.target())
}

/// The key of the mark around `target`, if any.
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<String> {
    let target: web_sys::Element = target?.dyn_into().ok()?;
    target
        .closest("[data-mark]")
        .ok()??
        .get_attribute("data-mark")
}

/// The element a handler is attached to.
fn current_element(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.current_target()?.dyn_into().ok()
}

/// Every mark drawn, and where each key's mark is in that list.
fn marks_by_key(host: &web_sys::HtmlDivElement) -> (FirstSeen, Vec<web_sys::Element>) {
    let (mut keys, mut marks) = (FirstSeen::default(), Vec::new());
    if let Ok(list) = host.query_selector_all("[data-mark]") {
        for i in 0..list.length() {
            if let Some(mark) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                && let Some(key) = mark.get_attribute("data-mark")
                // A key's first mark (there is one per key).
                && keys.number(&key).1
            {
                marks.push(mark);
            }
        }
    }
    (keys, marks)
}

/// The mark drawn for `key`, if it is on screen (keys are report ids, safe in
/// a selector).
fn mark_element(host: &web_sys::HtmlDivElement, key: Option<&str>) -> Option<web_sys::Element> {
    host.query_selector(&format!("[data-mark=\"{}\"]", key?))
        .ok()
        .flatten()
}

/// Moves the keyboard focus to a mark that is being drawn, in one of the
/// next `frames` animation frames.
fn focus_once_drawn(host: NodeRef<html::Div>, key: String, frames: u32) {
    request_animation_frame(move || {
        // (A frame later the chart may be gone: then there is nothing to do.)
        let drawn = host
            .try_get_untracked()
            .flatten()
            .is_some_and(|h| mark_element(&h, Some(&key)).is_some());
        if drawn {
            focus_mark(host, &key);
        } else if frames > 1 {
            focus_once_drawn(host, key, frames - 1);
        }
    });
}

/// Moves the keyboard focus to a mark.
fn focus_mark(host: NodeRef<html::Div>, key: &str) {
    let Some(host) = host.get_untracked() else {
        return;
    };
    if let Some(mark) = mark_element(&host, Some(key)) {
        let _ = mark.unchecked_into::<web_sys::SvgElement>().focus();
    }
}
