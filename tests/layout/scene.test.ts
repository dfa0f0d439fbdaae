import { expect } from '@open-wc/testing';
import { layoutScene, markKey, previewMove, SceneCache, sceneMarks, STILL, type SceneInput } from '../../src/layout/scene.js';
import { prepareStory, type Story } from '../../src/layout/story.js';
import type { ViewWindow } from '../../src/layout/extent.js';
import { FIGURE_GEOMETRY } from '../../src/layout/figure-scene.js';
import { GEOMETRY, laneHeight } from '../../src/layout/geometry.js';
import { ev, sorted } from './fixtures.js';

const measure = (text: string) => text.length * 6;
const toll = (id: string, date: string, value: number) => ev(id, date, { type: 'casualties', figures: [{ label: 'Killed', value, reportedBy: 'Ministry' }] });

const STORY: Story = prepareStory({
  types: {},
  events: sorted([
    ev('a', '2024-01-10', { title: 'Talks open' }),
    ev('b', '2024-02-01', { type: 'proposal', title: 'A proposal' }),
    ev('c', '2024-03-05', { title: 'Second round' }),
    toll('t1', '2024-01-20', 100),
    toll('t2', '2024-02-20', 300),
    toll('t3', '2024-03-20', 400),
  ]),
});

/** No type turned off: one set, as the element keeps one until the legend changes it. */
const NONE: ReadonlySet<string> = new Set();

function input(view: ViewWindow = STORY.limits, more: Partial<SceneInput> = {}): SceneInput {
  return { story: STORY, view, width: 1000, rtl: false, locale: 'en', measure, hidden: NONE, selected: null, cursor: null, ...more };
}

