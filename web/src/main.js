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
L.geoJSON(feature(countries, countries.objects.countries), {
  style: { color: '#8a8a7a', weight: 0.7, fillColor: '#f2efe4', fillOpacity: 1 },
  interactive: false,
}).addTo(map);
const tiles = new URLSearchParams(location.search).get('tiles');
if (tiles && /^https:\/\//i.test(tiles)) L.tileLayer(tiles, { maxZoom: 18, attribution: 'tiles: ' + new URL(tiles).host }).addTo(map);
const cluster = L.markerClusterGroup({ showCoverageOnHover: false });
map.addLayer(cluster);
const markerIcon = L.divIcon({ className: 'event-marker', iconSize: [14, 14] });

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

function actorLabel(a) {
  return a ? (a.name || a.code || a.text) : '?';
}

function summary(e) {
  const place = e.location ? e.location.name : 'unknown place';
  return `${e.date || 'undated'} · ${e.plover ? e.plover.type : ''} · ${actorLabel(e.source)} → ${actorLabel(e.target)} · ${place}`;
}

async function loadEvents() {
  statusLine.textContent = 'Loading events…';
  const params = filters();
  params.set('limit', '500');
  const events = [];
  try {
    for (;;) {
      const page = await api('/api/events', params);
      events.push(...page.events);
      if (!page.next_cursor || events.length >= MAX_EVENTS) break;
      params.set('cursor', page.next_cursor);
    }
  } catch (err) {
    statusLine.textContent = `Could not load events: ${err.message}`;
    return;
  }
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
  statusLine.textContent = `${events.length} event${events.length === 1 ? '' : 's'}${events.length >= MAX_EVENTS ? ' (first ' + MAX_EVENTS + ')' : ''}, ${markers.length} on the map`;
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
  let body;
  try {
    body = await api('/api/stats/timeline', params);
  } catch (err) {
    statusLine.textContent = `Could not load the timeline: ${err.message}`;
    return;
  }
  const perDay = new Map();
  for (const c of body.counts) perDay.set(c.period, (perDay.get(c.period) || 0) + c.count);
  days = [...perDay.keys()].sort();
  // Over long spans day bars get too thin to see: count per week (from Monday) instead.
  bucket = days.length && dayNumber(days[days.length - 1]) - dayNumber(days[0]) > 200 ? 7 : 1;
  if (bucket === 7) {
    const perWeek = new Map();
    for (const [d, n] of perDay) {
      const k = isoDay(monday(dayNumber(d)));
      perWeek.set(k, (perWeek.get(k) || 0) + n);
    }
    days = [...perWeek.keys()].sort();
    drawTimeline(perWeek);
  } else {
    drawTimeline(perDay);
  }
}

let bucket = 1;
function monday(n) {
  return n - ((((n - 4) % 7) + 7) % 7); // day 4 (1970-01-05) was a Monday
}

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
function drawTimeline(perDay) {
  svg.replaceChildren();
  const w = svg.clientWidth || 800, h = svg.clientHeight || 120, pad = 20;
  if (!days.length) {
    const t = svgEl('text', { x: 10, y: h / 2 });
    t.textContent = 'No dated events';
    svg.append(t);
    scale = null;
    return;
  }
  const first = dayNumber(days[0]) - 1, last = dayNumber(days[days.length - 1]) + bucket;
  const max = Math.max(...perDay.values());
  const x = (d) => pad + ((d - first) / (last - first)) * (w - 2 * pad);
  scale = { first, last, x, invert: (px) => first + ((px - pad) / (w - 2 * pad)) * (last - first) };
  const barW = Math.max(2, ((w - 2 * pad) * bucket) / (last - first) - 1);
  for (const [day, n] of perDay) {
    const bh = ((h - 2 * pad) * n) / max;
    const left = bucket === 1 ? x(dayNumber(day)) - barW / 2 : x(dayNumber(day));
    const bar = svgEl('rect', { class: 'bar', x: left, y: h - pad - bh, width: barW, height: bh });
    const title = svgEl('title', {});
    title.textContent = `${bucket === 1 ? '' : 'week of '}${day}: ${n}`;
    bar.append(title);
    svg.append(bar);
  }
  for (const [d, anchor] of [[first + 1, 'start'], [last - 1, 'end']]) {
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
svg.addEventListener('pointerdown', (ev) => {
  if (!scale) return;
  dragStart = ev.offsetX;
  svg.setPointerCapture(ev.pointerId);
});
svg.addEventListener('pointermove', (ev) => {
  if (dragStart == null) return;
  setRange(dragStart, ev.offsetX);
  drawBrush();
});
svg.addEventListener('pointerup', (ev) => {
  if (dragStart == null) return;
  setRange(dragStart, ev.offsetX);
  dragStart = null;
  drawBrush();
  loadEvents();
});

function setRange(px1, px2) {
  const a = Math.round(scale.invert(Math.min(px1, px2))), b = Math.round(scale.invert(Math.max(px1, px2)));
  form.elements.from.value = isoDay(Math.max(a, scale.first));
  form.elements.to.value = isoDay(Math.min(b, scale.last));
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  detail.hidden = true;
  loadEvents();
  loadTimeline();
});
document.getElementById('reset').addEventListener('click', () => {
  form.reset();
  detail.hidden = true;
  loadEvents();
  loadTimeline();
});

loadEvents();
loadTimeline();
