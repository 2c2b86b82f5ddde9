//! Reports as spreadsheets: one CSV file per collection, laid out by one
//! table ([`layout`]) that `sealift import`, `sealift export` and the viewer's
//! "Get the data" downloads all read, so they cannot disagree. Several values
//! share a cell as [`cells`] describes.

pub mod cells;
pub mod layout;

use crate::json::{self, Kind, Member, Value};
use cells::CitationCell;
pub use layout::{Cell, Column, Field, Items, REPORT_BLOCK, REPORT_KEYS, TABLES, Table, closest};

/// A JSON object's members, in file order: the report's top level, its
/// `report` block, or an item.
pub type Object = Vec<Member>;

/// The report file as its JSON tree, split into its top level and its
/// `report` block. The report must have passed its check.
pub fn split(text: &str) -> Result<(Object, Object), String> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let Some(Value {
        kind: Kind::Object(mut top),
        ..
    }) = json::parse(text, start).value
    else {
        return Err(message!("the report is not an object"));
    };
    let info = match take(&mut top, "report").map(|v| v.kind) {
        Some(Kind::Object(info)) => info,
        _ => Vec::new(),
    };
    Ok((top, info))
}

/// Takes the member `key` out of an object.
pub fn take(object: &mut Object, key: &str) -> Option<Value> {
    let i = object.iter().position(|m| m.key == key)?;
    Some(object.remove(i).value)
}

/// Fields starting with `x-` are allowed in a report, but no column holds
/// them (`sealift export` says so): they are left out of every file.
pub fn is_extension(key: &str) -> bool {
    key.starts_with("x-")
}

/// Every CSV file with its text, taking each exported field out of `top` and
/// `info` (what is left has no column). `text` is the report file they were
/// read from ([`split`]): numbers are written as it writes them.
pub fn tables(
    text: &str,
    top: &mut Object,
    info: &mut Object,
) -> Result<Vec<(&'static str, String)>, String> {
    // Lists inside items (sanctions) first, so that their owners (vessels)
    // are then exported without them.
    let mut rows = vec![Vec::new(); TABLES.len()];
    for inside_first in [true, false] {
        for (i, table) in TABLES.iter().enumerate() {
            if matches!(table.items, Items::Inside { .. }) == inside_first
                && let Some(slot) = rows.get_mut(i)
            {
                *slot = take_rows(text, table, top, info)?;
            }
        }
    }
    Ok(TABLES
        .iter()
        .zip(rows)
        .map(|(table, rows)| (table.file, csv_text(table, rows)))
        .collect())
}

/// The CSV files of a checked report file, as the viewer offers them for
/// download.
pub fn csv_files(text: &str) -> Result<Vec<(&'static str, String)>, String> {
    let (mut top, mut info) = split(text)?;
    tables(text, &mut top, &mut info)
}

/// One row: its cells in the table's column order (absent ones empty).
type Row = Vec<String>;

