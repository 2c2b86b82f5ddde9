//! Place names that never cover each other.
//!
//! Greedy, like most news maps: the busiest places choose first, each taking
//! the first free spot of eight around its symbol (right, left, above, below,
//! then the corners). A name with no free spot nearby moves further out with
//! a thin leader line back to its symbol; a name that still does not fit is
//! left off (the place keeps its symbol, its accessible name and its details).

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
        Rect { left: x - half, top: y - half, right: x + half, bottom: y + half }
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
    }

    fn within(&self, bounds: &Rect) -> bool {
        self.left >= bounds.left && self.right <= bounds.right && self.top >= bounds.top && self.bottom <= bounds.bottom
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
    let mut taken: Vec<Rect> = obstacles.to_vec();
    wanted
        .iter()
        .map(|w| {
            let size = (text_width(w.text), FONT_SIZE * 1.25);
            let near = w.radius + 3.0;
            let edge = Some(w.radius + 2.0);
            let tries = candidates(w.at, size, near, None)
                .chain(candidates(w.at, size, near + 16.0, edge))
                .chain(candidates(w.at, size, near + 32.0, edge));
            let label = tries
                .filter(|l| l.rect.within(&bounds))
                .find(|l| !taken.iter().any(|t| t.overlaps(&l.rect)))?;
            taken.push(label.rect);
            Some(label)
        })
        .collect()
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
        let rect = Rect { left, top: ly - h / 2.0, right: left + w, bottom: ly + h / 2.0 };
        let leader = leader_from.map(|from| {
            // From the symbol's edge to the nearest point of the label's box.
            let target = (x.clamp(rect.left, rect.right), y.clamp(rect.top, rect.bottom));
            let (tx, ty) = (target.0 - x, target.1 - y);
            let length = tx.hypot(ty).max(1.0);
            ((x + tx / length * from, y + ty / length * from), target)
        });
        Label { x: lx, y: ly, anchor, rect, leader }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const BOUNDS: Rect = Rect { left: 0.0, top: 0.0, right: 400.0, bottom: 300.0 };

    fn wanted(text: &str, at: (f64, f64)) -> Wanted<'_> {
        Wanted { text, at, radius: 5.0 }
    }

    #[test]
    fn a_lone_name_goes_to_the_right() {
        let labels = place_labels(&[wanted("Helsinki", (100.0, 100.0))], &[], BOUNDS);
        let label = labels[0].as_ref().unwrap();
        assert_eq!(label.anchor, Anchor::Start);
        assert!(label.x > 100.0 && label.leader.is_none());
    }

    #[test]
    fn crowded_names_never_overlap() {
        let names = ["Tumangang", "Khasan", "Friendship Bridge", "Rajin", "Sonbong", "Unggi"];
        let wanted: Vec<Wanted> =
            names.iter().enumerate().map(|(i, n)| wanted(n, (200.0 + i as f64 * 3.0, 150.0 + i as f64 * 2.0))).collect();
        let symbols: Vec<Rect> = wanted.iter().map(|w| Rect::around(w.at, 6.0)).collect();
        let labels = place_labels(&wanted, &symbols, BOUNDS);
        let placed: Vec<&Label> = labels.iter().flatten().collect();
        assert!(placed.len() >= 4, "most names find room: {}", placed.len());
        assert!(placed.iter().any(|l| l.leader.is_some()), "some need a leader line");
        for (i, a) in placed.iter().enumerate() {
            assert!(a.rect.within(&BOUNDS));
            assert!(!symbols.iter().any(|s| s.overlaps(&a.rect)), "a name covers a symbol");
            for b in placed.iter().skip(i + 1) {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_name_at_the_edge_turns_inwards() {
        let labels = place_labels(&[wanted("Vostochny Port", (395.0, 150.0))], &[], BOUNDS);
        assert_eq!(labels[0].as_ref().map(|l| l.anchor), Some(Anchor::End));
    }
}
