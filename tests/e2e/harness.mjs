// Serves the built dist/ on loopback and opens it in Debian's headless Chromium.
//
// The server mounts dist/ under several folders, never at the site root, which
// proves that the viewer works from any folder of a static host. Each folder
// serves the same viewer with a different data/report.json:
//   /site/       the bundled report; /site/reports/NAME serves tests/fixtures/NAME
//   /broken/     an invalid report          /missing/    no report (404)
//   /truncated/  the bundled report cut short  /huge/   a report over 20 MiB
//   /offline/    the connection drops while the report is requested
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** The built site being tested: `dist/`, or `$SEALIFT_DIST` (read when used). */
export const dist = () => process.env.SEALIFT_DIST ?? join(root, "dist");
export const fixtures = join(root, "tests", "fixtures");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

const folders = ["/site/", "/broken/", "/missing/", "/truncated/", "/huge/", "/offline/"];

/** Which file answers a path within dist/ or the fixtures, or null. */
function fileFor(path) {
  if (path === "/host.html") return join(root, "tests", "e2e", "host.html");
  if (path.startsWith("/site/reports/")) {
    const name = normalize(path.slice("/site/reports/".length));
    return name.startsWith("..") ? null : join(fixtures, name);
  }
  if (path === "/broken/data/report.json") return join(fixtures, "invalid.json");
  if (path === "/missing/data/report.json") return null;
  for (const prefix of folders) {
    if (path.startsWith(prefix)) {
      const rest = normalize(path.slice(prefix.length) || "index.html");
      if (rest.startsWith("..")) return null;
      return join(dist(), rest === "." || rest.endsWith("/") ? join(rest, "index.html") : rest);
    }
  }
  return null;
}

/** Answers that no file can give: broken and oversized reports. */
async function special(path, res) {
  if (path === "/offline/data/report.json") {
    res.socket.destroy();
    return true;
  }
  if (path === "/truncated/data/report.json") {
    const full = await readFile(join(dist(), "data", "report.json"));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(full.subarray(0, Math.floor(full.length / 2)));
    return true;
  }
  if (path === "/huge/data/report.json") {
    const body = Buffer.alloc(21 * 1024 * 1024, 0x20);
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
    return true;
  }
  if (path === "/site/reports/deep.json") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end("[".repeat(100000));
    return true;
  }
  return false;
}

/** Starts the static server on a free loopback port. */
export async function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (await special(path, res)) return;
    const file = fileFor(path);
    try {
      if (!file) throw new Error("not found");
      // As a static host does, the build's precompressed copy when asked
      // (for benchmarks over a slow connection: crates/bench/compare-builds.mjs).
      const gzip = process.env.SEALIFT_SERVE_GZIP === "1" && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && existsSync(`${file}.gz`);
      const body = await readFile(gzip ? `${file}.gz` : file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", ...(gzip ? { "content-encoding": "gzip" } : {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Chromium with the flags these machines need. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * The requests of `log` (see `open`) for the checker's module
 * (`sealift-checker-<hash>.wasm`, crates/checker) or for the page's file of
 * the format's rules (`sealift-rules-<hash>.wasm`, scripts/split-page.mjs).
 */
export const requestsFor = (log, file) => log.requests.filter((url) => new RegExp(`/sealift-${file}-[0-9a-f]{16}\\.wasm$`).test(url));

/**
 * Opens `url` in a new page and records what a reader's browser would: console
 * errors, uncaught exceptions, and every request that leaves the page's origin.
 */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const log = { errors: [], foreign: [], csp: [], requests: [] };
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) log.csp.push(msg.text());
  });
  const origin = new URL(url).origin;
  page.on("pageerror", (err) => log.errors.push(String(err)));
  page.on("request", (req) => {
    const u = req.url();
    log.requests.push(u);
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) log.foreign.push(u);
  });
  await page.goto(url);
  if (!url.includes("/host.html")) {
    // The views and charts outside the window are built once the page is
    // idle: the tests read the whole page, as a reader scrolling down finds it.
    await page
      .waitForFunction(() => performance.getEntriesByName("sealift:drawn").length > 0 || document.querySelector(".error-panel"), null, { timeout: 20000 })
      .catch(() => {});
  }
  return { page, context, log };
}

/**
 * Opens `url` with its WebAssembly held back, as on a slow connection, until
 * `check` calls `release()`; closes it however `check` ends. `prepare(page)`
 * runs before the page opens, and the object it returns is handed to
 * `check`.
 */
export async function heldBack(browser, url, check, { viewport, locale, colorScheme, prepare } = {}) {
  const context = await browser.newContext({ viewport, locale, colorScheme });
  const page = await context.newPage();
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  try {
    const prepared = await prepare?.(page);
    await page.goto(url, { waitUntil: "domcontentloaded" });
    return await check(page, release, prepared);
  } finally {
    release();
    await context.close();
  }
}
