//! `sealift`: the command-line companion of the Sealift viewer.
//!
//! It reads reports through the same `sealift-format` crate as the viewer, so a
//! file that `sealift check` accepts is a file the viewer renders.

mod check;

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
        files: Vec<std::path::PathBuf>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// When to colour human output.
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
    }
}
