import { scaleLinear, type LinearScale } from './scale.js';
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

/** A gridline of the figures track. */
export interface ValueTick {
  value: number;
  y: number;
  label: string;
}

/** The vertical scale of a figures panel and its labelled gridlines. */
export interface ValueAxis {
  scale: LinearScale;
  ticks: ValueTick[];
}

export interface ValueAxisOptions {
  /** The most gridlines wanted, less one (d3's tick count). Default 3. */
  count?: number;
  /** Least distance between two gridlines (px); fewer, rounder steps otherwise. Default 0. */
  minSpacing?: number;
  /** BCP 47 locale of the compact labels ("60K"). Default `en`. */
  locale?: string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function compactFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      format = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
    }
    numberFormats.set(locale, format);
  }
  return format;
}

/**
 * The value axis of a figures panel over `range` ([bottom, top] in px): from 0 (or the lowest
 * value, if negative) to a round maximum that is itself a labelled gridline, so that no point sits
 * above the last label. The step grows until gridlines are `minSpacing` apart.
 */
export function valueAxis(series: readonly FigureSeries[], range: [number, number], options: ValueAxisOptions = {}): ValueAxis {
  const { count = 3, minSpacing = 0, locale = 'en' } = options;
  let lo = 0;
  let hi = 0;
  for (const s of series) {
    for (const p of s.points) {
      if (p.value > hi) hi = p.value;
      if (p.value < lo) lo = p.value;
    }
  }
  if (hi === lo) hi = lo + 1;
  let scale = scaleLinear().domain([lo, hi]).range(range);
  let values: number[] = [];
  for (let n = Math.max(1, count); n >= 1; n--) {
    // Once niced for n ticks, the domain's ends are ticks themselves.
    scale = scaleLinear().domain([lo, hi]).nice(n).range(range);
    values = scale.ticks(n);
    if (values.length < 2 || Math.abs(scale(values[1]) - scale(values[0])) >= minSpacing) break;
  }
  const format = compactFormat(locale);
  return { scale, ticks: values.map((value) => ({ value, y: scale(value), label: format.format(value) })) };
}
