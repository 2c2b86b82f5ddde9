//! Where on the map things already are, filed by neighbourhood.
//!
//! Placing a badge or a name asks "does this box cover anything?" and "which
//! symbols are near it?" many times. Asked of every box on a map of a
//! thousand places, that was millions of comparisons (about 80 ms of a
//! 10,000-trip report's first render); filed in squares of a coarse grid,
//! each question looks only at the squares the box touches.

use std::ops::RangeInclusive;

use super::labels::Rect;

/// The side of a grid square, in pixels: about a badge's or a short name's size.
const SQUARE: f64 = 32.0;

/// Items (boxes or points) filed by the grid squares they touch. Items off the
/// grid are filed in its edge squares, so no question ever misses one.
#[derive(Debug, Clone)]
struct Grid {
    left: f64,
    top: f64,
    columns: usize,
    rows: usize,
    squares: Vec<Vec<u32>>,
}

impl Grid {
    /// An empty grid over `area`.
    fn over(area: &Rect) -> Self {
        let columns = (((area.right - area.left) / SQUARE).ceil() as usize).clamp(1, 512);
        let rows = (((area.bottom - area.top) / SQUARE).ceil() as usize).clamp(1, 512);
        Grid {
            left: area.left,
            top: area.top,
            columns,
            rows,
            squares: vec![Vec::new(); columns * rows],
        }
    }

    /// Files item `id` under every square `rect` touches.
    fn file(&mut self, id: usize, rect: &Rect) {
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        let (columns, rows) = self.squares_of(rect);
        for row in rows {
            for column in columns.clone() {
                self.squares[row * self.columns + column].push(id);
            }
        }
    }

    /// Calls `visit` with the items filed in the squares `rect` touches (a
    /// superset of those it overlaps, some more than once) until one answers
    /// true; says whether one did.
    fn any_near(&self, rect: &Rect, visit: &mut dyn FnMut(usize) -> bool) -> bool {
        let (columns, rows) = self.squares_of(rect);
        for row in rows {
            for column in columns.clone() {
                for &id in &self.squares[row * self.columns + column] {
                    if visit(id as usize) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// The columns and rows of the squares `rect` touches.
    fn squares_of(&self, rect: &Rect) -> (RangeInclusive<usize>, RangeInclusive<usize>) {
        let square = |v: f64, from: f64, count: usize| {
            (((v - from) / SQUARE).floor().max(0.0) as usize).min(count - 1)
        };
        let column = |x| square(x, self.left, self.columns);
        let row = |y| square(y, self.top, self.rows);
        (
            column(rect.left)..=column(rect.right),
            row(rect.top)..=row(rect.bottom),
        )
    }
}

/// Boxes already taken (symbols, badges, names), to ask whether a new box is free.
#[derive(Debug, Clone)]
pub struct Taken {
    grid: Grid,
    boxes: Vec<Rect>,
}

impl Taken {
    pub fn over(area: &Rect) -> Self {
        Taken {
            grid: Grid::over(area),
            boxes: Vec::new(),
        }
    }

    pub fn add(&mut self, rect: Rect) {
        self.grid.file(self.boxes.len(), &rect);
        self.boxes.push(rect);
    }

    /// Whether `rect` overlaps any box taken, leaving out the box numbered
    /// `except` (a symbol does not stand in its own badge's way).
    pub fn covers(&self, rect: &Rect, except: Option<usize>) -> bool {
        self.grid.any_near(rect, &mut |id| {
            Some(id) != except && self.boxes[id].overlaps(rect)
        })
    }
}

impl Extend<Rect> for Taken {
    fn extend<I: IntoIterator<Item = Rect>>(&mut self, rects: I) {
        for rect in rects {
            self.add(rect);
        }
    }
}

/// Points (the places' symbols), to find those within reach of a box.
#[derive(Debug, Clone)]
pub struct Points<'a> {
    grid: Grid,
    points: &'a [(f64, f64)],
}

impl<'a> Points<'a> {
    pub fn over(area: &Rect, points: &'a [(f64, f64)]) -> Self {
        let mut grid = Grid::over(area);
        for (id, &point) in points.iter().enumerate() {
            grid.file(id, &Rect::around(point, 0.0));
        }
        Points { grid, points }
    }

    /// Whether `test` holds for some point within `reach` of `rect` (it
    /// may also see a few points further away, some more than once).
    pub fn any_near(
        &self,
        rect: &Rect,
        reach: f64,
        test: &mut dyn FnMut(usize, (f64, f64)) -> bool,
    ) -> bool {
        let wider = Rect {
            left: rect.left - reach,
            top: rect.top - reach,
            right: rect.right + reach,
            bottom: rect.bottom + reach,
        };
        self.grid
            .any_near(&wider, &mut |id| test(id, self.points[id]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: Rect = Rect {
        left: 0.0,
        top: 0.0,
        right: 400.0,
        bottom: 300.0,
    };

    #[test]
    fn a_box_covers_what_it_overlaps_and_nothing_else() {
        let mut taken = Taken::over(&AREA);
        taken.add(Rect::around((100.0, 100.0), 10.0));
        taken.add(Rect::around((300.0, 200.0), 10.0));
        assert!(taken.covers(&Rect::around((115.0, 100.0), 6.0), None));
        assert!(!taken.covers(&Rect::around((130.0, 100.0), 6.0), None));
        assert!(!taken.covers(&Rect::around((100.0, 100.0), 2.0), Some(0)));
    }

    #[test]
    fn boxes_off_the_grid_are_still_found() {
        let mut taken = Taken::over(&AREA);
        taken.add(Rect::around((-50.0, 500.0), 10.0));
        assert!(taken.covers(&Rect::around((-45.0, 505.0), 10.0), None));
        assert!(!taken.covers(&Rect::around((5.0, 295.0), 2.0), None));
    }

    #[test]
    fn points_near_a_box_include_every_one_within_reach() {
        let points = [(10.0, 10.0), (200.0, 150.0), (260.0, 150.0), (390.0, 290.0)];
        let grid = Points::over(&AREA, &points);
        let mut near = Vec::new();
        grid.any_near(&Rect::around((200.0, 150.0), 5.0), 60.0, &mut |id, _| {
            near.push(id);
            false
        });
        assert!(near.contains(&1) && near.contains(&2));
        assert!(!near.contains(&0) && !near.contains(&3));
    }
}
