// The Markdown table of a run (or of the results file, parts measured at different times), with the
// budgets of each row and the notes on how each was measured.

const nf = new Intl.NumberFormat('en-US');
export const fmtBytes = (b) => `${nf.format(b)} B`;
export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtMB = (b) => `${(b / 1e6).toFixed(b >= 100e6 ? 0 : 1)} MB`;
const fmtCls = (v) => v.toFixed(3);
const fmtCount = (n) => nf.format(Math.round(n));
const fmtRatio = (r) => (r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)) + '×';

/** Which measurements each part of the benchmark writes, per widget. */
export const PART_KEYS = {
  weight: ['weight'],
  cls: ['cls'],
  tbt: ['tbt'],
  click: ['click'],
  render: ['render', 'heap'],
  zoom: ['zoom', 'nodes'],
  gesture: ['gesture'],
};

/** A measurement as a cell: `{text, value, bound}`; bound '<' or '>' when the value is a limit, not a measurement. */
function cell(m, fmt, extra = '') {
  if (!m || m.skipped) return { text: '—' };
  if (m.error) return { text: `n/a (error: ${m.error})` };
  if (m.value === undefined) return { text: '—' };
  const bound = m.bound ? `${m.bound} ` : '';
  return { text: `${bound}${fmt(m.value)}${extra}`, value: m.value, bound: m.bound };
}

function ratioCell(ours, peer) {
  if (ours.value === undefined || peer.value === undefined || ours.bound || !peer.value) return '—';
  const r = ours.value / peer.value;
  // The peer took longer than the limit: ours is at most this fraction of it.
  return peer.bound === '>' ? `< ${fmtRatio(r)}` : peer.bound === '<' ? '—' : fmtRatio(r);
}

/** "≤ limit ✓" (or ✗); a value that is only a lower bound ("> x") fails, an upper bound passes if within. */
function within(c, limit, fmt, { strict = false, prefix } = {}) {
  const text = prefix ?? `${strict ? '<' : '≤'} ${fmt(limit)}`;
  if (c.value === undefined || c.bound === '>') return `${text} ✗`;
  const ok = strict ? c.value < limit : c.value <= limit;
  return `${text} ${ok ? '✓' : '✗'}`;
}

/** "≤ vis-timeline's (x)": a budget set by the peer's own figure in the same run. */
function relative(c, peer, fmt, factor = 1) {
  const what = factor === 1 ? "≤ vis-timeline's" : `≤ ${factor}× vis-timeline's`;
  if (peer.value === undefined) return `${what} (not measured) ✗`;
  const limit = peer.value * factor;
  // A peer reported as "< x" has a limit of at most x·factor: ours must be under it for sure.
  const shown = `${peer.bound === '<' ? '< ' : ''}${fmt(limit)}`;
  return within(c, limit, fmt, { prefix: `${what} (${shown})` });
}

