//! Printing problems in the style of rustc: the message, the file and line, the
//! offending line with the spot underlined, then any help. `sealift check`
//! points into a JSON file, `sealift import` into a CSV or TOML file; both go
//! through [`Problem`] so that every command speaks the same way.

use std::io::IsTerminal;
use std::ops::Range;
use std::rc::Rc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use sealift_format::Severity;

use crate::ColorChoice;

/// One thing to tell the author, and where it is.
#[derive(Debug, Clone)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub place: Place,
}

/// Where a problem is.
#[derive(Debug, Clone)]
pub enum Place {
    /// Nowhere in particular (a file that cannot be read, a whole folder).
    Nowhere,
    /// Somewhere that cannot be shown as a line, said in words.
    Note(String),
    /// A span of a text file: its line is shown and the span underlined.
    Text {
        /// The file's name as the author typed it.
        file: String,
        /// The whole file, shared between the problems that point into it.
        text: Rc<str>,
        /// Byte offset and length of the span.
        offset: usize,
        len: usize,
        /// Written under the span: a JSON path, or "row 5, column `vessel`".
        label: String,
    },
}

impl Problem {
    pub fn error(message: impl Into<String>, place: Place) -> Problem {
        Problem {
            severity: Severity::Error,
            message: message.into(),
            help: None,
            place,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The renderer for `--color`: styled only when asked, or on a terminal
/// without `NO_COLOR`.
pub fn renderer(color: ColorChoice) -> Renderer {
    let styled = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// One problem, followed by a blank line.
pub fn problem(renderer: &Renderer, p: &Problem) -> String {
    let level = match p.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(p.message.as_str()));
    match &p.place {
        Place::Nowhere => {}
        Place::Note(note) => group = group.element(Level::NOTE.message(note.as_str())),
        Place::Text {
            file,
            text,
            offset,
            len,
            label,
        } => match line_around(text, *offset, *len) {
            Some((line, number, span)) => {
                group = group.element(
                    Snippet::source(line)
                        .line_start(number)
                        .path(file.as_str())
                        .annotation(AnnotationKind::Primary.span(span).label(label.as_str())),
                );
            }
            None => {
                group = group.element(Level::NOTE.message(format!("in {file}, at {label}")));
            }
        },
    }
    if let Some(help) = &p.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let mut out = renderer.render(&[group]);
    out.push_str("\n\n");
    out
}

/// A closing line: "NAME: valid (1 warning)" or "NAME: invalid, 2 errors".
pub fn verdict(renderer: &Renderer, name: &str, errors: usize, warnings: usize) -> String {
    let (level, text) = if errors == 0 {
        (
            Level::NOTE,
            format!("{name}: valid{}", counted(warnings, "warning")),
        )
    } else {
        (
            Level::ERROR,
            format!(
                "{name}: invalid, {}{}",
                plural(errors, "error"),
                counted(warnings, "warning")
            ),
        )
    };
    let mut out = renderer.render(&[Group::with_title(level.primary_title(text.as_str()))]);
    out.push('\n');
    out
}

/// A one-line note, such as which file was written.
pub fn note(renderer: &Renderer, text: &str) -> String {
    let mut out = renderer.render(&[Group::with_title(Level::NOTE.primary_title(text))]);
    out.push('\n');
    out
}

/// A one-line message of its own, such as a file that cannot be read.
pub fn line(renderer: &Renderer, severity: Severity, message: &str) -> String {
    problem(
        renderer,
        &Problem {
            severity,
            message: message.to_string(),
            help: None,
            place: Place::Nowhere,
        },
    )
}

/// The whole line holding byte `offset`, its 1-based number, and the span
/// (within that line) to underline: at least one character, never past the
/// end of the line.
fn line_around(text: &str, offset: usize, len: usize) -> Option<(&str, usize, Range<usize>)> {
    let offset = offset.min(text.len());
    if !text.is_char_boundary(offset) {
        return None;
    }
    let before = text.get(..offset)?;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let number = before.matches('\n').count() + 1;
    let end = text
        .get(offset..)?
        .find('\n')
        .map_or(text.len(), |i| offset + i);
    let line = text.get(start..end)?.trim_end_matches('\r');
    let from = offset - start;
    let mut to = (from + len.max(1)).min(line.len());
    while to > from && !line.is_char_boundary(to) {
        to -= 1;
    }
    if to <= from {
        // Pointing at the end of the line (or of the file): underline nothing
        // rather than invent a character.
        return Some((line, number, line.len()..line.len()));
    }
    Some(window(line, number, from..to))
}

/// The widest line shown; a longer one (a minified report is one line of
/// megabytes) is cut to this many bytes around the span.
const WIDEST_LINE: usize = 160;

/// The part of a long line around `span`, on character boundaries.
fn window(line: &str, number: usize, span: Range<usize>) -> (&str, usize, Range<usize>) {
    if line.len() <= WIDEST_LINE {
        return (line, number, span);
    }
    let mut start = span.start.saturating_sub(WIDEST_LINE / 3);
    while start > 0 && !line.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + WIDEST_LINE).max(span.end).min(line.len());
    while end < line.len() && !line.is_char_boundary(end) {
        end += 1;
    }
    let shown = line.get(start..end).unwrap_or(line);
    (shown, number, span.start - start..span.end - start)
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn counted(n: usize, word: &str) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(" ({})", plural(n, word))
    }
}

#[cfg(test)]
mod tests {
    use super::line_around;

    #[test]
    fn the_line_and_its_number_hold_the_offset() {
        let text = "a,b\nc,dd\r\ne";
        assert_eq!(line_around(text, 6, 2), Some(("c,dd", 2, 2..4)));
        assert_eq!(line_around(text, 0, 0), Some(("a,b", 1, 0..1)));
        // Past the end: the last line, nothing underlined.
        assert_eq!(line_around(text, 99, 1), Some(("e", 3, 1..1)));
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let text = format!("{}XYZ{}", "a".repeat(10_000), "b".repeat(10_000));
        let (line, number, span) = line_around(&text, 10_000, 3).expect("a line");
        assert_eq!(number, 1);
        assert!(line.len() <= 160, "{}", line.len());
        assert_eq!(line.get(span), Some("XYZ"));
    }
}
