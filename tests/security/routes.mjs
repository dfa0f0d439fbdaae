// Test-only routes for the security and reliability tests, served by Web Test Runner under /__test/.
// They play the hostile or failing server a newsroom's page may meet: error codes, a sign-in page
// instead of data, truncated or empty files, slow and dripping answers, huge files, a server that
// refuses other origins, and a page served with a strict Content-Security-Policy.
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pages = resolve(fileURLToPath(new URL('./pages/', import.meta.url)));

/**
 * The policy a strict news site may serve; the widget must render, zoom and open details under it.
 * `trustedTypes` lists the Trusted Types policies the page allows: the widget's bundles need
 * `news-timeline` only; a page's own Lit (and the widget's sources, as served in development)
 * need `lit-html`.
 */
export function strictCsp(trustedTypes = 'news-timeline') {
  return (
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
    `require-trusted-types-for 'script'; trusted-types ${trustedTypes}`
  );
}

const SMALL = {
  title: 'Served story',
  events: [
    { id: 'served-a', type: 'talks', date: '2024-02-01', title: 'Served A', sources: [{ url: 'https://example.com/a' }] },
    { id: 'served-b', type: 'proposal', date: '2024-06-01', title: 'Served B', sources: [{ url: 'https://example.com/b' }] },
  ],
};

const SIGN_IN = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body><form action="/login" method="post"><h1>Sign in to continue</h1>
<label>Email <input name="email"></label><button>Sign in</button></form></body></html>`;

/** What happened to the requests a test tagged with `?id=`: how many came, how many were cut off. */
const logs = new Map();
/** Requests that reached /__test/probe/: a URL from hostile data that must never be fetched. */
const probes = [];
/** How often /__test/flaky was asked, per id. */
const flaky = new Map();
/** Generated large bodies, kept so that repeated runs do not build them again. */
const generated = new Map();

function log(id) {
  if (!logs.has(id)) logs.set(id, { requests: 0, completed: 0, aborted: 0 });
  return logs.get(id);
}

/** A dataset of `events` events (three built-in types, spread over years), about `bytes` long. */
export function largeDataset(events, bytes = 0) {
  const key = `${events}|${bytes}`;
  if (generated.has(key)) return generated.get(key);
  const types = ['talks', 'proposal', 'casualties'];
  const start = Date.UTC(1990, 0, 1);
  const padding = Math.max(0, Math.floor(bytes / Math.max(1, events)) - 260);
  const summary = 'Reported talks, proposals and figures. '.repeat(Math.ceil(padding / 40)).slice(0, padding);
  const parts = new Array(events);
  for (let i = 0; i < events; i += 1) {
    const type = types[i % 3];
    const date = new Date(start + i * 4 * 3_600_000).toISOString().slice(0, 16) + 'Z';
    const event = {
      id: `e${i}`,
      type,
      date,
      title: `Event ${i} of a very long story`,
      place: 'Doha, Qatar',
      sources: [{ url: `https://example.org/story/${i}`, publisher: 'Example Wire' }],
    };
    if (summary) event.summary = summary;
    if (type === 'casualties') event.figures = [{ label: 'Killed', value: 1000 + i, reportedBy: 'Ministry' }];
    parts[i] = JSON.stringify(event);
  }
  const body = Buffer.from(`{"title":"A long story","events":[\n${parts.join(',\n')}\n]}`);
  generated.set(key, body);
  return body;
}

/** A CSV file of `rows` rows (three built-in types, spread over years), about `bytes` long. */
export function largeCsv(rows, bytes = 0) {
  const key = `csv|${rows}|${bytes}`;
  if (generated.has(key)) return generated.get(key);
  const types = ['talks', 'proposal', 'casualties'];
  const start = Date.UTC(1990, 0, 1);
  const padding = Math.max(0, Math.floor(bytes / Math.max(1, rows)) - 110);
  const summary = 'Envoys met and talks went on. '.repeat(Math.ceil(padding / 30)).slice(0, padding);
  const lines = ['date,type,title,summary,place,source_url,publisher'];
  for (let i = 0; i < rows; i += 1) {
    const date = new Date(start + i * 4 * 3_600_000).toISOString().slice(0, 10);
    lines.push(`${date},${types[i % 3]},Event ${i} of a long story,${summary},Doha,https://news.example/story/${i},Wire`);
  }
  const body = Buffer.from(lines.join('\n'));
  generated.set(key, body);
  return body;
}

