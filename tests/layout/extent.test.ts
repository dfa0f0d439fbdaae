import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { clampView, dataExtent, DAY_MS, eventEnd, eventStart, nearestDate, openingView, paddedExtent, viewScale } from '../../src/layout/extent.js';
import { yearStart } from '../../src/model/dates.js';
import { ev } from './fixtures.js';

const iso = (t: number | Date) => new Date(t).toISOString();

describe('layout/extent', () => {
  describe('eventEnd', () => {
    it('is the date itself for day and time precision', () => {
      expect(iso(eventEnd(ev('a', '2024-05-10')))).to.equal('2024-05-10T00:00:00.000Z');
      expect(iso(eventEnd(ev('a', '2024-05-10T14:30Z', { precision: 'time' })))).to.equal('2024-05-10T14:30:00.000Z');
    });
    it('is the first of the next month for month precision, across a year end', () => {
      expect(iso(eventEnd(ev('a', '2024-05-01', { precision: 'month' })))).to.equal('2024-06-01T00:00:00.000Z');
      expect(iso(eventEnd(ev('a', '2024-12-01', { precision: 'month' })))).to.equal('2025-01-01T00:00:00.000Z');
    });
    it('is the next 1 January for year precision', () => {
      expect(iso(eventEnd(ev('a', '2024-01-01', { precision: 'year' })))).to.equal('2025-01-01T00:00:00.000Z');
    });
    it('is the end, widened by its own precision: an end day counts in full, as the data reader counts it', () => {
      expect(iso(eventEnd(ev('a', '2024-05-01', { end: '2024-05-03' })))).to.equal('2024-05-04T00:00:00.000Z');
      expect(iso(eventEnd(ev('a', '2024-05-01', { end: '2024-05-03', endPrecision: 'day' })))).to.equal('2024-05-04T00:00:00.000Z');
      // From one minute past midnight "until 31 December": the rest of that day, not a point.
      expect(iso(eventEnd(ev('a', '2024-12-31T00:01Z', { precision: 'time', end: '2024-12-31', endPrecision: 'day' })))).to.equal(
        '2025-01-01T00:00:00.000Z',
      );
      expect(iso(eventEnd(ev('a', '2024-05-01T09:00Z', { precision: 'time', end: '2024-05-01T17:30Z' })))).to.equal(
        '2024-05-01T17:30:00.000Z',
      );
      expect(iso(eventEnd(ev('a', '2024-05-01', { end: '2024-07-01', endPrecision: 'month' })))).to.equal(
        '2024-08-01T00:00:00.000Z',
      );
      expect(iso(eventEnd(ev('a', '2023-01-01', { precision: 'year', end: '2024-01-01', endPrecision: 'year' })))).to.equal(
        '2025-01-01T00:00:00.000Z',
      );
    });
  });

  describe('dataExtent', () => {
    it('is null without events', () => {
      expect(dataExtent([])).to.equal(null);
    });
    it('runs from the earliest date to the latest end (an end day counted in full)', () => {
      const [a, b] = dataExtent([
        ev('a', '2024-01-10'),
        ev('b', '2024-02-01', { end: '2024-03-15' }),
        ev('c', '2024-03-01'),
      ])!;
      expect(iso(a)).to.equal('2024-01-10T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-03-16T00:00:00.000Z');
    });
    it('counts a month-precision event as all of its month', () => {
      const [a, b] = dataExtent([ev('a', '2024-03-02'), ev('b', '2024-05-01', { precision: 'month' })])!;
      expect(iso(a)).to.equal('2024-03-02T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-06-01T00:00:00.000Z');
    });
    it('is a single instant for one day event', () => {
      const [a, b] = dataExtent([ev('a', '2024-03-02')])!;
      expect(a).to.equal(b);
    });
  });

  describe('paddedExtent', () => {
    it('adds 4% of the span on each side by default', () => {
      const [a, b] = paddedExtent([new Date('2024-01-01'), new Date('2024-01-26')]); // 25 days
      expect(iso(a)).to.equal('2023-12-31T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-01-27T00:00:00.000Z');
    });
    it('takes another fraction', () => {
      const [a, b] = paddedExtent([new Date('2024-01-01'), new Date('2024-01-11')], 0.1);
      expect(iso(a)).to.equal('2023-12-31T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-01-12T00:00:00.000Z');
    });
    it('turns a single instant into two days centred on it', () => {
      const t = new Date('2024-03-02T12:00Z');
      const [a, b] = paddedExtent([t, t]);
      expect(iso(a)).to.equal('2024-03-01T12:00:00.000Z');
      expect(iso(b)).to.equal('2024-03-03T12:00:00.000Z');
    });
    it('widens a short extent to two days around its centre', () => {
      const [a, b] = paddedExtent([new Date('2024-03-02T00:00Z'), new Date('2024-03-02T12:00Z')]);
      expect(iso(a)).to.equal('2024-03-01T06:00:00.000Z');
      expect(iso(b)).to.equal('2024-03-03T06:00:00.000Z');
    });
    it('pads beyond the first and last instants a Date holds like anywhere else', () => {
      const [a, b] = paddedExtent([-8.64e15, Date.parse('2024-01-01')]);
      const pad = 0.04 * (Date.parse('2024-01-01') + 8.64e15);
      expect(a).to.equal(-8.64e15 - pad);
      expect(b).to.equal(Date.parse('2024-01-01') + pad);
      const [c, d] = paddedExtent([yearStart(-13_800_000_000), 0]);
      expect(c).to.be.below(yearStart(-14_300_000_000));
      expect(d).to.be.above(yearStart(500_000_000));
    });
  });

  describe('clampView', () => {
    const limits: [Date, Date] = [new Date('2024-01-01'), new Date('2024-12-31')];
    it('shows the whole of the limits for a window that is not a time range', () => {
      expect(clampView([NaN, 5], limits)).to.deep.equal([+limits[0], +limits[1]]);
    });
    it('keeps a window 13.8 billion years back, a day wide at least', () => {
      const far: [number, number] = [yearStart(-13_800_000_000), yearStart(2000)];
      const [a, b] = clampView([far[0] - 5e6, far[0] + 5e6], far);
      expect(a).to.equal(far[0]);
      // Time values that far back are exact to about a minute.
      expect(b - a).to.be.closeTo(DAY_MS, 65_536);
    });
    it('leaves a window that is inside and wide enough', () => {
      const [a, b] = clampView([new Date('2024-03-01'), new Date('2024-04-01')], limits);
      expect(iso(a)).to.equal('2024-03-01T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-04-01T00:00:00.000Z');
    });
    it('widens a window narrower than one day around its centre', () => {
      const [a, b] = clampView([new Date('2024-03-01T10:00Z'), new Date('2024-03-01T14:00Z')], limits);
      expect(iso(a)).to.equal('2024-03-01T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-03-02T00:00:00.000Z');
    });
    it('takes another minimum span', () => {
      const [a, b] = clampView([new Date('2024-03-01T10:00Z'), new Date('2024-03-01T11:00Z')], limits, 2 * 3_600_000);
      expect(iso(a)).to.equal('2024-03-01T09:30:00.000Z');
      expect(iso(b)).to.equal('2024-03-01T11:30:00.000Z');
    });
    it('zooms out no further than the limits', () => {
      const [a, b] = clampView([new Date('2020-01-01'), new Date('2030-01-01')], limits);
      expect(iso(a)).to.equal('2024-01-01T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-12-31T00:00:00.000Z');
    });
    it('shifts a window panned past an edge back in, keeping its span', () => {
      const [a, b] = clampView([new Date('2023-12-20'), new Date('2024-01-10')], limits);
      expect(iso(a)).to.equal('2024-01-01T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-01-22T00:00:00.000Z');
      const [c, d] = clampView([new Date('2024-12-25'), new Date('2025-01-04')], limits);
      expect(iso(c)).to.equal('2024-12-21T00:00:00.000Z');
      expect(iso(d)).to.equal('2024-12-31T00:00:00.000Z');
    });
    it('accepts a window given end first', () => {
      const [a, b] = clampView([new Date('2024-04-01'), new Date('2024-03-01')], limits);
      expect(iso(a)).to.equal('2024-03-01T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-04-01T00:00:00.000Z');
    });
    it('centres one day on limits narrower than a day', () => {
      const t = new Date('2024-05-05T12:00Z');
      const [a, b] = clampView([new Date('2024-01-01'), new Date('2024-02-01')], [t, t]);
      expect(iso(a)).to.equal('2024-05-05T00:00:00.000Z');
      expect(iso(b)).to.equal('2024-05-06T00:00:00.000Z');
    });
    it('always returns a window inside the limits, between one day and the limits wide', () => {
      const base = Date.UTC(2024, 0, 1);
      fc.assert(
        fc.property(
          fc.integer({ min: -400 * DAY_MS, max: 800 * DAY_MS }),
          fc.integer({ min: 0, max: 900 * DAY_MS }),
          fc.integer({ min: 2 * DAY_MS, max: 500 * DAY_MS }),
          (offset, span, limitSpan) => {
            const l: [Date, Date] = [new Date(base), new Date(base + limitSpan)];
            const [a, b] = clampView([new Date(base + offset), new Date(base + offset + span)], l);
            const width = b - a;
            expect(a).to.be.at.least(base);
            expect(b).to.be.at.most(base + limitSpan);
            expect(width).to.be.at.least(DAY_MS);
            expect(width).to.equal(Math.min(limitSpan, Math.max(DAY_MS, span)));
          },
        ),
      );
    });
  });

  describe('openingView', () => {
    const limits: [number, number] = [Date.UTC(2023, 9, 1), Date.UTC(2025, 10, 30)];
    it('is the whole story without a start or an end', () => {
      expect(openingView('', '', limits, DAY_MS)).to.deep.equal(limits);
    });
    it('runs from start to end, either end missing being the story\'s, and stays inside the story', () => {
      expect(openingView('2025-01-01', '2025-03-01', limits, DAY_MS)).to.deep.equal([Date.UTC(2025, 0, 1), Date.UTC(2025, 2, 1)]);
      expect(openingView('2025-01-01', '', limits, DAY_MS)).to.deep.equal([Date.UTC(2025, 0, 1), limits[1]]);
      expect(openingView('2023-01-01', '2023-12-01', limits, DAY_MS)).to.deep.equal([limits[0], limits[0] + Date.UTC(2023, 11, 1) - Date.UTC(2023, 0, 1)]);
    });
    it('is never narrower than the zoom floor', () => {
      const [a, b] = openingView('2025-01-01', '2025-01-01', limits, 7 * DAY_MS);
      expect(b - a).to.equal(7 * DAY_MS);
    });
  });

  describe('eventStart', () => {
    it('is the date of an event a Date holds, and the start of a year it cannot hold, in order', () => {
      expect(eventStart(ev('a', '2024-05-10'))).to.equal(Date.parse('2024-05-10'));
      const before = ev('a', -8.64e15, { precision: 'year', farYear: -271_821 });
      const after = ev('b', yearStart(-271_820), { precision: 'year' });
      expect(eventStart(before)).to.equal(yearStart(-271_821));
      expect(eventStart(before)).to.be.below(eventStart(after));
      expect(eventStart(ev('c', -8.64e15, { precision: 'year', farYear: -13_799_999_999 }))).to.be.below(eventStart(before));
    });
  });

  describe('eventEnd of a year a Date cannot hold', () => {
    it('is the start of the next year', () => {
      expect(eventEnd(ev('a', -8.64e15, { precision: 'year', farYear: -300_000 }))).to.equal(yearStart(-299_999));
      expect(eventEnd(ev('b', 8.64e15, { precision: 'year', farYear: 300_000 }))).to.equal(yearStart(300_001));
      expect(eventEnd(ev('c', '2024-01-01', { precision: 'year', end: 8.64e15, endPrecision: 'year', endFarYear: 300_000 }))).to.equal(
        yearStart(300_001),
      );
    });
  });

  describe('nearestDate', () => {
    it('is the Date of a time value it holds, else the first or last instant a Date holds, never Invalid Date', () => {
      expect(iso(nearestDate(Date.parse('2024-05-10')))).to.equal('2024-05-10T00:00:00.000Z');
      expect(+nearestDate(yearStart(-300_000))).to.equal(-8.64e15);
      expect(+nearestDate(8.64e15 + 1)).to.equal(8.64e15);
      expect(+nearestDate(NaN)).to.equal(0);
    });
  });

  describe('viewScale', () => {
    it('is linear over years a Date cannot hold: 13.8 billion years ago at 0, 1969 at the end', () => {
      const scale = viewScale([yearStart(-13_800_000_000), yearStart(1970)], 1000);
      expect(scale(yearStart(-13_800_000_000))).to.equal(0);
      expect(scale(yearStart(-6_899_999_015))).to.be.closeTo(500, 1e-6);
      expect(scale(new Date('1969-07-20'))).to.be.closeTo(1000, 1e-6);
      expect(scale.invert(1000)).to.equal(yearStart(1970));
    });
    it('puts 2024-07-01 at x ≈ 497.3 of 1000 px over 2024', () => {
      const scale = viewScale([new Date('2024-01-01'), new Date('2025-01-01')], 1000);
      expect(scale(new Date('2024-07-01'))).to.be.closeTo(497.27, 0.01);
    });
    it('mirrors when right to left', () => {
      const scale = viewScale([new Date('2024-01-01'), new Date('2025-01-01')], 1000, true);
      expect(scale(new Date('2024-01-01'))).to.equal(1000);
      expect(scale(new Date('2024-07-01'))).to.be.closeTo(502.73, 0.01);
    });
  });
});
