// The REST API: reads, paged listings and token-guarded writes.
import { statusLine } from './dom.js';

export const MAX_EVENTS = 2000; // markers drawn at most: four API pages of 500

export async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

/** An API answer, or null after saying on the status line that {@code what} could not be loaded. */
export async function load(path, params, what) {
  try {
    return await api(path, params);
  } catch (err) {
    statusLine.textContent = `Could not load ${what}: ${err.message}`;
    return null;
  }
}

/** Every page of a listing endpoint, up to MAX_EVENTS events. */
export async function allPages(path, params) {
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

const tokenInput = document.getElementById('token');
tokenInput.value = sessionStorage.getItem('sitrep-token') || '';
tokenInput.addEventListener('change', () => sessionStorage.setItem('sitrep-token', tokenInput.value.trim()));

export async function write(method, path, body) {
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
