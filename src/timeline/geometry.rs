//! Where everything sits, in pixels, for the width the timeline has. Wide
//! timelines put the vessel names in a column on the left; narrow ones (a
//! phone) put each name above its lane so that the dates keep the full width.
//!
//! Items that would overlap in a lane are stacked in rows: events in rows
//! above, trips in rows below.

use chrono::{Datelike, Days, Months, NaiveDate};

use sealift_format::Certainty;

use super::lanes::{Form, Item, Lane};
use crate::components::scale::{Scale, day_number};
use crate::math;
use crate::visible::Span;

/// Below this width the names go above the lanes.
pub const NARROW: f64 = 560.0;
/// The height of a row of marks in a lane.
pub const ROW: f64 = 16.0;
/// The height of a trip bar.
pub const BAR: f64 = 10.0;
/// Half the width of an event mark.
pub const MARK: f64 = 5.5;
/// How far an open end fades out.
pub const TAIL: f64 = 22.0;
/// The narrowest a trip bar gets, so a one-day trip is still seen.
const MIN_BAR: f64 = 4.0;
/// Space around the rows of a lane.
const LANE_PAD: f64 = 7.0;
/// The line of a name above its lane (narrow layout).
pub const NAME_ROW: f64 = 20.0;
/// The smallest horizontal space between two items in one row.
const ROW_GAP: f64 = 2.0;
/// Room above the lanes for the line labels ("Published"), and for the
/// quiet-spell label when there may be one.
const LINE_LABELS: f64 = 22.0;
const GAP_LABEL: f64 = 18.0;
/// Room below the lanes for month and year labels.
pub const AXIS: f64 = 38.0;

/// A lane's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LaneBox {
    /// The top of the lane, including its name when the name is above.
    pub top: f64,
    pub bottom: f64,
}

/// An item's place: its extent in x and the middle of its row in y.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
}

impl Placed {
    /// Where the item's mark (or the middle of its bar) is.
    pub fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// The timeline laid out for one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    /// Names above the lanes rather than beside them.
    pub names_above: bool,
    /// The width of the column of names (zero when the names are above).
    pub names_width: f64,
    /// The left and right edges of the plot.
    pub plot: (f64, f64),
    /// Day numbers to x.
    pub scale: Scale,
    /// The first day on the axis and the day after the last.
    pub first_day: NaiveDate,
    pub end_day: NaiveDate,
    /// The baseline of the quiet-spell label and of the line labels.
    pub gap_label_y: f64,
    pub line_label_y: f64,
    pub lanes: Vec<LaneBox>,
    /// Lane by lane, item by item, in the order of [`Lane::items`].
    pub placed: Vec<Vec<Placed>>,
    /// The top of the axis, under the last lane.
    pub axis_y: f64,
}

impl Geometry {
    /// Lays out `lanes` for `width` pixels. The dates run from the first to
    /// the last item, and to `published` when it is near enough not to squeeze
    /// them. `room_for_gap` leaves a line at the top for the quiet-spell label.
    pub fn new(lanes: &[Lane], published: NaiveDate, width: f64, room_for_gap: bool) -> Self {
        let width = width.max(280.0);
        let names_above = width < NARROW;
        let names_width = if names_above {
            0.0
        } else {
            math::clamp(width * 0.18, 110.0, 170.0)
        };
        let plot = (names_width, width - 6.0);

        let (first_day, end_day) = date_range(lanes, published);
        // Open ends in the first or last month need room to fade out.
        let in_first_month = |s: &Span| s.start < add_months(first_day, 1);
        let in_last_month = |s: &Span| s.end >= sub_months(end_day, 1);
        let items = || lanes.iter().flat_map(|l| &l.items);
        let pad_left = if items().any(|i| i.open_before && in_first_month(&i.span)) {
            TAIL
        } else {
            0.0
        };
        let pad_right = if items().any(|i| i.open_after && in_last_month(&i.span)) {
            TAIL
        } else {
            0.0
        };
        let scale = Scale::new(
            (day_number(first_day), day_number(end_day)),
            (plot.0 + pad_left, plot.1 - pad_right),
        );

        let gap_label_y = if room_for_gap { GAP_LABEL - 5.0 } else { 0.0 };
        let line_label_y = gap_label_y + LINE_LABELS - 6.0;
        let mut top = gap_label_y + LINE_LABELS;
        let mut boxes = Vec::with_capacity(lanes.len());
        let mut placed = Vec::with_capacity(lanes.len());
        for lane in lanes {
            let rows_top = top + if names_above { NAME_ROW } else { 0.0 };
            let (items, rows) = place_lane(&lane.items, &scale, rows_top + LANE_PAD);
            let bottom = rows_top + (2.0 * LANE_PAD + rows as f64 * ROW).max(30.0);
            boxes.push(LaneBox { top, bottom });
            placed.push(items);
            top = bottom;
        }
        Self {
            width,
            height: top + AXIS,
            names_above,
            names_width,
            plot,
            scale,
            first_day,
            end_day,
            gap_label_y,
            line_label_y,
            lanes: boxes,
            placed,
            axis_y: top,
        }
    }

    /// The x of the start of a day.
    pub fn x(&self, day: NaiveDate) -> f64 {
        self.scale.at(day_number(day))
    }

