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
  /** A story where one title is too long for two lines on a phone, one event has a short chart label, and one is plain. */
  const LABELLED = [
    { id: 'long', type: 'talks', date: '2024-03-01', title: 'Delegations from the mediating countries meet the negotiating teams again in the capital after a pause of several weeks in which no meeting was held', sources: [{ url: 'https://example.com/1' }] },
    { id: 'short', type: 'proposal', date: '2024-06-01', label: 'New proposal', title: 'Mediators put forward a new proposal with three phases', sources: [{ url: 'https://example.com/2' }] },
    { id: 'plain', type: 'talks', date: '2024-09-01', title: 'Talks resume', sources: [{ url: 'https://example.com/3' }] },
  ];
  /** The text of a label as read: its lines, one after the other. */
  const labelText = (label: Element) => [...label.children].map((line) => line.textContent).join(' ');

  it('a label wraps to two lines before it is cut; a cut one ends in an ellipsis and carries the full title, as its mark does', async () => {
    const element = await timelineWith(LABELLED, 360);
    const label = shadow(element).querySelector<HTMLElement>('.lane .label[data-label-for="long"]')!;
    expect(label.children).to.have.length(2);
    expect(labelText(label).endsWith('…')).to.equal(true);
    const full = LABELLED[0].title;
    expect(label.title).to.equal(full);
    expect(mark(element, 'long').title).to.equal(full);
    expect(full.startsWith(labelText(label).slice(0, -1).trimEnd())).to.equal(true);
    // A label that fits is whole, and carries no tooltip of its own.
    const plain = shadow(element).querySelector<HTMLElement>('.lane .label[data-label-for="plain"]')!;
    expect([labelText(plain), plain.title]).to.deep.equal(['Talks resume', '']);
  });

  it('a label opens its event on click; a cut one shows its full title on hover', async () => {
    const element = await timelineWith(LABELLED, 360);
    const label = shadow(element).querySelector<HTMLElement>('.lane .label[data-label-for="long"]')!;
    expect(getComputedStyle(label).pointerEvents).to.equal('auto');
    const box = label.getBoundingClientRect();
    expect(shadow(element).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('.label')).to.equal(label);
    const selected = oneEvent(element, 'timeline-select');
    label.click();
    expect((await selected).detail.id).to.equal('long');
  });

  it('a mark with keyboard focus shows its full title, unless its label already shows all of it', async () => {
    const element = await timelineWith(LABELLED, 1000);
    const tip = async (id: string) => {
      const target = mark(element, id);
      target.focus();
      await sendKeys({ press: 'Shift' });
      expect(target.matches(':focus-visible')).to.equal(true);
      return getComputedStyle(target, '::before');
    };
    // A short chart label: the title in full on focus, under the mark's row.
    const short = await tip('short');
    expect(short.content).to.equal('"Mediators put forward a new proposal with three phases"');
    expect(short.position).to.equal('absolute');
    // The label is the whole title: nothing is printed over it.
    expect((await tip('plain')).content).to.equal('none');
    expect(shadow(element).querySelector('.label[data-label-for="plain"]')!.textContent).to.equal('Talks resume');
  });

  it('on a phone, the full title shown on focus stays inside the chart, whole', async () => {
    const element = await timelineWith(await storyData(), 360);
    const chart = shadow(element).querySelector('.chart')!.getBoundingClientRect();
    const tipped = [...shadow(element).querySelectorAll<HTMLElement>('.lane .mark[data-tip]')];
    expect(tipped.length).to.be.above(5);
    await sendKeys({ press: 'Shift' });
    for (const target of tipped) {
      target.focus();
      expect(target.matches(':focus-visible')).to.equal(true);
      const tip = getComputedStyle(target, '::before');
      expect(tip.content).to.equal(JSON.stringify(target.dataset.tip));
      // The title runs from one edge of its mark (the end one in the chart's far half), as wide as it is drawn.
      const width = parseFloat(tip.width);
      const box = target.getBoundingClientRect();
      const start = target.classList.contains('tip-end') ? box.right - width : box.left;
      expect(start, `${target.dataset.eventId}: its title cut at the left`).to.be.at.least(chart.left - 0.5);
      expect(start + width, `${target.dataset.eventId}: its title cut at the right`).to.be.at.most(chart.right + 0.5);
    }
  });

  it('a point\'s keyboard focus ring leaves the label beside it readable', async () => {
    const element = await timelineWith(await storyData(), 1200);
    await sendKeys({ press: 'Shift' });
    const labels = [...shadow(element).querySelectorAll<HTMLElement>('.lane .label[data-label-for]')];
    let checked = 0;
    for (const label of labels) {
      const target = shadow(element).querySelector<HTMLElement>(`.lane .mark[data-event-id="${label.dataset.labelFor}"]`);
      if (!target || target.matches('.span, .group')) continue;
      target.focus();
      const style = getComputedStyle(target);
      const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      const box = target.getBoundingClientRect();
      const text = label.getBoundingClientRect();
      const w = Math.min(box.right + reach, text.right) - Math.max(box.left - reach, text.left);
      const h = Math.min(box.bottom + reach, text.bottom) - Math.max(box.top - reach, text.top);
      expect(w > 0.5 && h > 0.5, `${label.dataset.labelFor}: the ring over "${label.textContent}"`).to.equal(false);
      checked++;
    }
    expect(checked).to.be.above(20);
  });

  it('lane names and the measure menu stay inside the chart on a phone, a long lane name shortened with an ellipsis', async () => {
    const element = await timelineWith(await storyData(), 360);
    const chart = shadow(element).querySelector('.chart')!.getBoundingClientRect();
    const names = [...shadow(element).querySelectorAll<HTMLElement>('.lane-label > span, .lane-label > bdi, .measure-switcher select')];
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

describe('views/chart: a selection draws again only what it changes', () => {
  /** The lane (its type) a mark is drawn in. */
  const laneOf = (node: Element) => node.closest<HTMLElement>('.lane')!.dataset.lane!;

  it('selecting a mark draws again the lanes of the marks it presses and releases, and the lanes with the tab stop it moves; the others are left as they were', async () => {
    const element = await loadedTimeline();
    const talks = mark(element, 'talks-doha');
    const proposal = mark(element, 'proposal-may');
    const deal = mark(element, 'deal');
    expect(new Set([laneOf(talks), laneOf(proposal), laneOf(deal)]).size).to.equal(3);
    const stop = shadow(element).querySelector<HTMLElement>('.lane [tabindex="0"]')!;
    // Each lane asks for its name when it is drawn: a lane not asked was not drawn again.
    // (The figure chart under the lanes shows the selection too: it is drawn again, and not counted here.)
    const lanes = new Set([...shadow(element).querySelectorAll<HTMLElement>('.lane')].map((lane) => lane.dataset.lane));
    const asked = new Set<string>();
    const { context } = element;
    const typeLabel = context.typeLabel;
    context.typeLabel = (type) => (lanes.has(type) && asked.add(type), typeLabel(type));
    try {
      proposal.click();
      await element.updateComplete;
      expect(element.selected).to.equal('proposal-may');
      expect([...asked].filter((type) => type !== laneOf(proposal) && type !== laneOf(stop))).to.deep.equal([]);
      expect(asked.has(laneOf(deal)) || laneOf(deal) === laneOf(stop)).to.equal(false);

      asked.clear();
      deal.click();
      await element.updateComplete;
      expect([...asked].sort()).to.deep.equal([laneOf(proposal), laneOf(deal)].sort());
      expect(asked.has(laneOf(talks))).to.equal(false);
    } finally {
      context.typeLabel = typeLabel;
    }
    // What the reader sees moved all the same: one mark pressed, and the tab stop with it.
    expect(proposal.getAttribute('aria-pressed')).to.equal('false');
    expect(deal.getAttribute('aria-pressed')).to.equal('true');
    expect([...shadow(element).querySelectorAll<HTMLElement>('.lane [tabindex="0"]')]).to.deep.equal([deal]);
  });
});

describe('views/chart: a zoom step restyles the marks alone', () => {
  it('no mark carries a custom property in its style, but the focused one: the room of its full title, kept through a zoom', async () => {
    const element = await timelineWith(await storyData(), 1200);
    const styled = () => [...shadow(element).querySelectorAll<HTMLElement>('.lane .mark')].filter((node) => node.getAttribute('style')?.includes('--'));
    expect(styled()).to.deep.equal([]);
    await sendKeys({ press: 'Shift' });
    const tipped = [...shadow(element).querySelectorAll<HTMLElement>('.lane .mark[data-tip]')];
    const target = tipped[tipped.length - 1];
    target.focus();
    const room = () => parseFloat(target.style.getPropertyValue('--_tip-room'));
    const box = target.getBoundingClientRect();
    const chart = shadow(element).querySelector('.chart')!.getBoundingClientRect();
    const expected = target.classList.contains('tip-end') ? box.right - chart.left : chart.right - box.left;
    expect(room()).to.be.within(expected - 6, expected);
    expect(styled()).to.deep.equal([target]);
    const ended = zoomed(element);
    wheel(element, { deltaY: -100, ctrlKey: true });
    await ended;
    await element.updateComplete;
    // Focus stays on the mark (or on the one that took its place): only it holds the room, for where it is now.
    const focused = shadow(element).activeElement as HTMLElement;
    if (focused?.dataset.tip !== undefined) {
      const now = focused.getBoundingClientRect();
      const left = focused.classList.contains('tip-end') ? now.right - chart.left : chart.right - now.left;
      expect(parseFloat(focused.style.getPropertyValue('--_tip-room'))).to.be.within(left - 6, left);
    }
    expect(styled().filter((node) => node !== focused)).to.deep.equal([]);
  });
});
