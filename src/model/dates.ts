import { quote } from './problems.js';
import type { Precision } from './types.js';

/** A date read from the data, or why it could not be read. */
export type DateParse =
  | {
      date: Date;
      precision: Precision;
      /** Set when the year is beyond what a `Date` holds; `date` is clamped (see TimelineEvent.farYear). */
      farYear?: number;
      /** Something the caller should pass on as a warning (e.g. a time without a time zone). */
      note?: string;
      /** Set when the note is about a time without a time zone (a note many events of a file share). */
      noteKind?: 'no-time-zone';
    }
  | { error: string };

/** The parts of a date, as TimelineJS and spreadsheets give them. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

export const DATE_FORMAT_HINT =
  'Use YYYY, YYYY-MM, YYYY-MM-DD or a date-time with a time zone, like 2025-10-06T14:30Z.';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// The span of years whose every instant a Date can hold (it holds ±8.64e15 ms around 1970).
const FIRST_YEAR = -271820;
const LAST_YEAR = 275759;
const EARLIEST_MS = -8.64e15;
const LATEST_MS = 8.64e15;
/** The average Gregorian year (ms): 400 years hold 146,097 days. */
const MS_PER_YEAR = 31_556_952_000;
const MAX_DATE_LENGTH = 64;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether a year has 29 February (proleptic Gregorian calendar, astronomical years: 0 = 1 BC). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A year (as ISO 8601 counts it: 0 is 1 BCE, -1 is 2 BCE) in words for messages to editors:
 * `2025`, `10,000`, `44 BCE` for -43.
 */
export function yearInWords(year: number): string {
  if (year < 1) return `${(1 - year).toLocaleString('en-US')} BCE`;
  return year > 9999 ? year.toLocaleString('en-US') : String(year);
}

/** The year as ISO 8601 writes it: four digits, a sign when negative, a + when beyond 9999. */
export function formatYear(year: number): string {
  if (year < 0) return '-' + String(-year).padStart(4, '0');
  if (year > 9999) return '+' + String(year);
  return String(year).padStart(4, '0');
}

