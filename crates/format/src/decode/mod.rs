//! Turns the spanned JSON tree into the typed model, collecting every type error with its path.
//!
//! A field that cannot be decoded gets a placeholder and its path is recorded
//! in [`Gaps`], so the validator can run on the rest without repeating it.

mod items;
mod records;

use std::collections::BTreeSet;

use crate::date::{Date, Period};
use crate::diagnostic::Sink;
use crate::json::{Kind, Member, Value};
use crate::model::{Citation, Report, Vocabulary};
use crate::suggest::Suggester;

pub(crate) use items::decode_report;

/// Paths whose value could not be decoded (and so must not be checked again).
#[derive(Debug, Default)]
pub(crate) struct Gaps(BTreeSet<String>);

impl Gaps {
    /// Whether `path` itself or one of its ancestors failed to decode.
    pub fn covers(&self, path: &str) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let mut end = path.len();
        loop {
            if path.get(..end).is_some_and(|p| self.0.contains(p)) {
                return true;
            }
            match path.get(..end).and_then(|p| p.rfind(['.', '['])) {
                Some(i) => end = i,
                None => return self.0.contains(""),
            }
        }
    }

    /// Whether anything at or below `path` (or above it) failed to decode.
    pub fn touches(&self, path: &str) -> bool {
        self.covers(path)
            || self
                .0
                .range::<str, _>((std::ops::Bound::Included(path), std::ops::Bound::Unbounded))
                .take_while(|g| g.starts_with(path))
                .any(|g| {
                    g.get(path.len()..)
                        .is_some_and(|rest| rest.starts_with(['.', '[']))
                })
    }
}

/// `parent.name`, or `name` at the top.
pub(crate) fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// `parent[i]`.
pub(crate) fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// Where a value is, as parts, so the path string is only built for an error.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    /// A whole path, already built.
    Path(&'a str),
    /// The field `name` of the object at `parent`.
    Field(&'a str, &'a str),
    /// Entry `i` of the list at `parent`.
    Item(&'a str, usize),
}

impl At<'_> {
    pub fn path(self) -> String {
        match self {
            At::Path(p) => p.to_string(),
            At::Field(parent, name) => join(parent, name),
            At::Item(parent, i) => index(parent, i),
        }
    }
}

/// An object being decoded: its members and its path.
pub(crate) struct Obj<'v> {
    pub path: String,
    members: &'v [Member],
}

impl<'v> Obj<'v> {
    pub fn get(&self, name: &str) -> Option<&'v Value> {
        self.members
            .iter()
            .find(|m| m.key == name)
            .map(|m| &m.value)
    }

    pub fn at<'a>(&'a self, name: &'a str) -> At<'a> {
        At::Field(&self.path, name)
    }
}

/// The decoding state: where diagnostics go and which paths failed.
pub(crate) struct Decoder<'s> {
    pub sink: &'s mut Sink,
    pub suggest: &'s mut Suggester,
    pub gaps: Gaps,
}

