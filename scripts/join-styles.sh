#!/usr/bin/env bash
# Trunk's pre-build hook (Trunk.toml): the stylesheets that live beside their
# views and components, joined in cascade order into the one file that
# index.html links. One request instead of sixteen, and 5.6 KB less to
# download (gzip compresses one file better than sixteen small ones).
set -euo pipefail
cd "$(dirname "$0")/.."
styles=(
  src/theme.css
  src/shell/shell.css
  src/components/error_panel/error_panel.css
  src/components/view_frame/view_frame.css
  src/components/certainty/certainty.css
  src/components/details/details.css
  src/components/data_table/data_table.css
  src/components/show_more/show_more.css
  src/narrative/narrative.css
  src/timeline/timeline.css
  src/estimates/estimates.css
  src/map/map.css
  src/claims/claims.css
  src/vessels/vessels.css
  src/sources/sources.css
  src/components/as_of/as_of.css
  src/print.css
)
# A stylesheet left out of the list would silently not apply.
for file in $(find src -name '*.css' | sort); do
  if [[ ! " ${styles[*]} " == *" $file "* ]]; then
    echo "join-styles: $file is not in the list in scripts/join-styles.sh" >&2
    exit 1
  fi
done
out=target/styles/sealift.css
mkdir -p "$(dirname "$out")"
for file in "${styles[@]}"; do
  printf '/* %s */\n' "$file"
  cat "$file"
  printf '\n'
done > "$out.next"
# Replaced only when it changed, so that `trunk serve` sees no change of its own.
if cmp -s "$out.next" "$out"; then rm "$out.next"; else mv "$out.next" "$out"; fi