    /// The x of the end of a day (the start of the next).
    pub fn x_after(&self, day: NaiveDate) -> f64 {
        self.scale.at(day_number(day) + 1.0)
    }

    /// Whether a day is on the axis.
    pub fn covers(&self, day: NaiveDate) -> bool {
        day >= self.first_day && day < self.end_day
    }

    /// The top of the first lane and the bottom of the last.
    pub fn lanes_extent(&self) -> (f64, f64) {
        let top = self.lanes.first().map_or(self.axis_y, |l| l.top);
        (top, self.axis_y)
    }
}

/// From the first of the month of the earliest item to the first of the month
/// after the latest, taking in `published` when it is near.
fn date_range(lanes: &[Lane], published: NaiveDate) -> (NaiveDate, NaiveDate) {
    let spans = lanes.iter().flat_map(|l| &l.items).map(|i| i.span);
    let first = spans.clone().map(|s| s.start).min().unwrap_or(published);
    let last = spans.map(|s| s.end).max().unwrap_or(published);
    // Publication a few months after the last trip fits; years after would
    // squeeze the trips into a corner, so it is then marked at the edge instead.
    let slack = Days::new(((last - first).num_days() / 4).max(62) as u64);
    let near = |d: NaiveDate| {
        first.checked_sub_days(slack).is_none_or(|lo| d >= lo)
            && last.checked_add_days(slack).is_none_or(|hi| d <= hi)
    };
    let (first, last) = if near(published) {
        (first.min(published), last.max(published))
    } else {
        (first, last)
    };
    let start = first.with_day(1).unwrap_or(first);
    (start, add_months(last.with_day(1).unwrap_or(last), 1))
}

fn add_months(day: NaiveDate, n: u32) -> NaiveDate {
    day.checked_add_months(Months::new(n)).unwrap_or(day)
}

fn sub_months(day: NaiveDate, n: u32) -> NaiveDate {
    day.checked_sub_months(Months::new(n)).unwrap_or(day)
}

/// Places a lane's items in rows from `rows_top`: events first (above), then
/// trips. Returns the places, in item order, and the number of rows.
fn place_lane(items: &[Item], scale: &Scale, rows_top: f64) -> (Vec<Placed>, usize) {
    let x = |day: NaiveDate| scale.at(day_number(day));
    let x_after = |day: NaiveDate| scale.at(day_number(day) + 1.0);
    let extents: Vec<(f64, f64)> = items
        .iter()
        .map(|item| {
            let (mut x0, mut x1) = (x(item.span.start), x_after(item.span.end));
            if item.form == Form::Trip && x1 - x0 < MIN_BAR {
                let mid = (x0 + x1) / 2.0;
                (x0, x1) = (mid - MIN_BAR / 2.0, mid + MIN_BAR / 2.0);
            }
            (x0, x1)
        })
        .collect();
    // What an item takes up in its row, mark and fading ends included.
    let room = |i: usize| {
        let (x0, x1) = extents[i];
        let item = &items[i];
        // Marks on nearby days may overlap a little rather than stack up.
        let mark = if item.is_trip() { 0.0 } else { MARK * 0.75 };
        let before = if item.open_before { TAIL } else { mark };
        let after = if item.open_after { TAIL } else { mark };
        // A disputed event's cross sits to its right.
        let cross = if item.certainty == Certainty::Disputed && !item.is_trip() {
            8.0
        } else {
            0.0
        };
        (x0 - before, x1 + after + cross)
    };
    let events: Vec<usize> = (0..items.len()).filter(|&i| !items[i].is_trip()).collect();
    let trips: Vec<usize> = (0..items.len()).filter(|&i| items[i].is_trip()).collect();
    let event_rows = stack(&events, &room);
    let trip_rows = stack(&trips, &room);
    let event_row_count = event_rows.iter().map(|(_, r)| r + 1).max().unwrap_or(0);
    let trip_row_count = trip_rows.iter().map(|(_, r)| r + 1).max().unwrap_or(0);
    let mut placed = vec![
        Placed {
            x0: 0.0,
            x1: 0.0,
            y: 0.0
        };
        items.len()
    ];
    let row_y = |row: usize| rows_top + ROW * (row as f64 + 0.5);
    for (i, row) in event_rows {
        let (x0, x1) = extents[i];
        placed[i] = Placed {
            x0,
            x1,
            y: row_y(row),
        };
    }
    for (i, row) in trip_rows {
        let (x0, x1) = extents[i];
        placed[i] = Placed {
            x0,
            x1,
            y: row_y(event_row_count + row),
        };
    }
    (placed, event_row_count + trip_row_count)
}

/// Puts each item in the first row where it does not overlap the one before.
fn stack(indices: &[usize], room: &impl Fn(usize) -> (f64, f64)) -> Vec<(usize, usize)> {
    let mut order = indices.to_vec();
    crate::order::sort_by(&mut order, |&a, &b| room(a).0.total_cmp(&room(b).0));
    let mut row_ends: Vec<f64> = Vec::new();
    order
        .into_iter()
        .map(|i| {
            let (start, end) = room(i);
            let row = match row_ends.iter().position(|&e| e + ROW_GAP <= start) {
                Some(row) => {
                    row_ends[row] = end;
                    row
                }
                None => {
                    row_ends.push(end);
                    row_ends.len() - 1
                }
            };
            (i, row)
        })
        .collect()
}
