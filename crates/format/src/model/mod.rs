//! The typed report: what a checked file holds, serializing back to the same JSON shape.

mod kinds;
#[cfg(feature = "schema")]
mod schema;
mod ser;

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::date::{Date, Period};
pub use kinds::{ActorKind, Bound, Certainty, EventKind, PlaceKind, PlacePrecision, SourceKind};

/// The fields of the `report` block, in the format's order; `sections` last,
/// because spreadsheets keep it in a file of its own.
pub const REPORT_FIELDS: &[&str] = &[
    "id",
    "title",
    "summary",
    "language",
    "published",
    "updated",
    "as_of",
    "credits",
    "license",
    "sections",
];
#[cfg(feature = "schema")]
use schema::{COUNTRY, ID, IMO, LANGUAGE, NOT_BLANK, WEB_URL};

/// A closed list of spellings, for the decoder's error messages.
pub(crate) trait Vocabulary: Copy + Default + 'static {
    fn all() -> &'static [Self];
    fn spelling(&self) -> &'static str;
}

/// A whole report.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// The JSON Schema editors validate the file against (`"$schema"`), when
    /// the file names one. Not part of the format: kept so that exporting and
    /// importing a report does not lose it, and otherwise ignored.
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "The JSON Schema editors check this file against, such as \"report.schema.json\". Sealift ignores it."
        )
    )]
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[cfg_attr(feature = "schema", schemars(extend("const" = "sealift-report/1")))]
    pub format: String,
    #[serde(rename = "report")]
    pub info: ReportInfo,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vessels: Vec<Vessel>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trips: Vec<Trip>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub estimates: Vec<Estimate>,
    /// Where each id is, for the lookups below.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(crate) positions: Positions,
}

impl Report {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        let at = position(&self.sources, id, |s| &s.id, &self.positions().sources)?;
        self.sources.get(at)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.get(self.actor_position(id)?)
    }

    /// Where the actor with this id is in [`actors`](Report::actors).
    pub fn actor_position(&self, id: &str) -> Option<usize> {
        position(&self.actors, id, |a| &a.id, &self.positions().actors)
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.get(self.place_position(id)?)
    }

    /// Where the place with this id is in [`places`](Report::places).
    pub fn place_position(&self, id: &str) -> Option<usize> {
        position(&self.places, id, |p| &p.id, &self.positions().places)
    }

    /// The vessel with this id.
    pub fn vessel(&self, id: &str) -> Option<&Vessel> {
        self.vessels.get(self.vessel_position(id)?)
    }

    /// Where the vessel with this id is in [`vessels`](Report::vessels).
    pub fn vessel_position(&self, id: &str) -> Option<usize> {
        position(&self.vessels, id, |v| &v.id, &self.positions().vessels)
    }

    /// The estimate with this id.
    pub fn estimate(&self, id: &str) -> Option<&Estimate> {
        let at = position(&self.estimates, id, |e| &e.id, &self.positions().estimates)?;
        self.estimates.get(at)
    }

    fn positions(&self) -> &ById {
        self.positions.0.get_or_init(|| ById {
            sources: by_id(&self.sources, |s| &s.id),
            actors: by_id(&self.actors, |a| &a.id),
            places: by_id(&self.places, |p| &p.id),
            vessels: by_id(&self.vessels, |v| &v.id),
            estimates: by_id(&self.estimates, |e| &e.id),
        })
    }
}

/// Each item's position by id, made on the first lookup: a viewer names the
/// place of each of 10,000 trips, and searching the list every time cost a
/// tenth of a second. The fields are public, so a report changed after its
/// first lookup may have moved an item: a position is checked before it is
/// trusted, and a miss searches the list.
#[derive(Default)]
pub(crate) struct Positions(std::sync::OnceLock<ById>);

struct ById {
    sources: FxHashMap<String, usize>,
    actors: FxHashMap<String, usize>,
    places: FxHashMap<String, usize>,
    vessels: FxHashMap<String, usize>,
    estimates: FxHashMap<String, usize>,
}

/// Positions are not part of a report's value: copies start without them.
impl Clone for Positions {
    fn clone(&self) -> Self {
        Positions::default()
    }
}

impl PartialEq for Positions {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Positions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Positions")
    }
}

/// The first position of each id.
fn by_id<T>(items: &[T], id: fn(&T) -> &String) -> FxHashMap<String, usize> {
    let mut positions = FxHashMap::with_capacity_and_hasher(items.len(), Default::default());
    for (i, item) in items.iter().enumerate() {
        positions.entry(id(item).clone()).or_insert(i);
    }
    positions
}

/// The first position of `id` in `items`.
fn position<T>(
    items: &[T],
    id: &str,
    id_of: fn(&T) -> &String,
    positions: &FxHashMap<String, usize>,
) -> Option<usize> {
    match positions.get(id) {
        Some(&at) if items.get(at).is_some_and(|item| id_of(item) == id) => Some(at),
        _ => items.iter().position(|item| id_of(item) == id),
    }
}

