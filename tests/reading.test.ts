import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { NewsTimeline } from '../src/news-timeline.js';
import type { TimelineEvent } from '../src/model/types.js';
import { figureSeries } from '../src/layout/figures.js';
import { precisionEnd } from '../src/layout/extent.js';
import { timeTicks } from '../src/layout/ticks.js';
import { scaleUtc } from 'd3-scale';
import {
  chartTexts,
  storyData,
  frames,
  generatedStory,
  liveRegion,
  loadedTimeline,
  mark,
  marks,
  nextFrame,
  overlappingTexts,
  plot,
  shadow,
  showWindow,
  SMALL,
  timelineWith,
  wait,
  wheel,
  zoomed,
} from './helpers.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** What the chart is laid out with (src/layout/geometry.ts GEOMETRY.minGap). */
const MIN_GAP = 26;
/**
 * How far outside the view (px) the layout may reach: marks are laid out up to minGap px beyond
 * it, and a cluster's members lie within about 2.4 · minGap px of where the cluster is (the zoom is
 * quantised to quarter doublings, so a cluster spans up to minGap · 2^¼ px, and so can its members).
 */
const REACH = MIN_GAP + 2.5 * MIN_GAP;

const span = (element: NewsTimeline) => +element.view.end - +element.view.start;
const root = (element: NewsTimeline) => shadow(element);
const chartBox = (element: NewsTimeline) => root(element).querySelector('.chart')!.getBoundingClientRect();

function overlapsWindow(event: TimelineEvent, t0: number, t1: number): boolean {
  return +event.date <= t1 && +precisionEnd(event) >= t0;
}

/** The events each lane and each figure series should draw, by where they are drawn. */
function expectedPlaces(element: NewsTimeline): { where: string; node: Element; groups: TimelineEvent[][] }[] {
  const events = element.events;
  const places: { where: string; node: Element; groups: TimelineEvent[][] }[] = [];
  for (const lane of root(element).querySelectorAll<HTMLElement>('.lane')) {
    const type = lane.dataset.lane!;
    const members = events.filter((event) => event.type === type && (type !== 'casualties' || !event.figures?.length));
    places.push({ where: `lane ${type}`, node: lane, groups: [members] });
  }
  const series = figureSeries(events);
  for (const panel of root(element).querySelectorAll<HTMLElement>('.figures')) {
    const label = panel.dataset.figureLabel!;
    const groups = series
      .filter((one) => one.label === label)
      .map((one) => [...new Map(one.points.map((point) => [point.event.id, point.event])).values()]);
    places.push({ where: `panel ${label}`, node: panel, groups });
  }
  return places;
}

/** Own marks and clusters of one lane or panel. */
function drawnIn(node: Element): { own: string[]; clustered: number } {
  const own: string[] = [];
  let clustered = 0;
  for (const item of node.querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-count]')) {
    if (item.dataset.eventId) own.push(item.dataset.eventId);
    else clustered += Number(item.dataset.clusterCount);
  }
  return { own, clustered };
}

/**
 * Checks that every event is its own mark or counted in a cluster: in each lane and series, the
 * marks stand for at least every event that overlaps the view, and for no event beyond the layout's
 * reach. At fit-all that is exactly every event.
 */
function checkEveryEventDrawn(element: NewsTimeline, fitAll: boolean): void {
  const t0 = +element.view.start;
  const t1 = +element.view.end;
  const width = chartBox(element).width;
  const reach = (REACH * (t1 - t0)) / width;
  for (const place of expectedPlaces(element)) {
    const { own, clustered } = drawnIn(place.node);
    const drawn = own.length + clustered;
    let inside = 0;
    let near = 0;
    for (const group of place.groups) {
      inside += group.filter((event) => overlapsWindow(event, t0, t1)).length;
      near += group.filter((event) => overlapsWindow(event, t0 - reach, t1 + reach)).length;
    }
    if (place.where.startsWith('lane')) {
      expect(new Set(own).size, `${place.where}: an event drawn twice`).to.equal(own.length);
    }
    if (fitAll) {
      const total = place.groups.reduce((n, group) => n + group.length, 0);
      expect(drawn, `${place.where} at fit-all`).to.equal(total);
    } else {
      expect(drawn, `${place.where}: events in view`).to.be.at.least(inside);
      expect(drawn, `${place.where}: events near the view`).to.be.at.most(near);
    }
  }
}

function checkTexts(element: NewsTimeline, what: string): void {
  const texts = chartTexts(element);
  expect(texts.filter((text) => text.kind === 'tick').length, `${what}: major ticks`).to.be.at.least(2);
  expect(overlappingTexts(texts), `${what}: overlapping texts`).to.deep.equal([]);
  const frame = chartBox(element);
  for (const text of texts) {
    if (text.kind !== 'tick' && text.kind !== 'context' && text.kind !== 'label' && text.kind !== 'value') continue;
    expect(text.box.left, `${what}: ${text.kind} "${text.text}" cut at the start`).to.be.at.least(frame.left - 0.5);
    expect(text.box.right, `${what}: ${text.kind} "${text.text}" cut at the end`).to.be.at.most(frame.right + 0.5);
  }
}

const LEVELS: Record<'story' | 'generated', [name: string, start?: string, end?: string][]> = {
  story: [
    ['fit-all'],
    ['one year', '2024-01-01', '2025-01-01'],
    ['one month', '2025-10-01', '2025-11-01'],
    ['one week', '2025-10-06', '2025-10-13'],
  ],
  generated: [
    ['fit-all'],
    ['one year', '2020-01-01', '2021-01-01'],
    ['one month', '2020-06-01', '2020-07-01'],
    ['one week', '2020-06-08', '2020-06-15'],
  ],
};

