#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): Trunk starts hooks of one stage at the
# same time, so the two steps that must run in order run from here.
#   1. the Content Security Policy into index.html (release builds only);
#   2. .gz and .br copies of every file (release builds only), policy included.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/add-csp.py
node scripts/precompress.mjs
