#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): Trunk starts hooks of one stage at the
# same time, so the steps that must run in order run from here (release
# builds only, but for step 5):
#   1. the bundled report without its indentation, one line per item;
#   2. the JavaScript glue minified, and its integrity hash in index.html;
#   3. each embeddable view's own module, and the loader that picks it;
#   4. the page's module split at its views, each view's code a file of
#      its own, downloaded when the view is first drawn;
#   5. the checker's module, which puts a broken report's problems into
#      words, and its name in index.html (debug builds too);
#   6. the bundled report's first screen, drawn by the viewer, into index.html;
#   7. the Content Security Policy into index.html;
#   8. .gz and .br copies of every file, policy included.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/compact-report.mjs
node scripts/minify-glue.mjs
node scripts/embed-modules.mjs
node scripts/split-page.mjs
node scripts/checker-module.mjs
node scripts/first-screen.mjs
python3 scripts/add-csp.py
node scripts/precompress.mjs
