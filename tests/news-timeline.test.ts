import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { NewsTimeline } from '../src/news-timeline.js';
import {
  SMALL,
  drawnIds,
  frames,
  loadedTimeline,
  mark,
  marks,
  plot,
  shadow,
  timelineWith,
  wait,
  wheel,
  zoomed,
} from './helpers.js';

const SPAN = (element: NewsTimeline) => +element.view.end - +element.view.start;

describe('news-timeline: drawing', () => {
  it('draws every event of the data as a mark or inside a cluster, one lane per type', async () => {
    const element = await loadedTimeline();
    expect(element.events.map((event) => event.id)).to.deep.equal([
      'talks-doha',
      'toll-1',
      'proposal-may',
      'cairo-round',
      'toll-2',
      'deal',
    ]);
    const { ids, clustered } = drawnIds(element);
    expect(ids.size + clustered).to.equal(6);
    const lanes = [...shadow(element).querySelectorAll<HTMLElement>('.lane')].map((lane) => lane.dataset.lane);
    expect(lanes).to.deep.equal(['talks', 'proposal', 'agreement']);
    expect(shadow(element).querySelector('.lane[data-lane="talks"] [data-event-id="talks-doha"]')).to.exist;
    expect(shadow(element).querySelector('.lane[data-lane="agreement"] [data-event-id="deal"]')).to.exist;
    // Figures are drawn on the figures track, at a height that follows their value.
    const low = mark(element, 'toll-1').getBoundingClientRect();
    const high = mark(element, 'toll-2').getBoundingClientRect();
    expect(high.top).to.be.below(low.top);
  });

  it('places marks in time order from left to right on a readable axis', async () => {
    const element = await loadedTimeline();
    const x = (id: string) => mark(element, id).getBoundingClientRect().left;
    expect(x('talks-doha')).to.be.below(x('proposal-may'));
    expect(x('proposal-may')).to.be.below(x('cairo-round'));
    expect(x('cairo-round')).to.be.below(x('deal'));
    const ticks = [...shadow(element).querySelectorAll('.axis .tick')].map((tick) => tick.textContent!.trim());
    expect(ticks.length).to.be.greaterThan(3);
    expect(ticks.join(' ')).to.match(/2024/);
  });

  it('draws a story that reaches beyond the dates a Date can hold, and zooms it without an error', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      const source = [{ url: 'https://example.com/x' }];
      const element = await timelineWith(
        [
          { id: 'bang', type: 'talks', date: '-13800000000', title: 'Big Bang', sources: source },
          { id: 'now', type: 'talks', date: '2024', title: 'Now', sources: source },
        ],
        1000,
      );
      expect(Number.isFinite(+element.view.start) && Number.isFinite(+element.view.end)).to.equal(true);
      expect(drawnIds(element).ids).to.deep.equal(new Set(['bang', 'now']));
      const ended = zoomed(element);
      wheel(element, { deltaY: -100, ctrlKey: true });
      await ended;
      expect(+element.view.end - +element.view.start).to.be.above(0);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('every mark carries its event id and part="event"', async () => {
    const element = await loadedTimeline();
    for (const node of marks(element)) expect(node.getAttribute('part')).to.contain('event');
  });
});

describe('news-timeline: detail', () => {
  it('opens the detail on click, with title, date at its precision, place, summary and new-tab links', async () => {
    const element = await loadedTimeline();
    const selected = oneEvent(element, 'timeline-select');
    mark(element, 'talks-doha').click();
    const { detail } = await selected;
    expect(detail.id).to.equal('talks-doha');
    expect(detail.event.title).to.equal('Talks in Doha');
    await element.updateComplete;
    expect(element.getAttribute('selected')).to.equal('talks-doha');
    const panel = shadow(element).querySelector<HTMLElement>('[part="detail"]')!;
    expect(panel).to.exist;
    expect(panel.querySelector('h2')!.textContent).to.equal('Talks in Doha');
    expect(panel.textContent).to.match(/January 10, 2024|10 January 2024/);
    expect(panel.textContent).to.contain('Doha, Qatar');
    expect(panel.textContent).to.contain('Delegations met in Doha');
    const links = [...panel.querySelectorAll('a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.com/doha', 'https://example.org/doha-2']);
    for (const link of links) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    }
  });

  it('shows a month-precision date without a day', async () => {
    const element = await loadedTimeline();
    element.select('proposal-may');
    await element.updateComplete;
    const meta = shadow(element).querySelector('[part="detail"] .meta')!.textContent!;
    expect(meta).to.contain('May 2024');
    expect(meta).not.to.match(/\b1\b/);
  });

  it('setting `selected` opens the detail and Escape closes it', async () => {
    const element = await loadedTimeline();
    element.setAttribute('selected', 'deal');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="detail"] h2')!.textContent).to.equal('Agreement signed');
    const cleared = oneEvent(element, 'timeline-select');
    shadow(element)
      .querySelector('[part="detail"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect((await cleared).detail).to.deep.equal({ id: null, event: null });
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="detail"]')).to.equal(null);
    expect(element.hasAttribute('selected')).to.equal(false);
  });
});