describe('reading: no overlapping text, every event drawn', function () {
  this.timeout(60000);
  for (const dataset of ['story', 'generated'] as const) {
    for (const width of [1000, 360]) {
      for (const [level, start, end] of LEVELS[dataset]) {
        it(`${dataset === 'story' ? 'data/events.json' : '10,000 generated events'} at ${level}, ${width} px`, async () => {
          const data = dataset === 'story' ? await storyData() : generatedStory(10_000);
          const element = await timelineWith(data, width);
          if (start && end) {
            await showWindow(element, start, end);
            expect(element.view.start.toISOString().slice(0, 10)).to.equal(start);
            expect(element.view.end.toISOString().slice(0, 10)).to.equal(end);
          }
          expect(root(element).querySelector('.plot')!.getBoundingClientRect().width).to.equal(width);
          checkTexts(element, `${level} at ${width}`);
          checkEveryEventDrawn(element, !start);
        });
      }
    }
  }

  it('every event of the default story has a place: a lane of its type or the figures track', async () => {
    const element = await timelineWith(await storyData(), 1000);
    const lanes = new Set([...root(element).querySelectorAll<HTMLElement>('.lane')].map((lane) => lane.dataset.lane));
    const panels = new Set([...root(element).querySelectorAll<HTMLElement>('.figures')].map((panel) => panel.dataset.figureLabel));
    const homeless = element.events
      .filter((event) => !lanes.has(event.type) && !event.figures?.some((figure) => panels.has(figure.label)))
      .map((event) => event.id);
    expect(homeless).to.deep.equal([]);
    expect(element.events).to.have.length(72);
  });

  it('the values of every figure panel are read at the same edge, at every zoom', async () => {
    const element = await timelineWith(await storyData(), 1000);
    const edges = () =>
      [...root(element).querySelectorAll<HTMLElement>('.figures')].map((panel) => [
        ...new Set([...panel.querySelectorAll('.value-labels text')].map((text) => text.getAttribute('text-anchor'))),
      ]);
    for (const window of [null, ['2023-10-01', '2024-04-01'], ['2025-06-01', '2025-12-01']] as const) {
      if (window) await showWindow(element, window[0], window[1]);
      const seen = edges();
      expect(seen.length).to.be.above(2);
      expect(new Set(seen.flat()).size, `${window ?? 'fit all'}: ${JSON.stringify(seen)}`).to.equal(1);
    }
  });
});

describe('reading: the time axis', () => {
  it('at one year names every month under the weeks (in short when the long names do not all fit)', async () => {
    // The demo's width, where weeks fit; whether "September 2024" fits in a month depends on the font.
    const element = await timelineWith(await storyData(), 1140);
    await showWindow(element, '2024-01-01', '2025-01-01');
    const context = [...root(element).querySelectorAll('.axis .tick.context')].map((tick) => tick.textContent!.trim());
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(context.slice(0, 12).map((label) => label.slice(0, 3))).to.deep.equal(months);
    for (const label of context.slice(0, 12)) expect(label).to.match(/^[A-Z][a-z]+ 2024$/);
    const major = [...root(element).querySelectorAll('.axis .tick:not(.context)')].map((tick) => tick.textContent!.trim());
    expect(major.slice(0, 4)).to.deep.equal(['1', '8', '15', '22']);
  });

  it('keeps edge labels inside the axis and shortens month names rather than leave a month out', () => {
    const scale = scaleUtc().domain([new Date('2024-01-01'), new Date('2025-01-01')]).range([0, 1140]);
    const ticks = timeTicks(scale, { locale: 'en', measure: (text) => text.length * 6, measureContext: (text) => text.length * 7 });
    expect(ticks.unit).to.equal('week');
    // "September 2024" (98 px) does not fit in September (93 px); "Sep 2024" does.
    expect(ticks.context.map((tick) => tick.label).slice(0, 3)).to.deep.equal(['Jan 2024', 'Feb 2024', 'Mar 2024']);
    // All twelve; "Jan 2025", moved inside from the end edge, would touch "Dec 2024" and is left out.
    expect(ticks.context.map((tick) => tick.label.slice(0, 3))).to.deep.equal(
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    );
    // Monday 1 January is at the start edge: its label starts there instead of sticking out by half.
    expect([ticks.major[0].label, ticks.major[0].x, ticks.major[0].left]).to.deep.equal(['1', 0, 0]);
    for (const tick of [...ticks.major, ...ticks.context]) {
      if (tick.unlabelled) continue;
      expect(tick.left!).to.be.within(0, 1140 - tick.width!);
    }
  });

  it('at one month names days, with the month once', async () => {
    const element = await timelineWith(await storyData(), 1000);
    await showWindow(element, '2025-10-01', '2025-11-01');
    const context = [...root(element).querySelectorAll('.axis .tick.context')].map((tick) => tick.textContent!.trim());
    expect(context).to.deep.equal(['October 2025', 'November 2025']);
    const major = [...root(element).querySelectorAll('.axis .tick:not(.context)')].map((tick) => tick.textContent!.trim());
    expect(major.slice(0, 3)).to.deep.equal(['1', '2', '3']);
  });

  it('localises its labels', async () => {
    const element = await timelineWith(await storyData(), 1000, 'locale=fr');
    await showWindow(element, '2025-10-01', '2025-11-01');
    const context = [...root(element).querySelectorAll('.axis .tick.context')].map((tick) => tick.textContent!.trim());
    expect(context[0]).to.equal('octobre 2025');
  });
});

