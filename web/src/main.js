// sitrep's web app. Everything shown from the API (article text, evidence, names) is untrusted: it is put
// into the page with textContent and createElement only, never as HTML. The view (filters, open event) lives
// in the page address (app/address.js); each part of the page is a module under app/.
import { readAddress, writeAddress, fillForm, formFilters } from './app/address.js';
import { loadListing, showEvent, hideEvent } from './app/events.js';
import { loadTimeline, whenRangePicked } from './app/panels/timeline.js';
import { loadControl } from './app/panels/control.js';
import { loadZones } from './app/panels/zones.js';
import { loadAlerts } from './app/panels/alerts.js';
import './app/panels/feeds.js';
import { updateDownloads } from './app/panels/downloads.js';
import { map } from './app/basemap.js';
import { addPlaceLabels } from './app/labels-layer.js';

const form = document.getElementById('filters');
let shownFilters = null; // the filters the list was last loaded with, as a query string

/** Loads the list, markers, timeline and control ledger for the filters, unless they are shown already. */
async function showFilters(filters) {
  const key = filters.toString();
  updateDownloads(filters);
  if (key === shownFilters) return;
  shownFilters = key;
  loadTimeline();
  if (await loadListing('/api/events', new URLSearchParams(filters), '', 'events')) loadControl();
}

/** The form's filters become the view: a new history entry, the event closed. */
function applyFilters() {
  const filters = formFilters();
  writeAddress(filters, null, false);
  hideEvent();
  showFilters(filters);
}

/** The view the address names: on load, and when back or forward moves through the history. */
function restore() {
  const { filters, event } = readAddress();
  fillForm(filters);
  showFilters(filters);
  if (event) showEvent(event);
  else hideEvent();
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  applyFilters();
});
document.getElementById('reset').addEventListener('click', () => {
  HTMLFormElement.prototype.reset.call(form); // form.reset is the Reset button (its id)
  applyFilters();
});
whenRangePicked(applyFilters);
window.addEventListener('popstate', restore);
window.addEventListener('hashchange', restore); // links of the older form /#event=ID

// A /#event=ID link becomes the address form that also carries filters.
const start = readAddress();
if (/^#event=/.test(location.hash)) writeAddress(start.filters, start.event, true);
restore();
addPlaceLabels(map);
loadZones();
loadAlerts();
