#!/usr/bin/env node
// Minifies the JavaScript glue that wasm-bindgen writes beside the
// WebAssembly, then updates both files' integrity hashes in index.html,
// where the page preloads them. Trunk runs it after each release build
// (scripts/post-build.sh); terser comes from .tools/ (scripts/setup.sh).
//
// 1. The names the WebAssembly imports from the glue become short
//    (`__wbg_setAttribute_5c1a…` → `$a3`), in both files: wasm-bindgen
//    writes 218 of them, each with 16 hex digits of hash, which no
//    compressor can shorten (7 KB gzip of the two files).
// 2. terser minifies the glue: Trunk copies it as it is, comments, JSDoc
//    and indentation included (10.0 → 7.8 KB gzip).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Debug builds (`trunk serve`) keep the glue as wasm-bindgen wrote it.
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const tools = join(dirname(fileURLToPath(import.meta.url)), "..", ".tools", "package.json");
const { minify } = createRequire(tools)("terser");
const root = process.env.TRUNK_STAGING_DIR;
const only = (pattern, what) => {
  const found = readdirSync(root).filter((name) => pattern.test(name));
  if (found.length !== 1) fail(`expected one ${what} in ${root}, found ${found.length}`);
  return found[0];
};
function fail(message) {
  console.error(`minify-glue: ${message}`);
  process.exit(1);
}
const glueName = only(/^sealift-viewer-[0-9a-f]+\.js$/, "sealift-viewer-*.js");
const wasmName = only(/^sealift-viewer-[0-9a-f]+_bg\.wasm$/, "sealift-viewer-*_bg.wasm");
let glue = readFileSync(join(root, glueName), "utf8");
let wasm = readFileSync(join(root, wasmName));

// 1. Short import names.
const { bytes, renamed } = renameImports(wasm, "./sealift-viewer_bg.js", (index) => `$${index.toString(36)}`);
for (const [long, short] of renamed) {
  const token = new RegExp(`(?<![\\w$])${long.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
  let count = 0;
  glue = glue.replace(token, () => {
    count += 1;
    return short;
  });
  // Each import is defined once in the glue's import object.
  if (count !== 1) fail(`the import ${long} occurs ${count} times in the glue, not once`);
}
wasm = bytes;

// 2. The glue minified, one top-level statement a line, as in wasm-bindgen's
// own output: `sealift bundle` reads the glue's `export` lines to inline it
// (crates/cli/src/bundle/glue.rs).
const minified = await minify(glue, { module: true, compress: true, mangle: true, format: { ast: true } });
glue = minified.ast.body
  .map((statement) => statement.print_to_string())
  .map((line) => (line.endsWith(";") ? line : `${line};`))
  .join("\n");

writeFileSync(join(root, glueName), glue);
writeFileSync(join(root, wasmName), wasm);

// The page preloads both with their hashes (`integrity=sha384-…`): a stale
// one would keep the viewer from starting.
const index = join(root, "index.html");
let html = readFileSync(index, "utf8");
for (const [name, content] of [[glueName, glue], [wasmName, wasm]]) {
  const integrity = `sha384-${createHash("sha384").update(content).digest("base64")}`;
  let found = 0;
  html = html.replace(/<link\b[^>]*>/g, (link) => {
    if (!link.includes(`href=./${name}`) && !link.includes(`href="./${name}"`)) return link;
    found += 1;
    return link.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity=${integrity}`);
  });
  if (found !== 1) fail(`expected one link to ${name} in index.html, found ${found}`);
}
writeFileSync(index, html);

/**
 * The WebAssembly module `wasm` with the imports from `module` renamed to
 * `short(i)`, and the list of [old, new] names. Only the import section
 * changes: names are not referred to anywhere else in a module.
 */
function renameImports(wasm, module, short) {
  const reader = { at: 8 };
  const uleb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = wasm[reader.at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  const encode = (value) => {
    const out = [];
    do {
      let byte = value % 128;
      value = Math.floor(value / 128);
      if (value > 0) byte |= 0x80;
      out.push(byte);
    } while (value > 0);
    return Buffer.from(out);
  };
  const text = (string) => {
    const utf8 = Buffer.from(string, "utf8");
    return Buffer.concat([encode(utf8.length), utf8]);
  };
  const name = () => {
    const length = uleb();
    const value = wasm.subarray(reader.at, reader.at + length).toString("utf8");
    reader.at += length;
    return value;
  };
  const renamed = [];
  const parts = [wasm.subarray(0, 8)];
  while (reader.at < wasm.length) {
    const start = reader.at;
    const id = wasm[reader.at++];
    const size = uleb();
    const end = reader.at + size;
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      reader.at = end;
      continue;
    }
    const count = uleb();
    const entries = [encode(count)];
    for (let i = 0; i < count; i++) {
      const from = name();
      let field = name();
      const descStart = reader.at;
      const kind = wasm[reader.at++];
      if (kind === 0) uleb();
      else if (kind === 1 || kind === 2) {
        if (kind === 1) reader.at++; // the table's element type
        const flags = wasm[reader.at++];
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 3) reader.at += 2; // value type, mutability
      else if (kind === 4) {
        reader.at++;
        uleb();
      } else fail(`an import of an unknown kind (${kind})`);
      const desc = wasm.subarray(descStart, reader.at);
      if (from === module) {
        const shorter = short(renamed.length);
        renamed.push([field, shorter]);
        field = shorter;
      }
      entries.push(text(from), text(field), desc);
    }
    if (reader.at !== end) fail("the import section did not read to its end");
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([2]), encode(body.length), body);
  }
  return { bytes: Buffer.concat(parts), renamed };
}
