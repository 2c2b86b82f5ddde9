//! Turning the rows of the sheets into the report's JSON, remembering which
//! row each item came from.
//!
//! The values are written as the report would hold them but not judged: an
//! unknown kind or a bad date goes into the JSON as it is, and
//! `sealift_format::check` finds it with every other mistake. Only what JSON
//! cannot even hold is reported here: a number that is not one, a citation
//! with too many parts, a sanction for a vessel that is not in vessels.csv.

use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Number, Value};

use super::block::Block;
use super::sheet::{Row, Sheet};
use crate::render::Problem;
use sealift_format::sheets::cells;
use sealift_format::sheets::{Cell, Field, Items, closest};

/// A cell the import has already complained about: `(sheet, row, column)`,
/// the row `None` for a column missing from the whole sheet.
pub type Reported = (usize, Option<usize>, &'static str);

/// The report as JSON, and where its parts came from.
pub struct Assembled {
    pub json: Value,
    /// The path of each item (`trips[3]`, `vessels[0].sanctions[1]`,
    /// `report.sections[2]`) and its sheet and row (indexes).
    pub origins: BTreeMap<String, (usize, usize)>,
    /// Check's messages about these cells would only repeat the import's.
    pub reported: HashSet<Reported>,
}

/// Builds the report from the block and the sheets, adding to `problems`.
pub fn assemble(block: &Block, sheets: &[Sheet], problems: &mut Vec<Problem>) -> Assembled {
    let mut done = Assembled {
        json: Value::Null,
        origins: BTreeMap::new(),
        reported: HashSet::new(),
    };
    let mut top = block.top.clone();
    top.entry("format")
        .or_insert_with(|| sealift_format::FORMAT_VERSION.into());
    let mut info = block.info.clone();
    let mut collections: BTreeMap<&str, Vec<Value>> = BTreeMap::new();

    for (s, sheet) in sheets.iter().enumerate() {
        for column in sheet.table.columns.iter().filter(|c| c.required) {
            if !sheet.has_column(column.name) {
                done.reported.insert((s, None, column.name));
            }
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let (item, owner) = item(sheet, row, s, r, problems, &mut done.reported);
            let path = match sheet.table.items {
                Items::Top(name) => {
                    let items = collections.entry(name).or_default();
                    items.push(Value::Object(item));
                    Some(format!("{name}[{}]", items.len() - 1))
                }
                Items::Report(list) => {
                    append(&mut info, list, item).map(|k| format!("report.{list}[{k}]"))
                }
                Items::Inside { collection, list } => {
                    let owners = collections.entry(collection).or_default();
                    match attach(owners, owner.as_deref(), list, item) {
                        Ok(at) => Some(format!("{collection}{at}")),
                        // The missing column itself is reported already.
                        Err(Orphan::Unnamed) if !sheet.has_column(owner_column(sheet)) => None,
                        Err(problem) => {
                            problems.push(problem.at(sheet, row, collection));
                            None
                        }
                    }
                }
            };
            if let Some(path) = path {
                done.origins.insert(path, (s, r));
            }
        }
    }

    top.insert("report".into(), Value::Object(info));
    for (name, items) in collections {
        top.insert(name.into(), Value::Array(items));
    }
    done.json = Value::Object(top);
    done
}

/// Appends `item` to the list `list` of `object`; returns its index.
fn append(object: &mut Map<String, Value>, list: &str, item: Map<String, Value>) -> Option<usize> {
    match object
        .entry(list)
        .or_insert_with(|| Value::Array(Vec::new()))
    {
        Value::Array(items) => {
            items.push(Value::Object(item));
            Some(items.len() - 1)
        }
        _ => None,
    }
}

/// Why a row (a sanction) could not join the item (the vessel) it names.
enum Orphan {
    /// Its owner cell is blank.
    Unnamed,
    /// It names an id that no item has; the closest id, if any.
    Unknown(String, Option<String>),
}

impl Orphan {
    fn at(self, sheet: &Sheet, row: &Row, collection: &str) -> Problem {
        let column = owner_column(sheet);
        let place = sheet.place(row, Some(column));
        match self {
            Orphan::Unnamed => Problem::error(
                format!("this row of {} names no {column}", sheet.name),
                place,
            ),
            Orphan::Unknown(id, near) => {
                let message = format!(
                    "{} names {column} \"{id}\", which is not in {collection}.csv",
                    sheet.name
                );
                let problem = Problem::error(message, place);
                match near {
                    Some(near) => problem.with_help(format!("did you mean \"{near}\"?")),
                    None => problem,
                }
            }
        }
    }
}

/// Adds `item` to the list `list` of the owner whose id is `owner`; returns
/// where it went, such as `[2].sanctions[0]`.
fn attach(
    owners: &mut [Value],
    owner: Option<&str>,
    list: &str,
    item: Map<String, Value>,
) -> Result<String, Orphan> {
    let owner = owner.ok_or(Orphan::Unnamed)?;
    let id = |o: &Value| o.get("id").and_then(Value::as_str).map(str::to_string);
    let Some(index) = owners.iter().position(|o| id(o).as_deref() == Some(owner)) else {
        let ids: Vec<String> = owners.iter().filter_map(id).collect();
        let near = closest(owner, ids.iter().map(String::as_str)).map(str::to_string);
        return Err(Orphan::Unknown(owner.to_string(), near));
    };
    let object = owners.get_mut(index).and_then(Value::as_object_mut);
    match object.and_then(|o| append(o, list, item)) {
        Some(k) => Ok(format!("[{index}].{list}[{k}]")),
        None => Err(Orphan::Unknown(owner.to_string(), None)),
    }
}

/// The name of the column that says which item a row belongs to.
fn owner_column(sheet: &Sheet) -> &'static str {
    sheet
        .table
        .columns
        .iter()
        .find(|c| c.field == Field::Owner)
        .map_or("owner", |c| c.name)
}