impl Decoder<'_> {
    fn gap(&mut self, path: &str) {
        self.gaps.0.insert(path.to_string());
    }

    /// Reports a value of the wrong JSON type.
    pub fn wrong_type(&mut self, v: &Value, at: At, expected: &str) {
        let path = at.path();
        let message = format!("expected {expected}, found {}", v.kind.describe());
        let added = self.sink.error(&path, message);
        match &v.kind {
            Kind::Null => added.help("leave the field out when it has no value"),
            Kind::String(s) if expected == "a number" && s.trim().parse::<f64>().is_ok() => {
                added.help("write the number without quotes")
            }
            _ => {}
        }
        self.gap(&path);
    }

    /// Reports a required field that is absent.
    pub fn missing(&mut self, o: &Obj, name: &str) {
        let path = o.at(name).path();
        self.sink
            .error(&path, format!("the required field `{name}` is missing"));
        self.gap(&path);
    }

    /// Checks that `v` is an object with only the `fields` given (and `x-` ones).
    pub fn object<'v>(&mut self, v: &'v Value, at: At, fields: &[&'static str]) -> Option<Obj<'v>> {
        let Kind::Object(members) = &v.kind else {
            self.wrong_type(v, at, "an object");
            return None;
        };
        let path = at.path();
        for m in members {
            if m.key.starts_with("x-") || fields.contains(&m.key.as_str()) {
                continue;
            }
            let here = join(&path, &m.key);
            let message = format!("unknown field `{}`", m.key);
            let help = match self.suggest.closest(&m.key, fields.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the fields here are {}; names starting with `x-` are ignored",
                    list(fields)
                ),
            };
            self.sink.error_at(&here, message, m.key_span).help(help);
            self.gap(&here);
        }
        Some(Obj { path, members })
    }

    /// A string (empty allowed).
    pub fn string(&mut self, v: &Value, at: At) -> Option<String> {
        match &v.kind {
            Kind::String(s) => Some(s.clone()),
            _ => {
                self.wrong_type(v, at, "a string");
                None
            }
        }
    }

    /// A string that must not be empty or blank.
    pub fn text(&mut self, v: &Value, at: At) -> Option<String> {
        let s = self.string(v, at)?;
        if s.trim().is_empty() {
            let message = match at {
                At::Item(parent, _) => {
                    format!("an entry of `{}` must not be empty", last_name(parent))
                }
                _ => format!("`{}` must not be empty", last_name(&at.path())),
            };
            let path = at.path();
            self.sink.error(&path, message);
            self.gap(&path);
            return None;
        }
        Some(s)
    }

    pub fn req_text(&mut self, o: &Obj, name: &str) -> String {
        match o.get(name) {
            Some(v) => self.text(v, o.at(name)).unwrap_or_default(),
            None => {
                self.missing(o, name);
                String::new()
            }
        }
    }

    /// An optional reference (an id): when given it must not be empty.
    pub fn opt_id(&mut self, o: &Obj, name: &str) -> Option<String> {
        o.get(name).and_then(|v| self.text(v, o.at(name)))
    }

    /// An optional string; when given it may be empty.
    pub fn opt_text(&mut self, o: &Obj, name: &str) -> Option<String> {
        o.get(name).and_then(|v| self.string(v, o.at(name)))
    }

    pub fn date(&mut self, v: &Value, at: At) -> Option<Date> {
        let Kind::String(s) = &v.kind else {
            self.wrong_type(v, at, "a date string");
            return None;
        };
        match Date::parse(s) {
            Ok(d) => Some(d),
            Err(why) => {
                let path = at.path();
                self.sink
                    .error(&path, format!("\"{s}\" is not a valid date: {why}"));
                self.gap(&path);
                None
            }
        }
    }

    pub fn req_date(&mut self, o: &Obj, name: &str) -> Date {
        match o.get(name) {
            Some(v) => self.date(v, o.at(name)).unwrap_or_default(),
            None => {
                self.missing(o, name);
                Date::default()
            }
        }
    }

    pub fn opt_date(&mut self, o: &Obj, name: &str) -> Option<Date> {
        o.get(name).and_then(|v| self.date(v, o.at(name)))
    }

    pub fn period(&mut self, v: &Value, at: At) -> Option<Period> {
        let o = self.object(v, at, &["start", "end"])?;
        Some(Period {
            start: self.opt_date(&o, "start"),
            end: self.opt_date(&o, "end"),
        })
    }

    pub fn number(&mut self, v: &Value, at: At) -> Option<f64> {
        match v.kind {
            Kind::Number { value, .. } => Some(value),
            _ => {
                self.wrong_type(v, at, "a number");
                None
            }
        }
    }

    pub fn req_number(&mut self, o: &Obj, name: &str) -> f64 {
        match o.get(name) {
            Some(v) => self.number(v, o.at(name)).unwrap_or_default(),
            None => {
                self.missing(o, name);
                0.0
            }
        }
    }

    pub fn opt_number(&mut self, o: &Obj, name: &str) -> Option<f64> {
        o.get(name).and_then(|v| self.number(v, o.at(name)))
    }

    /// One of a closed list of spellings (a kind, a certainty, a bound).
    pub fn req_word<T: Vocabulary>(&mut self, o: &Obj, name: &str) -> T {
        let Some(v) = o.get(name) else {
            self.missing(o, name);
            return T::default();
        };
        let Some(s) = self.string(v, o.at(name)) else {
            return T::default();
        };
        if let Some(found) = T::all().iter().find(|t| t.spelling() == s) {
            return *found;
        }
        let names: Vec<&str> = T::all().iter().map(|t| t.spelling()).collect();
        let message = format!("`{name}` is \"{s}\", which is not one of {}", list(&names));
        let help = self
            .suggest
            .closest(&s, names.iter().copied())
            .map(|n| format!("did you mean \"{n}\"?"));
        let path = o.at(name).path();
        self.sink.error(&path, message).maybe_help(help);
        self.gap(&path);
        T::default()
    }

    /// An optional list; each item decoded by `item` with its own path.
    pub fn list<'v, T>(
        &mut self,
        o: &Obj<'v>,
        name: &str,
        mut item: impl FnMut(&mut Self, &'v Value, At) -> T,
    ) -> Vec<T> {
        let Some(v) = o.get(name) else {
            return Vec::new();
        };
        let Kind::Array(items) = &v.kind else {
            self.wrong_type(v, o.at(name), "a list");
            return Vec::new();
        };
        let path = o.at(name).path();
        items
            .iter()
            .enumerate()
            .map(|(i, v)| item(self, v, At::Item(&path, i)))
            .collect()
    }

    /// An optional list of non-empty strings.
    pub fn texts(&mut self, o: &Obj, name: &str) -> Vec<String> {
        self.list(o, name, |d, v, at| d.text(v, at).unwrap_or_default())
    }

    /// An optional list of citations.
    pub fn citations(&mut self, o: &Obj, name: &str) -> Vec<Citation> {
        self.list(o, name, |d, v, at| d.citation(v, at))
    }

    /// A source id, or `{ "source", "locator", "quote", "via" }`.
    pub fn citation(&mut self, v: &Value, at: At) -> Citation {
        match &v.kind {
            Kind::String(_) => Citation {
                source: self.text(v, at).unwrap_or_default(),
                ..Citation::default()
            },
            Kind::Object(_) => {
                let Some(o) = self.object(v, at, &["source", "locator", "quote", "via"]) else {
                    return Citation::default();
                };
                Citation {
                    source: self.req_text(&o, "source"),
                    locator: self.opt_text(&o, "locator"),
                    quote: self.opt_text(&o, "quote"),
                    via: self.opt_id(&o, "via"),
                }
            }
            _ => {
                self.wrong_type(v, at, "a source id or a citation object");
                Citation::default()
            }
        }
    }
}

/// `a, b, c`, each in backticks.
fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The field name at the end of a path (`title` in `report.title`).
fn last_name(path: &str) -> &str {
    let end = path.rsplit('.').next().unwrap_or(path);
    end.split('[').next().unwrap_or(end)
}

/// Decodes the whole tree, or reports why it is not a report of this format.
pub(crate) fn decode(
    root: &Value,
    sink: &mut Sink,
    suggest: &mut Suggester,
) -> Option<(Report, Gaps)> {
    let mut d = Decoder {
        sink,
        suggest,
        gaps: Gaps::default(),
    };
    let report = decode_report(&mut d, root)?;
    Some((report, d.gaps))
}