describe('reading: 10,000 events', function () {
  this.timeout(60000);

  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('draws only what is in the window, clustering the rest; a pan step is laid out and drawn in under 50 ms', async () => {
    // Without animation, each step below is one layout and one render.
    await emulateMedia({ reducedMotion: 'reduce' });
    const element = await timelineWith(generatedStory(10_000), 1000);
    const fitAll = marks(element).length;
    // At most one mark per half gap in each lane and series, whatever the number of events.
    expect(fitAll).to.be.below(((1000 + 2 * MIN_GAP) / (MIN_GAP / 2)) * 8);
    await showWindow(element, '2020-06-08', '2020-06-15');
    const t0 = +element.view.start;
    const t1 = +element.view.end;
    const reach = (REACH * (t1 - t0)) / 1000;
    const near = element.events.filter((event) => overlapsWindow(event, t0 - reach, t1 + reach)).length;
    expect(marks(element).length).to.be.at.most(near + 2 * element.events.filter((event) => event.figures?.length === 2 && overlapsWindow(event, t0 - reach, t1 + reach)).length);
    expect(marks(element).length).to.be.below(200);

    await showWindow(element, '2020-01-01', '2021-01-01');
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const shift = (i % 2 ? -1 : 1) * 5 * DAY;
      element.zoomTo(new Date(+element.view.start + shift), new Date(+element.view.end + shift));
      await element.updateComplete;
      times.push(performance.now() - started);
      await wait(20);
    }
    times.sort((a, b) => a - b);
    // About 12 ms with Lit's development build; the bound leaves room for a busy machine.
    expect(times[10], `median of ${times.map(Math.round).join(', ')} ms`).to.be.below(50);
  });

  it('wheel events arriving faster than frames are drawn once per frame', async () => {
    const element = await timelineWith(generatedStory(10_000), 1000);
    let renders = 0;
    const render = element.render.bind(element);
    element.render = () => {
      renders++;
      return render();
    };
    let frameCount = 0;
    let counting = true;
    const count = () => {
      frameCount++;
      if (counting) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    // Each in its own task, as a trackpad sends them.
    for (let i = 0; i < 12; i++) {
      wheel(element, { deltaY: -10, ctrlKey: true });
      await wait(0);
    }
    await nextFrame();
    await element.updateComplete;
    counting = false;
    expect(renders).to.be.at.least(1);
    expect(renders, `${renders} renders in ${frameCount} frames`).to.be.at.most(frameCount);
    expect(renders).to.be.below(12);
  });
});

describe('reading: lanes and legend', () => {
  it('one labelled lane per type in a stable order, then the figures track, each type in its own colour and shape', async () => {
    const element = await timelineWith(await storyData(), 1000);
    const lanes = [...root(element).querySelectorAll<HTMLElement>('.lane')];
    expect(lanes.map((lane) => lane.dataset.lane)).to.deep.equal(['talks', 'proposal', 'agreement', 'decision', 'casualties']);
    expect(lanes.map((lane) => lane.querySelector('.lane-label')!.textContent!.trim())).to.deep.equal([
      'Talks',
      'Proposals',
      'Agreements',
      'Decisions and resolutions',
      'Casualties and hostages',
    ]);
    // The figures track comes after the lanes.
    const lastLane = lanes[lanes.length - 1].getBoundingClientRect();
    const panels = [...root(element).querySelectorAll<HTMLElement>('.figures')];
    expect(panels.map((panel) => panel.dataset.figureLabel)).to.include('Killed in Gaza');
    for (const panel of panels) expect(panel.getBoundingClientRect().top).to.be.at.least(lastLane.bottom - 1);
    // Each legend entry has its own colour and its own shape.
    const entries = [...root(element).querySelectorAll<HTMLElement>('[data-legend-type]')];
    expect(entries.map((entry) => entry.dataset.legendType)).to.deep.equal(['talks', 'proposal', 'agreement', 'decision', 'casualties']);
    const colours = entries.map((entry) => getComputedStyle(entry.querySelector('.swatch')!).color);
    const shapes = entries.map((entry) => entry.querySelector('.swatch path')!.getAttribute('d'));
    expect(new Set(colours).size).to.equal(entries.length);
    expect(new Set(shapes).size).to.equal(entries.length);
  });

  it('the legend turns a lane off and on', async () => {
    const element = await loadedTimeline();
    const button = () => root(element).querySelector<HTMLButtonElement>('[data-legend-type="proposal"]')!;
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    expect(root(element).querySelector('.lane[data-lane="proposal"]')).to.exist;
    button().click();
    await element.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(root(element).querySelector('.lane[data-lane="proposal"]')).to.equal(null);
    expect(root(element).querySelector('[data-event-id="proposal-may"]')).to.equal(null);
    // The lanes below move up into the room it leaves.
    const agreements = root(element).querySelector<HTMLElement>('.lane[data-lane="agreement"]')!;
    expect(agreements.style.top).to.equal('86px');
    button().click();
    await element.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    expect(mark(element, 'proposal-may')).to.exist;
    expect(root(element).querySelector<HTMLElement>('.lane[data-lane="agreement"]')!.style.top).to.equal('172px');
  });

  it('the legend turns the figures track off and on', async () => {
    const element = await loadedTimeline();
    const button = root(element).querySelector<HTMLButtonElement>('[data-legend-type="casualties"]')!;
    expect(root(element).querySelectorAll('.figures')).to.have.length(1);
    button.click();
    await element.updateComplete;
    expect(root(element).querySelectorAll('.figures')).to.have.length(0);
    expect(root(element).querySelector('[data-event-id="toll-1"]')).to.equal(null);
    button.click();
    await element.updateComplete;
    expect(mark(element, 'toll-1')).to.exist;
  });
});

