// Takes the screenshots a person checks before calling a view done:
// 1280 px and 375 px wide, light and dark, of the built dist/.
//
//   node tests/e2e/screenshot.mjs [--dist DIR] [--out DIR] [--query "?vessel=lady-r"]
//                                 [--name prefix] [--selector "#timeline"] [--full] [--height 900] [--max-height 1200]
// Without --selector or --full it shows the first screen, as a reader lands on it.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { serve, launch } from "./harness.mjs";

const { values: args } = parseArgs({
  options: {
    dist: { type: "string" },
    out: { type: "string", default: "docs/screenshots" },
    query: { type: "string", default: "" },
    name: { type: "string", default: "" },
    selector: { type: "string" },
    full: { type: "boolean", default: false },
    height: { type: "string", default: "900" },
    "max-height": { type: "string" },
  },
});
if (args.dist) process.env.SEALIFT_DIST = args.dist;

const server = await serve();
const browser = await launch();
await mkdir(args.out, { recursive: true });
const shots = [
  ["desktop-light", 1280, "light"],
  ["desktop-dark", 1280, "dark"],
  ["mobile-light", 375, "light"],
  ["mobile-dark", 375, "dark"],
];
for (const [label, width, colorScheme] of shots) {
  const context = await browser.newContext({ viewport: { width, height: Number(args.height) }, colorScheme, deviceScaleFactor: 1, bypassCSP: true });
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error(`${label}: page error: ${err}`));
  await page.goto(`${server.origin}/site/${args.query}`);
  await page.locator(".report, .error-panel").first().waitFor({ timeout: 20000 });
  // Charts of large reports are drawn as the reader nears them or when the
  // page is idle: a shot of the whole page waits for the last.
  await page.waitForFunction(() => performance.getEntriesByName("sealift:drawn").length > 0 || document.querySelector(".error-panel"), null, { timeout: 60000 });
  // In a shot of one view, the sticky "as of" bar would float over it.
  if (args.selector) await page.addStyleTag({ content: ".as-of { position: static !important; }" });
  // Long lists lay out only what is near the window (content-visibility);
  // a shot taller than the window shows every entry.
  await page.addStyleTag({ content: ".source, .claim, .vessel-card { content-visibility: visible !important; }" });
  await page.waitForTimeout(300);
  const file = join(args.out, `${args.name}${label}.png`);
  if (args.selector && args["max-height"]) {
    // The top of a long element: scroll it into view and clip.
    const el = page.locator(args.selector);
    await el.scrollIntoViewIfNeeded();
    const box = await el.boundingBox();
    const scrollY = await page.evaluate(() => window.scrollY);
    const clip = { x: box.x, y: box.y + scrollY, width: box.width, height: Math.min(box.height, Number(args["max-height"])) };
    await page.screenshot({ path: file, clip, fullPage: true });
  } else if (args.selector) {
    await page.locator(args.selector).screenshot({ path: file });
  } else {
    await page.screenshot({ path: file, fullPage: args.full });
  }
  console.log(file);
  await context.close();
}
await browser.close();
await server.close();
