// The built viewer, loaded over HTTP as a reader would load it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, open, dist, requestsFor, heldBack } from "./harness.mjs";

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

test("the bundled report's title and counts render from a subfolder", async () => {
  const { page, context, log } = await open(browser, `${server.origin}/site/`);
  const h1 = page.locator("h1.report-header__title");
  await h1.waitFor({ timeout: 15000 });
  assert.equal(await h1.textContent(), bundled.report.title);
  const vessels = await page.locator("[data-collection=vessels] .report-contents__count").textContent();
  assert.equal(vessels, String((bundled.vessels ?? []).length));
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.foreign, [], "the page asked a third party for something");
  await context.close();
});

test("the bundled report's key facts are on the page", async () => {
  const { page, context } = await open(browser, `${server.origin}/site/`);
  await page.locator("#timeline .view__caption").waitFor({ timeout: 15000 });
  const caption = (id) => page.locator(`#${id} .view__caption`).textContent();
  // The February 2024 pause, found from the data.
  assert.match(await caption("timeline"), /no port calls were recorded in the 26 days between 12 Feb 2024 and 10 Mar 2024/);
  assert.match(await page.locator("#timeline").textContent(), /No port calls recorded for 26 days/);
  // How the container estimates grew.
  assert.match(await caption("estimates"), /from more than 1,000 \(Oct 2023\) to more than 13,000 \(Aug 2024\)/);
  // The four ships, Lady R's IMO number, and the routes on the map.
  for (const ship of ["Angara", "Maria", "Maia-1", "Lady R"]) {
    assert.equal(await page.locator(`.vessel-card__name`, { hasText: ship }).count(), 1, ship);
  }
  assert.match(await page.locator("[data-vessel=lady-r]").textContent(), /9161003/);
  assert.match(await caption("map"), /Vostochny/);
  // The State Department's figure, with its footnotes, among the claims.
  assert.match(await page.locator("#claims").textContent(), /10,000 containers/);
  assert.ok((await page.locator("#claims a.cite-mark").count()) > 30);
  await context.close();
});

test("the map downloads only the basemap layer it draws", async () => {
  const { page, context } = await open(browser, `${server.origin}/site/`);
  // The first load's land comes after "sealift:drawn": wait for it, so that
  // only the reload's requests are counted.
  await page.locator("#map .map-land").waitFor({ timeout: 15000 });
  const asked = [];
  page.on("request", (request) => asked.push(new URL(request.url()).pathname));
  await page.reload();
  await page.locator("#map .map-land").waitFor({ timeout: 15000 });
  const basemap = asked.filter((path) => path.includes("/basemap/")).map((path) => path.split("/").pop());
  // The bundled report lies in the Sea of Japan: the fine layer, not the world's.
  assert.deepEqual(basemap.sort(), ["land-region.json", "land.json"]);
  assert.ok((await page.locator("#map .map-land").getAttribute("d")).length > 1000, "the land is drawn");
  await context.close();
});

test("the charts' marks are placed by their coordinates, none moved by a transform", async () => {
  // Each transformed element is a node the browser goes over on every frame
  // (src/coordinates.rs): at 10,000 trips they slowed every step of the dates.
  const { page, context } = await open(browser, `${server.origin}/site/`);
  await page.waitForFunction(() => performance.getEntriesByName("sealift:drawn").length > 0, null, { timeout: 30000 });
  const counts = await page.evaluate(() => {
    const count = (selector) => document.querySelectorAll(selector).length;
    return {
      transformed: count("svg [transform]"),
      estimates: count("#estimates .estimate-mark"),
      places: count("#map .map-place"),
      shapes: count("#timeline .timeline__shape"),
    };
  });
  assert.equal(counts.transformed, 0);
  assert.ok(counts.estimates > 10 && counts.places > 5 && counts.shapes > 10, JSON.stringify(counts));
  await context.close();
});

