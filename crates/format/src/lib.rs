//! Reads and checks Sealift reports (`sealift-report/1`).
//!
//! One JSON document goes in; a typed [`Report`] and every problem found come
//! out, each [`Diagnostic`] with a path such as `trips[3].vessel`, a place in
//! the file and, where it helps, a suggestion. The rules are those of the
//! format's spec (`report-format.md`). Pure Rust, small enough for WebAssembly.
//!
//! ```
//! let checked = sealift_format::check(r#"{ "format": "sealift-report/2" }"#);
//! assert!(!checked.is_valid());
//! for d in checked.errors() {
//!     println!("{}: {}", d.path, d.message);
//! }
//! if let Some(report) = &checked.report {
//!     println!("{} trips", report.trips.len());
//! }
//! ```

// Text is cut with `get`, `split_once` and the like, never with
// `&text[a..b]`, whose panic message for a bad cut brings Unicode tables
// into the viewer's WebAssembly (4 KB gzip: docs/performance.md).
#![cfg_attr(not(test), warn(clippy::string_slice))]

/// The words of a problem, written as `format!` writes them. Without the
/// `messages` feature the text is empty, and neither it nor the code that
/// writes it is compiled into the program (see [`MESSAGES`]).
#[cfg(feature = "messages")]
macro_rules! message {
    ($($words:tt)*) => { format!($($words)*) };
}
#[cfg(not(feature = "messages"))]
macro_rules! message {
    ($($words:tt)*) => {{
        if false {
            // Never runs: it only keeps the words' values used.
            let _ = format!($($words)*);
        }
        String::new()
    }};
}

pub mod date;
mod decimal;
mod decode;
mod diagnostic;
pub mod json;
pub mod model;
pub mod order;
mod path;
mod shape;
#[cfg(feature = "sheets")]
pub mod sheets;
mod suggest;
mod validate;

use serde::Serialize;

pub use date::{Date, Period, Precision, Qualifier};
pub use decimal::plain_number;
pub use diagnostic::{Diagnostic, Location, MAX_DIAGNOSTICS, Severity, diagnostics_from_json};
pub use model::*;

use diagnostic::Sink;
use json::Span;
use suggest::Suggester;

/// Whether problems come with their words: what is wrong, the path and place
/// in the file, and a suggestion. Without the `messages` feature (the
/// viewer's build, where they were 8 KB gzip of each of its modules) a check
/// finds exactly the same problems, and each [`Diagnostic`] holds only its
/// severity; the viewer then asks the checker's module for the words.
pub const MESSAGES: bool = cfg!(feature = "messages");

/// The format this crate reads and writes.
pub const FORMAT_VERSION: &str = "sealift-report/1";

/// Every format version this build reads.
pub const READS: &[&str] = &[FORMAT_VERSION];

/// The largest report accepted, in bytes (20 MiB).
pub const MAX_REPORT_BYTES: usize = 20 * 1024 * 1024;

/// The outcome of checking a file: the report when it has no errors, and every diagnostic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checked {
    /// Present when the file decoded and has no errors (warnings allowed).
    pub report: Option<Report>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether there is no error (warnings do not count).
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    /// The diagnostics of severity [`Severity::Error`].
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The diagnostics of severity [`Severity::Warning`].
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }
}

/// Parses, decodes and validates a report (the same checks as [`check_bytes`]).
pub fn check(text: &str) -> Checked {
    check_bytes(text.as_bytes())
}

