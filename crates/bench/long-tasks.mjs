#!/usr/bin/env node
// How long the page keeps the main thread while a large report loads: the
// tasks over 50 ms (the browser's "long tasks"), from the address to
// `sealift:drawn`. A reader who scrolls or clicks meanwhile waits for the
// task under way, so the longest ones say how smooth the load feels.
//   node crates/bench/long-tasks.mjs [dist] [--trips 10000] [--runs 3]
// Prints each run's long tasks in order (start+duration, in ms from the
// address) with the app's marks among them, then the medians of the
// longest task after the first screen, of the second longest, and of the
// time to everything drawn. The synthetic report comes from
// target/release/synth (`cargo build --release -p sealift-bench`).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const require = createRequire(join(root, "tests", "e2e", "package.json"));
const { chromium } = require("playwright-core");
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { trips: { type: "string", default: "10000" }, runs: { type: "string", default: "3" } },
});
process.env.SEALIFT_DIST = resolve(positionals[0] ?? join(root, "dist"));
const { serve } = await import(join(root, "tests", "e2e", "harness.mjs"));

// The report goes where the harness serves fixtures from (gitignored, removed at the end).
const name = `bench-long-${args.trips}.json`;
const fixture = join(root, "tests", "fixtures", name);
execFileSync(join(root, "target", "release", "synth"), ["--trips", args.trips, "--seed", "1", "-o", fixture]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const longest = [], second = [], drawnAt = [];
for (let run = 0; run < Number(args.runs); run++) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const entries = [];
  page.on("console", (message) => {
    const [tag, kind, start, duration] = message.text().split(" ");
    if (tag === "sealift-bench") entries.push({ kind, start: Number(start), duration: Number(duration) });
  });
  // Observers only: nothing runs in the page while it loads.
  await page.addInitScript(() => {
    const say = (kind, e) => console.log(`sealift-bench ${kind} ${Math.round(e.startTime)} ${Math.round(e.duration)}`);
    new PerformanceObserver((list) => list.getEntries().forEach((e) => say("task", e))).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => e.name.startsWith("sealift:") && say(e.name.slice(8), e))).observe({ type: "mark", buffered: true });
  });
  await page.goto(`${server.origin}/site/?report=reports/${name}`);
  const begun = Date.now();
  while (!entries.some((e) => e.kind === "drawn") && Date.now() - begun < 60_000) await new Promise((ok) => setTimeout(ok, 100));
  await new Promise((ok) => setTimeout(ok, 300)); // the last task's entry
  entries.sort((a, b) => a.start - b.start);
  const rendered = entries.find((e) => e.kind === "rendered")?.start ?? NaN;
  const drawn = entries.find((e) => e.kind === "drawn")?.start ?? NaN;
  const after = entries.filter((e) => e.kind === "task" && e.start >= rendered).map((e) => e.duration).sort((a, b) => b - a);
  longest.push(after[0] ?? 0);
  second.push(after[1] ?? 0);
  drawnAt.push(drawn);
  console.log(`run ${run + 1}: ` + entries.map((e) => (e.kind === "task" ? `[${e.start}+${e.duration}]` : `${e.kind}@${e.start}`)).join(" "));
  await page.context().close();
}
console.log(`${args.trips} trips, ${args.runs} runs, medians: longest task after the first screen ${median(longest)} ms, the next ${median(second)} ms, everything drawn at ${median(drawnAt)} ms`);
await browser.close();
await server.close();
rmSync(fixture, { force: true });
