// The map: an offline basemap of Natural Earth country shapes bundled with the app, the event clusters, the
// control ledger and zone layers, and a legend saying what each mark means. A tile URL in the page address
// (?tiles=https://.../{z}/{x}/{y}.png) adds online tiles; without it the page fetches nothing from outside.
import L from 'leaflet';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-110m.json';
import { el } from './dom.js';

export const map = L.map('map', { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([30, 30], 3);

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

export const cluster = L.markerClusterGroup({ showCoverageOnHover: false });
map.addLayer(cluster);
export const markerIcon = L.divIcon({ className: 'event-marker', iconSize: [14, 14] });
// The control ledger (who last claimed each place) and the stored zones, each a layer users switch on and off.
export const controlLayer = L.layerGroup().addTo(map);
export const zoneLayer = L.featureGroup().addTo(map);
L.control.layers(null, { Events: cluster, 'Control ledger': controlLayer, Zones: zoneLayer }, { collapsed: false }).addTo(map);

/**
 * One legend row: a swatch (styled like the mark it explains, under its own class so that nothing looking for the
 * map's marks finds it) and its meaning.
 */
function row(swatch, text) {
  const r = el('div', null, 'legend-row');
  r.append(swatch, el('span', text));
  return r;
}
function swatch(className, text) {
  return el('span', text, `legend-swatch ${className}`);
}

const Legend = L.Control.extend({
  onAdd() {
    const box = el('details', null, 'legend leaflet-bar');
    box.id = 'legend';
    box.open = true;
    box.append(el('summary', 'Legend'));
    box.append(row(swatch('legend-event'), 'an event (click: its reports)'));
    box.append(row(swatch('legend-cluster small', '5'), 'several events nearby: under 10'));
    box.append(row(swatch('legend-cluster medium', '40'), '10 to 99 events'));
    box.append(row(swatch('legend-cluster large', '120'), '100 events or more (click: zoom in)'));
    const claimed = swatch('legend-control');
    claimed.style.background = 'hsl(210, 65%, 42%)';
    box.append(row(claimed, 'control claim: one colour per claimed controller'));
    const withdrawn = swatch('legend-control');
    withdrawn.style.background = '#777';
    box.append(row(withdrawn, 'control claim: a side withdrew'));
    box.append(row(swatch('legend-zone'), 'a zone (alerts for new events inside)'));
    const marks = el('div', null, 'legend-row legend-marks');
    marks.append(el('mark', 'trigger', 'trigger'), el('mark', 'source', 'actor-source'), el('mark', 'target', 'actor-target'),
      el('mark', 'place', 'place'));
    box.append(el('span', 'In a report’s sentence:', 'meta'), marks);
    L.DomEvent.disableClickPropagation(box);
    return box;
  },
});
new Legend({ position: 'bottomleft' }).addTo(map);

export { L };
