//! Reports as spreadsheets: one CSV file per collection, laid out by one
//! table ([`layout`]) that `sealift import`, `sealift export` and the viewer's
//! "Get the data" downloads all read, so they cannot disagree. Several values
//! share a cell as [`cells`] describes.

pub mod cells;
pub mod layout;

use serde_json::{Map, Value};

use crate::Report;
use cells::CitationCell;
pub use layout::{Cell, Column, Field, Items, REPORT_BLOCK, REPORT_KEYS, TABLES, Table, closest};

/// A JSON object: the report's top level, its `report` block, or an item.
pub type Object = Map<String, Value>;

/// The report as JSON, split into its top level and its `report` block.
pub fn split(report: &Report) -> Result<(Object, Object), String> {
    let Value::Object(mut top) = serde_json::to_value(report).map_err(|e| e.to_string())? else {
        return Err(String::from("the report is not an object"));
    };
    let info = match top.remove("report") {
        Some(Value::Object(info)) => info,
        _ => Map::new(),
    };
    Ok((top, info))
}

/// Every CSV file with its text, taking each exported field out of `top` and
/// `info` (what is left has no column).
pub fn tables(
    top: &mut Map<String, Value>,
    info: &mut Map<String, Value>,
) -> Result<Vec<(&'static str, String)>, String> {
    // Lists inside items (sanctions) first, so that their owners (vessels)
    // are then exported without them.
    let mut rows = vec![Vec::new(); TABLES.len()];
    for inside_first in [true, false] {
        for (i, table) in TABLES.iter().enumerate() {
            if matches!(table.items, Items::Inside { .. }) == inside_first
                && let Some(slot) = rows.get_mut(i)
            {
                *slot = take_rows(table, top, info)?;
            }
        }
    }
    Ok(TABLES
        .iter()
        .zip(rows)
        .map(|(table, rows)| (table.file, csv_text(table, rows)))
        .collect())
}

/// The CSV files of a report, as the viewer offers them for download.
pub fn csv_files(report: &Report) -> Result<Vec<(&'static str, String)>, String> {
    let (mut top, mut info) = split(report)?;
    tables(&mut top, &mut info)
}

/// Takes the items of `table` out of the report: each as its row's cells,
/// keyed by column name.
fn take_rows(
    table: &Table,
    top: &mut Map<String, Value>,
    info: &mut Map<String, Value>,
) -> Result<Vec<Map<String, Value>>, String> {
    let items = |value: Option<Value>| match value {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|item| match item {
                Value::Object(object) => Some(object),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut rows = Vec::new();
    match table.items {
        Items::Top(name) => {
            for item in items(top.remove(name)) {
                rows.push(row(table, item, None)?);
            }
        }
        Items::Report(list) => {
            for item in items(info.remove(list)) {
                rows.push(row(table, item, None)?);
            }
        }
        Items::Inside { collection, list } => {
            // The owners stay in the report for their own file; only their
            // lists are taken here.
            if let Some(Value::Array(owners)) = top.get_mut(collection) {
                for owner in owners.iter_mut().filter_map(Value::as_object_mut) {
                    let id = owner.get("id").cloned();
                    for item in items(owner.remove(list)) {
                        rows.push(row(table, item, id.clone())?);
                    }
                }
            }
        }
    }
    Ok(rows)
}

/// One item as cells: each column takes its field out of the item; anything
/// left over has no column, which would lose data, so it is an error.
fn row(
    table: &Table,
    mut item: Map<String, Value>,
    owner: Option<Value>,
) -> Result<Map<String, Value>, String> {
    let mut cells = Map::new();
    for column in table.columns {
        let value = match column.field {
            Field::Same => item.remove(column.name),
            Field::In(object, key) => match item.get_mut(object) {
                Some(Value::Object(inner)) => {
                    let value = inner.remove(key);
                    if inner.is_empty() {
                        item.remove(object);
                    }
                    value
                }
                _ => None,
            },
            Field::Owner => owner.clone(),
        };
        if let Some(value) = value {
            cells.insert(column.name.into(), Value::String(cell(column.cell, value)?));
        }
    }
    match item.keys().next() {
        Some(key) => Err(format!("{} has no column for `{key}`", table.file)),
        None => Ok(cells),
    }
}

/// A value as its cell's text.
fn cell(kind: Cell, value: Value) -> Result<String, String> {
    Ok(match (kind, value) {
        (Cell::Text | Cell::Word, Value::String(s)) => s,
        (Cell::Number, Value::Number(n)) => n.to_string(),
        (Cell::List, Value::Array(values)) => {
            cells::join_list(values.iter().filter_map(Value::as_str))
        }
        (Cell::Citations, Value::Array(values)) => {
            let citations: Vec<CitationCell> = values.iter().map(citation).collect();
            cells::join_citations(&citations)
        }
        (kind, value) => {
            return Err(format!("a {kind:?} cell cannot hold {value}"));
        }
    })
}

fn citation(value: &Value) -> CitationCell {
    let part = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
    match value {
        Value::String(source) => CitationCell {
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
fn csv_text(table: &Table, rows: Vec<Map<String, Value>>) -> String {
    let mut text = String::new();
    push_record(&mut text, table.columns.iter().map(|c| c.name));
    for row in rows {
        push_record(
            &mut text,
            table
                .columns
                .iter()
                .map(|c| row.get(c.name).and_then(Value::as_str).unwrap_or_default()),
        );
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
