//! Turns the spanned JSON tree into the typed model, collecting every type error with its path.
//!
//! A field that cannot be decoded gets a placeholder and its path is recorded
//! in [`Gaps`], so the validator can run on the rest without repeating it.
//!
//! The tree holds only the string values with escapes
//! ([`json::parse_for_decoding`]): the others are read from the input by
//! span, and copied only into the model.

mod items;
mod records;

use std::borrow::Cow;

use crate::date::{Date, Period};
use crate::diagnostic::Sink;
use crate::json::{self, Kind, Member, Value};
use crate::model::{Citation, Report, Vocabulary};
use crate::path::Path;
use crate::suggest::Suggester;

pub(crate) use items::{decode_report, field_names};

/// The fields of a period and of a citation written as an object.
const PERIOD: &[&str] = &["start", "end"];
const CITATION: &[&str] = &["source", "locator", "quote", "via"];

/// Paths whose value could not be decoded (and so must not be checked
/// again): gathered while decoding, then sorted once for the validator's
/// questions ([`Gaps::sorted`]). A sorted list rather than a `BTreeSet`,
/// whose code (1.8 KB of the viewer's WebAssembly, gzip) was there for this
/// alone.
#[derive(Debug, Default)]
pub(crate) struct Gaps(Vec<String>);

impl Gaps {
    /// Notes that `path` failed to decode.
    fn add(&mut self, path: String) {
        self.0.push(path);
    }

    /// The gaps, ready to be asked about.
    fn sorted(mut self) -> Self {
        let order = crate::order::stable_order(self.0.len(), &|a, b| self.0[a].cmp(&self.0[b]));
        let mut sorted: Vec<String> = order
            .into_iter()
            .map(|i| std::mem::take(&mut self.0[i]))
            .collect();
        sorted.dedup();
        Gaps(sorted)
    }

    /// Whether `path` itself failed to decode.
    fn contains(&self, path: &str) -> bool {
        self.0
            .binary_search_by(|gap| gap.as_str().cmp(path))
            .is_ok()
    }

    /// Whether `path` itself or one of its ancestors failed to decode.
    pub fn covers(&self, path: Path) -> bool {
        !self.0.is_empty() && self.covers_text(&path.to_string())
    }

    /// Like [`Gaps::covers`], for a path written out.
    pub fn covers_text(&self, path: &str) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let mut end = path.len();
        loop {
            if path.get(..end).is_some_and(|p| self.contains(p)) {
                return true;
            }
            match path.get(..end).and_then(|p| p.rfind(['.', '['])) {
                Some(i) => end = i,
                None => return self.contains(""),
            }
        }
    }

    /// Whether anything at or below `path` (or above it) failed to decode.
    pub fn touches(&self, path: Path) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let path = path.to_string();
        let path = path.as_str();
        self.covers_text(path)
            || self
                .0
                .get(self.0.partition_point(|gap| gap.as_str() < path)..)
                .unwrap_or_default()
                .iter()
                .take_while(|g| g.starts_with(path))
                .any(|g| {
                    g.get(path.len()..)
                        .is_some_and(|rest| rest.starts_with(['.', '[']))
                })
    }
}

/// An object being decoded: its members and its path.
pub(crate) struct Obj<'v, 'p> {
    pub path: Path<'p>,
    members: &'v [Member],
}

impl<'v> Obj<'v, '_> {
    pub fn get(&self, name: &str) -> Option<&'v Value> {
        self.members
            .iter()
            .find(|m| json::same_name(&m.key, name))
            .map(|m| &m.value)
    }

    /// The path of the field `name`.
    pub fn at<'a>(&'a self, name: &'a str) -> Path<'a> {
        self.path.field(name)
    }
}

/// The decoding state: where diagnostics go and which paths failed.
pub(crate) struct Decoder<'s> {
    /// The input, which string values are read from.
    pub text: &'s str,
    pub sink: &'s mut Sink,
    pub suggest: &'s mut Suggester,
    pub gaps: Gaps,
}

impl<'s> Decoder<'s> {
    fn gap(&mut self, path: &str) {
        self.gaps.add(path.to_string());
    }

    /// Reports a value of the wrong JSON type.
    pub fn wrong_type(&mut self, v: &Value, at: Path, expected: &str) {
        let path = at.to_string();
        let message = message!("expected {expected}, found {}", v.kind.describe());
        let added = self.sink.error(&path, message);
        match &v.kind {
            Kind::Null => added.help("leave the field out when it has no value"),
            Kind::String(_)
                if expected == "a number"
                    && json::is_number(json::string_of(self.text, v).trim()) =>
            {
                added.help("write the number without quotes")
            }
            _ => {}
        }
        self.gap(&path);
    }

    /// Reports a required field that is absent.
    pub fn missing(&mut self, o: &Obj, name: &str) {
        let path = o.at(name).to_string();
        self.sink
            .error(&path, message!("the required field `{name}` is missing"));
        self.gap(&path);
    }

