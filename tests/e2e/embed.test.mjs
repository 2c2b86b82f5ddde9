// Embeds as a publisher's article uses them: one view per iframe, sized by
// height messages, with Datawrapper-style flags.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, open, requestsFor, heldBack } from "./harness.mjs";

let server;
let browser;
const views = ["timeline", "estimates", "map", "claims", "sources"];

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function load(query, options) {
  const opened = await open(browser, `${server.origin}/site/${query}`, options);
  await opened.page.locator(".report, .error-panel").first().waitFor({ timeout: 20000 });
  return opened;
}

test("?embed=<view> shows that view alone, with a compact footer", async () => {
  for (const view of views) {
    const { page, context, log } = await load(`?embed=${view}`);
    assert.equal(await page.locator(".view").count(), 1, view);
    assert.equal(await page.locator(`.view[data-view=${view}]`).count(), 1, view);
    assert.equal(await page.locator(".report-header, .narrative, .as-of").count(), 0, view);
    const footer = page.locator(".embed-footer");
    assert.match(await footer.textContent(), /Four ships/);
    const href = await footer.locator("a").getAttribute("href");
    assert.ok(!href.includes("embed="), href);
    assert.equal(await page.locator(".view__tools").isVisible(), false);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test("an embed downloads its view's own WebAssembly, not the whole viewer's, and the copy of its view, not the page's first screen", async () => {
  // scripts/embed-modules.mjs builds one per view; the page's loader picks it.
  const files = (log, pattern) => log.requests.map((url) => new URL(url).pathname.replace(/^\/site\//, "")).filter((file) => pattern.test(file));
  const code = (log) => files(log, /^[^/]+\.(js|wasm)$/);
  const copies = (log) => files(log, /^first-screen\//);
  for (const view of [...views, "vessels"]) {
    const { page, context, log } = await load(`?embed=${view}&plain`);
    await page.locator(`.view[data-view=${view}]`).waitFor();
    assert.equal(code(log).length, 2, `${view}: ${code(log)}`);
    for (const file of code(log)) assert.match(file, new RegExp(`^sealift-embed-${view}-[0-9a-f]{16}(_bg\\.wasm|\\.js)$`));
    assert.match(copies(log).join(" "), new RegExp(`^first-screen/${view}-[0-9]+-en-[0-9a-f]{16}\\.html$`), "and the copy of its view");
    assert.deepEqual(log.errors, [], view);
    await context.close();
  }
  // The page, and an address that names no view, start the page's module
  // (each view's code comes in files of its own, when the view is drawn:
  // scripts/split-page.mjs); the page downloads the copy of its first
  // screen in its language only.
  for (const query of ["", "?embed=nothing"]) {
    const { page, context, log } = await load(query);
    await page.locator(".report-header").waitFor();
    const own = code(log).filter((file) => !/^sealift-view-[a-z]+-[0-9a-f]{16}\.wasm$/.test(file));
    assert.equal(own.length, 2, `${query}: ${own}`);
    for (const file of own) assert.match(file, /^sealift-page-[0-9a-f]{16}(_bg\.wasm|\.js)$/);
    if (query === "") assert.match(copies(log).join(" "), /^first-screen\/en-[0-9a-f]{16}\.html$/);
    else assert.deepEqual(copies(log), []);
    await context.close();
  }
});

test("an embed of a broken report lists its problems in words, as the page does", async () => {
  // The embed's own module checks without words; the checker's module says them.
  const { page, context, log } = await open(browser, `${server.origin}/broken/?embed=claims`);
  const panel = page.locator(".error-panel[role=alert]");
  await panel.waitFor({ timeout: 20000 });
  const text = await panel.textContent();
  assert.match(text, /This report has errors/);
  assert.match(text, /trips\[0\]\.vessel \(line \d+, column \d+\)/);
  assert.match(text, /did you mean "aurora"\?/);
  assert.ok(log.requests.some((url) => /\/sealift-embed-claims-[0-9a-f]{16}_bg\.wasm$/.test(url)), "the embed's own module");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an embed only reads the bundled report, which the build checked, and has any other checked by the checker's module", async () => {
  // The embeds' modules carry no rules (src/data.rs, checked_report): the
  // build names the SHA-256 of the report it checked, and the page's first
  // script compares the report it downloads with it.
  const { page, context, log } = await load("?embed=map");
  await page.locator(".view[data-view=map] svg").first().waitFor();
  const named = await page.evaluate(() => document.querySelector('meta[name="sealift-checked-report"]')?.content);
  const served = await page.evaluate(async () => {
    const body = await (await fetch("data/report.json")).arrayBuffer();
    return Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", body)), (b) => b.toString(16).padStart(2, "0")).join("");
  });
  assert.equal(named, served, "the build names the SHA-256 of the report it serves");
  assert.deepEqual(requestsFor(log, "checker"), [], "the bundled report needs no checker");
  await context.close();

  // Another sound report of the same site: checked by the checker's module, then drawn.
  const other = await load("?embed=claims&report=reports/small.json");
  await other.page.locator(".view[data-view=claims] .claim").first().waitFor();
  assert.equal(requestsFor(other.log, "checker").length, 1);
  assert.equal(await other.page.locator(".error-panel").count(), 0);
  assert.deepEqual(other.log.errors, []);
  await other.context.close();
});

test("an embed whose report cannot be checked says so, and offers to try again", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let refused = 0;
  await page.route("**/sealift-checker-*.wasm", (route) => {
    refused += 1;
    return refused === 1 ? route.fulfill({ status: 503, body: "" }) : route.continue();
  });
  await page.goto(`${server.origin}/site/?embed=claims&report=reports/small.json`);
  const panel = page.locator(".error-panel[role=alert]");
  await panel.waitFor({ timeout: 20000 });
  assert.match(await panel.textContent(), /The report could not be checked.*reports\/small\.json could not be checked against the Sealift report format, so it is not shown: the server answered 503\. Check the connection/s);
  await panel.getByRole("button", { name: "Try again" }).click();
  await page.locator(".view[data-view=claims] .claim").first().waitFor({ timeout: 20000 });
  assert.equal(refused, 2);
  await context.close();
});

test("the host page's iframes grow to fit their views", async () => {
  const { page, context, log } = await open(browser, `${server.origin}/host.html`);
  for (const view of views) {
    const frame = page.locator(`iframe[src*="embed=${view}"]`);
    await frame.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (v) => document.querySelector(`iframe[src*="embed=${v}"]`).getBoundingClientRect().height > 200,
      view,
      { timeout: 20000 },
    );
    // Long lists settle their heights as their entries are laid out (they
    // skip the layout of entries far off screen): the iframe follows.
    let inner = 0;
    let outer = 0;
    for (let tries = 0; tries < 50; tries++) {
      inner = await frame.contentFrame().locator("html").evaluate((el) => el.getBoundingClientRect().height);
      outer = await frame.evaluate((el) => el.getBoundingClientRect().height);
      if (Math.abs(inner - outer) <= 2) break;
      await page.waitForTimeout(100);
    }
    assert.ok(Math.abs(inner - outer) <= 2, `${view}: iframe ${outer}px, content ${inner}px`);
  }
  assert.deepEqual(log.foreign, []);
  await context.close();
});

test("heights are posted in every protocol hosts listen for", async () => {
  const { page, context } = await open(browser, `${server.origin}/host.html?views=timeline`);
  // The first heights are the loading line's; wait for the drawn view's.
  const isPym = (m) => typeof m === "string" && m.startsWith("pymxPYMxframe-timelinexPYMxheightxPYMx");
  await page.waitForFunction(
    () => window.__messages.some((m) => typeof m === "string" && m.startsWith("pymx") && Number(m.split("xPYMx").pop()) > 200),
    null,
    { timeout: 20000 },
  );
  await page.waitForTimeout(200);
  const messages = await page.evaluate(() => window.__messages);
  const height = Number(messages.filter(isPym).pop().split("xPYMx").pop());
  assert.ok(height > 200);
  assert.ok(messages.some((m) => m && m["datawrapper-height"] && m["datawrapper-height"]["sealift-timeline"] === height));
  assert.ok(messages.some((m) => m && m.sentinel === "amp" && m.type === "embed-size" && m.height === height));
  assert.ok(messages.some((m) => typeof m === "string" && m.startsWith("{") && JSON.parse(m).context === "iframe.resize"));
  assert.ok(messages.some((m) => m && Object.keys(m).length === 1 && m.height === height));
  await context.close();
});

test("an embed shows the build's copy of its view while the viewer starts, tells its host its height, and the viewer then takes its place", async () => {
  // scripts/first-screen.mjs draws each view at several widths; an embed
  // 700 pixels wide shows the copy drawn at 640, its widest no wider.
  const copies = [];
  const url = `${server.origin}/site/?embed=timeline&childId=frame-timeline`;
  await heldBack(
    browser,
    url,
    async (page, release) => {
      const copy = page.locator("#sealift-first-screen");
      await copy.locator(".timeline__chart").waitFor({ timeout: 10000 });
      assert.match(copies.join(" "), /^timeline-640-en-[0-9a-f]{16}\.html$/);
      assert.equal(await copy.locator(".view__heading").textContent(), "Trips and events by vessel");
      assert.equal(await copy.locator(".view__tools").isVisible(), false, "drawn as an embed");
      // The lane names keep the places the viewer gave them (style
      // properties, which the page's policy keeps from markup).
      const lanes = await copy.locator(".timeline__name").evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect().top));
      assert.ok(lanes.length >= 2 && new Set(lanes).size === lanes.length, `lane names at ${lanes}`);
      await page.waitForTimeout(600);
      assert.equal(await page.locator("#sealift-starting").isVisible(), false, "no loading bar below the copy");
      assert.equal(await page.locator("main").count(), 1, "the viewer has not started yet");
      const copyHeight = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);

      release();
      await page.waitForFunction(() => performance.getEntriesByName("sealift:rendered").length > 0, null, { timeout: 15000 });
      assert.equal(await copy.count(), 0, "the viewer took the copy away");
      assert.equal(await page.locator("main").count(), 1);
      assert.equal(await page.locator(".view[data-view=timeline] .timeline__chart").count(), 1);
      const height = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
      assert.ok(Math.abs(height - copyHeight) <= 1, `the copy was as tall as the view: ${copyHeight} and ${height}`);
    },
    {
      viewport: { width: 700, height: 900 },
      prepare: (page) => page.on("request", (request) => request.url().includes("/first-screen/") && copies.push(new URL(request.url()).pathname.split("/").pop())),
    },
  );

  // Its host hears its height before its viewer has started.
  const host = await browser.newContext();
  const article = await host.newPage();
  await article.route("**/*.wasm", () => {});
  await article.goto(`${server.origin}/host.html?views=map`);
  await article.waitForFunction(
    () => window.__messages.some((m) => typeof m === "string" && m.startsWith("pymxPYMxframe-mapxPYMxheightxPYMx") && Number(m.split("xPYMx").pop()) > 300),
    null,
    { timeout: 10000 },
  );
  assert.equal(await article.frameLocator("iframe").locator("#sealift-first-screen .map__svg").count(), 1, "the map's copy");
  assert.equal(await article.frameLocator("iframe").locator("#sealift-first-screen .map__svg .map-land").count(), 1, "with its land");
  await host.close();
});

test("an embed whose host widens it after it has started shows the copy drawn for its width", async () => {
  // The article is laid out at 300 pixels (the embed starts at that width,
  // as an iframe does at its default size before its host has laid it
  // out), then widened while the report is on its way.
  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  const page = await context.newPage();
  const copies = [];
  page.on("request", (request) => request.url().includes("/first-screen/") && copies.push(new URL(request.url()).pathname.split("/").pop()));
  let release;
  const held = new Promise((done) => (release = done));
  await page.route("**/data/report.json", async (route) => (await held, route.continue()));
  await page.route("**/*.wasm", () => {});
  await page.goto(`${server.origin}/host.html?views=timeline&eager`);
  await page.waitForFunction(() => document.querySelector("iframe")?.contentWindow.performance.getEntriesByType("resource").some((entry) => entry.name.includes("/first-screen/")), null, { timeout: 10000 });
  assert.match(copies.join(" "), /^timeline-320-en-/);
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForFunction(() => document.querySelector("iframe").contentWindow.innerWidth > 600);
  release();
  const frame = page.frameLocator("iframe");
  await frame.locator("#sealift-first-screen .timeline__chart").waitFor({ timeout: 10000 });
  assert.match(copies.join(" "), /^timeline-320-en-\S+ timeline-640-en-\S+$/);
  const drawnAt = await frame.locator("#sealift-first-screen svg.timeline__chart").getAttribute("width");
  assert.ok(Number(drawnAt) > 560, `the copy shown was drawn ${drawnAt} pixels wide`);
  await context.close();
});

test("an embed further down an article downloads its view's code only when the reader comes to it, or touches it", async () => {
  // The embed comes from another origin than the article's, as a newsroom's
  // does: it sees the article's window only where it crosses it.
  const reading = async (extra = "") => {
    const article = server.origin.replace("127.0.0.1", "localhost");
    const url = `${article}/host.html?views=map&eager&below=3000&from=${server.origin}&extra=${encodeURIComponent(extra)}`;
    const { page, context, log } = await open(browser, url, { viewport: { width: 800, height: 700 } });
    const requests = log.requests;
    const frame = await (await page.locator("iframe").elementHandle()).contentFrame();
    const module = () => requests.filter((url) => /\/sealift-embed-map-[0-9a-f]{16}_bg\.wasm$/.test(url)).length;
    const drawn = () => frame.waitForFunction(() => performance.getEntriesByName("sealift:rendered").length > 0, null, { timeout: 20000 });
    return { context, page, frame, requests, module, drawn };
  };

  // Out of sight: its copy, and no code until it is scrolled to.
  const scrolled = await reading();
  await scrolled.frame.locator("#sealift-first-screen .map__svg .map-land").waitFor({ timeout: 15000 });
  await scrolled.page.waitForTimeout(800);
  assert.equal(scrolled.module(), 0, "no code while out of sight");
  assert.equal(await scrolled.frame.locator("#sealift-starting").isVisible(), false, "no loading bar below the copy");
  // Its frame is as tall as the copy already: the article below it does not
  // move when the reader comes to it.
  const copyHeight = await scrolled.frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  const frameHeight = await scrolled.page.locator("iframe").evaluate((frame) => frame.getBoundingClientRect().height);
  assert.ok(copyHeight > 300 && Math.abs(frameHeight - Math.ceil(copyHeight)) <= 1, `frame ${frameHeight}, copy ${copyHeight}`);
  await scrolled.page.locator("iframe").scrollIntoViewIfNeeded();
  await scrolled.drawn();
  assert.equal(scrolled.module(), 1, "the code came once the embed was in sight");
  assert.equal(await scrolled.frame.locator("#sealift-first-screen").count(), 0, "the viewer took the copy's place");
  await scrolled.context.close();

  // A screen away, below the window: the article's public/embed.js tells
  // the embed, which from inside its frame cannot see how near it is.
  const nearing = await reading();
  await nearing.frame.locator("#sealift-first-screen .map__svg").waitFor({ timeout: 15000 });
  assert.equal(nearing.module(), 0);
  await nearing.page.evaluate(() => scrollTo(0, document.querySelector("iframe").getBoundingClientRect().top + scrollY - innerHeight - 300));
  assert.ok(await nearing.page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().top > innerHeight), "still below the window");
  for (let tries = 0; tries < 100 && nearing.module() === 0; tries++) await nearing.page.waitForTimeout(100);
  assert.equal(nearing.module(), 1, "the code came while the embed was a screen away");
  await nearing.context.close();

  // Out of sight, but reached with the keyboard: it starts.
  const keyed = await reading();
  await keyed.frame.locator("#sealift-first-screen .map__svg").waitFor({ timeout: 15000 });
  assert.equal(keyed.module(), 0);
  await keyed.frame.locator("body").press("Tab");
  await keyed.drawn();
  assert.equal(keyed.module(), 1, "a key pressed in the embed brought its code");
  await keyed.context.close();

  // With no copy to show (its address asks for more than the view), it
  // does not wait.
  const uncopied = await reading("&vessel=lady-r");
  await uncopied.frame.locator("main").waitFor({ state: "attached", timeout: 20000 });
  assert.equal(uncopied.module(), 1);
  assert.deepEqual(uncopied.requests.filter((url) => url.includes("/first-screen/")), []);
  await uncopied.context.close();
});

