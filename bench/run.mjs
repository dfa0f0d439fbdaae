// Benchmark: <news-timeline> against vis-timeline and Knight Lab's TimelineJS, in one run, with the
// same events, in headless Chromium: what readers and article pages feel (layout shift, blocking
// time, click → paint, zoom), and the first render, heap and weight. Prints a Markdown table.
//
// Usage: node bench/run.mjs [--only PARTS] [--runs N] [--quick] [--write] [--json FILE] [--out FILE]
//                           [--trace DIR] [--screenshots DIR] [--bundle FILE]
//   --only PARTS   a comma-separated list of parts, to re-run some quickly after a change:
//                  weight, cls, tbt, click, render (with heap), zoom (with DOM nodes), gesture
//   --runs N       runs of each measurement (default 5; medians, the widgets taking turns)
//   --quick        small sizes, one run each (what the test suite runs to keep the benchmark working)
//   --write        writes bench/results.json and bench/RESULTS.md; with --only, the parts measured
//                  replace theirs and the others are kept (the notes give each part's date and machine)
//   --json FILE    all numbers of this run, per run
//   --out FILE     the Markdown table (with its notes)
//   --trace DIR    keeps the Chromium trace of each article load of the tbt part there
//   --screenshots DIR  one PNG per widget after drawing 1,000 events (100 with --quick), to check by eye
//   --bundle FILE  measure another build of <news-timeline> (path from the repo root) on the bench pages
//   --table        measures nothing: prints the table of bench/results.json (with --write, writes RESULTS.md again)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { generateEvents, toNative, toTimelineJS, toVis } from './events.mjs';
import { articleRoutes, stories } from './lib/article.mjs';
import { launch, log, openBenchPage, render, shortError, sleep } from './lib/browser.mjs';
import { PART_KEYS, notes, table } from './lib/table.mjs';
import { CLS_CONFIGS, TBT_CONFIGS, clsPart, tbtPart } from './parts/article.mjs';
import { clickPart } from './parts/click.mjs';
import { renderPart } from './parts/render.mjs';
import { weightPart } from './parts/weight.mjs';
import { gesturePart, zoomPart } from './parts/zoom.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RESULTS_JSON = join(root, 'bench/results.json');
const RESULTS_MD = join(root, 'bench/RESULTS.md');

// ---------------------------------------------------------------------------------------------
// Settings

const argv = process.argv.slice(2);
const flagValue = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = argv.includes('--quick');
const PARTS = { weight: weightPart, cls: clsPart, tbt: tbtPart, click: clickPart, render: renderPart, zoom: zoomPart, gesture: gesturePart };
const ALIASES = { heap: 'render', dom: 'zoom', nodes: 'zoom' };
const only = flagValue('--only')?.split(',').map((p) => ALIASES[p.trim()] ?? p.trim()).filter(Boolean);
const unknown = only?.filter((p) => !PARTS[p]) ?? [];
if (unknown.length) {
  console.error(`Unknown part${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Parts: ${Object.keys(PARTS).join(', ')}.`);
  process.exit(2);
}
const parts = Object.keys(PARTS).filter((p) => !only || only.includes(p));

const settings = {
  quick,
  runs: Number(flagValue('--runs') ?? (quick ? 1 : 5)),
  seed: 20240101,
  renderSizes: quick ? [100, 1000] : [100, 1000, 10_000, 100_000],
  // A widget that has not drawn by then is reported as "> limit".
  renderLimitMs: 60_000,
  // Half the steps zoom in, the other half zoom back out.
  zoomSteps: quick ? 4 : 10,
  zoomSizes: quick ? [100] : [100, 1000, 10_000],
  // The longest a zoom step's work may run before it is cut off and reported as at least that.
  zoomLimitMs: 30_000,
  domSize: 100,
  gestureSizes: quick ? [1000] : [10_000],
  gestureSteps: 20,
  gestureDelta: -50,
  clickSizes: quick ? [100] : [100, 1000],
  clicks: quick ? 1 : 3,
  clsConfigs: quick ? CLS_CONFIGS.filter((c) => c.key === '1200') : CLS_CONFIGS,
  tbtConfigs: quick ? TBT_CONFIGS.filter((c) => c.key === '1200') : TBT_CONFIGS,
  traceDir: flagValue('--trace'),
};

const pkgVersion = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

const widgets = [
  {
    key: 'ours',
    name: 'news-timeline (ours)',
    short: 'ours',
    page: flagValue('--bundle') ? `ours.html?bundle=/${encodeURIComponent(flagValue('--bundle'))}` : 'ours.html',
    convert: toNative,
    maxEvents: 100_000,
    maxZoomEvents: 100_000,
    gesture: true,
  },
  {
    key: 'vis',
    name: `vis-timeline ${pkgVersion('vis-timeline')}`,
    short: 'vis-timeline',
    page: 'vis.html',
    convert: toVis,
    maxEvents: 10_000,
    maxZoomEvents: 1000,
  },
  {
    key: 'timelinejs',
    name: `TimelineJS ${pkgVersion('@knight-lab/timelinejs')}`,
    short: 'TimelineJS',
    page: 'timelinejs.html',
    convert: toTimelineJS,
    maxEvents: 10_000,
    maxZoomEvents: 1000,
  },
];

function build() {
  if (flagValue('--bundle') || (existsSync(join(root, 'dist/news-timeline.js')) && existsSync(join(root, 'dist/news-timeline.iife.js')))) return null;
  log('dist/ is missing: building');
  const out = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: root, encoding: 'utf8' });
  return out.status === 0 ? null : (out.stderr || out.stdout).trim().split('\n')[0];
}

