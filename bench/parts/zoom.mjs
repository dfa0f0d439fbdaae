// Zoom: the main thread's time per zoom step (p95 over every step of every run), the DOM nodes
// the widget holds once zoomed, and the frames a 20-step Ctrl + wheel gesture drops.
import {
  busyUntilQuiet,
  calibrate,
  log,
  median,
  openBenchPage,
  percentile,
  render,
  settle,
  shortError,
  sleep,
  taskSeconds,
} from '../lib/browser.mjs';

/** Every node of the widget's container, shadow roots and what they hold included. */
function countNodes() {
  const count = (root) => {
    let n = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      n += 1;
      if (node.shadowRoot) n += count(node.shadowRoot);
    }
    return n;
  };
  const host = document.getElementById('host');
  // The container itself is the page's.
  return count(host) - 1;
}

/** Main-thread ms of each zoom step, given as real input: Ctrl + wheel, or a click for TimelineJS. */
async function zoomSteps(session, settings) {
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
    steps.push({ direction, ...(await busyUntilQuiet(session, before, settings.zoomLimitMs)) });
  }
  // Ctrl + wheel that a widget does not take becomes page zoom (or pinch zoom); the steps would mean nothing.
  const pageZoom = (await pageScale()) / scaleBefore;
  return { method, probeMs: session.probeMs, steps, pageZoom };
}

export async function zoomPart(ctx) {
  const { settings } = ctx;
  const collected = new Map();
  for (let run = 0; run < settings.runs; run++) {
    for (const size of settings.zoomSizes) {
      for (const widget of ctx.widgets) {
        if (size > widget.maxZoomEvents) continue;
        const k = `${widget.key} ${size}`;
        const entry = collected.get(k) ?? { runs: [], errors: [] };
        collected.set(k, entry);
        let session;
        try {
          session = await openBenchPage(ctx.browser, ctx.baseUrl, widget);
          await render(session, widget.convert(ctx.events(size)), settings.renderLimitMs);
          await calibrate(session, settings.zoomLimitMs);
          const zoom = await zoomSteps(session, settings);
          if (size === settings.domSize) zoom.nodes = await session.page.evaluate(countNodes);
          entry.runs.push(zoom);
          const p95 = percentile(zoom.steps.map((s) => s.ms), 0.95);
          log(`  run ${run + 1}, ${size} events, ${widget.short}: p95 ${p95.toFixed(1)} ms (${zoom.method}): ` +
            zoom.steps.map((s) => s.ms.toFixed(1) + (s.cutOff ? '+' : '')).join(', ') +
            (zoom.nodes !== undefined ? `; ${zoom.nodes} DOM nodes` : ''));
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
    out.zoom = {};
    out.nodes = {};
    for (const size of settings.zoomSizes) {
      const entry = collected.get(`${widget.key} ${size}`);
      if (!entry) {
        out.zoom[size] = { skipped: true };
        continue;
      }
      if (!entry.runs.length) {
        out.zoom[size] = { error: entry.errors[0] ?? 'no run' };
        continue;
      }
      const steps = entry.runs.flatMap((r) => r.steps);
      const cut = steps.filter((s) => s.cutOff).length;
      out.zoom[size] = {
        value: percentile(steps.map((s) => s.ms), 0.95),
        // More than one step in twenty cut off: the p95 is only a lower bound.
        bound: cut > steps.length / 20 ? '>' : undefined,
        median: median(steps.map((s) => s.ms)),
        method: entry.runs[0].method,
        pageZoom: Math.max(...entry.runs.map((r) => Math.abs(r.pageZoom - 1))) + 1,
        probeMs: entry.runs.map((r) => r.probeMs),
        runs: entry.runs.map((r) => r.steps.map((s) => Number(s.ms.toFixed(2)))),
        cutOff: cut,
        errors: entry.errors,
      };
      const nodes = entry.runs.map((r) => r.nodes).filter((n) => n !== undefined);
      if (nodes.length) out.nodes[size] = { value: median(nodes), runs: nodes };
    }
  }
}

// —— The gesture ——————————————————————————————————————————————————————

/** Records animation-frame times and the wheel events' times in the page, until `benchGestureStop()`. */
function startRecorder() {
  const frames = [];
  const wheels = [];
  let recording = true;
  const frame = (time) => {
    frames.push(time);
    if (recording) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const onWheel = (event) => wheels.push(event.timeStamp);
  addEventListener('wheel', onWheel, { capture: true, passive: true });
  window.benchGestureStop = () => {
    recording = false;
    removeEventListener('wheel', onWheel, { capture: true });
    return { frames, wheels, now: performance.now() };
  };
}

const FRAME_MS = 1000 / 60;

/**
 * A gesture: `steps` Ctrl + wheel events 1/60 s apart, as a trackpad pinch sends them, sent
 * without waiting for the page (input that comes while it is busy waits in the browser's queue, as
 * a reader's does). Frames are counted from the first wheel event the page received until two frames
 * after the widget said the zoom ended (`timeline-zoom`), or the page went quiet.
 */
async function gesture(session, settings) {
  const { page, cdp } = session;
  const target = await page.evaluate(() => window.benchZoomTarget('in'));
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: target.x, y: target.y });
  await settle(session, settings.zoomLimitMs);
  const ended = page.evaluate(() => (window.benchZoomEnd ? window.benchZoomEnd() : null));
  await page.evaluate(startRecorder);
  const sent = [];
  const began = performance.now();
  for (let i = 0; i < settings.gestureSteps; i++) {
    const due = began + i * FRAME_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    sent.push(cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseWheel', x: target.x, y: target.y, deltaX: 0, deltaY: settings.gestureDelta, modifiers: 2,
    }));
  }
  await Promise.all(sent);
  const endAt = await Promise.race([ended, sleep(settings.zoomLimitMs).then(() => 'limit')]);
  await settle(session, settings.zoomLimitMs);
  const { frames, wheels } = await page.evaluate(() => window.benchGestureStop());
  const from = wheels[0];
  // The end the widget told, else the last frame before the page went quiet.
  const to = typeof endAt === 'number' ? endAt : frames[frames.length - 1];
  const gaps = [];
  for (let i = 1; i < frames.length; i++) {
    // A gap counts if any of it lies in the gesture; frames after the end are two more at most.
    if (frames[i] <= from || frames[i - 1] >= to) continue;
    gaps.push(frames[i] - frames[i - 1]);
  }
  const dropped = gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / FRAME_MS) - 1), 0);
  return {
    wheelsReceived: wheels.length,
    frames: gaps.length,
    dropped,
    longestFrame: Math.max(0, ...gaps),
    over: gaps.filter((gap) => gap > FRAME_MS * 1.5).length,
    ms: to - from,
    endTold: typeof endAt === 'number',
  };
}

