import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { NewsTimeline } from '../src/news-timeline.js';
import type { TimelineEvent } from '../src/model/types.js';
import { figureSeries } from '../src/layout/figures.js';
import { eventEnd } from '../src/layout/extent.js';
import { timeTicks } from '../src/layout/ticks.js';
import { scaleLinear } from 'd3-scale';
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
  timeline,
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
  return +event.date <= t1 && eventEnd(event) >= t0;
}

/** The events each lane should draw, by where they are drawn. */
function expectedPlaces(element: NewsTimeline): { where: string; node: Element; groups: TimelineEvent[][] }[] {
  const events = element.events;
  const places: { where: string; node: Element; groups: TimelineEvent[][] }[] = [];
  for (const lane of root(element).querySelectorAll<HTMLElement>('.lane')) {
    const type = lane.dataset.lane!;
    const members = events.filter((event) => event.type === type && (type !== 'casualties' || !event.figures?.length));
    places.push({ where: `lane ${type}`, node: lane, groups: [members] });
  }
  return places;
}

/** The events that report the measure the figure chart shows, once each. */
function measureEvents(element: NewsTimeline): TimelineEvent[] {
  const label = root(element).querySelector<HTMLElement>('.figures')!.dataset.figureLabel!;
  const series = figureSeries(element.events).filter((one) => one.label === label);
  return [...new Map(series.flatMap((one) => one.points.map((point) => [point.event.id, point.event] as const))).values()];
}

/**
 * Checks that every event is its own mark or counted in a cluster: in each lane, the marks stand
 * for at least every event that overlaps the view, and for no event beyond the layout's reach. At
 * fit-all that is exactly every event. The figure chart draws no cluster: its marks are events of
 * the measure shown, each once; where points are dense some are drawn as dots or as the line alone
 * (the keyboard and the list reach them), and where they are not (`sparse`), each has its mark.
 */
function checkEveryEventDrawn(element: NewsTimeline, fitAll: boolean, sparse: boolean): void {
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
    expect(new Set(own).size, `${place.where}: an event drawn twice`).to.equal(own.length);
    if (fitAll) {
      const total = place.groups.reduce((n, group) => n + group.length, 0);
      expect(drawn, `${place.where} at fit-all`).to.equal(total);
    } else {
      expect(drawn, `${place.where}: events in view`).to.be.at.least(inside);
      expect(drawn, `${place.where}: events near the view`).to.be.at.most(near);
    }
  }
  const chart = root(element).querySelector('.figures');
  if (!chart) return;
  const { own, clustered } = drawnIn(chart);
  expect(clustered, 'a group counter on the figure chart').to.equal(0);
  expect(new Set(own).size, 'the figure chart: an event drawn twice').to.equal(own.length);
  const members = measureEvents(element);
  const ids = new Set(members.map((event) => event.id));
  for (const id of own) expect(ids.has(id), `${id} is not an event of the measure shown`).to.equal(true);
  if (sparse) {
    const inside = members.filter((event) => overlapsWindow(event, t0, t1)).map((event) => event.id);
    expect(own.filter((id) => inside.includes(id)).sort(), 'the figure chart: events in view').to.deep.equal(inside.sort());
  }
}

