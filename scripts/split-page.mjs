#!/usr/bin/env node
// The page's WebAssembly, split at its views: the first screen (header,
// contents, story, the "as of" bar) needs 141 KB gzip of the viewer's 344,
// and each view's code is a file of its own (with one of code several views
// share), downloaded once the first screen is drawn, or as soon as a view
// in it needs it (src/shell/views.rs). The format's rules are a file of
// their own too, `sealift-rules-<hash>.wasm`, which only a report other
// than the one the build checked needs (src/data.rs, `the_rules`): 8.9 KB
// gzip off the first load. Trunk runs it after each release build
// (scripts/post-build.sh), after scripts/embed-modules.mjs, whose list of
// modules names Trunk's whole viewer for the page (`""`).
//
// 1. The viewer is built again with `--cfg sealift_split` (each view behind
//    its `wasm_split` function) and `--emit-relocs` (which lets the split
//    move code between files), in its own target folder: the flags change
//    every crate, and Trunk's build keeps its own.
// 2. `wasm-split-cli` (scripts/setup.sh) cuts it into the main module, one
//    file per view, and files of code that several views share (one per
//    set of views: 41), which `wasm-merge` links into one (`merged`); it
//    writes their loader, `__wasm_split.js`, which fetches a view's files
//    and hands them the main module's table, memory and stack pointer.
// 3. `wasm-bindgen --keep-lld-exports` (the views' files need those three),
//    and the loader goes into the glue: one file less, and no two files
//    that name each other (which no pair of content hashes can do). Its
//    `initSync` is the glue's own, which hands back the started module.
// 4. `wasm-opt -Oz` on every file, the glue step (`minifyGlue`) on the main
//    pair, and content hashes in every name: `sealift-page-<hash>.js` and
//    `…_bg.wasm`, `sealift-view-<view>-<hash>.wasm`, and
//    `sealift-view-shared-<hash>.wasm`, which every view needs.
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
import { binaryen, binaryenTool, encode, importsOf, minifyGlue, rewriteImports, text, WASM_FEATURES, wasmOpt } from "./minify-glue.mjs";

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

  // 4. (first, as the loader names them) the views' files, and the files
  // of code that several views share merged into one.
  const renamed = new Map();
  const written = (wasm, what) => {
    const name = `sealift-${what === "rules" ? "rules" : `view-${what}`}-${hash(wasm)}.wasm`;
    writeFileSync(join(root, name), wasm);
    return name;
  };
  const files = readdirSync(parts).filter((f) => f.endsWith(".wasm") && f !== "sealift-viewer.wasm");
  const shared = files.filter((file) => /^chunk_\d+\.wasm$/.test(file));
  for (const file of files.filter((f) => !shared.includes(f))) {
    const view = file.match(/^split_([a-z]+)\.wasm$/)?.[1];
    if (!view) fail(`a file the split tool was not expected to write: ${file}`);
    renamed.set(file, written(wasmOpt(readFileSync(join(parts, file))), view));
  }
  const sharedName = written(wasmOpt(merged(shared.map((file) => readFileSync(join(parts, file))), work)), "shared");
  for (const file of shared) renamed.set(file, sharedName);

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
  console.log(`split-page: ${name}_bg.wasm, ${minified.wasm.length} bytes, and ${new Set(renamed.values()).size} files of the views' code`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * The files of code that several views share, as one module: `wasm-merge`
 * links them after their imports (the main module's memory, table and
 * stack pointer, which each imports) go through a module that only hands
 * them on, so that the merged module imports each once. 41 files were
 * 78.8 KB gzip and took as many requests; merged (and through wasm-opt,
 * which now sees them together), 60.0 KB and one.
 */
function merged(modules, work) {
  const what = new Map();
  for (const module of modules) for (const entry of importsOf(module)) {
    if (entry.module !== "__wasm_split") fail(`a shared file imports ${entry.module}.${entry.field}`);
    what.set(entry.field, entry);
  }
  const entries = [...what.values()];
  const section = (id, body) => Buffer.concat([Buffer.from([id]), encode(body.length), body]);
  const list = (items) => Buffer.concat([encode(items.length), ...items]);
  const handsOn = Buffer.concat([
    Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    section(2, list(entries.map((e) => Buffer.concat([text("__wasm_split"), text(e.field), e.desc])))),
    // Each is the only import of its kind: index 0.
    section(7, list(entries.map((e) => Buffer.concat([text(e.field), Buffer.from([e.kind]), encode(0)])))),
  ]);
  const args = [];
  const file = (name, bytes) => {
    writeFileSync(join(work, `${name}.wasm`), bytes);
    args.push(join(work, `${name}.wasm`), name);
  };
  file("split", handsOn);
  modules.forEach((module, i) => file(`shared${i}`, rewriteImports(module, ({ field }) => ({ module: "split", field }))));
  const out = join(work, "shared.wasm");
  // binaryen's module linker, beside its wasm-opt.
  binaryen(binaryenTool("wasm-merge"), [...args, "-o", out, ...WASM_FEATURES]);
  return readFileSync(out);
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
  // Each view's own file is asked for while the report downloads: at a
  // lower priority than the report, which the first screen needs first.
  // Not the file of code that the views share, which every view and the
  // format's rules wait for, nor the rules, which a report the address
  // names needs before it can be shown: at a low priority, they made the
  // first screen at 1,000 trips 40 ms later (21 alternating runs).
  body = body.replace(/fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\)/g, (_, file) => {
    if (!renamed.has(file)) fail(`__wasm_split.js fetches ${file}, which the split did not write`);
    const name = renamed.get(file);
    const own = name.startsWith("sealift-view-") && !name.startsWith("sealift-view-shared-");
    return `fetch(new URL("./${name}", import.meta.url)${own ? ', { priority: "low" }' : ""})`;
  });
  if (/fetch\(new URL\("\.\/(?!sealift-view-|sealift-rules-)/.test(body)) fail("__wasm_split.js fetches a file by a name left as it was");

  // The shared files are one (`merged`): one loader for it, which every view waits for.
  const chunks = /^(?:\/\*[^\n]*\*\/\n)?const (__chunk_\d+) = makeLoad\(\(\) => \{\n    const src = fetch\(new URL\("\.\/(sealift-view-shared-[0-9a-f]{16}\.wasm)", import\.meta\.url\)\);\n    src\.catch\(\(\) => \{\}\);\n    return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, \[\]\);\n/gm;
  const found = [...body.matchAll(chunks)];
  if (found.length === 0 || new Set(found.map((m) => m[2])).size !== 1) fail("__wasm_split.js does not load the shared files as expected");
  let first = true;
  body = body.replace(chunks, (block) => {
    if (!first) return "";
    first = false;
    return block.replace(/const __chunk_\d+ = /, "const sharedCode = ");
  });
  body = body.replace(/, \[__chunk_\d+(?:, __chunk_\d+)*\]\)\);/g, ", [sharedCode]));");
  if (/__chunk_\d+/.test(body)) fail("__wasm_split.js still names a shared file's loader");

  // A host that serves `.wasm` files as something else than
  // `application/wasm` (an older nginx's `mime.types`, say) makes
  // `instantiateStreaming` fail: as wasm-bindgen's glue does for the main
  // module, the views' files are then read whole and instantiated.
  const streamed = "return async (imports) => (WebAssembly.instantiateStreaming(src, imports));";
  const count = body.split(streamed).length - 1;
  if (count !== loaders.length + 1) fail(`__wasm_split.js instantiates ${count} files as expected, not ${loaders.length + 1}`);
  body = body.replaceAll(streamed, "return async (imports) => instantiateView(await src, imports);");
  body += `
async function instantiateView(response, imports) {
    if (!response.ok) throw new Error(\`\${response.url}: \${response.status}\`);
    if (response.headers.get("Content-Type")?.startsWith("application/wasm")) return WebAssembly.instantiateStreaming(response, imports);
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`;

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