export async function gesturePart(ctx) {
  const { settings } = ctx;
  const collected = new Map();
  for (let run = 0; run < settings.runs; run++) {
    for (const size of settings.gestureSizes) {
      for (const widget of ctx.widgets) {
        if (!widget.gesture || size > widget.maxEvents) continue;
        const k = `${widget.key} ${size}`;
        const entry = collected.get(k) ?? { runs: [], errors: [] };
        collected.set(k, entry);
        let session;
        try {
          session = await openBenchPage(ctx.browser, ctx.baseUrl, widget);
          await render(session, widget.convert(ctx.events(size)), settings.renderLimitMs);
          await calibrate(session, settings.zoomLimitMs);
          const result = await gesture(session, settings);
          entry.runs.push(result);
          log(`  run ${run + 1}, ${size} events, ${widget.short}: ${result.dropped} frames dropped in ${result.ms.toFixed(0)} ms ` +
            `(${result.frames} frames, longest ${result.longestFrame.toFixed(0)} ms, ${result.wheelsReceived} wheel events received)`);
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
    out.gesture = {};
    for (const size of settings.gestureSizes) {
      const entry = collected.get(`${widget.key} ${size}`);
      if (!entry) out.gesture[size] = { skipped: true };
      else if (!entry.runs.length) out.gesture[size] = { error: entry.errors[0] ?? 'no run' };
      else {
        out.gesture[size] = {
          value: median(entry.runs.map((r) => r.dropped)),
          longestFrame: median(entry.runs.map((r) => r.longestFrame)),
          runs: entry.runs,
        };
      }
    }
  }
}
