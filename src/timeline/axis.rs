//! The time axis: a faint line at each month tick across the lanes, month
//! names under them, and the year under its first month and each January.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::geometry::Geometry;
use crate::components::scale::month_ticks;
use crate::coordinates::px;
use crate::text::month_label;

/// Room a month name needs after its tick.
const MONTH_LABEL: f64 = 26.0;

/// The gridlines and labels of the axis.
pub fn time_axis(g: &Geometry) -> impl IntoView + use<> {
    let max_ticks = ((g.plot.1 - g.plot.0) / 44.0).floor().max(2.0) as usize;
    let ticks = month_ticks(g.first_day, g.end_day, max_ticks);
    let yearly = ticks
        .windows(2)
        .next()
        .is_some_and(|pair| months_between(pair[0], pair[1]) >= 12);
    let (top, bottom) = g.lanes_extent();
    let month_y = bottom + 15.0;
    let year_y = if yearly { month_y } else { bottom + 31.0 };
    let first_tick = ticks.first().copied();
    let marks = ticks
        .into_iter()
        .map(|tick| {
            let x = g.x(tick);
            let new_year = tick.month() == 1;
            let label = month_label(tick);
            // Ukrainian month names ("черв.") are longer than English ones.
            let room = x + MONTH_LABEL.max(label.chars().count() as f64 * 6.6 + 4.0) <= g.width;
            let month = (!yearly && room).then(|| {
                view! { <text class="timeline__month" x={px(x + 3.0)} y={px(month_y)}>{label}</text> }
            });
            let year = ((new_year || Some(tick) == first_tick) && x + 2.0 * MONTH_LABEL <= g.width + 4.0).then(|| {
                view! { <text class="timeline__year" x={px(x + 3.0)} y={px(year_y)}>{tick.year()}</text> }
            });
            view! {
                <line class="timeline__grid" class:is-year=new_year x1={px(x)} x2={px(x)} y1={px(top)} y2={px(bottom + 5.0)} />
                {month}
                {year}
            }
        })
        .collect_view();
    view! {
        <g class="timeline__axis" aria-hidden="true">
            <line class="timeline__baseline" x1={px(g.plot.0)} x2={px(g.plot.1)} y1={px(bottom)} y2={px(bottom)} />
            {marks}
        </g>
    }
}

fn months_between(a: NaiveDate, b: NaiveDate) -> i32 {
    (b.year() - a.year()) * 12 + b.month() as i32 - a.month() as i32
}