test("an estimate's mark answers the pointer anywhere on its disc, and the keyboard's focus rings it", async () => {
  // A mark has no circle of its own for the pointer or the ring
  // (src/components/markup.rs, push_disc): a disc drawn as a line of no
  // length, and one marker for every mark's ring (src/estimates/mark.rs, FOCUS_RING).
  const { page, context } = await open(browser, `${server.origin}/site/`, { viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => performance.getEntriesByName("sealift:drawn").length > 0, null, { timeout: 30000 });
  const mark = page.locator("#estimates .estimate-mark").first();
  await mark.scrollIntoViewIfNeeded();
  // Where the pointer lands, down and right of the disc's centre (clear of
  // the mark's lines): 2 px inside its edge, which is 12 px out, and 3 px beyond it.
  const hits = await mark.evaluate((element) => {
    const disc = element.querySelector(".estimate-mark__hit");
    const [x, y] = [Number(disc.getAttribute("x1")), Number(disc.getAttribute("y1"))];
    const point = disc.ownerSVGElement.createSVGPoint();
    const at = (distance) => {
      Object.assign(point, { x: x + distance / Math.SQRT2, y: y + distance / Math.SQRT2 });
      const { x: left, y: top } = point.matrixTransform(disc.getScreenCTM());
      return document.elementFromPoint(left, top)?.closest("[role=button]") === element;
    };
    return { inside: at(10), outside: at(15), circles: element.querySelectorAll("circle[r='12']").length };
  });
  assert.deepEqual(hits, { inside: true, outside: false, circles: 0 });
  // No ring until the mark has the keyboard's focus; then the marker that draws it is on the page, once.
  const ring = () => mark.evaluate((element) => getComputedStyle(element.querySelector(".estimate-mark__hit")).markerStart);
  assert.equal(await ring(), "none");
  // (A key pressed first, as a reader of the keyboard would: focus then shows.)
  await page.keyboard.press("Shift");
  await mark.focus();
  assert.match(await ring(), /^url\("?#estimates-focus-ring"?\)$/);
  assert.equal(await page.locator("marker#estimates-focus-ring circle").count(), 1);
  await context.close();
});

test("an invalid report shows its error panel with the path", async () => {
  const { page, context, log } = await open(browser, `${server.origin}/broken/`);
  const panel = page.locator(".error-panel[role=alert]");
  await panel.waitFor({ timeout: 15000 });
  const text = await panel.textContent();
  assert.match(text, /This report has errors/);
  assert.match(text, /trips\[0\]\.vessel/);
  assert.match(text, /did you mean "aurora"\?/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("only a broken report downloads the checker's words", async () => {
  const broken = await open(browser, `${server.origin}/broken/`);
  await broken.page.locator(".error-panel .error-panel__message").first().waitFor({ timeout: 15000 });
  assert.equal(requestsFor(broken.log, "checker").length, 1);
  await broken.context.close();
  const sound = await open(browser, `${server.origin}/site/`);
  await sound.page.locator("h1.report-header__title").waitFor({ timeout: 15000 });
  assert.deepEqual(requestsFor(sound.log, "checker"), []);
  await sound.context.close();
});

test("without the checker's module a broken report still says it is broken, and why the list is missing", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/sealift-checker-*.wasm", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${server.origin}/broken/`);
  const panel = page.locator(".error-panel[role=alert]");
  await panel.waitFor({ timeout: 15000 });
  const text = await panel.textContent();
  assert.match(text, /This report has errors/);
  assert.match(text, /the list of its problems could not be loaded: .*404.*`sealift check` prints it/);
  assert.equal(await panel.locator("li").count(), 0);
  await context.close();
});

test("the page only reads the report its build checked, and checks a report its address names with the rules' own file", async () => {
  const bundled = await open(browser, `${server.origin}/site/`);
  await bundled.page.locator("h1.report-header__title").waitFor({ timeout: 15000 });
  await bundled.page.locator("#timeline .timeline__shape").first().waitFor({ timeout: 15000 });
  assert.deepEqual(requestsFor(bundled.log, "rules"), [], "the bundled report needs no rules");
  await bundled.context.close();

  const named = await open(browser, `${server.origin}/site/?report=reports/small.json`);
  await named.page.locator("h1.report-header__title").waitFor({ timeout: 15000 });
  assert.equal(requestsFor(named.log, "rules").length, 1);
  assert.equal(await named.page.locator(".error-panel").count(), 0);
  assert.deepEqual(named.log.errors, []);
  await named.context.close();
});

test("a page whose rules cannot be downloaded says its report could not be checked, and tries again", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let failing = true;
  await page.route("**/sealift-rules-*.wasm", (route) => (failing ? route.fulfill({ status: 503, body: "" }) : route.continue()));
  await page.goto(`${server.origin}/site/?report=reports/small.json`);
  const panel = page.locator(".error-panel[role=alert]");
  await panel.waitFor({ timeout: 15000 });
  assert.match(await panel.textContent(), /The report could not be checked.*the file of the format's rules could not be downloaded/s);
  failing = false;
  await panel.getByRole("button", { name: "Try again" }).click();
  await page.locator("h1.report-header__title").waitFor({ timeout: 15000 });
  await context.close();
});

test("the page is never blank while the report loads", async () => {
  const { page, context } = await open(browser, `${server.origin}/site/`);
  // Either the loading line or the report itself: something is always there.
  const text = await page.locator("body").textContent();
  assert.ok(text.trim().length > 0);
  await context.close();
});

/** The bundled report's page (`/site/` and `query`) with its WebAssembly held back (harness.mjs). */
const withViewerHeldBack = (query, check, options) => heldBack(browser, `${server.origin}/site/${query}`, check, options);

/** The viewer's masthead, contents and story as HTML, as scripts/first-screen.mjs copies them. */
const firstScreenOf = (page, root) =>
  page.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root} > .report-header, ${root} > .report-contents, ${root} > .narrative`)]
        .map((e) => e.outerHTML.replaceAll("<!---->", ""))
        .join(""),
    root,
  );

test("a slow start shows the story at once, with the loading bar below it, and the viewer then takes its place", async () => {
  await withViewerHeldBack("", async (page, release) => {
    const copy = page.locator("#sealift-first-screen");
    await copy.locator("h1").waitFor({ state: "visible", timeout: 10000 });
    const copied = await firstScreenOf(page, "#sealift-first-screen");
    assert.match(copied, /Four ships, one port/);
    assert.match(copied, /<article class="narrative"/, "the story is in the copy");
    const title = await copy.locator("h1").boundingBox();
    // (Once the stylesheet applies: the browser shows nothing before it.)
    const bar = page.locator("#sealift-starting");
    await bar.waitFor({ state: "visible", timeout: 10000 });
    assert.equal(await bar.locator(".loading__failed").isVisible(), false, "and no failure");
    const copyBox = await copy.boundingBox();
    assert.ok((await bar.boundingBox()).y >= copyBox.y + copyBox.height, "the bar is below the story");
    assert.equal(await page.locator("main").count(), 1, "the viewer has not started yet");

    release();
    await page.waitForFunction(() => performance.getEntriesByName("sealift:rendered").length > 0, null, { timeout: 15000 });
    assert.equal(await copy.count(), 0, "the viewer took the copy away");
    assert.equal(await bar.count(), 0, "and the bar");
    assert.equal(await page.locator("main").count(), 1);
    assert.equal(await page.locator("h1").count(), 1);
    // The copy was the viewer's own first screen, in the same place.
    assert.equal(await firstScreenOf(page, "main.report"), copied);
    assert.deepEqual(await page.locator("h1").boundingBox(), title, "the title did not move");
  }, { viewport: { width: 1280, height: 900 } });
});

test("a page in Ukrainian shows the story's copy with the interface in Ukrainian, and the viewer then takes its place", async () => {
  await withViewerHeldBack("?lang=uk", async (page, release) => {
    const copy = page.locator("#sealift-first-screen");
    await copy.locator("h1").waitFor({ state: "visible", timeout: 10000 });
    assert.equal(await copy.locator(".report-contents__heading").textContent(), "У цьому звіті");
    assert.equal(await copy.locator("button[lang=uk]").getAttribute("aria-pressed"), "true");
    const copied = await firstScreenOf(page, "#sealift-first-screen");
    release();
    await page.waitForFunction(() => performance.getEntriesByName("sealift:rendered").length > 0, null, { timeout: 15000 });
    assert.equal(await copy.count(), 0, "the viewer took the copy away");
    assert.equal(await firstScreenOf(page, "main.report"), copied, "the copy was the viewer's own first screen in Ukrainian");
  });
});

test("the story's copy shows only for the report it was drawn from, on a page whose query names no more than its language", async () => {
  /** Whether the copy shows once the report is in, with the viewer held back. */
  const copyShown = (query, { locale = "en-US", report } = {}) =>
    withViewerHeldBack(
      query,
      async (page, _release, { arrived }) => {
        await arrived;
        // Shown within moments of the report, or not at all.
        return page
          .locator("#sealift-first-screen")
          .waitFor({ state: "visible", timeout: 1500 })
          .then(() => true, () => false);
      },
      {
        locale,
        prepare: async (page) => {
          if (report) await page.route("**/data/report.json", (route) => route.fulfill({ body: report, contentType: "application/json" }));
          return { arrived: page.waitForResponse((r) => r.url().includes("report.json")) };
        },
      },
    );
  assert.equal(await copyShown(""), true, "the page's own report");
  assert.equal(await copyShown("?lang=en"), true, "a page that names its language");
  assert.equal(await copyShown("?lang=uk"), true, "a page in Ukrainian");
  assert.equal(await copyShown("", { locale: "uk-UA" }), true, "a browser in Ukrainian");
  assert.equal(await copyShown("?embed=map&vessel=lady-r"), false, "an embed with a query");
  assert.equal(await copyShown("?vessel=lady-r"), false, "a page with a query");
  assert.equal(await copyShown("?lang=uk&vessel=lady-r"), false, "a page in Ukrainian with a query");
  const original = await readFile(join(dist(), "data", "report.json"), "utf8");
  const edited = original.replace("Four ships, one port", "Five ships, one port");
  assert.notEqual(edited, original);
  assert.equal(await copyShown("", { report: edited }), false, "a report replaced after the build");
});

test("a reader tabbing through the copy goes on from the same link once the viewer takes over", async () => {
  await withViewerHeldBack("", async (page, release) => {
    await page.locator("#sealift-first-screen .cite-mark").nth(2).focus({ timeout: 10000 });
    assert.match(await page.title(), /^Four ships, one port/, "the tab shows the story's title");
    const focused = () =>
      page.evaluate(() => [document.activeElement.closest("main")?.id ?? "", document.activeElement.getAttribute("href"), document.activeElement.textContent]);
    const [where, href, text] = await focused();
    assert.equal(where, "sealift-first-screen");
    release();
    await page.waitForFunction(() => performance.getEntriesByName("sealift:rendered").length > 0, null, { timeout: 15000 });
    assert.deepEqual(await focused(), ["", href, text], "the viewer's same link has the focus");
  });
});

test("until the viewer starts, the copy's language button opens the page in that language", async () => {
  await withViewerHeldBack("", async (page, release) => {
    await page.locator("#sealift-first-screen button[lang=uk]").click({ timeout: 10000 });
    await page.waitForURL(/\?lang=uk$/, { timeout: 5000 });
    const heading = page.locator("#sealift-first-screen .report-contents__heading");
    await heading.waitFor({ state: "visible", timeout: 10000 });
    assert.equal(await heading.textContent(), "У цьому звіті", "the copy, in that language");
    release();
    await page.locator("h1.report-header__title").waitFor({ timeout: 15000 });
    assert.equal(await page.locator(".report-contents__heading").textContent(), "У цьому звіті");
  });
});

test("the started viewer leaves no bar behind, and without JavaScript the page says what it needs", async () => {
  const { page, context } = await open(browser, `${server.origin}/site/`);
  assert.equal(await page.locator("#sealift-starting").count(), 0);
  await context.close();
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(`${server.origin}/site/`);
  assert.match(await still.locator("body").innerText(), /needs JavaScript and WebAssembly/);
  assert.equal(await still.locator("#sealift-starting").isVisible(), false, "no bar that never ends");
  assert.equal(await still.locator("#sealift-first-screen").isVisible(), false, "no story that may be another report's");
  await off.close();
});

test("a viewer that cannot start says so, with the way to the data", async () => {
  for (const blocked of ["**/*.wasm", "**/sealift-page-*.js"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(blocked, (route) => route.abort());
    await page.goto(`${server.origin}/site/`);
    const starting = page.locator("#sealift-starting.loading--failed");
    await starting.waitFor({ timeout: 10000 });
    assert.equal(await starting.getAttribute("role"), "alert", blocked);
    assert.match(await starting.innerText(), /could not start/, blocked);
    assert.equal(await page.locator("#sealift-starting .loading__bar").isVisible(), false, blocked);
    assert.equal(await starting.locator("a").getAttribute("href"), "data/report.json");
    await context.close();
  }
});

/**
 * A new page whose requests for the views' code files (scripts/split-page.mjs)
 * go to `handle`, with the errors it throws.
 */
async function withViewsCode(handle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.route("**/sealift-view-*.wasm", handle);
  return { context, page, errors };
}

test("a host that serves the views' code as another type than WebAssembly still shows every view", async () => {
  // (An older nginx's mime.types has no .wasm: `instantiateStreaming`
  // refuses such a response, and scripts/split-page.mjs's loader reads it whole.)
  let served = 0;
  const { context, page, errors } = await withViewsCode(async (route) => {
    const response = await route.fetch();
    served += 1;
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await page.goto(`${server.origin}/site/`);
  await page.waitForFunction(() => performance.getEntriesByName("sealift:drawn").length > 0, null, { timeout: 30000 });
  assert.equal(await page.locator(".view--missing").count(), 0);
  await page.locator("#map .map-land").waitFor();
  assert.ok(await page.locator("#timeline svg").count(), "the timeline is drawn");
  assert.equal(served, 7, "every view's file and the shared one");
  assert.deepEqual(errors, []);
  await context.close();
});

test("each view's code comes when the view is drawn; a view whose code cannot come says so, and comes when tried again", async () => {
  // The page's release build has each view's code in files of its own
  // (scripts/split-page.mjs, src/shell/views.rs).
  const asked = [];
  let blocked = true;
  const { context, page, errors } = await withViewsCode((route) => {
    asked.push(new URL(route.request().url()).pathname.split("/").pop());
    return blocked ? route.abort() : route.continue();
  });
  await page.goto(`${server.origin}/site/`);
  await page.locator("h1.report-header__title").waitFor();
  // Once the page is idle every view is tried; the story stays, and the
  // page counts as drawn even so.
  const missing = page.locator(".view--missing");
  await page.waitForFunction(() => document.querySelectorAll(".view--missing").length === 6, null, { timeout: 20000 });
  await page.waitForFunction(() => performance.getEntriesByName("sealift:drawn").length > 0, null, { timeout: 10000 });
  for (const view of ["timeline", "estimates", "map", "claims", "vessels", "sources"]) {
    assert.ok(asked.some((file) => file.startsWith(`sealift-view-${view}-`)), `${view}'s own file was asked for`);
    const notice = page.locator(`#${view}.view--missing`);
    assert.match(await notice.locator("[role=alert]").innerText(), /could not be downloaded/, view);
  }
  assert.equal(await page.locator("#map.view--missing h2").innerText(), "Map", "it says which view is missing");
  assert.ok(await page.locator(".narrative").count(), "the story is still there");
  assert.equal(await missing.locator("button").first().innerText(), "Try again");
  blocked = false;
  await page.locator("#map.view--missing button").click();
  await page.locator("#map .map-land").waitFor({ timeout: 15000 });
  assert.equal(await page.locator(".view--missing").count(), 5, "the others still wait for the reader");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a page printed while a view's code is on its way says on paper which view is missing, and why", async () => {
  let release;
  const held = new Promise((ok) => (release = ok));
  const { context, page, errors } = await withViewsCode(async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  try {
    await page.goto(`${server.origin}/site/`);
    await page.locator("h1.report-header__title").waitFor();
    // The browser's print starts with `beforeprint`, which draws every view at once.
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    const note = page.locator("#map .view__still-coming");
    await note.waitFor({ state: "attached" });
    assert.equal(await note.isVisible(), false, "nothing is said on screen");
    await page.emulateMedia({ media: "print" });
    assert.equal(await note.isVisible(), true, "on paper, it says so");
    assert.equal(await note.locator("h2").innerText(), "Map");
    assert.match(await note.innerText(), /still downloading when the page was printed\. Print again in a moment/);
    await page.emulateMedia({ media: "screen" });
    release();
    await page.locator("#map .map-land").waitFor({ timeout: 15000 });
    assert.equal(await page.locator(".view__still-coming").count(), 0, "once the code is in, the view is drawn instead");
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context.close();
  }
});
