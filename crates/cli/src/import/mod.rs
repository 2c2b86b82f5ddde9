//! `sealift import FOLDER`: a report from a folder of spreadsheets.
//!
//! The folder holds `report.toml` (the report block) and one CSV file per
//! collection, laid out as [`sealift_format::sheets::layout`] says. The import reads them,
//! assembles the report's JSON, and checks it with `sealift_format::check`,
//! the same check as `sealift check` and the viewer. Every problem, the
//! import's own and the check's, names the file, the row and the column, and
//! shows the cell. The report is written only when there is no error.

mod assemble;
mod block;
mod locate;
mod sheet;

use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use sealift_format::Severity;

use crate::render::{self, Place, Problem};
use crate::{ColorChoice, print};
use block::Block;
use sealift_format::sheets::{REPORT_BLOCK, TABLES, closest};
use sheet::Sheet;

/// Imports `folder` into `output`; exits 0 when written, 1 when the report
/// has errors, 2 when a file cannot be read or written.
pub fn run(folder: &Path, output: &Path, color: ColorChoice) -> ExitCode {
    let renderer = render::renderer(color);
    let name = folder.display().to_string();
    let outcome = import(folder);
    let mut out = String::new();
    for problem in &outcome.problems {
        out.push_str(&render::problem(&renderer, problem));
    }
    let errors = outcome.problems.iter().filter(|p| p.is_error()).count();
    let warnings = outcome.problems.len() - errors;
    if outcome.unreadable {
        print(&out);
        return ExitCode::from(2);
    }
    out.push_str(&render::verdict(&renderer, &name, errors, warnings));
    let Some(json) = outcome.report.filter(|_| errors == 0) else {
        print(&out);
        return ExitCode::from(1);
    };
    match std::fs::write(output, json) {
        Ok(()) => {
            out.push_str(&render::note(
                &renderer,
                &format!("wrote {}", output.display()),
            ));
            print(&out);
            ExitCode::SUCCESS
        }
        Err(err) => {
            let message = format!("cannot write {}: {err}", output.display());
            out.push_str(&render::line(&renderer, Severity::Error, &message));
            print(&out);
            ExitCode::from(2)
        }
    }
}

/// What importing a folder gave.
pub struct Outcome {
    /// The report as pretty JSON, when it has no error.
    pub report: Option<String>,
    pub problems: Vec<Problem>,
    /// A file could not be read at all (as opposed to holding mistakes).
    pub unreadable: bool,
}

/// Reads, assembles and checks the folder.
pub fn import(folder: &Path) -> Outcome {
    let mut outcome = Outcome {
        report: None,
        problems: Vec::new(),
        unreadable: false,
    };
    if !folder.is_dir() {
        let message = format!("{} is not a folder", folder.display());
        outcome
            .problems
            .push(Problem::error(message, Place::Nowhere).with_help(format!(
                "give the folder that holds {REPORT_BLOCK} and the CSV files"
            )));
        outcome.unreadable = true;
        return outcome;
    }
    let problems = &mut outcome.problems;
    let block_path = folder.join(REPORT_BLOCK);
    let block = match read_text(&block_path, problems) {
        Read::Text(text) => Block::parse(block_path.display().to_string(), text, problems),
        Read::Missing => {
            let message = format!("{} has no {REPORT_BLOCK}", folder.display());
            problems.push(Problem::error(message, Place::Nowhere).with_help(
                "every report needs one: id, title, summary, language, published and as_of (see docs/authoring.md)",
            ));
            return outcome;
        }
        Read::Failed => {
            outcome.unreadable = true;
            return outcome;
        }
    };
    warn_about_unread_files(folder, problems);
    let mut sheets = Vec::new();
    for table in TABLES {
        let path = folder.join(table.file);
        match read_text(&path, problems) {
            Read::Text(text) => {
                sheets.push(Sheet::parse(
                    table,
                    path.display().to_string(),
                    text,
                    problems,
                ));
            }
            Read::Missing => {}
            Read::Failed => outcome.unreadable = true,
        }
    }
    if outcome.unreadable {
        return outcome;
    }

    let assembled = assemble::assemble(&block, &sheets, problems);
    let bytes = serde_json::to_vec(&assembled.json).unwrap_or_default();
    let checked = sealift_format::check_bytes(&bytes);
    let sources = locate::Sources {
        block: &block,
        sheets: &sheets,
        assembled: &assembled,
    };
    problems.extend(
        checked
            .diagnostics
            .iter()
            .filter_map(|d| sources.problem(d)),
    );
    if !problems.iter().any(Problem::is_error) {
        outcome.report = checked.report.as_ref().and_then(|report| {
            let mut json = serde_json::to_string_pretty(report).ok()?;
            json.push('\n');
            Some(json)
        });
    }
    outcome
}

/// A file's text, or why there is none.
enum Read {
    Text(Rc<str>),
    Missing,
    /// Reported already.
    Failed,
}

fn read_text(path: &Path, problems: &mut Vec<Problem>) -> Read {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Read::Missing,
        Err(err) => {
            let message = format!("cannot read {}: {err}", path.display());
            problems.push(Problem::error(message, Place::Nowhere));
            return Read::Failed;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Read::Text(text.into()),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let text: Rc<str> = String::from_utf8_lossy(err.as_bytes()).into();
            let place = Place::Text {
                file: path.display().to_string(),
                text,
                offset: at,
                len: 1,
                label: "this byte".into(),
            };
            let message = format!("{} is not UTF-8 text", path.display());
            problems.push(Problem::error(message, place).with_help(
                "save it as \"CSV UTF-8\" (in most spreadsheets: File, Save as or Download, CSV UTF-8)",
            ));
            Read::Failed
        }
    }
}

/// A CSV file the import does not read is most likely a misnamed one.
fn warn_about_unread_files(folder: &Path, problems: &mut Vec<Problem>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut unread: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.to_lowercase().ends_with(".csv"))
        .filter(|n| TABLES.iter().all(|t| t.file != n.as_str()))
        .collect();
    unread.sort();
    for file in unread {
        let help = match closest(&file, TABLES.iter().map(|t| t.file)) {
            Some(near) => format!("did you mean {near}?"),
            None => format!(
                "the files read are {}",
                TABLES.iter().map(|t| t.file).collect::<Vec<_>>().join(", ")
            ),
        };
        problems.push(Problem {
            severity: Severity::Warning,
            message: format!(
                "{} is not read: it is not one of the report's files",
                folder.join(&file).display()
            ),
            help: Some(help),
            place: Place::Nowhere,
        });
    }
}
