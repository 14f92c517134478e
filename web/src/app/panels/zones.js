// Zones: drawn on the map or uploaded as GeoJSON, stored through the API (a write: it needs the token).
import { load, write } from '../api.js';
import { el, statusLine } from '../dom.js';
import { map, zoneLayer, L } from '../basemap.js';
import { formFilters } from '../address.js';
import { loadListing, hideEvent } from '../events.js';
import { loadAlerts, reloadAlerts } from './alerts.js';

const zoneList = document.getElementById('zones');
const zoneName = document.getElementById('zone-name');
const drawButton = document.getElementById('draw-zone');
const finishButton = document.getElementById('finish-zone');
const cancelButton = document.getElementById('cancel-zone');
const zoneFile = document.getElementById('zone-file');

export async function loadZones() {
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
  const params = formFilters();
  params.delete('bbox');
  hideEvent();
  await loadListing(`/api/zones/${encodeURIComponent(z.id)}/events`, params, ` in zone “${z.name || z.id}”`, 'the zone’s events');
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