/// The `report` object: what the report is, who wrote it, and its narrative.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportInfo {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub title: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub summary: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = LANGUAGE)))]
    pub language: String,
    pub published: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    pub as_of: Date,
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = NOT_BLANK))))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// One block of narrative and its footnotes.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<Citation>,
}

/// A pointer to a source; written as a bare id when only `source` is set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Citation {
    pub source: String,
    pub locator: Option<String>,
    pub quote: Option<String>,
    /// The source through which this one is known.
    pub via: Option<String>,
}

/// A publication the report relies on.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub publisher: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = WEB_URL)))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub kind: SourceKind,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = LANGUAGE)))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Who made a claim or an estimate.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Actor {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub name: String,
    pub kind: ActorKind,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = COUNTRY)))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// A port, base, crossing or other place on the map.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Place {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub name: String,
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = NOT_BLANK))))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = COUNTRY)))]
    pub country: String,
    pub kind: PlaceKind,
    #[cfg_attr(feature = "schema", schemars(range(min = -90, max = 90)))]
    #[serde(serialize_with = "ser::number")]
    pub lat: f64,
    #[cfg_attr(feature = "schema", schemars(range(min = -180, max = 180)))]
    #[serde(serialize_with = "ser::number")]
    pub lon: f64,
    pub precision: PlacePrecision,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

/// A ship.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Vessel {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub name: String,
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = NOT_BLANK))))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = IMO)))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imo: Option<String>,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = COUNTRY)))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub vessel_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<Sanction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

/// A sanction on a vessel.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sanction {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    /// Free text: `US`, `EU`, `UN`, `South Korea`.
    pub by: String,
    pub date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

/// A voyage leg.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(extend("anyOf" = [{ "required": ["depart"] }, { "required": ["arrive"] }]))
)]
#[cfg_attr(feature = "schema", schemars(transform = schema::sources_required))]
pub struct Trip {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub vessel: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub from: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub to: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depart: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrive: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cargo: Option<String>,
    pub certainty: Certainty,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

/// Something seen or recorded at one place and time that is not a whole leg.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = schema::sources_required))]
pub struct Event {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vessel: Option<String>,
    #[serde(flatten)]
    pub location: EventLocation,
    #[serde(flatten)]
    pub when: When,
    pub kind: EventKind,
    pub certainty: Certainty,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

/// Where an event happened: a known place, or a bare position (JSON `place` or `position`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum EventLocation {
    Place(#[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))] String),
    Position {
        #[cfg_attr(feature = "schema", schemars(range(min = -90, max = 90)))]
        #[serde(serialize_with = "ser::number")]
        lat: f64,
        #[cfg_attr(feature = "schema", schemars(range(min = -180, max = 180)))]
        #[serde(serialize_with = "ser::number")]
        lon: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        description: Option<String>,
    },
}

impl Default for EventLocation {
    fn default() -> Self {
        EventLocation::Place(String::new())
    }
}

/// When an event happened: a date or a period (JSON `date` or `period`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum When {
    Date(Date),
    Period(Period),
}

impl Default for When {
    fn default() -> Self {
        When::Date(Date::default())
    }
}

/// An assertion attributed to an actor.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = schema::sources_required))]
pub struct Claim {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub id: String,
    pub stated: Date,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub actor: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub text: String,
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = ID))))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vessels: Vec<String>,
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = ID))))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    pub certainty: Certainty,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

/// A number that someone put forward.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = schema::sources_required))]
pub struct Estimate {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub id: String,
    pub stated: Date,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = ID)))]
    pub actor: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub measure: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = NOT_BLANK)))]
    pub unit: String,
    pub quantity: Quantity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = ID))))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub derived_from: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
}

/// A value with how it is meant (exact, about, at least, ...) and an optional range.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quantity {
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    #[serde(serialize_with = "ser::number")]
    pub value: f64,
    pub bound: Bound,
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    #[serde(
        serialize_with = "ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub low: Option<f64>,
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    #[serde(
        serialize_with = "ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub high: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(id: &str) -> Place {
        Place {
            id: id.into(),
            name: id.to_uppercase(),
            ..Place::default()
        }
    }

    #[test]
    fn lookups_by_id_find_the_first_item_and_survive_changes() {
        let mut report = Report {
            places: vec![place("rason"), place("dunay"), place("rason")],
            ..Report::default()
        };
        assert_eq!(
            report.place("dunay").map(|p| p.name.as_str()),
            Some("DUNAY")
        );
        assert!(std::ptr::eq(
            report.place("rason").unwrap(),
            &report.places[0]
        ));
        assert!(report.place("vostochny").is_none());
        assert_eq!(report.place_position("dunay"), Some(1));
        // Changed after the first lookup: positions are checked, misses searched.
        report.places.swap(0, 1);
        report.places.push(place("vostochny"));
        assert_eq!(
            report.place("dunay").map(|p| p.name.as_str()),
            Some("DUNAY")
        );
        assert_eq!(report.place("rason").map(|p| p.id.as_str()), Some("rason"));
        assert!(report.place("vostochny").is_some());
        assert_eq!(
            report.clone(),
            report,
            "positions are not part of the value"
        );
    }
}
