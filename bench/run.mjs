// Benchmark: <news-timeline> against vis-timeline and Knight Lab's TimelineJS, in one run, with the
// same generated events, in headless Chromium. Prints a Markdown table.
//
// Usage: node bench/run.mjs [--quick] [--json FILE] [--out FILE] [--write] [--screenshots DIR] [--bundle FILE]
//   --quick        100 and 1,000 events, one run each, zoom at 100 (what the test suite runs)
//   --json FILE    all numbers, per run and per zoom step
//   --out FILE     the Markdown table (with its notes)
//   --write        the full run also writes bench/RESULTS.md
//   --screenshots DIR  one PNG per widget after drawing 1,000 events (100 with --quick), to check by eye
//   --bundle FILE  measure another build of <news-timeline> (path from the repo root) instead of dist/
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { chromeArgs, requireChrome } from '../scripts/chrome.mjs';
import { serve } from '../scripts/serve.mjs';
import { generateEvents, toNative, toTimelineJS, toVis } from './events.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

// ---------------------------------------------------------------------------------------------
// Settings

const argv = process.argv.slice(2);
const flagValue = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = argv.includes('--quick');
const settings = {
  quick,
  sizes: quick ? [100, 1000] : [100, 1000, 10_000, 100_000],
  runs: quick ? 1 : 3,
  // A peer that has not drawn by then is reported as "> limit".
  renderLimitMs: quick ? 10_000 : 60_000,
  // Half the steps zoom in, the other half zoom back out.
  zoomSteps: quick ? 4 : 8,
  // Zoom is measured on the last run's page at these sizes (the quick run stays within a minute).
  zoomSizes: quick ? [100] : [100, 1000, 10_000, 100_000],
  // The longest a zoom step's work may run before it is cut off and reported as at least that.
  zoomLimitMs: quick ? 10_000 : 30_000,
  viewport: { width: 1200, height: 800 },
  seed: 20240101,
};

const pkgVersion = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

const widgets = [
  {
    key: 'ours',
    name: 'news-timeline (ours)',
    page: flagValue('--bundle') ? `ours.html?bundle=/${encodeURIComponent(flagValue('--bundle'))}` : 'ours.html',
    convert: toNative,
    maxEvents: 100_000,
  },
  {
    key: 'vis',
    name: `vis-timeline ${pkgVersion('vis-timeline')}`,
    page: 'vis.html',
    convert: toVis,
    maxEvents: 10_000,
  },
  {
    key: 'timelinejs',
    name: `TimelineJS ${pkgVersion('@knight-lab/timelinejs')}`,
    page: 'timelinejs.html',
    convert: toTimelineJS,
    maxEvents: 10_000,
  },
];

const budgets = {
  weightGzip: 80_000,
  render: { 10000: 150, 100000: 1500 },
  zoom: { 10000: 8, 100000: 16 },
  heap: { 100000: 150e6 },
};

const log = (...parts) => process.stderr.write(parts.join(' ') + '\n');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

class TimeLimit extends Error {}

