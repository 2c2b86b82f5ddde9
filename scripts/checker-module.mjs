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
//    the viewer looks for it (`data::problems_in_words`).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cargoWasm } from "./cargo-wasm.mjs";
import { wasmOpt } from "./minify-glue.mjs";

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
const html = readFileSync(index, "utf8");
if (!html.includes("</head>")) fail("index.html has no </head>");
writeFileSync(index, html.replace("</head>", `<meta name=sealift-checker content=./${file}></head>`));
console.log(`checker-module: ${file}, ${module.length} bytes`);
