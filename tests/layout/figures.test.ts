import { expect } from '@open-wc/testing';
import { figureSeries, seriesKey, seriesLook, valueAxis } from '../../src/layout/figures.js';
import { contrastRatio } from '../contrast.js';
import { ev } from './fixtures.js';

const moh = 'Gaza Ministry of Health';
const un = 'UN OCHA';

describe('layout/figures', () => {
  const events = [
    ev('c1', '2025-09-01', { type: 'casualties', figures: [{ label: 'Killed in Gaza', value: 63_000, reportedBy: moh }] }),
    ev('t1', '2025-09-15', {
      type: 'talks',
      figures: [{ label: 'Hostages held', value: 48, reportedBy: 'Israeli government' }],
    }),
    ev('c2', '2025-10-06', {
      type: 'casualties',
      figures: [
        { label: 'Killed in Gaza', value: 67_160, qualifier: 'more than', reportedBy: moh },
        { label: 'Killed in Gaza', value: 66_000, qualifier: 'about', reportedBy: un },
      ],
    }),
    ev('x', '2025-10-07', { type: 'talks' }),
    ev('c3', '2025-10-20', { type: 'casualties', figures: [{ label: 'killed in  Gaza ', value: 68_000, reportedBy: 'gaza ministry of health' }] }),
  ];

  it('makes one series per figure and reporter, conflicting reports apart, in order of first report', () => {
    const series = figureSeries(events);
    expect(series.map((s) => [s.label, s.reportedBy, s.points.length])).to.deep.equal([
      ['Killed in Gaza', moh, 3],
      ['Hostages held', 'Israeli government', 1],
      ['Killed in Gaza', un, 1],
    ]);
  });

  it('puts points in time order with their event, figure and value', () => {
    const [killed] = figureSeries(events);
    expect(killed.points.map((p) => [p.event.id, p.value])).to.deep.equal([
      ['c1', 63_000],
      ['c2', 67_160],
      ['c3', 68_000],
    ]);
    expect(killed.points[1].t).to.equal(Date.UTC(2025, 9, 6));
    expect(killed.points[1].figure.qualifier).to.equal('more than');
  });

  it('keys a series by label and reporter regardless of case and spacing', () => {
    const series = figureSeries(events);
    expect(series[0].key).to.equal(seriesKey('Killed in Gaza', moh));
    expect(seriesKey('Killed in Gaza', moh)).to.equal('["killed in gaza","gaza ministry of health"]');
    expect(new Set(series.map((s) => s.key)).size).to.equal(3);
  });

  it('sorts points even when events come out of order', () => {
    const [s] = figureSeries([events[2], events[0]]);
    expect(s.points.map((p) => p.event.id)).to.deep.equal(['c1', 'c2']);
  });

  it('is empty without figures', () => {
    expect(figureSeries([ev('x', '2025-10-07')])).to.deep.equal([]);
  });

  it('scales values from 0 to a round maximum, bottom to top, with compact labels', () => {
    const { scale, ticks } = valueAxis(figureSeries(events), [90, 10], { count: 4 });
    expect(scale.domain()).to.deep.equal([0, 80_000]);
    expect(scale(40_000)).to.equal(50);
    expect(scale(0)).to.equal(90);
    expect(ticks.map((t) => t.value)).to.deep.equal([0, 20_000, 40_000, 60_000, 80_000]);
    expect(ticks.map((t) => t.label)).to.deep.equal(['0', '20K', '40K', '60K', '80K']);
    expect(ticks[1].y).to.equal(70);
    expect(valueAxis(figureSeries(events), [90, 10], { count: 4, locale: 'fr' }).ticks[1].label).to.match(/^20\sk$/);
  });

  it('labels the top of the axis: no point is drawn above the last gridline', () => {
    // 1,400 killed over 36 px with gridlines at least 14 px apart: 0, 1K, 2K rather than 0, 500, 1K.
    const israel = figureSeries([
      ev('a', '2023-11-09', { figures: [{ label: 'Killed', value: 1400, reportedBy: 'X' }] }),
      ev('b', '2023-11-10', { figures: [{ label: 'Killed', value: 1200, reportedBy: 'X' }] }),
    ]);
    const { scale, ticks } = valueAxis(israel, [50, 14], { count: 3, minSpacing: 14 });
    expect(ticks.map((t) => t.label)).to.deep.equal(['0', '1K', '2K']);
    expect(scale(1400)).to.be.below(ticks[1].y).and.above(ticks[2].y);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i - 1].y - ticks[i].y).to.be.at.least(14);
  });

  it('reaches below 0 only for negative values, and has a range without data', () => {
    const negative = valueAxis(
      figureSeries([ev('a', '2025-01-01', { figures: [{ label: 'Change', value: -12, reportedBy: 'X' }, { label: 'Change', value: 37, reportedBy: 'Y' }] })]),
      [50, 0],
    );
    expect(negative.scale.domain()).to.deep.equal([-20, 40]);
    expect(negative.ticks.map((t) => t.value)).to.deep.equal([-20, 0, 20, 40]);
    expect(valueAxis([], [50, 0]).scale.domain()).to.deep.equal([0, 1]);
  });

  it('gives every reporter of a measure its own colour and shape, beyond the sixth', () => {
    const looks = Array.from({ length: 36 }, (_, i) => seriesLook(i));
    const pairs = looks.map((look) => `${look.color} ${look.shape}`);
    expect(new Set(pairs).size).to.equal(36);
    const full = looks.map((look) => `${look.color} ${look.shape} ${look.dash}`);
    expect(new Set(full).size).to.equal(36);
    for (const look of looks) {
      expect(contrastRatio(look.color, '#ffffff')).to.be.at.least(3);
      expect(contrastRatio(look.color, '#16181d')).to.be.at.least(3);
    }
    // The first six are as before: colour, shape and dash all differ.
    expect(looks.slice(0, 6).map((look) => look.shape)).to.deep.equal(['circle', 'square', 'diamond', 'triangle', 'hexagon', 'star']);
  });
});
