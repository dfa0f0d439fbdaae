import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { densityBins } from '../../src/layout/overview.js';
import { createEventIndex } from '../../src/layout/window.js';
import { ev, utc } from './fixtures.js';

const DAY = 86_400_000;

describe('layout/overview', () => {
  const starts = new Float64Array(
    ['2024-01-01', '2024-01-02', '2024-01-02T12:00Z', '2024-01-05', '2024-01-10T23:00Z', '2024-01-11', '2024-02-01'].map(utc),
  );
  const extent: [Date, Date] = [new Date('2024-01-01'), new Date('2024-01-11')];

  it('counts the events starting in each slice', () => {
    expect(Array.from(densityBins(starts, extent, 10))).to.deep.equal([1, 2, 0, 0, 1, 0, 0, 0, 0, 2]);
    expect(Array.from(densityBins(starts, extent, 2))).to.deep.equal([4, 2]);
  });

  it('takes an EventIndex', () => {
    const index = createEventIndex([ev('a', '2024-01-01'), ev('b', '2024-01-08'), ev('c', '2024-01-09')]);
    expect(Array.from(densityBins(index, extent, 5))).to.deep.equal([1, 0, 0, 1, 1]);
  });

  it('leaves out events outside the extent', () => {
    const later: [Date, Date] = [new Date('2024-01-03'), new Date('2024-01-07')];
    expect(Array.from(densityBins(starts, later, 4))).to.deep.equal([0, 0, 1, 0]);
  });

  it('handles no slices and a single-instant extent', () => {
    expect(densityBins(starts, extent, 0).length).to.equal(0);
    const t = new Date('2024-01-02');
    expect(Array.from(densityBins(starts, [t, t], 3))).to.deep.equal([1, 0, 0]);
  });

  it('counts every event in the extent exactly once (random data)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10 * DAY, max: 110 * DAY }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 100 * DAY }),
        (offsets, bins, span) => {
          const base = utc('2024-01-01');
          const values = new Float64Array(offsets.map((o) => base + o).sort((a, b) => a - b));
          const counts = densityBins(values, [new Date(base), new Date(base + span)], bins);
          const inside = values.filter((t) => t >= base && t <= base + span).length;
          expect(counts.reduce((a, b) => a + b, 0)).to.equal(inside);
          expect(counts.length).to.equal(bins);
        },
      ),
    );
  });
});