function two(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Why a month and day do not exist in a year, or null when they do. */
function calendarError(year: number, month?: number, day?: number): string | null {
  if (month === undefined) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return `month ${month} does not exist`;
  if (day === undefined) return null;
  if (!Number.isInteger(day) || day < 1 || day > 31) return `day ${day} does not exist`;
  const days = daysInMonth(year, month);
  if (day <= days) return null;
  if (month === 2 && day === 29) return `${yearInWords(year)} is not a leap year, so February has 28 days`;
  return `${MONTHS[month - 1]} ${yearInWords(year)} has only ${days} days`;
}

function timeError(hour?: number, minute?: number, second?: number, millisecond?: number): string | null {
  if (hour !== undefined && (!Number.isInteger(hour) || hour < 0 || hour > 23)) return `hour ${hour} does not exist (use 0 to 23)`;
  if (minute !== undefined && (!Number.isInteger(minute) || minute < 0 || minute > 59)) return `minute ${minute} does not exist (use 0 to 59)`;
  if (second !== undefined && (!Number.isInteger(second) || second < 0 || second > 59)) return `second ${second} does not exist (use 0 to 59)`;
  if (millisecond !== undefined && (!Number.isInteger(millisecond) || millisecond < 0 || millisecond > 999)) return `millisecond ${millisecond} does not exist (use 0 to 999)`;
  return null;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (any year, no Date needed). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The first instant (ms from 1970, UTC) of a year as ISO 8601 counts it, for any year: beyond the
 * years a `Date` holds the number is still exact enough to order and to place (a time value).
 */
export function yearStart(year: number): number {
  return daysFromCivil(year, 1, 1) * 86_400_000;
}

/** The year (as ISO 8601 counts it) that holds a time value, however far from 1970. */
export function yearOf(time: number): number {
  if (!Number.isFinite(time)) return NaN;
  // The average year puts it within one of the right year; the calendar settles which.
  let year = Math.floor(time / MS_PER_YEAR) + 1970;
  while (yearStart(year) > time) year--;
  while (yearStart(year + 1) <= time) year++;
  return year;
}

/**
 * The instant for checked parts, as UTC. Counted directly rather than with Date.UTC, which would
 * read years 0–99 as 1900–1999.
 */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

function farResult(year: number, note?: string): DateParse {
  const result: DateParse = { date: new Date(year < 0 ? EARLIEST_MS : LATEST_MS), precision: 'year', farYear: year };
  if (note) result.note = note;
  return result;
}

const FAR_NOTE = 'is too far from today for months, days and times to be shown: only the year is kept';

/** A date from its parts (as TimelineJS and spreadsheets give them), at the precision of the parts present. */
export function dateFromParts(parts: DateParts): DateParse {
  const { year, month, day, hour, minute, second, millisecond } = parts;
  if (!Number.isInteger(year)) return { error: `year ${year} is not a whole number` };
  if (!Number.isSafeInteger(year)) return { error: `year ${year} is too large` };
  const reason =
    calendarError(year, month, month === undefined ? undefined : day) ?? timeError(hour, minute, second, millisecond);
  if (reason) return { error: reason };
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return farResult(year, month !== undefined ? `the year ${yearInWords(year)} ${FAR_NOTE}` : undefined);
  }
  let precision: Precision = 'year';
  if (month !== undefined) precision = day !== undefined ? (hour !== undefined ? 'time' : 'day') : 'month';
  const ms = utcMs(year, month ?? 1, precision === 'day' || precision === 'time' ? day! : 1, precision === 'time' ? hour! : 0,
    precision === 'time' ? minute ?? 0 : 0, precision === 'time' ? second ?? 0 : 0, precision === 'time' ? millisecond ?? 0 : 0);
  return { date: new Date(ms), precision };
}

/** A date a page gives as a Date: the instant, to the day when it is midnight UTC, else to the time. */
export function dateFromInstant(date: Date): DateParse {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return { error: 'the date is not a valid date' };
  return { date: new Date(ms), precision: ms % 86_400_000 === 0 ? 'day' : 'time' };
}

/** The number written by `count` digits at `from` (already known to be digits). */
function digitsValue(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** How many digits start at `from`. Every read moves forward, so parsing stays linear. */
function readDigits(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i - from;
}

function formatHint(text: string): string {
  if (text.includes('/') || /^\d{1,2}[.]\d{1,2}[.]\d{2,4}$/.test(text)) {
    return 'Write dates as YYYY-MM-DD, like 2025-10-06: dates with slashes or dots are read differently in different countries.';
  }
  if (/jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(text)) {
    return 'Write the month as a number, as YYYY-MM-DD, like 2025-10-06.';
  }
  return DATE_FORMAT_HINT;
}

/** Why a date written with slashes or dots (10/06/2025) is refused, or null when it is not one. */
function slashedDate(s: string): DateParse | null {
  const numeric = /^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})$/.exec(s);
  if (!numeric) return null;
  const [, a, b, c] = numeric;
  const refuse = (reason: string, hint: string) => ({ error: `${quote(s)} is not a valid date: ${reason}. ${hint}` });
  if (a.length === 4) return refuse('the parts are separated by slashes or dots', `Write it with dashes, like ${a}-${b.padStart(2, '0')}-${c.padStart(2, '0')}.`);
  const year = c.length === 4 ? c : c.padStart(4, '0');
  const dayFirst = `${year}-${b.padStart(2, '0')}-${a.padStart(2, '0')}`;
  const monthFirst = `${year}-${a.padStart(2, '0')}-${b.padStart(2, '0')}`;
  const dayFirstFits = Number(b) >= 1 && Number(b) <= 12;
  const monthFirstFits = Number(a) >= 1 && Number(a) <= 12;
  if (!dayFirstFits || !monthFirstFits) {
    const only = dayFirstFits ? dayFirst : monthFirstFits ? monthFirst : '';
    return refuse('the parts are separated by slashes or dots', only ? `Write it as YYYY-MM-DD, like ${only}.` : DATE_FORMAT_HINT);
  }
  return refuse(`day and month in this order are read differently in different countries (${Number(a)} ${MONTHS[Number(b) - 1]} or ${Number(b)} ${MONTHS[Number(a) - 1]}?)`,
    `Write it as YYYY-MM-DD, like ${dayFirst} or ${monthFirst}.`);
}

/** A refusal of a date text: what is wrong and how to write it. */
function bad(s: string, reason: string, hint?: string): DateParse {
  const slashed = slashedDate(s);
  if (slashed) return slashed;
  const advice = hint ?? formatHint(s);
  return { error: `${quote(s)} is not a valid date: ${reason}.${advice ? ' ' + advice : ''}` };
}

/**
 * Reads an ISO 8601 date as precise as it is written: `2025`, `2025-10`, `2025-10-06`,
 * `2025-10-06T14:30Z` (or with an offset, `+02:00`), and signed or expanded years (`-0044-03-15`,
 * `+10000`). A date without a time is UTC midnight, so it is the same calendar day in every time
 * zone. A date-time without a zone is read as UTC, with a note for the caller to warn about.
 */