describe('news-timeline: zoom and pan', () => {
  it('Ctrl + wheel zooms in around the pointer and fires one timeline-zoom', async () => {
    const element = await loadedTimeline();
    const before = SPAN(element);
    const ended = zoomed(element);
    const event = wheel(element, { deltaY: -100, ctrlKey: true });
    expect(event.defaultPrevented).to.equal(true);
    const { detail } = await ended;
    expect(SPAN(element)).to.be.below(before * 0.9);
    expect(+detail.start).to.equal(+element.view.start);
  });

  it('a plain wheel leaves the view alone, lets the page scroll and shows a hint', async () => {
    const element = await loadedTimeline();
    const before = element.view;
    const event = wheel(element, { deltaY: 100 });
    expect(event.defaultPrevented).to.equal(false);
    await wait(200);
    expect(+element.view.start).to.equal(+before.start);
    expect(+element.view.end).to.equal(+before.end);
    await element.updateComplete;
    const hint = shadow(element).querySelector('.hint')!;
    expect(hint.classList.contains('shown')).to.equal(true);
    expect(hint.textContent).to.match(/Ctrl|⌘/);
  });

  it('a horizontal wheel pans', async () => {
    const element = await loadedTimeline();
    element.zoomTo('2024-04-01', '2024-06-01');
    await zoomed(element);
    const before = +element.view.start;
    const ended = zoomed(element);
    const event = wheel(element, { deltaX: 200 });
    expect(event.defaultPrevented).to.equal(true);
    await ended;
    expect(+element.view.start).to.be.above(before);
  });

  it('the buttons zoom in, out and fit all', async () => {
    const element = await loadedTimeline();
    const full = SPAN(element);
    const button = (action: string) =>
      shadow(element).querySelector<HTMLButtonElement>(`[part="controls"] [data-action="${action}"]`)!;
    expect(button('zoom-in').getAttribute('aria-label')).to.equal('Zoom in');
    let ended = zoomed(element);
    button('zoom-in').click();
    await ended;
    expect(SPAN(element)).to.be.closeTo(full / 2, full * 0.01);
    ended = zoomed(element);
    button('zoom-in').click();
    await ended;
    ended = zoomed(element);
    button('zoom-out').click();
    await ended;
    expect(SPAN(element)).to.be.closeTo(full / 2, full * 0.01);
    ended = zoomed(element);
    button('fit').click();
    await ended;
    expect(SPAN(element)).to.be.closeTo(full, full * 0.001);
  });

  it('zoomTo shows the window asked for; zoom never goes below one day or beyond fit-all', async () => {
    const element = await loadedTimeline();
    const full = SPAN(element);
    element.zoomTo('2024-05-01', '2024-06-01');
    await zoomed(element);
    expect(element.view.start.toISOString()).to.equal('2024-05-01T00:00:00.000Z');
    expect(element.view.end.toISOString()).to.equal('2024-06-01T00:00:00.000Z');
    element.zoomTo('2024-05-01T00:00Z', '2024-05-01T01:00Z');
    await zoomed(element);
    expect(SPAN(element)).to.be.closeTo(86_400_000, 1000);
    element.zoomOut();
    await zoomed(element);
    element.resetZoom();
    await zoomed(element);
    element.zoomOut();
    await zoomed(element);
    expect(SPAN(element)).to.be.closeTo(full, 1000);
  });

  it('dragging the plot pans the window', async () => {
    const element = await loadedTimeline();
    element.zoomTo('2024-04-01', '2024-06-01');
    await zoomed(element);
    const before = +element.view.start;
    const target = plot(element);
    const box = target.getBoundingClientRect();
    const y = box.top + 5;
    target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: box.left + 500, clientY: y, button: 0, view: window }));
    window.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: box.left + 400, clientY: y, view: window }));
    window.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: box.left + 300, clientY: y, view: window }));
    const ended = zoomed(element);
    window.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: box.left + 300, clientY: y, view: window }));
    await ended;
    // 200 px to the left in a 61-day window 1000 px wide is about 12 days later.
    const days = (+element.view.start - before) / 86_400_000;
    expect(days).to.be.closeTo(12.2, 1);
  });
});

