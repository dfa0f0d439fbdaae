// What every part of the benchmark shares: the browser, a fresh page per run, waiting for the main
// thread to go quiet, and the statistics.
import puppeteer from 'puppeteer-core';
import { chromeArgs, requireChrome } from '../../scripts/chrome.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const log = (...parts) => process.stderr.write(parts.join(' ') + '\n');

export function median(values) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile (0–1) of `values`, interpolated between the two nearest ranks. */
export function percentile(values, p) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export class TimeLimit extends Error {}

/** Rejects with TimeLimit after `ms`; the caller closes the page so the work behind it stops. */
export function withLimit(promise, ms) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimit(`no result within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export const shortError = (error) => String(error?.message ?? error).split('\n')[0].replace(/\s+/g, ' ').slice(0, 160);

export function launch() {
  return puppeteer.launch({
    executablePath: requireChrome(),
    args: chromeArgs,
    headless: true,
    protocolTimeout: 10 * 60_000,
  });
}

export const DESKTOP = { width: 1200, height: 800 };
/** A phone: 360 CSS px wide, two device pixels to one, touch. */
export const PHONE = { width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * A page of its own (own browser context, so its own renderer, cache and heap), not yet navigated.
 * `cpu`: CPU slowdown factor, set before the first navigation (it holds for later same-site ones).
 */
export async function freshPage(browser, { viewport = DESKTOP, cpu = 1, onResponse, onFailed } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(shortError(e)));
  if (onResponse) page.on('response', onResponse);
  if (onFailed) page.on('requestfailed', onFailed);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const close = () => withLimit(context.close(), 15_000).catch(() => {});
  return { page, cdp, errors, close, probeMs: 0 };
}

/**
 * A fresh page at `widget`'s bench page (bench/pages), once its library has loaded.
 * With `tolerateNotReady`, a library that fails to load is reported in `notReady` instead of thrown.
 */
export async function openBenchPage(browser, baseUrl, widget, { tolerateNotReady = false, ...options } = {}) {
  const session = await freshPage(browser, options);
  const { page, errors, close } = session;
  try {
    await withLimit(page.goto(new URL(`bench/pages/${widget.page}`, baseUrl).href, { waitUntil: 'load' }), 60_000);
  } catch (error) {
    await close();
    throw new Error(errors[0] ?? shortError(error));
  }
  try {
    await withLimit(page.evaluate(() => window.benchReady), 60_000);
  } catch (error) {
    session.notReady = errors[0] ?? shortError(error);
    if (!tolerateNotReady) {
      await close();
      throw new Error(session.notReady);
    }
  }
  return session;
}

/** Hands `payload` to the page and returns ms until drawn, as the page measured it. */
export async function render(session, payload, limitMs) {
  try {
    return await withLimit(session.page.evaluate((data) => window.benchRender(data), payload), limitMs);
  } catch (error) {
    if (error instanceof TimeLimit) throw error;
    throw new Error(session.errors[0] ?? shortError(error));
  }
}

export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/** JS heap in use after a full garbage collection. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(100);
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize;
}

export const taskSeconds = async (cdp) => (await metrics(cdp)).TaskDuration;

/**
 * Main-thread ms that one `Performance.getMetrics` call itself costs the page (it runs there too),
 * so the figures can leave out the cost of being watched. The least of three calibrations, since
 * the page's own background work can only add to it.
 */
export async function probeCost(cdp) {
  const samples = [];
  for (let k = 0; k < 3; k++) {
    const first = await taskSeconds(cdp);
    for (let i = 0; i < 10; i++) await taskSeconds(cdp);
    samples.push(((await taskSeconds(cdp)) - first) * 1000 / 11);
  }
  return Math.min(...samples);
}

/**
 * Waits until the main thread has gone quiet: at least two frames (100 ms), then until busy time
 * grows by less than 0.5 ms (beyond the probe's own cost) over 150 ms, twice in a row, so work
 * scheduled later (animations, debounced redraws) is counted too. Returns the last reading, how
 * many readings it took, and whether it went quiet before `limitMs`.
 */
export async function settle(session, limitMs) {
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

/** Settles the page, then calibrates the probe on it (its own work would be taken for the probe's). */
export async function calibrate(session, limitMs) {
  session.probeMs = 0;
  await settle(session, limitMs);
  session.probeMs = await probeCost(session.cdp);
}

/** Main-thread ms from `before` (a TaskDuration reading) until quiet, less the cost of the readings. */
export async function busyUntilQuiet(session, before, limitMs) {
  const after = await settle(session, limitMs);
  const rawMs = (after.seconds - before) * 1000;
  return { ms: Math.max(0, rawMs - after.probes * session.probeMs), rawMs, probes: after.probes, cutOff: !after.quiet };
}
