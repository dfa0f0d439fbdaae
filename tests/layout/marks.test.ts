import { expect } from '@open-wc/testing';
import { scaleLinear } from 'd3-scale';
import type { TimeScale } from '../../src/layout/extent.js';
import fc from 'fast-check';
import { eventEnd } from '../../src/layout/extent.js';
import {
  createClusterCache,
  layoutLaneMarks,
  type ClusterMark,
  type EventMark,
  type LaneMark,
  type MarkOptions,
} from '../../src/layout/marks.js';
import type { TimelineEvent } from '../../src/model/types.js';
import { ev, utc } from './fixtures.js';
import { seededRandom } from '../../scripts/seeded-random.mjs';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** 10 hours over 1000 px: 100 px an hour, 1 px every 36 s. */
function hoursScale(rtl = false) {
  return scaleLinear()
    .domain([new Date('2024-01-01T00:00Z'), new Date('2024-01-01T10:00Z')])
    .range(rtl ? [1000, 0] : [0, 1000]);
}
const at = (px: number) => utc('2024-01-01T00:00Z') + px * 36_000;
const options: MarkOptions = { minGap: 24, viewWidth: 1000 };

const ids = (mark: LaneMark) => (mark.kind === 'event' ? [mark.event.id] : mark.events.map((e) => e.id));

