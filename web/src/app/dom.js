// Element builders. Everything shown from the API is untrusted: text goes in through textContent only.
export function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text != null) e.textContent = String(text);
  if (className) e.className = className;
  return e;
}

const NS = 'http://www.w3.org/2000/svg';
export function svgEl(tag, attrs) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export const statusLine = document.getElementById('status');
