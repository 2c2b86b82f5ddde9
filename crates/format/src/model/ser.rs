//! Serialization details that keep exported JSON in the format's own shape.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::Citation;

/// The largest integer an f64 holds exactly (2^53).
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// Writes whole numbers without a fraction (`6700`, not `6700.0`).
pub fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() <= EXACT_INTEGER {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// [`number`] for optional fields.
pub fn opt_number<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => number(v, serializer),
        None => serializer.serialize_none(),
    }
}

impl Serialize for Citation {
    /// A bare source id when nothing else is set, else the object form.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.locator.is_none() && self.quote.is_none() && self.via.is_none() {
            return serializer.serialize_str(&self.source);
        }
        let fields = [
            ("locator", &self.locator),
            ("quote", &self.quote),
            ("via", &self.via),
        ];
        let len = 1 + fields.iter().filter(|(_, v)| v.is_some()).count();
        let mut s = serializer.serialize_struct("Citation", len)?;
        s.serialize_field("source", &self.source)?;
        for (name, value) in fields {
            match value {
                Some(v) => s.serialize_field(name, v)?,
                None => s.skip_field(name)?,
            }
        }
        s.end()
    }
}
