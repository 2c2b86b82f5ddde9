//! Place names that never cover each other.
//!
//! Greedy, like most news maps: the busiest places choose first, each taking
//! the first free spot of eight around its symbol (right, left, above, below,
//! then the corners) that is nearer its own symbol than any other, so that
//! no name seems to belong to its neighbour. A name with no such spot moves
//! further out with a thin leader line back to its symbol (a line that
//! passes no other symbol); a name that still does not fit is left off (the
//! place keeps its symbol, its accessible name and its details).

use super::occupied::{Points, Taken};
use crate::math;

/// An axis-aligned box in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    /// The box of `half` pixels around a point.
    pub fn around((x, y): (f64, f64), half: f64) -> Self {
        Rect {
            left: x - half,
            top: y - half,
            right: x + half,
            bottom: y + half,
        }
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn within(&self, bounds: &Rect) -> bool {
        self.left >= bounds.left
            && self.right <= bounds.right
            && self.top >= bounds.top
            && self.bottom <= bounds.bottom
    }
}

/// How a label's text hangs from its position (SVG `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn as_str(&self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A placed name: where its text goes, the box it covers, and a leader line
/// from the symbol's edge when it sits away from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text's anchor point, vertically centred.
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub rect: Rect,
    pub leader: Option<((f64, f64), (f64, f64))>,
}

/// One name to place.
pub struct Wanted<'a> {
    pub text: &'a str,
    /// The symbol's centre and radius.
    pub at: (f64, f64),
    pub radius: f64,
}

/// The labels' font size in pixels (the map's viewBox is in CSS pixels).
pub const FONT_SIZE: f64 = 13.0;

/// Places each name in `wanted` (already in order of importance), avoiding
/// `obstacles` and each other and staying inside `bounds`.
pub fn place_labels(wanted: &[Wanted], obstacles: &[Rect], bounds: Rect) -> Vec<Option<Label>> {
    let mut taken = Taken::over(&bounds);
    taken.extend(obstacles.iter().copied());
    let at: Vec<(f64, f64)> = wanted.iter().map(|w| w.at).collect();
    let symbols = Points::over(&bounds, &at);
    wanted
        .iter()
        .enumerate()
        .map(|(i, w)| {
            // Squared distances throughout: the same order, no square roots
            // (but for how far to look for other symbols).
            let clear = (w.radius + 4.0).powi(2);
            let unambiguous = |label: &Label| match label.leader {
                None => {
                    let own = distance_squared(&label.rect, w.at);
                    !symbols.any_near(&label.rect, own.sqrt(), &mut |j, p| {
                        j != i && distance_squared(&label.rect, p) <= own
                    })
                }
                Some((a, b)) => {
                    let line = Rect {
                        left: a.0.min(b.0),
                        top: a.1.min(b.1),
                        right: a.0.max(b.0),
                        bottom: a.1.max(b.1),
                    };
                    !symbols.any_near(&line, clear.sqrt(), &mut |j, p| {
                        j != i && off_segment_squared(p, a, b) <= clear
                    })
                }
            };
            let size = (text_width(w.text), FONT_SIZE * 1.25);
            let near = w.radius + 3.0;
            let edge = Some(w.radius + 2.0);
            let tries = candidates(w.at, size, near, None)
                .chain(candidates(w.at, size, near + 16.0, edge))
                .chain(candidates(w.at, size, near + 32.0, edge));
            let label = tries
                .map(|l| slid_inside(l, &bounds))
                .filter(|l| l.rect.within(&bounds))
                .filter(|l| !taken.covers(&l.rect, None))
                .find(unambiguous)?;
            taken.add(label.rect);
            Some(label)
        })
        .collect()
}

/// A name centred above or below its place slides sideways, up to half its
/// width, to stay inside the map near its left or right edge.
fn slid_inside(mut label: Label, bounds: &Rect) -> Label {
    if label.anchor != Anchor::Middle {
        return label;
    }
    let half = (label.rect.right - label.rect.left) / 2.0;
    let slide =
        (bounds.left - label.rect.left).max(0.0) - (label.rect.right - bounds.right).max(0.0);
    let slide = math::clamp(slide, -half, half);
    label.x += slide;
    label.rect.left += slide;
    label.rect.right += slide;
    // The place stays under (or over) the name, so a leader line still ends where it did.
    label
}

/// How far a point is from a box (zero inside it), squared.
fn distance_squared(rect: &Rect, (x, y): (f64, f64)) -> f64 {
    let dx = (rect.left - x).max(x - rect.right).max(0.0);
    let dy = (rect.top - y).max(y - rect.bottom).max(0.0);
    dx * dx + dy * dy
}

/// How far a point is from the segment a–b, squared.
fn off_segment_squared((x, y): (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length > 0.0 {
        math::clamp(((x - a.0) * dx + (y - a.1) * dy) / length, 0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (x - a.0 - t * dx, y - a.1 - t * dy);
    ex * ex + ey * ey
}

/// A generous estimate of a name's width at [`FONT_SIZE`] in a sans-serif
/// face: too wide wastes a little room, too narrow would let names touch.
pub fn text_width(text: &str) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' => 0.3,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '-' | 'I' => 0.4,
            'm' | 'w' | 'M' | 'W' | '—' | '–' => 0.9,
            c if c.is_ascii_uppercase() => 0.7,
            c if c.is_ascii() => 0.58,
            // Other scripts (Cyrillic, Hangul, CJK) run wider.
            _ => 1.0,
        })
        .sum();
    ems * FONT_SIZE * 1.05 + 2.0
}