describe('reading: spans and precision', () => {
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

describe('reading: clusters', () => {
  it('activating a cluster zooms to its events, which then come apart', async () => {
    const element = await timelineWith(await storyData(), 1000);
    const lane = root(element).querySelector<HTMLElement>('.lane[data-lane="talks"]')!;
    const cluster = lane.querySelector<HTMLElement>('[data-cluster-count]')!;
    expect(cluster).to.exist;
    const count = Number(cluster.dataset.clusterCount);
    const firstId = cluster.dataset.clusterKey!.replace(/^cluster:/, '');
    const laneEvents = element.events.filter((event) => event.type === 'talks');
    const own = new Set(drawnIn(lane).own);
    const from = laneEvents.findIndex((event) => event.id === firstId);
    const members = laneEvents.slice(from).filter((event) => !own.has(event.id)).slice(0, count);
    expect(members).to.have.length(count);
    const before = span(element);
    const ended = zoomed(element);
    cluster.click();
    await ended;
    await element.updateComplete;
    expect(span(element)).to.be.below(before / 4);
    expect(+element.view.start).to.be.at.most(+members[0].date);
    expect(+element.view.end).to.be.at.least(Math.max(...members.map((event) => +precisionEnd(event))));
    const after = drawnIn(root(element).querySelector('.lane[data-lane="talks"]')!);
    expect(after.own.filter((id) => members.some((event) => event.id === id)).length).to.be.at.least(1);
  });

  it('a cluster that no zoom can part opens its first event, whose next leads to the others', async () => {
    const source = [{ url: 'https://example.com/x' }];
    const element = await timelineWith(
      [
        { id: 'a', type: 'talks', date: '2025-10-08', title: 'Delegations meet', sources: source },
        { id: 'b', type: 'talks', date: '2025-10-08', title: 'Prisoner lists exchanged', sources: source },
        { id: 'c', type: 'talks', date: '2025-10-20', title: 'Follow-up', sources: source },
      ],
      1000,
    );
    await showWindow(element, '2025-10-07T12:00Z', '2025-10-08T12:00Z');
    const cluster = root(element).querySelector<HTMLElement>('[data-cluster-count="2"]')!;
    expect(cluster).to.exist;
    const selected = oneEvent(element, 'timeline-select');
    cluster.click();
    expect((await selected).detail.id).to.equal('a');
    await element.updateComplete;
    const next = [...root(element).querySelectorAll<HTMLButtonElement>('[part="detail"] .nav button')][1];
    next.click();
    await element.updateComplete;
    expect(element.selected).to.equal('b');
  });
});

describe('reading: zoom bounds', function () {
  this.timeout(30000);
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  async function limits() {
    const element = await loadedTimeline();
    return { element, full: span(element) };
  }

  it('Ctrl + wheel zooms in no further than one day and out no further than fit-all', async () => {
    const { element, full } = await limits();
    let ended = zoomed(element);
    for (let i = 0; i < 40; i++) wheel(element, { deltaY: -100, ctrlKey: true });
    await ended;
    expect(span(element)).to.be.closeTo(DAY, 1000);
    ended = zoomed(element);
    for (let i = 0; i < 40; i++) wheel(element, { deltaY: 100, ctrlKey: true });
    await ended;
    expect(span(element)).to.be.closeTo(full, 1000);
  });

  it('the zoom buttons stop at one day and at fit-all', async () => {
    const { element, full } = await limits();
    const button = (action: string) => root(element).querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
    for (let i = 0; i < 12; i++) button('zoom-in').click();
    await frames(2);
    expect(span(element)).to.be.closeTo(DAY, 1000);
    for (let i = 0; i < 12; i++) button('zoom-out').click();
    await frames(2);
    expect(span(element)).to.be.closeTo(full, 1000);
  });

  it('with times of day in the data, zoom goes down to half an hour and the axis marks minutes', async () => {
    const source = [{ url: 'https://example.com/x' }];
    const element = await timelineWith(
      [
        { id: 'a', type: 'talks', date: '2025-10-08T14:00Z', title: 'Delegations arrive', sources: source },
        { id: 'b', type: 'talks', date: '2025-10-08T14:20Z', title: 'Lists exchanged', sources: source },
        { id: 'c', type: 'talks', date: '2025-10-15', title: 'Follow-up', sources: source },
      ],
      1000,
    );
    await showWindow(element, '2025-10-08T14:00Z', '2025-10-08T15:00Z');
    expect(span(element)).to.equal(HOUR);
    // 20 minutes apart in an hour's window: two marks of their own.
    expect(drawnIn(root(element).querySelector('.lane')!).own).to.include.members(['a', 'b']);
    const labels = [...root(element).querySelectorAll('.axis .tick:not(.context)')].map((tick) => tick.textContent!.trim());
    expect(labels).to.include('2:15 PM');
    let ended = zoomed(element);
    for (let i = 0; i < 20; i++) wheel(element, { deltaY: -100, ctrlKey: true });
    await ended;
    expect(span(element)).to.be.closeTo(HOUR / 2, 1000);
    ended = zoomed(element);
    element.zoomTo('2025-10-08T14:00Z', '2025-10-08T14:01Z');
    await ended;
    expect(span(element)).to.equal(HOUR / 2);
  });

  it('the + and - keys stop at one day and at fit-all', async () => {
    const { element, full } = await limits();
    const key = (name: string) =>
      plot(element).dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
    for (let i = 0; i < 12; i++) key('+');
    await frames(2);
    expect(span(element)).to.be.closeTo(DAY, 1000);
    for (let i = 0; i < 12; i++) key('-');
    await frames(2);
    expect(span(element)).to.be.closeTo(full, 1000);
  });
});

describe('reading: motion', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('under prefers-reduced-motion a button zoom lands within one frame', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const element = await loadedTimeline();
    const full = span(element);
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    root(element).querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
    await nextFrame();
    expect(span(element)).to.be.closeTo(full / 2, full * 0.001);
    expect(zooms).to.equal(1);
  });

  it('a call during a zoom animation takes over: one timeline-zoom, on the window asked for last', async () => {
    const element = await loadedTimeline();
    const full = span(element);
    const ends: string[] = [];
    element.addEventListener('timeline-zoom', (event) => ends.push(event.detail.start.toISOString()));
    root(element).querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
    await wait(60);
    expect(span(element)).to.be.above(full / 2);
    const ended = zoomed(element);
    element.zoomTo('2024-03-01', '2024-04-01');
    await ended;
    await wait(400);
    expect(ends).to.deep.equal(['2024-03-01T00:00:00.000Z']);
    expect(element.view.end.toISOString()).to.equal('2024-04-01T00:00:00.000Z');
  });

  it('otherwise a button zoom animates', async () => {
    const element = await loadedTimeline();
    const full = span(element);
    const ended = zoomed(element);
    root(element).querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
    // Under reduced motion the window is already half as wide here.
    expect(span(element)).to.equal(full);
    await ended;
    expect(span(element)).to.be.closeTo(full / 2, full * 0.001);
  });

  it('turning reduced motion on while the timeline is shown takes effect', async () => {
    const element = await loadedTimeline();
    const full = span(element);
    await emulateMedia({ reducedMotion: 'reduce' });
    // Media query changes are reported with the next rendering.
    await frames(2);
    root(element).querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
    await nextFrame();
    expect(span(element)).to.be.closeTo(full / 2, full * 0.001);
  });
});

