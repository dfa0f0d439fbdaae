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

/** A date at the precision it is known: "2025", "October 2025", "October 6, 2025", with UTC time for `time`. */
export function formatEventDate(date: Date, precision: Precision, locale: string): string {
  return dateFormatter(locale, DATE_STYLES[precision]).format(date);
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
  if (endAt === startPrecision) {
    const key = `${locale}|${startPrecision}|${start.getTime()}|${end.getTime()}`;
    let text = ranges.get(key);
    if (text === undefined) {
      if (ranges.size >= MAX_RANGES) ranges.clear();
      ranges.set(key, (text = dateFormatter(locale, DATE_STYLES[startPrecision]).formatRange(start, end)));
    }
    return text;
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
 * The first date formatter of a page loads the time zone and calendar data, which takes tens of
 * milliseconds. The widget needs one for its first drawing, so one is made while the page is idle
 * (typically while the data is still on its way), in the page's language.
 */
export function warmUpDateFormats(locale: () => string): void {
  if (typeof document === 'undefined') return;
  const warm = () => formatEventDate(new Date(0), 'day', locale());
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 500 });
  else setTimeout(warm, 0);
}
