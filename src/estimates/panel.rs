//! One small multiple: every estimate in one unit over the date it was
//! stated, with its axes, the "as of" line, links between estimates worked
//! out from each other, direct labels, and the details card.

use std::sync::Arc;

use leptos::prelude::*;
use sealift_format::Date;

use super::details::EstimateDetails;
use super::focus::ChartFocus;
use super::geometry::{BOTTOM, HEIGHT, PanelGeometry, RIGHT, TOP, text_width, tick_text};
use super::labels::{Area, Side, Wanted, place};
use super::legend::ActorLegend;
use super::mark::{EstimateMarks, MarkEvents, mark_area};
use super::panels::Panel;
use crate::components::scale::{date_of_day, day_number, month_ticks};
use crate::coordinates::{Decimals, Px, px};
use crate::data::SharedReport;
use crate::i18n::{fill, tr};
use crate::state::use_reader_state;
use crate::text::{capitalized, compact_quantity_text, count_text, date_text, short_month_text};

/// Label sizes, in pixels: values by the marks, and the smaller "from …" notes.
const VALUE_FONT: f64 = 11.0;
const NOTE_FONT: f64 = 10.0;

/// One unit's panel: its title and measures, who made its estimates, and the drawing.
#[component]
pub fn EstimatePanel(
    report: SharedReport,
    panel: Panel,
    /// The drawing's width in pixels, measured from the page.
    #[prop(into)]
    width: Memo<f64>,
    /// Which way the details card opens from a mark.
    #[prop(into)]
    card_side: Memo<CardSide>,
    /// The room for value labels, the same on every panel.
    left: f64,
    /// The days every panel's time axis spans.
    time_domain: (f64, f64),
    focus: ChartFocus,
) -> impl IntoView {
    let panel = Arc::new(panel);
    let title = capitalized(&panel.unit);
    let measures = panel.measures.join(" · ");
    let legend = view! { <ActorLegend report=report.clone() actors=panel.actors() focus /> };
    let drawing = move || {
        let geometry = Arc::new(PanelGeometry::new(&panel, width.get(), left, time_domain));
        view! {
            <Drawing report=report.clone() panel=panel.clone() geometry=geometry.clone() focus />
            <Card report=report.clone() panel=panel.clone() geometry side=card_side focus />
        }
    };
    view! {
        <div class="estimates-panel">
            <div class="estimates-panel__header">
                <h3 class="estimates-panel__title">{title}</h3>
                <Measures text=measures />
            </div>
            <div class="estimates-panel__plot">{drawing}</div>
            {legend}
        </div>
    }
}

/// What a panel counts, in two lines at most until the reader asks for all of it.
#[component]
fn Measures(text: String) -> impl IntoView {
    const LONG: usize = 90;
    let open = RwSignal::new(false);
    let is_long = text.chars().count() > LONG;
    view! {
        <p class="estimates-panel__measures" class:is-clamped=move || is_long && !open.get()>{text}</p>
        {is_long.then(|| view! {
            <button
                type="button"
                class="estimates-panel__more"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { tr("Show less") } else { tr("Show all") }.to_owned()}
            </button>
        })}
    }
}

