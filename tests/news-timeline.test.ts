import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { NewsTimeline } from '../src/news-timeline.js';
import {
  SMALL,
  drawnIds,
  frames,
  loadedTimeline,
  mark,
  marks,
  shadow,
  timelineWith,
  wheel,
  zoomed,
} from './helpers.js';


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
      const axis = () => [...shadow(element).querySelectorAll('.axis .tick')].map((tick) => tick.textContent).join(' ');
      const before = axis();
      const ended = zoomed(element);
      wheel(element, { deltaY: -100, ctrlKey: true });
      await ended;
      await element.updateComplete;
      // Zoomed in around 6.9 billion years ago: before any Date, so both ends are the earliest one.
      expect(+element.view.end).to.be.at.least(+element.view.start);
      expect(axis()).to.not.equal(before);
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
    expect(drawnIds(element).ids).to.deep.equal(new Set(['inline-1']));
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

describe('news-timeline: selection', () => {
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
