//! The spreadsheet layout of a report: which CSV file holds what, and which
//! column holds which field. `sealift import` and `sealift export` both read
//! this one table, so the two cannot disagree; docs/authoring.md describes it
//! for authors (a test keeps the guide's column lists in step with it).
//!
//! One row per item. Nested values are flattened into columns (a quantity into
//! `value`, `bound`, `low`, `high`; a period into `period_start` and
//! `period_end`), and several values share a cell as described in
//! [`super::cells`]. Sanctions (a list inside each vessel) and the report's
//! sections get files of their own.

/// The file holding the `report` block (title, dates, credits...).
pub const REPORT_BLOCK: &str = "report.toml";

/// The keys of the report block, in the order `export` writes them. A
/// `"$schema"` key and a `format` key are also read: they belong to the top
/// of the report, not to the block.
/// They are the block's fields but `sections`, which has its own file.
pub const REPORT_KEYS: &[&str] = crate::model::REPORT_FIELDS
    .split_at(crate::model::REPORT_FIELDS.len() - 1)
    .0;

/// How a cell is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Free text (titles, notes, summaries), kept exactly as written.
    Text,
    /// A short value (an id, a date, a kind, a code, a URL): spaces around it
    /// are dropped.
    Word,
    /// A number, written with digits and a dot: `42.25`, `6700`.
    Number,
    /// Several short values separated by `;` (aliases, ids).
    List,
    /// Citations separated by `;`, each `source | locator | quote | via`.
    Citations,
}

/// Where a column's value goes in the report's JSON item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The item's field of the column's own name.
    Same,
    /// A field of an object inside the item: `In("quantity", "value")`.
    In(&'static str, &'static str),
    /// The id of the item this row belongs to (a sanction's `vessel`).
    Owner,
}

/// One column of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub cell: Cell,
    pub field: Field,
    /// Whether the file must have this column (a report needs the value).
    pub required: bool,
}

/// Where a file's items live in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// A top-level collection: `trips`.
    Top(&'static str),
    /// A list inside each item of a top-level collection, the owner named by
    /// the row's [`Field::Owner`] column: sanctions inside `vessels`.
    Inside {
        collection: &'static str,
        list: &'static str,
    },
    /// A list inside the `report` block: `sections`.
    Report(&'static str),
}

/// One CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub file: &'static str,
    pub items: Items,
    pub columns: &'static [Column],
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The column a path inside one item points at: `quantity.low` is `low`,
    /// `sources[2].via` is `sources`, `position` is its first column, `lat`.
    pub fn column_for(&self, rest: &str) -> Option<&'static Column> {
        let mut parts = rest.split('.').map(|p| p.split('[').next().unwrap_or(p));
        let first = parts.next()?;
        let second = parts.next();
        let same = self
            .columns
            .iter()
            .find(|c| c.field == Field::Same && c.name == first);
        let nested = || {
            self.columns.iter().find(|c| {
                matches!(c.field, Field::In(object, key)
                    if object == first && second.is_none_or(|s| s == key))
            })
        };
        same.or_else(nested)
    }
}

const fn col(name: &'static str, cell: Cell) -> Column {
    Column {
        name,
        cell,
        field: Field::Same,
        required: false,
    }
}

const fn req(name: &'static str, cell: Cell) -> Column {
    Column {
        required: true,
        ..col(name, cell)
    }
}

const fn inside(name: &'static str, cell: Cell, object: &'static str, key: &'static str) -> Column {
    Column {
        field: Field::In(object, key),
        ..col(name, cell)
    }
}

use Cell::{Citations, List, Number, Text, Word};