describe('news-timeline: loading', () => {
  it('loads from the data property, which wins over src', async () => {
    const element = await fixture<NewsTimeline>(html`<news-timeline src="/does-not-exist.json"></news-timeline>`);
    const loaded = oneEvent(element, 'timeline-load');
    element.data = [
      { id: 'a', type: 'talks', date: '2025-01-02', title: 'First', sources: [{ url: 'https://example.com/a' }] },
      { id: 'b', type: 'proposal', date: '2025-02-03', title: 'Second', sources: [{ url: 'https://example.com/b' }] },
    ];
    const { detail } = await loaded;
    expect(detail.events).to.equal(2);
    await element.updateComplete;
    expect(drawnIds(element).ids).to.deep.equal(new Set(['a', 'b']));
    expect(shadow(element).querySelector('[part="error"]')).to.equal(null);
  });

  it('loads from an inline JSON script', async () => {
    const container = await fixture<HTMLDivElement>(html`<div style="width:800px"></div>`);
    container.innerHTML = `<news-timeline><script type="application/json">
      {"events":[{"id":"inline-1","type":"talks","date":"2023-11-22","title":"Inline event","sources":[{"url":"https://example.com"}]}]}
    </script></news-timeline>`;
    const element = container.querySelector('news-timeline')!;
    if (!element.events.length) await oneEvent(element, 'timeline-load');
    await element.updateComplete;
    expect(element.events.map((event) => event.id)).to.deep.equal(['inline-1']);
    expect(mark(element, 'inline-1')).to.exist;
  });

  it('loads CSV from src', async () => {
    const element = await loadedTimeline(new URL('./fixtures/small.csv', import.meta.url).href);
    expect(element.events.map((event) => event.title)).to.deep.equal(['Talks in Doha', 'A proposal']);
  });

  it('a 404 shows the error panel and fires timeline-error', async () => {
    const element = await fixture<NewsTimeline>(html`<news-timeline></news-timeline>`);
    const failed = oneEvent(element, 'timeline-error');
    element.src = '/tests/fixtures/missing.json';
    const { detail } = await failed;
    expect(detail.message).to.contain('not found');
    await element.updateComplete;
    const panel = shadow(element).querySelector('[part="error"]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(panel.textContent).to.contain('404');
    expect(panel.textContent).to.contain('missing.json');
    expect(panel.querySelector('button.retry')).to.exist;
  });

  it('invalid JSON shows the error panel naming the problem', async () => {
    const element = await fixture<NewsTimeline>(html`<news-timeline></news-timeline>`);
    const failed = oneEvent(element, 'timeline-error');
    element.src = new URL('./fixtures/truncated.json', import.meta.url).href;
    const { detail } = await failed;
    expect(detail.problems.length).to.be.greaterThan(0);
    await element.updateComplete;
    const panel = shadow(element).querySelector('[part="error"]')!;
    expect(panel.textContent).to.contain('could not be read');
    expect(marks(element)).to.have.length(0);
  });

  it('a newer src overtakes a slower load', async () => {
    const element = await fixture<NewsTimeline>(html`<news-timeline></news-timeline>`);
    let loads = 0;
    element.addEventListener('timeline-load', () => (loads += 1));
    element.src = SMALL;
    const loaded = oneEvent(element, 'timeline-load');
    element.src = new URL('./fixtures/small.csv', import.meta.url).href;
    await loaded;
    await frames(4);
    expect(loads).to.equal(1);
    expect(element.events).to.have.length(2);
  });
});
