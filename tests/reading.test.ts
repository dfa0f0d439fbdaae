import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { NewsTimeline } from '../src/news-timeline.js';
import type { TimelineEvent } from '../src/model/types.js';
import { figureSeries } from '../src/layout/figures.js';
import { precisionEnd } from '../src/layout/extent.js';
import { timeTicks } from '../src/layout/ticks.js';
import { scaleUtc } from 'd3-scale';
import {
  chartTexts,
  drawnIn,
  storyData,
  generatedStory,
  marks,
  nextFrame,
  overlappingTexts,
  shadow,
  showWindow,
  timelineWith,
  wait,
  wheel,
} from './helpers.js';

const DAY = 86_400_000;
/** What the chart is laid out with (src/layout/geometry.ts GEOMETRY.minGap). */
const MIN_GAP = 26;
/**
 * How far outside the view (px) the layout may reach: marks are laid out up to minGap px beyond
 * it, and a cluster's members lie within about 2.4 · minGap px of where the cluster is (the zoom is
 * quantised to quarter doublings, so a cluster spans up to minGap · 2^¼ px, and so can its members).
 */
const REACH = MIN_GAP + 2.5 * MIN_GAP;

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

  // How long a pan step takes is measured by the benchmark (bench/run.mjs, zoom); here, what keeps
  // it short: a step draws only what is near the window, in one render.
  it('draws only what is in the window, clustering the rest; each pan step is one render of about as many marks', async () => {
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
    let renders = 0;
    const render = element.render.bind(element);
    element.render = () => {
      renders++;
      return render();
    };
    const drawn = [marks(element).length];
    for (let i = 0; i < 20; i++) {
      const shift = (i % 2 ? -1 : 1) * 5 * DAY;
      element.zoomTo(new Date(+element.view.start + shift), new Date(+element.view.end + shift));
      await element.updateComplete;
      drawn.push(marks(element).length);
    }
    expect(renders).to.equal(20);
    // A year of 10,000 events over ten years: about 1,000 events, drawn as a few hundred marks at most.
    expect(Math.max(...drawn)).to.be.below(fitAll * 2);
    expect(Math.max(...drawn) - Math.min(...drawn)).to.be.below(fitAll / 4);
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
    // At most one a frame: how many frames twelve wheel events span is the machine's business.
    expect(renders, `${renders} renders in ${frameCount} frames`).to.be.at.most(frameCount);
  });
});
