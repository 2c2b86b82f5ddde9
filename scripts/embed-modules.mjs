#!/usr/bin/env node
// Each embeddable view's own WebAssembly, for the iframes that show that view
// alone (`?embed=map`): built with the viewer's `only-<view>` feature
// (Cargo.toml), the page and the other views left out, so that an embed
// downloads a third to over half less WebAssembly than the whole viewer's. Trunk runs it after each
// release build (scripts/post-build.sh), after scripts/minify-glue.mjs.
//
// 1. For each `only-<view>` feature of Cargo.toml: `cargo build` with it,
//    `wasm-bindgen` and `wasm-opt -Oz` as Trunk does, the glue minified as
//    Trunk's is (`minifyGlue`), and the pair written beside Trunk's as
//    `sealift-embed-<view>-<hash>.js` and `…_bg.wasm`.
// 2. In index.html, Trunk's loader (a module script that imports the whole
//    viewer) and its two preloads give way to `<script id=sealift-start>`,
//    which picks the module for the page's `?embed=`, preloads it, and
//    starts it once the document is read, as Trunk's did; an embed inside
//    another page whose copy of its view is on screen waits first until the
//    reader comes to it. The modules are
//    listed in `<script type=application/json id=sealift-modules>` for it
//    (and for `sealift bundle` and scripts/size-report.mjs): `{"": the whole
//    viewer, "map": […], …}`, each `[glue, WebAssembly]`. Without the
//    integrity hashes Trunk gives its preloads: they guard files served from
//    elsewhere than the page, and every file of a build is served with it
//    (a dozen hashes would be 0.7 KB of the page that nothing compresses).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cargoWasm } from "./cargo-wasm.mjs";
import { minifyGlue, wasmOpt } from "./minify-glue.mjs";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const root = process.env.TRUNK_STAGING_DIR;
const repo = join(dirname(fileURLToPath(import.meta.url)), "..");

function fail(message) {
  console.error(`embed-modules: ${message}`);
  process.exit(1);
}

// The views, as the features name them (src/embed/mod.rs holds EMBEDDABLE to them).
const manifest = readFileSync(join(repo, "Cargo.toml"), "utf8");
const views = [...manifest.matchAll(/^only-([a-z]+) = \[\]$/gm)].map((m) => m[1]);
if (views.length === 0) fail("Cargo.toml has no only-<view> features");

// Trunk's loader and preloads name the whole viewer's pair.
const index = join(root, "index.html");
let html = readFileSync(index, "utf8");
const loaders = [...html.matchAll(/<script type="?module"?>[^<]*module_or_path[^<]*<\/script>/g)];
if (loaders.length !== 1) fail(`expected Trunk's loader script in index.html, found ${loaders.length}`);
const preload = (rel, file) => {
  const found = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([link]) => link)
    .filter((link) => new RegExp(`\\brel="?${rel}\\b`).test(link) && new RegExp(`href="?\\./sealift-viewer-[0-9a-f]+${file}\\b`).test(link));
  if (found.length !== 1) fail(`expected one ${rel} of sealift-viewer-*${file} in index.html, found ${found.length}`);
  const [, href] = found[0].match(/href="?\.\/([^" >]+)/);
  return { link: found[0], href };
};
const glue = preload("modulepreload", "\\.js");
const wasm = preload("preload", "_bg\\.wasm");
const modules = { "": [`./${glue.href}`, `./${wasm.href}`] };

const work = mkdtempSync(join(tmpdir(), "sealift-embeds-"));
try {
  // SEALIFT_PAGE_ONLY=1: none (a quicker build for measuring the page: docs/performance.md).
  for (const view of process.env.SEALIFT_PAGE_ONLY ? [] : views) {
    const built = cargoBuild(`only-${view}`);
    const name = `embed-${view}`;
    execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", work, "--out-name", name, built], { stdio: "inherit" });
    const minified = await minifyGlue(
      readFileSync(join(work, `${name}.js`), "utf8"),
      wasmOpt(readFileSync(join(work, `${name}_bg.wasm`))),
      `./${name}_bg.js`,
    );
    const hash = createHash("sha256").update(minified.glue).update(minified.wasm).digest("hex").slice(0, 16);
    const [glueFile, wasmFile] = [`sealift-${name}-${hash}.js`, `sealift-${name}-${hash}_bg.wasm`];
    writeFileSync(join(root, glueFile), minified.glue);
    writeFileSync(join(root, wasmFile), minified.wasm);
    modules[view] = [`./${glueFile}`, `./${wasmFile}`];
    console.log(`embed-modules: ${view}: ${wasmFile}, ${minified.wasm.length} bytes (${minified.removed.length} unused exports removed)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The list, and the loader that reads it. Rejections are left to the
// page's `unhandledrejection` listener, which says the viewer cannot start.
const start = `<script type=application/json id=sealift-modules>${JSON.stringify(modules)}</script><script id=sealift-start>
(() => {
  const modules = JSON.parse(document.getElementById("sealift-modules").textContent);
  const embed = new URLSearchParams(location.search).get("embed");
  const own = Object.hasOwn(modules, embed);
  const [glue, wasm] = modules[own ? embed : ""];
  const start = () => {
    const early = (rel, href, more) => document.head.append(Object.assign(document.createElement("link"), { rel, href, crossOrigin: "", ...more }));
    early("modulepreload", glue);
    early("preload", wasm, { as: "fetch", type: "application/wasm" });
    const read = new Promise((done) => (document.readyState === "loading" ? document.addEventListener("readystatechange", done, { once: true }) : done()));
    Promise.all([import(glue), read]).then(async ([bindings]) => {
      const started = await bindings.default({ module_or_path: wasm });
      window.wasmBindings = bindings;
      dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: started } }));
    });
  };
  // A page, or an embed on a page of its own, starts at once. An embed in
  // another page starts once it comes into sight, or near it (seen from
  // inside where the host's origin is the embed's own, else as the host's
  // public/embed.js tells it), or the reader touches it, or its copy of the
  // view does not show (index.html, sealiftCopyShown): an article's embeds
  // further down do not weigh on its first load.
  if (!own || parent === self) return start();
  const TOUCHES = ["pointerdown", "pointerover", "touchstart", "focusin", "keydown"];
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    near.disconnect();
    for (const type of TOUCHES) removeEventListener(type, once, true);
    start();
  };
  const near = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && once(), { rootMargin: "100% 0px" });
  near.observe(document.documentElement);
  for (const type of TOUCHES) addEventListener(type, once, true);
  addEventListener("message", (event) => event.source === parent && event.data?.sealift === "near" && once());
  parent.postMessage({ sealift: "waiting" }, "*");
  self.sealiftCopyShown.then((shown) => shown || once());
})();
</script>`;
html = html.replace(loaders[0][0], start).replace(glue.link, "").replace(wasm.link, "");
writeFileSync(index, html);

/** Builds the viewer with `feature` as Trunk builds it, and returns the path of its WebAssembly. */
function cargoBuild(feature) {
  const file = cargoWasm(["--release", "--bin", "sealift-viewer", "--features", feature], "sealift-viewer", "bin");
  if (!file) fail(`cargo built no sealift-viewer.wasm with ${feature}`);
  // Read now: the next build writes the same path.
  const copy = join(work, `${feature}.wasm`);
  writeFileSync(copy, readFileSync(file));
  return copy;
}
