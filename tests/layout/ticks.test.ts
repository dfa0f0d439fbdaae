import { expect } from '@open-wc/testing';
import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import { dateFormatter } from '../../src/i18n/format.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { viewScale } from '../../src/layout/extent.js';
import { timeTicks, type Tick, type TimeTicks } from '../../src/layout/ticks.js';
import { yearOf, yearStart } from '../../src/model/dates.js';

const measure = (text: string) => text.length * 7;
const DAY = 86_400_000;

function scaleOf(from: string, to: string, width = 1000, rtl = false) {
  return scaleLinear()
    .domain([new Date(from), new Date(to)])
    .range(rtl ? [width, 0] : [0, width]);
}
const labels = (ticks: Tick[]) => ticks.map((t) => t.label);
const iso = (ticks: Tick[]) => ticks.map((t) => new Date(t.time).toISOString().slice(0, 16));

describe('layout/ticks', () => {
  it('marks months over a year in 1000 px, with the year as context', () => {
    const ticks = timeTicks(scaleOf('2024-01-01', '2025-01-01'), { locale: 'en', measure });
    expect(ticks.unit).to.equal('month');
    expect(ticks.step).to.equal(1);
    expect(labels(ticks.major)).to.deep.equal([
      'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan',
    ]);
    expect(ticks.major[6].x).to.be.closeTo(497.27, 0.01);
    expect(new Date(ticks.major[6].time).toISOString()).to.equal('2024-07-01T00:00:00.000Z');
    expect(ticks.context.map((t) => [t.label, t.x])).to.deep.equal([
      ['2024', 0],
      ['2025', 1000],
    ]);
  });

  it('never leaves the axis bare: six days with no Monday in a narrow view still get day ticks', () => {
    // 20 px a day: whole days do not fit, weeks have no tick in view (6–11 November 2023 starts on a Monday).
    const ticks = timeTicks(scaleOf('2023-11-06T00:00:00.001Z', '2023-11-11T23:59:59.999Z', 120), { locale: 'en', measure: (t) => t.length * 6.5 });
    expect(ticks.unit).to.equal('day');
    expect(ticks.major.length).to.be.greaterThan(1);
    for (const tick of ticks.major) expect(tick.x).to.be.within(0, 120);
  });

  it('labels in the given locale', () => {
    const fr = timeTicks(scaleOf('2024-01-01', '2025-01-01'), { locale: 'fr', measure });
    expect(fr.major[2].label).to.equal('mars');
    const de = timeTicks(scaleOf('2024-01-01', '2025-01-01'), { locale: 'de', measure });
    expect(de.major[2].label).to.match(/^Mär/);
  });

  it('goes to quarters when months do not fit', () => {
    // Over four years a month is 20.8 px, less than "Jan" (21 px) and the gap.
    const ticks = timeTicks(scaleOf('2021-01-01', '2025-01-01'), { locale: 'en', measure });
    expect([ticks.unit, ticks.step]).to.deep.equal(['month', 3]);
    expect(labels(ticks.major).slice(0, 5)).to.deep.equal(['Jan', 'Apr', 'Jul', 'Oct', 'Jan']);
    expect(labels(ticks.context)).to.deep.equal(['2021', '2022', '2023', '2024', '2025']);
    const two = timeTicks(scaleOf('2023-01-01', '2025-01-01'), { locale: 'en', measure });
    expect([two.unit, two.step]).to.deep.equal(['month', 1]);
  });

  it('goes to half years over a decade, then to years, then to every 2 years', () => {
    const decade = timeTicks(scaleOf('2015-01-01', '2025-01-01'), { locale: 'en', measure });
    expect([decade.unit, decade.step]).to.deep.equal(['month', 6]);
    expect(labels(decade.major).slice(0, 4)).to.deep.equal(['Jan', 'Jul', 'Jan', 'Jul']);
    expect(labels(decade.context).slice(0, 3)).to.deep.equal(['2015', '2016', '2017']);

    const narrow = timeTicks(scaleOf('2015-01-01', '2025-01-01', 400), { locale: 'en', measure });
    expect([narrow.unit, narrow.step]).to.deep.equal(['year', 1]);
    expect(labels(narrow.major).slice(0, 3)).to.deep.equal(['2015', '2016', '2017']);
    expect(narrow.context).to.deep.equal([]);

    const forty = timeTicks(scaleOf('1990-01-01', '2030-01-01'), { locale: 'en', measure });
    expect([forty.unit, forty.step]).to.deep.equal(['year', 2]);
    expect(labels(forty.major).slice(0, 3)).to.deep.equal(['1990', '1992', '1994']);
  });

  it('marks days over two weeks, with month and year as context', () => {
    const ticks = timeTicks(scaleOf('2024-03-01', '2024-03-15'), { locale: 'en', measure });
    expect(ticks.unit).to.equal('day');
    expect(labels(ticks.major).slice(0, 3)).to.deep.equal(['1', '2', '3']);
    expect(ticks.major[1].x).to.be.closeTo(1000 / 14, 1e-9);
    expect(ticks.context.map((t) => [t.label, t.x])).to.deep.equal([['March 2024', 0]]);
  });

  it('marks Mondays when days do not fit', () => {
    const ticks = timeTicks(scaleOf('2024-03-01', '2024-05-01'), { locale: 'en', measure });
    expect(ticks.unit).to.equal('week');
    expect(iso(ticks.major).slice(0, 2)).to.deep.equal(['2024-03-04T00:00', '2024-03-11T00:00']);
    expect(labels(ticks.major).slice(0, 2)).to.deep.equal(['4', '11']);
    expect(labels(ticks.context)).to.deep.equal(['March 2024', 'April 2024', 'May 2024']);
  });

  it('marks days, not hours, over a week however wide the view', () => {
    const ticks = timeTicks(scaleOf('2025-10-06', '2025-10-13', 1200), { locale: 'en', measure });
    expect(ticks.unit).to.equal('day');
    expect(labels(ticks.major)).to.deep.equal(['6', '7', '8', '9', '10', '11', '12', '13']);
    expect(labels(ticks.context)).to.deep.equal(['October 2025']);
  });

  it('marks hours within a day, with the day as context', () => {
    const ticks = timeTicks(scaleOf('2024-03-10T00:00Z', '2024-03-11T00:00Z'), { locale: 'en-GB', measure });
    // Hourly labels "00:00" (35 px) 41.7 px apart would leave less than the 8 px gap.
    expect([ticks.unit, ticks.step]).to.deep.equal(['hour', 2]);
    expect(labels(ticks.major).slice(0, 3)).to.deep.equal(['00:00', '02:00', '04:00']);
    expect(ticks.major[7].label).to.equal('14:00');
    expect(ticks.major[7].x).to.be.closeTo(14 * (1000 / 24), 1e-9);
    expect(labels(ticks.context)).to.deep.equal(['10 Mar 2024', '11 Mar 2024']);

    const en = timeTicks(scaleOf('2024-03-10T00:00Z', '2024-03-11T00:00Z'), { locale: 'en', measure });
    expect(en.major[1].label).to.match(/^2:00\sAM$/);
    const de = timeTicks(scaleOf('2024-03-10T00:00Z', '2024-03-11T00:00Z'), { locale: 'de', measure });
    expect(de.major[1].label).to.equal('02:00');
  });

  it('pins the period in progress at the start edge', () => {
    const ticks = timeTicks(scaleOf('2024-03-10', '2024-03-24'), { locale: 'en', measure });
    expect(ticks.context.map((t) => [t.label, t.x])).to.deep.equal([['March 2024', 0]]);
    expect(new Date(ticks.context[0].time).toISOString()).to.equal('2024-03-01T00:00:00.000Z');

    const later = timeTicks(scaleOf('2024-03-20', '2024-04-03'), { locale: 'en', measure });
    expect(later.context.map((t) => t.label)).to.deep.equal(['March 2024', 'April 2024']);
    expect(later.context[1].x).to.be.closeTo((12 / 14) * 1000, 1e-9);
  });

  it('drops the pinned label when the next period starts too close to it', () => {
    // "March 2024" is 70 px wide; April starts 35.7 px in.
    const ticks = timeTicks(scaleOf('2024-03-31T12:00Z', '2024-04-14T12:00Z'), { locale: 'en', measure });
    expect(ticks.context.map((t) => t.label)).to.deep.equal(['April 2024']);
  });

  it('mirrors in a right-to-left view, pinning at the right edge', () => {
    const year = timeTicks(scaleOf('2024-01-01', '2025-01-01', 1000, true), { locale: 'en', measure });
    expect(year.major[6].x).to.be.closeTo(502.73, 0.01);
    const ticks = timeTicks(scaleOf('2024-03-20', '2024-04-03', 1000, true), { locale: 'en', measure });
    expect(ticks.context.map((t) => [t.label, Math.round(t.x)])).to.deep.equal([
      ['March 2024', 1000],
      ['April 2024', 143],
    ]);
    const tight = timeTicks(scaleOf('2024-03-31T12:00Z', '2024-04-14T12:00Z', 1000, true), { locale: 'en', measure });
    expect(tight.context.map((t) => t.label)).to.deep.equal(['April 2024']);
  });

  it('falls back to English for a malformed locale', () => {
    expect(dateFormatter('!!', { month: 'short' }).format(new Date('2024-03-01'))).to.equal('Mar');
    const ticks = timeTicks(scaleOf('2024-01-01', '2025-01-01'), { locale: '!!', measure });
    expect(ticks.major[2].label).to.equal('Mar');
  });

  it('is empty for an empty window', () => {
    expect(timeTicks(scaleOf('2024-01-01', '2024-01-01'), { locale: 'en', measure })).to.deep.equal({ major: [], context: [] });
  });

  describe('random windows', () => {
    const boxesApart = (boxes: [number, number][], gap: number) => {
      const sorted = [...boxes].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) if (sorted[i][0] - sorted[i - 1][1] < gap - 1e-9) return false;
      return true;
    };
    function check(ticks: TimeTicks, width: number, rtl: boolean, gap: number) {
      // One tick can be all there is: a week from a millisecond past a Monday, too narrow for days,
      // holds a single Monday. The context row still names the month.
      expect(ticks.major.length).to.be.at.least(1);
      expect(ticks.context.length).to.be.at.least(ticks.major.length > 1 ? 0 : 1);
      expect(boxesApart(ticks.major.map((t) => [t.x - measure(t.label) / 2, t.x + measure(t.label) / 2]), gap)).to.equal(true);
      expect(
        boxesApart(
          ticks.context.map((t) => (rtl ? [t.x - measure(t.label), t.x] : [t.x, t.x + measure(t.label)])),
          gap,
        ),
      ).to.equal(true);
      for (const t of [...ticks.major, ...ticks.context]) expect(t.x).to.be.within(-1e-6, width + 1e-6);
      for (let i = 1; i < ticks.major.length; i++) expect(ticks.major[i].time > ticks.major[i - 1].time).to.equal(true);
    }

    it('never lets labels overlap, from a day to fifty years, in several locales', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 30 * 365 * DAY }),
          fc.integer({ min: DAY, max: 50 * 365 * DAY }),
          fc.integer({ min: 240, max: 1600 }),
          fc.boolean(),
          fc.constantFrom('en', 'en-GB', 'fr', 'de', 'ar', 'he', 'ja'),
          fc.integer({ min: 2, max: 16 }),
          (offset, span, width, rtl, locale, gap) => {
            const t0 = Date.UTC(1995, 0, 1) + offset;
            const scale = scaleLinear()
              .domain([new Date(t0), new Date(t0 + span)])
              .range(rtl ? [width, 0] : [0, width]);
            check(timeTicks(scale, { locale, measure, gap }), width, rtl, gap);
          },
        ),
        // Found by this test: seven and a half days from a millisecond past a Monday, in 240 px.
        { numRuns: 300, examples: [[113788800001, 668903226, 240, false, 'ja', 10]] },
      );
    });

    it('at any distance and any width of window, from a day near the first Date to the age of the universe: no NaN, no overlap', () => {
      const YEAR = 31_556_952_000;
      fc.assert(
        fc.property(
          // The window's start, in years from 1970, and its width, as a power of ten of ms.
          fc.double({ min: -1.4e10, max: 3e5, noNaN: true }),
          fc.double({ min: Math.log10(DAY), max: Math.log10(1.5e10 * YEAR), noNaN: true }),
          fc.integer({ min: 240, max: 1600 }),
          fc.boolean(),
          fc.constantFrom('en', 'ar', 'zh-u-ca-chinese', 'ko-u-ca-dangi', 'fr', 'he'),
          (startYears, spanPower, width, rtl, locale) => {
            const t0 = startYears * YEAR;
            const scale = viewScale([t0, t0 + 10 ** spanPower], width, rtl);
            const ticks = timeTicks(scale, { locale, measure, tr: createTranslator(locale) });
            expect(ticks.major.length + ticks.context.length).to.be.at.least(1);
            for (const t of [...ticks.major, ...ticks.context]) {
              expect(Number.isFinite(t.x) && Number.isFinite(t.left!), t.label).to.equal(true);
              expect(t.label).to.not.match(/NaN|Invalid/);
              expect(t.label.length).to.be.above(0);
            }
            expect(boxesApart(ticks.major.map((t) => [t.x - measure(t.label) / 2, t.x + measure(t.label) / 2]), 8)).to.equal(true);
          },
        ),
        {
          numRuns: 300,
          examples: [
            // A day at the first instant a Date holds, and one at the last.
            [-271_821.7, Math.log10(DAY), 1000, false, 'zh-u-ca-chinese'],
            [273_790.7, Math.log10(DAY), 1000, false, 'ko-u-ca-dangi'],
            // Eighteen years that end a year short of the last Date: every sixth month would step
            // past it, where d3-time's `every` searches for ever.
            [8_639_429_553_595_125 / YEAR, Math.log10(569_419_547_836), 1000, false, 'ko-u-ca-dangi'],
          ],
        },
      );
    });
  });

  describe('years before 1 and years far from today', () => {
    const yearsScale = (from: number, to: number, width = 1000) => viewScale([yearStart(from), yearStart(to)], width);
    const en = { locale: 'en', measure, tr: createTranslator('en') };

    it('counts years before 1 by their era: 1400 BC … 200 BC, 1 AD, 200 AD, never "1401" or "1 BC" for a round number', () => {
      const ticks = timeTicks(yearsScale(-1520, 500), en);
      expect([ticks.unit, ticks.step]).to.deep.equal(['year', 200]);
      expect(labels(ticks.major)).to.deep.equal(['1400 BC', '1200 BC', '1000 BC', '800 BC', '600 BC', '400 BC', '200 BC', '1 AD', '200 AD', '400 AD']);
      // 1400 BC is ISO year -1399.
      expect(yearOf(ticks.major[0].time)).to.equal(-1399);
    });

    it('gives the year and its era under the months around 44 BC: 45 BC, 44 BC', () => {
      const ticks = timeTicks(viewScale([Date.UTC(-44, 2, 1), Date.UTC(-43, 8, 1)], 1000), en);
      expect(ticks.unit).to.equal('month');
      expect(labels(ticks.context)).to.deep.equal(['45 BC', '44 BC']);
    });

    it('in Arabic, the era of Arabic', () => {
      const ticks = timeTicks(viewScale([Date.UTC(-44, 2, 1), Date.UTC(-43, 8, 1)], 1000), { locale: 'ar', measure, tr: createTranslator('ar') });
      for (const tick of ticks.context) expect(tick.label).to.contain('ق.م');
    });

    it('no era where the window starts in year 1 or later', () => {
      const texts = labels(timeTicks(yearsScale(1900, 2030), en).major);
      expect(texts.length).to.be.above(5);
      for (const text of texts) expect(text).to.match(/^\d{4}$/);
    });

    it('300,000 BC to today: years of the era, grouped', () => {
      const ticks = timeTicks(yearsScale(-312_000, 14_000), en);
      expect(labels(ticks.major)).to.deep.equal(['300,000 BC', '250,000 BC', '200,000 BC', '150,000 BC', '100,000 BC', '50,000 BC', '1 AD']);
      expect(ticks.yearsAgo).to.equal(false);
    });

    it('13.8 billion years to today: years ago, in billions', () => {
      const ticks = timeTicks(yearsScale(-14_350_000_000, 552_000_000, 1600), en);
      expect(ticks.yearsAgo).to.equal(true);
      expect(labels(ticks.major)).to.deep.equal([
        '14 billion years ago', '12 billion years ago', '10 billion years ago', '8 billion years ago',
        '6 billion years ago', '4 billion years ago', '2 billion years ago',
      ]);
      for (let i = 1; i < ticks.major.length; i++) expect(ticks.major[i].x).to.be.above(ticks.major[i - 1].x);
    });

    it('as many digits as the step needs: 6.95 billion, not 7 billion twice', () => {
      const ticks = timeTicks(yearsScale(-7_010_000_000, -6_790_000_000, 1200), en);
      const texts = labels(ticks.major);
      expect(new Set(texts).size).to.equal(texts.length);
      expect(texts).to.include('6.95 billion years ago');
    });

    it('names the year of a window narrower than a year that a Date cannot hold', () => {
      const t0 = yearStart(-300_000) + 100 * DAY;
      const ticks = timeTicks(viewScale([t0, t0 + 2 * DAY], 1000), en);
      expect(ticks.major).to.deep.equal([]);
      expect(labels(ticks.context)).to.deep.equal(['300,001 BC']);
    });
  });
});
