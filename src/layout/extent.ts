import { max, min } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Precision, TimelineEvent } from '../model/types.js';
import { dateOrder, lastMomentOf, parseDate } from '../model/dates.js';

/**
 * The time axis: a linear scale over time values (ms from 1970-01-01 UTC, on the proleptic
 * Gregorian calendar), for any year. Within the years a `Date` holds, a time value is the Date's
 * own `getTime()`, and the scale maps exactly as d3's `scaleUtc` would; beyond them (13.8 billion
 * years ago) it goes on counting, so one numeric axis serves marks, stacking, the overview and the
 * zoom whatever the story's span. `scale(t)` takes a time value (a Date converts to one);
 * `invert` and `domain()` give time values. Shared scales must not be modified: copy one to change it.
 */
export type TimeScale = ScaleLinear<number, number>;

/** A time value, or a Date (its time value). */
export type TimeLike = number | Date;

/** A view window: the span of time shown, from start to end, as time values. */
export type ViewWindow = [start: number, end: number];

/** The earliest and the latest instant a `Date` can hold (ms). */
export const DATE_RANGE: readonly [number, number] = [-8.64e15, 8.64e15];

/** Whether two windows are the same, to the millisecond. */
export function sameView(a: readonly TimeLike[], b: readonly TimeLike[]): boolean {
  return +a[0] === +b[0] && +a[1] === +b[1];
}

/** Whether a time value is one a `Date` can hold. */
export function inDateRange(time: number): boolean {
  return time >= DATE_RANGE[0] && time <= DATE_RANGE[1];
}

/**
 * The Date nearest to a time value: the value itself, to the millisecond, where a Date can hold it;
 * else the earliest or latest instant a Date holds. Never an Invalid Date (NaN gives 1970).
 */
export function nearestDate(time: number): Date {
  if (Number.isNaN(time)) return new Date(0);
  return new Date(Math.min(DATE_RANGE[1], Math.max(DATE_RANGE[0], Math.round(time))));
}

/** One day in milliseconds: the narrowest view window of a story told in days. */
export const DAY_MS = 86_400_000;

/** The narrowest view window of a story with times of day. */
export const MINUTES_FLOOR_MS = 30 * 60_000;

/** The narrowest padded extent, so a story with one event still opens on a readable window. */
export const MIN_PADDED_SPAN_MS = 2 * DAY_MS;

/** An event's time value: where its mark starts, also for a year a Date cannot hold. */
export function eventStart(event: TimelineEvent): number {
  return dateOrder(event.date, event.farYear);
}

/** The first instant after the year, month or day a date stands for (`lastMomentOf` + 1 ms); a time is its own end. */
function periodEnd(date: Date, precision: Precision, farYear?: number): number {
  return precision === 'time' && farYear === undefined ? date.getTime() : lastMomentOf(date, precision, farYear) + 1;
}

/**
 * The time value where the period an event covers ends: its `end`, to the end of the day, month or
 * year it names (talks "until 9 October" go on through the 9th, as the data reader counts them);
 * else the end of its month or year; else its date (an event of one day, or of a time, is drawn as
 * a point). Never before the event's start.
 */
export function eventEnd(event: TimelineEvent): number {
  const start = eventStart(event);
  let end = start;
  if (event.end) end = periodEnd(event.end, event.endPrecision ?? event.precision, event.endFarYear);
  else if (event.precision === 'month' || event.precision === 'year') end = periodEnd(event.date, event.precision, event.farYear);
  return end > start ? end : start;
}

/** From the earliest date to the latest end (month and year precision count in full), as time values; null without events. */
export function dataExtent(events: readonly TimelineEvent[]): ViewWindow | null {
  // d3's min and max pass over what is not a number (an invalid date).
  const lo = min(events, eventStart);
  const hi = max(events, eventEnd);
  if (lo === undefined || hi === undefined) return null;
  return [lo, Math.max(lo, hi)];
}

