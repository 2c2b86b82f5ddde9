//! Writes a seeded synthetic report: `synth --trips 10000 --seed 1 -o big.json`.

use clap::Parser;
use sealift_bench::{Size, synthetic_report};

#[derive(Parser)]
#[command(about = "Write a synthetic, valid Sealift report of any size")]
struct Args {
    /// Trips; events, claims and estimates follow (N/2, N/10, N/5).
    #[arg(long, default_value_t = 1000)]
    trips: usize,
    /// The same seed gives the same report.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write it (standard output when absent).
    #[arg(short, long)]
    output: Option<std::path::PathBuf>,
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let text = synthetic_report(Size {
        trips: args.trips,
        seed: args.seed,
    })
    .to_string();
    let written = match &args.output {
        Some(path) => std::fs::write(path, text),
        None => {
            println!("{text}");
            Ok(())
        }
    };
    match written {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("synth: cannot write: {err}");
            std::process::ExitCode::from(2)
        }
    }
}
