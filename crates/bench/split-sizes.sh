#!/usr/bin/env bash
# What the page's WebAssembly would weigh split at its views (a measurement,
# not the shipped build: docs/performance.md, "Seventeenth session").
#   crates/bench/split-sizes.sh [--dist RELEASE_DIST OUT]
# 1. A copy of the committed tree gets split-views.patch: each view's
#    component behind Leptos's `#[lazy]`, drawn when its chunk arrives.
# 2. It is built with `-C link-args=--emit-relocs` (target/split-spike/),
#    split by `wasm-split-cli` (wasm_split_cli_support 0.2.4, installed
#    into target/split-spike/tool/ the first time: it needs the network)
#    on cargo's own output, then `wasm-bindgen --keep-lld-exports`,
#    `wasm-opt -Oz` on every module and the glue step on the main one.
# 3. It prints each module's gzip size. With --dist, it also writes OUT: a
#    copy of a release build whose page module is the split one, for the
#    whole-page tests (SEALIFT_DIST=OUT npm --prefix tests/e2e test).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
export PATH="$repo/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
spike="$repo/target/split-spike"
tool="$spike/tool/bin/wasm-split-cli"
mkdir -p "$spike"
if [ ! -x "$tool" ]; then
  cargo install --locked wasm_split_cli_support --version 0.2.4 --features build-binary --root "$spike/tool"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive HEAD | tar -x -C "$work"
(cd "$work" && git apply "$repo/crates/bench/split-views.patch")
(cd "$work" && CARGO_TARGET_DIR="$spike/cargo" \
  RUSTFLAGS="--cfg erase_components -C llvm-args=-inline-threshold=0 -C link-args=--emit-relocs" \
  cargo build --release --target wasm32-unknown-unknown --bin sealift-viewer -q)
mkdir -p "$work/split" "$work/bound" "$work/out"
"$tool" "$spike/cargo/wasm32-unknown-unknown/release/sealift-viewer.wasm" "$work/split" --out-name m
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$work/bound" --out-name m "$work/split/m.wasm"
node --input-type=module - "$work" "$repo" "${1:-}" "${2:-}" "${3:-}" <<'EOF'
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
const [work, repo, flag, dist, out] = process.argv.slice(2);
const { minifyGlue, wasmOpt } = await import(join(repo, "scripts", "minify-glue.mjs"));
const kib = (bytes) => (gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1);
// The main module keeps every export: the chunks' loader takes the table,
// the memory and the shared globals from it.
const main = wasmOpt(readFileSync(join(work, "bound", "m_bg.wasm")));
const glued = await minifyGlue(readFileSync(join(work, "bound", "m.js"), "utf8"), main, "./m_bg.js");
const chunks = readdirSync(join(work, "split")).filter((f) => f.endsWith(".wasm") && f !== "m.wasm");
const rows = chunks.map((file) => ({ file, wasm: wasmOpt(readFileSync(join(work, "split", file))) }));
rows.sort((a, b) => b.wasm.length - a.wasm.length);
console.log(`main module:               ${kib(main)} KiB gzip (${kib(glued.wasm)} after the glue step, which may drop exports the chunks need)`);
console.log(`its glue / the split's JS: ${kib(Buffer.from(glued.glue))} / ${kib(readFileSync(join(work, "split", "__wasm_split.js")))} KiB gzip`);
for (const { file, wasm } of rows.filter((r) => r.file.startsWith("split_"))) console.log(`${file.replace(/_\d+\.wasm$/, "").padEnd(26)} ${kib(wasm)} KiB gzip`);
const shared = rows.filter((r) => !r.file.startsWith("split_"));
const total = (list) => list.reduce((s, r) => s + gzipSync(r.wasm, { level: 9 }).length, 0) / 1024;
console.log(`${shared.length} shared chunks:`.padEnd(27) + `${total(shared).toFixed(1)} KiB gzip`);
console.log(`all of it:                 ${(total(rows) + Number(kib(main))).toFixed(1)} KiB gzip`);
if (flag === "--dist") {
  rmSync(out, { recursive: true, force: true });
  cpSync(dist, out, { recursive: true });
  for (const f of readdirSync(out)) if (/\.(gz|br)$/.test(f)) rmSync(join(out, f));
  writeFileSync(join(out, "m.js"), readFileSync(join(work, "bound", "m.js")));
  writeFileSync(join(out, "m_bg.wasm"), main);
  writeFileSync(join(out, "__wasm_split.js"), readFileSync(join(work, "split", "__wasm_split.js")));
  for (const { file, wasm } of rows) writeFileSync(join(out, file), wasm);
  const index = join(out, "index.html");
  const html = readFileSync(index, "utf8");
  const list = html.match(/(<script type="?application\/json"? id="?sealift-modules"?>)(.*?)(<\/script>)/);
  const modules = { ...JSON.parse(list[2]), "": ["./m.js", "./m_bg.wasm"] };
  writeFileSync(index, html.replace(list[0], `${list[1]}${JSON.stringify(modules)}${list[3]}`));
  console.log(`wrote ${out}: ${dist} with the split page module`);
}
EOF
