// The event list and markers, and the open event with each report's sentence highlighted from its offsets.
import { api, allPages, MAX_EVENTS } from './api.js';
import { el, statusLine } from './dom.js';
import { summary, trust } from './labels.js';
import { map, cluster, markerIcon, L } from './basemap.js';
import { readAddress, writeAddress } from './address.js';

const list = document.getElementById('events');
const detail = document.getElementById('detail');

// Each listing load takes a number; an answer that arrives after a later load began is dropped, so a slow
// old answer never replaces a newer one (filters changed twice, or a zone clicked while the filters load).
let listingLoads = 0;

/** Loads the listing of {@code path} with {@code params}; false when a later load overtook it or it failed. */
export async function loadListing(path, params, scope, what) {
  const ticket = ++listingLoads;
  statusLine.textContent = `Loading ${what}…`;
  let events;
  try {
    events = await allPages(path, params);
  } catch (err) {
    if (ticket === listingLoads) statusLine.textContent = `Could not load ${what}: ${err.message}`;
    return false;
  }
  if (ticket !== listingLoads) return false;
  showEvents(events, scope);
  return true;
}

/** The events in the list and as markers; {@code scope} says what they are (a zone's, or the filters'). */
function showEvents(events, scope) {
  cluster.clearLayers();
  list.replaceChildren();
  const markers = [];
  const open = readAddress().event;
  for (const e of events) {
    const li = el('li');
    li.append(el('span', summary(e), 'event-summary'), el('span', trust(e), 'event-trust'));
    li.dataset.eventId = e.id;
    li.classList.toggle('selected', e.id === open);
    li.addEventListener('click', () => openEvent(e.id));
    list.append(li);
    const loc = e.location;
    if (loc && Number.isFinite(loc.lat) && Number.isFinite(loc.lon)) {
      const m = L.marker([loc.lat, loc.lon], { icon: markerIcon, title: summary(e) });
      m.on('click', () => openEvent(e.id));
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

/** Opens an event and gives it a history entry, so its address can be shared and back closes it again. */
export function openEvent(id) {
  const { filters } = readAddress();
  writeAddress(filters, id, false);
  return showEvent(id);
}

/** Shows one event with its reports (the address is left as it is). */
export async function showEvent(id) {
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
  detail.append(el('p', `${e.num_mentions} mention(s) in ${e.num_articles} article(s) from ${e.num_sources} source(s)`
    + (Number.isFinite(e.confidence) ? `; confidence ${e.confidence.toFixed(2)}` : ''), 'meta'));
  if (e.location && e.location_source === 'article') {
    // The coder placed the act from the rest of the article (the act told elsewhere, the meeting's town, the
    // country of the article's acts): the sentences below do not name the place, so say where to check it.
    detail.append(el('p', `Place from the rest of the article, not from the sentences below: check ${e.location.name || 'it'} there.`, 'meta place-note'));
  }
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

export function hideEvent() {
  detail.hidden = true;
  for (const li of list.children) li.classList.remove('selected');
}
