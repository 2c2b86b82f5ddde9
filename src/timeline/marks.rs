//! How a trip or an event looks. A trip is a bar; an event is a small shape
//! that says its kind; an event over a period is a thin bar. The vessel's colour
//! comes from the lane (`--series`); how sure an item is shows in its outline
//! (CSS classes `is-confirmed`, `is-reported`, ...), never in colour alone:
//! solid when confirmed, dashed when reported or inferred, hollow and dotted
//! with a small ✕ when disputed.
//!
//! Marks are written as markup ([`crate::components::markup`]): a lane of
//! a large report has dozens, and the timeline hundreds of lanes.

use std::fmt::Write;

use sealift_format::{Certainty, EventKind};

use super::geometry::{BAR, MARK, Placed, TAIL};
use super::lanes::{Form, Item};
use crate::components::markup::{push_classes, push_escaped};
use crate::components::tab_index;
use crate::coordinates::{Decimals, Px, outline_at};
use crate::data::SharedReport;
use crate::math;

/// The outline of an event kind's mark, drawn from its centre in relative
/// steps (placed, not transformed: see [`crate::coordinates`]): a port call
/// is a circle, loading a triangle up, unloading a triangle down, at anchor
/// a square, a shipyard a diamond, rail a hexagon, a sighting a star, other
/// a plus.
pub fn kind_path(kind: EventKind) -> String {
    let r = MARK;
    match kind {
        EventKind::PortCall => format!(
            "m{},0a{r},{r} 0 1,0 {},0a{r},{r} 0 1,0 {},0Z",
            Px(-r),
            Px(2.0 * r),
            Px(-2.0 * r),
            r = Px(r)
        ),
        EventKind::Loading => {
            polygon(&[(0.0, -1.1 * r), (1.1 * r, 0.85 * r), (-1.1 * r, 0.85 * r)])
        }
        EventKind::Unloading => {
            polygon(&[(0.0, 1.1 * r), (1.1 * r, -0.85 * r), (-1.1 * r, -0.85 * r)])
        }
        EventKind::Anchored => polygon(&rectangle(0.85 * r, 0.85 * r)),
        EventKind::Shipyard => polygon(&[
            (0.0, -1.25 * r),
            (1.25 * r, 0.0),
            (0.0, 1.25 * r),
            (-1.25 * r, 0.0),
        ]),
        EventKind::Rail => polygon(&hexagon(1.15 * r)),
        EventKind::Sighting => polygon(&star(4, 1.4 * r, 0.5 * r)),
        EventKind::Other => polygon(&plus(1.05 * r, 0.4 * r)),
    }
}

/// A closed outline through `points`, each step relative to the last (the
/// first to the centre). Rounded to hundredths first, so that the steps add
/// up to the corners exactly.
fn polygon(points: &[(f64, f64)]) -> String {
    let hundredths = |v: f64| (v * 100.0).round() / 100.0;
    let mut d = String::new();
    let mut from = (0.0, 0.0);
    for (i, &(x, y)) in points.iter().enumerate() {
        let to = (hundredths(x), hundredths(y));
        d.push_str(&format!(
            "{}{},{}",
            if i == 0 { 'm' } else { 'l' },
            Decimals(to.0 - from.0, 2),
            Decimals(to.1 - from.1, 2)
        ));
        from = to;
    }
    d.push('Z');
    d
}

fn rectangle(half_width: f64, half_height: f64) -> [(f64, f64); 4] {
    let (w, h) = (half_width, half_height);
    [(-w, -h), (w, -h), (w, h), (-w, h)]
}

fn hexagon(radius: f64) -> Vec<(f64, f64)> {
    (0..6)
        .map(|i| {
            let angle = std::f64::consts::PI * i as f64 / 3.0;
            (radius * math::cos(angle), radius * math::sin(angle))
        })
        .collect()
}