describe('reading: pointer gestures', () => {
  it('double-click zooms in ×2 around the pointer', async () => {
    const element = await loadedTimeline();
    const before = element.view;
    const box = plot(element).getBoundingClientRect();
    const x = 300;
    const under = +before.start + (x / 1000) * span(element);
    const ended = zoomed(element);
    plot(element).dispatchEvent(
      new MouseEvent('dblclick', { bubbles: true, composed: true, cancelable: true, clientX: box.left + x, clientY: box.top + 10, view: window }),
    );
    await ended;
    expect(span(element)).to.be.closeTo((+before.end - +before.start) / 2, 1000);
    expect(+element.view.start + (x / 1000) * span(element)).to.be.closeTo(under, 60_000);
  });

  /** Sends a mouse event of `type` at (`clientX`, `clientY`) to `target`, with the primary button. */
  function mouse(target: EventTarget, type: string, clientX: number, clientY: number): void {
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX, clientY, button: 0, view: window }));
  }

  it('double-click on a mark does not zoom', async () => {
    const element = await loadedTimeline();
    const before = element.view;
    const box = mark(element, 'talks-doha').getBoundingClientRect();
    mouse(mark(element, 'talks-doha'), 'dblclick', box.left + box.width / 2, box.top + box.height / 2);
    await wait(400);
    expect(+element.view.start).to.equal(+before.start);
    expect(+element.view.end).to.equal(+before.end);
  });

  it('a drag that starts on a mark moves the window and does not open the mark; a press in place opens it', async () => {
    const element = await loadedTimeline();
    await showWindow(element, '2024-01-01', '2024-03-01');
    const before = +element.view.start;
    const target = mark(element, 'talks-doha');
    const box = target.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const ended = zoomed(element);
    mouse(target, 'mousedown', x, y);
    mouse(window, 'mousemove', x - 50, y);
    mouse(window, 'mouseup', x - 50, y);
    mouse(target, 'click', x - 50, y);
    await ended;
    await element.updateComplete;
    expect(+element.view.start).to.be.above(before);
    expect(element.selected).to.equal(null);
    expect(root(element).querySelector('[part="detail"]')).to.equal(null);

    await wait(20);
    await element.updateComplete;
    const again = mark(element, 'talks-doha');
    const place = again.getBoundingClientRect();
    const [px, py] = [place.left + place.width / 2, place.top + place.height / 2];
    const view = element.view;
    mouse(again, 'mousedown', px, py);
    mouse(window, 'mouseup', px, py);
    mouse(again, 'click', px, py);
    await element.updateComplete;
    expect(element.selected).to.equal('talks-doha');
    expect(+element.view.start).to.equal(+view.start);
  });

  it('a press and release that moves nothing is no zoom: no timeline-zoom, nothing announced', async () => {
    const element = await loadedTimeline();
    await showWindow(element, '2024-01-01', '2024-03-01');
    await wait(50);
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    const said = liveRegion(element).textContent;
    const box = plot(element).getBoundingClientRect();
    const [x, y] = [box.left + 300, box.top + 5];
    mouse(plot(element), 'mousedown', x, y);
    mouse(window, 'mouseup', x, y);
    // A press on a mark, and one that wanders up and down only: the window stays where it was.
    const target = mark(element, 'talks-doha');
    const place = target.getBoundingClientRect();
    mouse(target, 'mousedown', place.left + 5, place.top + 5);
    mouse(window, 'mousemove', place.left + 5, place.top + 40);
    mouse(window, 'mouseup', place.left + 5, place.top + 40);
    await wait(300);
    await element.updateComplete;
    expect(zooms).to.equal(0);
    expect(liveRegion(element).textContent).to.equal(said);
  });

  it('in right to left the chart follows the pointer too: dragging to the right brings later times in from the left', async () => {
    const element = await loadedTimeline(SMALL, 1000, 'dir=rtl');
    await showWindow(element, '2024-04-01', '2024-06-01');
    const before = +element.view.start;
    const box = plot(element).getBoundingClientRect();
    const y = box.top + 5;
    const ended = zoomed(element);
    mouse(plot(element), 'mousedown', box.left + 300, y);
    mouse(window, 'mousemove', box.left + 400, y);
    mouse(window, 'mousemove', box.left + 500, y);
    mouse(window, 'mouseup', box.left + 500, y);
    await ended;
    // 200 px to the right in a 61-day window 1000 px wide, running right to left: about 12 days later.
    expect((+element.view.start - before) / DAY).to.be.closeTo(12.2, 1);
  });

  it('in right to left, ⌘ + wheel keeps the time under the pointer where it is', async () => {
    const element = await loadedTimeline(SMALL, 1000, 'dir=rtl');
    const box = plot(element).getBoundingClientRect();
    const x = 300;
    // x px from the left is (1000 - x) px from the start edge on the right.
    const under = () => +element.view.start + ((1000 - x) / 1000) * span(element);
    const before = { span: span(element), under: under() };
    const ended = zoomed(element);
    const event = wheel(element, { deltaY: -100, metaKey: true, clientX: box.left + x });
    expect(event.defaultPrevented).to.equal(true);
    await ended;
    expect(span(element)).to.be.closeTo(before.span / Math.SQRT2, before.span * 0.001);
    expect(under()).to.be.closeTo(before.under, 60_000);
  });

  it('a Ctrl + wheel gesture ends once no wheel came for 150 ms, with one timeline-zoom', async () => {
    const element = await loadedTimeline();
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    const ended = zoomed(element);
    let last = 0;
    for (let i = 0; i < 5; i++) {
      wheel(element, { deltaY: -20, ctrlKey: true });
      last = performance.now();
      await wait(20);
    }
    await ended;
    expect(performance.now() - last).to.be.at.least(149);
    await wait(300);
    expect(zooms).to.equal(1);
  });

  it('at the narrowest window a Ctrl + wheel to zoom in further is left to the browser', async () => {
    const element = await loadedTimeline();
    await showWindow(element, '2024-05-01', '2024-05-02');
    expect(span(element)).to.equal(DAY);
    expect(wheel(element, { deltaY: -100, ctrlKey: true }).defaultPrevented).to.equal(false);
    expect(wheel(element, { deltaY: 100, ctrlKey: true }).defaultPrevented).to.equal(true);
  });
});

