import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { NewsTimeline } from '../src/news-timeline.js';
import { SMALL, frames, shadow, storyData } from './helpers.js';

/** A page's fetch that answers only when the test says so. */
function heldFetch(): { release(): void; fail(): void; restore(): void } {
  const realFetch = window.fetch;
  let answer: (response: Response) => void = () => undefined;
  let refuse: (error: Error) => void = () => undefined;
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      answer = (response) => resolve(response);
      refuse = reject;
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      void input;
    })) as typeof fetch;
  return {
    release: () => void realFetch(SMALL).then(answer),
    fail: () => refuse(new TypeError('Failed to fetch')),
    restore: () => {
      window.fetch = realFetch;
    },
  };
}

/** An element in a container `width` px wide, with its data held back until the test lets it come. */
async function heldTimeline(width: number, style = ''): Promise<{ element: NewsTimeline; held: ReturnType<typeof heldFetch> }> {
  const container = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
  const held = heldFetch();
  const element = document.createElement('news-timeline');
  if (style) element.setAttribute('style', style);
  element.src = 'https://example.org/held.json';
  container.append(element);
  await element.updateComplete;
  await frames(2);
  return { element, held };
}

const heightOf = (element: Element) => element.getBoundingClientRect().height;

for (const width of [1200, 360]) {
  describe(`the element's height at ${width} px, whatever has arrived`, () => {
    it('is the same with no data, while loading and once the story is drawn', async () => {
      const empty = await fixture<HTMLDivElement>(html`<div style="width:${width}px"><news-timeline></news-timeline></div>`);
      const idle = empty.querySelector('news-timeline')!;
      await frames(2);
      const { element, held } = await heldTimeline(width);
      try {
        const loading = heightOf(element);
        expect(shadow(element).querySelector('.status[role="status"]'), 'the loading state shows').to.exist;
        const loaded = oneEvent(element, 'timeline-load');
        held.release();
        await loaded;
        await frames(3);
        expect(shadow(element).querySelectorAll('[data-event-id]').length).to.be.above(0);
        expect(heightOf(idle)).to.equal(760);
        expect(loading).to.equal(760);
        expect(heightOf(element)).to.equal(760);
      } finally {
        held.restore();
      }
    });

    it('is the same on an error as while loading', async () => {
      const { element, held } = await heldTimeline(width);
      try {
        const loading = heightOf(element);
        const failed = oneEvent(element, 'timeline-error');
        held.fail();
        await failed;
        await frames(2);
        expect(shadow(element).querySelector('[part="error"]')).to.exist;
        expect(heightOf(element)).to.equal(loading);
      } finally {
        held.restore();
      }
    });

    it('keeps the height the page sets, and the story drawn fits in it', async () => {
      const { element, held } = await heldTimeline(width, 'display: block; height: 640px');
      try {
        expect(heightOf(element)).to.equal(640);
        const loaded = oneEvent(element, 'timeline-load');
        held.release();
        await loaded;
        await frames(3);
        expect(heightOf(element)).to.equal(640);
        const host = element.getBoundingClientRect();
        const plot = shadow(element).querySelector('.plot')!.getBoundingClientRect();
        const overview = shadow(element).querySelector('.overview')!.getBoundingClientRect();
        expect(plot.bottom).to.be.at.most(overview.top + 0.5);
        expect(overview.bottom).to.be.at.most(host.bottom + 0.5);
      } finally {
        held.restore();
      }
    });

    it('holds the whole default story within the default height', async () => {
      const container = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
      const element = document.createElement('news-timeline');
      const loaded = oneEvent(element, 'timeline-load');
      element.data = await storyData();
      container.append(element);
      await loaded;
      await frames(3);
      const host = element.getBoundingClientRect();
      expect(host.height).to.equal(760);
      const plot = shadow(element).querySelector('.plot')!.getBoundingClientRect();
      const figures = shadow(element).querySelector('.figures');
      expect(figures, 'the figure chart is drawn').to.exist;
      expect(plot.bottom).to.be.at.most(shadow(element).querySelector('.overview')!.getBoundingClientRect().top + 0.5);
    });
  });
}
