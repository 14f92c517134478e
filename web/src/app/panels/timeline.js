// Timeline: events per period as bars under the map; dragging across it picks the date range (from/to).
import { load } from '../api.js';
import { svgEl } from '../dom.js';
import { formFilters } from '../address.js';

const form = document.getElementById('filters');
const svg = document.getElementById('timeline');
let onRange = () => {};
/** What happens once a range is picked (the filters are applied). */
export function whenRangePicked(f) {
  onRange = f;
}

let days = [];
export async function loadTimeline() {
  const params = formFilters();
  params.delete('from');
  params.delete('to');
  // The server picks the period (day, week, month, year) that keeps the bars countable over the span.
  params.set('interval', 'auto');
  const body = await load('/api/stats/timeline', params, 'the timeline');
  if (!body) return;
  const perPeriod = new Map();
  for (const c of body.counts) perPeriod.set(c.period, (perPeriod.get(c.period) || 0) + c.count);
  interval = body.interval;
  days = [...perPeriod.keys()].sort();
  drawTimeline(perPeriod);
}

let interval = 'day';
/** The day number after the period that starts on {@code iso} ends. */
function periodEnd(iso) {
  const d = new Date(iso + 'T00:00:00Z');
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else if (interval === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCDate(d.getUTCDate() + 1);
  return Math.round(d.getTime() / 86400000);
}
const PERIOD_LABEL = { day: (p) => p, week: (p) => `week of ${p}`, month: (p) => p.slice(0, 7), year: (p) => p.slice(0, 4) };


function dayNumber(iso) {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);
}
function isoDay(n) {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

let scale = null;
function drawTimeline(perPeriod) {
  svg.replaceChildren();
  const w = svg.clientWidth || 800, h = svg.clientHeight || 120, pad = 20;
  if (!days.length) {
    const t = svgEl('text', { x: 10, y: h / 2 });
    t.textContent = 'No dated events';
    svg.append(t);
    scale = null;
    return;
  }
  const first = dayNumber(days[0]), last = periodEnd(days[days.length - 1]);
  const max = Math.max(...perPeriod.values());
  const x = (d) => pad + ((d - first) / (last - first)) * (w - 2 * pad);
  scale = { first, last, x, invert: (px) => first + ((px - pad) / (w - 2 * pad)) * (last - first) };
  for (const [period, n] of perPeriod) {
    const bh = ((h - 2 * pad) * n) / max;
    const left = x(dayNumber(period));
    const bar = svgEl('rect', { class: 'bar', x: left, y: h - pad - bh, width: Math.max(2, x(periodEnd(period)) - left - 1), height: bh });
    const title = svgEl('title', {});
    title.textContent = `${PERIOD_LABEL[interval](period)}: ${n}`;
    bar.append(title);
    svg.append(bar);
  }
  for (const [d, anchor] of [[first, 'start'], [last - 1, 'end']]) {
    const t = svgEl('text', { x: x(d), y: h - 5, 'text-anchor': anchor });
    t.textContent = isoDay(d);
    svg.append(t);
  }
  drawBrush();
}

function drawBrush() {
  svg.querySelector('rect.brush')?.remove();
  const from = form.elements.from.value, to = form.elements.to.value;
  if (!scale || (!from && !to)) return;
  const a = scale.x(from ? dayNumber(from) : scale.first), b = scale.x(to ? dayNumber(to) : scale.last);
  svg.append(svgEl('rect', { class: 'brush', x: Math.min(a, b), y: 0, width: Math.max(2, Math.abs(b - a)), height: svg.clientHeight || 120 }));
}

let dragStart = null;
let rangeBefore = { from: '', to: '' }; // the range when the drag began, kept if it turns out a click
svg.addEventListener('pointerdown', (ev) => {
  if (!scale) return;
  dragStart = ev.offsetX;
  rangeBefore = { from: form.elements.from.value, to: form.elements.to.value };
  svg.setPointerCapture(ev.pointerId);
});
svg.addEventListener('pointermove', (ev) => {
  if (dragStart == null) return;
  setRange(dragStart, ev.offsetX);
  drawBrush();
});
svg.addEventListener('pointerup', (ev) => {
  if (dragStart == null) return;
  const start = dragStart;
  dragStart = null;
  // A click is no range (and, under month or year bars, one day would rarely hold an event): keep the old one.
  if (Math.abs(ev.offsetX - start) < 3) {
    form.elements.from.value = rangeBefore.from;
    form.elements.to.value = rangeBefore.to;
    drawBrush();
    return;
  }
  setRange(start, ev.offsetX);
  drawBrush();
  onRange();
});

function setRange(px1, px2) {
  // Both ends inside the charted days (the padding beside the bars maps outside them), in order.
  const day = (px) => Math.min(Math.max(Math.round(scale.invert(px)), scale.first), scale.last - 1); // last: the day after
  const a = day(Math.min(px1, px2)), b = day(Math.max(px1, px2));
  form.elements.from.value = isoDay(a);
  form.elements.to.value = isoDay(b);
}

