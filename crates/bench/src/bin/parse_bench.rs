//! Times parse plus validate (`sealift_format::check_bytes`) on synthetic
//! reports of several sizes and on the bundled report, and prints a table.
//!
//!   cargo run --release -p sealift-bench --bin parse-bench

use std::time::{Duration, Instant};

use sealift_bench::{Size, synthetic_report};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn time(bytes: &[u8], runs: usize) -> (Duration, bool) {
    let mut valid = true;
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            valid &= sealift_format::check_bytes(bytes).is_valid();
            start.elapsed()
        })
        .collect();
    (median(times), valid)
}

fn main() {
    let bundled = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/report.json"
    ))
    .unwrap_or_default();
    let mut cases: Vec<(String, Vec<u8>)> = vec![(String::from("bundled report"), bundled)];
    for trips in [1_000, 10_000, 40_000] {
        let text = synthetic_report(Size { trips, seed: 1 }).to_string();
        cases.push((format!("synthetic, {trips} trips"), text.into_bytes()));
    }
    println!(
        "{:<26} {:>10} {:>12} {:>10} {:>8}",
        "report", "size (KB)", "median (ms)", "MB/s", "valid"
    );
    for (name, bytes) in &cases {
        let runs = if bytes.len() > 10_000_000 { 5 } else { 21 };
        let (median, valid) = time(bytes, runs);
        let ms = median.as_secs_f64() * 1000.0;
        let mbs = bytes.len() as f64 / 1e6 / median.as_secs_f64().max(1e-9);
        println!(
            "{name:<26} {:>10.0} {ms:>12.2} {mbs:>10.1} {valid:>8}",
            bytes.len() as f64 / 1000.0
        );
    }
}
