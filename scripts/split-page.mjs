#!/usr/bin/env node
// The page's WebAssembly, split at its views: the first screen (header,
// contents, story, the "as of" bar) needs 139 KB gzip of the viewer's 344,
// and each view's code is a file of its own, downloaded when the view is
// first drawn (src/shell/views.rs). Trunk runs it after each release build
// (scripts/post-build.sh), after scripts/embed-modules.mjs, whose list of
// modules names Trunk's whole viewer for the page (`""`).
//
// 1. The viewer is built again with `--cfg sealift_split` (each view behind
//    its `wasm_split` function) and `--emit-relocs` (which lets the split
//    move code between files), in its own target folder: the flags change
//    every crate, and Trunk's build keeps its own.
// 2. `wasm-split-cli` (scripts/setup.sh) cuts it into the main module, one
//    file per view, and files of code that several views share; it writes
//    their loader, `__wasm_split.js`, which fetches a view's files and hands
//    them the main module's table, memory and stack pointer.
// 3. `wasm-bindgen --keep-lld-exports` (the views' files need those three),
//    and the loader goes into the glue: one file less, and no two files
//    that name each other (which no pair of content hashes can do). Its
//    `initSync` is the glue's own, which hands back the started module.
// 4. `wasm-opt -Oz` on every file, the glue step (`minifyGlue`) on the main
//    pair, and content hashes in every name: `sealift-page-<hash>.js` and
//    `…_bg.wasm`, `sealift-view-<view>-<hash>.wasm`,
//    `sealift-view-shared-<hash>.wasm`.
// 5. In index.html the list names the split pair for the page; Trunk's
//    whole viewer stays in dist/ for `sealift bundle` (a bundle is one
//    file, with one module), named by `<meta name=sealift-whole-viewer>`.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cargoWasm } from "./cargo-wasm.mjs";
import { minifyGlue, wasmOpt } from "./minify-glue.mjs";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const root = process.env.TRUNK_STAGING_DIR;
const repo = join(dirname(fileURLToPath(import.meta.url)), "..");

function fail(message) {
  console.error(`split-page: ${message}`);
  process.exit(1);
}

/** The split tool, as scripts/setup.sh installs it. */
const SPLIT_TOOL = join(repo, ".tools", "wasm-split", "bin", "wasm-split-cli");
if (!existsSync(SPLIT_TOOL)) fail(`no ${SPLIT_TOOL}: run scripts/setup.sh --with-trunk`);

const index = join(root, "index.html");
let html = readFileSync(index, "utf8");
const list = html.match(/(<script type="?application\/json"? id="?sealift-modules"?>)(.*?)(<\/script>)/);
if (!list) fail("index.html has no list of modules (scripts/embed-modules.mjs runs first)");
const modules = JSON.parse(list[2]);
if (!modules[""]) fail("the list of modules names no whole viewer");

// 1. The split build.
const flags = '["--cfg", "sealift_split", "-C", "link-args=--emit-relocs"]';
const built = cargoWasm(
  ["--release", "--bin", "sealift-viewer", "--target-dir", join(repo, "target", "split"), "--config", `target.wasm32-unknown-unknown.rustflags=${flags}`],
  "sealift-viewer",
  "bin",
);
if (!built) fail("cargo built no sealift-viewer.wasm");