test("the copy of an embed's view follows the flags plain, static and dark", async () => {
  await heldBack(
    browser,
    `${server.origin}/site/?embed=claims&plain&static&dark=true`,
    async (page, release) => {
      const copy = page.locator("#sealift-first-screen");
      await copy.locator(".claim").first().waitFor({ timeout: 10000 });
      assert.equal(await copy.locator(".embed-footer").count(), 0, "plain: no footer");
      assert.equal(await copy.locator(".view__header").isVisible(), false, "plain: no header");
      assert.equal(await copy.locator(".view__body").getAttribute("inert"), "", "static: nothing to click");
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
      release();
      await page.waitForFunction(() => performance.getEntriesByName("sealift:rendered").length > 0, null, { timeout: 15000 });
      assert.equal(await copy.count(), 0);
      assert.equal(await page.locator(".embed-footer").count(), 0);
      assert.equal(await page.locator(".view__body").getAttribute("inert"), "");
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    },
    { colorScheme: "light" },
  );
});

test("an embed shows no copy of its view when its address asks for more than the view", async () => {
  for (const query of ["?embed=map&vessel=lady-r", "?embed=map&transparent", "?embed=nothing"]) {
    const { page, context, log } = await load(query);
    await page.locator(".view, .report-header").first().waitFor({ timeout: 20000 });
    assert.deepEqual(log.requests.filter((url) => url.includes("/first-screen/")), [], query);
    await context.close();
  }
});