describe('reading: touch', () => {
  function touch(target: Element, identifier: number, clientX: number, clientY: number): Touch {
    return new Touch({ identifier, target, clientX, clientY });
  }
  function send(target: Element, type: string, touches: Touch[], changed = touches): TouchEvent {
    const event = new TouchEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      touches,
      targetTouches: touches,
      changedTouches: changed,
    });
    target.dispatchEvent(event);
    return event;
  }

  /** A timeline showing April and May 2024, its plot, a finger's height in it, and the window's start. */
  async function twoMonths() {
    const element = await loadedTimeline();
    await showWindow(element, '2024-04-01', '2024-06-01');
    const target = plot(element);
    const box = target.getBoundingClientRect();
    return { element, target, box, y: box.top + 40, before: +element.view.start };
  }

  it('a two-finger pinch zooms around the fingers and fires one timeline-zoom', async () => {
    const element = await loadedTimeline();
    const target = plot(element);
    const box = target.getBoundingClientRect();
    const y = box.top + 40;
    const before = span(element);
    const startCentre = +element.view.start + 0.5 * before;
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    send(target, 'touchstart', [touch(target, 1, box.left + 400, y), touch(target, 2, box.left + 600, y)]);
    for (let step = 1; step <= 5; step++) {
      const move = send(target, 'touchmove', [touch(target, 1, box.left + 400 - step * 20, y), touch(target, 2, box.left + 600 + step * 20, y)]);
      expect(move.defaultPrevented).to.equal(true);
      await nextFrame();
    }
    send(target, 'touchend', [], [touch(target, 1, box.left + 300, y), touch(target, 2, box.left + 700, y)]);
    await frames(2);
    // The fingers moved from 200 px apart to 400 px: the window is half as wide, around the same middle.
    expect(span(element)).to.be.closeTo(before / 2, before * 0.02);
    expect(+element.view.start + 0.5 * span(element)).to.be.closeTo(startCentre, before * 0.01);
    expect(zooms).to.equal(1);
  });

  it('two fingers moving together pan', async () => {
    const { element, target, box, y, before } = await twoMonths();
    send(target, 'touchstart', [touch(target, 1, box.left + 400, y), touch(target, 2, box.left + 600, y)]);
    send(target, 'touchmove', [touch(target, 1, box.left + 300, y), touch(target, 2, box.left + 500, y)]);
    await nextFrame();
    send(target, 'touchend', [], [touch(target, 1, box.left + 300, y), touch(target, 2, box.left + 500, y)]);
    await frames(2);
    // 100 px to the left in a 61-day window 1000 px wide is 6.1 days later.
    expect((+element.view.start - before) / DAY).to.be.closeTo(6.1, 0.2);
  });

  it('when one of two fingers lifts, the other pans on; one timeline-zoom once both lifted', async () => {
    const { element, target, box, y, before } = await twoMonths();
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    const one = (x: number) => touch(target, 1, box.left + x, y);
    send(target, 'touchstart', [one(400), touch(target, 2, box.left + 600, y)]);
    send(target, 'touchend', [one(400)], [touch(target, 2, box.left + 600, y)]);
    const move = send(target, 'touchmove', [one(300)]);
    expect(move.defaultPrevented).to.equal(true);
    await nextFrame();
    expect(zooms).to.equal(0);
    send(target, 'touchend', [], [one(300)]);
    await frames(2);
    // 100 px to the left in a 61-day window 1000 px wide is 6.1 days later.
    expect((+element.view.start - before) / DAY).to.be.closeTo(6.1, 0.2);
    expect(zooms).to.equal(1);
  });

  it('one finger dragged sideways says that moving takes two fingers; up or down it says nothing', async () => {
    const element = await loadedTimeline();
    const target = plot(element);
    const box = target.getBoundingClientRect();
    const hint = () => root(element).querySelector('.hint')!;
    const y = box.top + 40;
    send(target, 'touchstart', [touch(target, 1, box.left + 500, y)]);
    send(target, 'touchmove', [touch(target, 1, box.left + 504, y - 60)]);
    send(target, 'touchend', [], [touch(target, 1, box.left + 504, y - 60)]);
    await element.updateComplete;
    await wait(700);
    expect(hint().classList.contains('shown')).to.equal(false);
    send(target, 'touchstart', [touch(target, 1, box.left + 500, y)]);
    send(target, 'touchmove', [touch(target, 1, box.left + 440, y + 3)]);
    await element.updateComplete;
    expect(hint().classList.contains('shown')).to.equal(true);
    expect(hint().textContent).to.contain('two fingers');
  });

  it('one finger leaves the page to scroll: nothing is prevented and the view stays', async () => {
    const element = await loadedTimeline();
    const target = plot(element);
    const box = target.getBoundingClientRect();
    const before = element.view;
    const x = box.left + 500;
    const start = send(target, 'touchstart', [touch(target, 1, x, box.top + 40)]);
    expect(start.defaultPrevented).to.equal(false);
    for (let step = 1; step <= 5; step++) {
      const move = send(target, 'touchmove', [touch(target, 1, x + step, box.top + 40 - step * 30)]);
      expect(move.defaultPrevented).to.equal(false);
    }
    const end = send(target, 'touchend', [], [touch(target, 1, x + 5, box.top - 110)]);
    expect(end.defaultPrevented).to.equal(false);
    await frames(2);
    expect(+element.view.start).to.equal(+before.start);
    expect(+element.view.end).to.equal(+before.end);
  });
});

