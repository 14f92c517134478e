import { load } from '../api.js';
import { el } from '../dom.js';
import { summary } from '../labels.js';
import { openEvent } from '../events.js';

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
export function loadAlerts() {
  alertsLoading = alertsLoading.then(renderAlerts);
  return alertsLoading;
}
/** After a zone is deleted its alerts go: the list starts again from the server's newest. */
export function reloadAlerts() {
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
    li.addEventListener('click', () => openEvent(a.event.id));
    alertList.append(li);
  }
  if (!shownAlerts.length) alertList.append(el('li', 'No alerts: no event has been stored inside a zone since it was drawn.', 'meta'));
  alertCount.textContent = unseenAlerts ? `${unseenAlerts} new` : '';
}
document.getElementById('refresh-alerts').addEventListener('click', () => loadAlerts());
setInterval(loadAlerts, 60000);