function checkTexts(element: NewsTimeline, what: string): void {
  const texts = chartTexts(element);
  expect(texts.filter((text) => text.kind === 'tick').length, `${what}: major ticks`).to.be.at.least(2);
  expect(overlappingTexts(texts), `${what}: overlapping texts: ${overlappingTexts(texts).join("; ")}`).to.deep.equal([]);
  const frame = chartBox(element);
  for (const text of texts) {
    if (!['tick', 'context', 'label', 'value', 'end', 'range', 'tab'].includes(text.kind)) continue;
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
    for (const width of dataset === 'story' ? [1200, 1000, 360] : [1000, 360]) {
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
          // Zoomed in at 1000 px, the default story's points stand a target apart: each is a mark of its own.
          checkEveryEventDrawn(element, !start, dataset === 'story' && width === 1000 && Boolean(start));
        });
      }
    }
  }

  // The same in Arabic, right to left: the axis, the lanes' names, the chips and the measures in Arabic.
  for (const width of [1200, 360]) {
    for (const [level, start, end] of [LEVELS.story[0], LEVELS.story[3]]) {
      it(`data/events.json in Arabic, right to left, at ${level}, ${width} px`, async () => {
        const element = await timeline({ data: await storyData(), width, container: { dir: 'rtl', lang: 'ar' } });
        if (start && end) await showWindow(element, start, end);
        expect(getComputedStyle(root(element).querySelector('.plot')!).direction).to.equal('rtl');
        expect(root(element).querySelector('.lane-label')!.textContent).to.match(/[\u0600-\u06ff]/);
        checkTexts(element, `ar ${level} at ${width}`);
      });
    }
  }

  it('every event of the default story has a place: a lane of its type or a measure of the figure chart', async () => {
    const element = await timelineWith(await storyData(), 1000);
    const lanes = new Set([...root(element).querySelectorAll<HTMLElement>('.lane')].map((lane) => lane.dataset.lane));
    const measures = new Set([
      ...[...root(element).querySelectorAll<HTMLElement>('.measure-tab')].map((tab) => tab.dataset.measure),
      ...[...root(element).querySelectorAll<HTMLOptionElement>('.measure-more option')].map((option) => option.value),
    ]);
    const homeless = element.events
      .filter((event) => !lanes.has(event.type) && !event.figures?.some((figure) => measures.has(figure.label)))
      .map((event) => event.id);
    expect(homeless).to.deep.equal([]);
    expect(element.events).to.have.length(72);
  });

  it('the figure chart reads its values on the start side, at every zoom, in either direction', async () => {
    for (const dir of ['ltr', 'rtl']) {
      const element = await timelineWith(await storyData(), 1000, dir === 'rtl' ? 'dir=rtl' : '');
      for (const window of [null, ['2023-10-01', '2024-04-01'], ['2025-06-01', '2025-12-01']] as const) {
        if (window) await showWindow(element, window[0], window[1]);
        const chart = root(element).querySelector('.figure-chart')!.getBoundingClientRect();
        const ticks = [...root(element).querySelectorAll('.value-axis .value-tick')].map((tick) => tick.getBoundingClientRect());
        expect(ticks.length, `${dir} ${window ?? 'fit all'}`).to.be.at.least(2);
        for (const tick of ticks) {
          if (dir === 'ltr') expect(tick.right - chart.left, `${dir} ${window ?? 'fit all'}`).to.be.below(60);
          else expect(chart.right - tick.left, `${dir} ${window ?? 'fit all'}`).to.be.below(60);
        }
      }
    }
  });
});

/** The default story in a screen of the given size, the widget as wide as the screen. */
async function onScreen(width: number, height: number): Promise<NewsTimeline> {
  await setViewport({ width, height });
  window.scrollTo(0, 0);
  return timelineWith(await storyData(), width);
}

/** The ids of the milestones of the default story. */
const milestoneIds = (element: NewsTimeline) => element.events.filter((event) => event.milestone).map((event) => event.id);

