// sitrep's web app. Everything shown from the API (article text, evidence, names) is untrusted: it is put
// into the page with textContent and createElement only, never as HTML.
import L from 'leaflet';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-110m.json';

const MAX_EVENTS = 2000; // markers drawn at most: four API pages of 500
const form = document.getElementById('filters');
const statusLine = document.getElementById('status');
const list = document.getElementById('events');
const detail = document.getElementById('detail');
const svg = document.getElementById('timeline');

// Offline basemap: Natural Earth country shapes bundled with the app. A tile URL in the page address
// (?tiles=https://.../{z}/{x}/{y}.png) adds online tiles; without it the page fetches nothing from outside.
const map = L.map('map', { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([30, 30], 3);

// Natural Earth rings that cross the antimeridian (Chukotka, Fiji) jump from 180 to -180, and Leaflet, which
// draws in plain longitude, would join them with a band across the whole map. Such a ring is made
// continuous (170, 179, 181, ...) so it extends past the map's eastern edge instead. A ring that circles
// the pole (Antarctica) cannot be unwrapped and is kept as it is.
function unwrapRing(ring) {
  const out = [ring[0]];
  let shift = 0;
  for (let i = 1; i < ring.length; i++) {
    const step = ring[i][0] - ring[i - 1][0];
    if (step > 180) shift -= 360;
    else if (step < -180) shift += 360;
    out.push([ring[i][0] + shift, ring[i][1]]);
  }
  return shift === 0 ? out : ring;
}
function unwrapGeometry(g) {
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}
const land = feature(countries, countries.objects.countries);
land.features = land.features.map((f) => ({ ...f, geometry: f.geometry && unwrapGeometry(f.geometry) }));
L.geoJSON(land, {
  style: { color: '#8a8a7a', weight: 0.7, fillColor: '#f2efe4', fillOpacity: 1 },
  interactive: false,
}).addTo(map);
const tiles = new URLSearchParams(location.search).get('tiles');
if (tiles && /^https:\/\//i.test(tiles)) L.tileLayer(tiles, { maxZoom: 18, attribution: 'tiles: ' + new URL(tiles).host }).addTo(map);
const cluster = L.markerClusterGroup({ showCoverageOnHover: false });
map.addLayer(cluster);
const markerIcon = L.divIcon({ className: 'event-marker', iconSize: [14, 14] });
// The control ledger (who last claimed each place) and the stored zones, each a layer users switch on and off.
const controlLayer = L.layerGroup().addTo(map);
const zoneLayer = L.featureGroup().addTo(map);
L.control.layers(null, { Events: cluster, 'Control ledger': controlLayer, Zones: zoneLayer }, { collapsed: false }).addTo(map);

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text != null) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

function filters() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
  return params;
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

/** An API answer, or null after saying on the status line that {@code what} could not be loaded. */
async function load(path, params, what) {
  try {
    return await api(path, params);
  } catch (err) {
    statusLine.textContent = `Could not load ${what}: ${err.message}`;
    return null;
  }
}

function actorLabel(a) {
  return a ? (a.name || a.code || a.text) : '?';
}

function summary(e) {
  const place = e.location ? e.location.name : 'unknown place';
  return `${e.date || 'undated'} · ${e.plover ? e.plover.type : ''} · ${actorLabel(e.source)} → ${actorLabel(e.target)} · ${place}`;
}

/** Every page of a listing endpoint, up to MAX_EVENTS events. */
async function allPages(path, params) {
  params.set('limit', '500');
  const events = [];
  for (;;) {
    const page = await api(path, params);
    events.push(...page.events);
    if (!page.next_cursor || events.length >= MAX_EVENTS) break;
    params.set('cursor', page.next_cursor);
  }
  return events;
}

// Each listing load takes a number; an answer that arrives after a later load began is dropped, so a slow
// old answer never replaces a newer one (filters changed twice, or a zone clicked while the filters load).
let listingLoads = 0;

async function loadEvents() {
  const ticket = ++listingLoads;
  statusLine.textContent = 'Loading events…';
  let events;
  try {
    events = await allPages('/api/events', filters());
  } catch (err) {
    if (ticket === listingLoads) statusLine.textContent = `Could not load events: ${err.message}`;
    return;
  }
  if (ticket !== listingLoads) return;
  showEvents(events, '');
  loadControl();
}

/** The events in the list and as markers; {@code scope} says what they are (a zone's, or the filters'). */
function showEvents(events, scope) {
  cluster.clearLayers();
  list.replaceChildren();
  const markers = [];
  for (const e of events) {
    const li = el('li', summary(e));
    li.dataset.eventId = e.id;
    li.addEventListener('click', () => showEvent(e.id));
    list.append(li);
    const loc = e.location;
    if (loc && Number.isFinite(loc.lat) && Number.isFinite(loc.lon)) {
      const m = L.marker([loc.lat, loc.lon], { icon: markerIcon, title: summary(e) });
      m.on('click', () => showEvent(e.id));
      markers.push(m);
    }
  }
  cluster.addLayers(markers);
  statusLine.textContent = `${events.length} event${events.length === 1 ? '' : 's'}${scope}${events.length >= MAX_EVENTS ? ' (first ' + MAX_EVENTS + ')' : ''}, ${markers.length} on the map`;
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 7 });
}

