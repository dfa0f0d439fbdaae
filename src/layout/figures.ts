import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Figure, TimelineEvent } from '../model/types.js';

/** One reported figure placed in time. */
export interface FigurePoint {
  event: TimelineEvent;
  figure: Figure;
  /** The event's date in ms. */
  t: number;
  value: number;
}

/** The reports of one figure by one reporter over time: one line on the figures track. */
export interface FigureSeries {
  /** Stable key of the (label, reportedBy) pair. */
  key: string;
  label: string;
  reportedBy: string;
  points: FigurePoint[];
}

/** Case and spacing do not make a different figure or reporter. */
function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key of a (label, reportedBy) pair, as used in `FigureSeries.key`. */
export function seriesKey(label: string, reportedBy: string): string {
  return JSON.stringify([normalise(label), normalise(reportedBy)]);
}

/**
 * One series per (figure label, reporter) across all events of any type, points in time order;
 * the same label from different reporters stays apart. Series come in order of their first report.
 */
export function figureSeries(events: readonly TimelineEvent[]): FigureSeries[] {
  const byKey = new Map<string, FigureSeries>();
  for (const event of events) {
    const t = event.date.getTime();
    for (const figure of event.figures ?? []) {
      if (!Number.isFinite(figure.value) || Number.isNaN(t)) continue;
      const key = seriesKey(figure.label, figure.reportedBy);
      let series = byKey.get(key);
      if (!series) {
        series = { key, label: figure.label.trim(), reportedBy: figure.reportedBy.trim(), points: [] };
        byKey.set(key, series);
      }
      series.points.push({ event, figure, t, value: figure.value });
    }
  }
  const all = [...byKey.values()];
  // Events come sorted, but a stable sort keeps the promise for any input.
  for (const series of all) series.points.sort((a, b) => a.t - b.t);
  return all.sort((a, b) => a.points[0].t - b.points[0].t);
}

/** The vertical scale of the figures track: 0 (or the lowest value, if negative) to a nice maximum, bottom to top. */
export function valueScale(
  series: readonly FigureSeries[],
  height: number,
  padding = 0,
): ScaleLinear<number, number> {
  let lo = 0;
  let hi = 0;
  for (const s of series) {
    for (const p of s.points) {
      if (p.value > hi) hi = p.value;
      if (p.value < lo) lo = p.value;
    }
  }
  if (hi === lo) hi = lo + 1;
  return scaleLinear()
    .domain([lo, hi])
    .range([height - padding, padding])
    .nice();
}

/** A gridline of the figures track. */
export interface ValueTick {
  value: number;
  y: number;
  label: string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * About `count` round values of the scale, with their y and a compact label in `locale` ("60K");
 * fewer when neighbours would be less than `minSpacing` px apart.
 */
export function valueTicks(scale: ScaleLinear<number, number>, count = 4, locale = 'en', minSpacing = 0): ValueTick[] {
  let format = numberFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      format = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
    }
    numberFormats.set(locale, format);
  }
  let values = scale.ticks(count);
  // Rounder steps rather than labels on top of each other.
  for (let fewer = count - 1; fewer >= 1 && values.length > 1 && Math.abs(scale(values[1]) - scale(values[0])) < minSpacing; fewer--) {
    values = scale.ticks(fewer);
  }
  return values.map((value) => ({ value, y: scale(value), label: format.format(value) }));
}
