// Reader features on the whole page: print, reduced motion, narrow screens,
// and saving a view as a picture.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, open, fixtures } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function load(query = "", options = {}) {
  const opened = await open(browser, `${server.origin}/site/${query}`, options);
  await opened.page.locator(".report").first().waitFor({ timeout: 20000 });
  return opened;
}

test("on paper there are no controls, and every data table is printed", async () => {
  const { page, context } = await load();
  await page.emulateMedia({ media: "print" });
  const printed = (selector) => page.locator(selector).evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== "none").length);
  for (const selector of [".view-tool", ".as-of", ".claim-filters", ".vessel-card__select", ".timeline__range", ".language-switch button"]) {
    assert.equal(await printed(selector), 0, `${selector} is printed`);
  }
  // The charts' keys stay: which lane is which vessel, which colour whose estimate.
  await page.waitForFunction(() => performance.getEntriesByName("sealift:drawn").length > 0);
  for (const selector of [".timeline__name", ".map-key__vessel", ".estimates-actors__actor"]) {
    const all = await page.locator(selector).count();
    assert.ok(all > 0, `${selector} is on the page`);
    assert.equal(await printed(selector), all, `${selector} is not printed`);
  }
  const tables = page.locator(".data-table__scroll");
  assert.ok((await tables.count()) >= 1);
  for (const table of await tables.all()) {
    assert.equal(await table.isVisible(), true, "a data table is missing on paper");
  }
  assert.ok(await page.locator("#sources .source").first().isVisible(), "the bibliography is printed");
  // Nothing on paper is left undrawn for being out of the window.
  const skipped = await page.locator(".vessel-card, .claim, .source").evaluateAll((els) => els.filter((e) => getComputedStyle(e).contentVisibility === "auto").length);
  assert.equal(skipped, 0, "cards, claims or sources are skipped on paper");
  await context.close();
});

test("with reduced motion nothing animates", async () => {
  const { page, context } = await open(browser, `${server.origin}/site/`, { reducedMotion: "reduce" });
  const animated = await page.evaluate(() =>
    [...document.querySelectorAll("*")].filter((e) => getComputedStyle(e).animationName !== "none").length,
  );
  assert.equal(animated, 0);
  await context.close();
});

