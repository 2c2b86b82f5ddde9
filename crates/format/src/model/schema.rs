//! JSON Schema pieces for the model (feature `schema`, enabled by the CLI only).
//!
//! The derives on the model types do most of the work; this module holds the
//! patterns they share and the schemas of the types that serialize by hand
//! (dates, citations and the closed vocabularies). A schema cannot say
//! everything the checker does (that ids resolve, that dates are ordered):
//! it is for editors, and `sealift check` stays the judge.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::{ActorKind, Bound, Certainty, Citation, EventKind, PlaceKind, PlacePrecision};
use super::{SourceKind, Vocabulary};
use crate::date::Date;

/// An id: `[a-z0-9][a-z0-9-]{0,63}`.
pub(crate) const ID: &str = "^[a-z0-9][a-z0-9-]{0,63}$";

/// Required text: anything but empty or blank.
pub(crate) const NOT_BLANK: &str = "\\S";

/// An ISO 3166-1 alpha-2 shape: two upper-case letters.
pub(crate) const COUNTRY: &str = "^[A-Z]{2}$";

/// A BCP 47 shape, loosely: subtags of 1 to 8 letters or digits. The checker
/// is stricter; the schema only must never refuse a tag the checker accepts.
pub(crate) const LANGUAGE: &str = "^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$";

/// Seven digits (the check digit is the checker's job).
pub(crate) const IMO: &str = "^[0-9]{7}$";

/// An http or https URL (the scheme in any case, as the checker accepts).
pub(crate) const WEB_URL: &str = "^[Hh][Tt][Tt][Pp][Ss]?://[^/\\s]\\S*$";

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, then optionally `~` or `?`.
const DATE: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?]?$";

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DATE,
            "description": "An EDTF date: 2024-02-12, 2024-02 or 2024, optionally followed by ~ (approximate) or ? (uncertain).",
            "examples": ["2024-02-12", "2024-02~", "2024?"]
        })
    }
}

impl JsonSchema for Citation {
    fn schema_name() -> Cow<'static, str> {
        "Citation".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A source id, or an object with the source id and where in it the fact is.",
            "anyOf": [
                { "type": "string", "pattern": ID },
                {
                    "type": "object",
                    "properties": {
                        "source": { "type": "string", "pattern": ID },
                        "locator": { "type": "string", "description": "Where in the source: \"p. 4\", \"para 3\"." },
                        "quote": { "type": "string", "description": "A short quote." },
                        "via": { "type": "string", "pattern": ID, "description": "The source through which this one is known." }
                    },
                    "required": ["source"]
                }
            ]
        })
    }
}

/// Trips, events, claims and estimates must cite: `sources` is required
/// (the derive makes it optional, as it is left out when empty on output).
pub(crate) fn sources_required(schema: &mut Schema) {
    if let Some(serde_json::Value::Array(required)) = schema.get_mut("required") {
        required.push("sources".into());
    } else {
        schema.insert("required".into(), serde_json::json!(["sources"]));
    }
}

/// A string that is one of the vocabulary's spellings.
fn vocabulary<T: Vocabulary>() -> Schema {
    let spellings: Vec<&str> = T::all().iter().map(Vocabulary::spelling).collect();
    json_schema!({ "type": "string", "enum": spellings })
}

macro_rules! vocabulary_schemas {
    ($($name:ident),+) => {
        $(
            impl JsonSchema for $name {
                fn schema_name() -> Cow<'static, str> {
                    stringify!($name).into()
                }

                fn json_schema(_: &mut SchemaGenerator) -> Schema {
                    vocabulary::<$name>()
                }
            }
        )+
    };
}

vocabulary_schemas!(
    SourceKind,
    ActorKind,
    PlaceKind,
    PlacePrecision,
    EventKind,
    Certainty,
    Bound
);
