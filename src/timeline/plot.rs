//! The chart's lanes: for each vessel a band (tinted while it is chosen), a
//! rule under it, and its trips and events once the lane is revealed.
//!
//! Written as one piece of markup for each width of the chart
//! ([`crate::components::markup`]): a large report has hundreds of lanes
//! and thousands of marks. One effect draws the marks of each lane the
//! reader comes near and tints the chosen vessel's; the chart's own
//! watchers show, hide and open the marks.

use std::fmt::Write;
use std::sync::Arc;

use leptos::prelude::*;

use super::card::Focus;
use super::geometry::{Geometry, LaneBox};
use super::lanes::{Lane, Shown};
use super::marks::{MarkLook, push_mark};
use super::reveal::LaneReveal;
use crate::components::markup::{follow_marks, push_classes, push_escaped, toggle_class};
use crate::coordinates::Px;
use crate::data::SharedReport;

/// What the reader's state does to a lane: its marks drawn (once it is
/// revealed), and its vessel chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LaneLook {
    drawn: bool,
    chosen: bool,
}

/// Every lane, laid out by the chart's geometry as it is now (the chart
/// draws them again when it changes).
#[component]
pub fn Lanes(
    marks: LaneMarks,
    reveal: LaneReveal,
    /// The vessel the reader has chosen.
    chosen: Memo<Option<String>>,
) -> impl IntoView {
    let group = NodeRef::new();
    let (lanes, geometry) = (marks.lanes.clone(), marks.geometry);
    let looks = {
        let lanes = lanes.clone();
        move || {
            chosen.with(|chosen| {
                (lanes.iter().enumerate())
                    .map(|(index, lane)| LaneLook {
                        drawn: reveal.is_drawn(index),
                        chosen: lane.is_chosen(chosen.as_deref()),
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let drawn = untrack(&looks);
    let mut markup = String::new();
    geometry.with_untracked(|g| {
        for (index, ((lane, at), look)) in lanes.iter().zip(&g.lanes).zip(&drawn).enumerate() {
            push_lane(&mut markup, lane, index, *at, g, *look, &marks);
        }
    });
    follow_marks(group, drawn, looks, move |index, lane, was, is| {
        toggle_class(lane, "is-selected", was.chosen, is.chosen);
        if is.drawn && !was.drawn {
            let mut out = String::new();
            marks.push(&mut out, index);
            let _ = lane.insert_adjacent_html("beforeend", &out);
        }
    });
    view! { <g class="timeline__lanes" node_ref=group inner_html=markup /> }
}

/// One lane: its band, the rule under it, and its marks if it is drawn.
fn push_lane(
    out: &mut String,
    lane: &Lane,
    index: usize,
    at: LaneBox,
    g: &Geometry,
    look: LaneLook,
    marks: &LaneMarks,
) {
    let _ = write!(out, "<g class=\"timeline__lane {}", lane.series);
    push_classes(out, &[(look.chosen, "is-selected")]);
    out.push_str("\" role=\"group\" aria-label=\"");
    push_escaped(out, &lane.name);
    let _ = write!(
        out,
        "\"><rect class=\"timeline__lane-band\" data-lane=\"{index}\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        Px(at.top),
        Px(g.width),
        Px(at.bottom - at.top)
    );
    let _ = write!(
        out,
        "<line class=\"timeline__lane-rule\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>",
        Px(g.plot.0),
        Px(g.width),
        Px(at.bottom),
        Px(at.bottom)
    );
    if look.drawn {
        marks.push(out, index);
    }
    out.push_str("</g>");
}

/// What the lanes' marks are drawn from: the chart's lanes and layout, and
/// the reader's dates, open card and tab stop.
#[derive(Clone)]
pub struct LaneMarks {
    pub report: SharedReport,
    pub lanes: Arc<Vec<Lane>>,
    pub geometry: Memo<Geometry>,
    pub shown: Memo<Shown>,
    pub focus: Focus,
    pub tab_stop: Memo<Option<String>>,
}

impl LaneMarks {
    /// Lane `index`'s marks, as the reader's dates, the open card and the
    /// tab stop leave them now.
    fn push(&self, out: &mut String, index: usize) {
        let Some(lane) = self.lanes.get(index) else {
            return;
        };
        let open = self.focus.open.get_untracked();
        let stop = self.tab_stop.get_untracked();
        let is = |key: &Option<String>, item: &str| key.as_deref() == Some(item);
        self.geometry.with_untracked(|g| {
            self.shown.with_untracked(|shown| {
                let (Some(placed), Some(flags)) = (g.placed.get(index), shown.get(index)) else {
                    return;
                };
                for ((item, at), shown) in lane.items.iter().zip(placed).zip(flags) {
                    let look = MarkLook {
                        hidden: !*shown,
                        open: is(&open, &item.key),
                        tab_stop: is(&stop, &item.key),
                    };
                    push_mark(out, &self.report, item, *at, look);
                }
            })
        });
    }
}
