#!/usr/bin/env bash
# `sealift check` against `jq empty` on the same synthetic 10k-trip report.
#   crates/bench/compare-jq.sh [TRIPS]
# Uses hyperfine when installed (apt-get install hyperfine), else a timed loop.
set -euo pipefail
cd "$(dirname "$0")/../.."
trips=${1:-10000}
file=$(mktemp --suffix=.json)
trap 'rm -f "$file"' EXIT
cargo build -q --release -p sealift-cli -p sealift-bench
target/release/synth --trips "$trips" --seed 1 -o "$file"
echo "report: $trips trips, $(du -k "$file" | cut -f1) KB"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 15 -N "target/release/sealift check --color never $file" "jq empty $file"
else
  for cmd in "target/release/sealift check --color never $file" "jq empty $file"; do
    start=$(date +%s%N)
    for _ in $(seq 10); do $cmd >/dev/null; done
    echo "$(( ($(date +%s%N) - start) / 10000000 )) ms per run: $cmd"
  done
fi
