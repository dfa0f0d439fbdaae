import { extent } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { formatCompact } from '../i18n/format.js';
import type { Figure, TimelineEvent } from '../model/types.js';
import { eventStart } from './extent.js';
import type { MarkShape } from './lanes.js';

/** One reported figure placed in time. */
export interface FigurePoint {
  event: TimelineEvent;
  figure: Figure;
  /** The event's time value (see `TimeScale`). */
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
    const t = eventStart(event);
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
  scale: ScaleLinear<number, number>;
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

/**
 * The value axis of a figures panel over `range` ([bottom, top] in px): from 0 (or the lowest
 * value, if negative) to a round maximum that is itself a labelled gridline, so that no point sits
 * above the last label. The step grows until gridlines are `minSpacing` apart.
 */
export function valueAxis(series: readonly FigureSeries[], range: [number, number], options: ValueAxisOptions = {}): ValueAxis {
  const { count = 3, minSpacing = 0, locale = 'en' } = options;
  const [least = 0, most = 0] = extent(series.flatMap((one) => one.points), (point) => point.value);
  const lo = Math.min(0, least);
  let hi = Math.max(0, most);
  if (hi === lo) hi = lo + 1;
  let scale = scaleLinear().domain([lo, hi]).range(range);
  let values: number[] = [];
  for (let n = Math.max(1, count); n >= 1; n--) {
    // Once niced for n ticks, the domain's ends are ticks themselves.
    scale = scaleLinear().domain([lo, hi]).nice(n).range(range);
    values = scale.ticks(n);
    if (values.length < 2 || Math.abs(scale(values[1]) - scale(values[0])) >= minSpacing) break;
  }
  return { scale, ticks: values.map((value) => ({ value, y: scale(value), label: formatCompact(value, locale) })) };
}

/** How one reporter's series is drawn: colour, point shape and dash, so series differ without colour. */
export interface SeriesStyle {
  series: FigureSeries;
  color: string;
  shape: MarkShape;
  dash: string;
}

/** Colours of figure series, each at least 3:1 against the light and the dark background. */
const SERIES_COLORS = ['#d0453f', '#3a73c9', '#8a5cc8', '#1f8a6a', '#b86e00', '#c0468f'];
const SERIES_SHAPES: MarkShape[] = ['circle', 'square', 'diamond', 'triangle', 'hexagon', 'star'];
const SERIES_DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 3', '10 4'];

/**
 * The n-th reporter's look within a measure: colour, point shape and dash all differ for the first
 * six; after them colours come round again, each time with the shapes and dashes moved on by one,
 * so that no two of the first 36 share a colour and a shape.
 */
export function seriesLook(index: number): Omit<SeriesStyle, 'series'> {
  const round = Math.floor(index / SERIES_COLORS.length);
  return {
    color: SERIES_COLORS[index % SERIES_COLORS.length],
    shape: SERIES_SHAPES[(index + round) % SERIES_SHAPES.length],
    dash: SERIES_DASHES[(index + round) % SERIES_DASHES.length],
  };
}
