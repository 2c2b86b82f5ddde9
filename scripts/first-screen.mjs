#!/usr/bin/env node
// Writes copies of what the viewer draws first, as it draws them from the
// bundled report, beside a release build's index.html, so that a reader
// sees and can read them before the viewer has started: the WebAssembly is
// most of a page's weight, and downloading, compiling and starting it takes
// three times as long as showing a plain page. Trunk runs it after each
// release build (scripts/post-build.sh).
//
// The copies are the viewer's own: the build is served on loopback, and
// Chromium opens a page of this script's (HARNESS) that draws each one in
// an iframe, as a reader's browser would, and sends back its `<main>` once
// it is all drawn (`sealift:drawn`).
//
// - **The page's first screen** (its masthead, "In this report" and the
//   story), in each interface language (English, and each language with a
//   words file, `words/*.tsv`): `first-screen/<lang>-<digest>.html`, the
//   digest being the report's SHA-256, which index.html names in
//   `<meta name="sealift-first-screen">`.
// - **Each embed's view** (`?embed=<view>`), in each language, at each
//   width of EMBED_WIDTHS at which it is drawn differently from the width
//   before (the charts and the map are drawn to their width, the lists are
//   not): `first-screen/<view>-<width>-<lang>-<digest>.html`, and the widths
//   in `<meta name="sealift-embed-copies" content="map:360,480,… claims:360 …">`.
//
// The page's first script downloads its copy beside the report, on a page
// whose query names no more than its language (and, for an embed, its view
// and the host's sizing fields), at the widest no wider than the embed, and shows
// it only once the report it downloads has that digest, so an author who
// replaces `data/report.json` in `dist/` (as docs/authoring.md says) never
// shows the old story (index.html). Pages with other queries download no
// copy. The viewer takes it away when it draws the page (src/shell/mod.rs).
//
// Without Chromium the build goes on without the copies (the pages work the
// same; they show once the viewer starts), and says so.
import { spawn, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { withMetaAtTop } from "./page-meta.mjs";

// SEALIFT_PAGE_ONLY=1: no copies (a quicker build for measuring the page: docs/performance.md).
if (process.env.TRUNK_PROFILE !== "release" || process.env.SEALIFT_PAGE_ONLY) process.exit(0);
const root = process.env.TRUNK_STAGING_DIR;
const REPORT = "data/report.json";
const ID = "sealift-first-screen";
/** The widths an embed's copy is drawn at, from a small phone's to a wide
 * page's, closest where phones' article columns are (335–400 px): an embed
 * shows the widest no wider than itself, so that the view the viewer draws
 * in its place is at most a step wider. */
const EMBED_WIDTHS = [320, 340, 360, 380, 400, 440, 480, 560, 640, 720, 800, 960, 1200];
/** The width the page's copy is drawn at (its first screen is text, and fits any width). */
const PAGE_WIDTH = 800;

function fail(message) {
  console.error(`first-screen: ${message}`);
  process.exit(1);
}

const chromium = process.env.CHROMIUM ?? which("chromium");
if (!chromium) {
  console.warn("first-screen: no chromium on PATH (scripts/setup.sh installs it): this build shows its pages once the viewer starts");
  process.exit(0);
}

const index = join(root, "index.html");
const html = readFileSync(index, "utf8");
if (/<meta name="?sealift-first-screen/.test(html)) fail("index.html already names a first screen");
// The embeddable views, as the loader lists their modules (scripts/embed-modules.mjs).
const modules = html.match(/<script type="?application\/json"? id="?sealift-modules"?>(.*?)<\/script>/s);
if (!modules) fail("index.html lists no modules (scripts/embed-modules.mjs runs first)");
const views = Object.keys(JSON.parse(modules[1])).filter((view) => view !== "");
// English first, then every language the interface has words for (src/i18n/words.rs).
const languages = ["en", ...readdirSync(join(root, "words")).filter((f) => f.endsWith(".tsv")).map((f) => f.slice(0, -".tsv".length))];

// What to draw: `[name, query, width]`.
const drawings = languages.flatMap((code) => [
  [`page-${code}`, `?lang=${code}`, PAGE_WIDTH],
  ...views.flatMap((view) => EMBED_WIDTHS.map((width) => [`${view}-${width}-${code}`, `?embed=${view}&lang=${code}`, width])),
]);
const drawn = await drawEach(drawings);

// The report's SHA-256, which the page's first script compares (index.html).
const digest = createHash("sha256").update(readFileSync(join(root, REPORT))).digest("hex");
const files = new Map();
const pages = languages.map((code) => pageCopy(drawn.get(`page-${code}`), code));
if (pages.some(({ lang }) => lang !== pages[0].lang)) fail("the report's language differs between the interface's languages");
for (const [i, { lang, copy }] of pages.entries()) {
  files.set(`${languages[i]}-${digest.slice(0, 16)}.html`, `<main class="report" id="${ID}" lang="${lang}">${copy}</main>`);
}
// Each view at the widths where it changes, in every language.
const widthsOf = views.map((view) => {
  const copies = EMBED_WIDTHS.map((width) => languages.map((code) => embedCopy(drawn.get(`${view}-${width}-${code}`), code, view)));
  const changes = EMBED_WIDTHS.filter((_, i) => i === 0 || copies[i].some((copy, l) => copy !== copies[i - 1][l]));
  for (const width of changes) {
    for (const [l, code] of languages.entries()) {
      files.set(`${view}-${width}-${code}-${digest.slice(0, 16)}.html`, copies[EMBED_WIDTHS.indexOf(width)][l]);
    }
  }
  return `${view}:${changes.join(",")}`;
});

const withWidths = withMetaAtTop(html, "sealift-embed-copies", widthsOf.join(" ")) ?? fail("no <meta charset> in index.html");
writeFileSync(index, withMetaAtTop(withWidths, ID, digest));
mkdirSync(join(root, "first-screen"), { recursive: true });
for (const [file, copy] of files) writeFileSync(join(root, "first-screen", file), copy);

/**
 * The `<main>` of each page of `drawings` (`[name, query, width]`), drawn in
 * an iframe of that width, by name. One Chromium draws them one by one, and
 * posts each back to this script's own server (a server of its own: the
 * test harness's, tests/e2e/harness.mjs, needs the whole-page tests'
 * packages, which a build need not have).
 */
async function drawEach(drawings) {
  const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css", ".svg": "image/svg+xml", ".tsv": "text/plain" };
  // (Tall frames, so that everything is in the window and nothing waits to be scrolled to.)
  const HARNESS = `<!DOCTYPE html><meta charset="utf-8"><body><script>
    // Drawn: every view and chart (sealift:drawn), and a map's land, which
    // the map asks for once it is drawn, and draws when it comes (or says
    // it is missing); or an error panel.
    const drawn = (frame) => new Promise((ok) => {
      const done = (page) =>
        page.querySelector(".error-panel") ||
        (frame.contentWindow.performance.getEntriesByName("sealift:drawn").length &&
          [...page.querySelectorAll(".map__svg")].every((map) => map.querySelector(".map-land, .map-credit--missing")));
      const poll = () => (frame.contentDocument && done(frame.contentDocument) ? ok() : setTimeout(poll, 20));
      poll();
    });
    (async () => {
      for (const [name, query, width] of ${JSON.stringify(drawings)}) {
        const frame = Object.assign(document.createElement("iframe"), { width, height: 4000, src: "./" + query });
        document.body.append(frame);
        await drawn(frame);
        const main = frame.contentDocument.querySelector("main.report, .error-panel");
        await fetch("drawn?" + name, { method: "POST", body: main?.outerHTML ?? "" });
        frame.remove();
      }
      await fetch("drawn?all", { method: "POST" });
    })();
  </script>`;
  const drawn = new Map();
  let allDrawn;
  const done = new Promise((ok) => (allDrawn = ok));
  const server = createServer((request, response) => {
    const url = new URL(request.url, "http://x");
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, "") || "index.html";
    if (path === "sealift-drawings.html") return response.writeHead(200, { "content-type": "text/html" }).end(HARNESS);
    if (path === "drawn" && request.method === "POST") {
      const chunks = [];
      request.on("data", (chunk) => chunks.push(chunk));
      request.on("end", () => {
        response.end();
        if (url.search === "?all") allDrawn(true);
        else drawn.set(url.search.slice(1), Buffer.concat(chunks).toString("utf8"));
      });
      return;
    }
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
  const browser = spawn(chromium, [...flags, `http://127.0.0.1:${server.address().port}/sealift-drawings.html`], { stdio: "ignore" });
  browser.on("error", (err) => fail(`cannot run ${chromium}: ${err.message}`));
  const finished = await Promise.race([done, new Promise((ok) => setTimeout(ok, 180000, false).unref())]);
  browser.kill();
  server.close();
  if (!finished) fail(`Chromium drew ${drawn.size} of ${drawings.length} pages in three minutes`);
  return drawn;
}

/** The page's first screen, from its `<main>` as the viewer drew it with its interface in `code`, and the report's language. */
function pageCopy(main, code) {
  // From the masthead to the end of the story (or of the contents, for a
  // report without one). Leptos's empty comments (its markers for where
  // reactive parts go) are of no use to a copy.
  if (!main || main.includes('class="error-panel')) {
    fail(`the viewer cannot show the bundled report: see \`sealift check public/data/report.json\``);
  }
  const from = main.indexOf('<header class="report-header"');
  const story = main.indexOf('<article class="narrative"');
  const to = story >= 0 ? main.indexOf("</article>", story) + "</article>".length : main.indexOf("</section>", main.indexOf('<section class="report-contents"')) + "</section>".length;
  if (from < 0 || to <= from) fail(`Chromium did not draw the report's first screen in ${code}`);
  return { lang: main.match(/^<main[^>]*\slang="([^"]*)"/)?.[1] ?? "en", copy: main.slice(from, to).replaceAll("<!---->", "") };
}

/** An embed's copy, from its `<main>` as the viewer drew `view` with its interface in `code`. */
function embedCopy(main, code, view) {
  if (!main?.startsWith('<main class="report report--embed"')) fail(`Chromium did not draw the embed of the ${view} in ${code}`);
  // The links to the whole report name the build's own address: they name
  // the reader's once relative to it. The positions the viewer gave through
  // the CSSOM, which the page's Content Security Policy keeps from markup,
  // the page's first script gives the same way (index.html).
  const copy = main
    .replace("<main ", `<main id="${ID}" `)
    .replaceAll("<!---->", "")
    .replaceAll(/href="\/(\?lang=[a-z]+)?/g, `href="?lang=${code}`)
    .replaceAll(' style="', ' data-style="');
  if (/href="\//.test(copy)) fail(`the ${view}'s embed links to the build's address`);
  return copy;
}

function which(name) {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}