describe('layout/scene', () => {
  it('lays out the axis at the top, the lanes one under the other, and the figure chart under them', () => {
    const scene = layoutScene(input());
    const lane = laneHeight(1);
    expect(scene.lanesTop).to.equal(GEOMETRY.axisHeight);
    expect(scene.lanes.map((one) => [one.lane.type, one.top, one.rows])).to.deep.equal([
      ['talks', GEOMETRY.axisHeight, 1],
      ['proposal', GEOMETRY.axisHeight + lane, 1],
    ]);
    const { gap, switcherHeight, chartHeight, bottom } = FIGURE_GEOMETRY;
    const height = gap + switcherHeight + chartHeight + bottom;
    const lanesBottom = GEOMETRY.axisHeight + 2 * lane;
    expect([scene.figures!.measure, scene.figures!.top, scene.figures!.height]).to.deep.equal(['Killed', lanesBottom, height]);
    expect(scene.height).to.equal(lanesBottom + height);
    expect(scene.ticks.major.length).to.be.greaterThan(1);
    expect(scene.scale.domain()).to.deep.equal(STORY.limits);
  });

  it('places marks by time, labels them, and draws each figure series as one line through its points', () => {
    const scene = layoutScene(input());
    const x = (id: string) => sceneMarks(scene).find((mark) => markKey(mark) === id)!.x;
    expect(x('a')).to.be.below(x('c'));
    expect(scene.lanes[0].marks.map((placed) => [markKey(placed.mark), placed.label?.lines.join(' ')])).to.deep.equal([
      ['a', 'Talks open'],
      ['c', 'Second round'],
    ]);
    const figures = scene.figures!;
    // Higher values higher up: the line goes up from point to point; each point is a mark the keyboard reaches.
    expect(figures.points.map((point) => point.mark.event.id)).to.deep.equal(['t1', 't2', 't3']);
    expect(sceneMarks(scene).filter((mark) => mark.kind === 'event' && mark.event.id.startsWith('t'))).to.have.length(3);
    const ys = figures.points.map((point) => point.y);
    expect(ys[0]).to.be.above(ys[1]).and.above(ys[2]);
    expect(figures.chart.lines).to.have.length(1);
    expect(figures.chart.lines[0].path).to.match(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  it('runs time right to left, mirrored', () => {
    const ltr = layoutScene(input());
    const rtl = layoutScene(input(STORY.limits, { rtl: true }));
    const x = (scene: typeof ltr, id: string) => sceneMarks(scene).find((mark) => markKey(mark) === id)!.x;
    expect(x(rtl, 'a')).to.be.closeTo(1000 - x(ltr, 'a'), 1e-6);
  });

  it('leaves out the types turned off, and the figure chart with the casualties', () => {
    const scene = layoutScene(input(STORY.limits, { hidden: new Set(['proposal', 'casualties']) }));
    expect(scene.lanes.map((lane) => lane.lane.type)).to.deep.equal(['talks']);
    expect(scene.figures).to.equal(null);
    expect(scene.height).to.equal(GEOMETRY.axisHeight + laneHeight(1));
  });

  it('gives the tab stop to the keyboard’s event, else the selected one, else the earliest mark', () => {
    expect(layoutScene(input()).tabKey).to.equal('a');
    expect(layoutScene(input(STORY.limits, { selected: 'c' })).tabKey).to.equal('c');
    expect(layoutScene(input(STORY.limits, { selected: 'c', cursor: 'b' })).tabKey).to.equal('b');
  });

  it('keeps the scene drawn while nothing changed; lays a small story out anew for every frame, and any story when an input changes', () => {
    const cache = new SceneCache();
    const first = cache.frame(input(), { k: 1, x: 0 }, false);
    expect(first.move).to.deep.equal(STILL);
    expect(cache.frame(input(), { k: 1, x: 0 }, false).scene).to.equal(first.scene);
    // A small story is laid out anew for every frame, even a preview.
    const half: ViewWindow = [STORY.limits[0], (STORY.limits[0] + STORY.limits[1]) / 2];
    const next = cache.frame(input(half), { k: 2, x: 0 }, true);
    expect(next.scene).to.not.equal(first.scene);
    expect(next.move).to.deep.equal(STILL);
    const selected = cache.frame(input(half, { selected: 'a' }), { k: 2, x: 0 }, false).scene;
    expect(selected).to.not.equal(next.scene);
    // The reader's choice of measure is an input too.
    expect(cache.frame(input(half, { selected: 'a', figures: { measure: 'Killed', hovered: null } }), { k: 2, x: 0 }, false).scene).to.not.equal(selected);
  });

  it('shares the room the element’s height leaves between the lanes and the figure chart', () => {
    const roomy = layoutScene(input(STORY.limits, { room: 400 }));
    expect(roomy.height).to.equal(400);
    expect(roomy.figures!.chart.height).to.be.above(FIGURE_GEOMETRY.chartHeight);
    // Too little room to share: each keeps its own height.
    const own = layoutScene(input());
    expect(layoutScene(input(STORY.limits, { room: GEOMETRY.minRoom - 1 })).height).to.equal(own.height);
    expect(own.figures!.chart.height).to.equal(FIGURE_GEOMETRY.chartHeight);
  });

  it('keeps the lanes laid out when only the selection, the keyboard’s place or the figure chart changed', () => {
    const cache = new SceneCache();
    const first = cache.frame(input(STORY.limits, { figuresLater: true }), { k: 1, x: 0 }, false).scene;
    expect(first.figures).to.equal(null);
    const whole = cache.frame(input(), { k: 1, x: 0 }, false).scene;
    expect(whole.figures).to.not.equal(null);
    expect(whole.lanes).to.equal(first.lanes);
    const selected = cache.frame(input(STORY.limits, { selected: 'b', cursor: 'b' }), { k: 1, x: 0 }, false).scene;
    expect(selected.selectedId).to.equal('b');
    expect(selected.tabKey).to.equal('b');
    expect(selected.lanes).to.equal(first.lanes);
    // The axis too is the one laid out before (the axis' view draws it again only when it changes), and the same as one laid out anew.
    expect(selected.ticks).to.equal(whole.ticks);
    expect(selected.ticks).to.deep.equal(layoutScene(input(STORY.limits, { selected: 'b', cursor: 'b' })).ticks);
    // The same scene as one laid out from nothing for that input.
    const placed = (lanes: typeof first.lanes) => lanes.map((one) => [one.top, one.rows, one.marks.map((placed) => [markKey(placed.mark), placed.row, placed.x0, placed.x1])]);
    expect(placed(selected.lanes)).to.deep.equal(placed(layoutScene(input(STORY.limits, { selected: 'b', cursor: 'b' })).lanes));
    // Another window or another width: laid out anew.
    const half: ViewWindow = [STORY.limits[0], (STORY.limits[0] + STORY.limits[1]) / 2];
    expect(cache.frame(input(half, { selected: 'b', cursor: 'b' }), { k: 2, x: 0 }, false).scene.lanes).to.not.equal(first.lanes);
  });

  it('moves the chart drawn by the ratio of two zoom transforms, while it still covers the view', () => {
    expect(previewMove({ k: 2, x: -500 }, { k: 2, x: -600 }, 1000)).to.deep.equal({ k: 1, b: -100 });
    expect(previewMove({ k: 1, x: 0 }, { k: 2, x: -500 }, 1000)).to.deep.equal({ k: 2, b: -500 });
    // Three times closer, or panned by half the view: laid out again.
    expect(previewMove({ k: 1, x: 0 }, { k: 3, x: -1000 }, 1000)).to.equal(undefined);
    expect(previewMove({ k: 2, x: -500 }, { k: 2, x: -1000 }, 1000)).to.equal(undefined);
  });

  it('counts the overview’s density once per story and width', () => {
    const cache = new SceneCache();
    const bins = cache.density(STORY, 600);
    expect(bins).to.have.length(100);
    expect(bins.reduce((sum, count) => sum + count, 0)).to.equal(STORY.dataset.events.length);
    expect(cache.density(STORY, 600)).to.equal(bins);
    expect(cache.density(STORY, 1200)).to.not.equal(bins);
  });
});