describe('layout/marks', () => {
  describe('layoutLaneMarks', () => {
    it('merges 5 events within 10 px into one cluster of count 5', () => {
      const events = [0, 2, 4, 6, 8].map((dx, i) => ev(`p${i}`, at(400 + dx), { precision: 'time' }));
      const marks = layoutLaneMarks(events, hoursScale(), options);
      expect(marks).to.have.length(1);
      const cluster = marks[0] as ClusterMark;
      expect(cluster.kind).to.equal('cluster');
      expect(cluster.count).to.equal(5);
      expect(cluster.events.map((e) => e.id)).to.deep.equal(['p0', 'p1', 'p2', 'p3', 'p4']);
      expect(cluster.x).to.be.closeTo(404, 1e-6);
      expect(cluster.x0).to.be.closeTo(400, 1e-6);
      expect(cluster.x1).to.be.closeTo(408, 1e-6);
      expect(new Date(cluster.start!).toISOString()).to.equal('2024-01-01T04:00:00.000Z');
      expect(new Date(cluster.end!).toISOString()).to.equal('2024-01-01T04:04:48.000Z');
    });

    it('keeps events minGap apart as separate marks, sorted by x', () => {
      const events = [100, 130, 160].map((x, i) => ev(`p${i}`, at(x), { precision: 'time' }));
      const marks = layoutLaneMarks(events, hoursScale(), options);
      expect(marks.map((m) => m.kind)).to.deep.equal(['event', 'event', 'event']);
      expect(marks.map((m) => Math.round(m.x))).to.deep.equal([100, 130, 160]);
      expect(marks.every((m) => (m as EventMark).x2 === undefined)).to.equal(true);
    });

    it('measures closeness from a cluster’s first event, so clusters stay under minGap wide', () => {
      // 0, 20, 40, 60 px: 20 is within 24 of 0, 40 is not; 60 is within 24 of 40.
      const events = [0, 20, 40, 60].map((dx, i) => ev(`p${i}`, at(300 + dx), { precision: 'time' }));
      const marks = layoutLaneMarks(events, hoursScale(), options);
      expect(marks.map(ids)).to.deep.equal([
        ['p0', 'p1'],
        ['p2', 'p3'],
      ]);
      expect(marks[0].x).to.be.closeTo(310, 1e-6);
      expect(marks[1].x).to.be.closeTo(350, 1e-6);
    });

    it('keeps a span wider than minGap on its own, from x to x2', () => {
      const events = [
        ev('span', at(600), { precision: 'time', end: at(700) }),
        ev('point', at(601), { precision: 'time' }),
        ev('short', at(604), { precision: 'time', end: at(610) }),
      ];
      const marks = layoutLaneMarks(events, hoursScale(), options);
      expect(marks.map(ids)).to.deep.equal([['span'], ['point', 'short']]);
      const span = marks[0] as EventMark;
      expect(span.x).to.be.closeTo(600, 1e-6);
      expect(span.x2).to.be.closeTo(700, 1e-6);
      const cluster = marks[1] as ClusterMark;
      expect(cluster.x).to.be.closeTo(602.5, 1e-6);
      expect(cluster.x0).to.be.closeTo(601, 1e-6);
      expect(cluster.x1).to.be.closeTo(610, 1e-6);
    });

    it('draws a month-precision event across its month, not on the 1st', () => {
      const year = scaleLinear().domain([new Date('2024-01-01'), new Date('2025-01-01')]).range([0, 1000]);
      const marks = layoutLaneMarks([ev('march', '2024-03-01', { precision: 'month' })], year, options);
      expect(marks).to.have.length(1);
      const mark = marks[0] as EventMark;
      expect(mark.x).to.be.closeTo((60 / 366) * 1000, 1e-6); // 163.93
      expect(mark.x2).to.be.closeTo((91 / 366) * 1000, 1e-6); // 248.63
    });

    it('gives a narrow month-precision event its period too', () => {
      const decade = scaleLinear().domain([new Date('2020-01-01'), new Date('2030-01-01')]).range([0, 1000]);
      const marks = layoutLaneMarks([ev('march', '2024-03-01', { precision: 'month' })], decade, options);
      const mark = marks[0] as EventMark;
      expect(mark.x2! - mark.x).to.be.closeTo((31 / 3653) * 1000, 1e-6); // 8.49 px
    });

    it('mirrors in a right-to-left view: the first event has the larger x', () => {
      const events = [ev('first', at(100), { precision: 'time' }), ev('second', at(300), { precision: 'time', end: at(400) })];
      const marks = layoutLaneMarks(events, hoursScale(true), options);
      expect(marks.map(ids)).to.deep.equal([['second'], ['first']]);
      expect(marks[1].x).to.be.closeTo(900, 1e-6);
      expect(marks[0].x).to.be.closeTo(700, 1e-6);
      expect((marks[0] as EventMark).x2).to.be.closeTo(600, 1e-6);
    });

    it('groups the same events in both directions', () => {
      const events = [0, 5, 30, 33, 36, 80].map((dx, i) => ev(`p${i}`, at(200 + dx), { precision: 'time' }));
      const ltr = layoutLaneMarks(events, hoursScale(), options).map(ids);
      const rtl = layoutLaneMarks(events, hoursScale(true), options).map(ids).reverse();
      expect(rtl).to.deep.equal(ltr);
      expect(ltr).to.deep.equal([['p0', 'p1'], ['p2', 'p3', 'p4'], ['p5']]);
    });

    it('lays out only marks within the margin around the view', () => {
      const events = [-60, -20, 500, 1015, 1060].map((x, i) => ev(`p${i}`, at(x), { precision: 'time' }));
      const marks = layoutLaneMarks(events, hoursScale(), { ...options, margin: 24 });
      expect(marks.map(ids)).to.deep.equal([['p1'], ['p2'], ['p3']]);
      const none = layoutLaneMarks(events, hoursScale(), { ...options, margin: 0 });
      expect(none.map(ids)).to.deep.equal([['p2']]);
    });

    it('keeps a cluster whole when it reaches into the view, so panning never regroups', () => {
      const events = [-40, -20, 500].map((x, i) => ev(`p${i}`, at(x), { precision: 'time' }));
      const marks = layoutLaneMarks(events, hoursScale(), { ...options, margin: 24 });
      expect(marks.map(ids)).to.deep.equal([['p0', 'p1'], ['p2']]);
      expect((marks[0] as ClusterMark).x0).to.be.closeTo(-40, 1e-6);
      expect((marks[0] as ClusterMark).x1).to.be.closeTo(-20, 1e-6);
    });

    it('includes a span that starts before the view and reaches into it', () => {
      const events = [ev('long', at(-2000), { precision: 'time', end: at(10) }), ev('p', at(50), { precision: 'time' })];
      const marks = layoutLaneMarks(events, hoursScale(), options);
      expect(marks.map(ids)).to.deep.equal([['long'], ['p']]);
      expect((marks[0] as EventMark).x).to.be.closeTo(-2000, 1e-6);
    });

    it('is empty without events or with a degenerate scale', () => {
      expect(layoutLaneMarks([], hoursScale(), options)).to.deep.equal([]);
      const flat = scaleLinear().domain([new Date(0), new Date(0)]).range([0, 1000]);
      expect(layoutLaneMarks([ev('a', 0)], flat, options)).to.deep.equal([]);
    });
  });

  describe('createClusterCache', () => {
    it('gives the same marks as layoutLaneMarks at a zoom level’s exact scale', () => {
      const events = [0, 2, 4, 6, 8, 100, 130, 150].map((dx, i) => ev(`p${i}`, at(400 + dx), { precision: 'time' }));
      const cache = createClusterCache(events);
      // 2^-20 px per ms is level -80 with the default step 2^(1/4).
      const px = 2 ** -20;
      const scale = scaleLinear()
        .domain([new Date(at(300)), new Date(at(300) + 1000 / px)])
        .range([0, 1000]);
      expect(cache.level(scale)).to.equal(-80);
      const cached = cache.marks(scale, options);
      const exact = layoutLaneMarks(events, scale, options);
      expect(cached.map(ids)).to.deep.equal(exact.map(ids));
      expect(cached.map((m) => m.x)).to.deep.equal(exact.map((m) => m.x));
    });

    it('quantises the zoom to powers of 2^(1/4), rounding down', () => {
      const cache = createClusterCache([ev('a', 0)]);
      const withPx = (px: number) => scaleLinear().domain([new Date(0), new Date(1000 / px)]).range([0, 1000]);
      expect(cache.level(withPx(1))).to.equal(0);
      expect(cache.level(withPx(2 ** 0.2))).to.equal(0);
      expect(cache.level(withPx(2 ** 0.25 * 1.0001))).to.equal(1);
      expect(cache.level(withPx(2 ** -1.1))).to.equal(-5);
    });

    it('reuses the grouping while panning: the same cluster, the same list of events', () => {
      const events = [0, 2, 4, 6, 8].map((dx, i) => ev(`p${i}`, at(400 + dx), { precision: 'time' }));
      const cache = createClusterCache(events);
      const first = cache.marks(hoursScale(), options);
      const panned = hoursScale().domain([new Date(at(200)), new Date(at(1200))]);
      const second = cache.marks(panned, options);
      expect(first).to.have.length(1);
      expect(second).to.have.length(1);
      expect((second[0] as ClusterMark).events).to.equal((first[0] as ClusterMark).events);
      expect(second[0].x).to.be.closeTo(first[0].x - 200, 1e-6);
    });

    it('merges what is closer than minGap and keeps apart what is over minGap · 2^(1/4) apart', () => {
      // 100 px an hour lies between two levels, so the grouping level is up to 2^(1/4) coarser.
      const events = [0, 23, 100, 129].map((dx, i) => ev(`p${i}`, at(400 + dx), { precision: 'time' }));
      const cache = createClusterCache(events);
      expect(cache.marks(hoursScale(), options).map(ids)).to.deep.equal([['p0', 'p1'], ['p2'], ['p3']]);
    });

    it('keeps 100,000 events at fit-all in 1000 px to about 1000 / minGap marks', () => {
      // The same 100,000 dates on every run.
      const random = seededRandom(42);
      const base = utc('2020-01-01');
      const starts = Array.from({ length: 100_000 }, () => base + Math.floor(random() * 5 * 365 * DAY)).sort((a, b) => a - b);
      const events = starts.map((t, i) => ev(`e${i}`, t, { precision: 'time' }));
      const scale = scaleLinear()
        .domain([new Date(base - 73 * DAY), new Date(base + 5 * 365 * DAY + 73 * DAY)])
        .range([0, 1000]);
      const cache = createClusterCache(events);
      const marks = cache.marks(scale, options);
      // The view plus a margin of minGap each side, one mark per minGap at most.
      expect(marks.length).to.be.at.most(Math.ceil((1000 + 2 * 24) / 24) + 1);
      // The data covers 926 px; a cluster at the coarser cached level spans up to 24 · 2^(1/4) px.
      expect(marks.length).to.be.at.least(Math.floor(926 / (24 * 2 ** 0.25)));
      expect(marks.reduce((n, m) => n + (m.kind === 'cluster' ? m.count : 1), 0)).to.equal(100_000);
      const direct = layoutLaneMarks(events, scale, options);
      expect(direct.length).to.be.at.most(Math.ceil((1000 + 2 * 24) / 24) + 1);
    });
  });

  describe('invariants (random events and windows)', () => {
    const base = utc('2024-01-01');
    const arbitraryEvents = fc
      .array(
        fc.record({
          at: fc.integer({ min: 0, max: 20 * DAY }),
          length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * DAY })),
          month: fc.boolean(),
        }),
        { maxLength: 80 },
      )
      .map((specs) =>
        specs
          .map((s, i) => {
            if (s.month) {
              const d = new Date(base + s.at);
              return ev(`m${i}`, Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), { precision: 'month' });
            }
            return ev(`e${i}`, base + s.at, { precision: 'time', ...(s.length ? { end: base + s.at + s.length } : {}) });
          })
          .sort((a, b) => a.date.getTime() - b.date.getTime()),
      );
    const arbitraryView = fc.record({
      from: fc.integer({ min: -5 * DAY, max: 25 * DAY }),
      span: fc.integer({ min: HOUR, max: 40 * DAY }),
      width: fc.integer({ min: 100, max: 1500 }),
      rtl: fc.boolean(),
      minGap: fc.integer({ min: 4, max: 40 }),
      margin: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    });

    function check(events: TimelineEvent[], marks: LaneMark[], scale: TimeScale, opts: MarkOptions) {
      const margin = opts.margin ?? opts.minGap;
      const lo = -margin;
      const hi = opts.viewWidth + margin;
      const seen = new Map<string, number>();
      for (const mark of marks) {
        for (const id of ids(mark)) seen.set(id, (seen.get(id) ?? 0) + 1);
        const [a, b] =
          mark.kind === 'cluster' ? [mark.x0, mark.x1] : [Math.min(mark.x, mark.x2 ?? mark.x), Math.max(mark.x, mark.x2 ?? mark.x)];
        expect(b).to.be.at.least(lo - 1e-6);
        expect(a).to.be.at.most(hi + 1e-6);
        if (mark.kind === 'cluster') {
          expect(mark.count).to.equal(mark.events.length);
          expect(mark.count).to.be.at.least(2);
          expect(mark.first).to.equal(mark.events[0]);
          expect(mark.last).to.equal(mark.events[mark.events.length - 1]);
          expect(mark.x).to.be.within(mark.x0 - 1e-6, mark.x1 + 1e-6);
        }
      }
      for (const count of seen.values()) expect(count).to.equal(1);
      for (const event of events) {
        const x = scale(event.date);
        const x2 = scale(eventEnd(event));
        if (Math.max(x, x2) >= lo + 1e-6 && Math.min(x, x2) <= hi - 1e-6) expect(seen.get(event.id)).to.equal(1);
      }
      for (let i = 1; i < marks.length; i++) expect(marks[i].x).to.be.at.least(marks[i - 1].x);
      const points = marks.filter((m) => m.kind === 'cluster' || m.x2 === undefined);
      for (let i = 1; i < points.length; i++) expect(points[i].x - points[i - 1].x).to.be.at.least(opts.minGap / 2 - 1e-6);
    }

    it('layoutLaneMarks: every event in view is in exactly one mark', () => {
      fc.assert(
        fc.property(arbitraryEvents, arbitraryView, (events, v) => {
          const scale = scaleLinear()
            .domain([new Date(base + v.from), new Date(base + v.from + v.span)])
            .range(v.rtl ? [v.width, 0] : [0, v.width]);
          const opts = { minGap: v.minGap, viewWidth: v.width, margin: v.margin };
          check(events, layoutLaneMarks(events, scale, opts), scale, opts);
        }),
        { numRuns: 300 },
      );
    });

    it('createClusterCache: the same holds while zooming and panning one cache', () => {
      fc.assert(
        fc.property(arbitraryEvents, fc.array(arbitraryView, { minLength: 1, maxLength: 6 }), (events, views) => {
          const cache = createClusterCache(events);
          for (const v of views) {
            const scale = scaleLinear()
              .domain([new Date(base + v.from), new Date(base + v.from + v.span)])
              .range(v.rtl ? [v.width, 0] : [0, v.width]);
            const opts = { minGap: v.minGap, viewWidth: v.width, margin: v.margin };
            check(events, cache.marks(scale, opts), scale, opts);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
