//! JSON paths such as `trips[3].vessel`, kept in parts until a diagnostic needs them.
//!
//! A valid report produces no diagnostic, so writing every path out as a
//! `String` while walking it was pure cost: most of the checker's allocations.

use std::fmt;

/// Where a value is: a path written out, or a parent path and one more step.
/// Made on the stack while walking a report, and written out (`to_string`)
/// only for a diagnostic.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    /// A whole path, already written; `""` is the document itself.
    Text(&'a str),
    /// The field `name` of the object at the parent path.
    Field(&'a Path<'a>, &'a str),
    /// Entry `i` of the list at the parent path.
    Item(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The document itself.
    pub const TOP: Path<'static> = Path::Text("");

    /// `self.name`, or `name` at the top.
    pub fn field(&'a self, name: &'a str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// `self[i]`.
    pub fn item(&'a self, i: usize) -> Path<'a> {
        Path::Item(self, i)
    }

    /// Whether the path is written as nothing (the document itself).
    fn is_empty(&self) -> bool {
        match *self {
            Path::Text(text) => text.is_empty(),
            Path::Field(parent, name) => name.is_empty() && parent.is_empty(),
            Path::Item(..) => false,
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Path::Text(text) => f.write_str(text),
            Path::Field(parent, name) if parent.is_empty() => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Item(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Path;

    #[test]
    fn paths_are_written_like_join_and_index() {
        let trips = Path::Text("trips");
        let trip = trips.item(3);
        assert_eq!(trip.field("vessel").to_string(), "trips[3].vessel");
        assert_eq!(Path::TOP.field("format").to_string(), "format");
        let sources = trip.field("sources");
        assert_eq!(sources.item(0).to_string(), "trips[3].sources[0]");
        let empty = Path::TOP.field("");
        assert_eq!(empty.field("x").to_string(), "x");
        assert_eq!(Path::Text("report").field("id").to_string(), "report.id");
    }
}