test("nothing scrolls sideways from 320 px up", async () => {
  for (const width of [320, 375, 768, 1280]) {
    const { page, context } = await load("", { viewport: { width, height: 800 } });
    await page.waitForTimeout(300);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${width}px: the page is ${scroll}px wide`);
    await context.close();
  }
});

test("a view saves as SVG and PNG", async () => {
  const { page, context } = await load();
  const tools = page.locator("#timeline .view__tools");
  let [download] = await Promise.all([page.waitForEvent("download"), tools.locator("button", { hasText: "SVG" }).click()]);
  assert.match(download.suggestedFilename(), /^trips-and-events-by-vessel-four-ships.*\.svg$/);
  const svg = await readFile(await download.path(), "utf8");
  assert.match(svg, /^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(!svg.includes('class="'), "styles are written in, not left to a stylesheet");
  [download] = await Promise.all([page.waitForEvent("download"), tools.locator("button", { hasText: "PNG" }).click()]);
  const png = await readFile(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await context.close();
});

test("the data downloads: the exact report file, and CSV per collection", async () => {
  const { page, context } = await load();
  const block = page.locator(".data-downloads");
  let [download] = await Promise.all([page.waitForEvent("download"), block.locator("a", { hasText: "JSON" }).click()]);
  const served = await (await fetch(`${server.origin}/site/data/report.json`)).text();
  assert.equal(await readFile(await download.path(), "utf8"), served, "the JSON is the published file, byte for byte");
  for (const file of ["trips.csv", "events.csv", "claims.csv", "estimates.csv", "sources.csv"]) {
    [download] = await Promise.all([page.waitForEvent("download"), block.locator(`button[data-file="${file}"]`).click()]);
    assert.match(download.suggestedFilename(), new RegExp(`-${file.replace(".", "\\.")}$`));
    const csv = await readFile(await download.path(), "utf8");
    const [header, ...rows] = csv.trimEnd().split("\n");
    assert.ok(header.startsWith("id,"), `${file}: ${header}`);
    assert.ok(rows.length > 0, `${file} has rows`);
  }
  // Proper quoting: claims hold commas and quotes, so some fields are quoted.
  [download] = await Promise.all([page.waitForEvent("download"), block.locator('button[data-file="claims.csv"]').click()]);
  const claims = await readFile(await download.path(), "utf8");
  assert.match(claims, /,"[^"]*(?:""[^"]*)*,[^"]*(?:""[^"]*)*"/, "a field with a comma is quoted");
  await context.close();
});

test("the published report is the bundled one without its indentation, a line per item", async () => {
  const written = await readFile(new URL("../../public/data/report.json", import.meta.url), "utf8");
  const served = await (await fetch(`${server.origin}/site/data/report.json`)).text();
  // The text between strings without its whitespace: every string and number as written.
  const tokens = (text) => text.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_, string) => string ?? "");
  assert.equal(tokens(served), tokens(written));
  assert.ok(served.length < written.length * 0.9, `${served.length} bytes served, ${written.length} written`);
  const lines = served.split("\n");
  assert.ok(lines.every((line) => !/^\s/.test(line)), "no indentation");
  // Each item of each list (a trip, a claim, a source...) on a line of its own.
  const items = Object.values(JSON.parse(served)).filter(Array.isArray).flat();
  assert.equal(lines.filter((line) => line.startsWith('{"id":')).length, items.length);
});

test("a chart hidden behind the sticky \"as of\" bar catches up once the reader pauses", async () => {
  const { page, context } = await load("", { viewport: { width: 1280, height: 800 } });
  await page.locator("#estimates .estimate-mark").first().waitFor();
  const hidden = () => page.locator("#estimates .estimate-mark.is-hidden").count();
  // Moves the slider to its first day, as a reader's drag does, and waits two frames.
  const toFirstDay = () =>
    page.evaluate(async () => {
      const slider = document.querySelector("#as-of-slider");
      slider.value = slider.min;
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    });
  const scrollEstimatesBottomTo = (top) =>
    page.evaluate((top) => {
      const frame = document.querySelector("#estimates").getBoundingClientRect();
      scrollTo(0, scrollY + frame.bottom - top);
    }, top);

  // The estimates' last 30 px are behind the bar: the chart waits for a pause.
  await scrollEstimatesBottomTo(30);
  await page.waitForTimeout(300);
  assert.equal(await hidden(), 0);
  await toFirstDay();
  assert.equal(await hidden(), 0, "changed while behind the bar");
  await page.waitForTimeout(500);
  const early = await hidden();
  assert.ok(early > 0, "caught up after the pause");

  // With 150 px of it below the bar, it changes at once.
  await page.locator(".as-of__reset").click();
  await page.waitForTimeout(500);
  await scrollEstimatesBottomTo(150);
  await page.waitForTimeout(300);
  assert.equal(await hidden(), 0);
  await toFirstDay();
  assert.equal(await hidden(), early, "a chart in sight follows at once");
  await context.close();
});

test("each vessel's name sits at its lane: beside it on a wide screen, above it on a narrow one", async () => {
  // The names are a grid whose rows are the lanes (src/timeline/names.rs).
  // A crowded timeline lays out only the names in sight: the last of 80
  // more vessels, far below the window, is drawn once the reader comes to it.
  const small = JSON.parse(await readFile(join(fixtures, "small.json"), "utf8"));
  const crowded = structuredClone(small);
  for (let i = 0; i < 80; i++) {
    crowded.vessels.push({ id: `extra-${i}`, name: `Extra vessel ${i}` });
    crowded.trips.push({ ...small.trips[0], id: `extra-trip-${i}`, vessel: `extra-${i}` });
  }
  for (const [query, width] of [["", 1280], ["", 375], ["?report=reports/crowded.json", 1280]]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await context.route("**/reports/crowded.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(crowded) }));
    const page = await context.newPage();
    await page.goto(`${server.origin}/site/${query}`);
    await page.waitForFunction(() => performance.getEntriesByName("sealift:drawn").length > 0, null, { timeout: 20000 });
    await page.evaluate(() => document.querySelector("#timeline .timeline__name:last-child").scrollIntoView({ block: "center" }));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const lanes = await page.evaluate(() => {
      const bands = [...document.querySelectorAll("#timeline .timeline__lane-band")];
      return [...document.querySelectorAll("#timeline .timeline__name")].map((name, i) => {
        const [box, band] = [name.getBoundingClientRect(), bands[i]?.getBoundingClientRect()];
        const text = name.querySelector(".timeline__name-text") ?? name;
        return { top: box.top, height: box.height, bandTop: band?.top, bandHeight: band?.height, textWidth: text.getBoundingClientRect().width };
      });
    });
    const where = `${query || "bundled report"} at ${width} px`;
    assert.ok(lanes.length >= (query ? 80 : 2), `${where}: ${lanes.length} names`);
    for (const [i, lane] of lanes.entries()) {
      assert.ok(Math.abs(lane.top - lane.bandTop) < 1, `${where}: name ${i} at ${lane.top}, its lane at ${lane.bandTop}`);
      const height = width < 600 ? 20 : lane.bandHeight;
      assert.ok(Math.abs(lane.height - height) < 1, `${where}: name ${i} is ${lane.height} px tall, not ${height}`);
    }
    assert.ok(lanes.at(-1).textWidth > 20, `${where}: the last name is drawn (${lanes.at(-1).textWidth} px wide)`);
    await context.close();
  }
});
