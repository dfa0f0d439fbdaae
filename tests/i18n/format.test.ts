import { expect } from '@open-wc/testing';
import {
  dateFormatter,
  formatCompact,
  formatEventDate,
  formatEventRange,
  formatFarYear,
  formatFigure,
  formatNumber,
  formatTime,
  formatYearNumber,
  formatYearsAgo,
  warmUpDateFormats,
} from '../../src/i18n/format.js';
import { yearStart } from '../../src/model/dates.js';
import { createTranslator } from '../../src/i18n/translate.js';

const OCT_6 = new Date(Date.UTC(2025, 9, 6));
const OCT_9 = new Date(Date.UTC(2025, 9, 9));
const DEC_9 = new Date(Date.UTC(2025, 11, 9));
const OCT_6_1430 = new Date(Date.UTC(2025, 9, 6, 14, 30));

/**
 * Runs `body` as if the machine were in `timeZone`: every DateTimeFormat made without an explicit
 * zone gets that one. Counts the formatters made meanwhile.
 */
function inTimeZone(timeZone: string, body: () => void): number {
  const Real = Intl.DateTimeFormat;
  let made = 0;
  const Fake = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    made++;
    return new Real(locales, { timeZone, ...options });
  } as unknown as typeof Intl.DateTimeFormat;
  Object.defineProperty(Fake, 'prototype', { value: Real.prototype });
  Fake.supportedLocalesOf = Real.supportedLocalesOf;
  Intl.DateTimeFormat = Fake;
  try {
    body();
  } finally {
    Intl.DateTimeFormat = Real;
  }
  return made;
}

