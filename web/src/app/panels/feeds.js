import { load, write } from '../api.js';
import { el, statusLine } from '../dom.js';

// Feeds: the ones the server polls, each with its last poll; users with the token add and remove them.
const feedList = document.getElementById('feeds');
async function loadFeeds() {
  const body = await load('/api/feeds', null, 'feeds');
  if (!body) return;
  feedList.replaceChildren();
  for (const f of body.feeds) {
    const li = el('li', null, 'feed');
    li.append(el('span', f.url, 'feed-url'));
    const p = f.last_poll;
    const state = !p ? 'not polled yet' : p.error ? `failed ${p.at.slice(0, 16).replace('T', ' ')}: ${p.error}`
      : `${p.at.slice(0, 16).replace('T', ' ')}: ${p.stored} new of ${p.items}`;
    li.append(el('span', state, p && p.error ? 'feed-state error' : 'feed-state'));
    if (f.origin === 'api') {
      const remove = el('button', '×', 'feed-delete');
      remove.type = 'button';
      remove.title = 'Stop polling this feed';
      remove.addEventListener('click', async () => {
        try {
          await write('DELETE', `/api/feeds/${encodeURIComponent(f.id)}`);
          loadFeeds();
        } catch (err) {
          statusLine.textContent = `Could not remove the feed: ${err.message}`;
        }
      });
      li.append(remove);
    }
    feedList.append(li);
  }
  if (!body.feeds.length) feedList.append(el('li', 'No feeds yet.', 'meta'));
}
document.getElementById('feed-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const input = document.getElementById('feed-url');
  try {
    const r = await write('POST', '/api/feeds', { url: input.value.trim() });
    statusLine.textContent = r.status === 'added' ? `Feed added; its first poll runs now.` : 'That feed is polled already.';
    input.value = '';
    loadFeeds();
    setTimeout(loadFeeds, 5000); // by then the first poll has usually ended
  } catch (err) {
    statusLine.textContent = `Could not add the feed: ${err.message}`;
  }
});
document.getElementById('feed-tools').addEventListener('toggle', (ev) => { if (ev.target.open) loadFeeds(); });

