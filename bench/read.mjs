// How long readData takes to read and check 100,000 events in Chromium: a parsed native object
// (the `data` property), the same events in date order, the same as JSON text (a `src` file),
// and 100,000 CSV rows. Each case runs in a fresh page, so one case's garbage does not slow the
// next.
// Usage: node bench/read.mjs [--events N] [--runs N]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, requireChrome } from '../scripts/chrome.mjs';
import { serve } from '../scripts/serve.mjs';

const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const COUNT = flag('--events', 100_000);
const RUNS = flag('--runs', 9);
const BUDGET_MS = 300;

if (!existsSync(fileURLToPath(new URL('../dist/model.js', import.meta.url)))) {
  console.error('dist/model.js is missing. Run npm run build first.');
  process.exit(2);
}

/** Runs in the page: makes the benchmark's input for one case. The same seed gives the same events everywhere. */
function makeInput(count, kind) {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const TYPES = ['talks', 'proposal', 'casualties', 'agreement'];
  const PUBLISHERS = ['Reuters', 'Associated Press', 'BBC News', 'Al Jazeera', 'The Guardian'];
  const WORDS = ['talks', 'ceasefire', 'proposal', 'envoys', 'meet', 'in', 'Cairo', 'Doha', 'over', 'hostage', 'release', 'aid'];
  const two = (n) => String(n).padStart(2, '0');
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const events = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 2000) * 86_400_000);
    const iso = `${day.getUTCFullYear()}-${two(day.getUTCMonth() + 1)}-${two(day.getUTCDate())}`;
    const precision = random();
    const type = pick(TYPES);
    const event = {
      id: `event-${i}`,
      type,
      date: precision < 0.1 ? iso.slice(0, 7) : precision < 0.2 ? `${iso}T${two(Math.floor(random() * 24))}:30Z` : iso,
      title: words(6),
      // Commas, as real summaries have: the CSV then quotes its cells.
      summary: `${words(15)}, ${words(15)}.`,
      place: 'Cairo, Egypt',
      sources: [{ url: `https://news.example/story/${i}`, title: 'Story', publisher: pick(PUBLISHERS), date: iso }],
    };
    if (random() < 0.3) event.end = iso;
    if (random() < 0.5) event.sources.push({ url: `https://wire.example/${i}`, publisher: pick(PUBLISHERS) });
    if (type === 'casualties') event.figures = [{ label: 'Killed', value: Math.floor(random() * 70_000), qualifier: 'more than', reportedBy: 'Ministry of Health' }];
    events.push(event);
  }
  const doc = { title: 'Benchmark', types: { agreement: { label: 'Agreements', color: '#2a7d4f' } }, events };
  if (kind === 'object') return doc;
  if (kind === 'ordered') {
    // Most files list their events in date order, which the reader then only has to check.
    const key = (e) => e.date.length === 7 ? `${e.date}-01` : e.date.slice(0, 10);
    const sorted = events.map((e, i) => ({ e, k: `${key(e)}${e.date.length > 10 ? e.date.slice(10) : 'T'}|${i}` }));
    // Copied, so that the events lie in memory in the order they are read, as parsed files do.
    return JSON.parse(JSON.stringify({ ...doc, events: sorted.sort((a, b) => (a.k < b.k ? -1 : 1)).map((x) => x.e) }));
  }
  if (kind === 'json' || kind === 'parse') return JSON.stringify(doc);
  const quote = (cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = ['id,date,end,type,title,summary,place,source_url,source_title,publisher,figure_label,figure_value,figure_qualifier,reported_by'];
  for (const e of events) {
    const s = e.sources[0];
    const f = e.figures?.[0];
    lines.push([e.id, e.date, e.end ?? '', e.type, e.title, e.summary, e.place, s.url, s.title, s.publisher, f?.label ?? '', f ? String(f.value) : '', f?.qualifier ?? '', f?.reportedBy ?? ''].map(quote).join(','));
  }
  return lines.join('\n');
}

/** Runs in the page: times `read` over the input, after two runs that warm the engine up. */
async function timeCase(count, runs, kind, makeInputSource) {
  const { readData } = await import('/dist/model.js');
  const input = new Function(`return (${makeInputSource})`)()(count, kind);
  const samples = [];
  let result;
  const read = kind === 'parse' ? () => JSON.parse(input) : () => readData(input);
  for (let run = 0; run < runs + 2; run++) {
    const start = performance.now();
    result = read();
    if (run >= 2) samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const problems = kind === 'parse' ? [] : result.problems;
  return {
    median: samples[Math.floor(samples.length / 2)],
    min: samples[0],
    events: kind === 'parse' ? result.events.length : result.dataset.events.length,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    size: typeof input === 'string' ? input.length : 0,
  };
}

const server = await serve({ port: 0 });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: requireChrome(), headless: true, args: chromeArgs });
try {
  const cases = [
    ['native object', 'object'],
    ['native, in order', 'ordered'],
    ['native JSON text', 'json'],
    ['  JSON.parse alone', 'parse'],
    ['CSV rows', 'csv'],
  ];
  console.log(`readData, ${COUNT.toLocaleString('en-US')} events, median and min of ${RUNS} runs (after 2 warm-up runs), Chromium ${await browser.version()}`);
  let over = false;
  for (const [name, kind] of cases) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`${base}/dist/model.js`);
    const t = await page.evaluate(timeCase, COUNT, RUNS, kind, makeInput.toString());
    await context.close();
    const checked = kind !== 'parse';
    if (checked && t.median >= BUDGET_MS) over = true;
    const size = t.size ? ` (${(t.size / 1e6).toFixed(1)} MB)` : '';
    const verdict = checked ? `${t.events} events, ${t.errors} errors, ${t.warnings} warnings   ${t.median < BUDGET_MS ? 'ok' : 'OVER BUDGET'} (< ${BUDGET_MS} ms)` : '';
    console.log(`  ${name.padEnd(19)} median ${t.median.toFixed(1).padStart(6)} ms   min ${t.min.toFixed(1).padStart(6)} ms   ${verdict}${size}`);
  }
  process.exitCode = over ? 1 : 0;
} finally {
  await browser.close();
  server.close();
}
