import { utcDay, utcHour, utcMinute, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { dateFormatter, formatYearNumber, formatYearsAgo, PRESENT_YEAR, saysYearsAgo, withEra } from '../i18n/format.js';
import { createTranslator, type Translator } from '../i18n/translate.js';
import { yearOf, yearStart } from '../model/dates.js';
import { inDateRange, type TimeScale } from './extent.js';

/** A labelled point on the time axis. */
export interface Tick {
  x: number;
  label: string;
  /** Its time value (see `TimeScale`): for a year a Date cannot hold too. */
  time: number;
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
  /** The widget's words, for "13.8 billion years ago"; default: the built-in words of `locale`. */
  tr?: Translator;
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
  /** Years counted back from the present ("13.8 billion years ago") rather than by era. */
  yearsAgo?: boolean;
}

type Format = Intl.DateTimeFormatOptions;

/** A step of the axis: ticks of d3-time's intervals within the years a Date holds, or whole years at any distance. */
interface Candidate {
  unit: TickUnit;
  step: number;
  /** How many ticks [t0, t1] takes at most, to skip what cannot fit without listing ticks. */
  count(t0: number, t1: number): number;
  /** The ticks in [t0, t1], labelled. */
  list(t0: number, t1: number): { time: number; label: string }[];
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

/**
 * The formats of the axis' labels, the likeliest first (a story of months and years), for making
 * them ahead of a first drawing: the first use of each costs far more than the next.
 */
export const AXIS_FORMATS: readonly Format[] = [
  MONTH_LABEL, YEAR_CONTEXT.label, MONTH_CONTEXT.label, MONTH_CONTEXT.short, DAY_LABEL, DAY_CONTEXT.label, HOUR_LABEL,
];

/** What the labels of one axis are written with. */
interface Labels {
  locale: string;
  tr: Translator;
  /** The window starts before year 1: every year says its era ("100 BC", "AD 100"). */
  era: boolean;
}

/** Ticks of a d3-time interval, labelled by an Intl date format. */
function intervalCandidate(
  unit: TickUnit,
  step: number,
  interval: TimeInterval,
  maxStepMs: number,
  label: Format,
  context?: Candidate['context'],
): (labels: Labels) => Candidate {
  return ({ locale }) => ({
    unit,
    step,
    context,
    count: (t0, t1) => (t1 - t0) / maxStepMs,
    list(t0, t1) {
      const format = labelFormat(locale, label);
      const ticks: { time: number; label: string }[] = [];
      for (const date of interval.range(new Date(t0), new Date(t1 + 1))) {
        const time = date.getTime();
        // Near the first or last instant a Date holds, a step can fall beyond it (an Invalid Date).
        if (Number.isFinite(time)) ticks.push({ time, label: format.format(date) });
      }
      return ticks;
    },
  });
}

/**
 * Whether d3-time's intervals can step through a window: it lies a year inside the instants a Date
 * holds. Nearer the edge, a step of six months could land beyond them, on an Invalid Date, where an
 * interval made with `every` would search for its next tick for ever.
 */
function withinDates(t0: number, t1: number): boolean {
  return inDateRange(t0 - 366 * DAY) && inDateRange(t1 + 366 * DAY);
}

/** Steps within a year, from the finest; only for windows within the years a Date holds. Steps are d3-time's UTC intervals. */
const WITHIN_YEARS = [
  // Minutes are only reached where the data has times of day (the zoom floor is a day otherwise).
  ...[1, 5, 10, 15, 30].map((step) => intervalCandidate('minute', step, utcMinute.every(step)!, step * MINUTE, HOUR_LABEL, DAY_CONTEXT)),
  ...[1, 2, 3, 6, 12].map((step) => intervalCandidate('hour', step, utcHour.every(step)!, step * HOUR, HOUR_LABEL, DAY_CONTEXT)),
  intervalCandidate('day', 1, utcDay, DAY, DAY_LABEL, MONTH_CONTEXT),
  intervalCandidate('week', 1, utcMonday, 7 * DAY, DAY_LABEL, MONTH_CONTEXT),
  ...[1, 3, 6].map((step) => intervalCandidate('month', step, utcMonth.every(step)!, step * 31 * DAY, MONTH_LABEL, YEAR_CONTEXT)),
];

/**
 * Every `step` years, at any distance from today. Years before 1 are counted as their era counts
 * them, so that the ticks read "200 BC, 100 BC, AD 1, AD 100" (ISO years -199, -99, 1, 100) and
 * never "201 BC" or "1 BC". Counted back from the present when `yearsAgo`.
 */
function yearCandidate(step: number, yearsAgo: boolean, { locale, tr, era }: Labels): Candidate {
  return {
    unit: 'year',
    step,
    count: (t0, t1) => (yearOf(t1) - yearOf(t0)) / step + 1,
    list(t0, t1) {
      const y0 = yearOf(t0);
      const y1 = yearOf(t1);
      const ticks: { time: number; label: string }[] = [];
      const add = (year: number, label: () => string) => {
        const time = yearStart(year);
        if (time >= t0 && time <= t1) ticks.push({ time, label: label() });
      };
      if (yearsAgo) {
        // From the earliest: the most years ago first. The present itself and the future have no "ago".
        for (let ago = Math.floor((PRESENT_YEAR - y0) / step) * step; ago >= Math.max(step, PRESENT_YEAR - y1); ago -= step) {
          add(PRESENT_YEAR - ago, () => formatYearsAgo(ago, locale, tr, significantDigits(ago, step)));
        }
      } else {
        for (let multiple = Math.floor(y0 / step) * step; multiple <= y1; multiple += step) {
          const year = step > 1 && multiple <= 0 ? multiple + 1 : multiple;
          add(year, () => formatYearNumber(year, locale, era));
        }
      }
      return ticks;
    },
  };
}

/** Enough significant digits to tell multiples of `step` apart: 1.05 billion, not 1.1 billion. */
function significantDigits(value: number, step: number): number {
  return Math.max(1, Math.floor(Math.log10(value)) - Math.floor(Math.log10(step)) + 1);
}

/** Year steps of 1, 2 and 5 times a power of ten, from one year to the first that spans the window. */
function yearSteps(years: number): number[] {
  const steps: number[] = [];
  for (let power = 1; ; power *= 10) {
    for (const unit of [1, 2, 5]) {
      steps.push(unit * power);
      if (unit * power >= years) return steps;
    }
  }
}

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
 * weeks, months (1, 3, 6) and years (1, 2, 5, 10, 20, 50…) whose labels fit without overlapping,
 * plus a row of context labels. Steps within a year need a window within the years a Date holds;
 * beyond them the axis marks years, and counts them back from the present ("13.8 billion years
 * ago") when the window reaches a million years back or more (see `saysYearsAgo`). Years before 1
 * carry their era in every label of a window that starts before year 1.
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
  const t0 = Math.min(+a, +b);
  const t1 = Math.max(+a, +b);
  const [r0, r1] = scale.range();
  const width = Math.abs(r1 - r0);
  if (!(t1 > t0) || !Number.isFinite(t1 - t0) || !(width > 0)) return { major: [], context: [] };
  const rtl = scale(t1) < scale(t0);
  // No more labels can fit than one per `gap` px, so longer lists are not even built.
  const most = width / Math.max(gap, 1) + 1;
  const first = yearOf(t0);
  const labels: Labels = { locale, tr: options.tr ?? defaultWords(locale), era: first < 1 };
  const yearsAgo = saysYearsAgo(first);
  const candidates: Candidate[] = [
    ...(withinDates(t0, t1) && !yearsAgo ? WITHIN_YEARS.map((make) => make(labels)) : []),
    ...yearSteps(yearOf(t1) - first + 1).map((step) => yearCandidate(step, yearsAgo, labels)),
  ];

  const majorFor = (candidate: Candidate): Tick[] =>
    candidate.list(t0, t1).map(({ time, label }) => ({ x: scale(time), label, time, width: measure(label) }));
  const fits = (ticks: Tick[]) => {
    const boxes = ticks
      .map((tick): [number, number] => [tick.x - tick.width! / 2, tick.x + tick.width! / 2])
      .sort((p, q) => p[0] - q[0]);
    return apart(boxes, gap);
  };

  let chosen: Candidate | undefined;
  let major: Tick[] = [];
  for (const candidate of candidates) {
    if (candidate.count(t0, t1) > most) continue;
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
    chosen = candidates[candidates.length - 1];
    for (let i = candidates.length - 1; i >= 0; i--) {
      const candidate = candidates[i];
      if (candidate.count(t0, t1) > most) break;
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
  const measureContext = options.measureContext ?? measure;
  // A label that would run past the end edge is moved back inside, and must still clear its neighbour.
  const box = (tick: Tick): [number, number] => {
    const left = Math.max(0, Math.min(rtl ? tick.x - tick.width! : tick.x, width - tick.width!));
    return [left, left + tick.width!];
  };
  for (const label of chosen.context ? [chosen.context.label, chosen.context.short] : []) {
    if (!label || !chosen.context) continue;
    const { interval } = chosen.context;
    const format = dateFormatter(locale, labels.era ? withEra(label) : label);
    const make = (date: Date, x: number): Tick => {
      const text = format.format(date);
      return { x, label: text, time: date.getTime(), width: measureContext(text) };
    };
    // In reading order: with a right-to-left axis, boxes run from right to left, so mirror them.
    const clear = (first: Tick, next: Tick) => {
      const [p, q] = [box(first), box(next)];
      return rtl ? p[0] - q[1] >= gap : q[0] - p[1] >= gap;
    };

    const boundaries: Tick[] = [];
    let left = 0;
    for (const date of interval.range(new Date(t0), new Date(t1 + 1))) {
      if (!Number.isFinite(date.getTime())) continue;
      const tick = make(date, scale(date.getTime()));
      if (boundaries.length === 0 || clear(boundaries[boundaries.length - 1], tick)) boundaries.push(tick);
      else left++;
    }
    const row: Tick[] = [];
    const current = interval.floor(new Date(t0));
    // The period in progress may have begun before the first instant a Date holds: it is not named then.
    if (current.getTime() < t0) {
      const pinned = make(current, scale(t0));
      if (boundaries.length === 0 || clear(pinned, boundaries[0])) row.push(pinned);
    }
    row.push(...boundaries);
    for (const tick of row) tick.left = box(tick)[0];
    if (row.length > context.length) context.splice(0, context.length, ...row);
    if (left === 0) break;
  }
  if (major.length === 0 && context.length === 0) {
    // A window within one year that a Date cannot hold (the zoom goes down to a day there too): the year is named at the start edge.
    const text = yearsAgo ? formatYearsAgo(PRESENT_YEAR - first, locale, labels.tr, Infinity) : formatYearNumber(first, locale, labels.era);
    const pinned: Tick = { x: scale(t0), label: text, time: t0, width: measureContext(text) };
    pinned.left = box(pinned)[0];
    context.push(pinned);
  }

  return { major, context, unit: chosen.unit, step: chosen.step, yearsAgo };
}

const defaults = new Map<string, Translator>();

/** The built-in words of a locale, made once. */
function defaultWords(locale: string): Translator {
  let words = defaults.get(locale);
  if (!words) defaults.set(locale, (words = createTranslator(locale)));
  return words;
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
