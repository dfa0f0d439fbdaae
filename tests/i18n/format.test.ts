import { expect } from '@open-wc/testing';
import {
  dateFormatter,
  formatCompact,
  formatEventDate,
  formatEventRange,
  formatFigure,
  formatNumber,
} from '../../src/i18n/format.js';
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
});