describe('reading: the overview brush', () => {
  before(() => setViewport({ width: 1200, height: 900 }));

  async function zoomedIn() {
    const element = await loadedTimeline();
    const limits = [+element.view.start, +element.view.end];
    await showWindow(element, '2024-03-01', '2024-05-01');
    const strip = root(element).querySelector<HTMLElement>('.overview')!;
    strip.scrollIntoView({ block: 'center' });
    await frames(1);
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    return { element, strip, msPerPx: (limits[1] - limits[0]) / 1000, zooms: () => zooms };
  }

  async function drag(from: [number, number], to: [number, number]) {
    await sendMouse({ type: 'move', position: from.map(Math.round) as [number, number] });
    await sendMouse({ type: 'down' });
    for (let step = 1; step <= 4; step++) {
      const x = from[0] + ((to[0] - from[0]) * step) / 4;
      await sendMouse({ type: 'move', position: [Math.round(x), Math.round(to[1])] });
    }
    await sendMouse({ type: 'up' });
    await frames(2);
    await wait(50);
  }

  it('dragging the brush pans the view by as much time as the strip shows under the move', async () => {
    const { element, strip, msPerPx, zooms } = await zoomedIn();
    const before = element.view;
    const brush = strip.querySelector('.brush')!.getBoundingClientRect();
    const y = brush.top + brush.height / 2;
    const x = brush.left + brush.width / 2;
    await drag([x, y], [x + 120, y]);
    expect((+element.view.start - +before.start) / msPerPx).to.be.closeTo(120, 1);
    expect(span(element)).to.be.closeTo(+before.end - +before.start, 1000);
    expect(zooms()).to.equal(1);
  });

  it('dragging a handle resizes the window from that end', async () => {
    const { element, strip, msPerPx, zooms } = await zoomedIn();
    const before = element.view;
    const handle = strip.querySelector('.handle.end')!.getBoundingClientRect();
    const y = handle.top + handle.height / 2;
    const x = handle.left + handle.width / 2;
    await drag([x, y], [x + 60, y]);
    expect(+element.view.start).to.be.closeTo(+before.start, 1000);
    expect((+element.view.end - +before.end) / msPerPx).to.be.closeTo(60, 1);
    expect(zooms()).to.equal(1);
  });

  it('a press outside the brush centres the window there', async () => {
    const { element, strip, msPerPx, zooms } = await zoomedIn();
    const before = span(element);
    const box = strip.getBoundingClientRect();
    const limitsStart = +element.view.start - (strip.querySelector<HTMLElement>('.brush')!.getBoundingClientRect().left - box.left - 1) * msPerPx;
    const x = box.left + 700;
    await drag([x, box.top + box.height / 2], [x, box.top + box.height / 2]);
    const centre = (+element.view.start + +element.view.end) / 2;
    expect((centre - limitsStart) / msPerPx).to.be.closeTo(699, 2);
    expect(span(element)).to.be.closeTo(before, 1000);
    expect(zooms()).to.equal(1);
  });
});

describe('reading: size', () => {
  it('a timeline first shown out of a display:none container lays itself out', async () => {
    const container = await fixture<HTMLDivElement>(html`<div style="display:none;width:640px"></div>`);
    const element = document.createElement('news-timeline');
    const loaded = oneEvent(element, 'timeline-load');
    element.src = new URL('./fixtures/small.json', import.meta.url).href;
    container.append(element);
    await loaded;
    container.style.display = 'block';
    await frames(4);
    await element.updateComplete;
    expect(root(element).querySelector('.plot')!.getBoundingClientRect().width).to.equal(640);
    const left = root(element).querySelector('.plot')!.getBoundingClientRect().left;
    const xs = ['talks-doha', 'proposal-may', 'cairo-round', 'deal'].map((id) => mark(element, id).getBoundingClientRect().left - left);
    expect(xs[0]).to.be.above(0);
    expect(xs[3]).to.be.below(640);
    expect([...xs].sort((a, b) => a - b)).to.deep.equal(xs);
    expect(new Set(xs).size).to.equal(4);
  });

  it('the width follows the container', async () => {
    const element = await loadedTimeline();
    element.parentElement!.style.width = '420px';
    await frames(4);
    await element.updateComplete;
    expect(root(element).querySelector('.plot')!.getBoundingClientRect().width).to.equal(420);
    expect(root(element).querySelector('.overview svg')!.getBoundingClientRect().width).to.equal(420);
  });

  it('the height fits the lanes, the figures track and the axis', async () => {
    const element = await loadedTimeline();
    const plotBox = plot(element).getBoundingClientRect();
    const axis = root(element).querySelector('.axis')!.getBoundingClientRect();
    expect(axis.bottom).to.be.closeTo(plotBox.bottom, 1);
    const lanes = root(element).querySelectorAll('.lane');
    expect(lanes).to.have.length(3);
  });
});

