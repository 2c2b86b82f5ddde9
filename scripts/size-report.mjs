#!/usr/bin/env node
// What a reader downloads on first load, file by file: raw, gzip and brotli
// bytes, and whether it fits Sealift's budget (200 KB gzip in all, 150 KB for
// the WebAssembly); then the same totals for each embed (`?embed=map`), which
// downloads its view's own module (scripts/embed-modules.mjs).
//   node scripts/size-report.mjs [dist] [--check] [--ceiling TOTAL,WASM]
//       [--embed-ceiling TOTAL,WASM] [--embeds-in-budget VIEW,VIEW…]
// With --check it exits 1 when over budget. Until the budget is met, the test
// command runs it with --ceiling (KB gzip, today's size plus a little): a
// ratchet that fails when the page grows, lowered as it shrinks; with
// --embed-ceiling, the same for the heaviest embed; and with
// --embeds-in-budget, the embeds that meet the budget must go on meeting it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith("--")) ?? "dist";
const check = args.includes("--check");
const BUDGET_TOTAL = 200 * 1024;
const BUDGET_WASM = 150 * 1024;
const kilobytes = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1].split(",").map((kb) => Number(kb) * 1024) : null);
const ceiling = kilobytes("--ceiling");
const embedCeiling = kilobytes("--embed-ceiling");
const inBudget = args.includes("--embeds-in-budget") ? args[args.indexOf("--embeds-in-budget") + 1].split(",") : [];

