import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createEventIndex, type EventIndex } from '../../src/layout/window.js';
import { eventEnd } from '../../src/layout/extent.js';
import { ev, utc } from './fixtures.js';

/** The events of the index's range that end at or after t0, as its users take them. */
function eventsInWindow(index: EventIndex, t0: number, t1: number): number[] {
  const [lo, hi] = index.range(t0, t1);
  const out: number[] = [];
  for (let i = lo; i < hi; i++) if (index.ends[i] >= t0) out.push(i);
  return out;
}

describe('layout/window', () => {
  const events = [
    ev('a', '2024-01-01'),
    ev('b', '2024-01-05', { end: '2024-02-20' }), // 47 days with its last, the longest
    ev('c', '2024-02-01'),
    ev('d', '2024-03-01', { precision: 'month' }), // covers March
    ev('e', '2024-04-15'),
  ];
  const index = createEventIndex(events);

  it('holds starts, ends and the longest duration', () => {
    expect(Array.from(index.starts)).to.deep.equal(events.map((e) => e.date.getTime()));
    expect(index.ends[1]).to.equal(utc('2024-02-21'));
    expect(index.ends[3]).to.equal(utc('2024-04-01'));
    expect(index.ends[0]).to.equal(utc('2024-01-01'));
    expect(index.maxDuration).to.equal(47 * 86_400_000);
  });

  it('finds the events starting inside a window', () => {
    expect(index.range(utc('2024-04-10'), utc('2024-04-20'))).to.deep.equal([3, 5]);
    expect(eventsInWindow(index, utc('2024-04-10'), utc('2024-04-20'))).to.deep.equal([4]);
  });

  it('includes a span that starts before the window and reaches into it', () => {
    const [lo, hi] = index.range(utc('2024-02-10'), utc('2024-02-15'));
    expect(lo).to.be.at.most(1);
    expect(hi).to.equal(3);
    expect(eventsInWindow(index, utc('2024-02-10'), utc('2024-02-15'))).to.deep.equal([1]);
  });

  it('includes a month-precision event for a window late in its month', () => {
    expect(eventsInWindow(index, utc('2024-03-20'), utc('2024-03-25'))).to.deep.equal([3]);
  });

  it('counts both window edges as inside', () => {
    expect(eventsInWindow(index, utc('2024-01-01'), utc('2024-01-01'))).to.deep.equal([0]);
    expect(eventsInWindow(index, utc('2024-02-20'), utc('2024-02-25'))).to.deep.equal([1]);
    expect(eventsInWindow(index, utc('2024-04-01'), utc('2024-04-15'))).to.deep.equal([3, 4]);
  });

  it('is empty outside the data and for a reversed window', () => {
    expect(eventsInWindow(index, utc('2025-01-01'), utc('2025-02-01'))).to.deep.equal([]);
    expect(eventsInWindow(index, utc('2023-01-01'), utc('2023-02-01'))).to.deep.equal([]);
    expect(index.range(utc('2024-03-01'), utc('2024-01-01'))).to.deep.equal([0, 0]);
  });

  it('refuses events that are not sorted', () => {
    expect(() => createEventIndex([ev('a', '2024-02-01'), ev('b', '2024-01-01')])).to.throw(RangeError);
  });

  it('never misses an overlapping event (random data)', () => {
    const day = 86_400_000;
    const base = utc('2024-01-01');
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 365 }), length: fc.integer({ min: 0, max: 60 }) }), {
          maxLength: 60,
        }),
        fc.integer({ min: -30, max: 400 }),
        fc.integer({ min: 0, max: 100 }),
        (specs, from, width) => {
          const list = specs
            .map((s, i) => ev(`e${i}`, base + s.at * day, s.length ? { end: base + (s.at + s.length) * day } : {}))
            .sort((a, b) => a.date.getTime() - b.date.getTime());
          const idx = createEventIndex(list);
          const t0 = base + from * day;
          const t1 = t0 + width * day;
          const expected = list
            .map((e, i) => (e.date.getTime() <= t1 && eventEnd(e) >= t0 ? i : -1))
            .filter((i) => i >= 0);
          expect(eventsInWindow(idx, t0, t1)).to.deep.equal(expected);
          const [lo, hi] = idx.range(t0, t1);
          for (const i of expected) expect(i >= lo && i < hi).to.equal(true);
        },
      ),
    );
  });
});
