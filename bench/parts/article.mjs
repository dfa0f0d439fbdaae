// The article page (bench/lib/article.mjs): how far the embed moves the text around it (CLS), and
// how long it holds the page's main thread from navigation until the widget is ready (total
// blocking time and the longest task, from a Chromium trace).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESKTOP, PHONE, freshPage, log, median, shortError, sleep, withLimit } from '../lib/browser.mjs';

export const CLS_CONFIGS = [
  { key: '1200', label: '1200×800', viewport: DESKTOP, delay: 0 },
  { key: '1200-late', label: '1200×800, data 1 s late', viewport: DESKTOP, delay: 1000 },
  { key: '360', label: '360×740', viewport: PHONE, delay: 0 },
  { key: '360-late', label: '360×740, data 1 s late', viewport: PHONE, delay: 1000 },
];

export const TBT_CONFIGS = [
  { key: '1200', label: '1200×800', viewport: DESKTOP, cpu: 1 },
  { key: '360x4', label: '360×740, 4× CPU slowdown', viewport: PHONE, cpu: 4 },
];

/** The largest session window of layout shifts (gaps under 1 s, at most 5 s long): CLS as browsers define it. */
export function cumulativeLayoutShift(shifts) {
  let best = 0;
  let sum = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const { at, value } of [...shifts].sort((a, b) => a.at - b.at)) {
    if (at - last >= 1000 || at - start >= 5000) {
      sum = 0;
      start = at;
    }
    sum += value;
    last = at;
    best = Math.max(best, sum);
  }
  return best;
}

/** Resolves with where things are once the embed and the text below it have not moved for 1 s (at most 10 s). */
async function holdsStill(page) {
  const until = Date.now() + 10_000;
  let last = await page.evaluate(() => window.benchArticle.place());
  let stillSince = Date.now();
  while (Date.now() - stillSince < 1000 && Date.now() < until) {
    await sleep(100);
    const now = await page.evaluate(() => window.benchArticle.place());
    if (now.embedHeight !== last.embedHeight || now.belowTop !== last.belowTop) stillSince = Date.now();
    last = now;
  }
  return last;
}

/** Opens the article for `widget` and waits until it says it is ready (or failed). */
async function loadArticle(ctx, widget, { viewport, cpu = 1, delay = 0, trace = false }) {
  const session = await freshPage(ctx.browser, { viewport, cpu });
  const { page, errors } = session;
  const url = new URL(`bench/article/${widget.key}.html${delay ? `?delay=${delay}` : ''}`, ctx.baseUrl).href;
  if (trace) {
    await page.tracing.start({
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8.execute'],
    });
  }
  try {
    await withLimit(page.goto(url, { waitUntil: 'domcontentloaded' }), ctx.settings.renderLimitMs);
    const ready = await withLimit(page.evaluate(() => window.benchArticle.ready), ctx.settings.renderLimitMs);
    if (ready.error) throw new Error(ready.error);
    return { session, ready, trace: trace ? await page.tracing.stop() : undefined };
  } catch (error) {
    if (trace) await page.tracing.stop().catch(() => {});
    await session.close();
    throw new Error(errors[0] ?? shortError(error));
  }
}

export async function clsPart(ctx) {
  const { settings } = ctx;
  const collected = new Map();
  for (let run = 0; run < settings.runs; run++) {
    for (const config of settings.clsConfigs) {
      for (const widget of ctx.widgets) {
        const k = `${widget.key} ${config.key}`;
        const entry = collected.get(k) ?? { runs: [], errors: [] };
        collected.set(k, entry);
        let session;
        try {
          const loaded = await loadArticle(ctx, widget, config);
          session = loaded.session;
          // The embed may go on growing after its ready signal: those shifts are its own too. Waits
          // until the page holds still for a second (a new session window would begin after that).
          const last = await holdsStill(session.page);
          const shifts = await session.page.evaluate(() => window.benchArticle.shifts);
          const { first } = loaded.ready;
          const result = {
            cls: cumulativeLayoutShift(shifts),
            shifts: shifts.length,
            heightBefore: first?.embedHeight,
            heightAfter: last.embedHeight,
            textBelowMoved: first && last.belowTop !== null ? last.belowTop - first.belowTop : null,
            readyAt: loaded.ready.at,
          };
          entry.runs.push(result);
          log(`  run ${run + 1}, ${config.label}, ${widget.short}: CLS ${result.cls.toFixed(3)} ` +
            `(embed ${Math.round(result.heightBefore ?? NaN)} → ${Math.round(result.heightAfter)} px, ready at ${result.readyAt.toFixed(0)} ms)`);
        } catch (error) {
          entry.errors.push(shortError(error));
          log(`  run ${run + 1}, ${config.label}, ${widget.short}: error: ${shortError(error)}`);
        } finally {
          await session?.close();
        }
      }
    }
  }
  for (const widget of ctx.widgets) {
    const out = ctx.result(widget);
    out.cls = {};
    for (const config of settings.clsConfigs) {
      const entry = collected.get(`${widget.key} ${config.key}`);
      if (!entry.runs.length) {
        out.cls[config.key] = { error: entry.errors[0] ?? 'no run' };
        continue;
      }
      const m = (key) => median(entry.runs.map((r) => r[key]).filter((v) => v !== null && v !== undefined));
      out.cls[config.key] = {
        value: m('cls'),
        heightBefore: m('heightBefore'),
        heightAfter: m('heightAfter'),
        textBelowMoved: m('textBelowMoved'),
        runs: entry.runs,
      };
    }
  }
}

