import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as d3 from 'd3-time';
import { utcDay, utcHours, utcMonday, utcMonths, utcYears, type TimeInterval } from '../../src/layout/intervals.js';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('layout/intervals', () => {
  it('floors to the step a moment falls in', () => {
    const t = new Date('2024-05-15T13:45:10.500Z');
    expect(utcHours(6).floor(t).toISOString()).to.equal('2024-05-15T12:00:00.000Z');
    expect(utcDay.floor(t).toISOString()).to.equal('2024-05-15T00:00:00.000Z');
    expect(utcMonday.floor(t).toISOString()).to.equal('2024-05-13T00:00:00.000Z');
    expect(utcMonths(3).floor(t).toISOString()).to.equal('2024-04-01T00:00:00.000Z');
    expect(utcYears(10).floor(t).toISOString()).to.equal('2020-01-01T00:00:00.000Z');
  });

  it('lists the step starts in a window, its start included and its end left out', () => {
    expect(iso(utcMonths(1).range(new Date('2024-01-01Z'), new Date('2024-04-01Z')))).to.deep.equal([
      '2024-01-01T00:00:00.000Z',
      '2024-02-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
    ]);
    expect(iso(utcMonday.range(new Date('2024-12-25Z'), new Date('2025-01-10Z')))).to.deep.equal([
      '2024-12-30T00:00:00.000Z',
      '2025-01-06T00:00:00.000Z',
    ]);
  });

  it('counts years before the common era and before 100 as the calendar does', () => {
    const start = new Date(Date.UTC(2000, 0, 1));
    start.setUTCFullYear(-25);
    const stop = new Date(Date.UTC(2000, 0, 1));
    stop.setUTCFullYear(25);
    expect(utcYears(20).range(start, stop).map((d) => d.getUTCFullYear())).to.deep.equal([-20, 0, 20]);
  });

  it('agrees with d3-time on floors and ranges', () => {
    const pairs: [string, TimeInterval, d3.TimeInterval][] = [
      ...[1, 2, 3, 6, 12].map((n) => [`${n} h`, utcHours(n), d3.utcHour.every(n)!] as [string, TimeInterval, d3.TimeInterval]),
      ['day', utcDay, d3.utcDay],
      ['Monday', utcMonday, d3.utcMonday],
      ...[1, 3, 6].map((n) => [`${n} months`, utcMonths(n), d3.utcMonth.every(n)!] as [string, TimeInterval, d3.TimeInterval]),
      ...[1, 2, 5, 100, 1000].map((n) => [`${n} years`, utcYears(n), d3.utcYear.every(n)!] as [string, TimeInterval, d3.TimeInterval]),
    ];
    // From 3000 BCE to 3000 CE; each range spans up to about 40 steps of the interval.
    const moment = fc.integer({ min: -156e9, max: 32e9 }).map((s) => s * 1000);
    fc.assert(
      fc.property(moment, fc.double({ min: 0, max: 1, noNaN: true }), (t, f) => {
        for (const [name, ours, theirs] of pairs) {
          const start = new Date(t);
          const step = name.endsWith('h') ? 3_600_000 : name.endsWith('years') ? 3e10 : 4e9;
          const stop = new Date(t + f * 40 * step * (parseInt(name) || 1));
          expect(ours.floor(start).toISOString(), name).to.equal(theirs.floor(start).toISOString());
          expect(iso(ours.range(start, stop)), name).to.deep.equal(iso(theirs.range(start, stop)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