describe('reading: the detail', () => {
  it('of a figure point lists its figures with who reported them, and its sources', async () => {
    const element = await timelineWith(await storyData(), 1000);
    await showWindow(element, '2025-01-01', '2025-02-01');
    const point = root(element).querySelector<HTMLElement>('.figures [data-event-id="gaza-toll-2025-01-19"]')!;
    expect(point).to.exist;
    point.click();
    await element.updateComplete;
    const detail = root(element).querySelector<HTMLElement>('[part="detail"]')!;
    expect(detail.querySelector('h2')!.textContent).to.equal('Gaza toll given as more than 46,000 or 47,000 as the truce begins');
    expect(detail.querySelector('time')!.textContent).to.equal('January 19, 2025');
    const figures = [...detail.querySelectorAll('.figures-list li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(figures).to.deep.equal([
      'Killed in Gaza: more than 46,000 (reported by Palestinian Ministry of Health)',
      'Killed in Gaza: more than 47,000 (reported by Gaza medical officials)',
    ]);
    const links = [...detail.querySelectorAll<HTMLAnchorElement>('.sources a')];
    expect(links).to.have.length(3);
    expect(links[0].textContent).to.equal('Israel-Hamas ceasefire: Three Israeli hostages freed, 90 Palestinian prisoners released');
    expect(links[0].closest('li')!.textContent).to.contain('Dunya News (agencies)');
    expect(links[0].closest('li')!.textContent).to.contain('2025');
    expect(links[1].textContent).to.equal('Giornale di Brescia (EPA caption)');
    for (const link of links) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    }
  });

  it('formats figures for the locale', async () => {
    const element = await timelineWith(await storyData(), 1000, 'locale=de');
    element.select('gaza-toll-2025-01-19');
    await element.updateComplete;
    const text = root(element).querySelector('[part="detail"] .figures-list')!.textContent!;
    expect(text).to.contain('46.000');
  });

  it('at 1000 px overlays the chart, inside it and fully shown', async () => {
    const element = await loadedTimeline();
    element.select('talks-doha');
    await element.updateComplete;
    const detail = root(element).querySelector('[part="detail"]')!.getBoundingClientRect();
    const chart = chartBox(element);
    expect(detail.height).to.be.above(50);
    expect(detail.top).to.be.at.least(chart.top);
    expect(detail.bottom).to.be.at.most(chart.bottom + 0.5);
    expect(detail.right).to.be.at.most(chart.right);
  });

  it('at 360 px is a sheet under the chart', async () => {
    const element = await loadedTimeline(undefined, 360);
    element.select('talks-doha');
    await element.updateComplete;
    const detail = root(element).querySelector('[part="detail"]')!.getBoundingClientRect();
    expect(detail.top).to.be.at.least(chartBox(element).bottom);
    expect(detail.width).to.be.closeTo(360, 2);
  });

  it('previous and next move through the events in time order', async () => {
    const element = await loadedTimeline();
    element.select('talks-doha');
    await element.updateComplete;
    const nav = () => [...root(element).querySelectorAll<HTMLButtonElement>('[part="detail"] .nav button')];
    expect(nav()[0].disabled).to.equal(true);
    const seen = [element.selected];
    for (let i = 0; i < 5; i++) {
      nav()[1].click();
      await element.updateComplete;
      seen.push(element.selected);
    }
    expect(seen).to.deep.equal(['talks-doha', 'toll-1', 'proposal-may', 'cairo-round', 'toll-2', 'deal']);
    expect(nav()[1].disabled).to.equal(true);
    nav()[0].click();
    await element.updateComplete;
    expect(element.selected).to.equal('toll-2');
  });
});

describe('reading: labels', () => {
  it('a shortened label ends in an ellipsis and its mark carries the full title', async () => {
    const element = await timelineWith(await storyData(), 360);
    const labels = [...root(element).querySelectorAll<HTMLElement>('.lane .label')];
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
    const label = [...root(element).querySelectorAll<HTMLElement>('.lane .label')].find((node) => node.textContent!.endsWith('…'))!;
    expect(getComputedStyle(label).pointerEvents).to.equal('auto');
    const box = label.getBoundingClientRect();
    expect(root(element).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)).to.equal(label);
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

  it('lane and panel names stay inside the chart on a phone, a long one shortened with an ellipsis', async () => {
    const element = await timelineWith(await storyData(), 360);
    const chart = root(element).querySelector('.chart')!.getBoundingClientRect();
    const names = [...root(element).querySelectorAll<HTMLElement>('.lane-label > span')];
    expect(names.length).to.be.above(5);
    for (const name of names) {
      const box = name.getBoundingClientRect();
      expect(box.right, name.textContent!).to.be.at.most(chart.right);
      expect(box.left, name.textContent!).to.be.at.least(chart.left);
    }
    const long = names.find((name) => name.textContent === 'Killed in Gaza since the October 2025 ceasefire')!;
    expect(getComputedStyle(long).textOverflow).to.equal('ellipsis');
  });

  it('marks stay in their lanes', async () => {
    const element = await timelineWith(await storyData(), 1000);
    for (const lane of root(element).querySelectorAll<HTMLElement>('.lane')) {
      const box = lane.getBoundingClientRect();
      for (const node of lane.querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-count]')) {
        const own = node.getBoundingClientRect();
        expect(own.top).to.be.at.least(box.top);
        expect(own.bottom).to.be.at.most(box.bottom);
      }
    }
    for (const panel of root(element).querySelectorAll<HTMLElement>('.figures')) {
      const box = panel.getBoundingClientRect();
      const name = panel.querySelector('.lane-label')!.getBoundingClientRect();
      for (const node of panel.querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-count]')) {
        const own = node.getBoundingClientRect();
        expect(own.top, `${node.dataset.eventId ?? node.dataset.clusterKey} under the panel's name`).to.be.at.least(name.bottom);
        expect(own.bottom).to.be.at.most(box.bottom);
      }
    }
    expect(marks(element).length).to.be.above(20);
  });
});
