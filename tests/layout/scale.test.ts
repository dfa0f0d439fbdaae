import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as d3 from 'd3-scale';
import { scaleLinear, scaleUtc } from '../../src/layout/scale.js';

describe('layout/scale', () => {
  describe('scaleUtc', () => {
    const scale = scaleUtc().domain([new Date('2024-01-01Z'), new Date('2024-01-11Z')]).range([0, 1000]);

    it('maps dates to pixels along the range, beyond the domain too', () => {
      expect(scale(new Date('2024-01-01Z'))).to.equal(0);
      expect(scale(new Date('2024-01-06Z'))).to.equal(500);
      expect(scale(new Date('2024-01-21Z'))).to.equal(2000);
    });
    it('inverts pixels to dates', () => {
      expect(scale.invert(100).toISOString()).to.equal('2024-01-02T00:00:00.000Z');
      expect(scale.invert(-100).toISOString()).to.equal('2023-12-31T00:00:00.000Z');
    });
    it('runs right to left with a reversed range', () => {
      const rtl = scaleUtc().domain(scale.domain()).range([1000, 0]);
      expect(rtl(new Date('2024-01-02Z'))).to.equal(900);
      expect(rtl.invert(900).toISOString()).to.equal('2024-01-02T00:00:00.000Z');
    });
    it('gives its domain as dates and its range as numbers, as copies', () => {
      const domain = scale.domain();
      expect(domain.map((d) => d.toISOString())).to.deep.equal(['2024-01-01T00:00:00.000Z', '2024-01-11T00:00:00.000Z']);
      domain[0].setTime(0);
      scale.range()[0] = 7;
      expect(+scale.domain()[0]).to.equal(Date.UTC(2024, 0, 1));
      expect(scale.range()).to.deep.equal([0, 1000]);
    });
    it('maps an empty domain to the middle of the range, and an empty range to the middle of the domain', () => {
      const day = new Date('2024-01-01Z');
      expect(scaleUtc().domain([day, day]).range([0, 100])(day)).to.equal(50);
      expect(scaleUtc().domain([day, new Date('2024-01-03Z')]).range([5, 5]).invert(5).toISOString()).to.equal(
        '2024-01-02T00:00:00.000Z',
      );
    });
  });

  describe('scaleLinear', () => {
    it('maps values to a bottom-up pixel range', () => {
      const scale = scaleLinear().domain([0, 200]).range([100, 0]);
      expect(scale(50)).to.equal(75);
      expect(scale.invert(75)).to.equal(50);
    });
    it('nices the domain to round ends that are ticks themselves', () => {
      const scale = scaleLinear().domain([0, 34_187]).nice(3).range([100, 0]);
      expect(scale.domain()).to.deep.equal([0, 40_000]);
      expect(scale.ticks(3)).to.deep.equal([0, 10_000, 20_000, 30_000, 40_000]);
      expect(scale(40_000)).to.equal(0);
    });
    it('ticks negative domains too', () => {
      expect(scaleLinear().domain([-5, 5]).ticks(2)).to.deep.equal([-5, 0, 5]);
    });
  });

  it('agrees with d3-scale on mapping, inverting, nicing and ticks', () => {
    // Whole numbers, as timestamps in milliseconds and reported figures are.
    const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true }).map(Math.round);
    fc.assert(
      fc.property(finite, finite, fc.integer({ min: 1, max: 12 }), fc.double({ min: -2, max: 2, noNaN: true }), (a, b, n, t) => {
        fc.pre(a !== b);
        const ours = scaleLinear().domain([a, b]).range([0, 300]);
        const theirs = d3.scaleLinear().domain([a, b]).range([0, 300]);
        const x = a + (b - a) * t;
        expect(ours(x)).to.be.closeTo(theirs(x), 1e-6);
        expect(ours.invert(300 * t)).to.be.closeTo(theirs.invert(300 * t), Math.abs(b - a) * 1e-9 + 1e-9);
        // (-0 and 0 count as the same number.)
        const same = (x: number[], y: number[]) => expect(x.map((v) => v + 0)).to.deep.equal(y.map((v) => v + 0));
        same(ours.nice(n).domain(), theirs.nice(n).domain());
        same(ours.ticks(n), theirs.ticks(n));
        const time = scaleUtc().domain([a, b]).range([300, 0]);
        const d3time = d3.scaleUtc().domain([a, b]).range([300, 0]);
        expect(time(x)).to.be.closeTo(d3time(x), 1e-6);
        expect(+time.invert(300 * t)).to.be.closeTo(+d3time.invert(300 * t), 1);
      }),
    );
  });
});
