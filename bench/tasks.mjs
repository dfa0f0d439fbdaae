// The longest main-thread task, from the data's first bytes to the first frame drawn, for large
// files within the documented limits, in headless Chromium: how long the page may freeze while
// <news-timeline> reads a file. Every task should stay under 50 ms, except the first frame's draw,
// which should stay under 200 ms at 200,000 events. Tasks are read from a Chromium trace (every
// task the page's main thread ran, whatever its length), each case in a fresh browser context.
//
// Usage: node bench/tasks.mjs [--runs N] [--json FILE] [--case NAME]
//   --runs N     runs per case (default 3); the table gives the worst run, and the median of the runs
//   (Another program busy on the machine lengthens tasks: run it on a quiet one.)
//   --json FILE  every run's numbers
//   --case NAME  one case only: csv, trailing-comma, events, kinds, deep
//   --trace DIR  keeps each run's Chromium trace there (open it in the DevTools performance panel)
//   --profile DIR  keeps each run's JavaScript CPU profile there too
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, requireChrome } from '../scripts/chrome.mjs';

const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(flag('--runs', 3));
const ONLY = flag('--case', '');
const READ_LIMIT_MS = 50;
const DRAW_LIMIT_MS = 200;

const bundlePath = fileURLToPath(new URL('../dist/news-timeline.iife.js', import.meta.url));
if (!existsSync(bundlePath)) {
  console.error('dist/news-timeline.iife.js is missing. Run npx rollup -c first.');
  process.exit(2);
}

// —— The files ————————————————————————————————————————————————————————

const TYPES = ['talks', 'proposal', 'casualties'];
const START = Date.UTC(1990, 0, 1);

/** A native event, about `size` characters long. */
function event(i, size) {
  const type = TYPES[i % 3];
  const e = {
    id: `e${i}`,
    type,
    date: new Date(START + i * 4 * 3_600_000).toISOString().slice(0, 10),
    title: `Event ${i}`,
    sources: [{ url: `https://n.example/${i}` }],
  };
  if (type === 'casualties') e.figures = [{ label: 'Killed', value: 1000 + i, reportedBy: 'MoH' }];
  const bare = JSON.stringify(e).length;
  if (size > bare + 14) e.summary = 'Envoys met; talks went on. '.repeat(Math.ceil(size / 27)).slice(0, size - bare - 14);
  return JSON.stringify(e);
}

/** A native JSON file of `count` events, about `bytes` long. */
function jsonFile(count, bytes, { trailingComma = false } = {}) {
  const size = Math.floor(bytes / count) - 2;
  const lines = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    // Each event as long as the rest of the file allows, so that the file has the size asked.
    const line = event(i, Math.min(size * 2, Math.floor((bytes - total) / (count - i)) - 2));
    total += line.length + 2;
    lines.push(line);
  }
  return `{"title":"A long story","events":[\n${lines.join(',\n')}${trailingComma ? ',' : ''}\n]}`;
}

/** A CSV file of `rows` rows, about `bytes` long. */
function csvFile(rows, bytes) {
  const header = 'date,type,title,summary,place,source_url,publisher';
  const lines = [header];
  const size = Math.floor(bytes / rows) - 1;
  for (let i = 0; i < rows; i++) {
    const date = new Date(START + i * 4 * 3_600_000).toISOString().slice(0, 10);
    const start = `${date},${TYPES[i % 3]},Event ${i} of a long story,`;
    const end = `,Doha,https://news.example/story/${i},Wire`;
    const summary = 'Envoys met and talks went on. '.repeat(Math.ceil(size / 30)).slice(0, Math.max(0, size - start.length - end.length));
    lines.push(start + summary + end);
  }
  return lines.join('\n');
}

/** JSON with events, then a list nested `depth` deep: about `bytes` long. */
function deepFile(depth, bytes) {
  const nest = '['.repeat(depth) + ']'.repeat(depth);
  const count = Math.max(1, Math.floor((bytes - nest.length) / 250));
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(event(i, 248));
  return `{"title":"Deep","events":[${lines.join(',\n')},\n${nest}]}`;
}

/** 1,000 events, each of a type and with a figure of a measure of its own: about 200 KB. */
function manyKindsFile(count) {
  const events = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(START + i * 86_400_000).toISOString().slice(0, 10);
    events.push(JSON.stringify({ type: `kind-${i}`, date, title: `Event ${i}`, sources: [`https://n.example/${i}`], figures: [{ label: `Measure ${i}`, value: i, reportedBy: 'MoH' }] }));
  }
  return `{"title":"Many kinds","events":[\n${events.join(',\n')}\n]}`;
}

