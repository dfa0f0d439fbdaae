import { fixture, html, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import { LoadController, type LoadState } from '../src/controllers/load-controller.js';
import type { NewsTimeline } from '../src/news-timeline.js';
import { seededRandom } from '../scripts/seeded-random.mjs';

export const SMALL = new URL('./fixtures/small.json', import.meta.url).href;

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i += 1) await nextFrame();
}

/** Waits for an update, two frames, and any update they caused: what the element draws next is drawn. */
export async function redrawn(element: { updateComplete: Promise<unknown> }): Promise<void> {
  await element.updateComplete;
  await frames(2);
  await element.updateComplete;
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves once `condition` holds, looking every 20 ms. It waits for a thing to happen, however
 * slow the machine: the limit only ends a wait for something that never comes, with a message.
 */
export async function until(condition: () => boolean | Promise<boolean>, what = 'the condition', limitMs = 15_000): Promise<void> {
  const stop = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > stop) throw new Error(`waited ${limitMs / 1000} s for ${what}`);
    await wait(20);
  }
}

/**
 * Takes over the clock that d3's transitions read (performance.now), frozen where it is: an
 * animation then moves only as far as `advance(ms)` says, whatever the machine's speed, and each
 * frame shows the animation at that time. `restore()` gives the page its clock back.
 */
export function animationClock(): { advance(ms: number): Promise<void>; restore(): void } {
  let now = performance.now();
  performance.now = () => now;
  return {
    async advance(ms: number) {
      now += ms;
      await frames(2);
    },
    restore() {
      delete (performance as { now?: unknown }).now;
    },
  };
}

export interface TimelineOptions {
  /** URL of the data. */
  src?: string;
  /** The data itself, set through the `data` property (wins over `src`). */
  data?: unknown;
  /** Width of the element's container (px). Default 1000. */
  width?: number;
  /** Attributes of the element, as a record or as `name=value&…`. */
  attrs?: Record<string, string> | string;
  /** Attributes of the container (`lang`, `dir`, `style`). */
  container?: Record<string, string>;
  /** Set on the element before it is connected. */
  strings?: NewsTimeline['strings'];
}

/** A timeline in a container of its own, resolved once it has loaded its data and drawn it. */
export async function timeline(options: TimelineOptions = {}): Promise<NewsTimeline> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.style.width = `${options.width ?? 1000}px`;
  for (const [name, value] of Object.entries(options.container ?? {})) container.setAttribute(name, value);
  const element = document.createElement('news-timeline');
  const attrs = typeof options.attrs === 'string' ? new URLSearchParams(options.attrs) : Object.entries(options.attrs ?? {});
  for (const [name, value] of attrs) element.setAttribute(name, value);
  if (options.strings) element.strings = options.strings;
  const loaded = oneEvent(element, 'timeline-load');
  if (options.data !== undefined) element.data = options.data;
  else element.src = options.src ?? SMALL;
  container.append(element);
  await loaded;
  await element.updateComplete;
  await frames(2);
  await element.updateComplete;
  return element;
}

/** Shorthand: a timeline of the given width loaded from `src`. */
export function loadedTimeline(src = SMALL, width = 1000, attrs = ''): Promise<NewsTimeline> {
  return timeline({ src, width, attrs });
}

/** Shorthand: a timeline of the given width fed `data` through the property. */
export function timelineWith(data: unknown, width = 1000, attrs = ''): Promise<NewsTimeline> {
  return timeline({ data, width, attrs });
}

export function shadow(element: NewsTimeline): ShadowRoot {
  return element.shadowRoot!;
}

export function marks(element: NewsTimeline): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-count]')];
}

export function mark(element: NewsTimeline, id: string): HTMLElement {
  const found = shadow(element).querySelector<HTMLElement>(`[data-event-id="${id}"]`);
  if (!found) throw new Error(`no mark for ${id}`);
  return found;
}

/** The visible window's length (ms). */
export function span(element: NewsTimeline): number {
  return +element.view.end - +element.view.start;
}

/** Own marks and clusters of one lane or of the figure chart. */
export function drawnIn(node: Element): { own: string[]; clustered: number } {
  const own: string[] = [];
  let clustered = 0;
  for (const item of node.querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-count]')) {
    if (item.dataset.eventId) own.push(item.dataset.eventId);
    else clustered += Number(item.dataset.clusterCount);
  }
  return { own, clustered };
}