function send(ctx, status, type, body, headers = {}) {
  ctx.status = status;
  if (type) ctx.type = type;
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  ctx.body = body;
}

function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * Answers with raw Node response calls, so that headers go out at once and the body follows later,
 * chunk by chunk; notes in the request log whether the client stayed to the end.
 */
async function stream(ctx, { status = 200, headers, chunks, delay, id }) {
  ctx.respond = false;
  const { res } = ctx;
  const entry = id ? log(id) : undefined;
  let closed = false;
  res.on('close', () => {
    if (!res.writableFinished) {
      closed = true;
      if (entry) entry.aborted += 1;
    }
  });
  res.writeHead(status, { 'cache-control': 'no-store', ...headers });
  res.flushHeaders();
  for (const chunk of chunks) {
    await sleep(delay);
    if (closed) return;
    res.write(chunk);
  }
  res.end();
  if (entry) entry.completed += 1;
}

function split(buffer, count) {
  const size = Math.ceil(buffer.length / count);
  const out = [];
  for (let at = 0; at < buffer.length; at += size) out.push(buffer.subarray(at, at + size));
  return out;
}

/** Koa middleware for Web Test Runner's dev server. */
export async function testRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (!url.pathname.startsWith('/__test/')) return next();
  const route = url.pathname.slice('/__test/'.length);
  const q = url.searchParams;
  const id = q.get('id') ?? '';
  if (id && route !== 'log') log(id).requests += 1;
  const json = 'application/json; charset=utf-8';

  if (route.startsWith('status/')) {
    const code = Number(route.slice('status/'.length)) || 500;
    return send(ctx, code, 'text/plain', `Status ${code}`);
  }
  if (route === 'data') return send(ctx, 200, json, JSON.stringify(SMALL));
  if (route === 'signin') return send(ctx, 200, 'text/html; charset=utf-8', SIGN_IN);
  // A proxy that labels its sign-in page as JSON: the content must give it away.
  if (route === 'signin-as-json') return send(ctx, 200, json, SIGN_IN);
  // A session that has run out: the data address redirects to a sign-in page.
  if (route === 'redirect-signin') return send(ctx, 302, 'text/plain', 'Found', { location: '/__test/signin' });
  if (route === 'truncated') return send(ctx, 200, json, JSON.stringify(SMALL).slice(0, 120));
  if (route === 'empty') return send(ctx, 200, json, '');
  if (route === 'blank') return send(ctx, 200, json, ' \n\t\n ');
  if (route === 'flaky') {
    const count = (flaky.get(id) ?? 0) + 1;
    flaky.set(id, count);
    return count === 1 ? send(ctx, 503, 'text/plain', 'Busy') : send(ctx, 200, json, JSON.stringify(SMALL));
  }
  if (route === 'slow') {
    // Headers at once, then the body after `ms` (or never, when the client gives up first).
    const body = JSON.stringify({ ...SMALL, title: q.get('title') ?? 'Slow story' });
    return stream(ctx, { headers: { 'content-type': json }, chunks: [body], delay: Number(q.get('ms') ?? 1000), id });
  }
  if (route === 'drip') {
    // A known length, sent in `steps` pieces `ms` apart: the widget can show progress.
    const body = Buffer.from(JSON.stringify(SMALL));
    const steps = Number(q.get('steps') ?? 5);
    const headers = { 'content-type': json };
    if (q.get('length') !== 'no') headers['content-length'] = String(body.length);
    return stream(ctx, { headers, chunks: split(body, steps), delay: Number(q.get('ms') ?? 200), id });
  }
  if (route === 'large') {
    let body = largeDataset(Number(q.get('events') ?? 1000), Number(q.get('bytes') ?? 0));
    // One comma before the closing bracket, as a hand edit leaves it.
    if (q.get('trailing') === '1') body = Buffer.concat([body.subarray(0, body.length - 3), Buffer.from(',\n]}')]);
    const pieces = Number(q.get('pieces') ?? 0);
    if (!pieces) return send(ctx, 200, json, body, { 'cache-control': 'no-store' });
    return stream(ctx, { headers: { 'content-type': json, 'content-length': String(body.length) }, chunks: split(body, pieces), delay: 0, id });
  }
  if (route === 'large-csv') {
    return send(ctx, 200, 'text/csv; charset=utf-8', largeCsv(Number(q.get('rows') ?? 1000), Number(q.get('bytes') ?? 0)), { 'cache-control': 'no-store' });
  }
  if (route === 'oversize') {
    // Announces 80 MB, then takes its time: the widget must refuse at once, not after reading.
    return stream(ctx, { headers: { 'content-type': json, 'content-length': String(80 * 1024 * 1024) }, chunks: ['{"events":['], delay: 5000, id });
  }
  if (route === 'deep') {
    const depth = Number(q.get('depth') ?? 100_000);
    return send(ctx, 200, json, '{"events":[' + '['.repeat(depth) + ']'.repeat(depth) + ']}');
  }
  if (route === 'cors') {
    // Cross-origin readers are let in only with ?allow=1.
    const headers = q.get('allow') === '1' ? { 'access-control-allow-origin': '*' } : {};
    return send(ctx, 200, json, JSON.stringify(SMALL), headers);
  }
  // Data served with the label of a web page: it is still data.
  if (route === 'json-as-html') return send(ctx, 200, 'text/html; charset=utf-8', JSON.stringify(SMALL));
  // Headers and the first part of the body, then the connection breaks.
  if (route === 'cut') {
    ctx.respond = false;
    const { res } = ctx;
    const body = JSON.stringify(SMALL);
    res.writeHead(200, { 'content-type': json, 'content-length': String(body.length), 'cache-control': 'no-store' });
    res.write(body.slice(0, 40));
    setTimeout(() => res.destroy(), 100);
    return;
  }
  // A redirect to wherever ?to= says (another origin, in the tests).
  if (route === 'redirect') return send(ctx, 302, 'text/plain', 'Found', { location: q.get('to') ?? '/__test/data' });
  // Data whose sources are relative to where it is served; readable by any origin.
  if (route === 'relative') {
    const data = { title: 'Relative', events: [{ id: 'rel', date: '2024-02-01', title: 'Relative link', sources: [{ url: 'story/a' }] }] };
    return send(ctx, 200, json, JSON.stringify(data), { 'access-control-allow-origin': '*' });
  }
  // The iframe embed page as a deployment configures it: ?origins= lists where it may take data from.
  if (route === 'embed') {
    const page = await readFile(fileURLToPath(new URL('../../demo/embed.html', import.meta.url)), 'utf8');
    const origins = (q.get('origins') ?? '').replace(/["<>&]/g, '');
    const configured = page
      .replace(/(<meta name="news-timeline-data-origins" content=")[^"]*"/, `$1${origins}"`)
      .replace('<head>', '<head>\n    <base href="/demo/" />');
    return send(ctx, 200, 'text/html; charset=utf-8', configured, { 'cache-control': 'no-store' });
  }
  if (route === 'log') return send(ctx, 200, json, JSON.stringify(log(id)));
  if (route.startsWith('probe/')) {
    probes.push(route.slice('probe/'.length));
    return send(ctx, 204, 'text/plain', '');
  }
  if (route === 'probes') {
    const hits = probes.slice();
    if (q.get('clear') === '1') probes.length = 0;
    return send(ctx, 200, json, JSON.stringify(hits));
  }
  if (route.startsWith('csp/')) {
    const path = normalize(join(pages, decodeURIComponent(route.slice('csp/'.length))));
    if (!path.startsWith(pages)) return send(ctx, 403, 'text/plain', 'Forbidden');
    const type = { html: 'text/html; charset=utf-8', js: 'text/javascript', css: 'text/css' }[path.split('.').pop()] ?? 'text/plain';
    try {
      // ?tt= names the Trusted Types policies the page allows (letters, digits and dashes).
      const policies = (q.get('tt') ?? 'news-timeline').replace(/[^\w -]/g, '');
      return send(ctx, 200, type, await readFile(path), { 'content-security-policy': strictCsp(policies), 'cache-control': 'no-store' });
    } catch {
      return send(ctx, 404, 'text/plain', 'Not found');
    }
  }
  return send(ctx, 404, 'text/plain', 'No such test route');
}