export function parseDate(text: string): DateParse {
  if (typeof text !== 'string') return { error: `a date must be text like "2025-10-06". ${DATE_FORMAT_HINT}` };
  const s = text.trim();
  if (s === '') return { error: `the date is empty. ${DATE_FORMAT_HINT}` };
  if (s.length > MAX_DATE_LENGTH) return bad(s, 'it is too long to be a date');

  let i = 0;
  let negative = false;
  const first = s.charCodeAt(0);
  const signed = first === 0x2b || first === 0x2d || first === 0x2212; // + - −
  if (signed) {
    negative = first !== 0x2b;
    i = 1;
  }
  const yearDigits = readDigits(s, i);
  if (yearDigits === 0) return bad(s, 'it does not start with a year');
  if (!signed && yearDigits === 8 && s.length === 8) return bad(s, `write it with dashes, like ${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`, '');
  if (!signed && yearDigits < 4) return bad(s, `the year needs four digits, like ${s.slice(0, yearDigits).padStart(4, '0')}`);
  if (!signed && yearDigits > 4) return bad(s, `a year with more than four digits needs a sign, like +${s.slice(0, yearDigits)} or -${s.slice(0, yearDigits)}`);
  if (signed && yearDigits < 4) return bad(s, `the year needs at least four digits after the sign, like ${s[0]}${s.slice(1, 1 + yearDigits).padStart(4, '0')}`);
  if (yearDigits > 15) return bad(s, 'the year is too large');
  const year = (negative ? -1 : 1) * digitsValue(s, i, yearDigits);
  i += yearDigits;
  if (i === s.length) return calendarDate(s, year, 1, 1, 'year');

  if (s[i] !== '-') return bad(s, `${quote(s[i])} after the year should be a dash`);
  i++;
  const monthDigits = readDigits(s, i);
  if (monthDigits !== 2) return bad(s, monthDigits === 1 ? `the month needs two digits, like ${formatYear(year)}-0${s[i]}` : 'the month should be two digits after the year');
  const month = digitsValue(s, i, 2);
  i += 2;
  const monthError = calendarError(year, month);
  if (monthError) return bad(s, monthError);
  if (i === s.length) return calendarDate(s, year, month, 1, 'month');

  if (s[i] !== '-') return bad(s, `${quote(s[i])} after the month should be a dash`);
  i++;
  const dayDigits = readDigits(s, i);
  if (dayDigits !== 2) return bad(s, dayDigits === 1 ? `the day needs two digits, like ${s.slice(0, i)}0${s[i]}` : 'the day should be two digits after the month');
  const day = digitsValue(s, i, 2);
  i += 2;
  const dayError = calendarError(year, month, day);
  if (dayError) return bad(s, dayError, dayError.includes('does not exist') ? DATE_FORMAT_HINT : '');
  if (i === s.length) return calendarDate(s, year, month, day, 'day');

  const separator = s[i];
  if (separator !== 'T' && separator !== 't' && separator !== ' ') return bad(s, `${quote(separator)} after the day should be a T before the time`);
  i++;
  if (readDigits(s, i) !== 2 || s[i + 2] !== ':' || readDigits(s, i + 3) !== 2) return bad(s, 'the time should be written HH:MM, like T14:30');
  const hour = digitsValue(s, i, 2);
  const minute = digitsValue(s, i + 3, 2);
  i += 5;
  let second = 0;
  let millisecond = 0;
  if (s[i] === ':') {
    if (readDigits(s, i + 1) !== 2) return bad(s, 'the seconds should be two digits, like T14:30:05');
    second = digitsValue(s, i + 1, 2);
    i += 3;
    if (s[i] === '.' || s[i] === ',') {
      const fraction = readDigits(s, i + 1);
      if (fraction === 0 || fraction > 9) return bad(s, 'the fraction of a second should be 1 to 9 digits');
      millisecond = Math.floor(Number('0.' + s.slice(i + 1, i + 1 + fraction)) * 1000);
      i += 1 + fraction;
    }
  }
  const clockError = timeError(hour, minute, second);
  if (clockError) return bad(s, clockError, DATE_FORMAT_HINT);

  let offsetMinutes = 0;
  let note: string | undefined;
  let noteKind: 'no-time-zone' | undefined;
  if (i === s.length) {
    note = `${quote(s)} has no time zone, so it is read as UTC. Add Z for UTC or an offset like +03:00`;
    noteKind = 'no-time-zone';
  } else if (s[i] === 'Z' || s[i] === 'z') {
    i++;
  } else {
    const zoneSign = s.charCodeAt(i);
    if (zoneSign !== 0x2b && zoneSign !== 0x2d && zoneSign !== 0x2212) return bad(s, `${quote(s.slice(i))} is not a time zone (use Z or an offset like +03:00)`, '');
    const hours = readDigits(s, i + 1);
    let zoneHours: number;
    let zoneMinutes = 0;
    if (hours === 4) {
      zoneHours = Number(s.slice(i + 1, i + 3));
      zoneMinutes = Number(s.slice(i + 3, i + 5));
      i += 5;
    } else if (hours === 2) {
      zoneHours = Number(s.slice(i + 1, i + 3));
      i += 3;
      if (s[i] === ':') {
        if (readDigits(s, i + 1) !== 2) return bad(s, 'the time zone should be written like +03:00', '');
        zoneMinutes = Number(s.slice(i + 1, i + 3));
        i += 3;
      }
    } else return bad(s, 'the time zone should be written like +03:00', '');
    if (zoneHours > 23 || zoneMinutes > 59) return bad(s, 'the time zone offset does not exist', '');
    offsetMinutes = (zoneSign === 0x2b ? 1 : -1) * (zoneHours * 60 + zoneMinutes);
  }
  if (i !== s.length) return bad(s, `${quote(s.slice(i))} at the end is not part of a date`);

  const result = dateFromParts({ year, month, day, hour, minute, second, millisecond });
  if ('error' in result || result.farYear !== undefined) return withFarNote(s, result);
  const ms = result.date.getTime() - offsetMinutes * 60_000;
  if (!(ms >= EARLIEST_MS && ms <= LATEST_MS)) return farResult(year);
  result.date = new Date(ms);
  if (note) result.note = note;
  if (noteKind) result.noteKind = noteKind;
  return result;
}

