//! Which colour a vessel or an actor gets: the same in every view. Colours come
//! from the theme (`--series-1` … `--series-8`, light and dark); a mark takes
//! its colour through the class `series-N`, never from Rust.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Weak};

use sealift_format::Report;

use crate::data::SharedReport;

/// How many distinct series colours the theme has.
pub const SERIES: usize = 8;

/// The CSS class giving a vessel its colour, by its order in the report.
pub fn vessel_series(report: &SharedReport, vessel_id: &str) -> String {
    series_class(report.vessel_position(vessel_id))
}

/// The CSS class giving an actor its colour: by its order in the report, as
/// a vessel's, unless an actor before it whose estimates share a panel of
/// the estimates chart (a unit) already has that colour; it then takes the
/// next colour free in its panels, so that a panel's key tells its marks
/// apart. (Seven colours for nineteen actors: the bundled report's shells
/// had two olive actors, and its missiles two green.)
pub fn actor_series(report: &SharedReport, actor_id: &str) -> String {
    let colour = report
        .actor_position(actor_id)
        .and_then(|position| actor_colours(report).get(position).copied());
    series_class(colour)
}

/// A report's actor colours, worked out once for all its marks.
struct ActorColours {
    /// The report (a `Weak` keeps its allocation, so that no other report
    /// can take its address).
    of: Weak<Report>,
    /// Each actor's colour (`0..SERIES - 1`), by its position in the report.
    colours: Rc<[usize]>,
}

thread_local! {
    static ACTOR_COLOURS: RefCell<Option<ActorColours>> = const { RefCell::new(None) };
}

/// Each actor's colour (`0..SERIES - 1`), by its position in the report.
fn actor_colours(report: &SharedReport) -> Rc<[usize]> {
    ACTOR_COLOURS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(known) = cache.as_ref()
            && std::ptr::eq(known.of.as_ptr(), Arc::as_ptr(report))
        {
            return known.colours.clone();
        }
        let colours: Rc<[usize]> = colour_actors(report).into();
        *cache = Some(ActorColours {
            of: Arc::downgrade(report),
            colours: colours.clone(),
        });
        colours
    })
}

/// Colours for the actors in report order: each its own order's colour,
/// or the next one that none of the actors before it in its panels has.
fn colour_actors(report: &Report) -> Vec<usize> {
    let colours = SERIES - 1;
    // The actors of each unit's panel, grouped by the rule the chart's
    // panels use (`text::unit_key`, in `estimates::panels`).
    let mut panels: Vec<(String, Vec<usize>)> = Vec::new();
    for estimate in &report.estimates {
        let Some(actor) = report.actor_position(&estimate.actor) else {
            continue;
        };
        let unit = crate::text::unit_key(&estimate.unit);
        match panels.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, actors)) if actors.contains(&actor) => {}
            Some((_, actors)) => actors.push(actor),
            None => panels.push((unit, vec![actor])),
        }
    }
    let mut chosen: Vec<usize> = Vec::with_capacity(report.actors.len());
    for actor in 0..report.actors.len() {
        let taken: Vec<usize> = panels
            .iter()
            .filter(|(_, actors)| actors.contains(&actor))
            .flat_map(|(_, actors)| actors.iter().filter_map(|other| chosen.get(*other)))
            .copied()
            .collect();
        let own = actor % colours;
        let colour = (0..colours)
            .map(|step| (own + step) % colours)
            .find(|colour| !taken.contains(colour))
            .unwrap_or(own);
        chosen.push(colour);
    }
    chosen
}

/// `series-1` … `series-7` for `0..SERIES - 1`, cycling beyond; unknown ids
/// get the last, `series-8` (neutral grey).
fn series_class(index: Option<usize>) -> String {
    let n = index.map_or(SERIES, |i| i % (SERIES - 1) + 1);
    format!("series-{n}")
}
