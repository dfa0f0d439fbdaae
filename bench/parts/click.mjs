// Click on a mark → next paint, as the browser itself measures it for every widget alike: the Event
// Timing API (the measure behind Interaction to Next Paint). An interaction's latency is the
// longest `duration` among the entries that share its `interactionId` (pointerdown, pointerup,
// click): from the input's time to the next frame presented after its handlers ran. The browser
// reports entries of 16 ms and more (`durationThreshold: 16`, the least it takes) in steps of 8 ms;
// an interaction with no entry took less than 16 ms.
import { log, median, openBenchPage, render, settle, shortError } from '../lib/browser.mjs';

function observeEvents() {
  window.benchEventEntries = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.interactionId) {
        window.benchEventEntries.push({ name: entry.name, duration: entry.duration, interactionId: entry.interactionId });
      }
    }
  }).observe({ type: 'event', durationThreshold: 16 });
}

/** One click on the mark at `target`: the pointer moves there first, and the page goes quiet. */
async function clickOnce(session, target, limitMs) {
  const { page, cdp } = session;
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: target.x, y: target.y });
  await settle(session, limitMs);
  await page.evaluate(() => (window.benchEventEntries.length = 0));
  // Pressed and released at once, as a hand does, even when the page is slow to take the press
  // (a press held long is no tap to vis-timeline).
  await Promise.all(['mousePressed', 'mouseReleased'].map((type) =>
    cdp.send('Input.dispatchMouseEvent', { type, x: target.x, y: target.y, button: 'left', clickCount: 1 })));
  await settle(session, limitMs);
  const entries = await page.evaluate(() => window.benchEventEntries.splice(0));
  const selected = await page.evaluate(() => window.benchSelection());
  const durations = entries.map((e) => e.duration);
  return {
    id: target.id,
    ms: durations.length ? Math.max(...durations) : 16,
    under16: durations.length === 0,
    entries: entries.map((e) => `${e.name} ${e.duration}`),
    selected: selected === target.id,
  };
}

/** The mark to click next: the one nearest the middle of the widget not clicked yet, among those the pointer can reach. */
function nextTarget(marks, clicked) {
  return [...marks].filter((m) => !clicked.has(m.id)).sort((a, b) => a.fromMiddle - b.fromMiddle)[0];
}

export async function clickPart(ctx) {
  const { settings } = ctx;
  const collected = new Map();
  for (let run = 0; run < settings.runs; run++) {
    for (const size of settings.clickSizes) {
      for (const widget of ctx.widgets) {
        if (size > widget.maxEvents) continue;
        const k = `${widget.key} ${size}`;
        const entry = collected.get(k) ?? { runs: [], errors: [] };
        collected.set(k, entry);
        let session;
        try {
          session = await openBenchPage(ctx.browser, ctx.baseUrl, widget);
          await render(session, widget.convert(ctx.events(size)), settings.renderLimitMs);
          session.probeMs = 0;
          // A widget that draws clusters until zoomed in is zoomed in, as a reader would.
          const zoomedTo = await session.page.evaluate((n) => window.benchShowMarks?.(n), settings.clicks);
          await settle(session, settings.zoomLimitMs);
          await session.page.evaluate(observeEvents);
          const clicks = [];
          const clicked = new Set();
          for (let i = 0; i < settings.clicks; i++) {
            // Looked for again each time: what the last click opened may cover some marks.
            const target = nextTarget(await session.page.evaluate(() => window.benchMarks()), clicked);
            if (!target) throw new Error('no single-event mark in view to click');
            clicked.add(target.id);
            clicks.push(await clickOnce(session, target, settings.zoomLimitMs));
          }
          const value = median(clicks.map((c) => c.ms));
          entry.runs.push({ value, clicks, zoomedTo });
          log(`  run ${run + 1}, ${size} events, ${widget.short}: ` +
            clicks.map((c) => `${c.under16 ? '< 16' : c.ms} ms${c.selected ? '' : ' (not selected)'}`).join(', '));
        } catch (error) {
          entry.errors.push(shortError(error));
          log(`  run ${run + 1}, ${size} events, ${widget.short}: error: ${shortError(error)}`);
        } finally {
          await session?.close();
        }
      }
    }
  }
  for (const widget of ctx.widgets) {
    const out = ctx.result(widget);
    out.click = {};
    for (const size of settings.clickSizes) {
      const entry = collected.get(`${widget.key} ${size}`);
      if (!entry) out.click[size] = { skipped: true };
      else if (!entry.runs.length) out.click[size] = { error: entry.errors[0] ?? 'no run' };
      else {
        const value = median(entry.runs.map((r) => r.value));
        const clicks = entry.runs.flatMap((r) => r.clicks);
        out.click[size] = {
          value,
          // Most clicks took less than the browser reports: the median is "< 16 ms".
          bound: value <= 16 && clicks.filter((c) => c.under16).length * 2 >= clicks.length ? '<' : undefined,
          notSelected: clicks.filter((c) => !c.selected).length,
          runs: entry.runs,
        };
      }
    }
  }
}
