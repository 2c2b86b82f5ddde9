#!/usr/bin/env node
// The render benchmark: serves a built dist/ on loopback and drives headless
// Chromium several times per case, printing medians.
//   node crates/bench/render.mjs [dist] [--runs 5]
// Cases: the bundled report, and synthetic reports of 1,000 and 10,000 trips
// (target/release/synth, built by `cargo build --release -p sealift-bench`).
// For each: time to the first text on screen (first contentful paint: a
// release build's copy of the bundled report's first screen, or the
// viewer's), to the app's `sealift:rendered` mark (the viewer's first
// screen drawn) and
// `sealift:drawn` (every chart, large ones drawn when idle), time to re-render after
// selecting a vessel and after moving the "as of" date (with the timeline, the
// estimates or the map in sight), and the JS heap. A plain
// HTML page with the same text is timed alongside, as the baseline, to the
// same moment: two frames after its text is in the page.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { watchMarks } from "./marks.mjs";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const require = createRequire(join(root, "tests", "e2e", "package.json"));
const { chromium } = require("playwright-core");
const args = process.argv.slice(2);
const dist = resolve(args.find((a) => !a.startsWith("--")) ?? join(root, "dist"));
const runs = Number(args[args.indexOf("--runs") + 1] || 5) || 5;
process.env.SEALIFT_DIST = dist;
const { serve } = await import(join(root, "tests", "e2e", "harness.mjs"));

// Synthetic reports go where the harness serves fixtures from (gitignored, removed at the end).
for (const trips of [1000, 10000]) {
  execFileSync(join(root, "target", "release", "synth"), ["--trips", String(trips), "--seed", "1", "-o", join(root, "tests", "fixtures", `bench-${trips}.json`)]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"],
});

async function once(query) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  // Nothing runs in the page until it is drawn (see marks.mjs).
  const until = await watchMarks(page);
  await page.goto(`${server.origin}/site/${query}`);
  const rendered = await until("sealift:rendered");
  // The first text on screen (the browser's first contentful paint): a
  // release build's copy of the bundled report's first screen, shown before
  // the viewer starts (scripts/first-screen.mjs), else the viewer's. Only
  // for the bundled report: with `?report=` the first text is the viewer's
  // loading line.
  const painted = query ? NaN : await firstPaint(page);
  // Large charts out of sight are drawn when the page is idle: the whole page is drawn at `sealift:drawn`.
  const drawn = await until("sealift:drawn");
  const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  // As a reader does it: the control (and the chart being watched) in sight
  // first. Charts out of sight catch up once the reader pauses, so each
  // figure is the time until what is on screen has redrawn.
  const inSight = async (selector) => {
    await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: "start" }), selector);
    await page.waitForTimeout(400);
  };
  await inSight(".vessel-card");
  const select = await page.evaluate(async (frameSrc) => {
    const frame = eval(frameSrc);
    const button = document.querySelector(".vessel-card__select");
    const t0 = performance.now();
    button.click();
    await frame();
    return performance.now() - t0;
  }, frame.toString());
  // The "as of" bar stays at the top of the window: moved with each chart in sight.
  const asOf = {};
  for (const [chart, at] of [["timeline", 0.5], ["estimates", 0.25], ["map", 0.75]]) {
    await inSight(`#${chart}`);
    asOf[chart] = await page.evaluate(
      async ([frameSrc, at]) => {
        const frame = eval(frameSrc);
        const slider = document.querySelector("#as-of-slider");
        slider.value = String(Math.round(Number(slider.min) + (Number(slider.max) - Number(slider.min)) * at));
        const t0 = performance.now();
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        await frame();
        return performance.now() - t0;
      },
      [frame.toString(), at],
    );
  }
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  // Parsing and checking the report in the viewer (positions, every rule)
  // beside the browser's own JSON.parse of the same text, which is the floor
  // for any decoding that starts from JSON.parse (e.g. serde-wasm-bindgen).
  const check = await page.evaluate(() => performance.getEntriesByName("sealift:check").at(-1)?.duration ?? NaN);
  const jsonParse = await page.evaluate(async (query) => {
    const url = new URLSearchParams(query).get("report") ?? "data/report.json";
    const text = await (await fetch(url)).text();
    const t0 = performance.now();
    JSON.parse(text);
    return performance.now() - t0;
  }, query);
  const text = await page.evaluate(() => document.body.innerText);
  await page.context().close();
  return { painted, rendered, drawn, select, asOf, heap, text, check, jsonParse };
}