/// Takes the items of `table` out of the report, each as its row.
fn take_rows(
    text: &str,
    table: &Table,
    top: &mut Object,
    info: &mut Object,
) -> Result<Vec<Row>, String> {
    let items = |value: Option<Value>| match value.map(|v| v.kind) {
        Some(Kind::Array(items)) => items
            .into_iter()
            .filter_map(|item| match item.kind {
                Kind::Object(object) => Some(object),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut rows = Vec::new();
    match table.items {
        Items::Top(name) => {
            for item in items(take(top, name)) {
                rows.push(row(text, table, item, None)?);
            }
        }
        Items::Report(list) => {
            for item in items(take(info, list)) {
                rows.push(row(text, table, item, None)?);
            }
        }
        Items::Inside { collection, list } => {
            // The owners stay in the report for their own file; only their
            // lists are taken here.
            let owners = top.iter_mut().find(|m| m.key == collection);
            if let Some(Kind::Array(owners)) = owners.map(|m| &mut m.value.kind) {
                for owner in owners.iter_mut() {
                    let Kind::Object(owner) = &mut owner.kind else {
                        continue;
                    };
                    let id = owner
                        .iter()
                        .find(|m| m.key == "id")
                        .map(|m| m.value.clone());
                    for item in items(take(owner, list)) {
                        rows.push(row(text, table, item, id.clone())?);
                    }
                }
            }
        }
    }
    Ok(rows)
}

/// One item as cells: each column takes its field out of the item; anything
/// left over (but extensions) has no column, which would lose data, so it is
/// an error.
fn row(text: &str, table: &Table, mut item: Object, owner: Option<Value>) -> Result<Row, String> {
    let mut cells = Row::with_capacity(table.columns.len());
    for column in table.columns {
        let value = match column.field {
            Field::Same => take(&mut item, column.name),
            Field::In(object, key) => {
                let inner = item.iter_mut().find(|m| m.key == object);
                match inner.map(|m| &mut m.value.kind) {
                    Some(Kind::Object(inner)) => {
                        let value = take(inner, key);
                        if inner.iter().all(|m| is_extension(&m.key)) {
                            take(&mut item, object);
                        }
                        value
                    }
                    _ => None,
                }
            }
            Field::Owner => owner.clone(),
        };
        cells.push(match value {
            Some(value) => cell(text, column.cell, value)?,
            None => String::new(),
        });
    }
    match item.iter().find(|m| !is_extension(&m.key)) {
        Some(m) => Err(message!("{} has no column for `{}`", table.file, m.key)),
        None => Ok(cells),
    }
}

/// A value (read from `text`) as its cell's text.
fn cell(text: &str, kind: Cell, value: Value) -> Result<String, String> {
    Ok(match (kind, value.kind) {
        (_, Kind::Null) => String::new(),
        (Cell::Text | Cell::Word, Kind::String(s)) => s,
        // Digits and a dot, as the report writes them: 34, 42.25, 1000000 (for 1e6).
        (Cell::Number, Kind::Number { .. }) => {
            let written = text.get(value.span.start..value.span.end).unwrap_or("0");
            crate::decimal::plain(written)
        }
        (Cell::List, Kind::Array(values)) => {
            cells::join_list(values.iter().filter_map(|v| match &v.kind {
                Kind::String(s) => Some(s.as_str()),
                _ => None,
            }))
        }
        (Cell::Citations, Kind::Array(values)) => {
            let citations: Vec<CitationCell> = values.iter().map(citation).collect();
            cells::join_citations(&citations)
        }
        (kind, other) => {
            return Err(message!("a {kind:?} cell cannot hold {}", other.describe()));
        }
    })
}

fn citation(value: &Value) -> CitationCell {
    let part = |key: &str| match value.get(key).map(|v| &v.kind) {
        Some(Kind::String(s)) => Some(s.clone()),
        _ => None,
    };
    match &value.kind {
        Kind::String(source) => CitationCell {
            source: Some(source.clone()),
            ..CitationCell::default()
        },
        _ => CitationCell {
            source: part("source"),
            locator: part("locator"),
            quote: part("quote"),
            via: part("via"),
        },
    }
}

/// A CSV file (RFC 4180): the header, then the rows in the layout's column order.
fn csv_text(table: &Table, rows: Vec<Row>) -> String {
    let mut text = String::new();
    push_record(&mut text, table.columns.iter().map(|c| c.name));
    for row in &rows {
        push_record(&mut text, row.iter().map(String::as_str));
    }
    text
}

/// One CSV line: a field with a comma, quote or line break is quoted, its
/// quotes doubled; lines end with a line feed, which every spreadsheet reads.
fn push_record<'a>(text: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            text.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            text.push('"');
            text.push_str(&field.replace('"', "\"\""));
            text.push('"');
        } else {
            text.push_str(field);
        }
    }
    text.push('\n');
}
