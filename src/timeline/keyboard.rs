//! Moving between marks with the keyboard. The chart is one tab stop; inside
//! it Left and Right go back and forth in time along a lane, Up and Down go to
//! the nearest mark in the lane above or below, Home and End to a lane's ends.

use super::geometry::Placed;
use super::lanes::{Lane, Shown};

/// A move the arrow keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Earlier,
    Later,
    LaneUp,
    LaneDown,
    FirstInLane,
    LastInLane,
}

impl Step {
    /// The step for a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "ArrowLeft" => Some(Self::Earlier),
            "ArrowRight" => Some(Self::Later),
            "ArrowUp" => Some(Self::LaneUp),
            "ArrowDown" => Some(Self::LaneDown),
            "Home" => Some(Self::FirstInLane),
            "End" => Some(Self::LastInLane),
            _ => None,
        }
    }
}

/// The key of the item a step from `from` leads to, among the items shown;
/// `None` at an edge.
pub fn step(
    lanes: &[Lane],
    placed: &[Vec<Placed>],
    shown: &Shown,
    from: &str,
    step: Step,
) -> Option<String> {
    // Each lane's items shown, left to right.
    let rows: Vec<Vec<(f64, &str)>> = lanes
        .iter()
        .zip(placed)
        .zip(shown)
        .map(|((lane, places), flags)| {
            let mut row: Vec<(f64, &str)> = lane
                .items
                .iter()
                .zip(places)
                .zip(flags)
                .filter(|(_, shown)| **shown)
                .map(|((item, at), _)| (at.centre(), item.key.as_str()))
                .collect();
            crate::order::sort_by(&mut row, |a, b| a.0.total_cmp(&b.0));
            row
        })
        .collect();
    let (lane, index) = rows
        .iter()
        .enumerate()
        .find_map(|(l, row)| row.iter().position(|(_, key)| *key == from).map(|i| (l, i)))?;
    let row = &rows[lane];
    let x = row[index].0;
    let nearest_in = |row: &Vec<(f64, &str)>| {
        row.iter()
            .min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()))
            .map(|(_, key)| key.to_string())
    };
    match step {
        Step::Earlier => index
            .checked_sub(1)
            .and_then(|i| row.get(i))
            .map(|(_, k)| k.to_string()),
        Step::Later => row.get(index + 1).map(|(_, k)| k.to_string()),
        Step::FirstInLane => row.first().map(|(_, k)| k.to_string()),
        Step::LastInLane => row.last().map(|(_, k)| k.to_string()),
        Step::LaneUp => rows[..lane]
            .iter()
            .rev()
            .find(|r| !r.is_empty())
            .and_then(nearest_in),
        Step::LaneDown => rows[lane + 1..]
            .iter()
            .find(|r| !r.is_empty())
            .and_then(nearest_in),
    }
}