// The baseline: the same text as a plain page, timed as the app is: the
// app sets `sealift:rendered` two animation frames after the report is in
// the page (once it is on screen), so the plain page is timed to two frames
// after its text is (its load event alone comes before its first paint).
async function plain(text) {
  const file = join(root, "tests", "fixtures", "bench-plain.html");
  writeFileSync(file, `<!DOCTYPE html><meta charset="utf-8"><title>baseline</title><pre>${text.replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;"))}</pre>`);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const until = await watchMarks(page);
  await page.addInitScript(() => {
    addEventListener("DOMContentLoaded", () =>
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("plain:rendered"))),
    );
  });
  await page.goto(`${server.origin}/site/reports/bench-plain.html`);
  const rendered = await until("plain:rendered");
  const painted = await firstPaint(page);
  await page.context().close();
  return { rendered, painted };
}

/** The page's first contentful paint, in ms since navigation. */
const firstPaint = (page) =>
  page.evaluate(
    () =>
      new Promise((found) => {
        // The entry comes once the frame is presented, which may be after the marks.
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") found(entry.startTime);
        }).observe({ type: "paint", buffered: true });
        setTimeout(() => found(NaN), 2000);
      }),
  );

console.log(`dist: ${dist}; ${runs} runs per case; medians in ms`);
console.log("text: first contentful paint (a release build's copy of the first screen, else the viewer's); viewer: the viewer's first screen drawn; each against the plain page's same moment");
console.log(`${"".padEnd(86)} ${"as of, in sight:".padEnd(20)}`);
console.log(`${"case".padEnd(26)} ${"text".padStart(6)} ${"plain".padStart(6)} ${"ratio".padStart(6)} ${"viewer".padStart(7)} ${"plain".padStart(6)} ${"ratio".padStart(6)} ${"all".padStart(6)} ${"select".padStart(7)} ${"timeline".padStart(8)} ${"estim.".padStart(6)} ${"map".padStart(5)} ${"heap MB".padStart(8)} ${"check".padStart(6)} ${"JSON.parse".padStart(10)}`);
for (const [name, query] of [["bundled report", ""], ["synthetic, 1,000 trips", "?report=reports/bench-1000.json"], ["synthetic, 10,000 trips", "?report=reports/bench-10000.json"]]) {
  // The app and its baseline take turns, so that both meet the machine in
  // the same mood (it is shared, and its load comes and goes).
  const results = [];
  const baselines = [];
  for (let i = 0; i < runs; i++) {
    results.push(await once(query));
    baselines.push(await plain(results[0].text));
  }
  const of = (runs, pick) => median(runs.map(pick));
  const [p, bp] = [of(results, (x) => x.painted), of(baselines, (x) => x.painted)];
  const [r, b] = [of(results, (x) => x.rendered), of(baselines, (x) => x.rendered)];
  // Each column: a figure, its decimals and its width.
  const columns = [
    [isNaN(p) ? "-" : p, 0, 6],
    [isNaN(p) ? "-" : bp, 0, 6],
    [isNaN(p) ? "-" : p / bp, 1, 6],
    [r, 0, 7],
    [b, 0, 6],
    [r / b, 1, 6],
    [of(results, (x) => x.drawn), 0, 6],
    [of(results, (x) => x.select), 0, 7],
    [of(results, (x) => x.asOf.timeline), 0, 8],
    [of(results, (x) => x.asOf.estimates), 0, 6],
    [of(results, (x) => x.asOf.map), 0, 5],
    [of(results, (x) => x.heap) / 1e6, 1, 8],
    [of(results, (x) => x.check), 1, 6],
    [of(results, (x) => x.jsonParse), 1, 10],
  ];
  console.log([name.padEnd(26), ...columns.map(([v, d, w]) => (typeof v === "number" ? v.toFixed(d) : v).padStart(w))].join(" "));
}
await browser.close();
await server.close();
for (const f of ["bench-1000.json", "bench-10000.json", "bench-plain.html"]) {
  rmSync(join(root, "tests", "fixtures", f), { force: true });
}
