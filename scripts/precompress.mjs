#!/usr/bin/env node
// Writes a .gz and a .br copy beside every text and WebAssembly file of a
// release build, for static hosts that serve precompressed files (nginx
// gzip_static/brotli_static, most CDNs). Trunk runs it after each build
// (Trunk.toml [[hooks]]); debug builds are left alone.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const root = process.env.TRUNK_STAGING_DIR;
const worth = new Set([".html", ".js", ".wasm", ".css", ".json", ".svg"]);

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (worth.has(extname(name))) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}
walk(root);