const work = mkdtempSync(join(tmpdir(), "sealift-split-"));
try {
  // 2. The split.
  const parts = join(work, "parts");
  execFileSync(SPLIT_TOOL, [built, parts, "--out-name", "sealift-viewer"], { stdio: "inherit" });
  const loader = readFileSync(join(parts, "__wasm_split.js"), "utf8");

  // 4. (first, as the loader names them) the views' files and the shared ones.
  const renamed = new Map();
  for (const file of readdirSync(parts).filter((f) => f.endsWith(".wasm") && f !== "sealift-viewer.wasm")) {
    const wasm = wasmOpt(readFileSync(join(parts, file)));
    const view = file.match(/^split_([a-z]+)\.wasm$/)?.[1];
    if (!view && !/^chunk_\d+\.wasm$/.test(file)) fail(`a file the split tool was not expected to write: ${file}`);
    const name = `sealift-view-${view ?? "shared"}-${hash(wasm)}.wasm`;
    writeFileSync(join(root, name), wasm);
    renamed.set(file, name);
  }

  // 3. The main module's glue, with the loader in it.
  const bound = join(work, "bound");
  execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", bound, "--out-name", "sealift-viewer", join(parts, "sealift-viewer.wasm")], { stdio: "inherit" });
  const glue = withLoader(readFileSync(join(bound, "sealift-viewer.js"), "utf8"), loader, renamed);
  const minified = await minifyGlue(glue, wasmOpt(readFileSync(join(bound, "sealift-viewer_bg.wasm"))), "./sealift-viewer_bg.js");
  const name = `sealift-page-${hash(Buffer.concat([Buffer.from(minified.glue), minified.wasm]))}`;
  writeFileSync(join(root, `${name}.js`), minified.glue);
  writeFileSync(join(root, `${name}_bg.wasm`), minified.wasm);

  // 5. The list and the whole viewer's <meta>.
  const whole = modules[""].join(" ");
  modules[""] = [`./${name}.js`, `./${name}_bg.wasm`];
  html = html
    .replace(list[0], `${list[1]}${JSON.stringify(modules)}${list[3]}`)
    .replace("</head>", `<meta name=sealift-whole-viewer content="${whole}"></head>`);
  writeFileSync(index, html);
  console.log(`split-page: ${name}_bg.wasm, ${minified.wasm.length} bytes, and ${renamed.size} files of the views' code`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The first 16 hex digits of `bytes`' SHA-256. */
function hash(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

/**
 * wasm-bindgen's glue with the split's loader in it: the loader's exports
 * (one `__wasm_split_load_<view>` per view, which the main module imports
 * from `./__wasm_split.js`) become the glue's own functions, handed to the
 * module in its imports, and the loader fetches the files by their new
 * names (`renamed`), beside the glue.
 */
function withLoader(glue, loader, renamed) {
  const importLine = 'import { initSync } from "./sealift-viewer.js";\n';
  if (!loader.startsWith(importLine)) fail("__wasm_split.js does not start by importing the glue's initSync");
  let body = loader.slice(importLine.length);
  const loaders = [...body.matchAll(/^export const (__wasm_split_load_\w+) = /gm)].map((m) => m[1]);
  if (loaders.length === 0) fail("__wasm_split.js exports no loader");
  body = body.replace(/^export const (__wasm_split_load_\w+) = /gm, "const $1 = ");
  // The views' code is asked for while the report downloads: at a lower
  // priority than the report, which the first screen needs first.
  body = body.replace(/fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\)/g, (_, file) => {
    if (!renamed.has(file)) fail(`__wasm_split.js fetches ${file}, which the split did not write`);
    return `fetch(new URL("./${renamed.get(file)}", import.meta.url), { priority: "low" })`;
  });
  if (/fetch\(new URL\("\.\/(?!sealift-view-)/.test(body)) fail("__wasm_split.js fetches a file by a name left as it was");

  const imports = [...glue.matchAll(/^import \* as (import\d+) from "\.\/__wasm_split\.js"\n/gm)];
  const entries = [...glue.matchAll(/^ {8}"\.\/__wasm_split\.js": import\d+,\n/gm)];
  if (imports.length !== loaders.length || entries.length !== loaders.length) {
    fail(`the glue imports ${imports.length} and hands over ${entries.length} loaders, not ${loaders.length}`);
  }
  for (const [line] of [...imports, ...entries]) glue = glue.replace(line, "");
  const own = '        "./sealift-viewer_bg.js": import0,\n';
  if (!glue.includes(own)) fail("the glue's imports do not name its own module as expected");
  glue = glue.replace(own, `${own}        "./__wasm_split.js": { ${loaders.join(", ")} },\n`);
  const exports = "export { initSync, __wbg_init as default };";
  if (!glue.includes(exports)) fail("the glue does not end with its exports as expected");
  return glue.replace(exports, `${body}\n${exports}`);
}