/** Ids drawn as their own marks, and the number of events counted in clusters. */
export function drawnIds(element: NewsTimeline): { ids: Set<string>; clustered: number } {
  const ids = new Set<string>();
  let clustered = 0;
  for (const node of marks(element)) {
    if (node.dataset.eventId) ids.add(node.dataset.eventId);
    else clustered += Number(node.dataset.clusterCount);
  }
  return { ids, clustered };
}

export function plot(element: NewsTimeline): HTMLElement {
  return shadow(element).querySelector<HTMLElement>('.plot')!;
}

/** A wheel event over the middle of the plot, as a mouse or a trackpad sends it. */
export function wheel(element: NewsTimeline, init: WheelEventInit): WheelEvent {
  const target = plot(element);
  const box = target.getBoundingClientRect();
  const event = new WheelEvent('wheel', {
    bubbles: true,
    cancelable: true,
    composed: true,
    clientX: box.left + box.width / 2,
    clientY: box.top + 40,
    deltaMode: 0,
    view: window,
    ...init,
  });
  target.dispatchEvent(event);
  return event;
}

/** Resolves on the next `timeline-zoom`. */
export function zoomed(element: NewsTimeline) {
  return oneEvent(element, 'timeline-zoom');
}

let storyJson: Promise<unknown> | undefined;

/** The default story (data/events.json), fetched once; each call gets its own copy. */
export async function storyData(): Promise<unknown> {
  storyJson ??= fetch('/data/events.json').then((response) => response.json());
  return structuredClone(await storyJson);
}

export type StoryOptions = Omit<TimelineOptions, 'src' | 'attrs'> & { attrs?: Record<string, string> };

/** Shorthand: a timeline of the default story (given through `data` unless other data is), 1200 px wide. */
export async function storyTimeline(options: StoryOptions = {}): Promise<NewsTimeline> {
  return timeline({ width: 1200, ...options, data: options.data ?? (await storyData()) });
}

/** The element that has focus, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The polite live region that announces selection and zoom. */
export function liveRegion(element: NewsTimeline): HTMLElement {
  return shadow(element).querySelector<HTMLElement>('.frame > [aria-live="polite"]')!;
}

/** Resolves once the element has settled: no zoom animation running, rendered. */
export async function settled(element: NewsTimeline, ms = 400): Promise<void> {
  await wait(ms);
  // A busy machine can stretch a 300 ms animation past any fixed wait: go on until the window
  // holds still from one pair of frames to the next.
  const at = () => `${+element.view.start}|${+element.view.end}`;
  for (let before = ''; before !== at(); ) {
    before = at();
    await element.updateComplete;
    await frames(2);
  }
  await element.updateComplete;
}

/** Shows the window from `start` to `end` and waits until it is drawn (a zoom asked for in code always ends with `timeline-zoom`). */
export async function showWindow(element: NewsTimeline, start: string | Date, end: string | Date): Promise<void> {
  let ended = false;
  element.addEventListener('timeline-zoom', () => (ended = true), { once: true });
  element.zoomTo(start, end);
  await until(() => ended, `the end of the zoom to ${String(start)} … ${String(end)}`);
  await element.updateComplete;
  await frames(1);
  await element.updateComplete;
}

/** A piece of text the reader sees in the chart, with the box it takes. */
export interface TextBox {
  kind: string;
  text: string;
  box: DOMRect;
}

/**
 * Every text of the chart that is shown (mark labels, lane names, axis labels; the figure chart's
 * tabs, value ticks, end and range labels), and of the toolbar (the title, the type chips in view).
 */