// —— Main-thread tasks, from the trace ———————————————————————————————————————

/**
 * The page's main-thread tasks from navigation start until `bench-ready`: their total blocking
 * time (the part of each task beyond 50 ms), the longest, and the time until ready.
 */
export function tasksUntilReady(traceBuffer) {
  const events = JSON.parse(Buffer.from(traceBuffer).toString('utf8')).traceEvents;
  const ready = events.find((e) => e.name === 'bench-ready' && e.cat.includes('blink.user_timing'));
  if (!ready) throw new Error('the trace has no bench-ready mark');
  const { pid, tid } = ready;
  const starts = events.filter((e) => e.name === 'navigationStart' && e.pid === pid && e.ts <= ready.ts);
  const start = starts[starts.length - 1];
  if (!start) throw new Error('the trace has no navigationStart in the page\'s renderer');
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === pid && e.tid === tid && e.ts + e.dur > start.ts && e.ts < ready.ts)
    .map((e) => ({ ts: e.ts, ms: (Math.min(e.ts + e.dur, ready.ts) - Math.max(e.ts, start.ts)) / 1000 }));
  return {
    tbt: tasks.reduce((sum, t) => sum + Math.max(0, t.ms - 50), 0),
    longest: Math.max(0, ...tasks.map((t) => t.ms)),
    over50: tasks.filter((t) => t.ms > 50).length,
    ready: (ready.ts - start.ts) / 1000,
    long: tasks.filter((t) => t.ms > 50).map((t) => ({ at: Number(((t.ts - start.ts) / 1000).toFixed(1)), ms: Number(t.ms.toFixed(1)) })),
  };
}

/** The article with no embed: its own tasks (navigation, parsing, its first layout) are the floor every widget starts from. */
const PAGE_ALONE = { key: 'none', name: 'the article alone, no embed', short: 'the article alone' };

export async function tbtPart(ctx) {
  const { settings } = ctx;
  const collected = new Map();
  for (let run = 0; run < settings.runs; run++) {
    for (const config of settings.tbtConfigs) {
      for (const widget of [...ctx.widgets, PAGE_ALONE]) {
        const k = `${widget.key} ${config.key}`;
        const entry = collected.get(k) ?? { runs: [], errors: [] };
        collected.set(k, entry);
        let session;
        try {
          const loaded = await loadArticle(ctx, widget, { ...config, trace: true });
          session = loaded.session;
          if (settings.traceDir) writeFileSync(join(settings.traceDir, `${widget.key}-${config.key}-${run + 1}.json`), loaded.trace);
          const result = tasksUntilReady(loaded.trace);
          entry.runs.push(result);
          log(`  run ${run + 1}, ${config.label}, ${widget.short}: TBT ${result.tbt.toFixed(0)} ms, longest task ${result.longest.toFixed(0)} ms, ` +
            `ready ${result.ready.toFixed(0)} ms after navigation`);
        } catch (error) {
          entry.errors.push(shortError(error));
          log(`  run ${run + 1}, ${config.label}, ${widget.short}: error: ${shortError(error)}`);
        } finally {
          await session?.close();
        }
      }
    }
  }
  for (const widget of [...ctx.widgets, PAGE_ALONE]) {
    const out = ctx.result(widget);
    out.tbt = {};
    for (const config of settings.tbtConfigs) {
      const entry = collected.get(`${widget.key} ${config.key}`);
      if (!entry.runs.length) {
        out.tbt[config.key] = { error: entry.errors[0] ?? 'no run' };
        continue;
      }
      out.tbt[config.key] = {
        value: median(entry.runs.map((r) => r.tbt)),
        longest: median(entry.runs.map((r) => r.longest)),
        ready: median(entry.runs.map((r) => r.ready)),
        runs: entry.runs,
      };
    }
  }
}
