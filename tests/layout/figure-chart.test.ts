import { expect } from '@open-wc/testing';
import {
  CONTEXT_COLOR,
  RANGE_LIMIT,
  REPORTER_PALETTE,
  figureChart,
  highlightedReporters,
  reporterColors,
  type ChartSeries,
  type FigureChart,
  type MeasureSeries,
} from '../../src/layout/figure-chart.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const day = (n: number) => T0 + n * DAY;

/** A series from [day, value] pairs. */
function series(reporter: string, pairs: [number, number, string?][]): ChartSeries {
  return { reporter, points: pairs.map(([d, value, qualifier]) => ({ t: day(d), value, eventId: `${reporter}-${d}`, ...(qualifier ? { qualifier } : {}) })) };
}

const killed: MeasureSeries = {
  measure: 'Killed',
  series: [
    series('Ministry', [[0, 100], [10, 200], [20, 400], [30, 800]]),
    series('Wafa', [[21, 350, 'more than']]),
    series('Office', [[5, 150]]),
  ],
  highlight: ['Ministry', 'Wafa'],
};

/** A chart 600 × 160 px of days [d0, d1], 6.5 px a character. */
function chart(measure: MeasureSeries, d0: number, d1: number, more: Partial<Parameters<typeof figureChart>[1]> = {}): FigureChart {
  const t0 = day(d0);
  const t1 = day(d1);
  const rtl = more.rtl === true;
  return figureChart(measure, {
    width: 600,
    height: 160,
    x: (t) => (rtl ? 600 - ((t - t0) / (t1 - t0)) * 600 : ((t - t0) / (t1 - t0)) * 600),
    domain: [t0, t1],
    formatDate: (t) => new Date(t).toISOString().slice(5, 10),
    ...more,
  });
}

/** Every number anywhere in a value. */
function numbers(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbers(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbers(v, found));
  return found;
}

