#!/usr/bin/env node
// Minifies the JavaScript glue that wasm-bindgen writes beside the
// WebAssembly and trims the WebAssembly's exports to what the glue calls.
// Trunk runs it after each release build (scripts/post-build.sh), before
// scripts/embed-modules.mjs, which does the same to each embed's module and
// replaces Trunk's preloads of these two files (and their integrity hashes)
// with its loader; terser comes from .tools/ (scripts/setup.sh).
//
// 0. wasm-bindgen's reader of the strings the WebAssembly hands over reads
//    short ASCII ones itself, without a `TextDecoder` call
//    (`SHORT_STRING_READER`, below).
// 1. The names the WebAssembly imports from the glue become short
//    (`__wbg_setAttribute_5c1a…` → `$a3`), in both files: wasm-bindgen
//    writes 218 of them, each with 16 hex digits of hash, which no
//    compressor can shorten (7 KB gzip of the two files).
// 2. The classes the glue exports for JavaScript callers (a page has none)
//    are no longer exported, so that terser can drop them.
// 3. terser minifies the glue: Trunk copies it as it is, comments, JSDoc
//    and indentation included (10.0 → 7.8 KB gzip).
// 4. The WebAssembly's exports that the glue does not call go, and a
//    second `wasm-opt -Oz` takes out the code only they reached (−2.4 KB
//    gzip: wasm-streams' stream classes, which Leptos's server functions
//    bring in, and `main`).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// terser and wasm-opt come from .tools/ (scripts/setup.sh).
const tools = join(dirname(fileURLToPath(import.meta.url)), "..", ".tools", "package.json");

/** The WebAssembly features current Rust emits, for binaryen's tools. */
export const WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

/**
 * How wasm-bindgen's glue reads each string the WebAssembly hands to
 * JavaScript: a `TextDecoder` call, whose cost is mostly the call itself.
 * Most of the viewer's strings are short and ASCII (class names, attribute
 * values, coordinates, numbers), and a loop over their bytes is quicker:
 * everything drawn at 10,000 trips 1,431 → 1,338 ms, the first screen the
 * same (7 alternating runs, docs/performance-history.md, "Nineteenth
 * session").
 * Any other string goes to the `TextDecoder` as before.
 */
