import { max, min } from 'd3-array';
import { scaleUtc, type ScaleTime } from 'd3-scale';
import type { Precision, TimelineEvent } from '../model/types.js';
import { lastMomentOf } from '../model/dates.js';

/** A UTC time scale (d3-scale's `scaleUtc`). Shared scales must not be modified: copy one to change it. */
export type TimeScale = ScaleTime<number, number>;

/** A view window: the span of time shown, from start to end. */
export type ViewWindow = [start: Date, end: Date];

/** Whether two windows are the same, to the millisecond. */
export function sameView(a: readonly Date[], b: readonly Date[]): boolean {
  return +a[0] === +b[0] && +a[1] === +b[1];
}

/** One day in milliseconds: the narrowest view window of a story told in days. */
export const DAY_MS = 86_400_000;

/** The narrowest view window of a story with times of day. */
export const MINUTES_FLOOR_MS = 30 * 60_000;

/** The narrowest padded extent, so a story with one event still opens on a readable window. */
export const MIN_PADDED_SPAN_MS = 2 * DAY_MS;

/** The first instant after the year, month or day a date stands for (`lastMomentOf` + 1 ms); a time is its own end. */
function periodEnd(date: Date, precision: Precision): Date {
  return precision === 'time' ? date : new Date(lastMomentOf(date, precision) + 1);
}

/**
 * The end of the period an event covers: its `end`, to the end of the day, month or year it names
 * (talks "until 9 October" go on through the 9th, as the data reader counts them); else the end of
 * its month or year; else its date (an event of one day, or of a time, is drawn as a point).
 */
export function precisionEnd(event: TimelineEvent): Date {
  if (event.end) return periodEnd(event.end, event.endPrecision ?? event.precision);
  return event.precision === 'month' || event.precision === 'year' ? periodEnd(event.date, event.precision) : event.date;
}

/** From the earliest date to the latest end (month and year precision count in full); null without events. */
export function dataExtent(events: readonly TimelineEvent[]): [Date, Date] | null {
  // d3's min and max pass over what is not a number (an invalid date).
  const lo = min(events, (event) => event.date.getTime());
  const hi = max(events, (event) => precisionEnd(event).getTime());
  if (lo === undefined || hi === undefined) return null;
  return [new Date(lo), new Date(Math.max(lo, hi))];
}

/**
 * The narrowest window the reader can zoom to: one day, or half an hour where the data has times
 * of day (the axis then marks minutes).
 */
export function zoomFloor(events: readonly TimelineEvent[]): number {
  return events.some((event) => event.precision === 'time' || event.endPrecision === 'time') ? MINUTES_FLOOR_MS : DAY_MS;
}

/** The earliest and the latest instant a `Date` can hold (the model clamps farther years to them). */
const DATE_RANGE_MS = 8.64e15;

/**
 * The extent widened by `fraction` of its span on each side, and to at least two days around its
 * centre, within the dates a `Date` can hold.
 */
export function paddedExtent(extent: readonly [Date, Date], fraction = 0.04): [Date, Date] {
  const a = Math.min(extent[0].getTime(), extent[1].getTime());
  const b = Math.max(extent[0].getTime(), extent[1].getTime());
  const pad = (b - a) * Math.max(0, fraction);
  let start = a - pad;
  let end = b + pad;
  if (end - start < MIN_PADDED_SPAN_MS) {
    const centre = (a + b) / 2;
    start = centre - MIN_PADDED_SPAN_MS / 2;
    end = centre + MIN_PADDED_SPAN_MS / 2;
  }
  return [new Date(Math.max(-DATE_RANGE_MS, start)), new Date(Math.min(DATE_RANGE_MS, end))];
}

/**
 * Keeps a view window between `minSpanMs` wide and the whole of `limits`, and inside `limits`.
 * A window that is too narrow or too wide keeps its centre; one that sticks out is shifted back in.
 */
export function clampView(
  view: readonly [Date, Date],
  limits: readonly [Date, Date],
  minSpanMs = DAY_MS,
): [Date, Date] {
  const l0 = Math.min(limits[0].getTime(), limits[1].getTime());
  const l1 = Math.max(limits[0].getTime(), limits[1].getTime());
  let v0 = Math.min(view[0].getTime(), view[1].getTime());
  let v1 = Math.max(view[0].getTime(), view[1].getTime());
  if (!Number.isFinite(v0) || !Number.isFinite(v1)) return [new Date(l0), new Date(l1)];
  const limitSpan = l1 - l0;
  if (limitSpan <= minSpanMs) {
    // Limits narrower than the narrowest window: show that window around the limits' centre.
    const centre = (l0 + l1) / 2;
    return [new Date(centre - minSpanMs / 2), new Date(centre + minSpanMs / 2)];
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
  return [new Date(v0), new Date(v1)];
}

/** The time axis for a view window: `width` px wide, running right to left when `rtl`. */
export function viewScale(view: readonly [Date, Date], width: number, rtl = false): TimeScale {
  return scaleUtc()
    .domain([view[0], view[1]])
    .range(rtl ? [width, 0] : [0, width]);
}
