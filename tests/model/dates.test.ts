import { expect } from '@open-wc/testing';
import { dateFromParts, dateOrder, formatIsoDate, formatYear, isLeapYear, lastMomentOf, parseDate, yearOf, yearStart, type DateParse } from '../../src/model/dates.js';

function ok(result: DateParse) {
  if ('error' in result) throw new Error(`expected a date, got: ${result.error}`);
  return result;
}

function fails(result: DateParse): string {
  if (!('error' in result)) throw new Error(`expected an error, got ${result.date.toISOString()}`);
  return result.error;
}

function utcParts(date: Date) {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
}

describe('parseDate', () => {
  it('reads a year as 1 January at UTC midnight, precision year', () => {
    const { date, precision } = ok(parseDate('2025'));
    expect(date.toISOString()).to.equal('2025-01-01T00:00:00.000Z');
    expect(precision).to.equal('year');
  });

  it('reads a month as the 1st of that month, precision month', () => {
    const { date, precision } = ok(parseDate('2025-10'));
    expect(date.toISOString()).to.equal('2025-10-01T00:00:00.000Z');
    expect(precision).to.equal('month');
  });

  it('reads "2025-10-06" as 6 October in UTC, whatever the time zone of the machine', () => {
    const { date, precision } = ok(parseDate('2025-10-06'));
    expect(utcParts(date)).to.deep.equal([2025, 10, 6, 0, 0]);
    expect(date.getTime()).to.equal(Date.UTC(2025, 9, 6));
    expect(precision).to.equal('day');
  });

  it('reads date-times with Z and with offsets', () => {
    expect(ok(parseDate('2025-10-06T14:30Z')).date.toISOString()).to.equal('2025-10-06T14:30:00.000Z');
    expect(ok(parseDate('2025-10-06T14:30+02:00')).date.toISOString()).to.equal('2025-10-06T12:30:00.000Z');
    expect(ok(parseDate('2025-10-06T01:15-0330')).date.toISOString()).to.equal('2025-10-06T04:45:00.000Z');
    expect(ok(parseDate('2025-10-06T14:30:05.250+05')).date.toISOString()).to.equal('2025-10-06T09:30:05.250Z');
    expect(ok(parseDate('2025-10-06 14:30Z')).precision).to.equal('time');
  });

  it('reads a date-time without a zone as UTC and leaves a note to warn about', () => {
    const result = ok(parseDate('2025-10-06T14:30'));
    expect(result.date.toISOString()).to.equal('2025-10-06T14:30:00.000Z');
    expect(result.note).to.include('no time zone');
    expect(ok(parseDate('2025-10-06T14:30Z')).note).to.equal(undefined);
  });

  it('does not shift years before 1000 (or before 100) into the 1900s', () => {
    expect(ok(parseDate('0800')).date.getUTCFullYear()).to.equal(800);
    expect(ok(parseDate('0044-03-15')).date.getUTCFullYear()).to.equal(44);
    expect(ok(parseDate('0001-01-01')).date.getUTCFullYear()).to.equal(1);
    expect(ok(parseDate('0000')).date.getUTCFullYear()).to.equal(0);
  });

  it('reads negative and expanded years', () => {
    const ides = ok(parseDate('-0044-03-15'));
    expect(ides.date.getUTCFullYear()).to.equal(-44);
    expect(ides.date.getUTCMonth()).to.equal(2);
    expect(ides.date.getUTCDate()).to.equal(15);
    expect(ok(parseDate('+10000')).date.getUTCFullYear()).to.equal(10000);
    expect(ok(parseDate('−0500')).date.getUTCFullYear()).to.equal(-500);
  });

  it('keeps years a Date cannot hold as farYear, with the date clamped', () => {
    const bang = ok(parseDate('-13800000000'));
    expect(bang.farYear).to.equal(-13_800_000_000);
    expect(bang.precision).to.equal('year');
    expect(bang.date.getTime()).to.equal(-8.64e15);
    const future = ok(parseDate('+300000'));
    expect(future.farYear).to.equal(300_000);
    expect(future.date.getTime()).to.equal(8.64e15);
    expect(ok(parseDate('-271820')).farYear).to.equal(undefined);
    expect(ok(parseDate('-300000-05-01')).note).to.include('only the year is kept');
  });

  it('trims white space around the date', () => {
    expect(ok(parseDate('  2025-10-06\n')).date.toISOString()).to.equal('2025-10-06T00:00:00.000Z');
  });

  it('names the month that does not exist', () => {
    expect(fails(parseDate('2024-13-45'))).to.equal(
      '"2024-13-45" is not a valid date: month 13 does not exist. Use YYYY, YYYY-MM, YYYY-MM-DD or a date-time with a time zone, like 2025-10-06T14:30Z.',
    );
    expect(fails(parseDate('2024-00'))).to.include('month 0 does not exist');
  });

  it('names impossible days, including 29 February outside leap years', () => {
    expect(fails(parseDate('2023-02-30'))).to.equal('"2023-02-30" is not a valid date: February 2023 has only 28 days.');
    expect(fails(parseDate('2023-02-29'))).to.equal('"2023-02-29" is not a valid date: 2023 is not a leap year, so February has 28 days.');
    expect(fails(parseDate('2024-04-31'))).to.include('April 2024 has only 30 days');
    expect(fails(parseDate('2024-01-32'))).to.include('day 32 does not exist');
    expect(ok(parseDate('2024-02-29')).date.toISOString()).to.equal('2024-02-29T00:00:00.000Z');
    expect(ok(parseDate('2000-02-29')).precision).to.equal('day');
    expect(fails(parseDate('1900-02-29'))).to.include('1900 is not a leap year');
  });

  it('names impossible times and zones', () => {
    expect(fails(parseDate('2025-10-06T25:00Z'))).to.include('hour 25 does not exist');
    expect(fails(parseDate('2025-10-06T12:60Z'))).to.include('minute 60 does not exist');
    expect(fails(parseDate('2025-10-06T12:00+25:00'))).to.include('time zone offset does not exist');
    expect(fails(parseDate('2025-10-06T12:00 CEST'))).to.include('is not a time zone');
    expect(fails(parseDate('2025-10-06T1230Z'))).to.include('HH:MM');
  });

  it('explains dates written the way people write them', () => {
    expect(fails(parseDate('10/06/2025'))).to.equal(
      '"10/06/2025" is not a valid date: day and month in this order are read differently in different countries (10 June or 6 October?). Write it as YYYY-MM-DD, like 2025-06-10 or 2025-10-06.',
    );
    expect(fails(parseDate('25/12/2025'))).to.include('like 2025-12-25');
    expect(fails(parseDate('2025/10/06'))).to.include('like 2025-10-06');
    expect(fails(parseDate('October 6, 2025'))).to.include('Write the month as a number');
    expect(fails(parseDate('20251006'))).to.include('like 2025-10-06');
    expect(fails(parseDate('800'))).to.include('the year needs four digits, like 0800');
    expect(fails(parseDate('25-10-06'))).to.include('four digits');
    expect(fails(parseDate('13800000000'))).to.include('needs a sign');
    expect(fails(parseDate('2025-3'))).to.include('the month needs two digits, like 2025-03');
    expect(fails(parseDate('2025-10-6'))).to.include('the day needs two digits, like 2025-10-06');
  });

  it('refuses empty, long and odd texts without throwing', () => {
    expect(fails(parseDate(''))).to.include('empty');
    expect(fails(parseDate('   '))).to.include('empty');
    expect(fails(parseDate('2025-10-06'.repeat(10)))).to.include('too long');
    expect(fails(parseDate('yesterday'))).to.include('does not start with a year');
    expect(fails(parseDate(42 as unknown as string))).to.include('must be text');
    expect(fails(parseDate('2025-10-06Tomorrow'))).to.include('HH:MM');
    expect(fails(parseDate('2025-10-06x'))).to.include('should be a T');
  });
});

