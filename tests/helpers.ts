import { fixture, html, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import type { NewsTimeline } from '../src/news-timeline.js';

export const SMALL = new URL('./fixtures/small.json', import.meta.url).href;

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i += 1) await nextFrame();
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A timeline of the given width loaded from `src`, resolved once it has drawn. */
export async function loadedTimeline(src = SMALL, width = 1000, attrs = ''): Promise<NewsTimeline> {
  const container = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
  const element = document.createElement('news-timeline');
  for (const [name, value] of attrs ? new URLSearchParams(attrs) : []) element.setAttribute(name, value);
  const loaded = oneEvent(element, 'timeline-load');
  element.src = src;
  container.append(element);
  await loaded;
  await element.updateComplete;
  return element;
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