fn star(points: usize, outer: f64, inner: f64) -> Vec<(f64, f64)> {
    (0..points * 2)
        .map(|i| {
            let radius = if i % 2 == 0 { outer } else { inner };
            let angle =
                std::f64::consts::PI * i as f64 / points as f64 - std::f64::consts::FRAC_PI_2;
            (radius * math::cos(angle), radius * math::sin(angle))
        })
        .collect()
}

fn plus(arm: f64, half: f64) -> Vec<(f64, f64)> {
    let (a, h) = (arm, half);
    vec![
        (-h, -a),
        (h, -a),
        (h, -h),
        (a, -h),
        (a, h),
        (h, h),
        (h, a),
        (-h, a),
        (-h, h),
        (-a, h),
        (-a, -h),
        (-h, -h),
    ]
}

/// The CSS class for how sure an item is.
pub fn certainty_class(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::Confirmed => "is-confirmed",
        Certainty::Reported => "is-reported",
        Certainty::Inferred => "is-inferred",
        Certainty::Disputed => "is-disputed",
    }
}

/// What the reader's state does to a mark when it is drawn (the chart's
/// watchers keep it up to date from then on): hidden by the reader's
/// dates, its card open, or the one Tab reaches.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkLook {
    pub hidden: bool,
    pub open: bool,
    pub tab_stop: bool,
}

/// A trip or an event, as markup: focusable, with a generous invisible
/// target around it (outlined when open or focused), and its shapes.
pub fn push_mark(out: &mut String, report: &SharedReport, item: &Item, at: Placed, look: MarkLook) {
    let reach = if item.is_trip() { 3.0 } else { MARK + 3.0 };
    let x0 = at.x0 - if item.open_before { TAIL } else { reach };
    let x1 = at.x1 + if item.open_after { TAIL } else { reach };
    let _ = write!(
        out,
        "<g class=\"timeline__mark {}",
        certainty_class(item.certainty)
    );
    push_classes(out, &[(look.open, "is-open"), (look.hidden, "is-hidden")]);
    out.push_str("\" data-mark=\"");
    push_escaped(out, &item.key);
    out.push_str("\" role=\"button\" aria-label=\"");
    push_escaped(out, &item.label(report));
    let _ = write!(
        out,
        "\" tabindex=\"{}\"><rect class=\"timeline__hit\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" rx=\"4\"/>",
        tab_index(look.tab_stop),
        Px(x0),
        Px(at.y - 8.0),
        Px((x1 - x0).max(4.0))
    );
    push_item_shapes(out, item, at);
    out.push_str("</g>");
}

/// An item's shapes, at its place.
fn push_item_shapes(out: &mut String, item: &Item, at: Placed) {
    let Placed { x0, x1, y } = at;
    let disputed = item.certainty == Certainty::Disputed;
    match item.form {
        Form::Trip => {
            push_bar(out, x0, y, x1 - x0);
            push_open_ends(out, item, at, BAR);
            if disputed {
                push_cross(out, at.centre(), y);
            }
        }
        Form::Period(kind) => {
            let _ = write!(
                out,
                "<rect class=\"timeline__period\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"3\"/>",
                Px(x0),
                Px(y - 1.5),
                Px(x1 - x0)
            );
            push_open_ends(out, item, at, 3.0);
            // The mark goes at the end that is known.
            let mark_x = if item.open_before { x1 } else { x0 };
            push_kind_mark(out, kind, mark_x, y, disputed);
        }
        Form::Day(kind) => push_kind_mark(out, kind, at.centre(), y, disputed),
        Form::Imprecise(kind) => {
            let _ = write!(
                out,
                "<path class=\"timeline__whisker\" d=\"M{},{}v6M{},{}H{}M{},{}v6\"/>",
                Px(x0),
                Px(y - 3.0),
                Px(x0),
                Px(y),
                Px(x1),
                Px(x1),
                Px(y - 3.0)
            );
            push_kind_mark(out, kind, at.centre(), y, disputed);
        }
    }
}

