import { expect } from '@open-wc/testing';
import { figureStory } from '../../src/layout/figure-scene.js';
import { LANE_LIMIT, laneTypeOf, legendLanes, prepareStory, reachableEvents, storySteps } from '../../src/layout/story.js';
import { STEP } from '../../src/model/normalize.js';
import type { Dataset } from '../../src/model/types.js';
import { ev, sorted } from './fixtures.js';

const toll = (id: string, date: string, value: number, reportedBy = 'Ministry') =>
  ev(id, date, { type: 'casualties', figures: [{ label: 'Killed', value, reportedBy }] });

function dataset(events: Dataset['events'], types: Dataset['types'] = {}): Dataset {
  return { types, events: sorted(events) };
}

describe('layout/story', () => {
  it('can be made a pass at a time, yielding between passes and every few hundred events, to the same story', () => {
    const n = 20_000;
    const events = Array.from({ length: n }, (_, i) => {
      const date = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString().slice(0, 16) + 'Z';
      return i % 3 === 2 ? toll(`t${i}`, date, 1000 + i, i % 2 ? 'UN' : 'Ministry') : ev(`e${i}`, date, { type: i % 3 ? 'proposal' : 'talks' });
    });
    const data = dataset(events);
    const steps = storySteps(data);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    const story = step.value;
    // Grouping the events by type, and the figure series, yield every STEP events each.
    expect(yields).to.be.at.least(Math.floor((2 * n) / STEP));
    const whole = prepareStory(data);
    expect(story.lanes.map((lane) => [lane.type, lane.events.length])).to.deep.equal(whole.lanes.map((lane) => [lane.type, lane.events.length]));
    expect([story.limits, story.floor, story.starts.length, story.figuresLane?.events.length]).to.deep.equal([whole.limits, whole.floor, n, Math.floor(n / 3)]);
    // The figure chart's measures were made with the story, as they are made for it when first drawn.
    expect(figureStory(story).measures.map((m) => [m.label, m.reports])).to.deep.equal(figureStory(whole).measures.map((m) => [m.label, m.reports]));
  });

  it('makes the lanes, their caches, the figure chart’s events and the limits of a dataset once', () => {
    const story = prepareStory(
      dataset([ev('a', '2024-01-10'), ev('b', '2024-02-01', { type: 'proposal' }), toll('t1', '2024-01-20', 100), toll('t2', '2024-03-01', 250, 'UN')]),
    );
    expect(story.lanes.map((lane) => lane.type)).to.deep.equal(['talks', 'proposal']);
    expect([...story.laneCaches.keys()]).to.deep.equal(['talks', 'proposal']);
    // The figure chart's legend entry and the cache of its events.
    expect(story.figuresLane?.events.map((event) => event.id)).to.deep.equal(['t1', 't2']);
    expect(story.figuresCache?.index.starts.length).to.equal(2);
    // From 10 January to 1 March (51 days), 4 % more on each side; a day is the narrowest window.
    expect(story.limits.map((time) => new Date(time).toISOString())).to.deep.equal(['2024-01-07T23:02:24.000Z', '2024-03-03T00:57:36.000Z']);
    expect(story.floor).to.equal(86_400_000);
    expect(Array.from(story.starts)).to.deep.equal(story.dataset.events.map((event) => +event.date));
    expect(story.byId.get('t2')?.figures?.[0].value).to.equal(250);
  });

  it('names the figures track in the legend, and gives casualty events without figures a lane', () => {
    const withFigures = prepareStory(dataset([ev('a', '2024-01-10'), toll('t1', '2024-01-20', 100)]));
    expect(legendLanes(withFigures).map((lane) => [lane.type, lane.shape])).to.deep.equal([
      ['talks', 'circle'],
      ['casualties', 'star'],
    ]);
    const without = prepareStory(dataset([ev('a', '2024-01-10'), ev('c', '2024-01-12', { type: 'casualties' }), toll('t1', '2024-01-20', 100)]));
    expect(without.lanes.map((lane) => [lane.type, lane.events.map((event) => event.id)])).to.deep.equal([
      ['talks', ['a']],
      ['casualties', ['c']],
    ]);
    // The lane stands for the figures track in the legend: one entry, not two.
    expect(legendLanes(without).map((lane) => lane.type)).to.deep.equal(['talks', 'casualties']);
  });

  it('takes the figures track’s colour from the data when it declares one', () => {
    const story = prepareStory(dataset([toll('t1', '2024-01-20', 100)], { casualties: { color: '#123456' } }));
    expect(story.figuresLane?.color).to.equal('#123456');
  });

  it('zooms closer than a day where the data has times of day', () => {
    const timed = prepareStory(dataset([ev('a', '2024-01-10T14:30Z', { precision: 'time' }), ev('b', '2024-01-12')]));
    expect(timed.floor).to.equal(30 * 60_000);
  });

  it('reaches the events of the types shown, in time order', () => {
    const story = prepareStory(dataset([ev('a', '2024-01-10'), ev('b', '2024-02-01', { type: 'proposal' }), ev('c', '2024-03-01')]));
    expect(reachableEvents(story, new Set()).map((event) => event.id)).to.deep.equal(['a', 'b', 'c']);
    expect(reachableEvents(story, new Set(['proposal'])).map((event) => event.id)).to.deep.equal(['a', 'c']);
  });

  it('draws at most 12 lanes: the types past them share the lane "other", with a warning that names them', () => {
    const types = Array.from({ length: 1000 }, (_, k) => `type-${String(k).padStart(4, '0')}`);
    const events = types.map((type, k) => ev(`e${k}`, Date.UTC(2024, 0, 1) + k * 3_600_000, { type }));
    const story = prepareStory(dataset([...events, ev('own-other', '2024-03-01', { type: 'other' }), toll('t1', '2024-01-20', 100)]));
    expect(LANE_LIMIT).to.equal(12);
    expect(story.lanes).to.have.length(12);
    // The first types keep their lanes, in order; the last lane is "other", with every event of the rest.
    expect(story.lanes.slice(0, 11).map((lane) => lane.type)).to.deep.equal(types.slice(0, 11));
    const other = story.lanes[11];
    expect(other.type).to.equal('other');
    expect(other.events).to.have.length(1000 - 11 + 1);
    expect(other.events.map((event) => +event.date)).to.deep.equal([...other.events].map((event) => +event.date).sort((a, b) => a - b));
    expect([...story.laneCaches.keys()]).to.deep.equal(story.lanes.map((lane) => lane.type));
    expect(laneTypeOf(story, 'type-0999')).to.equal('other');
    expect(laneTypeOf(story, 'type-0000')).to.equal('type-0000');
    // Turning "other" off hides the folded types' events from the keyboard too.
    expect(reachableEvents(story, new Set(['other'])).some((event) => event.type === 'type-0500')).to.equal(false);
    expect(story.problems).to.have.length(1);
    const [warning] = story.problems;
    expect(warning.severity).to.equal('warning');
    expect(warning.path).to.equal('types');
    expect(warning.message).to.contain('989 types ("type-0011", "type-0012", "type-0013" and 986 more) share the lane "Other"');
  });

  it('keeps every type its own lane up to the limit, with no warning', () => {
    const events = Array.from({ length: 12 }, (_, k) => ev(`e${k}`, Date.UTC(2024, 0, 1 + k), { type: `t${k}` }));
    const story = prepareStory(dataset(events));
    expect(story.lanes.map((lane) => lane.type)).to.deep.equal(events.map((event) => event.type).sort());
    expect(story.problems).to.deep.equal([]);
    expect(story.folded.size).to.equal(0);
  });
});
