// Writes the Natural Earth country shapes that `sitrep report` draws its maps on, as GeoJSON, from the same
// world-atlas package the web app bundles (the 1:50m shapes: the web app's 1:110m ones are too coarse for a map
// of one country). Coordinates are rounded to 0.001 degree (about 100 m), finer than the 1:50m source.
// Usage: node report-shapes.mjs OUTPUT_FILE
import { feature } from 'topojson-client';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';

const out = process.argv[2];
if (!out) throw new Error('usage: node report-shapes.mjs OUTPUT_FILE');
const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const countries = feature(topology, topology.objects.countries);
const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000] : c.map(round));
for (const f of countries.features) {
  f.properties = { name: f.properties?.name ?? null };
  if (f.geometry) f.geometry.coordinates = round(f.geometry.coordinates);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(countries));