/// The panel's SVG: grid, time axis, "as of" line, links, marks and labels.
#[component]
fn Drawing(
    report: SharedReport,
    panel: Arc<Panel>,
    geometry: Arc<PanelGeometry>,
    focus: ChartFocus,
) -> impl IntoView {
    let width = geometry.width;
    let n = panel.estimates.len();
    let label = fill(
        tr("{unit}: {n} estimates"),
        &[
            ("unit", &capitalized(&panel.unit)),
            ("n", &n.to_string()),
            ("estimates", &count_text(n, "estimate", "estimates")),
        ],
    );
    let marks: Vec<_> = panel
        .estimates
        .iter()
        .filter_map(|estimate| Some((estimate.clone(), geometry.spot(&estimate.id)?)))
        .collect();
    let events = MarkEvents::new(focus);
    view! {
        <svg
            class="estimates-panel__svg"
            viewBox=format!("0 0 {} {}", Decimals(width, 0), Decimals(HEIGHT, 0))
            width=Decimals(width, 0).to_string()
            height=Decimals(HEIGHT, 0).to_string()
            role="group"
            aria-label=label
            on:pointerdown=move |ev| events.pointer_down(&ev)
            on:focusin=move |ev| events.focus_in(&ev)
            on:focusout=move |ev| events.focus_out(&ev)
            on:mouseover=move |ev| events.pointer_over(&ev)
            on:mouseout=move |ev| events.pointer_out(&ev)
            on:click=move |ev| events.click(&ev)
            on:keydown=move |ev| events.key_down(&ev)
        >
            <ValueGrid geometry=geometry.clone() />
            <TimeAxis geometry=geometry.clone() />
            <AsOf geometry=geometry.clone() />
            <Links panel=panel.clone() geometry=geometry.clone() />
            <EstimateMarks report=report.clone() marks focus />
            <Labels report panel geometry />
        </svg>
    }
}

/// Horizontal gridlines at round values, labelled in compact numbers.
#[component]
fn ValueGrid(geometry: Arc<PanelGeometry>) -> impl IntoView {
    let (x0, x1) = (geometry.left, geometry.width - RIGHT);
    let lines = geometry
        .value
        .ticks()
        .into_iter()
        .map(|tick| {
            let y = geometry.value.at(tick);
            let is_floor = (y - geometry.baseline()).abs() < 0.5;
            view! {
                <line class="estimates-panel__gridline" class:is-floor=is_floor x1={px(x0)} x2={px(x1)} y1={px(y)} y2={px(y)} />
                <text class="estimates-panel__tick" x={px(x0 - 6.0)} y={px(y + 3.5)} text-anchor="end">{tick_text(tick)}</text>
            }
        })
        .collect_view();
    let log_note = geometry.value.is_log().then(|| {
        view! { <text class="estimates-panel__axis-note" x="0" y="11">{tr("Log scale")}</text> }
    });
    view! { <g class="estimates-panel__grid">{lines} {log_note}</g> }
}

/// Month labels under the plot, as many as fit.
#[component]
fn TimeAxis(geometry: Arc<PanelGeometry>) -> impl IntoView {
    let (d0, d1) = geometry.time.domain();
    let (r0, r1) = geometry.time.range();
    // Room for the longest month label (Ukrainian ones are longer), 72 px at least.
    let widest = (1..=12)
        .filter_map(|m| chrono::NaiveDate::from_ymd_opt(2024, m, 1))
        .map(|day| text_width(&short_month_text(day), VALUE_FONT))
        .fold(0.0, f64::max);
    let fit = ((r1 - r0) / (widest + 12.0).max(72.0)).floor().max(1.0) as usize;
    let y = HEIGHT - BOTTOM;
    let ticks = month_ticks(date_of_day(d0), date_of_day(d1), fit)
        .into_iter()
        .map(|day| {
            let x = geometry.time.at(day_number(day));
            let text = short_month_text(day);
            let half = text_width(&text, VALUE_FONT) / 2.0;
            // Keep the first and last labels inside the drawing.
            let anchor = if x - half < 0.0 {
                "start"
            } else if x + half > geometry.width {
                "end"
            } else {
                "middle"
            };
            view! {
                <line class="estimates-panel__time-tick" x1={px(x)} x2={px(x)} y1={px(y)} y2={px(y + 4.0)} />
                <text class="estimates-panel__tick" x={px(x)} y={px(y + 16.0)} text-anchor=anchor>{text}</text>
            }
        })
        .collect_view();
    view! { <g class="estimates-panel__time">{ticks}</g> }
}

