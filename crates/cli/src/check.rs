//! `sealift check`: reads each file, checks it and prints what is wrong.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use annotate_snippets::Renderer;
use sealift_format::{Checked, Diagnostic, Severity};
use serde::Serialize;

use crate::render::{self, Place, Problem};
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
    let renderer = render::renderer(color);

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
                    out.push_str(&render::line(&renderer, Severity::Error, &message));
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
pub fn render_human(renderer: &Renderer, name: &str, bytes: &[u8], checked: &Checked) -> String {
    let mut out = String::new();
    // A copy of the whole file, made only when a diagnostic has to show a line of it.
    let text: Rc<str> = if checked.diagnostics.is_empty() {
        Rc::from("")
    } else {
        String::from_utf8_lossy(bytes).into()
    };
    for diagnostic in &checked.diagnostics {
        out.push_str(&render::problem(
            renderer,
            &problem(name, &text, diagnostic),
        ));
    }
    let errors = checked.errors().count();
    let warnings = checked.warnings().count();
    out.push_str(&render::verdict(renderer, name, errors, warnings));
    out
}

/// A diagnostic as a [`Problem`]: the line of the file it points at (when
/// known), labelled with the JSON path, and any help.
pub fn problem(name: &str, text: &Rc<str>, d: &Diagnostic) -> Problem {
    let label = if d.path.is_empty() {
        "here".to_string()
    } else {
        d.path.clone()
    };
    let place = match d.location {
        Some(loc) => Place::Text {
            file: name.to_string(),
            text: Rc::clone(text),
            offset: loc.offset,
            len: loc.len,
            label,
        },
        None => Place::Note(format!("in {name}, at {label}")),
    };
    Problem {
        severity: d.severity,
        message: d.message.clone(),
        help: d.help.clone(),
        place,
    }
}
