// Serves the built dist/ on loopback and opens it in Debian's headless Chromium.
//
// The server mounts dist/ under two folders, never at the site root, which
// proves that the viewer works from any folder of a static host:
//   /site/    the built viewer with its bundled report
//   /broken/  the same viewer whose data/report.json is an invalid fixture
import { createServer } from "node:http";
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

/** Which file answers a path, or null. Report overrides come first. */
function fileFor(path, overrides) {
  if (overrides[path]) return overrides[path];
  for (const prefix of ["/site/", "/broken/"]) {
    if (path.startsWith(prefix)) {
      const rest = normalize(path.slice(prefix.length) || "index.html");
      if (rest.startsWith("..")) return null;
      return join(dist(), rest === "." || rest.endsWith("/") ? join(rest, "index.html") : rest);
    }
  }
  return null;
}

/** Starts the static server on a free loopback port. */
export async function serve() {
  const overrides = {
    "/broken/data/report.json": join(fixtures, "invalid.json"),
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = fileFor(path, overrides);
    try {
      if (!file) throw new Error("not found");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
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
 * Opens `url` in a new page and records what a reader's browser would: console
 * errors, uncaught exceptions, and every request that leaves the page's origin.
 */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const log = { errors: [], foreign: [] };
  const origin = new URL(url).origin;
  page.on("pageerror", (err) => log.errors.push(String(err)));
  page.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) log.foreign.push(u);
  });
  await page.goto(url);
  return { page, context, log };
}