/**
 * The narrowest window the reader can zoom to: one day, or half an hour where the data has times
 * of day (the axis then marks minutes).
 */
export function zoomFloor(events: readonly TimelineEvent[]): number {
  return events.some((event) => event.precision === 'time' || event.endPrecision === 'time') ? MINUTES_FLOOR_MS : DAY_MS;
}

/**
 * The extent widened by `fraction` of its span on each side, and to at least two days around its
 * centre. Time values, so a story that reaches the first or the last instant a Date holds is padded
 * beyond it like any other.
 */
export function paddedExtent(extent: readonly [TimeLike, TimeLike], fraction = 0.04): ViewWindow {
  const a = Math.min(+extent[0], +extent[1]);
  const b = Math.max(+extent[0], +extent[1]);
  const pad = (b - a) * Math.max(0, fraction);
  let start = a - pad;
  let end = b + pad;
  if (end - start < MIN_PADDED_SPAN_MS) {
    const centre = (a + b) / 2;
    start = centre - MIN_PADDED_SPAN_MS / 2;
    end = centre + MIN_PADDED_SPAN_MS / 2;
  }
  return [start, end];
}

/**
 * Keeps a view window between `minSpanMs` wide and the whole of `limits`, and inside `limits`.
 * A window that is too narrow or too wide keeps its centre; one that sticks out is shifted back in.
 * A window that is not a time range (NaN) is the whole of `limits`.
 */
export function clampView(view: readonly [TimeLike, TimeLike], limits: readonly [TimeLike, TimeLike], minSpanMs = DAY_MS): ViewWindow {
  const l0 = Math.min(+limits[0], +limits[1]);
  const l1 = Math.max(+limits[0], +limits[1]);
  let v0 = Math.min(+view[0], +view[1]);
  let v1 = Math.max(+view[0], +view[1]);
  if (!Number.isFinite(v0) || !Number.isFinite(v1)) return [l0, l1];
  const limitSpan = l1 - l0;
  if (limitSpan <= minSpanMs) {
    // Limits narrower than the narrowest window: show that window around the limits' centre.
    const centre = (l0 + l1) / 2;
    return [centre - minSpanMs / 2, centre + minSpanMs / 2];
  }
  const span = Math.min(limitSpan, Math.max(minSpanMs, v1 - v0));
  const centre = (v0 + v1) / 2;
  v0 = Math.round(centre - span / 2);
  v1 = v0 + span;
  if (v0 < l0) {
    v0 = l0;
    v1 = l0 + span;
  } else if (v1 > l1) {
    v1 = l1;
    v0 = l1 - span;
  }
  return [v0, v1];
}

/** The window a story opens on: from `start` to `end` (dates as `timeOf` reads them; either may be missing), kept inside `limits`; else all of `limits`. */
export function openingView(start: string, end: string, limits: ViewWindow, floor: number): ViewWindow {
  const [a, b] = [timeOf(start), timeOf(end)];
  return a === undefined && b === undefined ? limits : clampView([a ?? limits[0], b ?? limits[1]], limits, floor);
}

/** The time axis for a view window: `width` px wide, running right to left when `rtl`. */
export function viewScale(view: readonly [TimeLike, TimeLike], width: number, rtl = false): TimeScale {
  return scaleLinear()
    .domain([+view[0], +view[1]])
    .range(rtl ? [width, 0] : [0, width]);
}

/**
 * The time value of a Date or a date text: ISO 8601 as the data's dates are read, so a year a Date
 * cannot hold (`-0300000`) is a place on the axis too; other text as `Date` reads it.
 */
export function timeOf(value: Date | string | null | undefined): number | undefined {
  if (!value) return undefined;
  if (typeof value === 'string') {
    const parsed = parseDate(value);
    if ('date' in parsed) return dateOrder(parsed.date, parsed.farYear);
  }
  const time = +new Date(value);
  return Number.isNaN(time) ? undefined : time;
}