/// The reader's "as of" date: a line, and the time after it shaded as not yet known.
#[component]
fn AsOf(geometry: Arc<PanelGeometry>) -> impl IntoView {
    let state = use_reader_state();
    move || {
        let mark = state
            .with(|s| s.as_of)
            .and_then(|d| AsOfMark::new(&geometry, &d))?;
        let (_, right) = geometry.time.range();
        Some(view! {
            <g class="estimates-panel__as-of">
                <rect
                    class="estimates-panel__later"
                    x={px(mark.x)}
                    y={px(TOP - 8.0)}
                    width={px(right - mark.x + RIGHT)}
                    height={px(HEIGHT - BOTTOM - TOP + 8.0)}
                />
                <line x1={px(mark.x)} x2={px(mark.x)} y1="2" y2={px(HEIGHT - BOTTOM)} />
                <text x={px(mark.text_x)} y="11" text-anchor=mark.anchor>{mark.text}</text>
            </g>
        })
    }
}

/// Where the "as of" line and its label go on a panel.
struct AsOfMark {
    x: f64,
    text: String,
    /// The label's box: right of the line, or left of it near the end.
    label: Area,
    /// Where the label's text is anchored, next to the line.
    text_x: f64,
    anchor: &'static str,
}

impl AsOfMark {
    /// `None` when the date falls outside the time axis (nothing to draw).
    fn new(geometry: &PanelGeometry, as_of: &Date) -> Option<Self> {
        let x = geometry.time.at(day_number(as_of.last_day()) + 1.0);
        let (left, right) = geometry.time.range();
        if !(left..=right).contains(&x) {
            return None;
        }
        let text = fill(tr("As of {date}"), &[("date", &date_text(as_of))]);
        let w = text_width(&text, NOTE_FONT);
        let (x0, text_x, anchor) = if x + 4.0 + w > geometry.width {
            (x - 4.0 - w, x - 4.0, "end")
        } else {
            (x + 4.0, x + 4.0, "start")
        };
        let label = Area {
            x0,
            y0: 0.0,
            x1: x0 + w,
            y1: 14.0,
        };
        Some(Self {
            x,
            text,
            label,
            text_x,
            anchor,
        })
    }
}

/// A thin dashed line from each estimate to the ones worked out from it, on this panel.
#[component]
fn Links(panel: Arc<Panel>, geometry: Arc<PanelGeometry>) -> impl IntoView {
    let state = use_reader_state();
    let links = panel
        .estimates
        .iter()
        .flat_map(|derived| {
            derived
                .derived_from
                .iter()
                .filter_map(|source| panel.estimates.iter().find(|e| &e.id == source))
                .map(move |source| (source.clone(), derived.clone()))
        })
        .filter_map(|(source, derived)| {
            let (from, to) = (geometry.spot(&source.id)?, geometry.spot(&derived.id)?);
            let shown = move || state.with(|s| s.shows_estimate(&source) && s.shows_estimate(&derived));
            Some(view! {
                <line class="estimate-link" class:is-hidden=move || !shown() x1={px(from.x)} y1={px(from.y)} x2={px(to.x)} y2={px(to.y)} />
            })
        })
        .collect_view();
    view! { <g class="estimates-panel__links">{links}</g> }
}

