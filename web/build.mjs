// Bundles the web app into one folder that Maven puts on the classpath (served at / by `sitrep serve`).
// Usage: node build.mjs OUTPUT_DIR [GAZETTEER_DIR]
// With the gazetteer's folder (places.tsv.gz, countries.tsv from scripts/build-gazetteer.mjs) it also writes
// labels.json, the basemap's place names: every country at its centroid and the towns of at least
// MIN_LABEL_POPULATION people (and every capital), so the offline map names what it shows.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const out = process.argv[2] ?? 'dist';
const gazetteer = process.argv[3];
const MIN_LABEL_POPULATION = 100000;
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: { app: 'src/main.js', style: 'src/style.css' },
  bundle: true,
  minify: true,
  outdir: out,
  target: 'es2020',
  // Leaflet's CSS refers to a few small icons: inlined, so the page needs nothing but its own two files.
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
});
copyFileSync('src/index.html', join(out, 'index.html'));

if (gazetteer && existsSync(join(gazetteer, 'places.tsv.gz'))) {
  // countries.tsv: iso3, iso2, name, official name, lat, lon, ...; places.tsv.gz: geonameid, name, lat, lon,
  // feature code, iso3, admin1 code, admin1 name, population, other names.
  const places = gunzipSync(readFileSync(join(gazetteer, 'places.tsv.gz'))).toString('utf8').split('\n').filter(Boolean)
    .map((l) => l.split('\t'));
  // A country's size for the map: the people of its towns in the gazetteer (a rough census, enough to rank names).
  const people = new Map();
  for (const f of places) if (f[4]?.startsWith('PPL')) people.set(f[5], (people.get(f[5]) ?? 0) + (+f[8] || 0));
  const countries = readFileSync(join(gazetteer, 'countries.tsv'), 'utf8').split('\n').filter(Boolean)
    .map((l) => l.split('\t')).map((f) => [f[2], +f[4], +f[5], people.get(f[0]) ?? 0])
    .sort((a, b) => b[3] - a[3]);
  const cities = places
    .filter((f) => f[4]?.startsWith('PPL') && (f[4] === 'PPLC' || +f[8] >= MIN_LABEL_POPULATION))
    .map((f) => [f[1], +(+f[2]).toFixed(3), +(+f[3]).toFixed(3), +f[8], f[4] === 'PPLC' ? 1 : 0])
    .sort((a, b) => b[3] - a[3]);
  writeFileSync(join(out, 'labels.json'), JSON.stringify({ countries, cities }));
  console.log(`web: labels.json with ${countries.length} countries and ${cities.length} towns (capitals and >= ${MIN_LABEL_POPULATION} people)`);
}

