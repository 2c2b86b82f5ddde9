// Waiting for a page's performance marks without touching the page while it
// loads. Playwright's `waitForFunction` and `evaluate` first inject its own
// script into the page (about 9 ms of the main thread in a trace), which
// lands in the middle of the app's start and delays the very mark being
// timed. Here a small script, installed before the page's own, reports
// each mark on the console, which the browser delivers without running
// anything in the page.

const PREFIX = "bench-mark ";

/**
 * Call before `page.goto`. Returns `until(name)`: a promise of the mark's
 * start time (ms since navigation) once the page sets it.
 */
export async function watchMarks(page) {
  const seen = new Map();
  const waiting = new Map();
  page.on("console", (message) => {
    const text = message.text();
    if (!text.startsWith(PREFIX)) return;
    const [name, time] = text.slice(PREFIX.length).split(" ");
    seen.set(name, Number(time));
    for (const resolve of waiting.get(name) ?? []) resolve(Number(time));
    waiting.delete(name);
  });
  await page.addInitScript((prefix) => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) console.debug(`${prefix}${entry.name} ${entry.startTime}`);
    }).observe({ type: "mark" });
  }, PREFIX);
  return (name, timeout = 300000) =>
    seen.has(name)
      ? Promise.resolve(seen.get(name))
      : new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ${name} mark after ${timeout} ms`)), timeout);
          waiting.set(name, [...(waiting.get(name) ?? []), (time) => (clearTimeout(timer), resolve(time))]);
        });
}