describe('reading: the first screen', function () {
  this.timeout(30000);
  after(() => setViewport({ width: 800, height: 600 }));

  it('at 1200 × 800 the toolbar, the axis and the lanes take at most 600 px, leaving 200 for the measure switcher, one figure chart and the overview', async () => {
    // What this measures: the widget from its top to the bottom of its last lane. Once the figure
    // chart (switcher and one chart) takes the place of the stacked panels, the whole widget is held to 800.
    const element = await onScreen(1200, 800);
    const top = element.getBoundingClientRect().top;
    const lanes = [...root(element).querySelectorAll('.lane')];
    expect(lanes).to.have.length(5);
    const bottom = Math.max(lanes[lanes.length - 1].getBoundingClientRect().bottom, root(element).querySelector('.axis')!.getBoundingClientRect().bottom);
    expect(bottom - top).to.be.at.most(600);
  });

  for (const lang of ['en', 'ar']) {
    it(`at 1200 × 800 the whole widget, default story included, is at most 800 px tall (${lang})`, async () => {
      await setViewport({ width: 1200, height: 800 });
      const element = await timeline({ data: await storyData(), width: 1200, container: lang === 'ar' ? { dir: 'rtl', lang } : {} });
      expect(root(element).querySelectorAll('.lane')).to.have.length(5);
      expect(root(element).querySelector('.figure-chart'), 'the figure chart').to.exist;
      // Everything the widget draws, its own box and any part of it that might stick out of it.
      const top = element.getBoundingClientRect().top;
      let bottom = element.getBoundingClientRect().bottom;
      for (const node of root(element).querySelectorAll('*')) {
        const box = node.getBoundingClientRect();
        if (box.height > 0 && getComputedStyle(node).position !== 'fixed') bottom = Math.max(bottom, box.bottom);
      }
      expect(bottom - top).to.be.at.most(800);
    });
  }

  it('at 360 × 740 the axis and every lane show in the first 740 px', async () => {
    const element = await onScreen(360, 740);
    const top = element.getBoundingClientRect().top;
    const axis = root(element).querySelector('.axis')!.getBoundingClientRect();
    expect(axis.top - top).to.be.at.least(0);
    expect(axis.bottom - top).to.be.at.most(740);
    const lanes = [...root(element).querySelectorAll('.lane')];
    expect(lanes).to.have.length(5);
    for (const lane of lanes) expect(lane.getBoundingClientRect().bottom - top, lane.getAttribute('data-lane')!).to.be.at.most(740);
  });

  it('the time axis sits above the lanes, and stays in sight while the chart is scrolled through', async () => {
    const element = await onScreen(1200, 800);
    const axis = () => root(element).querySelector('.axis')!.getBoundingClientRect();
    const lanes = [...root(element).querySelectorAll('.lane')];
    expect(axis().bottom).to.be.at.most(lanes[0].getBoundingClientRect().top + 0.5);
    expect(axis().top).to.be.closeTo(root(element).querySelector('.plot')!.getBoundingClientRect().top, 1);
    // The page is scrolled so that the chart's top has gone 200 px above the screen.
    const page = document.createElement('div');
    page.style.height = '2000px';
    element.parentElement!.after(page);
    const plotTop = root(element).querySelector('.plot')!.getBoundingClientRect().top + scrollY;
    window.scrollTo(0, plotTop + 200);
    await nextFrame();
    expect(axis().top).to.be.closeTo(0, 1);
    // Marks scrolled under the axis are covered by it, not over it.
    const under = lanes[1].querySelector('.mark')!.getBoundingClientRect();
    if (under.top < axis().bottom && under.bottom > 0) {
      const hit = root(element).elementFromPoint(under.left + under.width / 2, Math.max(1, under.top + 2));
      expect(hit?.closest('.axis')).to.not.equal(null);
    }
    window.scrollTo(0, 0);
    page.remove();
  });
});

describe('reading: every event its own mark, every milestone named', function () {
  this.timeout(30000);
  after(() => setViewport({ width: 800, height: 600 }));

  it('at fit-all at 1200 px no event lane draws a group', async () => {
    const element = await onScreen(1200, 800);
    expect(root(element).querySelectorAll('.lane').length).to.equal(5);
    expect(root(element).querySelectorAll('.lane [data-cluster-count]').length).to.equal(0);
    const own = new Set(drawnIn(root(element).querySelector('.plot')!).own);
    const inLanes = element.events.filter((event) => !event.figures?.length);
    expect(inLanes.filter((event) => !own.has(event.id)).map((event) => event.id)).to.deep.equal([]);
  });

  for (const [width, height] of [
    [1200, 800],
    [360, 740],
  ]) {
    it(`at ${width} px every milestone has a label that is shown whole`, async () => {
      const element = await onScreen(width, height);
      const ids = milestoneIds(element);
      expect(ids.length).to.be.within(6, 10);
      const chart = chartBox(element);
      for (const id of ids) {
        const label = root(element).querySelector<HTMLElement>(`.lane .label[data-label-for="${id}"]`);
        expect(label, `${id}: a label`).to.exist;
        const event = element.events.find((one) => one.id === id)!;
        const text = [...label!.children].map((line) => line.textContent).join(' ');
        expect(text, id).to.equal(event.label || event.title);
        expect(text.endsWith('…'), id).to.equal(false);
        const box = label!.getBoundingClientRect();
        expect(box.left, `${id} inside the chart`).to.be.at.least(chart.left - 0.5);
        expect(box.right, `${id} inside the chart`).to.be.at.most(chart.right + 0.5);
        // Not clipped by its own box, and not covered by anything at its middle.
        for (const line of label!.children) expect((line as HTMLElement).scrollWidth, id).to.be.at.most(Math.ceil(line.getBoundingClientRect().width) + 1);
        const hit = root(element).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        expect(hit?.closest('.label'), `${id} not covered`).to.equal(label);
      }
    });
  }
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
    const scale = scaleLinear().domain([new Date('2024-01-01'), new Date('2025-01-01')]).range([0, 1140]);
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
