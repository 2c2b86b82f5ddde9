//! `sealift check`: reads each file, checks it and prints what is wrong.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use sealift_format::{Checked, Diagnostic, Severity};
use serde::Serialize;

use crate::{ColorChoice, OutputFormat};

/// What checking one file found, as `--format json` prints it.
#[derive(Serialize)]
struct FileResult {
    file: String,
    valid: bool,
    errors: usize,
    warnings: usize,
    /// Set when the file could not be read; then nothing else was checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    io_error: Option<String>,
    diagnostics: Vec<Diagnostic>,
}

/// Checks every file and returns the exit code: 0 valid, 1 invalid, 2 unreadable.
pub fn run(files: &[PathBuf], format: OutputFormat, color: ColorChoice) -> ExitCode {
    let styled = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };

    let mut results = Vec::with_capacity(files.len());
    let mut out = String::new();
    for path in files {
        let name = path.display().to_string();
        let result = match std::fs::read(path) {
            Ok(bytes) => {
                let checked = sealift_format::check_bytes(&bytes);
                if format == OutputFormat::Human {
                    out.push_str(&render_human(&renderer, &name, &bytes, &checked));
                }
                FileResult {
                    valid: checked.is_valid(),
                    errors: checked.errors().count(),
                    warnings: checked.warnings().count(),
                    io_error: None,
                    file: name,
                    diagnostics: checked.diagnostics,
                }
            }
            Err(err) => {
                let message = format!("cannot read {name}: {err}");
                if format == OutputFormat::Human {
                    let report = [Group::with_title(
                        Level::ERROR.primary_title(message.as_str()),
                    )];
                    out.push_str(&renderer.render(&report));
                    out.push_str("\n\n");
                }
                FileResult {
                    file: name,
                    valid: false,
                    errors: 0,
                    warnings: 0,
                    io_error: Some(message),
                    diagnostics: Vec::new(),
                }
            }
        };
        results.push(result);
    }

    if format == OutputFormat::Json {
        let doc = serde_json::json!({ "files": results });
        out = serde_json::to_string_pretty(&doc).unwrap_or_default();
        out.push('\n');
    }
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`sealift check x | head`) is not an error worth a panic.
    let _ = stdout.write_all(out.as_bytes());

    if results.iter().any(|r| r.io_error.is_some()) {
        ExitCode::from(2)
    } else if results.iter().any(|r| !r.valid) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One file's diagnostics in the style of rustc, then a one-line verdict.
fn render_human(renderer: &Renderer, name: &str, bytes: &[u8], checked: &Checked) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for diagnostic in &checked.diagnostics {
        out.push_str(&renderer.render(&diagnostic_report(name, &text, diagnostic)));
        out.push_str("\n\n");
    }
    let errors = checked.errors().count();
    let warnings = checked.warnings().count();
    let verdict = if errors == 0 {
        format!("{name}: valid{}", counted(warnings, "warning"))
    } else {
        format!(
            "{name}: invalid, {}{}",
            plural(errors, "error"),
            counted(warnings, "warning")
        )
    };
    let level = if errors == 0 {
        Level::NOTE
    } else {
        Level::ERROR
    };
    out.push_str(&renderer.render(&[Group::with_title(level.primary_title(verdict.as_str()))]));
    out.push('\n');
    out
}

/// Builds the annotate-snippets report for one diagnostic: the message, the
/// line of the file it points at (when known), the JSON path, and any help.
fn diagnostic_report<'a>(name: &'a str, text: &'a str, d: &'a Diagnostic) -> Vec<Group<'a>> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let path_label = if d.path.is_empty() {
        "here"
    } else {
        d.path.as_str()
    };
    let mut group = Group::with_title(level.primary_title(d.message.as_str()));
    match d
        .location
        .and_then(|loc| line_around(text, loc.offset, loc.len).map(|l| (loc, l)))
    {
        Some((loc, (line, span))) => {
            group = group.element(
                Snippet::source(line)
                    .line_start(loc.line)
                    .path(name)
                    .annotation(AnnotationKind::Primary.span(span).label(path_label)),
            );
        }
        None => {
            group = group.element(Level::NOTE.message(format!("in {name}, at {path_label}")));
        }
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    vec![group]
}

/// The whole line holding byte `offset`, and the span (within that line) to
/// underline: at least one character, never past the end of the line.
fn line_around(text: &str, offset: usize, len: usize) -> Option<(&str, std::ops::Range<usize>)> {
    let offset = offset.min(text.len());
    if !text.is_char_boundary(offset) {
        return None;
    }
    let start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
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
        return Some((line, line.len()..line.len()));
    }
    Some((line, from..to))
}

fn plural(n: usize, word: &str) -> String {
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
