import { yearOf, yearStart } from '../model/dates.js';
import type { Figure, Precision } from '../model/types.js';
import type { Translator } from './translate.js';

// Building an Intl formatter costs far more than using one, and a redraw formats every label: one
// cache for the whole widget, a formatter per options object (the constant styles below and the
// axis' own) and locale. Options are found by identity, not by a key made of them, for each frame.
const dateFormats = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();
const numberFormats = new WeakMap<Intl.NumberFormatOptions, Map<string, Intl.NumberFormat>>();
/**
 * Date ranges as worded, by locale, precision and ends: `formatRange` costs some tens of
 * microseconds a call, and a zoom that brings hundreds of spans into view asks for many ranges
 * that events share (dense data has many rounds of the same days).
 */
const ranges = new Map<string, string>();
const MAX_RANGES = 10_000;

/**
 * Dates are UTC instants (a date without a time is UTC midnight), so they are shown in UTC, or
 * 6 October would read 5 October west of Greenwich. The Gregorian calendar is kept whatever the
 * locale's default: "2025" or "October 2025" cannot be converted to a calendar whose years and
 * months start elsewhere, and the axis ticks are Gregorian too.
 */
const BASE_DATE: Intl.DateTimeFormatOptions = { timeZone: 'UTC', calendar: 'gregory' };

const DATE_STYLES: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
  time: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
};
const PLAIN: Intl.NumberFormatOptions = {};
const COMPACT: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 1 };
/** Compact numbers in words ("13.8 billion"), by the most significant digits shown (1 to 4). */
const COMPACT_LONG: Intl.NumberFormatOptions[] = Array.from({ length: 5 }, (_, digits) => ({
  notation: 'compact',
  compactDisplay: 'long',
  maximumSignificantDigits: Math.max(1, digits),
}));

/**
 * The present that "years ago" counts from: 1950, the "present" of geology and radiocarbon dating
 * (a fixed year, so that a date reads the same next year).
 */
export const PRESENT_YEAR = 1950;

/**
 * A year this many years or more before the present is said as years ago ("2.5 million years
 * ago", "13.8 billion years ago"), as cosmology and geology count; a later one by its year and era
 * ("300,000 BC", "44 BC"). TimelineJS's cosmological scale switches at 100,000 BCE; human prehistory
 * keeps its calendar years here down to a million years.
 */
export const YEARS_AGO_FROM = 1_000_000;

/** Whether a year (as ISO 8601 counts it) is said as years ago: see `YEARS_AGO_FROM`. */
export function saysYearsAgo(year: number): boolean {
  return PRESENT_YEAR - year >= YEARS_AGO_FROM;
}

/** From this year number on (shown, so 10,000 BC too), the year is written with the locale's grouping. */
const GROUPED_YEARS = 10_000;

const eraStyles = new WeakMap<Intl.DateTimeFormatOptions, Intl.DateTimeFormatOptions>();

/**
 * The same date style with the era ("44 BC", "AD 14"), one object per style so that its formatter
 * is made once. Dates before year 1 are always shown with it.
 */
export function withEra(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  let style = eraStyles.get(options);
  if (!style) eraStyles.set(options, (style = { ...options, era: 'short' }));
  return style;
}

function cached<O extends object, F>(cache: WeakMap<O, Map<string, F>>, options: O, locale: string, make: (locale: string) => F): F {
  let byLocale = cache.get(options);
  if (!byLocale) cache.set(options, (byLocale = new Map()));
  let format = byLocale.get(locale);
  if (!format) {
    try {
      format = make(locale);
    } catch {
      // An invalid tag should cost the wording, not the whole widget.
      format = make('en');
    }
    byLocale.set(locale, format);
  }
  return format;
}

/**
 * The UTC, Gregorian date formatter for `options` in `locale`, made once: pass a constant object.
 * An unknown locale falls back to English rather than throwing.
 */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateFormats, options, locale, (tag) => new Intl.DateTimeFormat(tag, { ...options, ...BASE_DATE }));
}

