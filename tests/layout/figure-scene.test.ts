import { expect } from '@open-wc/testing';
import { viewScale } from '../../src/layout/extent.js';
import { CONTEXT_COLOR } from '../../src/layout/figure-chart.js';
import {
  FIGURE_GEOMETRY,
  INITIAL_FIGURE_STATE,
  figureStory,
  figureValue,
  layoutFigures,
  measureFor,
  measureTabs,
  type FigureSceneInput,
} from '../../src/layout/figure-scene.js';
import { prepareStory, type Story } from '../../src/layout/story.js';
import { MEASURE_LIMIT } from '../../src/model/names.js';
import type { Dataset, Figure } from '../../src/model/types.js';
import { ev, sorted } from './fixtures.js';

const DAY = 86_400_000;
const measure = (text: string) => text.length * 6;
const report = (id: string, date: string, ...figures: [label: string, value: number, reportedBy: string][]) =>
  ev(id, date, { type: 'casualties', figures: figures.map(([label, value, reportedBy]): Figure => ({ label, value, reportedBy })) });

function storyOf(events: ReturnType<typeof ev>[], measures?: Dataset['measures']): Story {
  return prepareStory({ types: {}, events: sorted(events), ...(measures ? { measures } : {}) });
}

const STORY = storyOf(
  [
    report('k1', '2024-01-01', ['Killed', 100, 'Ministry']),
    report('k2', '2024-02-01', ['Killed', 300, 'Ministry'], ['Held', 20, 'Army']),
    report('k3', '2024-03-01', ['Killed', 500, 'Ministry'], ['Killed', 420, 'Agency']),
    report('h1', '2024-01-15', ['Held', 24, 'Army']),
    report('h2', '2024-02-15', ['Held', 22, 'Army'], ['Held', 30, 'Ministry']),
    report('h3', '2024-03-15', ['Held', 18, 'Army']),
    report('w1', '2024-02-20', ['Wounded', 900, 'Ministry']),
  ],
  { Held: { labels: { ar: 'المحتجزون' }, highlight: ['Army'] }, Killed: { highlight: ['Ministry'] } },
);

function input(more: Partial<FigureSceneInput> = {}): FigureSceneInput {
  const width = more.width ?? 1000;
  return {
    story: STORY,
    scale: viewScale(STORY.limits, width, more.rtl),
    width,
    rtl: false,
    locale: 'en',
    measure,
    state: INITIAL_FIGURE_STATE,
    top: 100,
    keep: [],
    ...more,
  };
}

