#!/usr/bin/env bash
# Builds the web app (web/) into $1 unless it is already newer than its sources; with $2, also writes the
# country shapes `sitrep report` draws its maps on into that folder (web/report-shapes.mjs). The basemap's place
# names (labels.json) come from the gazetteer built beside $1 (../geo: places.tsv.gz, countries.tsv).
# Runs during `mvn generate-resources`; needs Node/npm, and the npm registry on first use only.
set -euo pipefail
out=${1:?usage: build-web.sh OUTPUT_DIR [REPORT_SHAPES_DIR]}
shapes=${2:-}
here=$(cd "$(dirname "$0")/.." && pwd)
web="$here/web"
geo="$(dirname "$out")/geo"
stale() { # stale FILE SOURCES...: FILE is missing or older than one of the sources
  local file=$1; shift
  [ ! -s "$file" ] || [ -n "$(find "$@" -newer "$file" -print -quit 2>/dev/null)" ]
}
app_stale=false; shapes_stale=false
stale "$out/app.js" "$web/src" "$web/build.mjs" "$web/package-lock.json" "$geo/places.tsv.gz" && app_stale=true
[ -s "$out/labels.json" ] || app_stale=true
[ -n "$shapes" ] && stale "$shapes/countries-50m.geojson" "$web/report-shapes.mjs" "$web/package-lock.json" && shapes_stale=true
if ! $app_stale && ! $shapes_stale; then
  exit 0
fi
if [ ! -d "$web/node_modules/esbuild" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
fi
if $app_stale; then (cd "$web" && node build.mjs "$out" "$geo"); fi
if $shapes_stale; then (cd "$web" && node report-shapes.mjs "$shapes/countries-50m.geojson"); fi
