#!/usr/bin/env node
// Writes the bundled report's first screen (its masthead, "In this report"
// and the story), in each interface language, beside a release build's
// index.html, so that a reader sees and can read it before the viewer has
// started: the WebAssembly is most of the page's weight, and downloading,
// compiling and starting it takes three times as long as showing a plain
// page. Trunk runs it after each release build (scripts/post-build.sh).
//
// The copy is the viewer's own: the build is served on loopback, Chromium
// draws the page (`--dump-dom`), and the masthead, contents and story are
// cut from what it drew. Each language's copy (English, and each language
// with a words file, `words/*.tsv`) is a file, `first-screen/<lang>-<digest
// of the report>.html`, and index.html names the report's SHA-256 in
// `<meta name="sealift-first-screen">`. The page's first script downloads
// its language's copy beside the report, on a page whose query names no
// more than its language, whose first screen it is, and shows it only once
// the report it downloads has that digest, so an author who replaces
// `data/report.json` in `dist/` (as docs/authoring.md says) never shows the
// old story (index.html). Embeds and pages with other queries download no
// copy. The viewer takes it away when it draws the page (src/shell/mod.rs).
//
// Without Chromium the build goes on without the copy (the page works the
// same; its story shows when the viewer starts), and says so.
import { spawn, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { withMetaAtTop } from "./page-meta.mjs";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const root = process.env.TRUNK_STAGING_DIR;
const REPORT = "data/report.json";
const ID = "sealift-first-screen";

function fail(message) {
  console.error(`first-screen: ${message}`);
  process.exit(1);
}

const chromium = process.env.CHROMIUM ?? which("chromium");
if (!chromium) {
  console.warn("first-screen: no chromium on PATH (scripts/setup.sh installs it): this build shows its story once the viewer starts");
  process.exit(0);
}

// A server of its own: the test harness's (tests/e2e/harness.mjs) needs
// the whole-page tests' packages, which a build need not have.
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css", ".svg": "image/svg+xml", ".tsv": "text/plain" };
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^\/+/, "") || "index.html";
  try {
    const body = readFileSync(join(root, path));
    response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
// English first, then every language the interface has words for (src/i18n/words.rs).
const languages = ["en", ...readdirSync(join(root, "words")).filter((f) => f.endsWith(".tsv")).map((f) => f.slice(0, -".tsv".length))];
const copies = [];
for (const code of languages) copies.push(await firstScreen(code));
server.close();
const [{ lang, copy }, ...others] = copies;
if (others.some((other) => other.lang !== lang)) fail("the report's language differs between the interface's languages");
// The report's SHA-256, which the page's first script compares (index.html).
const digest = createHash("sha256").update(readFileSync(join(root, REPORT))).digest("hex");

const index = join(root, "index.html");
const html = readFileSync(index, "utf8");
if (/<meta name="?sealift-first-screen/.test(html)) fail("index.html already names a first screen");
writeFileSync(index, withMetaAtTop(html, ID, digest) ?? fail("no <meta charset> in index.html"));
mkdirSync(join(root, "first-screen"), { recursive: true });
for (const [i, { copy }] of copies.entries()) {
  const file = join(root, "first-screen", `${languages[i]}-${digest.slice(0, 16)}.html`);
  writeFileSync(file, `<main class="report" id="${ID}" lang="${lang}">${copy}</main>`);
}

/** The first screen as the viewer draws it with its interface in `code`, and the report's language. */
async function firstScreen(code) {
  const url = `http://127.0.0.1:${server.address().port}/?lang=${code}`;
  const drawn = await new Promise((ok) => {
    const child = spawn(chromium, [...flags, "--virtual-time-budget=10000", "--dump-dom", url], { stdio: ["ignore", "pipe", "ignore"] });
    const chunks = [];
    const timer = setTimeout(() => child.kill(), 60000);
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.on("close", () => (clearTimeout(timer), ok(Buffer.concat(chunks).toString("utf8"))));
    child.on("error", (err) => fail(`cannot run ${chromium}: ${err.message}`));
  });
  // The page's <main>, then from the masthead to the end of the story (or of
  // the contents, for a report without one). Leptos's empty comments (its
  // markers for where reactive parts go) are of no use to a copy.
  const main = drawn.match(/<main class="report"[^>]*>/)?.[0];
  const from = drawn.indexOf('<header class="report-header"');
  const story = drawn.indexOf('<article class="narrative"');
  const to = story >= 0 ? drawn.indexOf("</article>", story) + "</article>".length : drawn.indexOf("</section>", drawn.indexOf('<section class="report-contents"')) + "</section>".length;
  if (drawn.includes('class="error-panel')) {
    fail(`the viewer cannot show the bundled report: see \`sealift check public/data/report.json\``);
  }
  if (!main || from < 0 || to <= from) fail(`Chromium did not draw the report's first screen at ${url}`);
  return { lang: main.match(/\slang="([^"]*)"/)?.[1] ?? "en", copy: drawn.slice(from, to).replaceAll("<!---->", "") };
}

function which(name) {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}
