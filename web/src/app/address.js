// The page address carries the view: the filters as query parameters and the open event as `event`
// (?country=SYR&plover=ASSAULT&event=ID), so a view can be bookmarked and shared, and back/forward step through
// the views. Other parameters (`tiles`) are kept as they are. Links of the older form /#event=ID still open.
const form = document.getElementById('filters');
const FILTERS = [...form.elements].map((e) => e.name).filter(Boolean);

/** The filters the form holds, without empty ones. */
export function formFilters() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
  return params;
}

/** What the address says: its filters and the open event (or null). */
export function readAddress() {
  const search = new URLSearchParams(location.search);
  const filters = new URLSearchParams();
  for (const name of FILTERS) if (search.get(name)) filters.set(name, search.get(name));
  let event = search.get('event');
  const legacy = /^#event=(.+)$/.exec(location.hash);
  if (!event && legacy) {
    try {
      event = decodeURIComponent(legacy[1]);
    } catch {
      event = null;
    }
  }
  return { filters, event: event || null };
}

/** Puts the filters into the form. */
export function fillForm(filters) {
  HTMLFormElement.prototype.reset.call(form); // form.reset is the Reset button (its id)
  for (const name of FILTERS) if (filters.get(name) != null) form.elements[name].value = filters.get(name);
}

/** A new history entry (or, with {@code replace}, this one rewritten) for the view. */
export function writeAddress(filters, event, replace) {
  const search = new URLSearchParams(location.search);
  for (const name of FILTERS) search.delete(name);
  search.delete('event');
  for (const [k, v] of filters) search.set(k, v);
  if (event) search.set('event', event);
  const query = search.toString();
  const url = `${location.pathname}${query ? '?' + query : ''}`;
  if (url === `${location.pathname}${location.search}` && !location.hash) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}