/// One row as a JSON item, and the owner it names (for sanctions).
fn item(
    sheet: &Sheet,
    row: &Row,
    s: usize,
    r: usize,
    problems: &mut Vec<Problem>,
    reported: &mut HashSet<Reported>,
) -> (Map<String, Value>, Option<String>) {
    let mut item = Map::new();
    let mut owner = None;
    for column in sheet.table.columns {
        let Some(cell) = sheet.cell(row, column.name) else {
            continue;
        };
        let value = match value(column.cell, cell) {
            Ok(Some(value)) => value,
            Ok(None) => continue,
            Err((message, help)) => {
                problems.push(
                    Problem::error(message, sheet.place(row, Some(column.name))).with_help(help),
                );
                reported.insert((s, Some(r), column.name));
                continue;
            }
        };
        match column.field {
            Field::Same => {
                item.insert(column.name.into(), value);
            }
            Field::In(object, key) => {
                let inner = item
                    .entry(object)
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(inner) = inner {
                    inner.insert(key.into(), value);
                }
            }
            Field::Owner => owner = value.as_str().map(str::to_string),
        }
    }
    (item, owner)
}

/// A cell's value as the report holds it; `Ok(None)` for a cell with nothing
/// in it, `Err((message, help))` for a cell JSON cannot hold.
fn value(kind: Cell, cell: &str) -> Result<Option<Value>, (String, String)> {
    Ok(Some(match kind {
        Cell::Text => Value::String(cell.to_string()),
        Cell::Word => Value::String(cell.trim().to_string()),
        Cell::Number => Value::Number(number(cell.trim())?),
        Cell::List => {
            let values = cells::split_list(cell);
            if values.is_empty() {
                return Ok(None);
            }
            Value::Array(values.into_iter().map(Value::String).collect())
        }
        Cell::Citations => {
            let citations = cells::split_citations(cell).map_err(|message| {
                let help =
                    "separate citations with `;` and write `\\|` for a | inside a quote or locator";
                (message, help.to_string())
            })?;
            if citations.is_empty() {
                return Ok(None);
            }
            Value::Array(citations.iter().map(citation_json).collect())
        }
    }))
}

/// A number as written in a cell: digits, an optional sign, dot and exponent.
fn number(text: &str) -> Result<Number, (String, String)> {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    let parsed = text.parse::<f64>().ok().filter(|_| plain);
    match parsed.and_then(Number::from_f64) {
        Some(n) => Ok(whole(n)),
        None => Err((
            format!("`{text}` is not a number"),
            "write digits with a dot for decimals and no thousands separators: 6700, 42.25, -3.5"
                .to_string(),
        )),
    }
}

/// `6700` rather than `6700.0`, as the report writes whole numbers.
fn whole(n: Number) -> Number {
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => (f as i64).into(),
        _ => n,
    }
}

/// A citation as the report writes it: a bare source id, or an object with
/// the parts the cell gives.
fn citation_json(citation: &cells::CitationCell) -> Value {
    if let (Some(source), None, None, None) = (
        &citation.source,
        &citation.locator,
        &citation.quote,
        &citation.via,
    ) {
        return Value::String(source.clone());
    }
    let mut object = Map::new();
    for (key, part) in [
        ("source", &citation.source),
        ("locator", &citation.locator),
        ("quote", &citation.quote),
        ("via", &citation.via),
    ] {
        if let Some(text) = part {
            object.insert(key.into(), Value::String(text.clone()));
        }
    }
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_plain_digits() {
        assert_eq!(number("42.25").map(|n| n.to_string()), Ok("42.25".into()));
        assert_eq!(number("6700").map(|n| n.to_string()), Ok("6700".into()));
        assert_eq!(number("-3.5").map(|n| n.to_string()), Ok("-3.5".into()));
        for bad in ["6,700", "6 700", "about 5", "NaN", "inf", ""] {
            assert!(number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_lists_and_citations_are_left_out() {
        assert_eq!(value(Cell::List, " ; "), Ok(None));
        assert_eq!(value(Cell::Citations, ";"), Ok(None));
        assert_eq!(
            value(Cell::Citations, "a | p. 2"),
            Ok(Some(
                serde_json::json!([{ "source": "a", "locator": "p. 2" }])
            ))
        );
    }
}