/// Direct labels for what the reader can see: the first and latest values,
/// and "from 6,700 containers" beside estimates worked out from one that is
/// not on this panel.
#[component]
fn Labels(report: SharedReport, panel: Arc<Panel>, geometry: Arc<PanelGeometry>) -> impl IntoView {
    let state = use_reader_state();
    move || {
        let (shown, as_of) = state.with(|s| {
            let shown: Vec<_> = panel
                .estimates
                .iter()
                .filter(|e| s.shows_estimate(e))
                .collect();
            (shown, s.as_of)
        });
        let spot_area = |e: &sealift_format::Estimate| {
            geometry.spot(&e.id).map(|s| mark_area(e.quantity.bound, s))
        };
        let mut obstacles: Vec<Area> = shown.iter().filter_map(|e| spot_area(e)).collect();
        if let Some(mark) = as_of.and_then(|d| AsOfMark::new(&geometry, &d)) {
            obstacles.push(mark.label);
        }
        if geometry.value.is_log() {
            obstacles.push(Area {
                x0: 0.0,
                y0: 0.0,
                x1: text_width(tr("Log scale"), NOTE_FONT),
                y1: 14.0,
            });
        }
        // The first and latest of the panel's main series, so its change reads
        // at a glance; of all its estimates when that series has but one.
        let series: Vec<_> = panel
            .series()
            .filter(|e| shown.iter().any(|s| s.id == e.id))
            .collect();
        let series = if series.len() > 1 {
            series
        } else {
            shown.clone()
        };
        let ends = match series.as_slice() {
            [] => vec![],
            [only] => vec![*only],
            [first, .., latest] => vec![*first, *latest],
        };
        let mut wanted: Vec<Wanted> = ends
            .into_iter()
            .filter_map(|estimate| {
                Some(Wanted {
                    text: compact_quantity_text(&estimate.quantity),
                    font_size: VALUE_FONT,
                    mark: spot_area(estimate)?,
                    prefer: Side::Above,
                    class: "estimate-label",
                })
            })
            .collect();
        for estimate in shown.iter().rev() {
            let Some(mark) = spot_area(estimate) else {
                continue;
            };
            for source in estimate
                .derived_from
                .iter()
                .filter_map(|id| report.estimate(id))
            {
                if shown.iter().any(|e| e.id == source.id) {
                    continue; // A dashed link shows it.
                }
                wanted.push(Wanted {
                    text: fill(
                        tr("from {quantity} {unit}"),
                        &[
                            ("quantity", &compact_quantity_text(&source.quantity)),
                            ("unit", &source.unit),
                        ],
                    ),
                    font_size: NOTE_FONT,
                    mark,
                    prefer: Side::Below,
                    class: "estimate-note",
                });
            }
        }
        let bounds = Area {
            x0: geometry.left,
            y0: 0.0,
            x1: geometry.width,
            y1: HEIGHT - BOTTOM,
        };
        place(wanted, obstacles, bounds)
            .into_iter()
            .map(|label| {
                view! { <text class={label.class} x={px(label.x)} y={px(label.y)} text-anchor="middle">{label.text}</text> }
            })
            .collect_view()
    }
}

/// Which way a details card opens from its mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardSide {
    Left,
    Right,
    /// Towards the middle of the panel: right of a mark in its left half.
    Nearer,
}

/// The details card of the estimate the reader points at, focuses or pins,
/// beside its mark (below the drawing on narrow screens).
#[component]
fn Card(
    report: SharedReport,
    panel: Arc<Panel>,
    geometry: Arc<PanelGeometry>,
    side: Memo<CardSide>,
    focus: ChartFocus,
) -> impl IntoView {
    move || {
        let id = focus.shown()?;
        let estimate = panel.estimates.iter().find(|e| e.id == id)?.clone();
        let spot = geometry.spot(&id)?;
        let pinned = focus.pinned.get().as_deref() == Some(id.as_str());
        let left = match side.get() {
            CardSide::Left => true,
            CardSide::Right => false,
            CardSide::Nearer => spot.x > geometry.width / 2.0,
        };
        // Custom properties set through the CSSOM: the CSP forbids style attributes.
        let (x, y) = (format!("{}px", Px(spot.x)), format!("{}px", Px(spot.y)));
        let close = move |_| focus.close();
        Some(view! {
            <div class="estimate-card" class:is-left=left class:is-pinned=pinned style=("--x", x) style=("--y", y)>
                {pinned.then(|| view! {
                    <button type="button" class="estimate-card__close" aria-label=tr("Close") on:click=close>"×"</button>
                })}
                <EstimateDetails report=report.clone() estimate />
            </div>
        })
    }
}
