// First render (data handed over → drawn) at each size, and the JS heap once drawn at 10,000 events
// and more; a fresh page per run, the widgets taking turns.
import { TimeLimit, heapAfterGc, log, median, openBenchPage, render, shortError } from '../lib/browser.mjs';

export async function renderPart(ctx) {
  const { settings } = ctx;
  const overLimit = new Set();
  const runs = new Map();
  const heaps = new Map();
  const errors = new Map();
  const key = (widget, size) => `${widget.key} ${size}`;
  for (let run = 0; run < settings.runs; run++) {
    for (const size of settings.renderSizes) {
      for (const widget of ctx.widgets) {
        const k = key(widget, size);
        if (size > widget.maxEvents || errors.has(k)) continue;
        // It did not draw fewer events in time; more will not do better.
        if ([...overLimit].some((s) => s.startsWith(`${widget.key} `) && Number(s.split(' ')[1]) <= size)) continue;
        let session;
        try {
          session = await openBenchPage(ctx.browser, ctx.baseUrl, widget);
          const ms = await render(session, widget.convert(ctx.events(size)), settings.renderLimitMs);
          runs.set(k, [...(runs.get(k) ?? []), ms]);
          let heap = '';
          if (size >= 10_000) {
            const bytes = await heapAfterGc(session.cdp);
            heaps.set(k, [...(heaps.get(k) ?? []), bytes]);
            heap = `, heap ${(bytes / 1e6).toFixed(1)} MB`;
          }
          log(`  run ${run + 1}, ${size} events, ${widget.short}: drawn in ${ms.toFixed(1)} ms${heap}`);
        } catch (error) {
          if (error instanceof TimeLimit) {
            overLimit.add(k);
            log(`  run ${run + 1}, ${size} events, ${widget.short}: not drawn within ${settings.renderLimitMs / 1000} s`);
          } else {
            errors.set(k, shortError(error));
            log(`  run ${run + 1}, ${size} events, ${widget.short}: error: ${shortError(error)}`);
          }
        } finally {
          await session?.close();
        }
      }
    }
  }
  for (const widget of ctx.widgets) {
    const out = ctx.result(widget);
    out.render = {};
    out.heap = {};
    for (const size of settings.renderSizes) {
      const k = key(widget, size);
      const limited = [...overLimit].some((s) => s.startsWith(`${widget.key} `) && Number(s.split(' ')[1]) <= size);
      if (size > widget.maxEvents) out.render[size] = { skipped: true };
      else if (errors.has(k)) out.render[size] = { error: errors.get(k), runs: runs.get(k) ?? [] };
      else if (limited) out.render[size] = { value: settings.renderLimitMs, bound: '>', runs: runs.get(k) ?? [] };
      else out.render[size] = { value: median(runs.get(k)), runs: runs.get(k) };
      if (heaps.has(k)) out.heap[size] = { value: median(heaps.get(k)), runs: heaps.get(k) };
    }
  }
}