/** Rejects with TimeLimit after `ms`; the caller closes the page so the work behind it stops. */
function withLimit(promise, ms) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimit(`no result within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

const shortError = (error) => String(error?.message ?? error).split('\n')[0].replace(/\s+/g, ' ').slice(0, 160);

// ---------------------------------------------------------------------------------------------
// One fresh page per run

/** A page of its own (own browser context, so its own renderer, cache and heap) at `widget`'s page. */
async function openPage(browser, baseUrl, widget, { onResponse, onFailed, tolerateNotReady = false } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(settings.viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(shortError(e)));
  if (onResponse) page.on('response', onResponse);
  if (onFailed) page.on('requestfailed', onFailed);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const close = () => withLimit(context.close(), 15_000).catch(() => {});
  try {
    await withLimit(page.goto(new URL(`bench/pages/${widget.page}`, baseUrl).href, { waitUntil: 'load' }), 30_000);
  } catch (error) {
    await close();
    throw new Error(errors[0] ?? shortError(error));
  }
  let notReady;
  try {
    await withLimit(page.evaluate(() => window.benchReady), 30_000);
  } catch (error) {
    notReady = errors[0] ?? shortError(error);
    if (!tolerateNotReady) {
      await close();
      throw new Error(notReady);
    }
  }
  return { page, cdp, errors, close, notReady };
}

/** Hands `payload` to the page and returns ms until drawn, as the page measured it. */
async function render(session, payload, limitMs) {
  try {
    return await withLimit(
      session.page.evaluate((data) => window.benchRender(data), payload),
      limitMs,
    );
  } catch (error) {
    if (error instanceof TimeLimit) throw error;
    throw new Error(session.errors[0] ?? shortError(error));
  }
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/** JS heap in use after a full garbage collection. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(100);
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize;
}

const taskSeconds = async (cdp) => (await metrics(cdp)).TaskDuration;

/**
 * Main-thread ms that one `Performance.getMetrics` call itself costs the page (it runs there too),
 * so the zoom figures can leave out the cost of being watched. The least of three calibrations,
 * since the page's own background work can only add to it.
 */
async function probeCost(cdp) {
  const samples = [];
  for (let k = 0; k < 3; k++) {
    const first = await taskSeconds(cdp);
    for (let i = 0; i < 10; i++) await taskSeconds(cdp);
    samples.push(((await taskSeconds(cdp)) - first) * 1000 / 11);
  }
  return Math.min(...samples);
}

/**
 * Waits until the main thread has gone quiet after an input: at least two frames (100 ms), then
 * until busy time grows by less than 0.5 ms (beyond the probe's own cost) over 150 ms, twice in a
 * row, so work the step scheduled later (animations, debounced redraws) is counted too.
 * Returns the last reading, how many readings it took, and whether it went quiet before `limitMs`.
 */
async function settle(session, limitMs) {
  const until = Date.now() + limitMs;
  await sleep(100);
  let last = await taskSeconds(session.cdp);
  let probes = 1;
  let quiet = 0;
  while (quiet < 2 && Date.now() < until) {
    await sleep(150);
    const now = await taskSeconds(session.cdp);
    probes += 1;
    quiet = (now - last) * 1000 - session.probeMs < 0.5 ? quiet + 1 : 0;
    last = now;
  }
  return { seconds: last, probes, quiet: quiet >= 2 };
}

/** Main-thread ms of each zoom step, given as real input: Ctrl + wheel, or a click for TimelineJS. */
async function zoomSteps(session) {
  const { page, cdp } = session;
  const pageScale = () => page.evaluate(() => devicePixelRatio * (visualViewport?.scale ?? 1));
  const scaleBefore = await pageScale();
  const first = await page.evaluate(() => window.benchZoomTarget('in'));
  // The pointer is already there, so hover effects are not charged to the first step.
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: first.x, y: first.y });
  await settle(session, settings.zoomLimitMs);
  const steps = [];
  let method = first.kind;
  for (let i = 0; i < settings.zoomSteps; i++) {
    const direction = i < settings.zoomSteps / 2 ? 'in' : 'out';
    const target = await page.evaluate((d) => window.benchZoomTarget(d), direction);
    method = target.kind;
    const before = await taskSeconds(cdp);
    if (target.kind === 'wheel') {
      await cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseWheel',
        x: target.x,
        y: target.y,
        deltaX: 0,
        deltaY: direction === 'in' ? -100 : 100,
        modifiers: 2, // Ctrl
      });
    } else {
      await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: target.x, y: target.y });
      for (const type of ['mousePressed', 'mouseReleased']) {
        await cdp.send('Input.dispatchMouseEvent', { type, x: target.x, y: target.y, button: 'left', clickCount: 1 });
      }
    }
    const after = await settle(session, settings.zoomLimitMs);
    const rawMs = (after.seconds - before) * 1000;
    steps.push({
      direction,
      ms: Math.max(0, rawMs - after.probes * session.probeMs),
      rawMs,
      probes: after.probes,
      cutOff: !after.quiet,
    });
  }
  // Ctrl + wheel that a widget does not take becomes page zoom (or pinch zoom); the steps would mean nothing.
  const pageZoom = (await pageScale()) / scaleBefore;
  return { method, probeMs: session.probeMs, steps, median: median(steps.map((s) => s.ms)), pageZoom };
}

/** Main-thread ms over one settle with no input, on the same terms as a zoom step. */
async function idleFloor(session) {
  await settle(session, settings.zoomLimitMs);
  const before = await taskSeconds(session.cdp);
  const after = await settle(session, 5_000);
  return Math.max(0, (after.seconds - before) * 1000 - after.probes * session.probeMs);
}

// ---------------------------------------------------------------------------------------------
// Weight: every response the page gets for the widget, gzipped at level 9

async function measureWeight(browser, baseUrl, widget, payload) {
  const responses = [];
  const failed = [];
  const pending = [];
  const onResponse = (response) => {
    const url = response.url();
    const path = new URL(url).pathname;
    // The bare HTML page is the host article's, not the widget's.
    if (path.startsWith('/bench/pages/') || path === '/favicon.ico') return;
    pending.push(
      response
        .buffer()
        .then((body) => {
          responses.push({
            url: url.startsWith(baseUrl) ? '/' + url.slice(baseUrl.length) : url,
            status: response.status(),
            type: response.headers()['content-type']?.split(';')[0] ?? '',
            raw: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
          });
        })
        .catch(() => {}),
    );
  };
  const onFailed = (request) => {
    if (new URL(request.url()).pathname === '/favicon.ico') return;
    failed.push({ url: request.url(), error: request.failure()?.errorText ?? 'failed' });
  };
  // What the page downloads counts even when the widget then fails to draw.
  const session = await openPage(browser, baseUrl, widget, { onResponse, onFailed, tolerateNotReady: true });
  let renderError = session.notReady;
  try {
    if (!renderError) {
      try {
        await render(session, payload, settings.renderLimitMs);
      } catch (error) {
        renderError = shortError(error);
      }
    }
    // Fonts and icons are fetched when first used, after the first draw.
    await session.page.waitForNetworkIdle({ idleTime: 500, timeout: 10_000 }).catch(() => {});
    await Promise.all(pending);
  } finally {
    await session.close();
  }
  responses.sort((a, b) => a.url.localeCompare(b.url));
  const sum = (key) => responses.reduce((total, r) => total + r[key], 0);
  const isFont = (r) => /^font\//.test(r.type ?? '') || /\.(woff2?|ttf|otf|eot)([?#].*)?$/.test(r.url);
  return {
    gzip: sum('gzip'),
    raw: sum('raw'),
    requests: responses.length + failed.length,
    fonts: responses.filter(isFont).length + failed.filter(isFont).length,
    responses,
    failed,
    renderError,
  };
}

// ---------------------------------------------------------------------------------------------
// The run

/** On the last run's page: the heap once drawn, then the zoom steps. */
async function afterDrawn(result, session, size) {
  try {
    if (size >= 10_000) {
      result.heap[size] = await heapAfterGc(session.cdp);
      log(`  ${size} events: heap ${(result.heap[size] / 1e6).toFixed(1)} MB`);
    }
    // Calibrate once the page has gone quiet, or its own work would be taken for the probe's.
    session.probeMs = 0;
    await settle(session, settings.zoomLimitMs);
    session.probeMs = await probeCost(session.cdp);
    if (!settings.zoomSizes.includes(size)) return;
    if (result.idleFloorMs === null) result.idleFloorMs = await idleFloor(session);
    const zoom = await zoomSteps(session);
    result.zoom[size] = zoom;
    log(`  ${size} events: zoom ${zoom.median.toFixed(1)} ms per step (${zoom.method}): ` +
      zoom.steps.map((s) => s.ms.toFixed(1) + (s.cutOff ? '+' : '')).join(', '));
  } catch (error) {
    result.zoom[size] = { error: shortError(error) };
    log(`  ${size} events: zoom error: ${shortError(error)}`);
  }
}

async function benchWidget(browser, baseUrl, widget, eventsBySize, screenshotDir) {
  const result = { name: widget.name, render: {}, zoom: {}, heap: {}, idleFloorMs: null };
  log(`\n${widget.name}`);
  const began = Date.now();
  try {
    const shotAt = quick ? 100 : 1000;
    const screenshot = screenshotDir ? join(screenshotDir, `bench-${widget.key}-${shotAt}.png`) : undefined;
    result.weight = await measureWeight(browser, baseUrl, widget, widget.convert(eventsBySize.get(100)));
    log(`  weight: ${result.weight.gzip} B gzipped, ${result.weight.raw} B raw, ${result.weight.requests} requests`);
    if (screenshot) {
      const session = await openPage(browser, baseUrl, widget);
      try {
        await render(session, widget.convert(eventsBySize.get(shotAt)), settings.renderLimitMs);
        await sleep(1500);
        await session.page.screenshot({ path: screenshot });
        log(`  screenshot: ${screenshot}`);
      } catch (error) {
        log(`  screenshot failed: ${shortError(error)}`);
      } finally {
        await session.close();
      }
    }
  } catch (error) {
    result.weight = { error: shortError(error) };
    log(`  weight: error: ${result.weight.error}`);
  }

  let overLimit = false;
  for (const size of settings.sizes) {
    if (size > widget.maxEvents) {
      result.render[size] = { skipped: true };
      continue;
    }
    if (overLimit) {
      // It did not draw fewer events in time; more will not do better.
      result.render[size] = { overLimitMs: settings.renderLimitMs, skipped: true };
      continue;
    }
    const payload = widget.convert(eventsBySize.get(size));
    const runs = [];
    for (let run = 0; run < settings.runs; run++) {
      const last = run === settings.runs - 1;
      let session;
      try {
        session = await openPage(browser, baseUrl, widget);
        const ms = await render(session, payload, settings.renderLimitMs);
        runs.push(ms);
        log(`  ${size} events, run ${run + 1}: drawn in ${ms.toFixed(1)} ms`);
        if (last) await afterDrawn(result, session, size);
      } catch (error) {
        if (error instanceof TimeLimit) {
          overLimit = true;
          result.render[size] = { overLimitMs: settings.renderLimitMs, runs };
          log(`  ${size} events: not drawn within ${settings.renderLimitMs / 1000} s`);
        } else {
          result.render[size] = { error: shortError(error), runs };
          log(`  ${size} events: error: ${shortError(error)}`);
        }
        break;
      } finally {
        await session?.close();
      }
    }
    result.render[size] ??= { median: median(runs), runs };
  }
  log(`  (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  return result;
}

async function build() {
  if (flagValue('--bundle') || existsSync(join(root, 'dist/news-timeline.js'))) return null;
  log('dist/news-timeline.js is missing: building');
  const out = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: root, encoding: 'utf8' });
  return out.status === 0 ? null : (out.stderr || out.stdout).trim().split('\n')[0];
}