describe('dateFromParts', () => {
  it('takes the precision from the parts present', () => {
    expect(ok(dateFromParts({ year: 1969 })).precision).to.equal('year');
    expect(ok(dateFromParts({ year: 1969, month: 7 })).precision).to.equal('month');
    expect(ok(dateFromParts({ year: 1969, month: 7, day: 20 })).precision).to.equal('day');
    const landing = ok(dateFromParts({ year: 1969, month: 7, day: 20, hour: 20, minute: 17 }));
    expect(landing.precision).to.equal('time');
    expect(landing.date.toISOString()).to.equal('1969-07-20T20:17:00.000Z');
  });

  it('names the impossible part', () => {
    expect(fails(dateFromParts({ year: 2023, month: 2, day: 30 }))).to.equal('February 2023 has only 28 days');
    expect(fails(dateFromParts({ year: 622, month: 13 }))).to.equal('month 13 does not exist');
    expect(fails(dateFromParts({ year: 1.5 }))).to.include('not a whole number');
  });
});

describe('formatIsoDate', () => {
  it('writes a date back at its precision', () => {
    const date = new Date(Date.UTC(2025, 9, 6, 14, 30));
    expect(formatIsoDate(date, 'year')).to.equal('2025');
    expect(formatIsoDate(date, 'month')).to.equal('2025-10');
    expect(formatIsoDate(date, 'day')).to.equal('2025-10-06');
    expect(formatIsoDate(date, 'time')).to.equal('2025-10-06T14:30Z');
    expect(formatIsoDate(new Date(Date.UTC(2025, 9, 6, 14, 30, 5, 7)), 'time')).to.equal('2025-10-06T14:30:05.007Z');
  });

  it('writes signed and short years as ISO 8601 does', () => {
    expect(formatYear(800)).to.equal('0800');
    expect(formatYear(-44)).to.equal('-0044');
    expect(formatYear(12345)).to.equal('+12345');
    expect(formatIsoDate(ok(parseDate('-0044-03-15')).date, 'day')).to.equal('-0044-03-15');
    expect(formatIsoDate(new Date(NaN), 'day')).to.equal('');
  });

  it('round-trips through parseDate at every precision', () => {
    for (const text of ['2025', '2025-10', '2025-10-06', '2025-10-06T14:30Z', '2025-10-06T14:30:05Z', '0800-02-29', '-0044-03-15', '+12345-01']) {
      const { date, precision } = ok(parseDate(text));
      expect(formatIsoDate(date, precision)).to.equal(text);
    }
  });
});

