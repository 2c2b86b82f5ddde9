// Accessibility: axe-core (a test-only npm package, never shipped) checks the
// whole page, every embed, dark mode and the Ukrainian interface against WCAG 2.1 A and AA.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { serve, launch, open } from "./harness.mjs";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
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

/** Runs axe on a page and returns its violations as readable lines. */
async function violations(query, options = {}) {
  // The page's CSP forbids injected scripts, rightly; axe needs one.
  const { page, context } = await open(browser, `${server.origin}/site/${query}`, { bypassCSP: true, ...options });
  await page.locator(".report").first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(300);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  await context.close();
  return result.violations.flatMap((v) =>
    v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary.split("\n").slice(1, 2).join(" ").trim()}`),
  );
}

for (const [name, query, options] of [
  ["the full page, light", "", { colorScheme: "light" }],
  ["the full page, dark", "", { colorScheme: "dark" }],
  ["the full page at 320 px", "", { viewport: { width: 320, height: 800 } }],
  ["the full page in Ukrainian", "?lang=uk", {}],
  ["the timeline embed", "?embed=timeline", {}],
  ["the estimates embed", "?embed=estimates", {}],
  ["the map embed", "?embed=map", {}],
  ["the claims embed, dark", "?embed=claims&dark=true", {}],
  ["the sources embed", "?embed=sources", {}],
]) {
  test(`axe finds no WCAG 2.1 AA violation: ${name}`, async () => {
    assert.deepEqual(await violations(query, options), []);
  });
}
