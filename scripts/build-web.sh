#!/usr/bin/env bash
# Builds the web app (web/) into $1 unless it is already newer than its sources.
# Runs during `mvn generate-resources`; needs Node/npm, and the npm registry on first use only.
set -euo pipefail
out=${1:?usage: build-web.sh OUTPUT_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
web="$here/web"
geo="$(dirname "$out")/geo" # the gazetteer's output, for the basemap's place names (labels.json)
if [ -s "$out/app.js" ] && [ -s "$out/labels.json" ] \
   && [ -z "$(find "$web/src" "$web/build.mjs" "$web/package-lock.json" "$geo/places.tsv.gz" -newer "$out/app.js" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
if [ ! -d "$web/node_modules/esbuild" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd "$web" && node build.mjs "$out" "$geo")
