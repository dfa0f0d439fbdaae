import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  frames,
  generatedStory,
  loadedTimeline,
  mark,
  marks,
  nextFrame,
  plot,
  shadow,
  showWindow,
  span,
  storyData,
  timelineWith,
  wheel,
  zoomed,
} from '../helpers.js';

/** Every layer a gesture moves as a whole, with its transform now. */
function layers(element: Parameters<typeof plot>[0]): string[] {
  return [...plot(element).querySelectorAll<HTMLElement | SVGElement>('[data-zoom-layer]')].map((layer) => layer.style.transform);
}

/** Where each drawn mark stands now, by its key. */
function positions(element: Parameters<typeof plot>[0]): Map<string, string> {
  return new Map(
    [...plot(element).querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-key]')].map((mark) => [
      mark.dataset.eventId ?? mark.dataset.clusterKey!,
      mark.style.transform,
    ]),
  );
}

describe('views/chart: with many events a gesture moves the drawn chart as layers, the layout follows when it settles', () => {
  it('the first Ctrl + wheel step of a gesture is laid out in full at once, and it stays so when the gesture ends', async () => {
    const element = await timelineWith(generatedStory(3000));
    const before = positions(element);
    const ended = zoomed(element);
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    // Nothing stretched: no layer is moved, and the marks themselves stand at new places.
    for (const transform of layers(element)) expect(transform).to.equal('');
    const after = positions(element);
    expect([...after].filter(([key, place]) => before.has(key) && before.get(key) !== place).length).to.be.greaterThan(5);
    await ended;
    await element.updateComplete;
    for (const transform of layers(element)) expect(transform).to.equal('');
    expect(positions(element)).to.deep.equal(after);
  });

  it('the later steps of a Ctrl + wheel gesture move the marks as layers; once it ends they are laid out again, with no transform left', async () => {
    const element = await timelineWith(generatedStory(3000));
    const ended = zoomed(element);
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    const first = shadow(element).querySelector('[data-event-id],[data-cluster-count]')!;
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    const moving = layers(element);
    expect(moving.length).to.be.greaterThan(2);
    for (const transform of moving) expect(transform).to.match(/^matrix\(/);
    // Still the marks drawn at the first step: nothing was laid out again yet.
    expect(first.isConnected).to.equal(true);
    await ended;
    await element.updateComplete;
    for (const transform of layers(element)) expect(transform).to.equal('');
  });

  it('an animated zoom moves the layers at each frame and lands on the window asked for, laid out again', async () => {
    const element = await timelineWith(generatedStory(3000));
    // Half as wide, around the middle: near enough for the drawn chart to be moved while it animates.
    const { start, end } = element.view;
    const quarter = Math.round((+end - +start) / 4);
    const asked = [new Date(+start + quarter), new Date(+end - quarter)];
    let done = false;
    const ended = zoomed(element).then((event) => ((done = true), event));
    element.zoomTo(asked[0], asked[1]);
    // Every frame drawn on the way (how many depends on how often this page gets one) moves the layers.
    while (!done) {
      await nextFrame();
      const now = [+element.view.start, +element.view.end];
      if (done || (now[0] === +start && now[1] === +end)) continue;
      const moving = layers(element);
      expect(moving.length).to.be.greaterThan(2);
      for (const transform of moving) expect(transform).to.match(/^matrix\(/);
    }
    const { detail } = await ended;
    expect([+detail.start, +detail.end]).to.deep.equal(asked.map(Number));
    await element.updateComplete;
    for (const transform of layers(element)) expect(transform).to.equal('');
  });

  it('a story of a few events is laid out in full at every frame of a gesture: nothing is stretched', async () => {
    const element = await loadedTimeline();
    const ended = zoomed(element);
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    for (const transform of layers(element)) expect(transform).to.equal('');
    await ended;
  });
});

describe('views/chart: spans and precision', () => {
  it("a span's mark runs from its start through the whole of its last day", async () => {
    const element = await loadedTimeline();
    await showWindow(element, '2024-08-01', '2024-09-01');
    // 15 to 18 August: four days, so the bar ends where 19 August begins.
    const box = mark(element, 'cairo-round').getBoundingClientRect();
    const left = plot(element).getBoundingClientRect().left;
    const pxPerDay = 1000 / 31;
    expect(box.left - left).to.be.closeTo(14 * pxPerDay, 1);
    expect(box.width).to.be.closeTo(4 * pxPerDay, 1);
  });

  it('an event of one minute past midnight "until" that day is drawn as a bar to the end of the day', async () => {
    const source = [{ url: 'https://example.com/x' }];
    const element = await timelineWith(
      [
        { id: 'first', type: 'talks', date: '2024-12-20', title: 'First', sources: source },
        { id: 'night', type: 'talks', date: '2024-12-31T00:01Z', end: '2024-12-31', title: 'Through the last night', sources: source },
        { id: 'last', type: 'talks', date: '2025-01-10', title: 'Last', sources: source },
      ],
      1000,
    );
    await showWindow(element, '2024-12-30', '2025-01-02');
    const node = mark(element, 'night');
    const box = node.getBoundingClientRect();
    const pxPerDay = 1000 / 3;
    expect(node.classList.contains('span')).to.equal(true);
    expect(box.width).to.be.closeTo(pxPerDay, 2);
  });

  it('an event known only to its month is drawn across the month, not on the 1st', async () => {
    const element = await loadedTimeline();
    await showWindow(element, '2024-04-01', '2024-07-01');
    const node = mark(element, 'proposal-may');
    const box = node.getBoundingClientRect();
    const left = plot(element).getBoundingClientRect().left;
    const pxPerDay = 1000 / 91;
    expect(node.classList.contains('period')).to.equal(true);
    expect(box.left - left).to.be.closeTo(30 * pxPerDay, 1);
    expect(box.width).to.be.closeTo(31 * pxPerDay, 1);
  });

  it('a month too narrow for a bar is still drawn as a period, centred on its month', async () => {
    const source = [{ url: 'https://example.com/x' }];
    const element = await timelineWith(
      [
        { id: 'first', type: 'talks', date: '2015-01-10', title: 'First', sources: source },
        { id: 'may', type: 'proposal', date: '2020-05', title: 'Some time in May', sources: source },
        { id: 'year', type: 'proposal', date: '2022', title: 'Some time in 2022', sources: source },
        { id: 'last', type: 'talks', date: '2025-01-10', title: 'Last', sources: source },
      ],
      1000,
    );
    const scale = (iso: string) =>
      ((Date.parse(iso) - +element.view.start) / span(element)) * 1000 + plot(element).getBoundingClientRect().left;
    const may = mark(element, 'may');
    const box = may.getBoundingClientRect();
    expect(may.classList.contains('period')).to.equal(true);
    expect((box.left + box.right) / 2).to.be.closeTo((scale('2020-05-01') + scale('2020-06-01')) / 2, 1);
    const year = mark(element, 'year').getBoundingClientRect();
    expect(year.left).to.be.closeTo(scale('2022-01-01'), 1);
    expect(year.right).to.be.closeTo(scale('2023-01-01'), 1);
  });
});

describe('views/chart: labels', () => {
  it('a shortened label ends in an ellipsis and its mark carries the full title', async () => {
    const element = await timelineWith(await storyData(), 360);
    const labels = [...shadow(element).querySelectorAll<HTMLElement>('.lane .label')];
    const short = labels.filter((label) => label.textContent!.endsWith('…'));
    expect(short.length).to.be.at.least(1);
    for (const label of short) {
      const id = label.dataset.labelFor!;
      const full = element.events.find((event) => event.id === id)!.title;
      expect(label.title).to.equal(full);
      expect(mark(element, id).title).to.equal(full);
      expect(full.startsWith(label.textContent!.slice(0, -1).trimEnd())).to.equal(true);
    }
  });

  it('a shortened label shows its full title on hover and opens its event on click', async () => {
    const element = await timelineWith(await storyData(), 360);
    const label = [...shadow(element).querySelectorAll<HTMLElement>('.lane .label')].find((node) => node.textContent!.endsWith('…'))!;
    expect(getComputedStyle(label).pointerEvents).to.equal('auto');
    const box = label.getBoundingClientRect();
    expect(shadow(element).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)).to.equal(label);
    const selected = oneEvent(element, 'timeline-select');
    label.click();
    expect((await selected).detail.id).to.equal(label.dataset.labelFor);
  });

  it('a mark with keyboard focus shows its full title', async () => {
    const element = await loadedTimeline();
    const target = mark(element, 'cairo-round');
    target.focus();
    await sendKeys({ press: 'Shift' });
    expect(target.matches(':focus-visible')).to.equal(true);
    const tip = getComputedStyle(target, '::before');
    expect(tip.content).to.equal('"Round of talks in Cairo"');
    expect(tip.position).to.equal('absolute');
  });

  it('lane names and the measure menu stay inside the chart on a phone, a long lane name shortened with an ellipsis', async () => {
    const element = await timelineWith(await storyData(), 360);
    const chart = shadow(element).querySelector('.chart')!.getBoundingClientRect();
    const names = [...shadow(element).querySelectorAll<HTMLElement>('.lane-label > span, .measure-switcher select')];
    expect(names.length).to.be.above(5);
    for (const name of names) {
      const box = name.getBoundingClientRect();
      expect(box.right, name.textContent!).to.be.at.most(chart.right);
      expect(box.left, name.textContent!).to.be.at.least(chart.left);
    }
    for (const name of names.filter((node) => node.tagName === 'SPAN' && node.scrollWidth > node.clientWidth)) {
      expect(getComputedStyle(name).textOverflow, name.textContent!).to.equal('ellipsis');
    }
  });

  it('marks stay in their lanes', async () => {
    const element = await timelineWith(await storyData(), 1000);
    for (const lane of shadow(element).querySelectorAll<HTMLElement>('.lane')) {
      const box = lane.getBoundingClientRect();
      for (const node of lane.querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-count]')) {
        const own = node.getBoundingClientRect();
        expect(own.top).to.be.at.least(box.top);
        expect(own.bottom).to.be.at.most(box.bottom);
      }
    }
    const figures = shadow(element).querySelector<HTMLElement>('.figures')!;
    const box = figures.getBoundingClientRect();
    const tabs = figures.querySelector('.measure-switcher')!.getBoundingClientRect();
    for (const node of figures.querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-count]')) {
      const own = node.getBoundingClientRect();
      expect(own.top, `${node.dataset.eventId ?? node.dataset.clusterKey} under the measure tabs`).to.be.at.least(tabs.bottom);
      expect(own.bottom).to.be.at.most(box.bottom);
    }
    expect(marks(element).length).to.be.above(20);
  });
});
