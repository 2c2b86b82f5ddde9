//! `sealift`: the command-line companion of the Sealift viewer.
//!
//! It reads reports through the same `sealift-format` crate as the viewer, so a
//! file that `sealift check` accepts is a file the viewer renders. Besides
//! checking, it turns a folder of spreadsheets (CSV) into a report and back,
//! prints the format's JSON Schema, and bundles a report with the built viewer
//! into one HTML file for archiving.

mod bundle;
mod check;
mod export;
mod import;
mod render;
mod schema;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "sealift", version, about = "Check and prepare Sealift reports")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check report files against the format (sealift-report/1).
    ///
    /// Exits 0 when every file is valid (warnings are printed), 1 when any file
    /// has errors, 2 when a file cannot be read.
    Check {
        /// Report files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// When to colour human output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// Make a report from a folder of CSV files and a report.toml.
    ///
    /// Reads report.toml and whichever of sources.csv, actors.csv, places.csv,
    /// vessels.csv, sanctions.csv, trips.csv, events.csv, claims.csv,
    /// estimates.csv and sections.csv exist (see docs/authoring.md), checks
    /// the result like `sealift check`, and writes it only when it has no
    /// errors. Exits 0 when written, 1 when there are errors, 2 when a file
    /// cannot be read or written.
    Import {
        /// The folder holding report.toml and the CSV files.
        #[arg(value_name = "FOLDER")]
        folder: PathBuf,
        /// Where to write the report [default: FOLDER/report.json].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// When to colour the messages.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// Write a report out as CSV files and a report.toml, ready for a spreadsheet.
    ///
    /// `sealift import` reads the folder back into the same report. Refuses an
    /// invalid report, and files that already exist unless --force is given.
    Export {
        /// The report to export.
        #[arg(value_name = "REPORT")]
        report: PathBuf,
        /// The folder to write (created if missing).
        #[arg(value_name = "FOLDER")]
        folder: PathBuf,
        /// Overwrite files that already exist in the folder.
        #[arg(long)]
        force: bool,
        /// When to colour the messages.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// Print the JSON Schema of the report format.
    ///
    /// The committed copy is public/report.schema.json:
    /// `sealift schema > public/report.schema.json`.
    Schema,
    /// Write one self-contained HTML file: the built viewer, the report and the
    /// basemap, which opens from disk with no network and no server.
    ///
    /// Needs a release build of the viewer (`trunk build --release`).
    Bundle {
        /// The report to bundle; it must have no errors.
        #[arg(value_name = "REPORT")]
        report: PathBuf,
        /// The HTML file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// The built viewer.
        #[arg(long, value_name = "FOLDER", default_value = "dist")]
        dist: PathBuf,
        /// When to colour the messages.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
}

/// How `sealift check` prints what it found.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style messages with the offending line.
    Human,
    /// One JSON document, for editors and scripts.
    Json,
}

/// Whether human output uses colour.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check {
            files,
            format,
            color,
        } => check::run(&files, format, color),
        Command::Import {
            folder,
            output,
            color,
        } => {
            let output = output.unwrap_or_else(|| folder.join("report.json"));
            import::run(&folder, &output, color)
        }
        Command::Export {
            report,
            folder,
            force,
            color,
        } => export::run(&report, &folder, force, color),
        Command::Schema => {
            print(&schema::text());
            ExitCode::SUCCESS
        }
        Command::Bundle {
            report,
            output,
            dist,
            color,
        } => bundle::run(&report, &output, &dist, color),
    }
}

/// Writes to stdout; a closed pipe (`sealift schema | head`) is not worth a panic.
pub fn print(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
