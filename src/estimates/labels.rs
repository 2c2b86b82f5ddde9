//! Direct labels beside marks, placed so that none covers a mark or another
//! label. A label that finds no free place is left out: the details card and
//! the mark's own name still carry what it says.

use super::geometry::text_width;

/// A box on a panel, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Area {
    fn overlaps(&self, other: &Area) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    fn within(&self, bounds: &Area) -> bool {
        self.x0 >= bounds.x0 && self.x1 <= bounds.x1 && self.y0 >= bounds.y0 && self.y1 <= bounds.y1
    }
}

/// Which side of its mark a label prefers to sit on first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Above,
    Below,
}

/// A label to place beside a mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    pub text: String,
    pub font_size: f64,
    /// The mark the label belongs to.
    pub mark: Area,
    pub prefer: Side,
    /// The label's CSS class: a value, or a "from …" annotation.
    pub class: &'static str,
}

/// A placed label: its baseline point and SVG `text-anchor`.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub anchor: &'static str,
    pub class: &'static str,
}

/// Places labels in the order given (most important first), each in the first
/// free spot around its mark, inside `bounds`, clear of `obstacles` and of the
/// labels placed before it.
pub fn place(wanted: Vec<Wanted>, mut obstacles: Vec<Area>, bounds: Area) -> Vec<Placed> {
    let mut placed = Vec::with_capacity(wanted.len());
    for label in wanted {
        let spot = candidates(&label)
            .into_iter()
            .find(|(area, ..)| area.within(&bounds) && !obstacles.iter().any(|o| o.overlaps(area)));
        if let Some((area, x, y, anchor)) = spot {
            obstacles.push(area);
            placed.push(Placed {
                text: label.text,
                x,
                y,
                anchor,
                class: label.class,
            });
        }
    }
    placed
}

/// The spots a label may take around its mark, in order of preference: its
/// box, its baseline point and its anchor.
fn candidates(label: &Wanted) -> Vec<(Area, f64, f64, &'static str)> {
    let (w, h) = (text_width(&label.text, label.font_size), label.font_size);
    let m = label.mark;
    let cx = (m.x0 + m.x1) / 2.0;
    let cy = (m.y0 + m.y1) / 2.0;
    let gap = 4.0;
    // Each spot: the box's left and top, and where the text is anchored.
    let above = (cx - w / 2.0, m.y0 - gap - h, cx, "middle");
    let below = (cx - w / 2.0, m.y1 + gap, cx, "middle");
    let right = (m.x1 + gap, cy - h / 2.0, m.x1 + gap, "start");
    let left = (m.x0 - gap - w, cy - h / 2.0, m.x0 - gap, "end");
    let above_right = (m.x0, m.y0 - gap - h, m.x0, "start");
    let above_left = (m.x1 - w, m.y0 - gap - h, m.x1, "end");
    let below_right = (m.x0, m.y1 + gap, m.x0, "start");
    let below_left = (m.x1 - w, m.y1 + gap, m.x1, "end");
    let order = match label.prefer {
        Side::Above => [
            above,
            above_left,
            above_right,
            right,
            left,
            below,
            below_left,
            below_right,
        ],
        Side::Below => [
            below,
            below_left,
            below_right,
            right,
            left,
            above,
            above_left,
            above_right,
        ],
    };
    order
        .into_iter()
        .map(|(x0, y0, x, anchor)| {
            let area = Area {
                x0,
                y0,
                x1: x0 + w,
                y1: y0 + h,
            };
            // The baseline sits a little above the box's bottom, for descenders.
            (area, x, y0 + h * 0.82, anchor)
        })
        .collect()
}