/// The eight positions around a point at distance `gap`, best first; with a
/// leader line starting `leader_from` pixels out from the point when given.
fn candidates(
    (x, y): (f64, f64),
    (w, h): (f64, f64),
    gap: f64,
    leader_from: Option<f64>,
) -> impl Iterator<Item = Label> {
    let diagonal = gap * std::f64::consts::FRAC_1_SQRT_2;
    let spots = [
        (gap, 0.0, Anchor::Start),
        (-gap, 0.0, Anchor::End),
        (0.0, -gap - h / 2.0, Anchor::Middle),
        (0.0, gap + h / 2.0, Anchor::Middle),
        (diagonal, -diagonal - h / 2.0 + 2.0, Anchor::Start),
        (diagonal, diagonal + h / 2.0 - 2.0, Anchor::Start),
        (-diagonal, -diagonal - h / 2.0 + 2.0, Anchor::End),
        (-diagonal, diagonal + h / 2.0 - 2.0, Anchor::End),
    ];
    spots.into_iter().map(move |(dx, dy, anchor)| {
        let (lx, ly) = (x + dx, y + dy);
        let left = match anchor {
            Anchor::Start => lx,
            Anchor::Middle => lx - w / 2.0,
            Anchor::End => lx - w,
        };
        let rect = Rect {
            left,
            top: ly - h / 2.0,
            right: left + w,
            bottom: ly + h / 2.0,
        };
        let leader = leader_from.map(|from| {
            // From the symbol's edge to the nearest point of the label's box.
            let target = (
                math::clamp(x, rect.left, rect.right),
                math::clamp(y, rect.top, rect.bottom),
            );
            let (tx, ty) = (target.0 - x, target.1 - y);
            let length = math::hypot(tx, ty).max(1.0);
            ((x + tx / length * from, y + ty / length * from), target)
        });
        Label {
            x: lx,
            y: ly,
            anchor,
            rect,
            leader,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const BOUNDS: Rect = Rect {
        left: 0.0,
        top: 0.0,
        right: 400.0,
        bottom: 300.0,
    };

    fn wanted(text: &str, at: (f64, f64)) -> Wanted<'_> {
        Wanted {
            text,
            at,
            radius: 5.0,
        }
    }

    #[test]
    fn a_lone_name_goes_to_the_right() {
        let labels = place_labels(&[wanted("Helsinki", (100.0, 100.0))], &[], BOUNDS);
        let label = labels[0].as_ref().unwrap();
        assert_eq!(label.anchor, Anchor::Start);
        assert!(label.x > 100.0 && label.leader.is_none());
    }

    #[test]
    fn crowded_names_never_overlap_nor_stray() {
        let names = [
            "Tumangang",
            "Khasan",
            "Friendship Bridge",
            "Rajin",
            "Sonbong",
            "Unggi",
        ];
        let wanted: Vec<Wanted> = names
            .iter()
            .enumerate()
            .map(|(i, n)| wanted(n, (200.0 + i as f64 * 9.0, 150.0 + i as f64 * 6.0)))
            .collect();
        let symbols: Vec<Rect> = wanted.iter().map(|w| Rect::around(w.at, 6.0)).collect();
        let labels = place_labels(&wanted, &symbols, BOUNDS);
        let placed: Vec<(usize, &Label)> = labels
            .iter()
            .enumerate()
            .filter_map(|(i, l)| Some((i, l.as_ref()?)))
            .collect();
        assert!(placed.len() >= 4, "most names find room: {}", placed.len());
        assert!(
            placed.iter().any(|(_, l)| l.leader.is_some()),
            "some need a leader line"
        );
        for (n, (i, a)) in placed.iter().enumerate() {
            assert!(a.rect.within(&BOUNDS));
            assert!(
                !symbols.iter().any(|s| s.overlaps(&a.rect)),
                "a name covers a symbol"
            );
            if a.leader.is_none() {
                let own = distance_squared(&a.rect, wanted[*i].at);
                assert!(
                    wanted
                        .iter()
                        .all(|w| distance_squared(&a.rect, w.at) >= own),
                    "{} sits nearer another place",
                    names[*i]
                );
            }
            for (_, b) in placed.iter().skip(n + 1) {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_name_above_a_place_at_the_edge_slides_inside() {
        let left = Wanted {
            text: "Istanbul",
            at: (10.0, 100.0),
            radius: 5.0,
        };
        let right = Wanted {
            text: "Tuzla",
            at: (24.0, 110.0),
            radius: 5.0,
        };
        let symbols = [Rect::around(left.at, 6.0), Rect::around(right.at, 6.0)];
        let labels = place_labels(&[right, left], &symbols, BOUNDS);
        let istanbul = labels[1].as_ref().expect("room above");
        assert_eq!(istanbul.anchor, Anchor::Middle);
        assert!(
            istanbul.rect.left >= 0.0 && istanbul.rect.left <= 10.0,
            "{istanbul:?}"
        );
    }

    #[test]
    fn a_name_at_the_edge_turns_inwards() {
        let labels = place_labels(&[wanted("Vostochny Port", (395.0, 150.0))], &[], BOUNDS);
        assert_eq!(labels[0].as_ref().map(|l| l.anchor), Some(Anchor::End));
    }
}
