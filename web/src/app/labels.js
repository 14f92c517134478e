// How an event reads in one line. Actor names come from the server's `label` (the names people read: "Syrian
// military", "unidentified armed group"); the raw name or code only where an answer carries no label.
export function actorLabel(a) {
  return a ? (a.label || a.name || a.code || a.text) : null;
}

/** "Russian military → Islamic State", or the doer alone when the event has no target. */
export function actors(e) {
  const source = actorLabel(e.source) || e.source_label || 'unidentified actor';
  const target = actorLabel(e.target);
  return target ? `${source} → ${target}` : source;
}

export function summary(e) {
  const place = e.location ? e.location.name : 'unknown place';
  return `${e.date || 'undated'} · ${e.plover ? e.plover.type : ''} · ${actors(e)} · ${place}`;
}

/** "confidence 0.62 · 2 sources": how far the event can be trusted, as the list shows it. */
export function trust(e) {
  const parts = [];
  if (Number.isFinite(e.confidence)) parts.push(`confidence ${e.confidence.toFixed(2)}`);
  if (Number.isInteger(e.num_sources)) parts.push(`${e.num_sources} source${e.num_sources === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

// Control ledger squares: one colour per claimed controller, the same on every load.
export function colour(code) {
  let h = 0;
  for (const ch of String(code)) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${h}, 65%, 42%)`;
}