// The first render needs the page, everything it links, the report, and the
// basemap's list of layers with the one layer the bundled report's map draws.
const html = readFileSync(join(dist, "index.html"), "utf8");
// (Attribute values may be unquoted: the release build's HTML is minified.)
const linked = [...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["']?\.?\/?([^"'\s>#?]+\.(?:js|wasm|css))(?=["'\s>]|$)/g)].map((m) => m[1]);
// A release build lists the viewer's modules for its loader: the page's
// (under "", split at its views: see below) and each embed's, `[glue, wasm]`.
const list = html.match(/<script type="?application\/json"? id="?sealift-modules"?>(.*?)<\/script>/);
const modules = list ? JSON.parse(list[1]) : {};
const moduleFiles = (name) => (modules[name] ?? []).map((file) => file.replace(/^\.\//, ""));
const shared = ["index.html", ...new Set(linked), "data/report.json"];
const files = [...shared, ...moduleFiles(""), ...firstScreenFiles(), ...basemapFiles()];

/** The copy of the bundled report's first screen that an English page
 * downloads with the report (scripts/first-screen.mjs), if the build has one;
 * with `view`, the copy of that view that an English embed 640 pixels wide
 * (an article's column) downloads, by index.html's rule (`copyOfEmbed`):
 * the widest drawn no wider than the embed, else the narrowest. */
function firstScreenFiles(view) {
  const drawnFrom = html.match(/<meta name="?sealift-first-screen"? content="?([0-9a-f]{64})/)?.[1];
  if (!drawnFrom) return [];
  if (!view) return [`first-screen/en-${drawnFrom.slice(0, 16)}.html`];
  const widths = html.match(new RegExp(`<meta name="?sealift-embed-copies"? content="[^"]*\\b${view}:([0-9,]+)`))?.[1].split(",").map(Number) ?? [];
  const width = widths.filter((w) => w <= 640).pop() ?? widths[0];
  return width ? [`first-screen/${view}-${width}-en-${drawnFrom.slice(0, 16)}.html`] : [];
}

/** land.json, and the file of the finest layer whose box holds every place of
 * the report (the map's rule, src/map/basemap.rs; the map's margins are left
 * out, and tests/e2e/map.test.mjs checks the page fetches this very file). */
function basemapFiles() {
  const index = JSON.parse(readFileSync(join(dist, "basemap", "land.json"), "utf8"));
  const report = JSON.parse(readFileSync(join(dist, "data", "report.json"), "utf8"));
  const lons = report.places.map((p) => p.lon), lats = report.places.map((p) => p.lat);
  const view = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const area = (l) => (l.bbox[2] - l.bbox[0]) * (l.bbox[3] - l.bbox[1]);
  const holds = (l) => l.bbox[0] <= view[0] && l.bbox[1] <= view[1] && view[2] <= l.bbox[2] && view[3] <= l.bbox[3];
  const layer = index.layers.filter(holds).sort((a, b) => area(a) - area(b))[0] ?? index.layers.sort((a, b) => area(b) - area(a))[0];
  return ["basemap/land.json", ...(layer?.file ? [`basemap/${layer.file}`] : [])];
}

/** A file's raw, gzip and brotli sizes. */
const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const rows = files.map(measure);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"file".padEnd(48)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"br KB".padStart(8)}`);
for (const r of rows.sort((a, b) => b.gzip - a.gzip)) {
  console.log(`${r.file.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
}
const sum = (key) => rows.reduce((s, r) => s + r[key], 0);
const wasm = rows.filter((r) => r.file.endsWith(".wasm")).reduce((s, r) => s + r.gzip, 0);
console.log(`${"total".padEnd(48)} ${kb(sum("raw"))} ${kb(sum("gzip"))} ${kb(sum("brotli"))}`);
console.log(`budget: total ${kb(sum("gzip")).trim()} of ${BUDGET_TOTAL / 1024} KB gzip, WebAssembly ${kb(wasm).trim()} of ${BUDGET_WASM / 1024} KB gzip`);
if (check && (sum("gzip") > BUDGET_TOTAL || wasm > BUDGET_WASM)) {
  console.error("over the byte budget");
  process.exit(1);
}
// Not in the first load: the checker's module, which only a broken report
// downloads, to say what is wrong with it (scripts/checker-module.mjs).
const checker = html.match(/<meta name="?sealift-checker"? content="?\.\/([^" >]+)/)?.[1];
if (checker) {
  const r = measure(checker);
  console.log(`not in the first load: ${checker} (only for a broken report), ${kb(r.raw).trim()} KB raw, ${kb(r.gzip).trim()} KB gzip, ${kb(r.brotli).trim()} KB brotli`);
}
// Nor are the format's rules, in a split page's file of their own, which
// only a report other than the one the build checked needs (src/data.rs).
const pageGlue = moduleFiles("")[0];
const rules = pageGlue ? readFileSync(join(dist, pageGlue), "utf8").match(/sealift-rules-[0-9a-f]{16}\.wasm/)?.[0] : undefined;
if (rules) {
  const r = measure(rules);
  console.log(`not in the first load: ${rules} (the format's rules, only for a report other than the one the build checked), ${kb(r.raw).trim()} KB raw, ${kb(r.gzip).trim()} KB gzip`);
}
// Nor is each view's code, when the page's module is split at its views
// (scripts/split-page.mjs): a view's file and the files it shares with
// others are downloaded when it is first drawn, as its glue names them.
const parts = pageGlue ? [...new Set(readFileSync(join(dist, pageGlue), "utf8").match(/sealift-view-[a-z]+-[0-9a-f]{16}\.wasm/g) ?? [])] : [];
if (parts.length > 0) {
  const measured = parts.map(measure);
  const shared = measured.filter((r) => r.file.startsWith("sealift-view-shared-"));
  const gz = (list) => kb(list.reduce((s, r) => s + r.gzip, 0)).trim();
  console.log(`not in the first load: each view's code, asked for once the first screen is drawn, ${gz(measured)} KB gzip in ${parts.length} files:`);
  for (const r of measured.filter((r) => !shared.includes(r)).sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${r.file.replace(/^sealift-view-|-[0-9a-f]{16}\.wasm$/g, "").padEnd(12)} ${kb(r.gzip).trim()} KB gzip, its own`);
  }
  console.log(`  shared by several views, in ${shared.length === 1 ? "one file" : `${shared.length} files`}: ${gz(shared)} KB gzip`);
}
if (ceiling) {
  console.log(`ceiling: total ${ceiling[0] / 1024} KB gzip, WebAssembly ${ceiling[1] / 1024} KB gzip`);
  if (sum("gzip") > ceiling[0] || wasm > ceiling[1]) {
    console.error("the first load grew past its ceiling: find what grew (docs/performance.md) or make room for it on purpose");
    process.exit(1);
  }
}

// Each embed: the page, its stylesheet, the report, the copy of its view
// that shows until the viewer starts (at an article column's width) and the
// view's own module (the map's with the basemap's layer); and of those, what
// the copy shows with (the page, the stylesheet, the report and the copy),
// which is all that an embed out of sight in an article downloads until the
// reader comes to it (scripts/embed-modules.mjs).
const embeds = Object.keys(modules).filter((name) => name !== "");
if (embeds.length > 0) {
  console.log(`\n${"embed (?embed=…), first load".padEnd(40)} ${"wasm gz".padStart(8)} ${"all gz".padStart(8)} ${"all br".padStart(8)}  budget  ${"copy gz".padStart(8)} ${"out of sight".padStart(12)}`);
  let heaviest = { total: 0, wasm: 0 };
  const over = [];
  for (const name of embeds) {
    const copy = firstScreenFiles(name);
    const own = [...shared, ...copy, ...moduleFiles(name), ...(name === "map" ? basemapFiles() : [])].map(measure);
    const total = own.reduce((s, r) => s + r.gzip, 0);
    const code = own.filter((r) => r.file.endsWith(".wasm")).reduce((s, r) => s + r.gzip, 0);
    const fits = total <= BUDGET_TOTAL && code <= BUDGET_WASM;
    const paint = own.filter((r) => copy.length > 0 && (shared.includes(r.file) || copy.includes(r.file)) && !/\.(js|wasm)$/.test(r.file));
    const copied = copy.length > 0 ? `${kb(own.find((r) => r.file === copy[0]).gzip)} ${kb(paint.reduce((s, r) => s + r.gzip, 0)).padStart(12)}` : "";
    console.log(`${name.padEnd(40)} ${kb(code)} ${kb(total)} ${kb(own.reduce((s, r) => s + r.brotli, 0))}  ${(fits ? "within" : "over").padEnd(6)}  ${copied}`);
    heaviest = { total: Math.max(heaviest.total, total), wasm: Math.max(heaviest.wasm, code) };
    if (!fits && inBudget.includes(name)) over.push(name);
  }
  const missing = inBudget.filter((name) => !embeds.includes(name));
  if (missing.length > 0) {
    console.error(`no embed module for ${missing.join(", ")}`);
    process.exit(1);
  }
  if (over.length > 0) {
    console.error(`${over.join(", ")}: over the byte budget, which this embed met: find what grew (docs/performance.md)`);
    process.exit(1);
  }
  if (embedCeiling) {
    console.log(`embed ceiling: total ${embedCeiling[0] / 1024} KB gzip, WebAssembly ${embedCeiling[1] / 1024} KB gzip`);
    if (heaviest.total > embedCeiling[0] || heaviest.wasm > embedCeiling[1]) {
      console.error("an embed's first load grew past its ceiling: find what grew (docs/performance.md) or make room for it on purpose");
      process.exit(1);
    }
  }
}