/** The y of a path's polyline at x, from its M/L commands. */
function pathY(path: string, x: number): number {
  const vertices = [...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  for (let k = 1; k < vertices.length; k++) {
    const [p, q] = [vertices[k - 1], vertices[k]];
    if (x >= Math.min(p.x, q.x) && x <= Math.max(p.x, q.x)) return p.y + ((q.y - p.y) * (x - p.x)) / (q.x - p.x || 1);
  }
  return NaN;
}

/** WCAG 2 contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

describe('layout/figure-chart', () => {
  describe('highlightedReporters', () => {
    it('takes the editor\'s choice, at most three that report the measure', () => {
      expect(highlightedReporters(killed)).to.deep.equal(['Ministry', 'Wafa']);
      expect(highlightedReporters({ ...killed, highlight: ['Nobody', 'Office'] })).to.deep.equal(['Office']);
    });

    it('else the three most reported, the first to report first among equals', () => {
      const many: MeasureSeries = {
        measure: 'Held',
        series: [series('A', [[9, 1]]), series('B', [[1, 1], [2, 1]]), series('C', [[3, 1]]), series('D', [[2, 1]]), series('E', [])],
      };
      expect(highlightedReporters(many)).to.deep.equal(['B', 'D', 'C']);
    });
  });

  describe('reporterColors', () => {
    const other: MeasureSeries = { measure: 'Held', series: [series('Wafa', [[1, 5]]), series('Army', [[1, 6], [2, 7]])] };

    it('gives a reporter one colour in every chart, and different colours within a chart', () => {
      const colors = reporterColors([killed, other]);
      // Ministry (4 reports), Army (2), Wafa (2, first seen earlier than Army? no: Wafa is in both charts).
      expect(colors.get('Ministry')).to.equal(REPORTER_PALETTE[0]);
      expect(colors.get('Office')).to.equal(CONTEXT_COLOR);
      expect(new Set([colors.get('Ministry'), colors.get('Wafa')]).size).to.equal(2);
      expect(new Set([colors.get('Wafa'), colors.get('Army')]).size).to.equal(2);
      const first = chart(killed, 0, 30, { colors });
      const second = figureChart(other, { width: 600, height: 160, x: (t) => (t - day(0)) / DAY, domain: [day(0), day(3)], colors });
      const wafa = (c: FigureChart) => c.lines.find((l) => l.reporter === 'Wafa')!.color;
      expect(wafa(first)).to.equal(wafa(second));
      expect(wafa(first)).to.equal(colors.get('Wafa'));
    });

    it('uses colours with at least 3:1 contrast on the light and the dark background', () => {
      for (const color of [...REPORTER_PALETTE, CONTEXT_COLOR]) {
        expect(contrast(color, '#ffffff'), `${color} on white`).to.be.at.least(3);
        expect(contrast(color, '#16181d'), `${color} on dark`).to.be.at.least(3);
        expect(contrast(color, '#1f2228'), `${color} on the dark panel`).to.be.at.least(3);
      }
    });
  });

  describe('figureChart', () => {
    it('scales values from 0 to a round maximum, with labelled ticks in a gutter on the start side', () => {
      const c = chart(killed, 0, 30);
      // 160 px: values run from y 152 (0) up to y 8 (800); (152 - 8) / 36 = 4 ticks wanted.
      expect(c.top).to.equal(8);
      expect(c.bottom).to.equal(152);
      expect(c.axis.ticks.map((t) => [t.value, t.y, t.label])).to.deep.equal([
        [0, 152, '0'],
        [200, 116, '200'],
        [400, 80, '400'],
        [600, 44, '600'],
        [800, 8, '800'],
      ]);
      // "800" is 19.5 px: the gutter keeps 8 px more, outside the plot, where no line goes.
      expect(c.axis).to.include({ side: 'left', gutter: 28, x: -4 });
      expect(chart(killed, 0, 30, { rtl: true }).axis).to.include({ side: 'right', gutter: 28, x: 604 });
      // Compact labels in the reader's language.
      const big = chart({ measure: 'm', series: [series('A', [[1, 67160]])] }, 0, 30, { locale: 'de' });
      expect(big.axis.ticks.map((t) => t.label)).to.deep.equal(['0', '20.000', '40.000', '60.000', '80.000']);
    });

    it('draws highlighted lines in their colour and the others as named grey context, context first', () => {
      const c = chart(killed, 0, 30);
      expect(c.lines.map((l) => [l.reporter, l.highlighted, l.color === CONTEXT_COLOR])).to.deep.equal([
        ['Office', false, true],
        ['Ministry', true, false],
        ['Wafa', true, false],
      ]);
      expect(c.lines.find((l) => l.reporter === 'Ministry')!.path).to.equal('M0,134L200,116L400,80L600,8');
    });

    it('runs a line to both edges of a zoomed window, from the points just outside it', () => {
      // Days 12–18: no point in view; the line runs from 240 (day 12) to 360 (day 18).
      const c = chart(killed, 12, 18);
      // 0–400 in view: y = 152 - value × 0.36.
      expect(c.axis.ticks.map((t) => t.value)).to.deep.equal([0, 100, 200, 300, 400]);
      expect(c.lines.find((l) => l.reporter === 'Ministry')!.path).to.equal('M0,65.6L600,22.4');
      // Office's only report is before the window and Wafa's after it: neither is in view.
      expect(c.lines.filter((l) => l.path !== '').map((l) => l.reporter)).to.deep.equal(['Ministry']);
      expect(c.points).to.deep.equal([]);
      // The label names the latest value before the window, with its date.
      expect(c.labels.map((l) => l.lines)).to.deep.equal([['Ministry', '200 · 01-11']]);

      // One point in view (day 20) still reaches both edges.
      const one = chart(killed, 15, 25);
      const ministry = one.lines.find((l) => l.reporter === 'Ministry')!.path;
      expect(ministry.match(/[ML]/g)).to.have.length(3);
      expect(ministry.startsWith('M0,')).to.equal(true);
      expect(ministry).to.match(/L300,[\d.]+L600,[\d.]+$/);
    });

    it('marks every point in view, with no counts', () => {
      const c = chart(killed, 0, 30);
      expect(c.points.map((p) => [p.eventId, p.x, p.y, p.highlighted])).to.deep.equal([
        ['Ministry-0', 0, 134, true],
        ['Ministry-10', 200, 116, true],
        ['Ministry-20', 400, 80, true],
        ['Ministry-30', 600, 8, true],
        ['Wafa-21', 420, 89, true],
        ['Office-5', 100, 125, false],
      ]);
      for (const point of c.points) expect(point).not.to.have.property('count');
    });

    it('names each highlighted line at its end with its latest value and date, labels apart and off the lines', () => {
      const c = chart(killed, 0, 30);
      expect(c.labels.map((l) => [l.reporter, l.lines])).to.deep.equal([
        ['Ministry', ['Ministry', '800 · 01-31']],
        ['Wafa', ['Wafa', 'more than 350 · 01-22']],
      ]);
      const [ministry, wafa] = c.labels;
      // Ministry ends at the right edge: its label ("Ministry" in bold, 56 px; "800 · 01-31", 71.5 px)
      // is against the edge, below its line's end.
      expect(ministry).to.include({ x: 528, width: 72, height: 28 });
      expect(ministry.anchor).to.deep.equal({ x: 600, y: 8 });
      // Wafa's one report: its label just after it (426), where no line runs.
      expect(wafa.x).to.equal(426);
      for (const label of c.labels) {
        expect(label.x).to.be.at.least(0);
        expect(label.x + label.width).to.be.at.most(600);
        expect(label.y).to.be.at.least(0);
        expect(label.y + label.height).to.be.at.most(160);
        for (const l of c.lines) {
          for (const x of [label.x, label.x + label.width / 2, label.x + label.width]) {
            const y = pathY(l.path, x);
            if (!Number.isNaN(y)) expect(y < label.y || y > label.y + label.height, `${l.reporter} crosses ${label.reporter}'s label at ${x}`).to.equal(true);
          }
        }
      }
      expect(ministry.y + ministry.height <= wafa.y || wafa.y + wafa.height <= ministry.y || ministry.x + ministry.width <= wafa.x || wafa.x + wafa.width <= ministry.x).to.equal(true);
    });

    it('keeps two labels that end on the same value apart', () => {
      const same: MeasureSeries = { measure: 'm', series: [series('A', [[0, 10], [30, 100]]), series('B', [[0, 20], [30, 100]])] };
      const [a, b] = chart(same, 0, 30).labels;
      expect(a.x).to.equal(b.x);
      expect(Math.abs(a.y - b.y)).to.be.at.least(28);
    });

    it('puts the label before the line\'s end in a right-to-left chart', () => {
      const c = chart({ measure: 'm', series: [series('A', [[0, 10], [10, 20]])] }, 0, 30, { rtl: true });
      // Day 10 is at x 400 from the right: the label ("A" over "20 · 01-11", 65 px) ends 6 px before it.
      expect(c.labels[0]).to.include({ x: 329, width: 65 });
    });

    it('draws two reporters\' different values within three days as a range with both values', () => {
      const c = chart(killed, 0, 30);
      expect(c.ranges).to.have.length(1);
      const [range] = c.ranges;
      // Ministry's 400 on day 20, Wafa's "more than 350" on day 21: the bar at day 20.5.
      expect(range.x).to.equal(410);
      expect([range.low.reporter, range.low.value, range.low.text, range.low.y]).to.deep.equal(['Wafa', 350, 'more than 350', 89]);
      expect([range.high.reporter, range.high.value, range.high.text, range.high.y]).to.deep.equal(['Ministry', 400, '400', 80]);
      // Both values labelled, one above the other.
      expect(range.high.label).not.to.equal(null);
      expect(range.low.label).not.to.equal(null);
      expect(range.low.label!.y - range.high.label!.y).to.be.at.least(14);
      // The same reporter twice, or reports four days apart, are no disagreement.
      const apart = chart({ measure: 'm', series: [series('A', [[0, 10], [1, 12]]), series('B', [[5, 30]])] }, 0, 30);
      expect(apart.ranges).to.deep.equal([]);
      const agree = chart({ measure: 'm', series: [series('A', [[0, 10]]), series('B', [[1, 10]])] }, 0, 30);
      expect(agree.ranges).to.deep.equal([]);
    });

    it('keeps values of ±1e308 finite everywhere', () => {
      const extreme: MeasureSeries = { measure: 'm', series: [series('A', [[0, 1e308], [10, -1e308], [20, 5]]), series('B', [[11, 1e308]])] };
      for (const [d0, d1] of [[0, 30], [2, 8], [9, 12]]) {
        const c = chart(extreme, d0, d1);
        expect(numbers(c).every(Number.isFinite), `days ${d0}–${d1}`).to.equal(true);
        for (const l of c.lines) expect(l.path).not.to.match(/NaN|Infinity/);
        for (const t of c.axis.ticks) expect(t.label).not.to.match(/NaN|∞/);
        expect(c.axis.ticks.length).to.be.at.least(2);
        for (const p of c.points) expect(p.y).to.be.within(c.top, c.bottom);
      }
      expect(chart(extreme, 0, 30).ranges).to.have.length(1);
    });

    it('draws nothing of a measure with no value in view', () => {
      const c = chart(killed, 40, 50);
      expect(c.inView).to.equal(false);
      expect(chart(killed, 12, 18).inView).to.equal(true);
      expect(c.lines.every((l) => l.path === '')).to.equal(true);
      expect(c.labels).to.deep.equal([]);
      expect(c.points).to.deep.equal([]);
      expect(c.axis.ticks.map((t) => t.value)).to.deep.equal([0, 0.2, 0.4, 0.6, 0.8, 1]);
    });

    it('with the axis inside, keeps its gutter on the start side and runs the lines from its edge', () => {
      const t0 = day(0);
      const t1 = day(30);
      const scale = (t: number) => ((t - t0) / (t1 - t0)) * 600;
      const invert = (px: number) => t0 + (px / 600) * (t1 - t0);
      const c = figureChart(killed, { width: 600, height: 160, x: scale, invert, domain: [t0, t1], formatDate: () => 'd' });
      // "800" is 19.5 px: a gutter of 28 px, taken from the start of the plot.
      expect(c.plot).to.deep.equal([28, 600]);
      expect(c.axis).to.include({ side: 'left', gutter: 28, x: 24 });
      const ministry = c.lines.find((l) => l.reporter === 'Ministry')!.path;
      expect(ministry.startsWith('M28,')).to.equal(true);
      // Ministry's first report (day 0, x 0) is under the axis: not a point of the plot.
      expect(c.points.map((p) => p.eventId)).to.not.include('Ministry-0');
      for (const label of c.labels) expect(label.x).to.be.at.least(28);
      // Right to left, mirrored.
      const rtlX = (t: number) => 600 - scale(t);
      const r = figureChart(killed, { width: 600, height: 160, x: rtlX, invert: (px) => invert(600 - px), domain: [t0, t1], rtl: true, formatDate: () => 'd' });
      expect(r.plot).to.deep.equal([0, 572]);
      expect(r.axis).to.include({ side: 'right', x: 576 });
      expect(r.lines.find((l) => l.reporter === 'Ministry')!.path.startsWith('M572,')).to.equal(true);
    });

    it('opens the gutter rather than hide a report under it, and leaves out the tick labels a line or point crosses', () => {
      const t0 = day(0);
      const t1 = day(30);
      const scale = (t: number) => ((t - t0) / (t1 - t0)) * 600;
      const invert = (px: number) => t0 + (px / 600) * (t1 - t0);
      const c = figureChart(killed, { width: 600, height: 160, x: scale, invert, openGutter: true, domain: [t0, t1], formatDate: () => 'd' });
      expect(c.plot).to.deep.equal([0, 600]);
      expect(c.points.map((p) => p.eventId)).to.include('Ministry-0');
      // Ministry's line starts at 100 (y 134) under the axis: the "0" (y 152) and "200" (y 116) labels
      // are clear of it, with the others; none is crossed, so all are labelled.
      const labelled = c.axis.ticks.filter((t) => !t.unlabelled).map((t) => t.value);
      expect(labelled).to.deep.equal([0, 200, 400, 600, 800]);
      // A report at the level of a label, under it, takes that label away.
      const crossing: MeasureSeries = { measure: 'm', series: [series('A', [[0, 200], [30, 800]])] };
      const d = figureChart(crossing, { width: 600, height: 160, x: scale, invert, openGutter: true, domain: [t0, t1], formatDate: () => 'd' });
      expect(d.axis.ticks.filter((t) => t.unlabelled).map((t) => t.value)).to.deep.equal([200]);
      // Without a report under it (days 6 to 7.4), the gutter is kept.
      const later = (t: number) => ((t - day(6)) / (30 * DAY)) * 600;
      const kept = figureChart(killed, { width: 600, height: 160, x: later, invert: (px) => day(6) + (px / 600) * 30 * DAY, openGutter: true, domain: [day(6), day(36)], formatDate: () => 'd' });
      expect(kept.plot[0]).to.be.above(0);
    });

    it('names a context line at its end when asked (the one pointed at or focused)', () => {
      const withContext: MeasureSeries = { ...killed, series: [...killed.series, series('Agency', [[2, 90], [25, 600]])] };
      const plain = chart(withContext, 0, 30);
      expect(plain.labels.map((l) => l.reporter)).to.deep.equal(['Ministry', 'Wafa']);
      const named = chart(withContext, 0, 30, { named: ['Agency', 'Ministry'] });
      expect(named.labels.map((l) => [l.reporter, l.highlighted])).to.deep.equal([
        ['Ministry', true],
        ['Wafa', true],
        ['Agency', false],
      ]);
      const agency = named.lines.find((l) => l.reporter === 'Agency')!;
      expect([agency.highlighted, agency.named, agency.color]).to.deep.equal([false, true, CONTEXT_COLOR]);
      // Drawn over the other context lines, under the highlighted ones.
      expect(named.lines.map((l) => l.reporter)).to.deep.equal(['Office', 'Agency', 'Ministry', 'Wafa']);
    });

    it('draws the widest of disagreements that crowd, one per neighbourhood, and names who said what where there is room', () => {
      const crowd: MeasureSeries = {
        measure: 'm',
        series: [series('A', [[0, 100], [10, 100], [20, 100]]), series('B', [[0, 90]]), series('C', [[10, 50]]), series('D', [[20, 95]])],
      };
      // Two reporters that both draw a line show their gap along it: no range.
      const twoLines: MeasureSeries = { measure: 'm', series: [series('A', [[0, 100], [10, 100]]), series('B', [[0, 90], [10, 50]])] };
      expect(chart(twoLines, 0, 30).ranges).to.deep.equal([]);
      const c = chart(crowd, 0, 300, { rangeGap: 32 });
      // Days 0, 10 and 20 are 20 px apart: one range, the widest (100 against 50, on day 10).
      expect(c.ranges.map((r) => [r.low.value, r.high.value])).to.deep.equal([[50, 100]]);
      expect(chart(crowd, 0, 300, { rangeGap: 10 }).ranges).to.have.length(3);
      const [range] = chart(killed, 0, 30).ranges;
      expect(range.high.label!.named).to.equal(true);
      // A name too long for the room: the values alone.
      const long: MeasureSeries = { measure: 'm', series: [series('The ministry of health of the region', [[20, 400]]), series('B', [[21, 350]])], highlight: ['B'] };
      const narrow = figureChart(long, { width: 300, height: 160, x: (t) => ((t - day(0)) / (30 * DAY)) * 300, domain: [day(0), day(30)] });
      expect(narrow.ranges[0].high.label).to.include({ named: false });
      expect(narrow.ranges[0].low.label).to.include({ named: false });
    });

    it('keeps labels above the baseline', () => {
      const low: MeasureSeries = { measure: 'm', series: [series('A', [[0, 800], [28, 0]]), series('B', [[29, 10]])], highlight: ['A', 'B'] };
      const c = chart(low, 0, 30);
      for (const label of c.labels) expect(label.y + label.height, label.reporter).to.be.at.most(c.bottom);
    });

    it('dashes the stretches of a line that bridge a long silence between two reports', () => {
      const sparse: MeasureSeries = { measure: 'm', series: [series('A', [[0, 100], [10, 200], [300, 400], [310, 500]])] };
      const c = chart(sparse, 0, 310);
      const [line] = c.lines;
      // Days 10 to 300: 290 days without a report.
      expect(line.dashed).to.match(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
      expect(line.solid.match(/M/g)).to.have.length(2);
      expect(chart(sparse, 0, 310, { gapDays: 400 }).lines[0].dashed).to.equal('');
      // Zoomed into the silence: the line crosses the window dashed, edge to edge.
      const inside = chart(sparse, 100, 200).lines[0];
      expect([inside.solid, inside.dashed.startsWith('M0,'), inside.dashed.includes('L600,')]).to.deep.equal(['', true, true]);
    });

    it('thins thousands of reports in view to the lowest and highest of each 4 px, keeping the ends and the reports asked for', () => {
      const many: MeasureSeries = {
        measure: 'm',
        series: [{ reporter: 'A', points: Array.from({ length: 3000 }, (_, k) => ({ t: day(k / 100), value: 1000 + (k % 7) * 10 + k, eventId: `e${k}` })) }],
      };
      const c = chart(many, 0, 30, { keep: new Set(['e1234']) });
      // 600 px: columns 0 to 150, two reports each at most, with the first, the last and the one kept.
      expect(c.points.length).to.be.at.most(2 * 151 + 3);
      const ids = c.points.map((p) => p.eventId);
      expect(ids).to.include.members(['e0', 'e2999', 'e1234']);
      expect(c.points.map((p) => p.t)).to.deep.equal([...c.points.map((p) => p.t)].sort((a, b) => a - b));
      // The line still runs from the first report to the last.
      expect(c.lines[0].path.startsWith('M0,')).to.equal(true);
      // No more than a few hundred: fewer than this, and every report is a point.
      expect(chart({ measure: 'm', series: [{ reporter: 'A', points: many.series[0].points.slice(0, 300) }] }, 0, 30).points).to.have.length(300);
    });

    it('draws at most RANGE_LIMIT disagreements, the widest', () => {
      const crowd: MeasureSeries = {
        measure: 'm',
        series: [
          series('A', Array.from({ length: 30 }, (_, k): [number, number] => [k * 10, 100])),
          ...Array.from({ length: 30 }, (_, k) => series(`B${k}`, [[k * 10, 100 - k]])),
        ],
      };
      const c = chart(crowd, 0, 300, { rangeGap: 1 });
      expect(c.ranges).to.have.length(RANGE_LIMIT);
      expect(Math.min(...c.ranges.map((r) => r.high.value - r.low.value))).to.equal(30 - RANGE_LIMIT);
    });
  });
});
