// The interface in English and Ukrainian, on the built page: `?lang=uk`, the
// language switch (and back), the browser's language as the default, embeds
// and error panels; the report's own text is never translated.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, open, dist } from "./harness.mjs";

let server;
let browser;
let bundled;

before(async () => {
  server = await serve();
  browser = await launch();
  bundled = JSON.parse(await readFile(join(dist(), "data", "report.json"), "utf8"));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function load(path, options = {}) {
  const opened = await open(browser, `${server.origin}${path}`, options);
  await opened.page.locator(".report, .error-panel").first().waitFor({ timeout: 20000 });
  return opened;
}

// Every view's heading, once the views outside the window are built (when
// the page is idle, after each redraw in the other language).
const headings = async (page) => {
  await page.waitForFunction(() => !document.querySelector(".view--coming"));
  return page.locator(".view__heading").allTextContents();
};
const ukrainianHeadings = ["Рейси й події за суднами", "Оцінки в часі", "Мапа", "Заяви", "Судна", "Джерела"];
const englishHeadings = ["Trips and events by vessel", "Estimates over time", "Map", "Claims", "Vessels", "Sources"];

test("?lang=uk draws the interface in Ukrainian and the report as written", async () => {
  const { page, context, log } = await load("/site/?lang=uk");
  assert.equal(await page.locator("html").getAttribute("lang"), "uk");
  assert.equal(await page.locator("main").getAttribute("lang"), bundled.report.language);
  assert.deepEqual(await headings(page), ukrainianHeadings);
  assert.equal(await page.locator("h1").textContent(), bundled.report.title);
  assert.equal(await page.title(), bundled.report.title);
  const header = await page.locator(".report-header").textContent();
  assert.match(header, /Розслідування/);
  assert.match(header, /Опубліковано \d{1,2} (січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня) \d{4}/);
  // Numbers over a thousand are grouped with a no-break space.
  const caption = await page.locator("#estimates .view__caption").textContent();
  assert.match(caption, /^Оцінки «/);
  assert.match(caption, /\d\u00a0\d{3}/, caption);
  assert.equal(await page.locator(".language-switch [aria-pressed=true]").textContent(), "Українська");
  // Nothing English is left in the interface's own words around the views.
  const chrome = (await page.locator(".view__header, .view__tools, .as-of, .report-contents, .claim-filters").allTextContents()).join(" ");
  for (const word of ["Show the data", "Embed", "Source:", "Showing", "In this report", "Clear filters", "As of"]) {
    assert.ok(!chrome.includes(word), `"${word}" is not translated`);
  }
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.foreign, []);
  await context.close();
});

// The Ukrainian phrases are a file of their own, fetched only for Ukrainian.
const wordsFetched = (log) => log.requests.filter((u) => u.endsWith("/words/uk.tsv")).length;

test("the switch redraws the page in the other language, and back goes back", async () => {
  const { page, context, log } = await load("/site/?lang=en");
  assert.deepEqual(await headings(page), englishHeadings);
  assert.equal(wordsFetched(log), 0, "an English page fetches no Ukrainian");
  await page.locator(".language-switch button", { hasText: "Українська" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "uk");
  assert.equal(wordsFetched(log), 1);
  // The address follows once the page is idle (state::write_query_soon).
  await page.waitForFunction(() => /[?&]lang=uk/.test(location.search), null, { timeout: 5000 });
  assert.deepEqual(await headings(page), ukrainianHeadings);
  // The reader stays where they were, with the focus on the switch.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Українська");
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.deepEqual(await headings(page), englishHeadings);
  await page.goForward();
  await page.waitForFunction(() => document.documentElement.lang === "uk");
  assert.deepEqual(await headings(page), ukrainianHeadings);
  assert.equal(wordsFetched(log), 1, "the words are fetched once");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a browser set to Ukrainian gets Ukrainian, unless the address says otherwise", async () => {
  let opened = await load("/site/", { locale: "uk-UA" });
  assert.equal(await opened.page.locator("html").getAttribute("lang"), "uk");
  assert.deepEqual(await headings(opened.page), ukrainianHeadings);
  assert.ok(!opened.page.url().includes("lang="), "the default is not written into the address");
  await opened.context.close();
  opened = await load("/site/?lang=en", { locale: "uk-UA" });
  assert.deepEqual(await headings(opened.page), englishHeadings);
  await opened.context.close();
  opened = await load("/site/", { locale: "de-DE" });
  assert.deepEqual(await headings(opened.page), englishHeadings, "other languages get English");
  await opened.context.close();
});

test("embeds follow ?lang= and have no switch", async () => {
  const { page, context } = await load("/site/?embed=claims&lang=uk");
  assert.equal(await page.locator(".view__heading").textContent(), "Заяви");
  assert.equal(await page.locator(".language-switch").count(), 0);
  const link = page.locator(".embed-footer a");
  assert.equal(await link.textContent(), "Переглянути весь звіт");
  assert.match(await link.getAttribute("href"), /lang=uk/);
  await context.close();
});

test("error panels speak the reader's language", async () => {
  const { page, context } = await load("/broken/", { locale: "uk-UA" });
  const panel = page.locator(".error-panel[role=alert]");
  assert.match(await panel.textContent(), /У цьому звіті є помилки/);
  assert.match(await panel.textContent(), /trips\[0\]\.vessel/);
  await context.close();
  // A report the page refuses, before any report is fetched.
  const refused = await load(`/site/?lang=uk&report=${encodeURIComponent("https://evil.example/r.json")}`);
  assert.match(await refused.page.locator(".error-panel h1").textContent(), /Цей звіт не можна показати тут/);
  await refused.context.close();
});

test("a Ukrainian page waits for its words, with the page's bar, and shows no English", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (req) => fetched.push(req.url()));
  // The words file arrives late, as on a slow connection.
  await page.route("**/words/uk.tsv", async (route) => {
    await new Promise((ok) => setTimeout(ok, 2000));
    await route.continue();
  });
  await page.goto(`${server.origin}/site/?lang=uk`, { waitUntil: "domcontentloaded" });
  const bar = page.locator("#sealift-starting");
  await bar.waitFor({ state: "visible", timeout: 1500 });
  // The viewer draws nothing before the words; what shows is the build's
  // copy of the first screen, drawn in Ukrainian (page.test.mjs).
  assert.equal(await page.locator(".loading[role=status], .error-panel").count(), 0, "nothing is drawn before the words");
  assert.deepEqual(
    await page.locator("main:visible").evaluateAll((mains) => mains.map((m) => m.id)),
    (await page.locator("#sealift-first-screen").isVisible()) ? ["sealift-first-screen"] : [],
    "no page of the viewer's",
  );
  assert.doesNotMatch(await page.locator("body").innerText(), /In this report|Loading/, "no English");
  await page.waitForFunction(() => performance.getEntriesByName("sealift:rendered").length > 0, null, { timeout: 15000 });
  assert.equal(await bar.count(), 0, "the viewer took the bar away");
  assert.equal(await page.locator(".report-contents__heading").textContent(), "У цьому звіті");
  assert.equal(fetched.filter((u) => u.endsWith("/words/uk.tsv")).length, 1);
  await context.close();
});

test("nothing scrolls sideways in Ukrainian from 320 px up", async () => {
  for (const width of [320, 375, 768]) {
    const { page, context } = await load("/site/?lang=uk", { viewport: { width, height: 800 } });
    await page.waitForTimeout(300);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${width}px: the page is ${scroll}px wide`);
    await context.close();
  }
});
