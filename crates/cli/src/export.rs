//! `sealift export REPORT FOLDER`: a report as spreadsheets.
//!
//! Writes `report.toml` and every CSV file of [`sealift_format::sheets`] (files with no
//! rows get their header, as templates). It works from the report file's JSON
//! tree, as written, taking each field into its column; a field that no
//! column takes is an error rather than a silent loss, so that `sealift
//! import` always gives back the same report.

use std::path::Path;
use std::process::ExitCode;

use sealift_format::Severity;
use sealift_format::json::{Kind, Value};
use serde_json::Value as JsonValue;

use crate::render::{self, Problem};
use crate::{ColorChoice, check, print};
use sealift_format::sheets::{self, Object, REPORT_BLOCK, REPORT_KEYS, is_extension, take};

/// Exports `report` into `folder`; exits 0 when written, 1 when the report
/// is invalid or a file would be overwritten, 2 when a file cannot be read or
/// written.
pub fn run(report: &Path, folder: &Path, force: bool, color: ColorChoice) -> ExitCode {
    let renderer = render::renderer(color);
    let name = report.display().to_string();
    let bytes = match std::fs::read(report) {
        Ok(bytes) => bytes,
        Err(err) => {
            print(&render::line(
                &renderer,
                Severity::Error,
                &format!("cannot read {name}: {err}"),
            ));
            return ExitCode::from(2);
        }
    };
    let checked = sealift_format::check_bytes(&bytes);
    if !checked.is_valid() {
        let mut out = check::render_human(&renderer, &name, &bytes, &checked);
        out.push_str(&render::line(
            &renderer,
            Severity::Error,
            "export needs a report without errors: fix them first",
        ));
        print(&out);
        return ExitCode::from(1);
    };
    // A valid report is UTF-8 text.
    let text = String::from_utf8_lossy(&bytes);
    let files = match files(&text) {
        Ok(files) => files,
        Err(bug) => {
            let problem = Problem::error(format!("cannot export: {bug}"), render::Place::Nowhere)
                .with_help("this is a bug in sealift; please report it with the report file");
            print(&render::problem(&renderer, &problem));
            return ExitCode::from(1);
        }
    };
    let existing: Vec<String> = files
        .iter()
        .map(|(file, _)| folder.join(file))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !force && !existing.is_empty() {
        let problem = Problem::error(
            format!("these files exist already: {}", existing.join(", ")),
            render::Place::Nowhere,
        )
        .with_help("export into a new folder, or add --force to overwrite them");
        print(&render::problem(&renderer, &problem));
        return ExitCode::from(1);
    }
    let written = std::fs::create_dir_all(folder).and_then(|()| {
        files
            .iter()
            .try_for_each(|(file, text)| std::fs::write(folder.join(file), text))
    });
    match written {
        Ok(()) => {
            let mut out = String::new();
            if let Some(warning) = unexported_extras(&bytes) {
                out.push_str(&render::problem(&renderer, &warning));
            }
            let note = format!("wrote {} files to {}", files.len(), folder.display());
            out.push_str(&render::note(&renderer, &note));
            print(&out);
            ExitCode::SUCCESS
        }
        Err(err) => {
            let message = format!("cannot write into {}: {err}", folder.display());
            print(&render::line(&renderer, Severity::Error, &message));
            ExitCode::from(2)
        }
    }
}

/// Every file of the export of a checked report file: its name and its text.
pub fn files(text: &str) -> Result<Vec<(&'static str, String)>, Bug> {
    let (mut top, mut info) = sheets::split(text).map_err(internal)?;
    let tables = sheets::tables(text, &mut top, &mut info).map_err(internal)?;
    let mut files = vec![(REPORT_BLOCK, report_block(&mut top, info)?)];
    files.extend(tables);
    take(&mut top, "format");
    if let Some(m) = top.iter().find(|m| !is_extension(&m.key)) {
        return Err(internal(format!("the report's `{}` has no file", m.key)));
    }
    Ok(files)
}

/// `report.toml`: a comment for the author, `"$schema"` when the report has
/// one, then the block's keys in the layout's order.
fn report_block(top: &mut Object, mut info: Object) -> Result<String, Bug> {
    let mut text = String::from(
        "# The report block: what this report is and who made it (see docs/authoring.md).\n\
         # Dates are text in quotes: \"2024\", \"2024-02\", \"2024-02-12\", with ~ (about) or ? (uncertain).\n",
    );
    if let Some(schema) = take(top, "$schema") {
        text.push_str(&format!("\"$schema\" = {}\n", toml_value(&schema)?));
    }
    for key in REPORT_KEYS {
        if let Some(value) = take(&mut info, key) {
            text.push_str(&format!("{key} = {}\n", toml_value(&value)?));
        }
    }
    match info.iter().find(|m| !is_extension(&m.key)) {
        Some(m) => Err(internal(format!(
            "{REPORT_BLOCK} has no key for `{}`",
            m.key
        ))),
        None => Ok(text),
    }
}

/// A JSON string or list of strings, written as TOML.
fn toml_value(value: &Value) -> Result<String, Bug> {
    let value = match &value.kind {
        Kind::String(s) => toml::Value::String(s.clone()),
        Kind::Array(items) => toml::Value::Array(
            items
                .iter()
                .filter_map(|item| match &item.kind {
                    Kind::String(s) => Some(toml::Value::String(s.clone())),
                    _ => None,
                })
                .collect(),
        ),
        other => {
            let found = other.describe();
            return Err(internal(format!("{REPORT_BLOCK} cannot hold {found}")));
        }
    };
    Ok(value.to_string())
}

/// Fields starting with `x-` are allowed in a report but not part of the
/// model, so the spreadsheets cannot carry them: say so rather than drop
/// them silently.
fn unexported_extras(bytes: &[u8]) -> Option<Problem> {
    fn walk(value: &JsonValue, path: &str, found: &mut Vec<String>) {
        match value {
            JsonValue::Object(object) => {
                for (key, inner) in object {
                    let here = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    if key.starts_with("x-") {
                        found.push(here);
                    } else {
                        walk(inner, &here, found);
                    }
                }
            }
            JsonValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), found);
                }
            }
            _ => {}
        }
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let value: JsonValue = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let mut found = Vec::new();
    walk(&value, "", &mut found);
    let first = found.first()?;
    let message = format!(
        "{} not exported: fields starting with `x-` have no column (the first is {first})",
        render::plural(found.len(), "field")
    );
    Some(Problem {
        severity: Severity::Warning,
        message,
        help: Some("keep them in the JSON report, or move what they say into a `note`".into()),
        place: render::Place::Nowhere,
    })
}

/// A mistake of Sealift's, not the author's: the export would lose data.
/// Said in words; `run` tells the author.
type Bug = String;

fn internal(what: impl std::fmt::Display) -> Bug {
    what.to_string()
}