describe('i18n/format', () => {
  describe('formatEventDate', () => {
    it('shows a day in the locale’s long form', () => {
      expect(formatEventDate(OCT_6, 'day', 'en')).to.equal('October 6, 2025');
      expect(formatEventDate(OCT_6, 'day', 'en-US')).to.equal('October 6, 2025');
      expect(formatEventDate(OCT_6, 'day', 'en-GB')).to.equal('6 October 2025');
      expect(formatEventDate(OCT_6, 'day', 'de')).to.equal('6. Oktober 2025');
      expect(formatEventDate(OCT_6, 'day', 'fr')).to.equal('6 octobre 2025');
      expect(formatEventDate(OCT_6, 'day', 'he')).to.equal('6 באוקטובר 2025');
      expect(formatEventDate(OCT_6, 'day', 'ar-EG')).to.equal('٦ أكتوبر ٢٠٢٥');
    });

    it('never shows a day for a month, nor a month for a year', () => {
      expect(formatEventDate(OCT_6, 'month', 'en')).to.equal('October 2025');
      expect(formatEventDate(new Date(Date.UTC(2025, 9, 1)), 'month', 'en-GB')).to.equal('October 2025');
      expect(formatEventDate(OCT_6, 'month', 'es')).to.equal('octubre de 2025');
      expect(formatEventDate(OCT_6, 'year', 'en')).to.equal('2025');
      expect(formatEventDate(OCT_6, 'year', 'ar-EG')).to.equal('٢٠٢٥');
    });

    it('shows the hour and minute of a timed event, in UTC and saying so', () => {
      expect(formatEventDate(OCT_6_1430, 'time', 'en')).to.equal('October 6, 2025 at 2:30 PM UTC');
      expect(formatEventDate(OCT_6_1430, 'time', 'en-GB')).to.equal('6 October 2025 at 14:30 UTC');
      expect(formatEventDate(OCT_6_1430, 'time', 'de')).to.equal('6. Oktober 2025 um 14:30 UTC');
    });

    it('keeps the Gregorian calendar, since a year or month cannot be converted to another', () => {
      expect(formatEventDate(OCT_6, 'year', 'fa')).to.equal('۲۰۲۵');
      expect(formatEventDate(OCT_6, 'month', 'fa')).to.not.contain('مهر');
    });

    it('shows the UTC day whatever the machine’s time zone', () => {
      const lateUtc = new Date(Date.UTC(2025, 9, 6, 23, 30));
      let dates: string[] = [];
      // Unused locale variants, so the formatters are made inside the simulated zone.
      inTimeZone('Pacific/Kiritimati', () => {
        dates = [
          formatEventDate(OCT_6, 'day', 'en-CA-u-ca-gregory'),
          formatEventDate(lateUtc, 'day', 'en-CA-u-ca-gregory'),
          formatEventDate(OCT_6, 'month', 'en-CA-u-ca-gregory'),
        ];
      });
      expect(dates).to.deep.equal(['October 6, 2025', 'October 6, 2025', 'October 2025']);
      inTimeZone('America/Los_Angeles', () => {
        dates = [
          formatEventDate(OCT_6, 'day', 'en-NZ'),
          formatEventDate(new Date(Date.UTC(2025, 0, 1)), 'year', 'en-NZ'),
          dateFormatter('en-NZ', { month: 'short', day: 'numeric' }).format(OCT_6),
        ];
      });
      expect(dates).to.deep.equal(['6 October 2025', '2025', '6 Oct']);
    });

    it('makes each formatter once per locale and precision', () => {
      const made = inTimeZone('UTC', () => {
        for (let i = 0; i < 50; i++) {
          formatEventDate(new Date(Date.UTC(2000 + i, 0, 1)), 'day', 'en-AU');
          formatEventDate(new Date(Date.UTC(2000 + i, 0, 1)), 'year', 'en-AU');
        }
      });
      expect(made).to.equal(2);
    });

    it('does not throw on an invalid tag', () => {
      expect(formatEventDate(OCT_6, 'day', 'not a tag')).to.equal('October 6, 2025');
    });
  });

  describe('formatEventRange', () => {
    it('uses the locale’s range form when both ends have the same precision', () => {
      expect(formatEventRange(OCT_6, 'day', OCT_9, 'day', 'en')).to.equal('October 6 – 9, 2025');
      expect(formatEventRange(OCT_6, 'day', OCT_9, 'day', 'en-GB')).to.equal('6 – 9 October 2025');
      expect(formatEventRange(OCT_6, 'day', OCT_9, 'day', 'de')).to.equal('6.–9. Oktober 2025');
      expect(formatEventRange(OCT_6, 'day', OCT_9, 'day', 'fr')).to.equal('6–9 octobre 2025');
      expect(formatEventRange(OCT_6, 'month', DEC_9, 'month', 'en')).to.equal('October – December 2025');
      expect(formatEventRange(new Date(Date.UTC(2024, 0, 1)), 'year', OCT_6, 'year', 'en')).to.equal('2024 – 2025');
    });

    it('shows each end at its own precision when they differ', () => {
      expect(formatEventRange(OCT_6, 'month', DEC_9, 'day', 'en')).to.equal('October 2025 – December 9, 2025');
      expect(formatEventRange(OCT_6, 'day', DEC_9, 'month', 'en-GB')).to.equal('6 October 2025 – December 2025');
    });

    it('is the start date alone without an end, or when both ends fall in one period', () => {
      expect(formatEventRange(OCT_6, 'day', undefined, undefined, 'en')).to.equal('October 6, 2025');
      expect(formatEventRange(OCT_6, 'month', OCT_9, 'month', 'en')).to.equal('October 2025');
      expect(formatEventRange(OCT_6, 'day', OCT_9, undefined, 'en')).to.equal('October 6 – 9, 2025');
    });
  });

  describe('numbers', () => {
    it('formatNumber uses the locale’s grouping and digits', () => {
      expect(formatNumber(67160, 'en')).to.equal('67,160');
      expect(formatNumber(67160, 'de')).to.equal('67.160');
      expect(formatNumber(67160, 'fr')).to.equal('67\u202f160');
      expect(formatNumber(67160, 'ar-EG')).to.equal('٦٧٬١٦٠');
      expect(formatNumber(67160, 'ar-u-nu-arab')).to.equal('٦٧٬١٦٠');
      expect(formatNumber(2.5, 'de')).to.equal('2,5');
    });

    it('formatCompact keeps one decimal at most', () => {
      expect(formatCompact(67160, 'en')).to.equal('67.2K');
      expect(formatCompact(1234567, 'en')).to.equal('1.2M');
      expect(formatCompact(950, 'en')).to.equal('950');
      expect(formatCompact(1234567, 'de')).to.equal('1,2\u00a0Mio.');
      expect(formatCompact(67160, 'ar-EG')).to.equal('٦٧٫٢\u00a0ألف');
    });
  });

  describe('formatFigure', () => {
    const toll = { label: 'Killed in Gaza', value: 67160, qualifier: 'more than', reportedBy: 'Gaza Ministry of Health' };

    it('puts the qualifier, as written, before the number', () => {
      expect(formatFigure(toll, 'en')).to.equal('more than 67,160');
      expect(formatFigure({ ...toll, qualifier: '  about ' }, 'en')).to.equal('about 67,160');
      expect(formatFigure({ ...toll, qualifier: undefined }, 'de')).to.equal('67.160');
      expect(formatFigure({ ...toll, qualifier: 'أكثر من' }, 'ar-EG')).to.equal('أكثر من ٦٧٬١٦٠');
    });

    it('names the reporter when given the widget’s words', () => {
      expect(formatFigure(toll, 'en', createTranslator('en'))).to.equal(
        'more than 67,160, reported by Gaza Ministry of Health',
      );
      expect(formatFigure({ ...toll, qualifier: 'mehr als' }, 'de', createTranslator('de'))).to.equal(
        'mehr als 67.160, laut Gaza Ministry of Health',
      );
      expect(formatFigure({ ...toll, reportedBy: ' ' }, 'en', createTranslator('en'))).to.equal('more than 67,160');
    });
  });

  describe('years before 1: the era, in every language', () => {
    const IDES = new Date(Date.UTC(-43, 2, 15)); // ISO -0043, 44 BC
    const AUGUSTUS = new Date(yearStart(14) + (230 * 86_400_000)); // 19 August 14

    it('says "March 15, 44 BC", "1500 BC" and never a year without its era', () => {
      expect(formatEventDate(IDES, 'day', 'en')).to.equal('March 15, 44 BC');
      expect(formatEventDate(IDES, 'month', 'en')).to.equal('March 44 BC');
      expect(formatEventDate(new Date(yearStart(-1499)), 'year', 'en')).to.equal('1500 BC');
      expect(formatEventDate(new Date(yearStart(0)), 'year', 'en')).to.equal('1 BC');
      // Years from 1 on keep their usual form.
      expect(formatEventDate(AUGUSTUS, 'day', 'en')).to.equal('August 19, 14');
    });

    it('in Arabic: the era of Arabic before year 1, none after', () => {
      expect(formatEventDate(IDES, 'day', 'ar')).to.equal('15 مارس 44 ق.م');
      expect(formatEventDate(AUGUSTUS, 'day', 'ar')).to.not.contain('م');
    });

    it('in each of the seven languages of the widget', () => {
      const expected: Record<string, RegExp> = {
        en: /^March 15, 44 BC$/,
        ar: /^15 مارس 44 ق\.م$/,
        he: /^15 במרץ 44 לפנה״ס$/,
        fr: /^15 mars 44 av\. J\.-C\.$/,
        es: /^15 de marzo de 44 a\. C\.$/,
        de: /^15\. März 44 v\. Chr\.$/,
        tr: /^MÖ 15 Mart 44$/,
      };
      for (const [locale, pattern] of Object.entries(expected)) expect(formatEventDate(IDES, 'day', locale), locale).to.match(pattern);
    });

    it('a span that starts before year 1 carries the era at both ends', () => {
      expect(formatEventRange(IDES, 'day', AUGUSTUS, 'day', 'en')).to.equal('March 15, 44 BC – August 19, 14 AD');
      expect(formatEventRange(new Date(yearStart(-508)), 'year', new Date(yearStart(-26)), 'year', 'en')).to.equal('509 – 27 BC');
    });
  });

  describe('years far from today', () => {
    const en = createTranslator('en');

    it('writes a year of five digits or more grouped, with its era: "300,000 BC"', () => {
      expect(formatYearNumber(-299_999, 'en')).to.equal('300,000 BC');
      expect(formatYearNumber(-271_820, 'en')).to.equal('271,821 BC');
      expect(formatYearNumber(300_000, 'en')).to.equal('300,000');
      expect(formatYearNumber(2024, 'en')).to.equal('2024');
      expect(formatYearNumber(2024, 'en', true)).to.equal('2024 AD');
      expect(formatYearNumber(-299_999, 'de')).to.equal('300.000 v. Chr.');
      expect(formatYearNumber(-299_999, 'zh')).to.equal('公元前300,000年');
    });

    it('says years a million and more before 1950 as years ago, in words of the language', () => {
      expect(formatFarYear(-13_799_999_999, 'en', en)).to.equal('13.8 billion years ago');
      expect(formatFarYear(-4_540_000_000, 'en', en)).to.equal('4.54 billion years ago');
      expect(formatFarYear(-2_500_000, 'en', en)).to.equal('2.5 million years ago');
      expect(formatFarYear(-299_999, 'en', en)).to.equal('300,000 BC');
      expect(formatFarYear(300_000, 'en', en)).to.equal('300,000');
      // Without the widget's words, the year and its era.
      expect(formatFarYear(-13_799_999_999, 'en')).to.equal('13,800,000,000 BC');
    });

    it('in each of the seven languages', () => {
      const words: Record<string, string> = {
        en: '13.8 billion years ago',
        ar: 'قبل \u206813.8 مليار\u2069 سنة',
        he: 'לפני \u206813.8 מיליארד\u2069 שנה',
        fr: 'il y a 13,8 milliards d’années',
        es: 'hace 13,8 mil millones de años',
        de: 'vor 13,8 Milliarden Jahren',
        tr: '13,8 milyar yıl önce',
      };
      for (const [locale, text] of Object.entries(words)) {
        const said = formatYearsAgo(13_800_000_000, locale, createTranslator(locale));
        // Intl marks the direction of a number in Hebrew (U+200F) and spaces it with no-break spaces.
        expect(said.replace(/\u00a0/g, ' ').replace(/\u200f/g, ''), locale).to.equal(text);
      }
      expect(formatYearsAgo(300_000, 'fr', createTranslator('fr')).replace(/\u202f|\u00a0/g, ' ')).to.equal('il y a 300 000 ans');
    });

    it('a time value: a date where a Date holds it, else its year in words', () => {
      expect(formatTime(Date.UTC(2024, 4, 1), 'day', 'en')).to.equal('May 1, 2024');
      expect(formatTime(yearStart(-13_799_999_999), 'day', 'en', en)).to.equal('13.8 billion years ago');
      expect(formatTime(yearStart(-299_999), 'day', 'en', en)).to.equal('300,000 BC');
      expect(formatTime(NaN, 'day', 'en', en)).to.equal('');
    });

    it('an invalid Date is no date, not an exception', () => {
      expect(formatEventDate(new Date(NaN), 'day', 'en')).to.equal('');
    });
  });

  describe('warmUpDateFormats', () => {
    it('makes the given formats first, then the rest, each once, so that a drawing finds them made', async () => {
      const [RealDate, RealNumber] = [Intl.DateTimeFormat, Intl.NumberFormat];
      const made: string[] = [];
      const spy = <T extends object>(Real: T, kind: string): T =>
        new Proxy(Real, {
          construct(target, args) {
            made.push(`${kind} ${args[0]} ${JSON.stringify(args[1])}`);
            return Reflect.construct(target as never, args);
          },
        });
      Intl.DateTimeFormat = spy(RealDate, 'date');
      Intl.NumberFormat = spy(RealNumber, 'number');
      const axis = { month: 'narrow' } as const;
      try {
        // A locale no other test uses, so that nothing is made already.
        warmUpDateFormats(() => 'nn', [axis]);
        for (let waited = 0; made.length < 6 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(made[0]).to.match(/^date nn .*"month":"narrow"/);
        expect(made[1]).to.match(/^number nn/);
        const before = made.length;
        dateFormatter('nn', axis).format(OCT_6);
        formatEventDate(OCT_6, 'day', 'nn');
        expect(made.length).to.equal(before);
      } finally {
        Intl.DateTimeFormat = RealDate;
        Intl.NumberFormat = RealNumber;
      }
    });
  });
});