describe('isLeapYear', () => {
  it('follows the Gregorian rule, also for year 0 and negative years', () => {
    expect([2024, 2000, 0, -4, 1600].map(isLeapYear)).to.deep.equal([true, true, true, true, true]);
    expect([2023, 1900, 2100, -1, 1].map(isLeapYear)).to.deep.equal([false, false, false, false, false]);
  });
});

describe('lastMomentOf and dateOrder', () => {
  it('gives the last millisecond a date covers at its precision', () => {
    const at = (text: string) => {
      const { date, precision, farYear } = ok(parseDate(text));
      return new Date(lastMomentOf(date, precision, farYear)).toISOString();
    };
    expect(at('2024')).to.equal('2024-12-31T23:59:59.999Z');
    expect(at('2024-02')).to.equal('2024-02-29T23:59:59.999Z');
    expect(at('2025-12')).to.equal('2025-12-31T23:59:59.999Z');
    expect(at('2025-10-06')).to.equal('2025-10-06T23:59:59.999Z');
    expect(at('2025-10-06T14:30Z')).to.equal('2025-10-06T14:30:00.000Z');
    expect(at('-0044-03')).to.equal('-000044-03-31T23:59:59.999Z');
  });

  it('orders years a Date cannot hold before and after every other date', () => {
    const order = (text: string) => {
      const { date, farYear } = ok(parseDate(text));
      return dateOrder(date, farYear);
    };
    expect(order('-13800000000')).to.be.below(order('-4600000000'));
    expect(order('-4600000000')).to.be.below(order('-271820'));
    expect(order('+275759')).to.be.below(order('+300000'));
  });

  it('orders the first year a Date cannot hold before the first one it holds (-271821, -271820)', () => {
    const order = (text: string) => {
      const { date, farYear } = ok(parseDate(text));
      return dateOrder(date, farYear);
    };
    expect(order('-271821')).to.be.below(order('-271820'));
    expect(order('-271821')).to.be.below(-8.64e15);
    expect(order('+275761')).to.be.above(order('+275760-09-13'));
    expect(order('+275761')).to.be.above(8.64e15);
  });

  it('ends a year a Date cannot hold where the next one starts', () => {
    const { date, precision, farYear } = ok(parseDate('-300000'));
    expect(lastMomentOf(date, precision, farYear)).to.equal(yearStart(-299_999) - 1);
  });
});

describe('yearStart and yearOf', () => {
  it('count time values as Dates do, where Dates hold them', () => {
    for (const year of [-271_820, -44, 0, 1, 1970, 2024, 275_759]) {
      const date = new Date(yearStart(year));
      expect(date.getUTCFullYear()).to.equal(year);
      expect([date.getUTCMonth(), date.getUTCDate(), date.getUTCHours()]).to.deep.equal([0, 1, 0]);
      expect(yearOf(yearStart(year))).to.equal(year);
      expect(yearOf(yearStart(year + 1) - 1)).to.equal(year);
    }
  });

  it('go on beyond them: 13.8 billion years ago, 300,000 years ahead', () => {
    for (const year of [-13_799_999_999, -4_540_000_000, -300_000, -271_821, 275_760, 300_000, 5_000_000_000]) {
      expect(yearOf(yearStart(year))).to.equal(year);
      // That far, time values are exact to about a minute: a day before is the year before.
      expect(yearOf(yearStart(year) - 86_400_000)).to.equal(year - 1);
      expect(yearStart(year + 1)).to.be.above(yearStart(year));
    }
    expect(yearOf(NaN)).to.be.NaN;
  });
});