/// A trip's bar, `width` long from `x`, centred on `y`.
pub fn push_bar(out: &mut String, x: f64, y: f64, width: f64) {
    let _ = write!(
        out,
        "<rect class=\"timeline__bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>",
        Px(x),
        Px(y - BAR / 2.0),
        Px(width),
        Px(BAR)
    );
}

/// The fading ends of an item whose start or end is unknown.
fn push_open_ends(out: &mut String, item: &Item, at: Placed, height: f64) {
    if item.open_before {
        push_fading_end(out, at.x0, at.y, height, -1.0);
    }
    if item.open_after {
        push_fading_end(out, at.x1, at.y, height, 1.0);
    }
}

/// An event kind's shape at `x, y`; a disputed one gets a ✕ beside it.
pub fn push_kind_mark(out: &mut String, kind: EventKind, x: f64, y: f64, disputed: bool) {
    let _ = write!(
        out,
        "<path class=\"timeline__shape\" d=\"{}\"/>",
        outline_at((x, y), &kind_path(kind))
    );
    if disputed {
        push_cross(out, x + MARK + 4.5, y);
    }
}

/// The small ✕ that marks a disputed item.
pub fn push_cross(out: &mut String, x: f64, y: f64) {
    let _ = write!(
        out,
        "<path class=\"timeline__cross\" d=\"M{},{}l5,5m0,-5l-5,5\"/>",
        Px(x - 2.5),
        Px(y - 2.5)
    );
}

/// An unknown end: the bar fades out in steps towards the unknown side and
/// ends in a small chevron. `direction` is -1 (earlier) or 1 (later).
pub fn push_fading_end(out: &mut String, edge: f64, y: f64, height: f64, direction: f64) {
    const STEPS: [&str; 4] = ["0.55", "0.35", "0.2", "0.1"];
    let step = (TAIL - 6.0) / STEPS.len() as f64;
    out.push_str("<g class=\"timeline__open-end\" aria-hidden=\"true\">");
    for (i, opacity) in STEPS.iter().enumerate() {
        let near = edge + direction * step * i as f64;
        let far = near + direction * (step - 1.0);
        let _ = write!(
            out,
            "<rect class=\"timeline__fade\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" opacity=\"{opacity}\"/>",
            Px(near.min(far)),
            Px(y - height / 2.0),
            Px((far - near).abs()),
            Px(height)
        );
    }
    let tip = edge + direction * TAIL;
    let back = tip - direction * 3.5;
    let _ = write!(
        out,
        "<path class=\"timeline__chevron\" d=\"M{},{}L{},{}L{},{}\"/></g>",
        Px(back),
        Px(y - 3.5),
        Px(tip),
        Px(y),
        Px(back),
        Px(y + 3.5)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// The corners a relative outline reaches from the centre.
    fn corners(d: &str) -> Vec<(f64, f64)> {
        let mut at = (0.0, 0.0);
        d.trim_end_matches('Z')
            .split(['m', 'l'])
            .filter(|step| !step.is_empty())
            .map(|step| {
                let (dx, dy) = step.split_once(',').unwrap();
                at = (
                    at.0 + dx.parse::<f64>().unwrap(),
                    at.1 + dy.parse::<f64>().unwrap(),
                );
                at
            })
            .collect()
    }

    #[test]
    fn a_relative_outline_reaches_every_corner() {
        let d = polygon(&star(4, 1.4 * MARK, 0.5 * MARK));
        assert!(d.starts_with('m') && d.ends_with('Z'), "{d}");
        let expected = star(4, 1.4 * MARK, 0.5 * MARK);
        let reached = corners(&d);
        assert_eq!(reached.len(), expected.len());
        for (got, want) in reached.iter().zip(&expected) {
            // Steps of rounded corners add up to the rounded corner.
            assert!(
                (got.0 - want.0).abs() < 0.006 && (got.1 - want.1).abs() < 0.006,
                "{got:?} {want:?}"
            );
        }
    }
}
