#!/usr/bin/env bash
# Runs every test Sealift has, installing what is missing first. CI runs exactly this.
#   formatting, clippy (host and wasm32), native tests, `sealift check` on the
#   bundled report, browser tests (wasm-bindgen-test in headless Chromium),
#   the release build, and whole-page tests against the built dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

# The builds below take about 4 GB of disk; say how much there is, so that
# a run that stops with a full disk is recognised as such.
df -h . | awk 'NR == 2 { print "disk: " $4 " free of " $2 }'
scripts/setup.sh --with-trunk
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Chromium leaves ~50 MB of profile per run in TMPDIR; keep it in one place and drop it.
scratch=$(mktemp -d)
export TMPDIR="$scratch"
log="$scratch/test.log"
trap 'rm -rf "$scratch"' EXIT

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
run() { "$@" 2>&1 | tee -a "$log"; }

step "formatting"
cargo fmt --all -- --check

step "clippy, host"
cargo clippy --locked --workspace --all-targets -- -D warnings

step "clippy, wasm32"
cargo clippy --locked -p sealift-viewer --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --locked -p sealift-checker --target wasm32-unknown-unknown -- -D warnings
# The page's release build, each view's code a file of its own (src/shell/views.rs),
# in the folder that build uses (scripts/split-page.mjs).
cargo clippy --locked -p sealift-viewer --target wasm32-unknown-unknown --target-dir target/split \
  --config 'target.wasm32-unknown-unknown.rustflags=["--cfg", "sealift_split"]' -- -D warnings

step "native tests (format crate, CLI, the viewer's pure logic)"
run cargo test --locked --workspace

step "the checker without its words, as the viewer builds it"
run cargo test --locked -p sealift-format --no-default-features --test without_messages

step "sealift check on the bundled report"
cargo run --locked -q -p sealift-cli -- check public/data/report.json

step "browser tests (headless Chromium)"
run cargo test --locked -p sealift-viewer --target wasm32-unknown-unknown

step "release build of dist/"
trunk build --release
# The byte budget (200 KB gzip, 150 KB WebAssembly) is met by the page (its
# module split at its views) and three embeds, which must go on meeting it
# (--check, --embeds-in-budget), and not yet by the charts' and map's embeds
# (see docs/performance.md); until it is, a ceiling at today's size plus a
# little fails the tests when the heaviest embed (the map's) grows. Lower it
# as the embeds shrink.
node scripts/size-report.mjs dist --check --embed-ceiling 263,205 --embeds-in-budget claims,vessels,sources

step "whole-page tests against dist/"
(cd tests/e2e && npm ci --silent --no-audit --no-fund)
run npm --prefix tests/e2e test

# One closing line for every runner above.
passed=$(grep -oE '(test result: ok\. [0-9]+ passed|^(ℹ|#) pass [0-9]+)' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -oE '([0-9]+ failed;|^(ℹ|#) fail [0-9]+)' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
printf '\nall tests: %s passed, %s failed\n' "${passed:-0}" "${failed:-0}"