// ---------------------------------------------------------------------------------------------
// The table

const nf = new Intl.NumberFormat('en-US');
const fmtBytes = (b) => `${nf.format(b)} B`;
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtMB = (b) => `${(b / 1e6).toFixed(b >= 100e6 ? 0 : 1)} MB`;
const fmtRatio = (r) => (r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)) + '×';

/** One cell: `{text, value, bound}`; bound '<' or '>' when the value is a limit, not a measurement. */
function renderCell(widgetResult, size) {
  const r = widgetResult.render[size];
  if (!r || (r.skipped && !r.overLimitMs)) return { text: '—' };
  if (r.error) return { text: `n/a (error: ${r.error})` };
  if (r.overLimitMs) return { text: `> ${r.overLimitMs / 1000} s`, value: r.overLimitMs, bound: '>' };
  return { text: fmtMs(r.median), value: r.median };
}

function zoomCell(widgetResult, size) {
  const r = widgetResult.render[size];
  const z = widgetResult.zoom[size];
  if (r?.error) return { text: `n/a (error: ${r.error})` };
  if (!z) return { text: r?.overLimitMs ? 'not drawn' : '—' };
  if (z.error) return { text: `n/a (error: ${z.error})` };
  const cut = z.steps.filter((s) => s.cutOff).length > z.steps.length / 2;
  const mark = z.method === 'click' ? ' ¹' : '';
  return cut
    ? { text: `> ${fmtMs(z.median)}${mark}`, value: z.median, bound: '>' }
    : { text: fmtMs(z.median) + mark, value: z.median };
}

