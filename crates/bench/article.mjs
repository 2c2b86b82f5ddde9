#!/usr/bin/env node
// An article with Sealift's embeds further down its page, each below
// --below pixels of text, as a newsroom runs them: what the embeds download
// before the reader scrolls to them, and, as the reader scrolls down (the
// mouse wheel, 1,500 pixels a second), what each downloads and when its
// viewer's first screen is drawn, against when it came into sight.
//   node crates/bench/article.mjs DIST [--views timeline,estimates,map] [--below 3000] [--runs 3]
// (No slow connection: Chromium's emulation, set on the article, left the
// embeds' downloads as they were.)
// The article (tests/e2e/host.html) is served from another origin than the
// embeds, and the build's .gz copies are served as a static host serves
// them. Bytes are the bodies as sent (gzip), by Chromium's count.
import { resolve, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = args.find((x, i) => !x.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!dist) {
  console.error("usage: article.mjs DIST [--views timeline,estimates,map] [--below PX] [--runs N]");
  process.exit(2);
}
process.env.SEALIFT_DIST = resolve(dist);
process.env.SEALIFT_SERVE_GZIP = "1";
const views = option("--views", "timeline,estimates,map").split(",");
const below = Number(option("--below", "3000"));
const runs = Number(option("--runs", "3")) || 3;

const { serve, launch } = await import(join(root, "tests", "e2e", "harness.mjs"));
const server = await serve();
const browser = await launch();
const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const results = { before: [], after: Object.fromEntries(views.map((view) => [view, { bytes: [], ms: [] }])) };
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
    const page = await context.newPage();
    // The embeds' files, as each finishes (its size is read asynchronously).
    let served = 0;
    const sizes = [];
    context.on("requestfinished", (request) => {
      if (!new URL(request.url()).pathname.startsWith("/site/")) return;
      sizes.push(request.sizes().then(({ responseBodySize }) => (served += responseBodySize)));
    });
    const article = server.origin.replace("127.0.0.1", "localhost");
    await page.goto(`${article}/host.html?views=${views.join(",")}&eager&below=${below}&from=${server.origin}`);
    // Until the network has been quiet for a second.
    const quiet = async () => {
      for (let last = -1; last !== served; ) {
        last = served;
        await page.waitForTimeout(1000);
        await Promise.all(sizes);
      }
    };
    await quiet();
    results.before.push(served);
    // The reader scrolls down with the mouse wheel, at about 1,500 pixels a
    // second, to each embed in turn.
    await page.mouse.move(4, 4);
    for (const [index, view] of views.entries()) {
      const from = served;
      const iframe = page.locator("iframe").nth(index);
      const frame = await (await iframe.elementHandle()).contentFrame();
      let inSight = null;
      for (;;) {
        const top = await iframe.evaluate((element) => element.getBoundingClientRect().top);
        if (inSight === null && top < 700) inSight = Date.now();
        if (top < 100) break;
        await page.mouse.wheel(0, 100);
        await page.waitForTimeout(66);
      }
      await frame.waitForFunction(() => performance.getEntriesByName("sealift:rendered").length > 0, null, { timeout: 60000, polling: 10 });
      const ready = await frame.evaluate(() => performance.timeOrigin + performance.getEntriesByName("sealift:rendered")[0].startTime);
      results.after[view].ms.push(Math.round(ready - inSight));
      await quiet();
      results.after[view].bytes.push(served - from);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${views.length} embeds ${below} px below the top of an article, ${runs} runs, medians (gzip as sent):`);
console.log(`before the reader scrolls: ${kb(median(results.before))} KB`);
for (const view of views) {
  const { bytes, ms } = results.after[view];
  const when = (t) => (t < 0 ? `${-t} ms before` : `${t} ms after`);
  console.log(`scrolled to ${view.padEnd(10)} ${kb(median(bytes)).padStart(7)} KB more; its viewer's first screen ${when(median(ms))} it came into sight (${ms.join(" ")})`);
}
