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

/// A placed label: the middle of its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub text: String,
    pub x: f64,
    pub y: f64,
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
        if let Some((area, x, y)) = spot {
            obstacles.push(area);
            placed.push(Placed {
                text: label.text,
                x,
                y,
                class: label.class,
            });
        }
    }
    placed
}

/// The spots a label may take around its mark, in order of preference: its
/// box, and the middle of its baseline (text is centred, so any error in its
/// estimated width is shared between both ends).
fn candidates(label: &Wanted) -> Vec<(Area, f64, f64)> {
    let (w, h) = (text_width(&label.text, label.font_size), label.font_size);
    let m = label.mark;
    let (cx, cy) = ((m.x0 + m.x1) / 2.0, (m.y0 + m.y1) / 2.0);
    let gap = 4.0;
    // Above or below the mark, the text slid from centred towards either end.
    let slides = [0.5, 0.3, 0.7, 0.1, 0.9];
    let row = |top: f64| slides.map(|slide| (cx - w * slide, top));
    let above = row(m.y0 - gap - h);
    let below = row(m.y1 + gap);
    let beside = [(m.x1 + gap, cy - h / 2.0), (m.x0 - gap - w, cy - h / 2.0)];
    let spots: Vec<(f64, f64)> = match label.prefer {
        // A value may also stand a line higher, clear of its neighbours.
        Side::Above => above
            .into_iter()
            .chain(beside)
            .chain(below)
            .chain(row(m.y0 - gap - 2.0 * h - 2.0))
            .collect(),
        // A note above its mark could read as the next one's: keep it below or beside.
        Side::Below => below.into_iter().chain(beside).collect(),
    };
    spots
        .into_iter()
        .map(|(x0, y0)| {
            let area = Area {
                x0,
                y0,
                x1: x0 + w,
                y1: y0 + h,
            };
            // The baseline sits a little above the box's bottom, for descenders.
            (area, x0 + w / 2.0, y0 + h * 0.82)
        })
        .collect()
}