export function chartTexts(element: NewsTimeline): TextBox[] {
  const chart = shadow(element).querySelector('.chart');
  if (!chart) return [];
  const frame = chart.getBoundingClientRect();
  const out: TextBox[] = [];
  const legend = shadow(element).querySelector('.legend');
  const strip = legend?.getBoundingClientRect();
  for (const [kind, selector] of [['title', '.toolbar .title'], ['chip', '.legend button bdi']]) {
    for (const node of shadow(element).querySelectorAll(selector)) {
      const box = node.getBoundingClientRect();
      const text = node.textContent?.trim() ?? '';
      if (!text || box.width === 0) continue;
      // Chips scrolled out of the row are not shown.
      if (kind === 'chip' && strip && (box.right <= strip.left || box.left >= strip.right)) continue;
      out.push({ kind, text, box });
    }
  }
  const kinds: [string, string][] = [
    ['label', '.lane .label'],
    ['lane', '.lane-label'],
    ['tick', '.axis .tick:not(.context)'],
    ['context', '.axis .tick.context'],
    ['value', '.value-axis .value-tick'],
    ['tab', '.measure-tab'],
    ['end', '.end-label'],
    ['range', '.range-label'],
  ];
  for (const [kind, selector] of kinds) {
    for (const node of chart.querySelectorAll(selector)) {
      const box = node.getBoundingClientRect();
      const text = node.textContent?.trim() ?? '';
      if (!text || box.width === 0 || box.height === 0) continue;
      // The chart clips what lies outside it: that is not shown.
      if (box.right <= frame.left || box.left >= frame.right || box.bottom <= frame.top || box.top >= frame.bottom) continue;
      out.push({ kind, text, box });
    }
  }
  return out;
}

/** Pairs of texts whose boxes overlap by more than `slack` px both ways. */
export function overlappingTexts(texts: readonly TextBox[], slack = 0.5): string[] {
  const found: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].box;
      const b = texts[j].box;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > slack && h > slack) found.push(`${texts[i].kind} "${texts[i].text}" × ${texts[j].kind} "${texts[j].text}"`);
    }
  }
  return found;
}

const WORDS = ['talks', 'resume', 'in', 'Cairo', 'mediators', 'say', 'a', 'new', 'proposal', 'is', 'on', 'the', 'table', 'after', 'days', 'of', 'delay', 'delegation', 'returns', 'from', 'Doha'];

/**
 * A story of `count` events from 2016 to 2025 in native format: talks, proposals, a declared type
 * and casualty figures from two reporters; some spans, some known only to the month or the year.
 */
export function generatedStory(count: number, seed = 7): { title: string; types: Record<string, { label: string }>; events: unknown[] } {
  const random = seededRandom(seed);
  const from = Date.UTC(2016, 0, 1);
  const to = Date.UTC(2025, 11, 31);
  const types = ['talks', 'proposal', 'agreement', 'casualties'];
  const events: unknown[] = [];
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (let i = 0; i < count; i++) {
    const t = from + Math.floor(random() * (to - from));
    const type = types[Math.floor(random() * types.length)];
    const words = Array.from({ length: 2 + Math.floor(random() * 9) }, () => WORDS[Math.floor(random() * WORDS.length)]);
    const event: Record<string, unknown> = {
      id: `g${i}`,
      type,
      date: iso(t),
      title: `${words.join(' ')} ${i}`,
      sources: [{ url: `https://example.org/${i}`, publisher: 'Example Wire' }],
    };
    const roll = random();
    if (roll < 0.05) event.date = iso(t).slice(0, 7);
    else if (roll < 0.06) event.date = iso(t).slice(0, 4);
    else if (roll < 0.12) event.end = iso(t + (1 + Math.floor(random() * 20)) * 86_400_000);
    if (type === 'casualties' && random() < 0.9) {
      const value = Math.round((t - from) / 86_400_000) * 10;
      event.figures = [
        { label: 'Killed in the region since the first day of the war', value, reportedBy: 'Ministry of Health' },
        ...(random() < 0.5 ? [{ label: 'Killed in the region since the first day of the war', value: Math.round(value * 0.9), reportedBy: 'UN office' }] : []),
      ];
    }
    events.push(event);
  }
  return { title: 'Generated story', types: { agreement: { label: 'Agreements' } }, events };
}

/** A LoadController on a host of its own, which keeps every state a load settles in (ready or error) in `settled`. */
export function settlingLoader(settled: LoadState[]): LoadController {
  const loader: LoadController = new LoadController({
    addController() {},
    removeController() {},
    updateComplete: Promise.resolve(true),
    requestUpdate() {
      const { state } = loader;
      if (state.status === 'ready' || state.status === 'error') settled.push(state);
    },
  });
  return loader;
}