/** The sentence as text nodes, with the trigger, actors and place wrapped in <mark>, from their offsets. */
function highlighted(mention) {
  const s = mention.sentence || '';
  const c = mention.coding || {};
  const spans = [];
  const add = (span, cls, label) => {
    if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end)) return;
    const a = span.start - mention.start, b = span.end - mention.start;
    if (a >= 0 && b <= s.length && a < b) spans.push({ a, b, cls, label });
  };
  add(mention.trigger, 'trigger', 'trigger');
  add(c.source, 'actor-source', 'source');
  add(c.target, 'actor-target', 'target');
  add(c.location, 'place', 'place');
  spans.sort((x, y) => x.a - y.a || y.b - x.b);
  const q = el('blockquote');
  let at = 0;
  for (const sp of spans) {
    if (sp.a < at) continue; // overlapping span: the earlier one wins
    q.append(document.createTextNode(s.slice(at, sp.a)));
    const m = el('mark', s.slice(sp.a, sp.b), sp.cls);
    m.title = sp.label;
    q.append(m);
    at = sp.b;
  }
  q.append(document.createTextNode(s.slice(at)));
  return q;
}

async function showEvent(id) {
  for (const li of list.children) li.classList.toggle('selected', li.dataset.eventId === id);
  let e;
  try {
    e = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    statusLine.textContent = `Could not load event: ${err.message}`;
    return;
  }
  detail.replaceChildren();
  detail.append(el('h2', `${e.cameo ? e.cameo.label : ''} (${e.plover ? e.plover.type : ''})`));
  detail.append(el('p', summary(e), 'meta'));
  detail.append(el('p', `${e.num_mentions} mention(s) in ${e.num_articles} article(s) from ${e.num_sources} source(s)`, 'meta'));
  for (const m of e.mentions || []) {
    const div = el('div', null, 'mention');
    div.append(highlighted(m));
    const meta = el('p', null, 'meta');
    meta.append(document.createTextNode(`${m.source || m.article_id} · `));
    if (m.url && /^https?:\/\//i.test(m.url)) {
      const a = el('a', 'article');
      a.href = m.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      meta.append(a);
    } else {
      meta.append(document.createTextNode('no URL'));
    }
    div.append(meta);
    detail.append(div);
  }
  detail.hidden = false;
  if (e.location && Number.isFinite(e.location.lat)) map.panTo([e.location.lat, e.location.lon]);
}