function heapCell(widgetResult, size) {
  const r = widgetResult.render[size];
  if (r?.error) return { text: `n/a (error: ${r.error})` };
  const h = widgetResult.heap[size];
  return h === undefined ? { text: r?.overLimitMs ? 'not drawn' : '—' } : { text: fmtMB(h), value: h };
}

function weightCell(widgetResult, key, format) {
  const w = widgetResult.weight;
  if (!w || w.error) return { text: `n/a (error: ${w?.error ?? 'not measured'})` };
  return { text: format(w[key]), value: w[key] };
}

function ratioCell(ours, peer) {
  if (ours.value === undefined || peer.value === undefined || ours.bound) return '—';
  const r = ours.value / peer.value;
  // The peer took longer than the limit: ours is at most this fraction of it.
  return peer.bound === '>' ? `< ${fmtRatio(r)}` : fmtRatio(r);
}

function budgetCell(cell, limit, fmt, strict = false) {
  if (limit === undefined) return '';
  const text = `${strict ? '<' : '≤'} ${fmt(limit)}`;
  if (cell.value === undefined || cell.bound) return `${text} ✗`;
  const ok = strict ? cell.value < limit : cell.value <= limit;
  return `${text} ${ok ? '✓' : '✗'}`;
}

function table(results) {
  const [ours, vis, tl] = widgets.map((w) => results.widgets[w.key]);
  const rows = [];
  const row = (label, cellOf, budget, ratios = true) => {
    const cells = [ours, vis, tl].map(cellOf);
    const ratio = (peer) => (ratios ? ratioCell(cells[0], peer) : '');
    rows.push([label, ...cells.map((c) => c.text), ratio(cells[1]), ratio(cells[2]), budget(cells[0])]);
  };
  const noBudget = () => '';
  row('Weight, gzipped (level 9)', (w) => weightCell(w, 'gzip', fmtBytes), (c) => budgetCell(c, budgets.weightGzip, fmtBytes));
  row('Weight, raw', (w) => weightCell(w, 'raw', fmtBytes), noBudget);
  row('Requests (fonts)', (w) => {
    const c = weightCell(w, 'requests', String);
    return c.value === undefined ? c : { text: `${w.weight.requests} (${w.weight.fonts})`, value: w.weight.requests };
  }, (c) => (c.value === undefined ? '' : `1 (0) ${c.value === 1 && ours.weight.fonts === 0 ? '✓' : '✗'}`), false);
  for (const size of settings.sizes) {
    row(`First render, ${nf.format(size)} events`, (w) => renderCell(w, size),
      (c) => budgetCell(c, budgets.render[size], fmtMs));
  }
  for (const size of settings.zoomSizes) {
    row(`Zoom step, ${nf.format(size)} events (main thread)`, (w) => zoomCell(w, size),
      (c) => budgetCell(c, budgets.zoom[size], fmtMs));
  }
  for (const size of settings.sizes.filter((s) => s >= 10_000)) {
    row(`JS heap after load, ${nf.format(size)} events`, (w) => heapCell(w, size),
      (c) => budgetCell(c, budgets.heap[size], fmtMB, true));
  }
  const header = ['', ours.name, vis.name, tl.name, 'ours / vis', 'ours / TimelineJS', 'budget (ours)'];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

function notes(results) {
  const { widgets: w, environment: env } = results;
  const failedPeers = [w.vis, w.timelinejs]
    .filter((r) => r.weight?.failed?.length)
    .map((r) => `${r.name}: ${r.weight.failed.map((f) => new URL(f.url).hostname + new URL(f.url).pathname).join(', ')}`);
  const floor = Object.values(w).map((r) => `${r.name.split(' ')[0]} ${r.idleFloorMs === null ? '—' : fmtMs(r.idleFloorMs)}`);
  const costs = Object.values(w).flatMap((r) => Object.values(r.zoom).map((z) => z.probeMs).filter((c) => c !== undefined));
  const probeCosts = costs.length
    ? `${Math.min(...costs).toFixed(2)}–${Math.max(...costs).toFixed(2)} ms per reading`
    : 'no readings';
  const zoomedPages = Object.values(w)
    .flatMap((r) => Object.entries(r.zoom).filter(([, z]) => z.pageZoom !== 1).map(([n]) => `${r.name} at ${n}`));
  return [
    '',
    `¹ TimelineJS has no wheel zoom; its zoom steps are clicks on its own zoom-in and zoom-out buttons.`,
    '',
    `Events: ${settings.sizes.map((s) => nf.format(s)).join(', ')} generated events (seed ${settings.seed}), two years, ` +
      `four types (talks, proposal, casualties, agreement), one source each; the same events for every widget, ` +
      `converted to its own format before the clock starts. Peers are not run at 100,000 events.`,
    `First render: from the data handed over (\`el.data = …\`, \`new vis.Timeline(…)\`, \`new TL.Timeline(…)\`) ` +
      `to the widget's own ready signal (\`timeline-load\`, \`onInitialDrawComplete\`, \`ready\`) plus two animation frames; ` +
      `median of ${settings.runs} run${settings.runs > 1 ? 's' : ''}, each in a fresh browser context. ` +
      `vis-timeline gets its items as a plain array and builds its DataSet inside the clock, as ours parses its JSON inside it.`,
    `Zoom step: main-thread task time (CDP \`Performance.getMetrics\` TaskDuration) from one input event until the page is quiet ` +
      `(100 ms, at least two frames, then no growth over 150 ms twice), less the cost of those readings themselves ` +
      `(calibrated on each page, ${probeCosts}); Ctrl + wheel (CDP \`Input.dispatchMouseEvent\`, deltaY ∓100) at the centre ` +
      `of the timeline, ${settings.zoomSteps / 2} steps in then ${settings.zoomSteps / 2} out, median. ` +
      `Main-thread time of the same wait with no input, once drawn at 100 events: ${floor.join(', ')}.` +
      (zoomedPages.length ? ` Ctrl + wheel zoomed the page itself for: ${zoomedPages.join(', ')}.` : '') +
      ` vis-timeline runs with its default options (items stacked), one group per type, \`zoomKey: 'ctrlKey'\`.`,
    `Weight: every response the page received for the widget after drawing 100 events (JS, CSS, fonts, icons), ` +
      `not the bare HTML page; each body gzipped with zlib level 9. vis-timeline's standalone build injects its own ` +
      `stylesheet, so no CSS file is loaded for it.` +
      (failedPeers.length ? ` Requests that failed offline and are not counted: ${failedPeers.join('; ')}.` : ''),
    `Heap: \`JSHeapUsedSize\` after \`HeapProfiler.collectGarbage\`, once drawn. MB = 1,000,000 bytes.`,
    `Machine: ${env.cpu} × ${env.cores}, ${(env.memory / 2 ** 30).toFixed(0)} GiB, ${env.browser} headless, ` +
      `Node ${env.node}, viewport ${settings.viewport.width}×${settings.viewport.height}, ${env.date}.`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const buildError = await build();
  const server = await serve({ port: 0 });
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const browser = await puppeteer.launch({
    executablePath: requireChrome(),
    args: chromeArgs,
    headless: true,
    protocolTimeout: 10 * 60_000,
  });
  const screenshotDir = flagValue('--screenshots');
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });

  const largest = Math.max(...settings.sizes);
  const all = generateEvents(largest, settings.seed);
  // Each size is its own draw from the generator, so 1,000 events are not just the first days of 100,000.
  const eventsBySize = new Map(settings.sizes.map((n) => [n, n === largest ? all : generateEvents(n, settings.seed)]));

  const results = {
    settings,
    environment: {
      date: new Date().toISOString().slice(0, 10),
      browser: await browser.version(),
      node: process.version,
      cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
      cores: cpus().length,
      memory: totalmem(),
    },
    widgets: {},
  };
  try {
    for (const widget of widgets) {
      results.widgets[widget.key] = await benchWidget(browser, baseUrl, widget, eventsBySize, screenshotDir);
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (buildError) {
    const ours = results.widgets.ours;
    for (const size of Object.keys(ours.render)) ours.render[size] = { error: `build failed: ${buildError}` };
  }

  const markdown = `${table(results)}\n${notes(results)}\n`;
  process.stdout.write('\n' + markdown);
  const jsonFile = flagValue('--json');
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(results, null, 2));
  const outFile = flagValue('--out');
  if (outFile) writeFileSync(outFile, markdown);
  if (argv.includes('--write')) {
    if (quick) {
      log('--write is for the full run; bench/RESULTS.md left as it was');
    } else {
      const file = join(root, 'bench/RESULTS.md');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `# Benchmark results\n\nWritten by \`npm run bench -- --write\`.\n\n${markdown}`);
      log(`wrote ${file}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
