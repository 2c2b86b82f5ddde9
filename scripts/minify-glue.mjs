#!/usr/bin/env node
// Minifies the JavaScript glue that wasm-bindgen writes beside the
// WebAssembly (Trunk copies it as it is: comments, JSDoc and indentation),
// then updates its integrity hash in index.html, where the page preloads it.
// 62 KB → 29 KB raw, 10.3 → 8.0 KB gzip. Trunk runs it after each release
// build (scripts/post-build.sh); terser comes from .tools/ (scripts/setup.sh).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const tools = join(dirname(fileURLToPath(import.meta.url)), "..", ".tools", "package.json");
const { minify } = createRequire(tools)("terser");

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const root = process.env.TRUNK_STAGING_DIR;
const glue = readdirSync(root).filter((name) => /^sealift-viewer-[0-9a-f]+\.js$/.test(name));
if (glue.length !== 1) {
  console.error(`minify-glue: expected one sealift-viewer-*.js in ${root}, found ${glue.length}`);
  process.exit(1);
}
const [name] = glue;
const path = join(root, name);
const minified = await minify(readFileSync(path, "utf8"), {
  module: true,
  compress: true,
  mangle: true,
  format: { ast: true },
});
// One top-level statement a line, as in wasm-bindgen's own output: `sealift
// bundle` reads the glue's `export` lines to inline it (crates/cli/src/bundle/glue.rs).
const code = minified.ast.body
  .map((statement) => statement.print_to_string())
  .map((line) => (line.endsWith(";") ? line : `${line};`))
  .join("\n");
writeFileSync(path, code);

// The page preloads the glue with its hash (`<link rel=modulepreload
// integrity=sha384-…>`): a stale one would keep the viewer from starting.
const integrity = `sha384-${createHash("sha384").update(code).digest("base64")}`;
const index = join(root, "index.html");
const html = readFileSync(index, "utf8");
let found = 0;
const updated = html.replace(/<link\b[^>]*>/g, (link) => {
  if (!link.includes(`href=./${name}`) && !link.includes(`href="./${name}"`)) return link;
  found += 1;
  return link.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity=${integrity}`);
});
if (found !== 1) {
  console.error(`minify-glue: expected one link to ${name} in index.html, found ${found}`);
  process.exit(1);
}
writeFileSync(index, updated);
