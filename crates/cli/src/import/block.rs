//! Reading `report.toml`, the report block: what the report is and who made it.
//!
//! TOML rather than CSV because these are a handful of named values, some of
//! them long (the summary) or lists (the credits). The keys are the report
//! block's fields; `"$schema"` and `format`, when given, go to the top of the
//! report. The values are not checked here: `sealift_format::check` does that
//! once the whole report is assembled, and its messages point back here.

use std::rc::Rc;

use serde_json::{Map, Number, Value};

use crate::render::{Place, Problem};

/// The report block, read.
pub struct Block {
    pub name: String,
    pub text: Rc<str>,
    /// The `report` object.
    pub info: Map<String, Value>,
    /// `"$schema"` and `format`, which belong to the top of the report.
    pub top: Map<String, Value>,
}

/// The keys of `report.toml` that belong to the top of the report.
const TOP_KEYS: &[&str] = &["$schema", "format"];

impl Block {
    /// Parses `text`; a TOML syntax error is added to `problems` and leaves
    /// the block empty.
    pub fn parse(name: String, text: Rc<str>, problems: &mut Vec<Problem>) -> Block {
        let mut block = Block {
            name,
            text: Rc::clone(&text),
            info: Map::new(),
            top: Map::new(),
        };
        let table = match text.parse::<toml::Table>() {
            Ok(table) => table,
            Err(err) => {
                let span = err.span().unwrap_or(0..0);
                problems.push(
                    Problem::error(
                        format!("{} is not valid TOML: {}", block.name, err.message().trim()),
                        block.place_at(span.start, span.len(), "here".into()),
                    )
                    .with_help(
                        "write each value as key = \"text\"; a list as key = [\"a\", \"b\"]",
                    ),
                );
                return block;
            }
        };
        for (key, value) in table {
            let value = json(&value);
            if TOP_KEYS.contains(&key.as_str()) {
                block.top.insert(key, value);
            } else {
                block.info.insert(key, value);
            }
        }
        block
    }

    /// Where `key` is written, for a message about its value.
    pub fn place(&self, key: &str) -> Place {
        let label = format!("`{key}`");
        match key_span(&self.text, key) {
            Some((offset, len)) => self.place_at(offset, len, label),
            None => Place::Note(format!("in {}, at {label}", self.name)),
        }
    }

    fn place_at(&self, offset: usize, len: usize, label: String) -> Place {
        Place::Text {
            file: self.name.clone(),
            text: Rc::clone(&self.text),
            offset,
            len,
            label,
        }
    }
}

/// A TOML value as JSON. Dates become text (`published = 2024-05-01` works as
/// well as `published = "2024-05-01"`; month and year dates need the quotes).
fn json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::Number((*i).into()),
        toml::Value::Float(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.iter().map(|(k, v)| (k.clone(), json(v))).collect())
        }
    }
}

/// The byte offset and length of `key` where a line of `text` sets it
/// (`key = ...` or `"key" = ...`, at the top level).
fn key_span(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        if rest.starts_with('[') {
            // A [table] starts: what follows is not a top-level key.
            return None;
        }
        for written in [key.to_string(), format!("\"{key}\"")] {
            if let Some(after) = rest.strip_prefix(written.as_str())
                && after.trim_start().starts_with('=')
            {
                return Some((offset + indent, written.len()));
            }
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_where_they_are_set() {
        let text = "\"$schema\" = \"x\"\ntitle = \"T\"\n  as_of=\"2024\"\n[x]\nid = 1\n";
        assert_eq!(key_span(text, "title"), Some((16, 5)));
        assert_eq!(key_span(text, "as_of"), Some((30, 5)));
        assert_eq!(key_span(text, "$schema"), Some((0, 9)));
        assert_eq!(key_span(text, "id"), None);
    }

    #[test]
    fn top_keys_go_to_the_top_and_dates_become_text() {
        let mut problems = Vec::new();
        let text = "\"$schema\" = \"s.json\"\npublished = 2024-05-01\ncredits = [\"A\"]\n";
        let block = Block::parse("report.toml".into(), text.into(), &mut problems);
        assert!(problems.is_empty());
        assert_eq!(block.top["$schema"], Value::String("s.json".into()));
        assert_eq!(block.info["published"], Value::String("2024-05-01".into()));
        assert_eq!(block.info["credits"], serde_json::json!(["A"]));
    }

    #[test]
    fn a_syntax_error_points_at_the_spot() {
        let mut problems = Vec::new();
        Block::parse(
            "report.toml".into(),
            "title = \"open\n".into(),
            &mut problems,
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("not valid TOML"),
            "{}",
            problems[0].message
        );
    }
}
