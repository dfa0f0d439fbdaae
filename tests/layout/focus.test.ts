import { expect } from '@open-wc/testing';
import type { ViewWindow } from '../../src/layout/extent.js';
import { inseparable, revealWindow, soloWindow, windowAround } from '../../src/layout/focus.js';
import { prepareStory } from '../../src/layout/story.js';
import { ev, sorted } from './fixtures.js';

const iso = (window: ViewWindow | undefined) => window?.map((time) => new Date(time).toISOString());
const view = (a: string, b: string): ViewWindow => [Date.parse(a), Date.parse(b)];

describe('layout/focus', () => {
  it('reveals a time that lies outside the middle 80 % of the window, keeping its width', () => {
    const shown = view('2024-01-01T00:00Z', '2024-01-11T00:00Z');
    expect(revealWindow(shown, new Date('2024-01-05T00:00Z'))).to.equal(undefined);
    expect(iso(revealWindow(shown, new Date('2024-01-10T12:00Z')))).to.deep.equal(['2024-01-05T12:00:00.000Z', '2024-01-15T12:00:00.000Z']);
  });

  it('finds the widest window, no wider than the one shown, in which an event has a mark of its own', () => {
    // Two events six hours apart: clustered at a year's zoom, apart at a few days'.
    const story = prepareStory({
      types: {},
      events: sorted([ev('a', '2024-03-01T00:00Z'), ev('b', '2024-03-01T06:00Z'), ev('c', '2024-06-01'), ev('d', '2024-09-01')]),
    });
    const wide = view('2024-02-25T00:00Z', '2024-09-05T00:00Z');
    const solo = soloWindow(story, story.byId.get('b')!, wide, 1000, false)!;
    const width = +solo[1] - +solo[0];
    expect(width).to.be.below(+wide[1] - +wide[0]);
    // 26 px between two marks 6 hours apart: at most 6 h · 1000 / 26 wide, and halved no more than needed.
    expect(width).to.be.at.most((6 * 3_600_000 * 1000) / 26);
    expect(width).to.be.above((6 * 3_600_000 * 1000) / 26 / 2);
    expect((+solo[0] + +solo[1]) / 2).to.be.closeTo(Date.UTC(2024, 2, 1, 6), 1000);
    // Already on its own: revealing it will do.
    expect(soloWindow(story, story.byId.get('c')!, wide, 1000, false)).to.equal(undefined);
  });

  it('leaves alone an event no zoom sets apart (same time, same lane)', () => {
    const story = prepareStory({ types: {}, events: sorted([ev('a', '2024-03-01'), ev('b', '2024-03-01'), ev('c', '2024-06-01')]) });
    expect(soloWindow(story, story.byId.get('b')!, story.limits, 1000, false)).to.equal(undefined);
    expect(inseparable([story.byId.get('a')!, story.byId.get('b')!], story, 1000)).to.equal(true);
    expect(inseparable([story.byId.get('a')!, story.byId.get('c')!], story, 1000)).to.equal(false);
  });

  it('frames a cluster’s events with room around them: 15 % of their span, at least 12 hours', () => {
    const events = [ev('a', '2024-03-01'), ev('b', '2024-03-11', { end: '2024-03-20' })];
    // From 1 March to the end of 20 March: 20 days, and 3 days on each side.
    expect(iso(windowAround(events))).to.deep.equal(['2024-02-27T00:00:00.000Z', '2024-03-24T00:00:00.000Z']);
    expect(iso(windowAround([ev('a', '2024-03-01')]))).to.deep.equal(['2024-02-29T12:00:00.000Z', '2024-03-01T12:00:00.000Z']);
  });
});