/** A checked calendar date at UTC midnight (the common case, kept short: no Date arithmetic). */
function calendarDate(text: string, year: number, month: number, day: number, precision: Precision): DateParse {
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return farResult(year, precision === 'year' ? undefined : `${quote(text)} ${FAR_NOTE}`);
  }
  return { date: new Date(utcMs(year, month, day, 0, 0, 0, 0)), precision };
}

function withFarNote(text: string, result: DateParse): DateParse {
  if ('error' in result || result.farYear === undefined || !result.note) return result;
  result.note = `${quote(text)} ${FAR_NOTE}`;
  return result;
}

/**
 * Why a text is not a date, or null when it is one: parseDate without building the date, with a
 * short way for the common YYYY-MM-DD.
 */
export function dateTextError(text: string): string | null {
  if (text.length === 10 && text.charCodeAt(4) === 0x2d && text.charCodeAt(7) === 0x2d) {
    let digits = true;
    for (let i = 0; i < 10 && digits; i++) if (i !== 4 && i !== 7) digits = isDigit(text.charCodeAt(i));
    if (digits && calendarError(digitsValue(text, 0, 4), digitsValue(text, 5, 2), digitsValue(text, 8, 2)) === null) return null;
  }
  const result = parseDate(text);
  return 'error' in result ? result.error : null;
}

/** Writes a date back as ISO 8601 at its precision: `2025`, `2025-10`, `2025-10-06`, `2025-10-06T14:30Z`. */
export function formatIsoDate(date: Date, precision: Precision): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const year = formatYear(date.getUTCFullYear());
  if (precision === 'year') return year;
  const month = `${year}-${two(date.getUTCMonth() + 1)}`;
  if (precision === 'month') return month;
  const day = `${month}-${two(date.getUTCDate())}`;
  if (precision === 'day') return day;
  let time = `${day}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
  const seconds = date.getUTCSeconds();
  const millis = date.getUTCMilliseconds();
  if (seconds || millis) time += `:${two(seconds)}`;
  if (millis) time += `.${String(millis).padStart(3, '0')}`;
  return time + 'Z';
}

/**
 * The last instant (ms) a date covers at its precision: the end of its year, month or day. So an
 * end of "2025-10" is not "before" a date of "2025-10-06": it means until the end of October.
 */
export function lastMomentOf(date: Date, precision: Precision, farYear?: number): number {
  if (farYear !== undefined) return yearStart(farYear + 1) - 1;
  const ms = date.getTime();
  if (precision === 'time') return ms;
  if (precision === 'day') return ms + 86_399_999;
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const next = precision === 'year' ? utcMs(year + 1, 1, 1, 0, 0, 0, 0) : month === 12 ? utcMs(year + 1, 1, 1, 0, 0, 0, 0) : utcMs(year, month + 1, 1, 0, 0, 0, 0);
  return next - 1;
}

/**
 * A date's time value: its instant in ms, or for a year a Date cannot hold, the first instant of
 * that year counted the same way (so -271821 comes before -271820, and 13.8 billion years ago before both).
 */
export function dateOrder(date: Date, farYear?: number): number {
  return farYear === undefined ? date.getTime() : yearStart(farYear);
}
