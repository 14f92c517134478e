// Place names on the offline basemap: countries and towns from the gazetteer (labels.json, written at build time),
// each from the zoom at which it fits, so the map names what it shows without any online tiles.
import { L } from './basemap.js';
import { el } from './dom.js';

/** The least zoom at which a town of this population is named; capitals from CAPITAL_ZOOM. Tuned by eye. */
const TOWN_ZOOMS = [
  { population: 5000000, zoom: 4 },
  { population: 1000000, zoom: 5 },
  { population: 300000, zoom: 6 },
  { population: 100000, zoom: 7 },
];
const CAPITAL_ZOOM = 4;
/**
 * Country names from zoom 3 (the world view shows the shapes only) to COUNTRY_MAX_ZOOM; a country whose towns hold
 * fewer than SMALL_COUNTRY people (territories, micro-states) from SMALL_COUNTRY_ZOOM, so that it does not crowd
 * out its neighbours' capitals.
 */
const COUNTRY_MIN_ZOOM = 3;
const COUNTRY_MAX_ZOOM = 8;
const SMALL_COUNTRY = 1000000;
const SMALL_COUNTRY_ZOOM = 6;

function townZoom(population, capital) {
  const byPopulation = TOWN_ZOOMS.find((t) => population >= t.population);
  const z = byPopulation ? byPopulation.zoom : Infinity;
  return capital ? Math.min(z, CAPITAL_ZOOM) : z;
}

function label(name, className, latlng) {
  const span = el('span', name); // text only: names come from data files
  return L.marker(latlng, {
    icon: L.divIcon({ className, html: span, iconSize: null }),
    interactive: false,
    keyboard: false,
    pane: 'labels',
  });
}

/** Adds the labels layer to the map; the names load in the background and follow the zoom. */
export async function addPlaceLabels(map) {
  map.createPane('labels');
  map.getPane('labels').style.zIndex = 450; // above the shapes, under the markers
  map.getPane('labels').style.pointerEvents = 'none';
  const layer = L.layerGroup().addTo(map);
  let data;
  try {
    const r = await fetch('labels.json');
    if (!r.ok) return; // a build without the gazetteer has no names; the map works without them
    data = await r.json();
  } catch {
    return;
  }
  const countries = data.countries.map(([name, lat, lon, people]) => ({
    name, latlng: [lat, lon], zoom: people >= SMALL_COUNTRY ? COUNTRY_MIN_ZOOM : SMALL_COUNTRY_ZOOM,
  }));
  const towns = data.cities.map(([name, lat, lon, population, capital]) => ({ name, latlng: [lat, lon], zoom: townZoom(population, capital), capital }));
  // Names that would overlap one already placed are left out: large countries first, then capitals, then the
  // other towns by size and the small countries, so the larger place keeps its name. Boxes are estimated from the
  // name's length (an average glyph width).
  const GLYPH_PX = 6.5, LINE_PX = 14;
  function redraw() {
    layer.clearLayers();
    const z = map.getZoom();
    const view = map.getBounds().pad(0.2);
    const placed = [];
    const fits = (name, latlng, centred) => {
      const p = map.latLngToContainerPoint(latlng);
      const w = name.length * GLYPH_PX + 10;
      const box = { x0: centred ? p.x - w / 2 : p.x, x1: centred ? p.x + w / 2 : p.x + w, y0: p.y - LINE_PX / 2, y1: p.y + LINE_PX / 2 };
      if (placed.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1)) return false;
      placed.push(box);
      return true;
    };
    const country = (c) => {
      if (c.zoom <= z && z <= COUNTRY_MAX_ZOOM && view.contains(c.latlng) && fits(c.name.toUpperCase(), c.latlng, true)) {
        layer.addLayer(label(c.name, 'map-label country-label', c.latlng));
      }
    };
    const town = (t) => {
      if (t.zoom <= z && view.contains(t.latlng) && fits(t.name, t.latlng, false)) {
        layer.addLayer(label(t.name, t.capital ? 'map-label town-label capital' : 'map-label town-label', t.latlng));
      }
    };
    countries.filter((c) => c.zoom === COUNTRY_MIN_ZOOM).forEach(country);
    towns.filter((t) => t.capital).forEach(town);
    towns.filter((t) => !t.capital).forEach(town);
    countries.filter((c) => c.zoom !== COUNTRY_MIN_ZOOM).forEach(country);
  }
  map.on('zoomend moveend', redraw);
  redraw();
}
