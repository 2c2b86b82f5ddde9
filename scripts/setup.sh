#!/usr/bin/env bash
# Installs what Sealift's two commands need, skipping whatever is already there.
# See ../shared/design/toolchain.md for why each version is pinned the way it is.
#   usage: scripts/setup.sh [--with-trunk]
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
TERSER_VERSION=5.51.4
WASM_SPLIT_VERSION=0.2.4

say() { printf '\033[1;34msetup:\033[0m %s\n' "$*"; }
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Debian's Chromium and its driver, for the browser tests and screenshots.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Never Debian's binaryen 108: it silently breaks the page.
if dpkg -s binaryen >/dev/null 2>&1; then
  say "warning: Debian's binaryen is installed; .tools/ wasm-opt 132 is used instead (it comes first on PATH)"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Not --locked: its lock file names a webpki-roots the registry here lacks.
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# (wasm-merge too: scripts/split-page.mjs links the views' shared code with it.)
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ] ||
  [ "$(wasm-merge --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
  npm install --silent --no-audit --no-fund --prefix "$PWD/.tools" "binaryen@$BINARYEN_VERSION"
fi

# terser minifies the JavaScript glue of release builds (scripts/minify-glue.mjs).
if [ "$(node -p 'require("./.tools/node_modules/terser/package.json").version' 2>/dev/null)" != "$TERSER_VERSION" ]; then
  say "installing terser $TERSER_VERSION into .tools/"
  npm install --silent --no-audit --no-fund --prefix "$PWD/.tools" "terser@$TERSER_VERSION"
fi

if [ "${1:-}" = "--with-trunk" ] && [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 12 minutes, once)"
  # --locked is required: without it lightningcss fails to build.
  cargo install -q trunk --version "$TRUNK_VERSION" --locked --force
fi
# wasm-split-cli splits a release build's page at its views (scripts/split-page.mjs).
# It has no --version: cargo's record of the install names it.
split_tool="$PWD/.tools/wasm-split"
if [ "${1:-}" = "--with-trunk" ] && ! grep -qs "wasm_split_cli_support $WASM_SPLIT_VERSION " "$split_tool/.crates2.json"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION into .tools/ (about a minute, once)"
  cargo install -q wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force --root "$split_tool"
fi
say "tools ready"
