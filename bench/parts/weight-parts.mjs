// Where the weight of the classic-script bundle goes: builds dist/news-timeline.iife.js in memory
// with the project's own Rollup settings, gives each byte of the minified bundle to the part its
// source map names, and for each part gzips (zlib level 9, as the benchmark does) the bundle
// without that part's bytes. "Gzip cost" is what the bundle loses when the part's bytes go; the
// parts' costs add up to a little less than the whole (gzip's own framing, and what parts have in
// common, count for none of them).
//
// Usage: node bench/parts/weight-parts.mjs [--features] [--files] [--format es] [--json FILE]
//   --features  also what each feature that could be left out costs
//   --files     also a row per source file
import { decode } from '@jridgewell/sourcemap-codec';
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs from '../../rollup.config.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const argv = process.argv.slice(2);
const flagValue = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const format = flagValue('--format') ?? 'iife';

/** The part a source file belongs to, by its path from the repo root. */
function partOf(file) {
  const path = file.replaceAll('\\', '/');
  const d3 = path.match(/node_modules\/(d3-[a-z-]+)\//);
  if (d3) return d3[1];
  if (/\0d3-/.test(path)) return path.match(/\0(d3-[a-z-]+)/)[1] + ' (stub)';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+|@lit-labs\/[^/]+)\//.test(path) || path === 'src/lit-global.ts') return 'lit';
  if (/node_modules\//.test(path)) return path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)[1];
  if (/^src\/views\/(figure-)?styles\.ts$/.test(path) || path === 'src/adopted-styles.ts') return 'styles';
  if (path.startsWith('src/i18n/strings.ts')) return 'src/i18n (strings)';
  const folder = path.match(/^src\/(model|layout|views|controllers|i18n)\//);
  if (folder) return `src/${folder[1]}`;
  if (/^src\/[^/]+\.ts$/.test(path)) return 'element';
  return path;
}

/**
 * Features that could be left out one by one, with the files (or, for the languages, the tables)
 * only they need; what they share with the rest (Lit, the model, the layout) stays.
 */
const FEATURES = {
  'figure chart (reported figures, measure switcher)': ['src/layout/figure-chart.ts', 'src/layout/figure-scene.ts', 'src/layout/figures.ts', 'src/views/figures.ts', 'src/controllers/figure-controller.ts', 'src/views/figure-styles.ts', 'd3-shape', 'd3-path'],
  'six languages besides English': ['#ar', '#he', '#fr', '#es', '#de', '#tr'],
  'CSV reader (and its TimelineJS sheet layout)': ['src/model/csv.ts', 'd3-dsv'],
  'TimelineJS 3 and 2 JSON readers': ['src/model/timelinejs.ts', 'src/model/timelinejs2.ts'],
  'vis-timeline item reader': ['src/model/vis.ts'],
  'large JSON read in slices (no long task)': ['src/model/json-slices.ts'],
  'animated zoom (d3-transition, timer, ease)': ['d3-transition', 'd3-timer', 'd3-ease'],
  'keyboard navigation': ['src/controllers/keyboard-controller.ts', 'src/layout/focus.ts'],
  'overview strip': ['src/layout/overview.ts', 'src/views/overview.ts'],
  'list view': ['src/views/list.ts', 'src/views/group-list.ts'],
};
const widget = configs[0];
const bundle = await rollup({ input: widget.input, plugins: widget.plugins, onwarn: () => {} });
const { output } = await bundle.generate({ format, name: 'NewsTimeline', sourcemap: true });
await bundle.close();
const chunk = output.find((o) => o.type === 'chunk');
const code = chunk.code;
const sources = chunk.map.sources.map((s) => relative(root, resolve(root, s)));
// The lines of each language's table in src/i18n/strings.ts: [first line (0-based), language].
const stringsIndex = sources.indexOf('src/i18n/strings.ts');
const languageLines = (chunk.map.sourcesContent?.[stringsIndex] ?? '')
  .split('\n')
  .flatMap((line, i) => (/^const ([a-z]{2}): Strings = \{/.test(line) ? [[i, line.slice(6, 8)]] : []));
const languageAt = (line) => languageLines.findLast(([first]) => first <= line)?.[1];
const whole = Buffer.from(code);
const total = gzipSync(whole, { level: 9 }).length;

// Each generated segment runs to the next one on its line; unmapped bytes are the bundle's own.
const owner = new Array(code.length).fill('(bundle wrapper)');
const lines = decode(chunk.map.mappings);
let lineStart = 0;
const codeLines = code.split('\n');
lines.forEach((segments, l) => {
  const length = codeLines[l].length;
  segments.forEach((seg, i) => {
    const from = seg[0];
    const to = i + 1 < segments.length ? segments[i + 1][0] : length;
    let part = seg.length > 1 ? sources[seg[1]] : '(bundle wrapper)';
    if (seg.length > 1 && seg[1] === stringsIndex && languageAt(seg[2])) part += `#${languageAt(seg[2])}`;
    for (let c = from; c < to; c++) owner[lineStart + c] = part;
  });
  lineStart += length + 1;
});

/** Gzip cost of each group of bytes: the whole, gzipped, less the whole without them. */
function costs(groupOf) {
  const groups = new Map();
  for (let i = 0; i < code.length; i++) {
    const group = groupOf(owner[i]);
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(i);
  }
  const rows = [...groups].map(([part, indices]) => {
    const mine = new Uint8Array(code.length);
    for (const i of indices) mine[i] = 1;
    let without = '';
    let own = '';
    for (let i = 0; i < code.length; i++) {
      if (mine[i]) own += code[i];
      else without += code[i];
    }
    return {
      part,
      minified: Buffer.byteLength(own),
      alone: gzipSync(Buffer.from(own), { level: 9 }).length,
      cost: total - gzipSync(Buffer.from(without), { level: 9 }).length,
    };
  });
  return rows.sort((a, b) => b.cost - a.cost);
}

const n = (x) => x.toLocaleString('en');
const pct = (x) => `${((100 * x) / total).toFixed(1)} %`;
function print(title, rows) {
  console.log(`| ${title} | minified | gzipped alone | gzip cost in the bundle | share |`);
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.part} | ${n(r.minified)} B | ${n(r.alone)} B | ${n(r.cost)} B | ${pct(r.cost)} |`);
  const sum = rows.reduce((s, r) => s + r.cost, 0);
  console.log(`| sum of the costs | ${n(whole.length)} B | | ${n(sum)} B | ${pct(sum)} |\n`);
}

console.log(`dist/news-timeline.${format === 'iife' ? 'iife.js' : 'js'} as built now: ${n(whole.length)} B minified, ${n(total)} B gzipped (level 9)\n`);
const groups = costs((file) => partOf(file));
print('part', groups);
const featureOf = (file) => {
  for (const [feature, parts] of Object.entries(FEATURES)) {
    if (parts.some((p) => (p.startsWith('#') ? file.endsWith(p) : p.startsWith('d3-') ? partOf(file) === p : file === p))) return feature;
  }
  return '(the rest)';
};
const features = argv.includes('--features') ? costs(featureOf) : [];
if (features.length) print('feature', features);

const files = argv.includes('--files') ? costs((file) => file) : [];
if (files.length) print('file', files);

const json = flagValue('--json');
if (json) writeFileSync(json, JSON.stringify({ total, minified: whole.length, groups, features, files }, null, 2));
