import { utcDay, utcHour, utcMinute, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { dateFormatter } from '../i18n/format.js';
import type { TimeScale } from './extent.js';

/** A labelled point on the time axis. */
export interface Tick {
  x: number;
  label: string;
  date: Date;
  /** The label's measured width (px). */
  width?: number;
  /** Left edge of the label (px), kept inside the axis so that a label at its edge is not cut. */
  left?: number;
  /** The tick is drawn without its label: moved inside the axis, it would touch its neighbour's. */
  unlabelled?: boolean;
}

export interface TickOptions {
  /** BCP 47 locale of the labels. */
  locale: string;
  measure: (text: string) => number;
  /** Width of a context label, when that row is set in another weight; default `measure`. */
  measureContext?: (text: string) => number;
  /** Least space between two labels (px). Default 8. */
  gap?: number;
}

/** The kind of period major ticks mark. */
export type TickUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface TimeTicks {
  /** Labels centred on their tick. */
  major: Tick[];
  /**
   * The enclosing period (year under months, month under days, day under hours), one per period
   * start in view plus one pinned at the time axis' start edge for the period in progress. A label
   * runs from its x in reading direction: rightwards, or leftwards when the axis runs right to left.
   */
  context: Tick[];
  unit?: TickUnit;
  /** Length of one major step in its unit (15 for every 15 minutes, 5 for every 5 years…). */
  step?: number;
}

type Format = Intl.DateTimeFormatOptions;

interface Candidate {
  unit: TickUnit;
  step: number;
  interval: TimeInterval;
  /** The longest a step can last (ms), for skipping what cannot fit without listing ticks. */
  maxStepMs: number;
  label: Format;
  /** The row of enclosing periods; `short` is tried when the long labels leave some period out. */
  context?: { interval: TimeInterval; label: Format; short?: Format };
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The widest window (in days) whose axis marks hours. */
const MOST_DAYS_OF_HOURS = 3;
/** The widest window (in hours) whose axis marks minutes. */
const MOST_HOURS_OF_MINUTES = 12;

const DAY_CONTEXT = { interval: utcDay, label: { day: 'numeric', month: 'short', year: 'numeric' } as Format };
const MONTH_CONTEXT = {
  interval: utcMonth,
  label: { month: 'long', year: 'numeric' } as Format,
  short: { month: 'short', year: 'numeric' } as Format,
};
const YEAR_CONTEXT = { interval: utcYear, label: { year: 'numeric' } as Format };
const HOUR_LABEL: Format = { hour: 'numeric', minute: '2-digit' };
const HOUR_LABEL_24: Format = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DAY_LABEL: Format = { day: 'numeric' };
const MONTH_LABEL: Format = { month: 'short' };
const YEAR_LABEL: Format = { year: 'numeric' };

/** From the finest to the coarsest; the first whose labels fit wins. Steps are d3-time's UTC intervals. */
const CANDIDATES: Candidate[] = [
  // Minutes are only reached where the data has times of day (the zoom floor is a day otherwise).
  ...[1, 5, 10, 15, 30].map((step) => ({
    unit: 'minute' as const,
    step,
    interval: utcMinute.every(step)!,
    maxStepMs: step * MINUTE,
    label: HOUR_LABEL,
    context: DAY_CONTEXT,
  })),
  ...[1, 2, 3, 6, 12].map((step) => ({
    unit: 'hour' as const,
    step,
    interval: utcHour.every(step)!,
    maxStepMs: step * HOUR,
    label: HOUR_LABEL,
    context: DAY_CONTEXT,
  })),
  { unit: 'day', step: 1, interval: utcDay, maxStepMs: DAY, label: DAY_LABEL, context: MONTH_CONTEXT },
  { unit: 'week', step: 1, interval: utcMonday, maxStepMs: 7 * DAY, label: DAY_LABEL, context: MONTH_CONTEXT },
  ...[1, 3, 6].map((step) => ({
    unit: 'month' as const,
    step,
    interval: utcMonth.every(step)!,
    maxStepMs: step * 31 * DAY,
    label: MONTH_LABEL,
    context: YEAR_CONTEXT,
  })),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((step) => ({
    unit: 'year' as const,
    step,
    interval: utcYear.every(step)!,
    maxStepMs: step * 366 * DAY,
    label: YEAR_LABEL,
  })),
];

/** Hours as the locale writes them: "14:00" where the day has 24 hours, "2:00 PM" where it has 12. */
function labelFormat(locale: string, options: Format): Intl.DateTimeFormat {
  const format = dateFormatter(locale, options);
  if (options !== HOUR_LABEL) return format;
  const cycle = format.resolvedOptions().hourCycle;
  return cycle === 'h23' || cycle === 'h24' ? dateFormatter(locale, HOUR_LABEL_24) : format;
}

/** True when boxes [left, right], in order, keep `gap` between neighbours. */
function apart(boxes: [number, number][], gap: number): boolean {
  for (let i = 1; i < boxes.length; i++) if (boxes[i][0] - boxes[i - 1][1] < gap) return false;
  return true;
}

/**
 * Axis ticks for the view: the finest of minutes (1, 5, 10, 15, 30), hours (1, 2, 3, 6, 12), days,
 * weeks, months (1, 3, 6) and years (1, 2, 5, 10…) whose labels fit without overlapping, plus a row
 * of context labels.
 */
export function timeTicks(scale: TimeScale, options: TickOptions): TimeTicks {
  const { locale } = options;
  const gap = options.gap ?? 8;
  const widths = new Map<string, number>();
  const measure = (text: string) => {
    let width = widths.get(text);
    if (width === undefined) widths.set(text, (width = options.measure(text)));
    return width;
  };
  const [a, b] = scale.domain();
  const t0 = Math.min(a.getTime(), b.getTime());
  const t1 = Math.max(a.getTime(), b.getTime());
  const [r0, r1] = scale.range();
  const width = Math.abs(r1 - r0);
  if (!(t1 > t0) || !(width > 0)) return { major: [], context: [] };
  const rtl = scale(new Date(t1)) < scale(new Date(t0));
  // No more labels can fit than one per `gap` px, so longer lists are not even built.
  const most = width / Math.max(gap, 1) + 1;

  const majorFor = (candidate: Candidate): Tick[] => {
    const format = labelFormat(locale, candidate.label);
    return candidate.interval.range(new Date(t0), new Date(t1 + 1)).map((date) => {
      const label = format.format(date);
      return { x: scale(date), label, date, width: measure(label) };
    });
  };
  const fits = (ticks: Tick[]) => {
    const boxes = ticks
      .map((tick): [number, number] => [tick.x - tick.width! / 2, tick.x + tick.width! / 2])
      .sort((p, q) => p[0] - q[0]);
    return apart(boxes, gap);
  };

  let chosen: Candidate | undefined;
  let major: Tick[] = [];
  for (const candidate of CANDIDATES) {
    if ((t1 - t0) / candidate.maxStepMs > most) continue;
    // Over more than a few days, a row of "12:00 PM" tells less than the days do.
    if (candidate.unit === 'hour' && t1 - t0 > MOST_DAYS_OF_HOURS * DAY) continue;
    if (candidate.unit === 'minute' && t1 - t0 > MOST_HOURS_OF_MINUTES * HOUR) continue;
    const ticks = majorFor(candidate);
    // A step with no tick in view (no Monday in a five-day window) tells the reader nothing.
    if (ticks.length > 0 && fits(ticks)) {
      chosen = candidate;
      major = ticks;
      break;
    }
  }
  if (!chosen) {
    // Nothing fits whole (a very narrow view): keep what fits of the coarsest step with a tick in view.
    chosen = CANDIDATES[CANDIDATES.length - 1];
    for (let i = CANDIDATES.length - 1; i >= 0; i--) {
      const candidate = CANDIDATES[i];
      if ((t1 - t0) / candidate.maxStepMs > most) break;
      const ticks = thin(
        majorFor(candidate).sort((p, q) => p.x - q.x),
        (tick) => [tick.x - tick.width! / 2, tick.x + tick.width! / 2],
        gap,
      );
      if (ticks.length > 0) {
        chosen = candidate;
        major = ticks;
        break;
      }
    }
  }

  keepInside(major, width, gap);

  const context: Tick[] = [];
  for (const label of chosen.context ? [chosen.context.label, chosen.context.short] : []) {
    if (!label || !chosen.context) continue;
    const { interval } = chosen.context;
    const format = dateFormatter(locale, label);
    const measureContext = options.measureContext ?? measure;
    const make = (date: Date, x: number): Tick => {
      const text = format.format(date);
      return { x, label: text, date, width: measureContext(text) };
    };
    // A label that would run past the end edge is moved back inside, and must still clear its neighbour.
    const box = (tick: Tick): [number, number] => {
      const left = Math.max(0, Math.min(rtl ? tick.x - tick.width! : tick.x, width - tick.width!));
      return [left, left + tick.width!];
    };
    // In reading order: with a right-to-left axis, boxes run from right to left, so mirror them.
    const clear = (first: Tick, next: Tick) => {
      const [p, q] = [box(first), box(next)];
      return rtl ? p[0] - q[1] >= gap : q[0] - p[1] >= gap;
    };

    const boundaries: Tick[] = [];
    let left = 0;
    for (const date of interval.range(new Date(t0), new Date(t1 + 1))) {
      const tick = make(date, scale(date));
      if (boundaries.length === 0 || clear(boundaries[boundaries.length - 1], tick)) boundaries.push(tick);
      else left++;
    }
    const row: Tick[] = [];
    const current = interval.floor(new Date(t0));
    if (current.getTime() < t0) {
      const pinned = make(current, scale(new Date(t0)));
      if (boundaries.length === 0 || clear(pinned, boundaries[0])) row.push(pinned);
    }
    row.push(...boundaries);
    for (const tick of row) tick.left = box(tick)[0];
    if (row.length > context.length) context.splice(0, context.length, ...row);
    if (left === 0) break;
  }

  return { major, context, unit: chosen.unit, step: chosen.step };
}

/**
 * Gives each centred label a `left` inside [0, width]: a tick at the edge would otherwise stick out
 * by half its label. An edge label that, moved inside, no longer clears its neighbour's is left
 * `unlabelled` (its tick stays).
 */
function keepInside(major: Tick[], width: number, gap: number): void {
  for (const tick of major) tick.left = Math.max(0, Math.min(tick.x - tick.width! / 2, width - tick.width!));
  const byX = [...major].sort((p, q) => p.x - q.x);
  const n = byX.length;
  const touching = (a: Tick, b: Tick) => b.left! - (a.left! + a.width!) < gap;
  const edges = new Set<Tick>();
  if (n > 1 && touching(byX[0], byX[1])) edges.add(byX[0]);
  if (n > 1 && touching(byX[n - 2], byX[n - 1])) edges.add(byX[n - 1]);
  for (const tick of edges) {
    // With fewer than two labels left the axis would not read: keep them centred, where they fit.
    if (n - edges.size >= 2) tick.unlabelled = true;
    else tick.left = tick.x - tick.width! / 2;
  }
}

/** Keeps ticks left to right while each clears the last kept one by `gap`. */
function thin(ticks: Tick[], box: (tick: Tick) => [number, number], gap: number): Tick[] {
  const kept: Tick[] = [];
  for (const tick of ticks) {
    if (kept.length === 0 || box(tick)[0] - box(kept[kept.length - 1])[1] >= gap) kept.push(tick);
  }
  return kept;
}