export function table(results, widgetKeys) {
  const w = results.widgets;
  const [ours, vis, tl] = widgetKeys.map((key) => w[key] ?? {});
  const rows = [];
  const has = (key) => ours[key] !== undefined;
  const row = (label, of, budget = () => '', ratios = true) => {
    const cells = [ours, vis, tl].map(of);
    const ratio = (peer) => (ratios ? ratioCell(cells[0], peer) : '');
    rows.push([label, ...cells.map((c) => c.text), ratio(cells[1]), ratio(cells[2]), budget(cells[0], cells)]);
  };

  if (has('weight')) {
    const weight = (key, fmt) => (r) => (r.weight?.error ? cell(r.weight, fmt) : cell(r.weight && { value: r.weight[key] }, fmt));
    row('Weight, gzipped (level 9)', weight('gzip', fmtBytes), (c) => within(c, 80_000, fmtBytes));
    row('Weight, raw', weight('raw', fmtBytes));
    row('Requests (fonts)', (r) => (r.weight && !r.weight.error ? { text: `${r.weight.requests} (${r.weight.fonts})`, value: r.weight.requests } : cell(r.weight, String)),
      (c) => (c.value === undefined ? '' : `1 (0) ${c.value === 1 && ours.weight.fonts === 0 ? '✓' : '✗'}`), false);
  }
  if (has('cls')) {
    for (const [key, label] of [['1200', '1200×800'], ['1200-late', '1200×800, data 1 s late'], ['360', '360×740'], ['360-late', '360×740, data 1 s late']]) {
      if (!ours.cls[key]) continue;
      row(`CLS caused by the embed, article page, ${label}`, (r) => cell(r.cls?.[key], fmtCls), (c) => within(c, 0.01, (v) => String(v)), false);
    }
  }
  if (has('tbt')) {
    const tbt = (key, field) => (r) => {
      const m = r.tbt?.[key];
      return m && !m.error ? cell({ value: m[field] }, fmtMs) : cell(m, fmtMs);
    };
    if (ours.tbt['1200']) {
      row('Total blocking time, navigation → ready, 1200×800', tbt('1200', 'value'), (c) => within(c, 50, fmtMs));
      row('Longest task, navigation → ready, 1200×800', tbt('1200', 'longest'));
    }
    if (ours.tbt['360x4']) {
      row('Total blocking time, navigation → ready, 360×740, 4× CPU slowdown', tbt('360x4', 'value'));
      row('Longest task, navigation → ready, 360×740, 4× CPU slowdown', tbt('360x4', 'longest'), (c) => within(c, 100, fmtMs));
    }
  }
  if (has('click')) {
    for (const size of Object.keys(ours.click)) {
      row(`Click on a mark → next paint, ${nf.format(size)} events`, (r) => cell(r.click?.[size], fmtMs),
        (c, cells) => relative(c, cells[1], fmtMs));
    }
  }
  if (has('render')) {
    for (const size of Object.keys(ours.render)) {
      row(`First render, ${nf.format(size)} events`, (r) => cell(r.render?.[size], fmtMs),
        Number(size) === 100_000 ? (c) => within(c, 1500, fmtMs) : undefined);
    }
  }
  if (has('zoom')) {
    for (const size of Object.keys(ours.zoom)) {
      const mark = (r) => (r.zoom?.[size]?.method === 'click' ? ' ¹' : '');
      row(`Zoom step, main thread p95, ${nf.format(size)} events`, (r) => cell(r.zoom?.[size], fmtMs, mark(r)),
        Number(size) >= 10_000 ? (c) => within(c, 33, fmtMs) : (c, cells) => relative(c, cells[1], fmtMs));
    }
  }
  if (has('gesture')) {
    for (const size of Object.keys(ours.gesture)) {
      row(`Dropped frames, 20-step Ctrl + wheel gesture, ${nf.format(size)} events`, (r) => cell(r.gesture?.[size], fmtCount),
        (c) => within(c, 5, fmtCount), false);
    }
  }
  if (has('nodes')) {
    for (const size of Object.keys(ours.nodes)) {
      row(`DOM nodes after a zoom, ${nf.format(size)} events`, (r) => cell(r.nodes?.[size], fmtCount),
        (c, cells) => relative(c, cells[1], fmtCount, 1.5));
    }
  }
  if (has('heap')) {
    for (const size of Object.keys(ours.heap)) {
      row(`JS heap after load, ${nf.format(size)} events`, (r) => cell(r.heap?.[size], fmtMB),
        Number(size) === 100_000 ? (c) => within(c, 150e6, fmtMB, { strict: true }) : undefined);
    }
  }
  const header = ['', ...[ours, vis, tl].map((r, i) => r.name ?? widgetKeys[i]), 'ours / vis', 'ours / TimelineJS', 'budget (ours)'];
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function notes(results) {
  const { parts, widgets: w } = results;
  const ours = w.ours ?? {};
  const lines = [''];
  const say = (part, text) => {
    if (parts[part]) lines.push(`**${part}** (${parts[part].date}, ${parts[part].runs} run${parts[part].runs > 1 ? 's' : ''}): ${text}`, '');
  };
  if (parts.zoom && Object.values(w).some((r) => Object.values(r.zoom ?? {}).some((z) => z.method === 'click'))) {
    lines.push('¹ TimelineJS has no wheel zoom; its zoom steps are clicks on its own zoom-in and zoom-out buttons.', '');
  }
  say('weight', 'every response the page received for the widget after drawing 100 events (JS, CSS, fonts, icons), ' +
    'not the bare HTML page; each body gzipped with zlib level 9. vis-timeline\'s standalone build injects its own stylesheet. ' +
    'Requests that failed offline (TimelineJS\'s web fonts) are counted as requests and fonts, not as bytes.');
  const moved = (key) => {
    const m = ours.cls?.[key];
    return m?.heightAfter !== undefined ? `${Math.round(m.heightBefore ?? 0)} → ${Math.round(m.heightAfter)} px, text below moved ${Math.round(m.textBelowMoved ?? 0)} px` : '';
  };
  say('cls', 'an article page (a heading, two paragraphs, the embed, eight paragraphs; a 960 px column) loading the default story ' +
    `(data/events.json, ${results.storyEvents ?? 72} events; converted for the peers as for the generated events). Ours is README's embed snippet as README has it ` +
    '(script and element, data by `src`); vis-timeline is its documented embed (script in the head, an empty `<div>`, the data fetched, ' +
    '`new vis.Timeline(div, items, groups, {})`); TimelineJS is its documented embed (a `<div>` 100% wide and 600 px high, ' +
    '`new TL.Timeline(id, url)`). CLS: the largest session window of `layout-shift` entries (PerformanceObserver, buffered) ' +
    'from navigation until the embed and the text below it have held still for 1 s after the widget is ready, as browsers define it; "data 1 s late": the bench server answers ' +
    `the story's request after 1 s. 360×740 is a phone (2 device px per CSS px, touch).` +
    ` Ours, median, the embed's height at the first frame → once ready: ${Object.keys(ours.cls ?? {}).map((k) => `${k.replace('-late', ', late')}: ${moved(k)}`).join('; ')}.`);
  say('tbt', 'the same article page, data on time, traced (Chromium trace, main thread of the page\'s renderer): every task from ' +
    '`navigationStart` until ready; total blocking time is the sum of each task\'s time beyond 50 ms. Ready: ours `timeline-load` ' +
    'and two animation frames; vis-timeline `onInitialDrawComplete` and two frames; TimelineJS `ready` and two frames. ' +
    '4× CPU slowdown: CDP `Emulation.setCPUThrottlingRate` set before navigation. ' +
    `Time from navigation to ready, ours (median): ${['1200', '360x4'].filter((k) => ours.tbt?.[k]?.ready !== undefined).map((k) => `${k === '1200' ? '1200' : '360, 4×'} ${fmtMs(ours.tbt[k].ready)}`).join(', ')}.` +
    (w.none?.tbt ? ' The article alone, with no embed, measured the same way until its `load` event and two frames (the floor every widget starts from: ' +
      'navigating, parsing, the first layout of the text): ' +
      ['1200', '360x4'].filter((k) => w.none.tbt[k]?.value !== undefined)
        .map((k) => `${k === '1200' ? '1200' : '360, 4×'}: total blocking time ${fmtMs(w.none.tbt[k].value)}, longest task ${fmtMs(w.none.tbt[k].longest)}`).join('; ') + '.' : ''));
  say('click', 'generated events (below) on the bench page (1200×800); after the widget has drawn and the page is quiet, the pointer ' +
    'moves onto a single-event mark near the middle (ours: `[data-event-id]`, vis-timeline: an item, TimelineJS: a time-navigator marker), ' +
    'the page goes quiet again, then a real click (CDP `Input.dispatchMouseEvent`). The browser measures it: Event Timing ' +
    '(`PerformanceObserver`, type `event`, `durationThreshold: 16`), the longest `duration` among the entries of the click\'s ' +
    '`interactionId` (pointerdown, pointerup, click): input time → the next frame presented after the handlers ran, as for ' +
    'Interaction to Next Paint. Durations come in steps of 8 ms; a click with no entry took under 16 ms and counts as 16. ' +
    'Three marks per page; the median of each page, then the median of the pages. Where ours draws only clusters (1,000 events ' +
    'at fit-all), it is first zoomed to the middle half of its window, again until single events show, as a reader would.');
  say('render', 'from the data handed over (`el.data = …`, `new vis.Timeline(…)`, `new TL.Timeline(…)`) to the widget\'s own ready ' +
    'signal (`timeline-load`, `onInitialDrawComplete`, `ready`) plus two animation frames, in a fresh browser context each run; ' +
    'vis-timeline builds its DataSet inside the clock, as ours reads its data inside it. Peers are not run at 100,000 events. ' +
    'Heap: `JSHeapUsedSize` after `HeapProfiler.collectGarbage`, once drawn; MB = 1,000,000 bytes.');
  say('zoom', 'main-thread task time (CDP `Performance.getMetrics` TaskDuration) from one input until the page is quiet ' +
    '(100 ms, then no growth over 150 ms twice), less the cost of those readings (calibrated on each page); Ctrl + wheel ' +
    '(CDP `Input.dispatchMouseEvent`, deltaY ∓100) at the centre of the timeline, 5 steps in then 5 out per page; p95 over the ' +
    'steps of all runs. Peers are not run at 10,000 events. DOM nodes: every node in the widget\'s container once the steps are ' +
    'done (elements, text and comments; ours counted inside its shadow root too). vis-timeline runs with its default options ' +
    '(items stacked), one group per type, `zoomKey: \'ctrlKey\'`.');
  say('gesture', 'one gesture per page: 20 Ctrl + wheel events (deltaY −50) sent 1/60 s apart without waiting for the page, as ' +
    'a trackpad pinch sends them; animation-frame times recorded in the page from the first wheel event it received until ' +
    'two frames after `timeline-zoom`; a gap of n frame intervals (1/60 s) drops n − 1 frames. Median of the runs.');
  lines.push(`Events: generated (seed ${results.seed ?? 20240101}), two years, four types (talks, proposal, casualties, agreement), ` +
    'one source each; the same events for every widget, converted to its own format before the clock starts. ' +
    'Every figure is the median of the runs, the widgets taking turns in each run (ours, vis-timeline, TimelineJS), ' +
    'each page in a fresh browser context.');
  lines.push('');
  const env = Object.values(parts)[0]?.environment;
  if (env) {
    lines.push(`Machine: ${env.cpu} × ${env.cores}, ${(env.memory / 2 ** 30).toFixed(0)} GiB, ${env.browser} headless, Node ${env.node}. ` +
      'It is shared: the load average (1, 5, 15 min) and the busiest processes as each part began (the benchmark\'s own ' +
      'Node and Chromium among them; any more are other work on the machine):');
    lines.push('');
    for (const [name, part] of Object.entries(parts)) {
      lines.push(`- ${name}, ${part.date}: load ${part.environment.load}${part.environment.busy ? `; ${part.environment.busy.replace(/^busiest processes then: /, '')}` : ''}`);
    }
  }
  return lines.join('\n');
}