/// Like [`check`], from raw bytes: also rejects UTF-16 and invalid UTF-8, and skips a UTF-8 byte order mark.
pub fn check_bytes(bytes: &[u8]) -> Checked {
    if let Some(too_big) = size_error(bytes.len()) {
        return too_big;
    }
    let mut sink = Sink::default();
    let bom = bom_len(bytes);
    let utf16 = bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]);
    // `contains` on bytes is a fast word-at-a-time search; the position is
    // only looked for when there is a NUL
    let nul = (!utf16 && bytes.contains(&0)).then(|| bytes.iter().position(|&b| b == 0));
    if let Some(nul) = nul.flatten() {
        let message =
            message!("the file contains NUL bytes: it looks like UTF-16 (or is not text at all)");
        sink.error_at(
            "",
            message,
            Span {
                start: nul,
                end: nul + 1,
            },
        )
        .help(SAVE_AS_UTF8);
        return done(sink, bytes, bom, None);
    }
    if utf16 {
        let message = message!(
            "the file is UTF-16 (it starts with a UTF-16 byte order mark); reports must be UTF-8"
        );
        sink.error_at("", message, Span { start: 0, end: 2 })
            .help(SAVE_AS_UTF8);
        return done(sink, bytes, 0, None);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text, bom),
        Err(e) => {
            let at = e.valid_up_to();
            let len = e.error_len().unwrap_or(bytes.len().saturating_sub(at));
            let message = message!(
                "the file is not valid UTF-8 text: this byte is not part of a UTF-8 character"
            );
            sink.error_at(
                "",
                message,
                Span {
                    start: at,
                    end: at + len,
                },
            )
            .help(SAVE_AS_UTF8);
            done(sink, bytes, bom, None)
        }
    }
}

const SAVE_AS_UTF8: &str =
    "save the file as UTF-8 (most editors have this under \"Save as\" or \"Encoding\")";

fn size_error(len: usize) -> Option<Checked> {
    (len > MAX_REPORT_BYTES).then(|| {
        let message = message!(
            "the file is {len} bytes; a report may be at most 20 MiB ({MAX_REPORT_BYTES} bytes)"
        );
        let diagnostic = Diagnostic {
            severity: Severity::Error,
            path: String::new(),
            message,
            help: None,
            location: None,
        };
        Checked {
            report: None,
            diagnostics: vec![diagnostic],
        }
    })
}

/// Parses `text` (skipping `bom` bytes), then decodes and validates it.
fn check_text(text: &str, bom: usize) -> Checked {
    let mut sink = Sink::default();
    let parsed = parse(text, bom);
    for e in &parsed.errors {
        let path = match (&parsed.value, &e.duplicate) {
            (Some(tree), Some(key)) if MESSAGES => match tree.path_at(e.span.start) {
                object if object.is_empty() => key.clone(),
                object => format!("{object}.{key}"),
            },
            _ => String::new(),
        };
        sink.error_at(&path, e.message.clone(), e.span);
    }
    let Some(tree) = parsed.value else {
        return done(sink, text.as_bytes(), bom, None);
    };
    let mut suggest = Suggester::default();
    let report = decode::decode(text, &tree, &mut sink, &mut suggest).map(|(report, gaps)| {
        validate::validate(&report, &tree, &gaps, &mut sink, &mut suggest);
        report
    });
    let report = report.filter(|_| !sink.has_errors());
    done(sink, text.as_bytes(), bom, Some(&tree)).with(report)
}

/// Reads a report that has already passed [`check_bytes`] elsewhere: the
/// viewer's bundled report, checked when the site was built and known by
/// its digest, or a file the checker's module has just passed. It parses and
/// decodes, but applies none of the rules, so that a program that only ever
/// reads checked reports (each embed's module) carries none of them (7 KB
/// gzip). `None` if the file does not even decode: it was not checked.
///
/// For a checked file the report is the one [`check_bytes`] gives.
pub fn read_checked(bytes: &[u8]) -> Option<Report> {
    let text = std::str::from_utf8(bytes).ok()?;
    let parsed = parse(text, bom_len(bytes));
    let tree = parsed.value.filter(|_| parsed.errors.is_empty())?;
    let mut sink = Sink::default();
    let (report, _) = decode::decode(text, &tree, &mut sink, &mut Suggester::default())?;
    (!sink.has_errors()).then_some(report)
}

/// The length of the UTF-8 byte order mark that `bytes` start with, if any.
fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    }
}

/// The JSON tree of `text` (skipping `bom` bytes), as the decoder reads it.
fn parse(text: &str, bom: usize) -> json::Parsed {
    let names: Vec<&str> = decode::field_names().collect();
    json::parse_for_decoding(text, bom, &names)
}

fn done(sink: Sink, bytes: &[u8], bom: usize, tree: Option<&json::Value>) -> Checked {
    Checked {
        report: None,
        diagnostics: sink.finish(bytes, bom, tree),
    }
}

impl Checked {
    fn with(mut self, report: Option<Report>) -> Checked {
        self.report = report;
        self
    }
}