test("html and body are not 100% tall in embeds", async () => {
  const { page, context } = await load("?embed=claims");
  const heights = await page.evaluate(() => [getComputedStyle(document.documentElement).height, getComputedStyle(document.body).height, innerHeight]);
  assert.notEqual(parseFloat(heights[0]), heights[2], `html is exactly the viewport: ${heights}`);
  await context.close();
});

test("dark=true and dark=false pin the theme; auto follows the reader", async () => {
  const bg = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  let { page, context } = await load("?embed=claims&dark=true", { colorScheme: "light" });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await bg(page), "rgb(20, 22, 25)");
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), "dark");
  await context.close();
  ({ page, context } = await load("?embed=claims&dark=false", { colorScheme: "dark" }));
  assert.equal(await bg(page), "rgb(251, 250, 248)");
  await context.close();
  ({ page, context } = await load("?dark=auto", { colorScheme: "dark" }));
  assert.equal(await bg(page), "rgb(20, 22, 25)");
  await context.close();
});

test("plain, static and transparent do what they say", async () => {
  let { page, context } = await load("?embed=claims&plain");
  assert.equal(await page.locator(".view__header").isVisible(), false);
  assert.equal(await page.locator(".embed-footer").count(), 0);
  await context.close();
  ({ page, context } = await load("?embed=claims&static"));
  assert.equal(await page.locator(".view__body").getAttribute("inert"), "");
  assert.equal(await page.locator(".claim-filters").isVisible(), false);
  await context.close();
  ({ page, context } = await load("?embed=claims&transparent"));
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, "rgba(0, 0, 0, 0)");
  await context.close();
});

