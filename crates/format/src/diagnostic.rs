//! What the checker tells an author: errors and warnings with a path and a place in the file.

use serde::Serialize;

use crate::json::{Kind, Span, Value};

/// How serious a diagnostic is: errors make a report unreadable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where in the file: 1-based line and column (counting characters, a byte order
/// mark not included), and the byte offset and length in the input as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
    pub len: usize,
}

/// One error or warning. Without the `messages` feature (the viewer's
/// build) only its severity is set: see [`crate::MESSAGES`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A 0-based JSON path such as `trips[3].vessel`; empty for the whole document.
    pub path: String,
    /// Plain English for the report's author.
    pub message: String,
    /// A suggestion, such as `did you mean "maia-1"?`.
    pub help: Option<String>,
    /// Where in the file, when known.
    pub location: Option<Location>,
}

/// Reads a list of diagnostics written as JSON (as `serde` writes them: the
/// checker's module answers the viewer so); `None` if the text is not such a
/// list. Unknown fields are ignored.
pub fn diagnostics_from_json(text: &str) -> Option<Vec<Diagnostic>> {
    let parsed = crate::json::parse(text, 0);
    let Some(Value {
        kind: Kind::Array(items),
        ..
    }) = parsed.value
    else {
        return None;
    };
    items.iter().map(diagnostic_from_json).collect()
}

fn diagnostic_from_json(item: &Value) -> Option<Diagnostic> {
    let text = |key| match item.get(key).map(|v| &v.kind) {
        Some(Kind::String(s)) => Some(s.clone()),
        _ => None,
    };
    let severity = match text("severity")?.as_str() {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        _ => return None,
    };
    let location = item.get("location").and_then(|at| {
        let number = |key| match at.get(key).map(|v| &v.kind) {
            Some(&Kind::Number {
                value,
                integer: true,
            }) if value >= 0.0 => Some(value as usize),
            _ => None,
        };
        Some(Location {
            line: number("line")?,
            column: number("column")?,
            offset: number("offset")?,
            len: number("len")?,
        })
    });
    Some(Diagnostic {
        severity,
        path: text("path")?,
        message: text("message")?,
        help: text("help"),
        location,
    })
}

/// The most diagnostics one check lists. A hostile 20 MiB file can hold
/// millions of mistakes; listing them all would exhaust a reader's memory, and
/// no author fixes more than this in one pass anyway.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// Collects diagnostics while a report is checked, then places them in the file.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    items: Vec<(Diagnostic, Option<Span>)>,
    /// Where a diagnostic past the limit goes, so that `.help()` has a target.
    overflow: Vec<(Diagnostic, Option<Span>)>,
    dropped_errors: usize,
    dropped_warnings: usize,
}

impl Sink {
    /// Adds an error at `path`; its place in the file is found from the path later.
    pub fn error(&mut self, path: &str, message: String) -> Added<'_> {
        self.push(Severity::Error, path, message, None)
    }

    /// Adds a warning at `path`.
    #[cfg_attr(not(feature = "warnings"), allow(dead_code))]
    pub fn warning(&mut self, path: &str, message: String) -> Added<'_> {
        self.push(Severity::Warning, path, message, None)
    }

    /// Adds an error about an exact span (a field name, a syntax error).
    pub fn error_at(&mut self, path: &str, message: String, span: Span) -> Added<'_> {
        self.push(Severity::Error, path, message, Some(span))
    }

    fn push(
        &mut self,
        severity: Severity,
        path: &str,
        message: String,
        span: Option<Span>,
    ) -> Added<'_> {
        // Without words, a problem is its severity: the path would only
        // cost the program its text.
        let diagnostic = Diagnostic {
            severity,
            path: if crate::MESSAGES {
                path.to_string()
            } else {
                String::new()
            },
            message,
            help: None,
            location: None,
        };
        if self.items.len() < MAX_DIAGNOSTICS {
            self.items.push((diagnostic, span));
            return Added(&mut self.items);
        }
        match severity {
            Severity::Error => self.dropped_errors += 1,
            Severity::Warning => self.dropped_warnings += 1,
        }
        self.overflow.clear();
        self.overflow.push((diagnostic, span));
        Added(&mut self.overflow)
    }

    pub fn has_errors(&self) -> bool {
        self.dropped_errors > 0
            || self
                .items
                .iter()
                .any(|(d, _)| d.severity == Severity::Error)
    }

    /// Turns spans (given, or found from each path in `tree`) into locations in `bytes`.
    pub fn finish(self, bytes: &[u8], bom: usize, tree: Option<&Value>) -> Vec<Diagnostic> {
        if !crate::MESSAGES {
            // Nowhere to place them, nothing to say about the rest.
            return self.items.into_iter().map(|(d, _)| d).collect();
        }
        let mut out = Vec::with_capacity(self.items.len());
        let mut spans = Vec::with_capacity(self.items.len());
        for (diagnostic, span) in self.items {
            let span = span.or_else(|| tree.map(|t| t.find(&diagnostic.path).0.span));
            spans.push(span);
            out.push(diagnostic);
        }
        let located: Vec<usize> = (0..out.len())
            .filter(|&i| matches!(spans.get(i), Some(Some(_))))
            .collect();
        let starts: Vec<usize> = located
            .iter()
            .map(|&i| spans.get(i).copied().flatten().map_or(0, |s| s.start))
            .collect();
        let mut cursor = Cursor::new(bytes, bom);
        for i in crate::json::in_file_order(&starts)
            .into_iter()
            .filter_map(|k| located.get(k).copied())
        {
            if let (Some(Some(span)), Some(d)) = (spans.get(i), out.get_mut(i)) {
                d.location = Some(cursor.locate(*span));
            }
        }
        let dropped = self.dropped_errors + self.dropped_warnings;
        if dropped > 0 {
            out.push(Diagnostic {
                severity: if self.dropped_errors > 0 { Severity::Error } else { Severity::Warning },
                path: String::new(),
                message: format!(
                    "{dropped} more problems ({} errors, {} warnings) are not listed: only the first {MAX_DIAGNOSTICS} are",
                    self.dropped_errors, self.dropped_warnings
                ),
                help: Some(String::from("fix these, then check the file again")),
                location: None,
            });
        }
        out
    }
}

/// The diagnostic just added, to attach a suggestion to.
pub(crate) struct Added<'a>(&'a mut Vec<(Diagnostic, Option<Span>)>);

impl Added<'_> {
    /// Sets the help text.
    pub fn help(self, help: impl Into<String>) {
        if let Some((d, _)) = self.0.last_mut()
            && crate::MESSAGES
        {
            d.help = Some(help.into());
        }
    }

    /// Sets the help text when there is one.
    pub fn maybe_help(self, help: Option<String>) {
        if let Some(help) = help {
            self.help(help);
        }
    }
}

/// Walks forward through the file once, counting lines and characters.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    column: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8], bom: usize) -> Self {
        Cursor {
            bytes,
            pos: bom.min(bytes.len()),
            line: 1,
            column: 1,
        }
    }

    /// The location of `span`; spans must come in increasing order of start.
    fn locate(&mut self, span: Span) -> Location {
        let target = span.start.min(self.bytes.len());
        while self.pos < target {
            match self.bytes.get(self.pos) {
                Some(b'\n') => {
                    self.line += 1;
                    self.column = 1;
                }
                Some(b) if b & 0xC0 != 0x80 => self.column += 1,
                _ => {}
            }
            self.pos += 1;
        }
        let len = span.end.saturating_sub(span.start);
        Location {
            line: self.line,
            column: self.column,
            offset: span.start,
            len,
        }
    }
}
