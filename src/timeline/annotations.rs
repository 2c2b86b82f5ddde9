//! What is drawn over the lanes: the quiet spell, the lines for the report's
//! publication and for the reader's "as of" date, and the range of dates the
//! reader has chosen.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::gap::Gap;
use super::geometry::Geometry;
use crate::coordinates::px;
use crate::i18n::{fill, tr};
use crate::math;
use crate::text::{count_text, day_text};

/// About how wide a character of a 12 px label is.
const CHAR_WIDTH: f64 = 6.6;

fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH
}

/// The words over the quiet spell: "No port calls recorded for 26 days".
pub fn quiet_spell_text(gap: &Gap) -> String {
    let days = gap.quiet_days();
    fill(
        tr("No port calls recorded for {n} days"),
        &[
            ("n", &days.to_string()),
            ("days", &count_text(days.max(0) as usize, "day", "days")),
        ],
    )
}

/// The quiet spell, shaded across the vessel lanes (the first `vessel_lanes`),
/// its length written above.
pub fn quiet_spell(g: &Geometry, gap: &Gap, vessel_lanes: usize) -> impl IntoView + use<> {
    let quiet = gap.quiet();
    let (x0, x1) = (g.x(quiet.start), g.x_after(quiet.end));
    let bottom = vessel_lanes
        .checked_sub(1)
        .and_then(|last| g.lanes.get(last))
        .map_or(g.axis_y, |lane| lane.bottom);
    let top = g.gap_label_y + 5.0;
    let text = quiet_spell_text(gap);
    let half = text_width(&text) / 2.0;
    let centre = math::clamp((x0 + x1) / 2.0, g.plot.0 + half, g.plot.1 - half);
    view! {
        <g class="timeline__gap">
            <rect class="timeline__gap-band" x={px(x0)} y={px(top)} width={px((x1 - x0).max(1.0))} height={px((bottom - top).max(0.0))} />
            <text class="timeline__gap-label" x={px(centre)} y={px(g.gap_label_y)} text-anchor="middle">
                {text}
            </text>
        </g>
    }
}

/// A labelled vertical line across the lanes.
struct DateLine {
    x: f64,
    text: String,
    class: &'static str,
}

/// The publication line and, when the reader chose one, the "as of" line.
/// Labels sit on the later side of their line, unless that runs off the chart
/// or into the other label.
pub fn date_lines(
    g: &Geometry,
    published: NaiveDate,
    as_of: Option<(NaiveDate, String)>,
) -> impl IntoView + use<> {
    let mut lines: Vec<DateLine> = Vec::new();
    let off_chart = (!g.covers(published) && published >= g.end_day).then(|| {
        view! {
            <text class="timeline__line-label timeline__published" x={px(g.plot.1)} y={px(g.line_label_y)} text-anchor="end">
                {fill(tr("Published {date} →"), &[("date", &day_text(published))])}
            </text>
        }
    });
    if g.covers(published) {
        lines.push(DateLine {
            x: (g.x(published) + g.x_after(published)) / 2.0,
            text: tr("Published").to_owned(),
            class: "timeline__published",
        });
    }
    if let Some((day, text)) = as_of.filter(|(day, _)| g.covers(*day)) {
        lines.push(DateLine {
            x: g.x_after(day),
            text,
            class: "timeline__as-of",
        });
    }
    crate::order::sort_by(&mut lines, |a, b| a.x.total_cmp(&b.x));
    let crowded = match lines.as_slice() {
        [a, b] => b.x - a.x < text_width(&b.text) + 12.0,
        _ => false,
    };
    let (_, bottom) = g.lanes_extent();
    let count = lines.len();
    let drawn = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let width = text_width(&line.text);
            let mut left_of_line = crowded && i == 0 && count == 2;
            if !left_of_line && line.x + 4.0 + width > g.width {
                left_of_line = true;
            }
            if left_of_line && line.x - 4.0 - width < g.plot.0 && !(crowded && i == 0) {
                left_of_line = false;
            }
            let (label_x, anchor) = if left_of_line { (line.x - 4.0, "end") } else { (line.x + 4.0, "start") };
            view! {
                <g class=line.class>
                    <line class="timeline__date-line" x1={px(line.x)} x2={px(line.x)} y1={px(g.line_label_y - 11.0)} y2={px(bottom)} />
                    <text class="timeline__line-label" x={px(label_x)} y={px(g.line_label_y)} text-anchor=anchor>
                        {line.text}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! { <g class="timeline__date-lines">{off_chart} {drawn}</g> }
}

/// The reader's chosen range of dates, shaded from `from` to `to` (either may
/// be open: then it runs to the edge).
pub fn chosen_range(
    g: &Geometry,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> impl IntoView + use<> {
    let x0 = math::clamp(from.map_or(g.plot.0, |d| g.x(d)), g.plot.0, g.plot.1);
    let x1 = math::clamp(to.map_or(g.plot.1, |d| g.x_after(d)), g.plot.0, g.plot.1);
    range_window(g, x0, x1)
}

/// A shaded window between two x positions, over the lanes.
pub fn range_window(g: &Geometry, x0: f64, x1: f64) -> impl IntoView + use<> {
    let (top, bottom) = g.lanes_extent();
    view! {
        <rect class="timeline__range-window" x={px(x0.min(x1))} y={px(top)} width={px((x1 - x0).abs().max(1.0))} height={px(bottom - top)} />
    }
}