test("the Embed button gives a copy-ready snippet", async () => {
  const { page, context } = await load("");
  await page.locator("#timeline .view-tool", { hasText: "Embed" }).click();
  const dialog = page.locator("#timeline dialog[open]");
  await dialog.waitFor();
  const code = await dialog.locator("textarea").inputValue();
  assert.match(code, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/site\/\?embed=timeline"/);
  assert.match(code, /title="[^"]+: Four ships, one port/);
  assert.match(code, /loading="lazy"/);
  assert.match(code, /width="100%"/);
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/site\/embed\.js" async><\/script>/);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("dialog[open]").count(), 0);
  await context.close();
});

test("a reader's choices in an embed do not pile up in the article's history", async () => {
  // An iframe's history entries are its host's: each choice used to add
  // one, so that "back" stepped through the embed's filters instead of
  // leaving the article. An embed now leaves its address alone.
  const { page, context, log } = await open(browser, `${server.origin}/host.html?views=claims`);
  const frame = page.frameLocator("iframe");
  const vessel = frame.locator(".claim-filters select").nth(1);
  await vessel.waitFor({ timeout: 20000 });
  const before = await page.evaluate(() => history.length);
  const iframe = page.frames().find((f) => f.url().includes("embed=claims"));
  const address = await iframe.evaluate(() => location.href);
  const claims = await frame.locator(".claim").count();
  const choice = await vessel.locator("option").nth(1).getAttribute("value");
  await vessel.selectOption(choice);
  // The choice is made (the list narrows), and outlasts the address's pause.
  await iframe.waitForFunction((all) => document.querySelectorAll(".claim").length < all, claims, { timeout: 5000 });
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => history.length), before);
  assert.equal(await iframe.evaluate(() => location.href), address);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an embed's footnotes lead to the full report's bibliography, in a new tab", async () => {
  // An embed of any view but the bibliography has no source entries to
  // jump to: its footnotes used to go nowhere (and into the article's
  // history). They now open the full report, with the embed's choices, at
  // the source.
  const { page, context, log } = await load("?embed=claims&vessel=lady-r&plain");
  const mark = page.locator(".cite-mark").first();
  await mark.waitFor();
  const href = await mark.getAttribute("href");
  assert.match(href, /^\/site\/\?vessel=lady-r#source-\d+$/);
  assert.equal(await mark.getAttribute("target"), "_blank");
  for (const link of await page.locator(".source-line a").all()) {
    assert.match(await link.getAttribute("href"), /^\/site\/\?vessel=lady-r#sources?(-\d+)?$/);
    assert.equal(await link.getAttribute("target"), "_blank");
  }
  // The full report has that entry.
  await page.goto(new URL(href, page.url()).href);
  await page.locator(`[id="${href.split("#")[1]}"]`).waitFor({ timeout: 20000 });
  assert.deepEqual(log.errors, []);
  await context.close();
  // The page, and the bibliography's embed, link to their own entries.
  for (const query of ["", "?embed=sources"]) {
    const { page, context } = await load(query);
    const own = page.locator(query ? ".source__via a" : ".cite-mark").first();
    await own.waitFor({ state: "attached" });
    assert.match(await own.getAttribute("href"), /^#source-\d+$/, query);
    assert.equal(await own.getAttribute("target"), null, query);
    await context.close();
  }
});

test("a timeline embed offers no dates to choose, and shades the range its address names", async () => {
  // The dates narrow the map and the claims, which an embed does not have:
  // its note said "Map and claims show …" over nothing.
  let { page, context, log } = await load("?embed=timeline&plain");
  const chart = page.locator(".timeline__chart");
  await chart.waitFor();
  assert.equal(await page.locator(".timeline__range").count(), 0);
  const box = await chart.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
  await page.mouse.up();
  assert.equal(await page.locator(".timeline__range-window").count(), 0, "a drag chose no dates");
  assert.deepEqual(log.errors, []);
  await context.close();
  ({ page, context } = await load("?embed=timeline&plain&from=2024-02&to=2024-03"));
  await page.locator(".timeline__range-window").waitFor();
  await context.close();
});

test("the vessel cards' embed does not ask the reader to follow a vessel through other views", async () => {
  let { page, context } = await load("?embed=vessels");
  const caption = page.locator("#vessels .view__caption, .view[data-view=vessels] .view__caption").first();
  await caption.waitFor();
  assert.match(await caption.textContent(), /^4 vessels; \d+ of them under sanctions\.$/);
  await context.close();
  ({ page, context } = await load(""));
  const onPage = page.locator("#vessels .view__caption");
  await onPage.scrollIntoViewIfNeeded();
  await onPage.waitFor();
  assert.match(await onPage.textContent(), /under sanctions\. Select one to follow it through every view\.$/);
  await context.close();
});

test("a jump within the bibliography's embed does not add to the article's history", async () => {
  const { page, context, log } = await open(browser, `${server.origin}/host.html?views=sources`);
  const frame = page.frameLocator("iframe");
  const via = frame.locator(".source__via a").first();
  await via.waitFor({ timeout: 20000 });
  const before = await page.evaluate(() => history.length);
  const target = (await via.getAttribute("href")).slice(1);
  await via.click();
  const iframe = page.frames().find((f) => f.url().includes("embed=sources"));
  // It goes there (the entry is the page's target) ...
  await iframe.waitForFunction((id) => location.hash === `#${id}` && document.querySelector(":target")?.id === id, target, { timeout: 5000 });
  // ... in place of the address's entry.
  assert.equal(await page.evaluate(() => history.length), before);
  assert.deepEqual(log.errors, []);
  await context.close();
});