const CASES = [
  { name: 'csv', label: 'CSV, 200,000 rows, by src', type: 'text/csv', make: () => csvFile(200_000, 20_000_000), how: 'src', events: 200_000 },
  { name: 'trailing-comma', label: 'JSON with a trailing comma, by src', type: 'application/json', make: () => jsonFile(30_000, 8_600_000, { trailingComma: true }), how: 'src', events: 30_000 },
  { name: 'events', label: 'JSON, 200,000 events, by src', type: 'application/json', make: () => jsonFile(200_000, 30_000_000), how: 'src', events: 200_000 },
  { name: 'kinds', label: 'JSON, 1,000 types and 1,000 measures, by src', type: 'application/json', make: () => manyKindsFile(1_000), how: 'src', events: 1_000 },
  { name: 'deep', label: 'inline JSON nested 100,000 deep', type: 'application/json', make: () => deepFile(100_000, 2_000_000), how: 'inline', events: 0 },
].filter((c) => !ONLY || c.name === ONLY);

// —— The page ————————————————————————————————————————————————————————

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tasks</title>
<script src="/news-timeline.iife.js"></script>
<style>body{margin:0;font-family:sans-serif} news-timeline{display:block;width:1200px}</style></head>
<body><script>
  // Marks, in the trace, when the data was asked for and when the widget settled (loaded and drawn, or failed).
  window.benchLoad = async (how, url) => {
    const element = document.createElement('news-timeline');
    if (how === 'inline') {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = await (await fetch(url)).text();
      element.append(script);
    }
    const settled = new Promise((resolve) => {
      element.addEventListener('timeline-load', (event) => { performance.mark('nt-settled'); resolve({ events: event.detail.events }); });
      element.addEventListener('timeline-error', (event) => { performance.mark('nt-settled'); resolve({ error: event.detail.message }); });
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    performance.mark('nt-start');
    if (how === 'src') element.src = url;
    document.body.append(element);
    const outcome = await settled;
    // The first frame with the chart: the next animation frame and the paint after it.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    performance.mark('nt-frame');
    await new Promise((resolve) => setTimeout(resolve, 100));
    return outcome;
  };
</script></body></html>`;

const files = new Map();
const bundle = readFileSync(bundlePath);
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  if (path === '/news-timeline.iife.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
  const file = files.get(path);
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': `${file.type}; charset=utf-8`, 'content-length': file.body.length, 'cache-control': 'no-store' });
  res.end(file.body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// —— Reading the trace ——————————————————————————————————————————————————

/**
 * The page's main-thread tasks between the start mark and the first frame: each task's duration
 * (ms), which of them ran the draw (the settle mark, and the frame's rendering after it).
 */
function tasksOf(trace) {
  const events = JSON.parse(trace).traceEvents;
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const start = mark('nt-start');
  const settled = mark('nt-settled');
  const frame = mark('nt-frame');
  if (!start || !settled || !frame) throw new Error('the page did not mark its start, settle and frame');
  const { pid, tid } = settled;
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === pid && e.tid === tid && e.ts + e.dur >= start.ts && e.ts <= frame.ts)
    .sort((a, b) => a.ts - b.ts);
  const contains = (task, at) => task.ts <= at.ts && at.ts <= task.ts + task.dur;
  const settleAt = tasks.findIndex((task) => contains(task, settled));
  // The draw: the task that settled (Lit's update), and the rendering task of the next frame.
  const draw = new Set([settleAt]);
  for (let i = settleAt + 1; i < tasks.length; i++) {
    const inside = events.some((e) => e.pid === pid && e.tid === tid && (e.name === 'Paint' || e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ts >= tasks[i].ts && e.ts <= tasks[i].ts + tasks[i].dur);
    if (inside) {
      draw.add(i);
      break;
    }
  }
  const ms = (task) => task.dur / 1000;
  // The main thread's own time in a task (the trace's thread duration): what another program busy
  // on the machine does not lengthen.
  const cpu = (task) => (task.tdur ?? task.dur) / 1000;
  const readTasks = tasks.filter((_, i) => !draw.has(i));
  const drawTasks = [...draw].filter((i) => i >= 0).map((i) => tasks[i]);
  const reading = readTasks.map(ms);
  const drawing = drawTasks.map(ms);
  return {
    tasks: tasks.length,
    longestRead: Math.max(0, ...reading),
    longestDraw: Math.max(0, ...drawing),
    longestReadCpu: Math.max(0, ...readTasks.map(cpu)),
    longestDrawCpu: Math.max(0, ...drawTasks.map(cpu)),
    over50: reading.filter((d) => d >= READ_LIMIT_MS).length,
    untilSettled: (settled.ts - start.ts) / 1000,
  };
}

// —— Running ————————————————————————————————————————————————————————

const browser = await puppeteer.launch({ executablePath: requireChrome(), headless: true, args: [...chromeArgs, '--window-size=1300,900'] });
const results = [];
try {
  console.log(`Longest main-thread task from the first bytes to the first frame, worst of ${RUNS} runs; Chromium ${await browser.version()}, ${cpus().length} CPUs`);
  console.log(`Targets: every task < ${READ_LIMIT_MS} ms; the first frame's draw < ${DRAW_LIMIT_MS} ms at 200,000 events.\n`);
  console.log('| file | size | longest task while reading | tasks ≥ 50 ms | first frame\'s draw | CPU: reading, draw | until drawn | outcome |');
  console.log('|---|---|---|---|---|---|---|---|');
  let over = false;
  for (const c of CASES) {
    const body = Buffer.from(c.make());
    const path = `/data/${c.name}.${c.type === 'text/csv' ? 'csv' : 'json'}`;
    files.set(path, { type: c.type, body });
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1300, height: 900 });
      await page.goto(`${base}/`, { waitUntil: 'load' });
      const cdp = flag('--profile') ? await page.createCDPSession() : undefined;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
      const outcome = await page.evaluate((how, url) => window.benchLoad(how, url), c.how, path);
      const trace = await page.tracing.stop();
      if (cdp) writeFileSync(`${flag('--profile')}/${c.name}-${run + 1}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      if (flag('--trace')) writeFileSync(`${flag('--trace')}/${c.name}-${run + 1}.json`, trace);
      await context.close();
      runs.push({ ...tasksOf(Buffer.from(trace).toString('utf8')), outcome });
    }
    files.delete(path);
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    const worst = {
      medianRead: median(runs.map((r) => r.longestRead)),
      medianDraw: median(runs.map((r) => r.longestDraw)),
      longestRead: Math.max(...runs.map((r) => r.longestRead)),
      longestDraw: Math.max(...runs.map((r) => r.longestDraw)),
      longestReadCpu: Math.max(...runs.map((r) => r.longestReadCpu)),
      longestDrawCpu: Math.max(...runs.map((r) => r.longestDrawCpu)),
      over50: Math.max(...runs.map((r) => r.over50)),
      untilSettled: Math.max(...runs.map((r) => r.untilSettled)),
    };
    const outcome = runs[0].outcome;
    const said = outcome.error ? `error: ${outcome.error.slice(0, 70)}${outcome.error.length > 70 ? '…' : ''}` : `${outcome.events.toLocaleString('en-US')} events`;
    const readOk = worst.longestRead < READ_LIMIT_MS;
    const drawOk = worst.longestDraw < DRAW_LIMIT_MS;
    if (!readOk || !drawOk) over = true;
    console.log(
      `| ${c.label} | ${(body.length / 1e6).toFixed(1)} MB | ${worst.longestRead.toFixed(0)} ms ${readOk ? 'ok' : 'OVER'} (median ${worst.medianRead.toFixed(0)}) | ${worst.over50} | ${worst.longestDraw.toFixed(0)} ms ${drawOk ? 'ok' : 'OVER'} (median ${worst.medianDraw.toFixed(0)}) | ${worst.longestReadCpu.toFixed(0)} ms, ${worst.longestDrawCpu.toFixed(0)} ms | ${(worst.untilSettled / 1000).toFixed(1)} s | ${said} |`,
    );
    results.push({ case: c.name, bytes: body.length, runs });
  }
  console.log('\n"First frame\'s draw": the task in which the widget settled (its update with the chart, or the');
  console.log('error panel) and the rendering task of the frame after it. Tasks ≥ 50 ms: while reading, in the worst run.');
  console.log('CPU: the longest task\'s own time on the main thread (the trace\'s thread time), which a busy machine does not lengthen.');
  if (flag('--json')) writeFileSync(flag('--json'), JSON.stringify(results, null, 2));
  process.exitCode = over ? 1 : 0;
} finally {
  await browser.close();
  server.close();
}