// Timeline: events per day as bars; dragging across it picks the date range (from/to) and reloads.
let days = [];
async function loadTimeline() {
  const params = filters();
  params.delete('from');
  params.delete('to');
  // The server picks the period (day, week, month, year) that keeps the bars countable over the span.
  params.set('interval', 'auto');
  const body = await load('/api/stats/timeline', params, 'the timeline');
  if (!body) return;
  const perPeriod = new Map();
  for (const c of body.counts) perPeriod.set(c.period, (perPeriod.get(c.period) || 0) + c.count);
  interval = body.interval;
  days = [...perPeriod.keys()].sort();
  drawTimeline(perPeriod);
}

let interval = 'day';
/** The day number after the period that starts on {@code iso} ends. */
function periodEnd(iso) {
  const d = new Date(iso + 'T00:00:00Z');
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else if (interval === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCDate(d.getUTCDate() + 1);
  return Math.round(d.getTime() / 86400000);
}
const PERIOD_LABEL = { day: (p) => p, week: (p) => `week of ${p}`, month: (p) => p.slice(0, 7), year: (p) => p.slice(0, 4) };

const NS = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function dayNumber(iso) {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);
}
function isoDay(n) {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

let scale = null;
function drawTimeline(perPeriod) {
  svg.replaceChildren();
  const w = svg.clientWidth || 800, h = svg.clientHeight || 120, pad = 20;
  if (!days.length) {
    const t = svgEl('text', { x: 10, y: h / 2 });
    t.textContent = 'No dated events';
    svg.append(t);
    scale = null;
    return;
  }
  const first = dayNumber(days[0]), last = periodEnd(days[days.length - 1]);
  const max = Math.max(...perPeriod.values());
  const x = (d) => pad + ((d - first) / (last - first)) * (w - 2 * pad);
  scale = { first, last, x, invert: (px) => first + ((px - pad) / (w - 2 * pad)) * (last - first) };
  for (const [period, n] of perPeriod) {
    const bh = ((h - 2 * pad) * n) / max;
    const left = x(dayNumber(period));
    const bar = svgEl('rect', { class: 'bar', x: left, y: h - pad - bh, width: Math.max(2, x(periodEnd(period)) - left - 1), height: bh });
    const title = svgEl('title', {});
    title.textContent = `${PERIOD_LABEL[interval](period)}: ${n}`;
    bar.append(title);
    svg.append(bar);
  }
  for (const [d, anchor] of [[first, 'start'], [last - 1, 'end']]) {
    const t = svgEl('text', { x: x(d), y: h - 5, 'text-anchor': anchor });
    t.textContent = isoDay(d);
    svg.append(t);
  }
  drawBrush();
}

function drawBrush() {
  svg.querySelector('rect.brush')?.remove();
  const from = form.elements.from.value, to = form.elements.to.value;
  if (!scale || (!from && !to)) return;
  const a = scale.x(from ? dayNumber(from) : scale.first), b = scale.x(to ? dayNumber(to) : scale.last);
  svg.append(svgEl('rect', { class: 'brush', x: Math.min(a, b), y: 0, width: Math.max(2, Math.abs(b - a)), height: svg.clientHeight || 120 }));
}

let dragStart = null;
let rangeBefore = { from: '', to: '' }; // the range when the drag began, kept if it turns out a click
svg.addEventListener('pointerdown', (ev) => {
  if (!scale) return;
  dragStart = ev.offsetX;
  rangeBefore = { from: form.elements.from.value, to: form.elements.to.value };
  svg.setPointerCapture(ev.pointerId);
});
svg.addEventListener('pointermove', (ev) => {
  if (dragStart == null) return;
  setRange(dragStart, ev.offsetX);
  drawBrush();
});
svg.addEventListener('pointerup', (ev) => {
  if (dragStart == null) return;
  const start = dragStart;
  dragStart = null;
  // A click is no range (and, under month or year bars, one day would rarely hold an event): keep the old one.
  if (Math.abs(ev.offsetX - start) < 3) {
    form.elements.from.value = rangeBefore.from;
    form.elements.to.value = rangeBefore.to;
    drawBrush();
    return;
  }
  setRange(start, ev.offsetX);
  drawBrush();
  loadEvents();
});

function setRange(px1, px2) {
  // Both ends inside the charted days (the padding beside the bars maps outside them), in order.
  const day = (px) => Math.min(Math.max(Math.round(scale.invert(px)), scale.first), scale.last - 1); // last: the day after
  const a = day(Math.min(px1, px2)), b = day(Math.max(px1, px2));
  form.elements.from.value = isoDay(a);
  form.elements.to.value = isoDay(b);
}

// Control ledger: the latest claimed controller of each place, as of the filters' end date, in their country.
function colour(code) {
  let h = 0;
  for (const ch of String(code)) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${h}, 65%, 42%)`;
}

async function loadControl() {
  const params = new URLSearchParams();
  const f = filters();
  if (f.get('country')) params.set('country', f.get('country'));
  if (f.get('to')) params.set('as_of', f.get('to'));
  const body = await load('/api/control', params, 'the control ledger');
  if (!body) return;
  controlLayer.clearLayers();
  for (const p of body.places) {
    if (!Number.isFinite(p.place.lat) || !Number.isFinite(p.place.lon)) continue;
    const who = p.controller ? actorLabel(p.controller) : null;
    const text = who ? `${p.place.name}: claimed by ${who} since ${p.date}` : `${p.place.name}: ${actorLabel(p.relinquished_by)} withdrew on ${p.date}`;
    const icon = L.divIcon({ className: 'control-marker', iconSize: [16, 16], html: '' });
    const m = L.marker([p.place.lat, p.place.lon], { icon, title: text, zIndexOffset: 500 });
    m.on('add', () => { const e = m.getElement(); if (e) e.style.background = who ? colour(p.controller.code || who) : '#777'; });
    const box = el('div', null, 'control-popup');
    box.append(el('strong', text));
    box.append(el('p', `${p.claims} claim${p.claims === 1 ? '' : 's'}; latest evidence:`, 'meta'));
    box.append(el('blockquote', p.evidence || ''));
    const open = el('button', 'Show the event');
    open.type = 'button';
    open.addEventListener('click', () => showEvent(p.event_id));
    box.append(open);
    m.bindPopup(box);
    controlLayer.addLayer(m);
  }
}

// Zones: drawn on the map or uploaded as GeoJSON, stored through the API (a write: it needs the token).
const tokenInput = document.getElementById('token');
const zoneList = document.getElementById('zones');
const zoneName = document.getElementById('zone-name');
const drawButton = document.getElementById('draw-zone');
const finishButton = document.getElementById('finish-zone');
const cancelButton = document.getElementById('cancel-zone');
const zoneFile = document.getElementById('zone-file');
tokenInput.value = sessionStorage.getItem('sitrep-token') || '';
tokenInput.addEventListener('change', () => sessionStorage.setItem('sitrep-token', tokenInput.value.trim()));

async function write(method, path, body) {
  const token = tokenInput.value.trim();
  if (!token) throw new Error('enter the token (the server operator has it) to make changes');
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status === 204) return null;
  const reply = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(reply.error || `HTTP ${r.status}`);
  return reply;
}

async function loadZones() {
  const body = await load('/api/zones', null, 'zones');
  if (!body) return;
  zoneLayer.clearLayers();
  zoneList.replaceChildren();
  for (const z of body.zones) {
    const label = z.name || z.id;
    const shape = L.geoJSON(z.geometry, { style: { color: '#7b3fa0', weight: 2, fillOpacity: 0.08 } });
    shape.bindTooltip(el('span', label)); // an element: Leaflet would insert a string as HTML
    shape.on('click', () => { if (!drawing) showZoneEvents(z); });
    zoneLayer.addLayer(shape);
    const li = el('li', null, 'zone');
    li.dataset.zoneId = z.id;
    const show = el('button', label, 'zone-name');
    show.type = 'button';
    show.title = 'List the events inside this zone';
    show.addEventListener('click', () => showZoneEvents(z));
    const remove = el('button', '×', 'zone-delete');
    remove.type = 'button';
    remove.title = 'Delete this zone';
    remove.addEventListener('click', async () => {
      if (!confirm(`Delete zone “${label}”?`)) return;
      try {
        await write('DELETE', `/api/zones/${encodeURIComponent(z.id)}`);
        loadZones();
        reloadAlerts();
      } catch (err) {
        statusLine.textContent = `Could not delete the zone: ${err.message}`;
      }
    });
    li.append(show, remove);
    zoneList.append(li);
  }
}

async function showZoneEvents(z) {
  const ticket = ++listingLoads;
  statusLine.textContent = 'Loading the zone’s events…';
  const params = filters();
  params.delete('bbox');
  let events;
  try {
    events = await allPages(`/api/zones/${encodeURIComponent(z.id)}/events`, params);
  } catch (err) {
    if (ticket === listingLoads) statusLine.textContent = `Could not load the zone’s events: ${err.message}`;
    return;
  }
  if (ticket !== listingLoads) return;
  detail.hidden = true;
  showEvents(events, ` in zone “${z.name || z.id}”`);
}

async function saveZone(geometry, name) {
  const feature = { type: 'Feature', properties: { name: name || null }, geometry };
  const z = await write('POST', '/api/zones', feature);
  statusLine.textContent = `Zone “${z.name || z.id}” stored; events inside it from now on raise alerts.`;
  await loadZones();
  loadAlerts();
  return z;
}

// Drawing: each click on the map adds a corner; Finish closes the polygon, Escape or Cancel drops it.
let drawing = null;
function stopDrawing() {
  if (drawing) map.removeLayer(drawing.preview);
  drawing = null;
  map.getContainer().classList.remove('drawing');
  map.doubleClickZoom.enable();
  drawButton.hidden = false;
  finishButton.hidden = true;
  cancelButton.hidden = true;
}
drawButton.addEventListener('click', () => {
  stopDrawing();
  drawing = { points: [], preview: L.polygon([], { color: '#7b3fa0', dashArray: '4 4' }).addTo(map) };
  map.getContainer().classList.add('drawing');
  map.doubleClickZoom.disable();
  drawButton.hidden = true;
  finishButton.hidden = false;
  cancelButton.hidden = false;
  statusLine.textContent = 'Click the map to add the zone’s corners, then Finish.';
});
map.on('click', (ev) => {
  if (!drawing) return;
  drawing.points.push(ev.latlng);
  drawing.preview.setLatLngs(drawing.points);
  statusLine.textContent = `${drawing.points.length} corner${drawing.points.length === 1 ? '' : 's'}; Finish when done.`;
});
finishButton.addEventListener('click', async () => {
  if (!drawing || drawing.points.length < 3) {
    statusLine.textContent = 'A zone needs at least 3 corners.';
    return;
  }
  const ring = drawing.points.map((p) => [Number(p.wrap().lng.toFixed(6)), Number(p.lat.toFixed(6))]);
  ring.push(ring[0]);
  try {
    await saveZone({ type: 'Polygon', coordinates: [ring] }, zoneName.value.trim());
    zoneName.value = '';
    stopDrawing();
  } catch (err) {
    statusLine.textContent = `Could not store the zone: ${err.message}`;
  }
});
cancelButton.addEventListener('click', stopDrawing);
document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && drawing) stopDrawing(); });

/** Polygons of an uploaded GeoJSON file: a geometry, a Feature, or a FeatureCollection's polygon features. */
function polygonsOf(geojson) {
  if (!geojson || typeof geojson !== 'object') return [];
  if (geojson.type === 'FeatureCollection') return (geojson.features || []).flatMap(polygonsOf);
  if (geojson.type === 'Feature') {
    return polygonsOf(geojson.geometry).map((p) => ({ geometry: p.geometry, name: (geojson.properties && geojson.properties.name) || null }));
  }
  if (geojson.type === 'Polygon' || geojson.type === 'MultiPolygon') return [{ geometry: geojson, name: null }];
  return [];
}

zoneFile.addEventListener('change', async () => {
  const file = zoneFile.files[0];
  zoneFile.value = '';
  if (!file) return;
  if (file.size > 5 * 1024 * 1024) {
    statusLine.textContent = 'That file is larger than 5 MB; a zone file is usually a few kB.';
    return;
  }
  let polygons;
  try {
    polygons = polygonsOf(JSON.parse(await file.text()));
  } catch (err) {
    statusLine.textContent = `${file.name} is not GeoJSON: ${err.message}`;
    return;
  }
  if (!polygons.length) {
    statusLine.textContent = `${file.name} holds no Polygon or MultiPolygon.`;
    return;
  }
  let stored = 0;
  for (const p of polygons) {
    try {
      await saveZone(p.geometry, p.name || zoneName.value.trim() || file.name.replace(/\.(geo)?json$/i, ''));
      stored++;
    } catch (err) {
      statusLine.textContent = `Could not store a zone from ${file.name}: ${err.message}`;
      return;
    }
  }
  statusLine.textContent = `${stored} zone${stored === 1 ? '' : 's'} stored from ${file.name}.`;
});

// Alerts: events first seen inside a zone after it was drawn. Polled every minute; new ones since the page
// opened are counted on the panel's heading. Once the server has named its latest alert, each poll asks only for
// alerts after it, page by page while it says there are more, so a burst larger than one answer is not lost.
const alertList = document.getElementById('alerts');
const alertCount = document.getElementById('alert-count');
const MAX_ALERTS_SHOWN = 200;
let shownAlerts = []; // newest first
let alertsLoaded = false; // alerts there when the page opened are not new
const newAlerts = new Set(); // keys (zone and event ids) of the alerts that came after
let alertsLatest = null; // the server's `latest`: the next poll asks for alerts after it
let unseenAlerts = 0;
const alertKey = (a) => `${a.zone.id} ${a.event.id}`;
// One load at a time: overlapping loads (a stored zone, the timer, the button) would count alerts twice.
let alertsLoading = Promise.resolve();
function loadAlerts() {
  alertsLoading = alertsLoading.then(renderAlerts);
  return alertsLoading;
}
/** After a zone is deleted its alerts go: the list starts again from the server's newest. */
function reloadAlerts() {
  alertsLoading = alertsLoading.then(() => {
    shownAlerts = [];
    alertsLatest = null;
  }).then(renderAlerts);
  return alertsLoading;
}

async function renderAlerts() {
  let fresh = [];
  if (alertsLatest == null) {
    const body = await load('/api/alerts', new URLSearchParams({ limit: '50' }), 'alerts');
    if (!body) return;
    fresh = body.alerts.filter((a) => !shownAlerts.some((b) => alertKey(b) === alertKey(a)));
    alertsLatest = body.latest;
  } else {
    for (let more = true, polls = 0; more && polls < 20; polls++) {
      const body = await load('/api/alerts', new URLSearchParams({ limit: '100', since: alertsLatest }), 'alerts');
      if (!body) break;
      fresh = body.alerts.concat(fresh); // each answer is newer than the one before
      alertsLatest = body.latest;
      more = body.more;
    }
  }
  if (alertsLoaded) {
    for (const a of fresh) {
      if (!newAlerts.has(alertKey(a))) unseenAlerts++;
      newAlerts.add(alertKey(a));
    }
  }
  alertsLoaded = true;
  shownAlerts = fresh.concat(shownAlerts).slice(0, MAX_ALERTS_SHOWN);
  alertList.replaceChildren();
  for (const a of shownAlerts) {
    const li = el('li', `${a.zone.name || a.zone.id}: ${summary(a.event)}`);
    li.title = `first seen ${a.seen_at}`;
    if (newAlerts.has(alertKey(a))) li.classList.add('new');
    li.addEventListener('click', () => showEvent(a.event.id));
    alertList.append(li);
  }
  if (!shownAlerts.length) alertList.append(el('li', 'No alerts: no event has been stored inside a zone since it was drawn.', 'meta'));
  alertCount.textContent = unseenAlerts ? `${unseenAlerts} new` : '';
}
document.getElementById('refresh-alerts').addEventListener('click', () => loadAlerts());
setInterval(loadAlerts, 60000);

// Feeds: the ones the server polls, each with its last poll; users with the token add and remove them.
const feedList = document.getElementById('feeds');
async function loadFeeds() {
  const body = await load('/api/feeds', null, 'feeds');
  if (!body) return;
  feedList.replaceChildren();
  for (const f of body.feeds) {
    const li = el('li', null, 'feed');
    li.append(el('span', f.url, 'feed-url'));
    const p = f.last_poll;
    const state = !p ? 'not polled yet' : p.error ? `failed ${p.at.slice(0, 16).replace('T', ' ')}: ${p.error}`
      : `${p.at.slice(0, 16).replace('T', ' ')}: ${p.stored} new of ${p.items}`;
    li.append(el('span', state, p && p.error ? 'feed-state error' : 'feed-state'));
    if (f.origin === 'api') {
      const remove = el('button', '×', 'feed-delete');
      remove.type = 'button';
      remove.title = 'Stop polling this feed';
      remove.addEventListener('click', async () => {
        try {
          await write('DELETE', `/api/feeds/${encodeURIComponent(f.id)}`);
          loadFeeds();
        } catch (err) {
          statusLine.textContent = `Could not remove the feed: ${err.message}`;
        }
      });
      li.append(remove);
    }
    feedList.append(li);
  }
  if (!body.feeds.length) feedList.append(el('li', 'No feeds yet.', 'meta'));
}
document.getElementById('feed-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const input = document.getElementById('feed-url');
  try {
    const r = await write('POST', '/api/feeds', { url: input.value.trim() });
    statusLine.textContent = r.status === 'added' ? `Feed added; its first poll runs now.` : 'That feed is polled already.';
    input.value = '';
    loadFeeds();
    setTimeout(loadFeeds, 5000); // by then the first poll has usually ended
  } catch (err) {
    statusLine.textContent = `Could not add the feed: ${err.message}`;
  }
});
document.getElementById('feed-tools').addEventListener('toggle', (ev) => { if (ev.target.open) loadFeeds(); });

// A link to one event (the alerts feed gives them): /#event=ID opens it.
function openLinkedEvent() {
  const m = /^#event=(.+)$/.exec(location.hash);
  if (!m) return;
  let id;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    statusLine.textContent = 'That link names no event (its id is not validly encoded).';
    return;
  }
  showEvent(id);
}
window.addEventListener('hashchange', openLinkedEvent);

// The report links follow the filters, so "Report" gives the situation report of the view as filtered.
function updateReportLinks() {
  const params = filters();
  document.getElementById('report-html').href = `api/report${[...params].length ? `?${params}` : ''}`;
  params.set('format', 'pdf');
  document.getElementById('report-pdf').href = `api/report?${params}`;
}
form.addEventListener('input', updateReportLinks);
form.addEventListener('change', updateReportLinks);

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  updateReportLinks();
  detail.hidden = true;
  loadEvents();
  loadTimeline();
});
document.getElementById('reset').addEventListener('click', () => {
  form.reset();
  updateReportLinks();
  detail.hidden = true;
  loadEvents();
  loadTimeline();
});

updateReportLinks();
loadEvents();
loadTimeline();
loadZones();
loadAlerts();
openLinkedEvent();
