// The article page: a news article with text above and below one embedded timeline, the way a
// newsroom embeds each widget. Ours is README's embed snippet, taken from README.md as it is now,
// so that whatever the snippet reserves (or not) is what is measured; the peers use the snippets
// of their own documentation. Served at /bench/article/<widget>.html, with the default story
// (data/events.json, converted for the peers) at /bench/story/<widget>.json; `?delay=ms` on the
// page delays the story by that much.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTimelineJS, toVis } from '../events.mjs';

/** The first HTML code block of README's "Embed it" section. */
export function readmeSnippet(root) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Embed it'));
  const block = /```html\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md has no HTML code block under "## Embed it"');
  return block[1].trim();
}

/** README's snippet with its two addresses (the script's and the data's) pointed at this server. */
export function ourSnippet(root, { bundleUrl, storyUrl }) {
  const snippet = readmeSnippet(root);
  const script = /(<script\b[^>]*\bsrc=")[^"]*news-timeline[^"]*\.js(")/;
  const data = /(<news-timeline\b[^>]*\bsrc=")[^"]*(")/;
  if (!script.test(snippet) || !data.test(snippet)) {
    throw new Error('README\'s embed snippet no longer has a <script src="…news-timeline….js"> and a <news-timeline src="…">');
  }
  return snippet.replace(script, `$1${bundleUrl}$2`).replace(data, `$1${storyUrl}$2`);
}

const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The stories each widget is given, converted once. */
export function stories(root) {
  const story = JSON.parse(readFileSync(join(root, 'data/events.json'), 'utf8'));
  return {
    ours: JSON.stringify(story),
    vis: JSON.stringify(toVis(story.events)),
    timelinejs: JSON.stringify(toTimelineJS(story.events, story)),
    count: story.events.length,
  };
}

const PARAGRAPH =
  'It is plain text, as long as a paragraph of a news article usually is, set in the page\'s own type, so that ' +
  'the page wraps and scrolls as an article does. Nothing in it changes while the page loads: whatever moves on ' +
  'the page moves because of the embedded timeline.';

const paragraphs = (from, count, where) =>
  Array.from({ length: count }, (_, i) => `<p${i === 0 && where === 'below' ? ' id="below"' : ''}>Paragraph ${from + i} of the article, ${where} the timeline. ${PARAGRAPH}</p>`).join('\n');

/**
 * Runs first in <head>: records layout shifts, where the widget and the text below it are at the
 * first frame and once ready, and marks `bench-ready` two frames after the widget's ready signal.
 */
const HARNESS = `<script>
(() => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) shifts.push({ at: entry.startTime, value: entry.value });
  }).observe({ type: 'layout-shift', buffered: true });
  const place = () => {
    const embed = document.getElementById('embed')?.getBoundingClientRect();
    const below = document.getElementById('below')?.getBoundingClientRect();
    return { embedHeight: embed?.height ?? null, belowTop: below ? below.top + scrollY : null };
  };
  let settle;
  const ready = new Promise((resolve) => (settle = resolve));
  // The first frame that shows the text below the embed: where everything starts from.
  let first = null;
  let watching = true;
  const frame = () => {
    if (document.getElementById('below')) first ??= place();
    if (watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.benchArticle = {
    shifts,
    ready,
    /** The widget's ready signal: two frames later the page counts as ready. */
    done() {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        performance.mark('bench-ready');
        watching = false;
        settle({ at: performance.now(), first, last: place() });
      }));
    },
    failed(message) {
      watching = false;
      settle({ error: String(message) });
    },
    place,
  };
})();
</script>`;

const WIDGET_PARTS = {
  /** No embed: the article alone, ready once loaded, to tell the page's own tasks from the widget's. */
  none: () => ({
    head: `<script>
  addEventListener('load', () => benchArticle.done(), { once: true });
</script>`,
    embed: '',
  }),
  /** README's snippet; the page listens for the element's events on the document. */
  ours: ({ root, bundleUrl, storyUrl }) => ({
    head: `<script>
  document.addEventListener('timeline-load', () => benchArticle.done(), { once: true });
  document.addEventListener('timeline-error', (event) => benchArticle.failed(event.detail.message), { once: true });
</script>`,
    embed: ourSnippet(root, { bundleUrl, storyUrl }),
  }),
  /** vis-timeline's documented embed: its script in <head>, a <div>, the data fetched, then `new vis.Timeline`. */
  vis: ({ storyUrl }) => ({
    head: '<script src="/node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"></script>',
    embed: `<div id="visualization"></div>
<script>
  fetch(${JSON.stringify(storyUrl)})
    .then((response) => response.json())
    .then(({ items, groups }) => {
      new vis.Timeline(document.getElementById('visualization'), items, groups, {
        onInitialDrawComplete: () => benchArticle.done(),
      });
    })
    .catch((error) => benchArticle.failed(error));
</script>`,
  }),
  /** TimelineJS's documented embed: stylesheet and script in <head>, a 600 px <div>, `new TL.Timeline(id, url)` (a full URL). */
  timelinejs: ({ storyUrl }) => ({
    head: `<link title="timeline-styles" rel="stylesheet" href="/node_modules/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"></script>`,
    embed: `<div id="timeline-embed" style="width: 100%; height: 600px"></div>
<script>
  window.timeline = new TL.Timeline('timeline-embed', new URL(${JSON.stringify(storyUrl)}, location.href).href, {
    script_path: new URL('/node_modules/@knight-lab/timelinejs/dist/js/', location.href).href,
  });
  timeline.on('ready', () => benchArticle.done());
</script>`,
  }),
};

export function articlePage(key, options) {
  const parts = WIDGET_PARTS[key](options);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(`An article with a timeline (${key})`)}</title>
${HARNESS}
<style>
  body { margin: 0; font: 18px/1.6 Georgia, 'Times New Roman', serif; color: #222; background: #fff; }
  main { max-width: 960px; margin: 0 auto; padding: 8px 16px 48px; }
  h1 { font: bold 32px/1.2 Arial, Helvetica, sans-serif; margin: 16px 0; }
</style>
${parts.head}
</head>
<body>
<main>
<h1>An article with a timeline in it</h1>
${paragraphs(1, 2, 'above')}
<div id="embed">
${parts.embed}
</div>
${paragraphs(3, 8, 'below')}
</main>
</body>
</html>
`;
}

/**
 * The server's routes for the article pages and the stories. `delay` on a page is passed on to its
 * story's address, so the data alone comes late.
 */
export function articleRoutes(root, { bundleUrl }) {
  const data = stories(root);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  return async (req, res, url) => {
    const page = /^\/bench\/article\/(ours|vis|timelinejs|none)\.html$/.exec(url.pathname);
    if (page) {
      const delay = Number(url.searchParams.get('delay') ?? 0);
      const storyUrl = `/bench/story/${page[1]}.json${delay ? `?delay=${delay}` : ''}`;
      const body = articlePage(page[1], { root, bundleUrl, storyUrl });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
      return true;
    }
    const story = /^\/bench\/story\/(ours|vis|timelinejs)\.json$/.exec(url.pathname);
    if (story) {
      const delay = Number(url.searchParams.get('delay') ?? 0);
      if (delay > 0) await sleep(delay);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(data[story[1]]);
      return true;
    }
    return false;
  };
}