    /// Checks that `v` is an object with only the `fields` given (and `x-` ones).
    pub fn object<'v, 'p>(
        &mut self,
        v: &'v Value,
        at: Path<'p>,
        fields: &[&'static str],
    ) -> Option<Obj<'v, 'p>> {
        let Kind::Object(members) = &v.kind else {
            self.wrong_type(v, at, "an object");
            return None;
        };
        for m in members {
            // known fields first: they are the common case, and need no prefix test
            if fields.iter().any(|f| json::same_name(f, &m.key)) || m.key.starts_with("x-") {
                continue;
            }
            let here = at.field(&m.key).to_string();
            let message = message!("unknown field `{}`", m.key);
            let help = match self.suggest.closest(&m.key, fields.iter().copied()) {
                Some(near) => message!("did you mean `{near}`?"),
                None => message!(
                    "the fields here are {}; names starting with `x-` are ignored",
                    list(fields)
                ),
            };
            self.sink.error_at(&here, message, m.key_span).help(help);
            self.gap(&here);
        }
        Some(Obj { path: at, members })
    }

    /// A string (empty allowed).
    pub fn string(&mut self, v: &Value, at: Path) -> Option<String> {
        self.str(v, at).map(Cow::into_owned)
    }

    /// Like [`Decoder::string`], borrowed from the input: for a value that is only looked at.
    fn str(&mut self, v: &Value, at: Path) -> Option<Cow<'s, str>> {
        match &v.kind {
            Kind::String(_) => Some(json::string_of(self.text, v)),
            _ => {
                self.wrong_type(v, at, "a string");
                None
            }
        }
    }

    /// A string that must not be empty or blank.
    pub fn text(&mut self, v: &Value, at: Path) -> Option<String> {
        let s = self.string(v, at)?;
        if is_blank(&s) {
            let path = at.to_string();
            let message = match at {
                Path::Item(parent, _) => {
                    message!(
                        "an entry of `{}` must not be empty",
                        last_name(&parent.to_string())
                    )
                }
                _ => message!("`{}` must not be empty", last_name(&path)),
            };
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

    pub fn date(&mut self, v: &Value, at: Path) -> Option<Date> {
        let Kind::String(_) = &v.kind else {
            self.wrong_type(v, at, "a date string");
            return None;
        };
        let s = json::string_of(self.text, v);
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(why) => {
                let path = at.to_string();
                self.sink
                    .error(&path, message!("\"{s}\" is not a valid date: {why}"));
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

    pub fn period(&mut self, v: &Value, at: Path) -> Option<Period> {
        let o = self.object(v, at, PERIOD)?;
        Some(Period {
            start: self.opt_date(&o, "start"),
            end: self.opt_date(&o, "end"),
        })
    }

    pub fn number(&mut self, v: &Value, at: Path) -> Option<f64> {
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
        let Some(s) = self.str(v, o.at(name)) else {
            return T::default();
        };
        if let Some(found) = T::all().iter().find(|t| t.spelling() == s) {
            return *found;
        }
        let s = &*s;
        let names: Vec<&str> = T::all().iter().map(|t| t.spelling()).collect();
        let message = message!("`{name}` is \"{s}\", which is not one of {}", list(&names));
        let help = self
            .suggest
            .closest(s, names.iter().copied())
            .map(|n| message!("did you mean \"{n}\"?"));
        let path = o.at(name).to_string();
        self.sink.error(&path, message).maybe_help(help);
        self.gap(&path);
        T::default()
    }

    /// An optional list; each item decoded by `item` with its own path.
    pub fn list<'v, T>(
        &mut self,
        o: &Obj<'v, '_>,
        name: &str,
        mut item: impl FnMut(&mut Self, &'v Value, Path) -> T,
    ) -> Vec<T> {
        let Some(v) = o.get(name) else {
            return Vec::new();
        };
        let Kind::Array(items) = &v.kind else {
            self.wrong_type(v, o.at(name), "a list");
            return Vec::new();
        };
        let path = o.at(name);
        items
            .iter()
            .enumerate()
            .map(|(i, v)| item(self, v, path.item(i)))
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
    pub fn citation(&mut self, v: &Value, at: Path) -> Citation {
        match &v.kind {
            Kind::String(_) => Citation {
                source: self.text(v, at).unwrap_or_default(),
                ..Citation::default()
            },
            Kind::Object(_) => {
                let Some(o) = self.object(v, at, CITATION) else {
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

/// Whether `s` is empty or only whitespace. Most text starts with a visible
/// ASCII character, which answers without `trim`'s walk over the characters.
fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b'!'..=b'~') => false,
        _ => s.trim().is_empty(),
    }
}

/// `a, b, c`, each in backticks.
fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| message!("`{n}`"))
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
    text: &str,
    root: &Value,
    sink: &mut Sink,
    suggest: &mut Suggester,
) -> Option<(Report, Gaps)> {
    let mut d = Decoder {
        text,
        sink,
        suggest,
        gaps: Gaps::default(),
    };
    let report = decode_report(&mut d, root)?;
    Some((report, d.gaps.sorted()))
}
