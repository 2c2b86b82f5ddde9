// Hostile and broken reports, the Content Security Policy, and requests: a
// reader never sees a blank page, nothing in a report runs, nothing leaves the site.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, open, fixtures, dist } from "./harness.mjs";

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

/** Opens a page and waits for the report or an error panel. */
async function load(path) {
  const opened = await open(browser, `${server.origin}${path}`);
  await opened.page.locator(".report, .error-panel").first().waitFor({ timeout: 20000 });
  return opened;
}

test("a hostile report shows every string literally and runs nothing", async () => {
  const hostile = JSON.parse(await readFile(join(fixtures, "hostile.json"), "utf8"));
  const { page, context, log } = await load("/site/?report=reports/hostile.json");
  await page.locator("h1.report-header__title").waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "script from the report ran");
  assert.equal(await page.title(), hostile.report.title, "the document title is the literal text");
  assert.equal(await page.locator("h1.report-header__title").textContent(), hostile.report.title);
  const body = await page.locator("body").textContent();
  assert.ok(body.includes('<iframe src="javascript:window.__pwned=1"></iframe> claim'));
  assert.ok(body.includes("W".repeat(5000)), "the 5,000-character word is there");
  assert.ok(body.includes("🚢"));
  assert.equal(await page.locator("main script, main iframe, main img, main marquee, main style").count(), 0);
  // The map's places are written as markup (src/components/markup.rs): once
  // every view is drawn, the place named "Stock​holm <marquee>" says so
  // aloud, and still no element comes from the report's text.
  await page.waitForFunction(() => performance.getEntriesByName("sealift:drawn").length > 0);
  const place = hostile.places.find((p) => p.name.includes("<marquee>"));
  const label = await page.locator(`#map [data-place="${place.id}"]`).getAttribute("aria-label");
  assert.ok(label.startsWith(`${place.name}, `), label);
  assert.equal(await page.locator("main script, main iframe, main img, main marquee, main style").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "script from the report ran");
  // Long words wrap instead of widening the page.
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `the page scrolls sideways: ${widths}`);
  assert.deepEqual(log.csp, []);
  await context.close();
});