/// Every file, in the order the report lists its collections.
pub const TABLES: &[Table] = &[
    Table {
        file: "sources.csv",
        items: Items::Top("sources"),
        columns: &[
            req("id", Word),
            req("publisher", Text),
            req("title", Text),
            col("date", Word),
            col("url", Word),
            req("kind", Word),
            col("language", Word),
            col("note", Text),
        ],
    },
    Table {
        file: "actors.csv",
        items: Items::Top("actors"),
        columns: &[
            req("id", Word),
            req("name", Text),
            req("kind", Word),
            col("country", Word),
        ],
    },
    Table {
        file: "places.csv",
        items: Items::Top("places"),
        columns: &[
            req("id", Word),
            req("name", Text),
            col("aliases", List),
            req("country", Word),
            req("kind", Word),
            req("lat", Number),
            req("lon", Number),
            req("precision", Word),
            col("sources", Citations),
        ],
    },
    Table {
        file: "vessels.csv",
        items: Items::Top("vessels"),
        columns: &[
            req("id", Word),
            req("name", Text),
            col("aliases", List),
            col("imo", Word),
            col("flag", Word),
            col("type", Text),
            col("owner", Text),
            col("note", Text),
            col("sources", Citations),
        ],
    },
    Table {
        file: "sanctions.csv",
        items: Items::Inside {
            collection: "vessels",
            list: "sanctions",
        },
        columns: &[
            Column {
                name: "vessel",
                cell: Word,
                field: Field::Owner,
                required: true,
            },
            req("by", Text),
            req("date", Word),
            col("note", Text),
            col("sources", Citations),
        ],
    },
    Table {
        file: "trips.csv",
        items: Items::Top("trips"),
        columns: &[
            req("id", Word),
            req("vessel", Word),
            req("from", Word),
            req("to", Word),
            col("depart", Word),
            col("arrive", Word),
            col("cargo", Text),
            req("certainty", Word),
            col("note", Text),
            req("sources", Citations),
        ],
    },
    Table {
        file: "events.csv",
        items: Items::Top("events"),
        columns: &[
            req("id", Word),
            col("vessel", Word),
            col("place", Word),
            inside("lat", Number, "position", "lat"),
            inside("lon", Number, "position", "lon"),
            inside("position_description", Text, "position", "description"),
            col("date", Word),
            inside("period_start", Word, "period", "start"),
            inside("period_end", Word, "period", "end"),
            req("kind", Word),
            req("certainty", Word),
            req("summary", Text),
            col("note", Text),
            req("sources", Citations),
        ],
    },
    Table {
        file: "claims.csv",
        items: Items::Top("claims"),
        columns: &[
            req("id", Word),
            req("stated", Word),
            req("actor", Word),
            req("text", Text),
            col("vessels", List),
            col("places", List),
            req("certainty", Word),
            col("note", Text),
            req("sources", Citations),
        ],
    },
    Table {
        file: "estimates.csv",
        items: Items::Top("estimates"),
        columns: &[
            req("id", Word),
            req("stated", Word),
            req("actor", Word),
            req("measure", Text),
            req("unit", Text),
            Column {
                required: true,
                ..inside("value", Number, "quantity", "value")
            },
            Column {
                required: true,
                ..inside("bound", Word, "quantity", "bound")
            },
            inside("low", Number, "quantity", "low"),
            inside("high", Number, "quantity", "high"),
            inside("period_start", Word, "period", "start"),
            inside("period_end", Word, "period", "end"),
            col("method", Text),
            col("derived_from", List),
            col("note", Text),
            req("sources", Citations),
        ],
    },
    Table {
        file: "sections.csv",
        items: Items::Report("sections"),
        columns: &[
            col("heading", Text),
            req("text", Text),
            col("cites", Citations),
        ],
    },
];

/// The name in `candidates` closest to `name`, if one is close enough to be
/// a likely typo (`trip.csv` for `trips.csv`, `perod_start` for `period_start`).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name = name.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&name, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_an_item_name_their_column() {
        let estimates = TABLES
            .iter()
            .find(|t| t.file == "estimates.csv")
            .expect("estimates.csv");
        let name = |rest| estimates.column_for(rest).map(|c| c.name);
        assert_eq!(name("quantity.low"), Some("low"));
        assert_eq!(name("quantity"), Some("value"));
        assert_eq!(name("period.end"), Some("period_end"));
        assert_eq!(name("sources[2].via"), Some("sources"));
        assert_eq!(name("derived_from[0]"), Some("derived_from"));
        assert_eq!(name("nothing"), None);
    }

    #[test]
    fn typos_find_their_name() {
        let files = TABLES.iter().map(|t| t.file);
        assert_eq!(closest("trip.csv", files), Some("trips.csv"));
        assert_eq!(
            closest("perod_start", ["period_start", "date"]),
            Some("period_start")
        );
        assert_eq!(closest("zzz", ["period_start", "date"]), None);
    }

    /// The guide for authors lists every column of every file, under a
    /// heading of the file's name, and every key of the report block.
    #[test]
    fn the_authoring_guide_lists_every_column() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/authoring.md");
        let guide = std::fs::read_to_string(path).expect("docs/authoring.md");
        for table in TABLES {
            let heading = format!("### `{}`", table.file);
            let start = guide
                .find(&heading)
                .unwrap_or_else(|| panic!("no {heading}"));
            let section = &guide[start + heading.len()..];
            let section = &section[..section.find("\n### ").unwrap_or(section.len())];
            for column in table.columns {
                let row = format!("| `{}` |", column.name);
                assert!(section.contains(&row), "{} lacks {row}", table.file);
            }
        }
        let block = guide
            .find("### `report.toml`")
            .expect("a report.toml section");
        for key in REPORT_KEYS {
            assert!(
                guide[block..].contains(&format!("\n{key} = ")),
                "report.toml lacks {key}"
            );
        }
    }

    #[test]
    fn column_names_are_unique_within_a_file() {
        for table in TABLES {
            for (i, c) in table.columns.iter().enumerate() {
                assert!(
                    table.columns.iter().skip(i + 1).all(|d| d.name != c.name),
                    "{} repeats {}",
                    table.file,
                    c.name
                );
            }
        }
    }
}
