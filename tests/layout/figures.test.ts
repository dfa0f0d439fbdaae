import { expect } from '@open-wc/testing';
import { figureSeries, figureSeriesSteps, seriesKey } from '../../src/layout/figures.js';
import { STEP } from '../../src/model/normalize.js';
import { ev } from './fixtures.js';

const moh = 'Gaza Ministry of Health';
const un = 'UN OCHA';

describe('layout/figures', () => {
  it('yields every STEP events when made in steps, to the same series', () => {
    const events = Array.from({ length: 3_000 }, (_, i) =>
      ev(`e${i}`, `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, { figures: [{ label: i % 2 ? 'Killed' : ' killed ', value: i, reportedBy: 'Ministry' }] }),
    );
    events.sort((a, b) => +a.date - +b.date);
    const steps = figureSeriesSteps(events);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).to.be.at.least(Math.floor(3_000 / STEP));
    expect(step.value).to.deep.equal(figureSeries(events));
    // Labels that differ in case and spacing only are one series.
    expect(step.value.map((series) => series.points.length)).to.deep.equal([3_000]);
  });

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
});