describe('layout/figure-scene', () => {
  it('orders the measures as the data declares them, then by number of reports, with one colour per reporter in all', () => {
    const figures = figureStory(STORY);
    expect(figures.measures.map((m) => [m.label, m.reports])).to.deep.equal([
      ['Held', 5],
      ['Killed', 4],
      ['Wounded', 1],
    ]);
    expect(figures.measures[0].series.highlight).to.deep.equal(['Army']);
    // Ministry is highlighted where it reports most: one colour, the same in each measure.
    const ministry = figures.colors.get('Ministry')!;
    expect(ministry).to.not.equal(CONTEXT_COLOR);
    for (const label of ['Killed', 'Wounded']) {
      const view = layoutFigures(input({ state: { measure: label, hovered: null } }))!;
      expect(view.chart.lines.find((line) => line.reporter === 'Ministry')!.color, label).to.equal(ministry);
    }
    expect(figureStory(STORY)).to.equal(figures);
  });

  it('shows the first measure, or the one chosen; an event reached brings its measure when the one shown has none of it', () => {
    expect(layoutFigures(input())!.measure).to.equal('Held');
    expect(layoutFigures(input({ state: { measure: 'Killed', hovered: null } }))!.measure).to.equal('Killed');
    const figures = figureStory(STORY);
    expect(measureFor(figures, 'Held', 'k1')).to.equal('Killed');
    expect(measureFor(figures, 'Held', 'k2')).to.equal('Held');
    expect(measureFor(figures, 'Killed', 'w1')).to.equal('Wounded');
    expect(measureFor(figures, 'Killed', 'nothing')).to.equal('Killed');
  });

  it('names each measure in the reader\'s language, and gives the chart its height', () => {
    const ar = layoutFigures(input({ locale: 'ar' }))!;
    expect(ar.tabs.map((tab) => tab.name)).to.deep.equal(['المحتجزون', 'Killed', 'Wounded']);
    expect(ar.name).to.equal('المحتجزون');
    const { gap, switcherHeight, chartHeight, chartHeightNarrow, bottom } = FIGURE_GEOMETRY;
    expect(chartHeight).to.be.at.least(140);
    expect(chartHeightNarrow).to.be.at.least(120);
    expect([ar.top, ar.height, ar.chart.top, ar.chart.height]).to.deep.equal([100, gap + switcherHeight + chartHeight + bottom, gap + switcherHeight, chartHeight]);
    expect(layoutFigures(input({ width: 360 }))!.chart.height).to.equal(chartHeightNarrow);
  });

  it('makes each point in view a mark of its event, once, no two targets overlapping, and no counts', () => {
    const view = layoutFigures(input({ state: { measure: 'Killed', hovered: null } }))!;
    expect(view.points.map((p) => p.mark.event.id)).to.deep.equal(['k1', 'k2', 'k3']);
    // k3 reports Killed twice (Ministry and Agency): one mark, on the highlighted line.
    expect(view.points[2].reporter).to.equal('Ministry');
    for (const point of view.points) {
      expect(point.mark).to.include({ kind: 'event' });
      expect(point.mark).to.not.have.property('count');
    }
    // The other report of k3 is a dot.
    expect(view.chart.dots.map((dot) => dot.color)).to.deep.equal([CONTEXT_COLOR]);
  });

  it('where points crowd, keeps targets apart, and always gives the keyboard\'s event a mark', () => {
    const events = Array.from({ length: 60 }, (_, k) => report(`p${k}`, new Date(Date.UTC(2024, 0, 1) + k * DAY).toISOString().slice(0, 10), ['Killed', 1000 + k, 'Ministry']));
    const dense = storyOf(events);
    const scale = viewScale(dense.limits, 300);
    const base = input({ story: dense, scale, width: 300 });
    const view = layoutFigures(base)!;
    expect(view.points.length).to.be.below(60);
    for (const a of view.points) {
      for (const b of view.points) {
        if (a === b) continue;
        const apart = Math.abs(a.mark.x - b.mark.x) >= FIGURE_GEOMETRY.pointTarget || Math.abs(a.y - b.y) >= FIGURE_GEOMETRY.pointTarget;
        expect(apart, `${a.mark.event.id} and ${b.mark.event.id}`).to.equal(true);
      }
    }
    // About 4 px apart on average: drawn as the line alone, a point shows on hover and focus.
    expect(view.chart.dots).to.deep.equal([]);
    expect(view.points.every((point) => !point.dot)).to.equal(true);
    for (const id of ['p1', 'p30', 'p59']) {
      const kept = layoutFigures({ ...base, keep: [id] })!;
      expect(kept.points.map((p) => p.mark.event.id), id).to.include(id);
    }
  });

  it('names a context reporter at its line\'s end while pointed at; a point says who, what and when', () => {
    const killed = { measure: 'Killed', hovered: null };
    expect(layoutFigures(input({ state: killed }))!.chart.labels.map((l) => l.reporter)).to.not.include('Agency');
    const hovered = layoutFigures(input({ state: { ...killed, hovered: 'Agency' } }))!;
    expect(hovered.chart.labels.find((l) => l.reporter === 'Agency')).to.include({ highlighted: false, name: 'Agency' });
    // A highlighted reporter pointed at is named already: nothing more.
    expect(layoutFigures(input({ state: { ...killed, hovered: 'Ministry' } }))!.chart.labels.map((l) => l.reporter)).to.deep.equal(['Ministry']);
    const point = hovered.points.find((p) => p.mark.event.id === 'k2')!;
    expect([point.reporter, point.value, point.date]).to.deep.equal(['Ministry', '300', 'Feb 1, 2024']);
  });

  it('offers a bounded number of measures: tabs that fit, the rest in a menu, the one shown always a tab', () => {
    const events = Array.from({ length: 1000 }, (_, k) =>
      report(`m${k}`, new Date(Date.UTC(2020, 0, 1) + k * DAY).toISOString().slice(0, 10), [`Measure ${k}`, k, 'Office']),
    );
    const many = storyOf(events);
    const figures = figureStory(many);
    expect(figures.measures).to.have.length(1000);
    expect(figures.offered).to.equal(MEASURE_LIMIT);
    const names = (k: number) => figures.measures[k].label;
    const { tabs, more } = measureTabs(figures, 0, 1200, names, measure);
    expect(tabs.length).to.be.within(1, FIGURE_GEOMETRY.tabLimit);
    expect(tabs.length + more.length).to.equal(MEASURE_LIMIT);
    const width = tabs.reduce((sum, tab) => sum + tab.width + FIGURE_GEOMETRY.tabGap, 0);
    expect(width).to.be.at.most(1200 - FIGURE_GEOMETRY.moreWidth);
    expect(measureTabs(figures, 0, 1200, names, measure).menu).to.equal(false);
    // A measure beyond those offered (its event was selected) is a tab while it is shown.
    const beyond = measureTabs(figures, 700, 1200, names, measure);
    expect(beyond.tabs.map((tab) => [tab.label, tab.selected])).to.deep.include(['Measure 700', true]);
    expect(beyond.tabs.length + beyond.more.length).to.equal(MEASURE_LIMIT + 1);
    // On a phone, one menu of them all names the measure shown.
    const phone = measureTabs(figures, 700, 320, names, measure);
    expect([phone.menu, phone.tabs.length, phone.more.length]).to.deep.equal([true, 0, MEASURE_LIMIT + 1]);
    expect(phone.more.filter((tab) => tab.selected).map((tab) => tab.label)).to.deep.equal(['Measure 700']);
    expect(measureFor(figures, null, 'm700')).to.equal('Measure 700');
    const view = layoutFigures({ ...input(), story: many, scale: viewScale(many.limits, 1200), width: 1200, state: { measure: 'Measure 700', hovered: null } })!;
    expect(view.measure).to.equal('Measure 700');
  });

  it('writes values of ±1e308 as numbers, and draws them finite', () => {
    expect(figureValue(1e308, 'more than', 'en')).to.equal('more than 1E308');
    expect(figureValue(67160, undefined, 'en')).to.equal('67,160');
    const extreme = storyOf([report('a', '2024-01-01', ['M', 1e308, 'A']), report('b', '2024-02-01', ['M', -1e308, 'A']), report('c', '2024-03-01', ['M', 5, 'B'])]);
    const view = layoutFigures({ ...input(), story: extreme, scale: viewScale(extreme.limits, 800), width: 800 })!;
    const numbers: number[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'number') numbers.push(value);
      else if (typeof value === 'string') expect(value).to.not.match(/NaN|Infinity/);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object' && !(value instanceof Date) && !('dataset' in value)) Object.entries(value).forEach(([key, v]) => key !== 'event' && walk(v));
    };
    walk(view);
    expect(numbers.every(Number.isFinite)).to.equal(true);
  });
});
