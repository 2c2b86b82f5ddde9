#!/usr/bin/env node
// Compares two builds of the page: time to the app's `sealift:rendered` mark,
// run by run, alternating A and B on one server, then the medians.
//   node crates/bench/compare-builds.mjs DIST_A DIST_B [--query "?report=reports/bench-10000.json"] [--runs 7] [--mark sealift:drawn|fcp] [--latency 150] [--throughput 200]
// --latency adds that many ms to every request (Chromium's network
// emulation), as on a real connection: what an extra request costs shows.
// --throughput limits the download to that many KB/s (200 is a slow 4G
// connection's 1.6 Mbit/s), with the build's .gz copies served as a static
// host serves them.
// Build B with the change (`trunk build --release --dist /tmp/b`). A query
// naming reports/bench-N.json needs target/release/synth: the file is made
// where the test harness serves fixtures from and removed at the end.
//
// One server for both: the harness reads SEALIFT_DIST on every request, so
// two servers started one after the other would both serve the last build.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { watchMarks } from "./marks.mjs";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const [a, b] = args.filter((x, i) => !x.startsWith("--") && !args[i - 1]?.startsWith("--")).map((d) => resolve(d));
if (!a || !b) {
  console.error("usage: compare-builds.mjs DIST_A DIST_B [--query Q] [--runs N] [--mark NAME] [--latency MS] [--throughput KBPS]");
  process.exit(2);
}
const query = option("--query", "");
const runs = Number(option("--runs", "7")) || 7;
// `sealift:rendered` (the viewer's first screen), `sealift:drawn` (every
// chart), or `fcp`: the first contentful paint, the build's copy of the
// first screen (scripts/first-screen.mjs) or the viewer's.
const mark = option("--mark", "sealift:rendered");
const latency = Number(option("--latency", "0"));
const throughput = Number(option("--throughput", "0"));
if (throughput > 0) process.env.SEALIFT_SERVE_GZIP = "1";

const made = [];
const trips = /reports\/bench-(\d+)\.json/.exec(query)?.[1];
const fixture = trips && join(root, "tests", "fixtures", `bench-${trips}.json`);
if (fixture && !existsSync(fixture)) {
  execFileSync(join(root, "target", "release", "synth"), ["--trips", trips, "--seed", "1", "-o", fixture]);
  made.push(fixture);
}

const { serve, launch } = await import(join(root, "tests", "e2e", "harness.mjs"));
const server = await serve();
const browser = await launch();
const times = { A: [], B: [] };
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, dist] of i % 2 ? [["B", b], ["A", a]] : [["A", a], ["B", b]]) {
      process.env.SEALIFT_DIST = dist;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      if (latency > 0 || throughput > 0) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        const download = throughput > 0 ? throughput * 1024 : -1;
        await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput: download, uploadThroughput: -1 });
      }
      const until = await watchMarks(page);
      await page.goto(`${server.origin}/site/${query}`);
      if (mark === "fcp") {
        // The first text on screen: the build's copy of the first screen
        // (scripts/first-screen.mjs), or the viewer's.
        await until("sealift:rendered");
        const paint = () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
        await page.waitForFunction(paint, null, { timeout: 2000 }).catch(() => {});
        times[name].push((await page.evaluate(paint)) ?? NaN);
      } else {
        times[name].push(await until(mark));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  for (const file of made) rmSync(file, { force: true });
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
for (const [name, dist] of [["A", a], ["B", b]]) {
  console.log(`${name} ${dist}: median ${Math.round(median(times[name]))} ms (${times[name].map(Math.round).join(" ")})`);
}
console.log(`B - A: ${Math.round(median(times.B) - median(times.A))} ms`);
