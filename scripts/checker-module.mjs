#!/usr/bin/env node
// The checker's module (crates/checker): the format crate with its words, as
// plain WebAssembly, which the viewer downloads only when a report is broken,
// to list its problems in words with their places in the file. The viewer's
// own modules check reports without those words (8 KB gzip less each:
// `sealift_format::MESSAGES`). Trunk runs it after every build, debug ones
// too, so that `scripts/serve.sh` shows broken reports as the release does
// (scripts/post-build.sh).
//
// 1. `cargo build -p sealift-checker` for wasm32, and in release builds
//    `wasm-opt -Oz` as for the viewer (`wasmOpt`);
// 2. written beside the viewer as `sealift-checker-<hash>.wasm`;
// 3. named in index.html by `<meta name=sealift-checker content=…>`, where
//    the viewer looks for it (`data::problems_in_words`);
// 4. run here on the bundled report, `data/report.json` as it is served: if
//    it has no errors, index.html names its SHA-256 in `<meta
//    name=sealift-checked-report>`, above the page's first script. That
//    script compares the report it downloads with it, and the viewer only
//    reads a report that matches (`sealift_format::read_checked`): an
//    embed's module carries none of the rules (src/data.rs,
//    `checked_report`). A broken bundled report gets no such line, and
//    the page shows its problems as for any other file.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cargoWasm } from "./cargo-wasm.mjs";
import { wasmOpt } from "./minify-glue.mjs";
import { withMetaAtTop } from "./page-meta.mjs";

const root = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";

function fail(message) {
  console.error(`checker-module: ${message}`);
  process.exit(1);
}

if (!root) fail("run by Trunk after a build (TRUNK_STAGING_DIR is not set)");
const built = cargoWasm(["-p", "sealift-checker", ...(release ? ["--release"] : [])], "sealift_checker", "cdylib");
if (!built) fail("cargo built no sealift_checker.wasm");

const module = release ? wasmOpt(readFileSync(built)) : readFileSync(built);
const file = `sealift-checker-${createHash("sha256").update(module).digest("hex").slice(0, 16)}.wasm`;
writeFileSync(join(root, file), module);

const index = join(root, "index.html");
let html = readFileSync(index, "utf8");
if (!html.includes("</head>")) fail("index.html has no </head>");
html = html.replace("</head>", `<meta name=sealift-checker content=./${file}></head>`);
console.log(`checker-module: ${file}, ${module.length} bytes`);

const report = join(root, "data", "report.json");
if (existsSync(report)) {
  const bytes = readFileSync(report);
  const errors = JSON.parse(await checkWith(module, bytes));
  if (errors.length === 0) {
    const digest = createHash("sha256").update(bytes).digest("hex");
    html = withMetaAtTop(html, "sealift-checked-report", digest) ?? fail("no <meta charset> in index.html");
    console.log(`checker-module: data/report.json passes its check (SHA-256 ${digest.slice(0, 16)}…)`);
  } else {
    console.warn(`checker-module: data/report.json has ${errors.length} errors; the page will list them (sealift check public/data/report.json)`);
  }
}
writeFileSync(index, html);

// The checker's answer for `bytes`: the JSON list of their errors. The
// same calls as the page's `sealiftProblems` (index.html).
async function checkWith(module, bytes) {
  const { instance } = await WebAssembly.instantiate(module);
  const { memory, file: room, check, answer } = instance.exports;
  const at = room(bytes.length);
  new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
  const length = check();
  return new TextDecoder().decode(new Uint8Array(memory.buffer, answer(), length));
}
