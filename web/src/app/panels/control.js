// Control ledger: the latest claimed controller of each place, as of the filters' end date, in their country.
import { load } from '../api.js';
import { el } from '../dom.js';
import { actorLabel, colour } from '../labels.js';
import { controlLayer, L } from '../basemap.js';
import { formFilters } from '../address.js';
import { openEvent } from '../events.js';


export async function loadControl() {
  const params = new URLSearchParams();
  const f = formFilters();
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
    open.addEventListener('click', () => openEvent(p.event_id));
    box.append(open);
    m.bindPopup(box);
    controlLayer.addLayer(m);
  }
}