test("the release page has a strict Content Security Policy and breaks none of it", async () => {
  const { page, context, log } = await load("/site/");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const rule of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "style-src 'self'",
    "img-src 'self' data: blob:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
    assert.ok(csp.includes(rule), `missing ${rule} in ${csp}`);
  }
  assert.ok(!csp.includes("unsafe-inline"));
  await page.locator("h1.report-header__title").waitFor();
  // Interact a little so that every view has drawn.
  await page.mouse.wheel(0, 4000);
  await page.waitForTimeout(300);
  assert.deepEqual(log.csp, [], "CSP violations");
  assert.deepEqual(log.foreign, [], "requests to other origins");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("every file the page names with an integrity hash still has that hash", async () => {
  // Files are rewritten after Trunk hashed them (scripts/minify-glue.mjs):
  // a stale hash would keep the viewer from starting in some browsers. (The
  // viewer's modules are listed without hashes: scripts/embed-modules.mjs.)
  const html = await readFile(join(dist(), "index.html"), "utf8");
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map(([link]) => link).filter((link) => link.includes("integrity="));
  const named = links.map((link) => [link.match(/href="?\.\/([^" >]+)/)[1], link.match(/integrity="?(sha384-[A-Za-z0-9+/=]+)/)[1]]);
  assert.ok(named.length >= 1, `the stylesheet carries its hash: ${links}`);
  for (const [href, integrity] of named) {
    const actual = `sha384-${createHash("sha384").update(await readFile(join(dist(), href))).digest("base64")}`;
    assert.equal(integrity, actual, `the hash of ${href}`);
  }
});

/** The release build's list of modules (scripts/embed-modules.mjs): `{"": the whole viewer's, view: its own}`, each `[glue, wasm]`. */
function modulesOf(html) {
  const list = html.match(/<script type="?application\/json"? id="?sealift-modules"?>(.*?)<\/script>/);
  assert.ok(list, "the page lists its modules");
  return JSON.parse(list[1]);
}

test("the WebAssembly imports from its glue by short names", async () => {
  // scripts/minify-glue.mjs renames wasm-bindgen's hashed import names in both
  // files, for the whole viewer and for each embed's module.
  const html = await readFile(join(dist(), "index.html"), "utf8");
  for (const [name, [glueFile, wasmFile]] of Object.entries(modulesOf(html))) {
    const glue = await readFile(join(dist(), glueFile), "utf8");
    const module = await WebAssembly.compile(await readFile(join(dist(), wasmFile)));
    const from = name === "" ? "./sealift-viewer_bg.js" : `./embed-${name}_bg.js`;
    const imports = WebAssembly.Module.imports(module).filter((i) => i.module === from);
    assert.ok(imports.length > 100, `${name}: ${imports.length} imports`);
    for (const { name: imported } of imports) {
      assert.match(imported, /^\$[0-9a-z]+$/);
      assert.ok(glue.includes(`${imported}:`), `the glue defines ${imported}`);
    }
    assert.doesNotMatch(glue, /__wbg_\w*_[0-9a-f]{16}\b/, "no hashed name is left in the glue");
    // And it exports only what its glue calls: the classes wasm-bindgen
    // writes for JavaScript callers (wasm-streams', through Leptos) are gone.
    const exports = WebAssembly.Module.exports(module).map((e) => e.name);
    assert.ok(exports.includes("__wbindgen_start"), exports.join(" "));
    for (const exported of exports) {
      assert.match(glue, new RegExp(`(?<![\\w$])${exported.replace(/\$/g, "\\$")}(?![\\w$])`), `the glue calls ${exported}`);
    }
    assert.doesNotMatch(glue, /IntoUnderlying|\bclass\b/);
    assert.match(glue, /^export\{\w+ as initSync,\w+ as default\};?$/m);
  }
});

test("the bundled report is downloaded once, by the page, and the viewer shows it", async () => {
  const { page, context, log } = await load("/site/");
  await page.locator("h1.report-header__title").waitFor();
  const reports = log.requests.filter((u) => new URL(u).pathname.endsWith("/report.json"));
  assert.deepEqual(reports, [`${server.origin}/site/data/report.json`]);
  assert.deepEqual(log.csp, [], "the early download keeps to the policy");
  await context.close();
});

test("a page that names another report does not download the bundled one", async () => {
  const { page, context, log } = await load("/site/?report=reports/small.json");
  await page.locator("h1.report-header__title").waitFor();
  const reports = log.requests.filter((u) => /(report|small)\.json$/.test(new URL(u).pathname));
  assert.deepEqual(reports, [`${server.origin}/site/reports/small.json`]);
  await context.close();
});

test("every embed keeps to the policy and to its own site", async () => {
  for (const view of ["timeline", "estimates", "map", "claims", "vessels", "sources"]) {
    const { page, context, log } = await load(`/site/?embed=${view}`);
    await page.locator(`.view[data-view=${view}]`).waitFor();
    await page.waitForTimeout(200);
    assert.deepEqual(log.csp, [], `${view}: CSP violations`);
    assert.deepEqual(log.foreign, [], `${view}: requests to other origins`);
    await context.close();
  }
});

test("a report from another site is refused", async () => {
  for (const report of ["https://evil.example/report.json", "//evil.example/r.json", "javascript:alert(1)"]) {
    const { page, context, log } = await load(`/site/?report=${encodeURIComponent(report)}`);
    const panel = await page.locator(".error-panel").textContent();
    assert.match(panel, /only shows reports published on its own site/);
    assert.equal(await page.locator(".error-panel button").count(), 0, "trying again would be refused again");
    assert.deepEqual(log.foreign, []);
    await context.close();
  }
});

test("a missing report says so and offers a retry", async () => {
  const { page, context } = await load("/missing/");
  const panel = page.locator(".error-panel");
  assert.match(await panel.textContent(), /could not be loaded.*404/s);
  assert.equal(await panel.locator("button", { hasText: "Try again" }).count(), 1);
  await context.close();
});

test("a truncated report names the place where it breaks off", async () => {
  const { page, context } = await load("/truncated/");
  const panel = await page.locator(".error-panel").textContent();
  assert.match(panel, /This report has errors/);
  assert.match(panel, /line \d+, column \d+/);
  await context.close();
});

test("an oversized report is refused without reading it", async () => {
  const { page, context } = await load("/huge/");
  assert.match(await page.locator(".error-panel").textContent(), /too large.*at most 20 MB/s);
  await context.close();
});

test("a dropped connection says what went wrong and retry works", async () => {
  const { page, context } = await load("/offline/");
  const panel = page.locator(".error-panel");
  assert.match(await panel.textContent(), /could not be loaded/);
  await panel.locator("button", { hasText: "Try again" }).click();
  await page.locator(".error-panel").waitFor();
  assert.match(await page.locator(".error-panel").textContent(), /could not be loaded/);
  await context.close();
});

test("deeply nested JSON is refused cleanly", async () => {
  const { page, context, log } = await load("/site/?report=reports/deep.json");
  assert.match(await page.locator(".error-panel").textContent(), /This report has errors.*nest/si);
  assert.deepEqual(log.errors, []);
  await context.close();
});