const STRING_READER = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;
const SHORT_STRING_READER = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const memory = getUint8ArrayMemory0();
    if (len < 64) {
        let text = "";
        for (let at = ptr; at < ptr + len && memory[at] < 128; at++) text += String.fromCharCode(memory[at]);
        if (text.length === len) return text;
    }
    return decodeText(memory.subarray(ptr, ptr + len));
}`;

// Run by Trunk: its pair of files. (The embeds' own modules go through
// `minifyGlue` too: scripts/embed-modules.mjs.)
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Debug builds (`trunk serve`) keep the glue as wasm-bindgen wrote it.
  if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
  const root = process.env.TRUNK_STAGING_DIR;
  const only = (pattern, what) => {
    const found = readdirSync(root).filter((name) => pattern.test(name));
    if (found.length !== 1) fail(`expected one ${what} in ${root}, found ${found.length}`);
    return found[0];
  };
  const glueName = only(/^sealift-viewer-[0-9a-f]+\.js$/, "sealift-viewer-*.js");
  const wasmName = only(/^sealift-viewer-[0-9a-f]+_bg\.wasm$/, "sealift-viewer-*_bg.wasm");
  const { glue, wasm, removed } = await minifyGlue(
    readFileSync(join(root, glueName), "utf8"),
    readFileSync(join(root, wasmName)),
    "./sealift-viewer_bg.js",
  );
  console.log(`minify-glue: ${removed.length} exports the glue does not call removed (${removed.join(", ")})`);
  writeFileSync(join(root, glueName), glue);
  writeFileSync(join(root, wasmName), wasm);
}

/**
 * The glue (text) and the WebAssembly (bytes) that wasm-bindgen wrote,
 * minified as above, with the names of the exports removed; `importModule`
 * is the name the WebAssembly imports the glue by (`./sealift-viewer_bg.js`).
 */
export async function minifyGlue(glue, wasm, importModule) {
  // 0. Short ASCII strings read byte by byte.
  if (!glue.includes(STRING_READER)) fail("wasm-bindgen's getStringFromWasm0 is not written as expected");
  glue = glue.replace(STRING_READER, SHORT_STRING_READER);

  // 1. Short import names.
  const { bytes, renamed } = renameImports(wasm, importModule, (index) => `$${index.toString(36)}`);
  // An import the WebAssembly no longer has (wasm-opt dropped it, unused,
  // before the glue was minified: an embed's module uses fewer) goes from
  // the glue's import object too.
  glue = withImportsOnly(glue, new Set(renamed.map(([long]) => long)));
  for (const [long, short] of renamed) {
    let count = 0;
    glue = glue.replace(token(long, "g"), () => {
      count += 1;
      return short;
    });
    // Each import is defined once in the glue's import object.
    if (count !== 1) fail(`the import ${long} occurs ${count} times in the glue, not once`);
  }
  wasm = bytes;

  // 2. Classes the glue exports for JavaScript callers, which a page that only
  // starts the viewer never has: wasm-bindgen writes one for every exported
  // Rust type of every dependency (Leptos's server functions bring
  // wasm-streams' three). They stop being exported, and terser drops the ones
  // the glue itself does not use, with their finalizers (`pure_new`).
  const classes = [...glue.matchAll(/^export class (\w+) \{$/gm)].map((m) => m[1]);
  for (const name of classes) {
    const dispose = `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`;
    if (!glue.includes(dispose)) fail(`the class ${name} is not written as expected`);
    glue = glue.replace(`export class ${name} {`, `class ${name} {`).replace(dispose, "");
  }

  // 3. The glue minified, one top-level statement a line, as in wasm-bindgen's
  // own output: `sealift bundle` reads the glue's `export` lines to inline it
  // (crates/cli/src/bundle/glue.rs).
  const { minify } = createRequire(tools)("terser");
  const minified = await minify(glue, {
    module: true,
    compress: { pure_new: true },
    mangle: true,
    format: { ast: true },
  });
  glue = minified.ast.body
    .map((statement) => statement.print_to_string())
    .map((line) => (line.endsWith(";") ? line : `${line};`))
    .join("\n");

  // 4. The WebAssembly's exports that the glue no longer calls (the dropped
  // classes' methods) go, and wasm-opt takes out the code only they reached,
  // with the sections that only name the tools and their features.
  const { bytes: trimmed, removed } = removeExports(wasm, (name) => token(name).test(glue));
  if (removed.length > 0) wasm = wasmOpt(trimmed);
  return { glue, wasm, removed };
}

/**
 * The glue without the entries of its import object (wasm-bindgen's
 * `const import0 = {`, one entry from each `        __wbg_…: ` line to the
 * next, the last to the object's `    };`) that `kept` does not name.
 */
function withImportsOnly(glue, kept) {
  const entries = [...glue.matchAll(/^ {8}(__wbg\w+|__wbindgen\w+): /gm)];
  if (entries.length === 0) fail("the glue has no import object as wasm-bindgen writes it");
  const end = glue.indexOf("\n    };", entries.at(-1).index) + 1;
  let out = "";
  let at = 0;
  entries.forEach((entry, i) => {
    if (kept.has(entry[1])) return;
    out += glue.slice(at, entry.index);
    at = i + 1 < entries.length ? entries[i + 1].index : end;
  });
  return out + glue.slice(at);
}

/** `wasm` through `wasm-opt -Oz`, without the sections that only name the tools and their features. */
export function wasmOpt(wasm) {
  const work = join(mkdtempSync(join(tmpdir(), "sealift-wasm-opt-")), "module.wasm");
  writeFileSync(work, wasm);
  // SEALIFT_NAMES=1 keeps the functions' names, for a CPU profile (docs/performance.md).
  const names = process.env.SEALIFT_NAMES ? ["-g"] : [];
  const flags = ["-Oz", ...WASM_FEATURES, "--strip-producers", "--strip-target-features", ...names];
  binaryen(binaryenTool("wasm-opt"), [...flags, work, "-o", work]);
  const optimised = readFileSync(work);
  rmSync(dirname(work), { recursive: true });
  return optimised;
}

/**
 * The command for one of binaryen's tools (`wasm-opt`, `wasm-merge`), as
 * Trunk finds wasm-opt: .tools/'s (scripts/setup.sh), else the one on PATH,
 * which must be binaryen 132 too (Debian's 108 breaks the page).
 */
export function binaryenTool(name) {
  const local = join(dirname(tools), "node_modules", ".bin", name);
  const command = existsSync(local) ? local : name;
  const version = execFileSync(command, ["--version"], { encoding: "utf8" }).trim();
  if (!/\bversion[ _]132\b/.test(version)) fail(`${name} 132 is needed, not ${version}`);
  return command;
}

/**
 * Runs one of binaryen's tools. The split's files carry a name subsection
 * binaryen does not know, and it says so for each (scripts/split-page.mjs):
 * only that is left out of what it says.
 */
export function binaryen(command, args) {
  const run = spawnSync(command, args, { encoding: "utf8" });
  const said = `${run.stdout ?? ""}${run.stderr ?? ""}`.split("\n").filter((line) => line && !/^warning: unknown name subsection with id \d+ at \d+$/.test(line));
  if (said.length > 0) console.error(said.join("\n"));
  if (run.status !== 0) fail(`${command} failed (${run.error ?? `exit ${run.status}`})`);
}

function fail(message) {
  console.error(`minify-glue: ${message}`);
  process.exit(1);
}

/** `name` as a whole identifier of JavaScript (not part of a longer one). */
function token(name, flags = "") {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, flags);
}

/** A reader of a WebAssembly module's bytes, from `at`. */
function reader(wasm, at) {
  const r = {
    at,
    uleb() {
      let value = 0;
      let shift = 0;
      for (;;) {
        const byte = wasm[r.at++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
        if (byte < 0x80) return value;
      }
    },
    name() {
      const length = r.uleb();
      const value = wasm.subarray(r.at, r.at + length).toString("utf8");
      r.at += length;
      return value;
    },
  };
  return r;
}

/** `value` as an unsigned LEB128 number. */
export function encode(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** `string` as a WebAssembly name: its UTF-8 length, then its bytes. */
export function text(string) {
  const utf8 = Buffer.from(string, "utf8");
  return Buffer.concat([encode(utf8.length), utf8]);
}

/**
 * The module `wasm` with the section `id` rewritten by `edit(reader, end)`,
 * which reads the section's body and returns the new one; every other
 * section stays as it is.
 */
function rewriteSection(wasm, id, edit) {
  const r = reader(wasm, 8);
  const parts = [wasm.subarray(0, 8)];
  while (r.at < wasm.length) {
    const start = r.at;
    const section = wasm[r.at++];
    const size = r.uleb();
    const end = r.at + size;
    if (section !== id) {
      parts.push(wasm.subarray(start, end));
      r.at = end;
      continue;
    }
    const body = edit(r, end);
    if (r.at !== end) fail(`section ${id} did not read to its end`);
    parts.push(Buffer.from([id]), encode(body.length), body);
  }
  return Buffer.concat(parts);
}

/**
 * The WebAssembly module `wasm` with the imports from `module` renamed to
 * `short(i)`, and the list of [old, new] names.
 */
function renameImports(wasm, module, short) {
  const renamed = [];
  const bytes = rewriteImports(wasm, ({ module: from, field }) => {
    if (from !== module) return { module: from, field };
    const shorter = short(renamed.length);
    renamed.push([field, shorter]);
    return { module: from, field: shorter };
  });
  return { bytes, renamed };
}

/**
 * The WebAssembly module `wasm` with each import's module and field names
 * as `edit({ module, field, kind, desc })` gives them (`desc`: the bytes
 * that say what is imported, `kind` its first). Only the import section
 * changes: names are not referred to anywhere else in a module.
 */
export function rewriteImports(wasm, edit) {
  return rewriteSection(wasm, 2, (r) => {
    const count = r.uleb();
    const entries = [encode(count)];
    for (let i = 0; i < count; i++) {
      const { module, field } = edit(readImport(wasm, r));
      entries.push(text(module), text(field), r.desc);
    }
    return Buffer.concat(entries);
  });
}

/** The imports of the WebAssembly module `wasm`: `{ module, field, kind, desc }`. */
export function importsOf(wasm) {
  const found = [];
  rewriteImports(wasm, (entry) => {
    found.push(entry);
    return entry;
  });
  return found;
}

/** One import read by `r` (which keeps its `desc`, the bytes after the names). */
function readImport(wasm, r) {
  const module = r.name();
  const field = r.name();
  const descStart = r.at;
  const kind = wasm[r.at++];
  if (kind === 0) r.uleb();
  else if (kind === 1 || kind === 2) {
    if (kind === 1) r.at++; // the table's element type
    const flags = wasm[r.at++];
    r.uleb();
    if (flags & 1) r.uleb();
  } else if (kind === 3) r.at += 2; // value type, mutability
  else if (kind === 4) {
    r.at++;
    r.uleb();
  } else fail(`an import of an unknown kind (${kind})`);
  r.desc = wasm.subarray(descStart, r.at);
  return { module, field, kind, desc: r.desc };
}

/**
 * The WebAssembly module `wasm` without the exports whose names `used`
 * turns down, and the list of their names.
 */
function removeExports(wasm, used) {
  const removed = [];
  const bytes = rewriteSection(wasm, 7, (r) => {
    const count = r.uleb();
    const kept = [];
    for (let i = 0; i < count; i++) {
      const start = r.at;
      const name = r.name();
      r.at++; // the kind
      r.uleb(); // the index
      if (used(name)) kept.push(wasm.subarray(start, r.at));
      else removed.push(name);
    }
    return Buffer.concat([encode(kept.length), ...kept]);
  });
  return { bytes, removed };
}