/** The other programs busiest on the machine as the run begins (it is shared: say what ran beside it). */
function busyNow() {
  const ps = spawnSync('ps', ['-eo', 'pcpu=,comm=', '--sort=-pcpu'], { encoding: 'utf8' });
  if (ps.status !== 0) return undefined;
  // Per program: how many processes used 5% of a core or more, and their share together.
  const byName = new Map();
  for (const [cpu, name] of ps.stdout.trim().split('\n').map((line) => line.trim().split(/\s+/, 2))) {
    if (Number(cpu) < 5) continue;
    const seen = byName.get(name) ?? { count: 0, cpu: 0 };
    byName.set(name, { count: seen.count + 1, cpu: seen.cpu + Number(cpu) });
  }
  const busy = [...byName].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 4)
    .map(([name, { count, cpu }]) => `${count} × ${name} (${Math.round(cpu)}% of a core)`);
  return busy.length ? `busiest processes then: ${busy.join(', ')}` : undefined;
}

async function screenshots(ctx, dir) {
  mkdirSync(dir, { recursive: true });
  const size = quick ? 100 : 1000;
  for (const widget of widgets) {
    const file = join(dir, `bench-${widget.key}-${size}.png`);
    let session;
    try {
      session = await openBenchPage(ctx.browser, ctx.baseUrl, widget);
      await render(session, widget.convert(ctx.events(size)), settings.renderLimitMs);
      await sleep(1500);
      await session.page.screenshot({ path: file });
      log(`  screenshot: ${file}`);
    } catch (error) {
      log(`  screenshot failed: ${shortError(error)}`);
    } finally {
      await session?.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------

const markdownOf = (results) => `${table(results, widgets.map((w) => w.key))}\n${notes(results)}\n`;
const writeResults = (results) => {
  writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 1) + '\n');
  writeFileSync(RESULTS_MD, `# Benchmark results\n\nWritten by \`npm run bench -- --write\` (parts: \`--only ${Object.keys(PARTS).join(',')}\`).\n\n${markdownOf(results)}`);
  log(`wrote ${RESULTS_MD} and ${RESULTS_JSON}`);
};

async function main() {
  if (argv.includes('--table')) {
    const results = JSON.parse(readFileSync(RESULTS_JSON, 'utf8'));
    process.stdout.write(markdownOf(results));
    if (argv.includes('--write')) writeResults(results);
    return;
  }
  const buildError = build();
  if (buildError) {
    console.error(`The build failed: ${buildError}`);
    process.exit(1);
  }
  const server = await serve({ port: 0, routes: articleRoutes(root, { bundleUrl: '/dist/news-timeline.iife.js' }) });
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  if (settings.traceDir) mkdirSync(settings.traceDir, { recursive: true });

  const environment = {
    date: new Date().toISOString().slice(0, 10),
    browser: await browser.version(),
    node: process.version,
    cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memory: totalmem(),
    load: loadavg().map((l) => l.toFixed(1)).join(', '),
    busy: busyNow(),
  };
  const generated = new Map();
  const results = { version: 2, seed: settings.seed, storyEvents: stories(root).count, environment, settings, parts: {}, widgets: {} };
  for (const widget of widgets) results.widgets[widget.key] = { name: widget.name };
  const ctx = {
    browser,
    baseUrl,
    settings,
    widgets,
    // Each size is its own draw from the generator, so 1,000 events are not just the first days of 100,000.
    events: (n) => {
      if (!generated.has(n)) generated.set(n, generateEvents(n, settings.seed));
      return generated.get(n);
    },
    result: (widget) => (results.widgets[widget.key] ??= { name: widget.name }),
  };
  log(`Machine: load average ${environment.load}${environment.busy ? `; ${environment.busy}` : ''}`);
  try {
    if (flagValue('--screenshots')) await screenshots(ctx, flagValue('--screenshots'));
    for (const part of parts) {
      const began = Date.now();
      // The machine may be shared: what else ran is noted for each part, as it began.
      const now = { ...environment, load: loadavg().map((l) => l.toFixed(1)).join(', '), busy: busyNow() };
      log(`\n${part} (load average ${now.load})`);
      await PARTS[part](ctx);
      results.parts[part] = { date: environment.date, runs: part === 'weight' ? 1 : settings.runs, environment: now, seconds: Math.round((Date.now() - began) / 1000) };
      log(`  (${((Date.now() - began) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await browser.close();
    server.close();
  }

  const keys = widgets.map((w) => w.key);
  const markdown = markdownOf(results);
  process.stdout.write('\n' + markdown);
  if (flagValue('--json')) writeFileSync(flagValue('--json'), JSON.stringify(results, null, 2));
  if (flagValue('--out')) writeFileSync(flagValue('--out'), markdown);
  if (argv.includes('--write')) {
    if (quick) {
      log('--write is for the full run; bench/RESULTS.md left as it was');
      return;
    }
    // The parts not run now keep what the results file has for them.
    const kept = only && existsSync(RESULTS_JSON) ? JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) : null;
    const merged = kept?.version === 2 ? kept : { ...results, parts: {}, widgets: Object.fromEntries(keys.map((k) => [k, { name: results.widgets[k].name }])) };
    for (const part of parts) {
      merged.parts[part] = results.parts[part];
      for (const key of Object.keys(results.widgets)) {
        merged.widgets[key] ??= {};
        merged.widgets[key].name = results.widgets[key].name;
        for (const field of PART_KEYS[part]) merged.widgets[key][field] = results.widgets[key][field];
      }
    }
    merged.environment = environment;
    writeResults(merged);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
