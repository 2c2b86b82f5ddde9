// `sealift bundle`: one HTML file that opens from disk with the network off.
//
// Bundles tests/fixtures/small.json with the built viewer (dist/, or
// $SEALIFT_DIST), opens the file through file:// in an offline browser, and
// checks that the report renders and that no request left the file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launch, dist, fixtures } from "./harness.mjs";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/**
 * Runs `sealift`: $SEALIFT_BIN when set, else `cargo run` (which rebuilds it
 * when the sources changed, so the test never runs a stale binary).
 */
function sealift(args) {
  const [command, prefix] = process.env.SEALIFT_BIN
    ? [resolve(root, process.env.SEALIFT_BIN), []]
    : ["cargo", ["run", "--quiet", "-p", "sealift-cli", "--"]];
  return execFileSync(command, [...prefix, ...args], { cwd: root, encoding: "utf8" });
}

let browser;
let scratch;
let story;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), "sealift-bundle-"));
  story = join(scratch, "story.html");
  sealift(["bundle", join(fixtures, "small.json"), "-o", story, "--dist", dist(), "--color", "never"]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test("the bundle renders from file:// with the network off, asking nothing of anyone", async () => {
  const expected = JSON.parse(readFileSync(join(fixtures, "small.json"), "utf8"));
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const url = pathToFileURL(story).href;
  const errors = [];
  const requests = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  page.on("request", (req) => {
    const u = req.url();
    if (u !== url && !u.startsWith("data:")) requests.push(u);
  });
  await page.goto(url);
  const h1 = page.locator("h1.report-header__title");
  await h1.waitFor({ timeout: 15000 });
  assert.equal(await h1.textContent(), expected.report.title);
  const vessels = await page.locator("[data-collection=vessels] .report-contents__count").textContent();
  assert.equal(vessels, String(expected.vessels.length));
  assert.deepEqual(requests, [], "the bundle asked for something outside itself");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the bundle speaks Ukrainian with the network off: it carries the words", async () => {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto(`${pathToFileURL(story).href}?lang=uk`);
  const heading = page.locator(".report-contents__heading");
  await heading.waitFor({ timeout: 15000 });
  assert.equal(await heading.textContent(), "У цьому звіті");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the bundle in an iframe tells the page around it how tall it is", async () => {
  // An article of its own beside the bundle, which frames one of its views.
  const article = join(scratch, "article.html");
  writeFileSync(
    article,
    `<!DOCTYPE html><script>self.heights = []; addEventListener("message", (e) => e.data?.height && heights.push(e.data.height));</script>
     <iframe src="story.html?embed=claims" width="600" height="150"></iframe>`,
  );
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const policy = [];
  page.on("console", (message) => /Content Security Policy/.test(message.text()) && policy.push(message.text()));
  await page.goto(pathToFileURL(article).href);
  await page.waitForFunction(() => self.heights.some((height) => height > 300), null, { timeout: 15000 });
  assert.deepEqual(policy, [], "the bundle's policy allows its height script");
  await context.close();
});

test("the bundle is one file: no link or script names another", () => {
  const html = readFileSync(story, "utf8");
  assert.doesNotMatch(html, /<script[^>]*\ssrc=/i);
  assert.doesNotMatch(html, /<link[^>]*rel="(stylesheet|modulepreload|preload)"/i);
  assert.match(html, /<script type="application\/json" id="sealift-report">/);
  assert.match(html, /connect-src 'none'/);
});
