#!/usr/bin/env node
// The bundled report in `dist/` without its indentation: one line for each
// item of its lists (a trip, a claim, a source), so that it stays readable
// and 1.3 KB gzip lighter for every reader, on the page and in every embed
// (25.7 → 24.3 KB). Only whitespace between tokens goes: every string and
// every number keeps its text, because the spreadsheets and the notes quote
// the report's numbers as written (`12.50` is not `12.5`). Trunk runs it
// after each release build (scripts/post-build.sh), before anything reads
// the report's bytes (the first screen's copy names their SHA-256).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `text` (a JSON document) with the whitespace between its tokens taken out
 * and a line break after each member of the top-level object and each item
 * of the lists and objects in it.
 */
export function compactJson(text) {
  let out = "";
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === " " || c === "\n" || c === "\r" || c === "\t") {
      // Whitespace between tokens.
    } else {
      if (c === "}" || c === "]") {
        depth--;
        if (depth < 2) out += "\n";
      }
      out += c;
      if (c === "{" || c === "[") {
        depth++;
        if (depth <= 2) out += "\n";
      } else if (c === "," && depth <= 2) out += "\n";
    }
  }
  return out.endsWith("\n") ? out : `${out}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
  const path = join(process.env.TRUNK_STAGING_DIR, "data", "report.json");
  const text = readFileSync(path, "utf8");
  let original;
  try {
    original = JSON.stringify(JSON.parse(text));
  } catch {
    // Not JSON: left as written, so that the viewer's error names the
    // line and column of the file the author wrote.
    process.exit(0);
  }
  const compact = compactJson(text);
  // The same document, or the build stops.
  if (JSON.stringify(JSON.parse(compact)) !== original) {
    console.error("compact-report: the compacted report differs from the original");
    process.exit(1);
  }
  writeFileSync(path, compact);
  console.log(`compact-report: data/report.json ${text.length} → ${compact.length} bytes`);
}
