// A `<meta>` at the top of index.html's head, right after `<meta charset>`:
// above the page's first script, which reads the build's `<meta>`s as it
// runs (the report its first screen was drawn from, the report the build
// checked). scripts/first-screen.mjs and scripts/checker-module.mjs write
// theirs through it.

/** `html` with `<meta name=NAME content=CONTENT>` after its `<meta charset>`, or null if it has none. */
export function withMetaAtTop(html, name, content) {
  const charset = html.match(/<meta charset="?utf-8"?\s*\/?>/i);
  if (!charset) return null;
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}<meta name="${name}" content="${content}">${html.slice(at)}`;
}