/** The number formatter for `options` in `locale`, made once: pass a constant object. */
export function numberFormatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(numberFormats, options, locale, (tag) => new Intl.NumberFormat(tag, options));
}

/**
 * A date through `format`, with its year as the locale writes it, in full and grouped from 10,000
 * on ("300,000 BC", where Intl would write "300000 BC"). `date` is a moment of `year`; without one
 * (a year a Date cannot hold) a year of the same era stands in for it, and its number is replaced.
 */
function withYear(format: Intl.DateTimeFormat, date: Date | undefined, year: number, locale: string): string {
  const shown = year < 1 ? 1 - year : year;
  if (date && shown < GROUPED_YEARS) return format.format(date);
  const number = formatNumber(shown, locale);
  const stand = date ?? new Date(yearStart(year < 1 ? -999 : 1000));
  return format
    .formatToParts(stand)
    .map((part) => (part.type === 'year' ? number : part.value))
    .join('');
}

/**
 * A year (as ISO 8601 counts it: 0 is 1 BC) as the locale writes it, for any year: "2025",
 * "44 BC", "300,000 BC", "公元前44年". With the era when `era`, as it always is before year 1.
 */
export function formatYearNumber(year: number, locale: string, era = year < 1): string {
  const format = dateFormatter(locale, era || year < 1 ? withEra(DATE_STYLES.year) : DATE_STYLES.year);
  const start = yearStart(year);
  return withYear(format, Number.isFinite(new Date(start).getTime()) ? new Date(start) : undefined, year, locale);
}

/** The most significant digits a number of years is given in words with ("6.9005 billion"); more read better as digits. */
const MOST_DIGITS_IN_WORDS = 4;

/**
 * A number of years before the present in the reader's words: "300,000 years ago", "13.8 billion
 * years ago" (a million and more in words, Intl's compact notation, with `digits` significant
 * digits at most; where more are asked for, the number in full: "6,900,000,965 years ago").
 */
export function formatYearsAgo(years: number, locale: string, t: Translator, digits = 3): string {
  if (years < YEARS_AGO_FROM || digits > MOST_DIGITS_IN_WORDS) return t.t('yearsAgo', { years: formatNumber(years, locale) });
  const words = numberFormatter(locale, COMPACT_LONG[Math.max(1, Math.round(digits))]).format(years);
  return t.t('yearsAgoLarge', { years: words });
}

/**
 * A year a Date may not hold, in words: years ago when it is a million years or more before the
 * present ("13.8 billion years ago", given the widget's words `t`), else its year and era ("300,000 BC").
 */
export function formatFarYear(year: number, locale: string, t?: Translator): string {
  return t && saysYearsAgo(year) ? formatYearsAgo(PRESENT_YEAR - year, locale, t) : formatYearNumber(year, locale);
}

/**
 * A date at the precision it is known: "2025", "October 2025", "October 6, 2025", with UTC time for
 * `time`; before year 1 with its era ("March 15, 44 BC"). For a year a Date cannot hold (`farYear`,
 * as the model gives it), that year in words (see `formatFarYear`). An invalid date is "".
 */
export function formatEventDate(date: Date, precision: Precision, locale: string, farYear?: number, t?: Translator): string {
  if (farYear !== undefined) return formatFarYear(farYear, locale, t);
  if (!Number.isFinite(date.getTime())) return '';
  const year = date.getUTCFullYear();
  const style = DATE_STYLES[precision];
  return withYear(dateFormatter(locale, year < 1 ? withEra(style) : style), date, year, locale);
}

/**
 * A time value of the widget's axis (ms from 1970, for any year: see layout's `TimeScale`) at a
 * precision: as `formatEventDate` where a Date holds it, else its year in words.
 */
export function formatTime(time: number, precision: Precision, locale: string, t?: Translator): string {
  const date = new Date(time);
  if (Number.isFinite(date.getTime())) return formatEventDate(date, precision, locale);
  return Number.isFinite(time) ? formatFarYear(yearOf(time), locale, t) : '';
}

/**
 * An event's span. With the same precision at both ends the locale's range form is used
 * ("October 6 – 9, 2025"); otherwise each end at its own precision, joined by a dash.
 * Without an end it is the start date alone.
 */
export function formatEventRange(
  start: Date,
  startPrecision: Precision,
  end: Date | undefined,
  endPrecision: Precision | undefined,
  locale: string,
): string {
  if (!end) return formatEventDate(start, startPrecision, locale);
  const endAt = endPrecision ?? startPrecision;
  const era = start.getUTCFullYear() < 1;
  // Years of five digits and more are written grouped, which the range form does not do.
  const grouped = Math.max(Math.abs(start.getUTCFullYear()), Math.abs(end.getUTCFullYear())) >= GROUPED_YEARS - 1;
  if (endAt === startPrecision && !grouped && Number.isFinite(start.getTime() + end.getTime())) {
    const key = `${locale}|${startPrecision}|${start.getTime()}|${end.getTime()}`;
    let text = ranges.get(key);
    if (text === undefined) {
      if (ranges.size >= MAX_RANGES) ranges.clear();
      // An era on both ends when the span starts before year 1: "44 BC – AD 14".
      const style = era ? withEra(DATE_STYLES[startPrecision]) : DATE_STYLES[startPrecision];
      ranges.set(key, (text = dateFormatter(locale, style).formatRange(start, end)));
    }
    return text;
  }
  if (era && end.getUTCFullYear() >= 1) {
    return `${formatEventDate(start, startPrecision, locale)} – ${withYear(dateFormatter(locale, withEra(DATE_STYLES[endAt])), end, end.getUTCFullYear(), locale)}`;
  }
  return `${formatEventDate(start, startPrecision, locale)} – ${formatEventDate(end, endAt, locale)}`;
}

/** A number with the locale's digits and grouping: "67,160", "67.160", "٦٧٬١٦٠". */
export function formatNumber(value: number, locale: string): string {
  return numberFormatter(locale, PLAIN).format(value);
}

/** A short number for tight spaces, one decimal at most: "67.2K", "1.2M". */
export function formatCompact(value: number, locale: string): string {
  return numberFormatter(locale, COMPACT).format(value);
}

/**
 * A figure's value with its qualifier (data text, shown as written, before the number):
 * "more than 67,160". Given a translator, the reporter follows: "more than 67,160, reported by …".
 */
export function formatFigure(figure: Figure, locale: string, t?: Translator): string {
  const qualifier = figure.qualifier?.trim();
  const number = formatNumber(figure.value, locale);
  const value = qualifier ? `${qualifier} ${number}` : number;
  if (!t || !figure.reportedBy?.trim()) return value;
  return t.t('figureReported', { value, who: figure.reportedBy.trim() });
}

/**
 * Makes the formatters a first drawing needs before the data arrives, one a task while the page
 * is idle: the first Intl object loads the locale's data, which costs far more than using it, and
 * each of these costs a little more. Spread out, no one of them holds the page long, and the
 * drawing finds them made; `more` are further date formats to make, such as the axis' (pass the
 * same objects the drawing will).
 */
export function warmUpDateFormats(locale: () => string, more: readonly Intl.DateTimeFormatOptions[] = []): void {
  if (typeof document === 'undefined') return;
  const day = new Date(Date.UTC(2024, 9, 6));
  const later = new Date(Date.UTC(2024, 9, 9));
  // The axis' formats first (the first of them loads the locale's dates), then the first number.
  const jobs: ((tag: string) => unknown)[] = [
    ...more.map((options) => (tag: string) => dateFormatter(tag, options)),
    (tag) => formatNumber(1, tag),
    (tag) => formatEventDate(day, 'day', tag),
    (tag) => formatEventDate(day, 'month', tag),
    (tag) => formatEventDate(day, 'year', tag),
    (tag) => formatEventRange(day, 'day', later, 'day', tag),
    (tag) => formatCompact(12_000, tag),
  ];
  // A page that is loading is seldom idle: each job waits 100 ms at most.
  const idle = (next: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(next, { timeout: 100 }) : setTimeout(next, 0);
  const run = () => {
    const job = jobs.shift();
    if (!job) return;
    job(locale());
    idle(run);
  };
  idle(run);
}
