// One measure's chart, as a graphics desk draws it: a value axis that keeps to one side, at most
// three highlighted reporters named at their lines' ends, the other reports as thin grey context,
// lines that run to both edges of the window, and disagreement between sources drawn as a range
// with both values. Pure: pixel positions come from an x(t) function passed in.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { HIGHLIGHT_LIMIT } from '../model/names.js';

/** One reported value of a measure. */
export interface ChartPoint {
  /** When (ms): the date of the event that reports it. */
  t: number;
  value: number;
  eventId: string;
  /** "more than", "about"… */
  qualifier?: string;
}

/** One reporter's values of a measure, in time order. */
export interface ChartSeries {
  reporter: string;
  points: readonly ChartPoint[];
}

/** A measure: its series, and the reporters the editor chose to highlight (if any). */
export interface MeasureSeries {
  measure: string;
  series: readonly ChartSeries[];
  highlight?: readonly string[];
}

/** Colours of highlighted reporters, each at least 3:1 against the light (#ffffff) and dark (#16181d, #1f2228) backgrounds. */
export const REPORTER_PALETTE: readonly string[] = ['#d0453f', '#3a73c9', '#8a5cc8', '#1f8a6a', '#b86e00', '#c0468f'];

/** The colour of reports drawn as context: a grey at least 3:1 against both backgrounds. */
export const CONTEXT_COLOR = '#868c97';

/** Two reports of a measure at most this many days apart are compared as one moment. */
export const DISAGREEMENT_DAYS = 3;

/** Most disagreements drawn in one chart (the widest): more would read as noise, not as disagreement. */
export const RANGE_LIMIT = 8;

/** Two reports of one reporter further apart than this many days are joined by a dashed line. */
export const LONG_SILENCE_DAYS = 180;

const DAY = 86_400_000;

/** A point of a drawn line; `long`: the stretch that ends at it bridges a long silence. */
interface Vertex {
  x: number;
  y: number;
  long: boolean;
}
/** The largest value the chart's scale works with: the difference of two values stays finite. */
const VALUE_LIMIT = Number.MAX_VALUE / 4;

const clampValue = (value: number) => (value > VALUE_LIMIT ? VALUE_LIMIT : value < -VALUE_LIMIT ? -VALUE_LIMIT : value);

/**
 * The reporters a measure's chart highlights: the editor's `highlight` where given (those that
 * report the measure, at most three), else the three that reported it most (ties: the first to
 * report it first).
 */
export function highlightedReporters(measure: MeasureSeries): string[] {
  const reporters = new Set(measure.series.map((s) => s.reporter));
  const chosen = (measure.highlight ?? []).filter((name) => reporters.has(name));
  if (chosen.length > 0) return [...new Set(chosen)].slice(0, HIGHLIGHT_LIMIT);
  const first = (s: ChartSeries) => (s.points.length > 0 ? s.points[0].t : Infinity);
  return measure.series
    .filter((s) => s.points.length > 0)
    .map((s, k) => ({ s, k }))
    .sort((a, b) => b.s.points.length - a.s.points.length || first(a.s) - first(b.s) || a.k - b.k)
    .slice(0, HIGHLIGHT_LIMIT)
    .map(({ s }) => s.reporter);
}

/**
 * One colour per reporter, the same in every chart: reporters highlighted in some chart take
 * palette colours, the most reported (over all measures) first, each the first colour that no
 * other reporter highlighted in one of its charts has; everyone else is the context grey.
 */
export function reporterColors(measures: readonly MeasureSeries[], palette: readonly string[] = REPORTER_PALETTE): Map<string, string> {
  const reports = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  const sharing = new Map<string, Set<string>>();
  for (const measure of measures) {
    for (const s of measure.series) {
      reports.set(s.reporter, (reports.get(s.reporter) ?? 0) + s.points.length);
      if (!firstSeen.has(s.reporter)) firstSeen.set(s.reporter, firstSeen.size);
    }
    const highlighted = highlightedReporters(measure);
    for (const name of highlighted) {
      if (!sharing.has(name)) sharing.set(name, new Set());
      for (const other of highlighted) if (other !== name) sharing.get(name)!.add(other);
    }
  }
  const colors = new Map<string, string>();
  const order = [...sharing.keys()].sort((a, b) => (reports.get(b) ?? 0) - (reports.get(a) ?? 0) || (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0));
  const uses = new Map<string, number>();
  for (const name of order) {
    const taken = new Set([...sharing.get(name)!].map((other) => colors.get(other)));
    // The first free colour; when every colour is taken by a neighbour, the least used one.
    let color = palette.find((c) => !taken.has(c) && !uses.has(c)) ?? palette.find((c) => !taken.has(c));
    color ??= [...palette].sort((a, b) => (uses.get(a) ?? 0) - (uses.get(b) ?? 0))[0] ?? CONTEXT_COLOR;
    colors.set(name, color);
    uses.set(color, (uses.get(color) ?? 0) + 1);
  }
  for (const name of reports.keys()) if (!colors.has(name)) colors.set(name, CONTEXT_COLOR);
  return colors;
}

export interface FigureChartOptions {
  /** Width of the plot (px): `x` maps the window onto [0, width]. */
  width: number;
  /** Height of the chart (px). */
  height: number;
  /** Where a time (ms) is drawn (px), linear in time (a d3 time scale); the same function as the lanes above. */
  x: (t: number) => number;
  /** The view window [t0, t1] (ms). */
  domain: readonly [number, number];
  /** Right to left: the value axis goes on the right. */
  rtl?: boolean;
  /** BCP 47 locale of the numbers on the value axis; default `en`. */
  locale?: string;
  /** The reporters to highlight; default `highlightedReporters(measure)`. */
  highlight?: readonly string[];
  /** Each reporter's colour; default `reporterColors([measure])`. */
  colors?: ReadonlyMap<string, string>;
  /** Width of a text at the chart's font (px), bold for a reporter's name at a line's end; default 6.5 px a character (7 bold). */
  measure?: (text: string, bold?: boolean) => number;
  /** A value as written in a label, with its qualifier; default Intl, "more than 67,160". */
  formatValue?: (value: number, qualifier?: string) => string;
  /** A date as written in a label, given the time and the event that reports it; default Intl, "6 Oct 2025". */
  formatDate?: (t: number, eventId: string) => string;
  /** A reporter's name as shown; default as written. */
  name?: (reporter: string) => string;
  /** Height of a line of label text (px); default 14. */
  lineHeight?: number;
  /** Most days between two reports compared as one moment; default 3. */
  disagreementDays?: number;
  /**
   * The time at a pixel (the inverse of `x`). When given, the value axis takes its gutter inside
   * [0, width], on the start side, and the lines are cut at the gutter's edge: the plot is what
   * is left (`FigureChart.plot`), and the chart keeps the lanes' time scale.
   */
  invert?: (px: number) => number;
  /**
   * With `invert`: when reports lie in the gutter's stretch of time, the gutter stays open instead
   * of hiding them: the plot keeps the whole width, and a tick label that a line or point would
   * cross is left out.
   */
  openGutter?: boolean;
  /** Reporters of context lines named at their end as well (the one under the pointer, or focused). */
  named?: readonly string[];
  /** Least distance (px) between two disagreements drawn; the wider disagreement wins. Default 32. */
  rangeGap?: number;
  /** Two reports of one reporter further apart than this (days) are joined by a dashed line. Default 180. */
  gapDays?: number;
  /** Events whose reports stay marks when thousands in view are thinned to what the line needs. */
  keep?: ReadonlySet<string>;
}

/** A labelled gridline of the value axis. */
export interface ValueTick {
  value: number;
  y: number;
  label: string;
  /** The gridline is drawn without its label: a line or point crosses where it would be. */
  unlabelled?: boolean;
}

/** The value axis, outside the plot on its start side, so that no line crosses its labels. */
export interface ChartAxis {
  side: 'left' | 'right';
  /** Width the axis needs beside the plot (px): the caller leaves it free, or (with `invert`) the chart takes it from its start. */
  gutter: number;
  /** Where the tick labels are anchored (px): right-aligned 4 px left of the plot, or left-aligned 4 px right of it. */
  x: number;
  ticks: ValueTick[];
}

/** A reporter's line. */
export interface ChartLine {
  reporter: string;
  name: string;
  color: string;
  highlighted: boolean;
  /** A context line named at its end (`named`), drawn over the other context lines. */
  named: boolean;
  /** SVG path from the left to the right edge of what is in view; empty when none of it is. */
  path: string;
  /**
   * The same line in two parts: `solid` where it joins reports close in time, `dashed` where it
   * bridges a long silence (more than `gapDays` between two reports), so that a straight stretch
   * over months without a report does not read as a steady change. Either may be empty.
   */
  solid: string;
  dashed: string;
}

/** A reported value in view: a mark that takes focus and opens its event. No counts. */
export interface ChartMark {
  eventId: string;
  reporter: string;
  x: number;
  y: number;
  t: number;
  value: number;
  qualifier?: string;
  highlighted: boolean;
}

/** The name of a highlighted line at its end (its first line is bold), with its latest value in view and that value's date. */
export interface EndLabel {
  reporter: string;
  color: string;
  /** A highlighted line's label; else a context line's, named on hover or focus. */
  highlighted: boolean;
  eventId: string;
  /** The reporter's name, then value and date ("more than 67,160 · 6 Oct 2025"); the second is empty where only the name found room. */
  lines: [string, string];
  value: number;
  qualifier?: string;
  t: number;
  /** Top-left corner and size of the text box (px). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The point on the line the label names. */
  anchor: { x: number; y: number };
}

/** One end of a disagreement: who gave which value. */
export interface RangeEnd {
  reporter: string;
  eventId: string;
  value: number;
  qualifier?: string;
  t: number;
  y: number;
  /** The value as written. */
  text: string;
  /**
   * Where its text goes (top-left, px), or null when there is no room for it. `named`: there was
   * room for the reporter's name after the value as well ("46,000 (Ministry)").
   */
  label: { x: number; y: number; width: number; named: boolean } | null;
}

/** Two reporters giving different values within a few days: drawn as a bar from one to the other. */
export interface Disagreement {
  x: number;
  low: RangeEnd;
  high: RangeEnd;
}

export interface FigureChart {
  /** Whether any of the measure is in view (a line or a point); else the chart has nothing to show. */
  inView: boolean;
  axis: ChartAxis;
  /** Left and right edges of the plot (px): where lines run; [0, width] unless the axis is inside. */
  plot: [number, number];
  /** Top and bottom of the values (px): the highest tick and the lowest. */
  top: number;
  bottom: number;
  /** Context lines first, highlighted lines last (drawing order). */
  lines: ChartLine[];
  labels: EndLabel[];
  ranges: Disagreement[];
  points: ChartMark[];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat('en', options);
    }
    numberFormats.set(key, format);
  }
  return format;
}

/** A tick label: compact ("60K"), or scientific for values too large to write out. */
function tickLabel(value: number, locale: string): string {
  return Math.abs(value) < 1e15
    ? numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)
    : numberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 3 }).format(value);
}

/** The value in `a`'s and `b`'s line at time t: a weighted sum, finite for any finite values. */
function between(a: { t: number; value: number }, b: { t: number; value: number }, t: number): number {
  if (b.t === a.t) return b.value;
  const f = Math.min(1, Math.max(0, (t - a.t) / (b.t - a.t)));
  return a.value * (1 - f) + b.value * f;
}

/** Index of the first point at or after t. */
function firstAtOrAfter(points: readonly ChartPoint[], t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first mark at or right of x, in marks sorted by x. */
function firstAtOrRight(marks: readonly { x: number }[], x: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid].x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What of a series is in view: its points there, and the line's values where it crosses the window's edges. */
interface InView {
  series: ChartSeries;
  points: ChartPoint[];
  /** The line at t0 and t1, when it runs there (a point just outside the window on that side). */
  start?: number;
  end?: number;
  /** The latest point before the window, when the line crosses the window without a point in it. */
  before?: ChartPoint;
  /** When the reports just outside the window on each side were made. */
  prevT?: number;
  nextT?: number;
}

/** Each series' points with a finite time and value, found once per series. */
const finitePoints = new WeakMap<ChartSeries, readonly ChartPoint[]>();

/** How to thin thousands of reports in view: a column per time, the most reports kept unthinned, and those always kept. */
interface Thinning {
  column: (t: number) => number;
  most: number;
  keep?: ReadonlySet<string>;
}

function inView(series: ChartSeries, t0: number, t1: number, thin?: Thinning): InView {
  let points = finitePoints.get(series);
  if (!points) finitePoints.set(series, (points = series.points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.value))));
  const i0 = firstAtOrAfter(points, t0);
  let i1 = firstAtOrAfter(points, t1);
  while (i1 < points.length && points[i1].t === t1) i1++;
  const clamp = (p: ChartPoint) => (clampValue(p.value) === p.value ? p : { ...p, value: clampValue(p.value) });
  let visible: ChartPoint[];
  if (!thin || i1 - i0 <= thin.most) visible = points.slice(i0, i1).map(clamp);
  else {
    // A line needs no more than the lowest and the highest report of each column, with its first
    // and last report and those kept (the keyboard's).
    visible = [];
    let column = NaN;
    let low = -1;
    let high = -1;
    const flush = () => {
      if (low < 0) return;
      if (low === high) visible.push(clamp(points[low]));
      else if (low < high) visible.push(clamp(points[low]), clamp(points[high]));
      else visible.push(clamp(points[high]), clamp(points[low]));
      low = high = -1;
    };
    for (let k = i0; k < i1; k++) {
      const p = points[k];
      const c = thin.column(p.t);
      if (c !== column) {
        flush();
        column = c;
      }
      if (k === i0 || k === i1 - 1 || thin.keep?.has(p.eventId)) {
        flush();
        visible.push(clamp(p));
        continue;
      }
      if (low < 0 || p.value < points[low].value) low = k;
      if (high < 0 || p.value > points[high].value) high = k;
    }
    flush();
  }
  const prev = i0 > 0 ? clamp(points[i0 - 1]) : undefined;
  const next = i1 < points.length ? clamp(points[i1]) : undefined;
  const result: InView = { series, points: visible };
  const first = visible[0] ?? next;
  const last = visible[visible.length - 1] ?? prev;
  if (prev && first) result.start = between(prev, first, t0);
  if (next && last) result.end = between(last, next, t1);
  if (visible.length === 0 && prev && next) result.before = prev;
  if (prev) result.prevT = prev.t;
  if (next) result.nextT = next.t;
  return result;
}

/** The lowest and highest y a polyline reaches between x = a and x = b (a ≤ b), or null if it is not there. */
function yRange(vertices: readonly { x: number; y: number }[], a: number, b: number): [number, number] | null {
  const n = vertices.length;
  if (n === 0) return null;
  // A line's vertices run in time order, so their x runs one way: only those near [a, b] are looked at.
  const ascending = vertices[n - 1].x >= vertices[0].x;
  const key = (k: number) => (ascending ? vertices[k].x : -vertices[k].x);
  const [from, to] = ascending ? [a, b] : [-b, -a];
  let l = 0;
  let r = n;
  while (l < r) {
    const m = (l + r) >>> 1;
    if (key(m) < from) l = m + 1;
    else r = m;
  }
  const first = Math.max(0, l - 1);
  l = first;
  r = n;
  while (l < r) {
    const m = (l + r) >>> 1;
    if (key(m) <= to) l = m + 1;
    else r = m;
  }
  const last = Math.min(n - 1, l);
  let lo = Infinity;
  let hi = -Infinity;
  const take = (y: number) => {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  };
  for (let k = first; k <= last; k++) {
    const p = vertices[k];
    if (p.x >= a && p.x <= b) take(p.y);
    if (k === first) continue;
    const q = vertices[k - 1];
    const left = Math.min(p.x, q.x);
    const right = Math.max(p.x, q.x);
    if (right < a || left > b || right === left) continue;
    // Where the segment meets the edges of [a, b].
    for (const edge of [a, b]) {
      if (edge >= left && edge <= right) take(q.y + ((p.y - q.y) * (edge - q.x)) / (p.x - q.x));
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The top y in [min, max] nearest `target` outside every forbidden interval (open), or null. */
function nearestFree(target: number, min: number, max: number, forbidden: [number, number][]): number | null {
  if (max < min) return null;
  const blocks = forbidden.filter(([lo, hi]) => hi > min && lo < max).sort((p, q) => p[0] - q[0]);
  let best: number | null = null;
  let from = min;
  const consider = (lo: number, hi: number) => {
    if (hi < lo) return;
    const y = Math.min(Math.max(target, lo), hi);
    if (best === null || Math.abs(y - target) < Math.abs(best - target)) best = y;
  };
  for (const [lo, hi] of blocks) {
    consider(from, Math.min(lo, max));
    from = Math.max(from, hi);
  }
  consider(from, max);
  return best;
}

/**
 * One measure's chart in a plot `width` × `height` px for the view window `domain`: the value
 * scale (d3 `scaleLinear().nice()`, from 0 or the lowest value to the highest in view) with a few
 * ticks in a gutter beside the plot; a line per reporter through its points in view and the
 * nearest point on each side beyond, cut at the window's edges, so lines run edge to edge
 * (highlighted ones in their colour, the others as context); the highlighted lines named at their
 * ends with their latest value in view, placed clear of each other and of the lines; each
 * disagreement (two reporters, values that differ, at most `disagreementDays` apart, not both
 * drawing lines in view, whose gap the lines show) as a range with both values; and a mark per point in view. Values as large as ±1e308 stay finite.
 */
export function figureChart(measure: MeasureSeries, options: FigureChartOptions): FigureChart {
  const { width, height, x } = options;
  const [t0, t1] = options.domain[0] <= options.domain[1] ? options.domain : [options.domain[1], options.domain[0]];
  const rtl = options.rtl === true;
  const locale = options.locale ?? 'en';
  const lineHeight = options.lineHeight ?? 14;
  const measureText = options.measure ?? ((text: string, bold?: boolean) => text.length * (bold ? 7 : 6.5));
  const highlight = new Set(options.highlight ?? highlightedReporters(measure));
  const named = new Set((options.named ?? []).filter((reporter) => !highlight.has(reporter)));
  const colors = options.colors ?? reporterColors([measure]);
  const name = options.name ?? ((reporter: string) => reporter);
  const formatValue =
    options.formatValue ??
    ((value: number, qualifier?: string) => {
      const text = Math.abs(value) < 1e15 ? numberFormat(locale, {}).format(value) : tickLabel(value, locale);
      return qualifier ? `${qualifier} ${text}` : text;
    });
  const formatDate =
    options.formatDate ??
    ((t: number) => {
      try {
        return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(t);
      } catch {
        return new Date(t).toISOString().slice(0, 10);
      }
    });
  const windowDays = (options.disagreementDays ?? DISAGREEMENT_DAYS) * DAY;
  const rangeGap = options.rangeGap ?? 32;
  const longGap = (options.gapDays ?? LONG_SILENCE_DAYS) * DAY;

  // Thousands of reports in view are thinned to what the line needs: the lowest and the highest
  // of each 4 px (x is linear in time), at most two a column.
  const xAt0 = x(t0);
  const pxPerMs = t1 > t0 ? (x(t1) - xAt0) / (t1 - t0) : 0;
  const thin: Thinning = { column: (t) => Math.floor((xAt0 + (t - t0) * pxPerMs) / 4), most: Math.max(64, Math.ceil(width / 2)) };
  if (options.keep) thin.keep = options.keep;
  let views = measure.series.map((s) => inView(s, t0, t1, thin));

  // The value scale, over what is in view: the points and the lines' values at the edges.
  let lo = 0;
  let hi = 0;
  for (const view of views) {
    const values = view.points.map((p) => p.value);
    if (view.start !== undefined) values.push(view.start);
    if (view.end !== undefined) values.push(view.end);
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (hi === lo) hi = lo + 1;
  const top = Math.ceil(lineHeight / 2) + 1;
  const bottom = Math.max(top + 1, height - Math.ceil(lineHeight / 2) - 1);
  const count = Math.max(2, Math.min(5, Math.floor((bottom - top) / 36)));
  const y = scaleLinear().domain([lo, hi]).nice(count).range([bottom, top]).clamp(true);
  const [d0, d1] = y.domain();
  if (!Number.isFinite(d0) || !Number.isFinite(d1)) y.domain([clampValue(lo), clampValue(hi)]);
  const ticks: ValueTick[] = y
    .ticks(count)
    .filter(Number.isFinite)
    .map((value) => ({ value, y: y(value), label: tickLabel(value, locale) }));
  const gutter = Math.ceil(Math.max(0, ...ticks.map((tick) => measureText(tick.label)))) + 8;

  // With the axis inside, the plot starts at the gutter's edge: the window there begins later.
  let plot: [number, number] = [0, width];
  let from = t0;
  let open = false;
  if (options.invert && gutter < width) {
    const edge = options.invert(rtl ? width - gutter : gutter);
    if (Number.isFinite(edge) && edge > t0 && edge < t1) {
      open = options.openGutter === true && views.some((view) => view.points.length > 0 && view.points[0].t < edge);
      if (!open) {
        from = edge;
        plot = rtl ? [0, width - gutter] : [gutter, width];
        views = measure.series.map((s) => inView(s, from, t1, thin));
      }
    }
  }
  const [plotLeft, plotRight] = plot;
  const axisX = open ? (rtl ? width - gutter + 4 : gutter - 4) : rtl ? plotRight + 4 : plotLeft - 4;
  const axis: ChartAxis = { side: rtl ? 'right' : 'left', gutter, x: axisX, ticks };

  // Lines, cut at the window's edges.
  const path = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y)
    .digits(1);
  const xStart = x(from);
  const xEnd = x(t1);
  // Each vertex says whether the stretch of line that ends at it joins reports far apart in time.
  const vertices = views.map((view) => {
    const out: Vertex[] = [];
    const apart = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && b - a > longGap;
    if (view.start !== undefined) out.push({ x: xStart, y: y(view.start), long: false });
    view.points.forEach((p, i) => out.push({ x: x(p.t), y: y(p.value), long: apart(i === 0 ? view.prevT : view.points[i - 1].t, p.t) }));
    const last = view.points.length > 0 ? view.points[view.points.length - 1].t : view.prevT;
    if (view.end !== undefined) out.push({ x: xEnd, y: y(view.end), long: apart(last, view.nextT) });
    return out;
  });
  /** A polyline in runs: those that join reports close in time, and those across a long silence. */
  const runs = (vs: readonly Vertex[]) => {
    let solid = '';
    let dashed = '';
    for (let from = 0; from < vs.length - 1; ) {
      const long = vs[from + 1].long;
      let to = from + 1;
      while (to + 1 < vs.length && vs[to + 1].long === long) to++;
      const d = path(vs.slice(from, to + 1)) ?? '';
      if (long) dashed += d;
      else solid += d;
      from = to;
    }
    return { solid, dashed };
  };
  const lines: ChartLine[] = views.map((view, k) => {
    const reporter = view.series.reporter;
    const highlighted = highlight.has(reporter);
    const drawn = vertices[k].length >= 2;
    const whole = drawn ? (path(vertices[k]) ?? '') : '';
    return {
      reporter,
      name: name(reporter),
      color: highlighted ? (colors.get(reporter) ?? REPORTER_PALETTE[0]) : CONTEXT_COLOR,
      highlighted,
      named: named.has(reporter),
      path: whole,
      ...(vertices[k].some((v) => v.long) ? runs(vertices[k]) : { solid: whole, dashed: '' }),
    };
  });
  const layer = (l: ChartLine) => (l.highlighted ? 2 : l.named ? 1 : 0);
  const drawOrder = lines.map((_, k) => k).sort((a, b) => layer(lines[a]) - layer(lines[b]) || a - b);

  const points: ChartMark[] = [];
  views.forEach((view) => {
    const highlighted = highlight.has(view.series.reporter);
    for (const p of view.points) {
      const mark: ChartMark = { eventId: p.eventId, reporter: view.series.reporter, x: x(p.t), y: y(p.value), t: p.t, value: p.value, highlighted };
      if (p.qualifier) mark.qualifier = p.qualifier;
      points.push(mark);
    }
  });

  // Disagreements: reports of different reporters within a few days, with different values.
  const inOrder = views
    .flatMap((view) => view.points.map((p) => ({ p, reporter: view.series.reporter })))
    .sort((p, q) => p.p.t - q.p.t);
  type Report = (typeof inOrder)[number];
  const lined = new Set(views.filter((view) => view.points.length >= 2).map((view) => view.series.reporter));
  const found: { x: number; low: Report; high: Report; share: number }[] = [];
  for (let first = 0; first < inOrder.length; ) {
    let to = first + 1;
    while (to < inOrder.length && inOrder[to].p.t - inOrder[first].p.t <= windowDays) to++;
    let pair: [Report, Report] | null = null;
    for (let i = first; i < to; i++) {
      for (let j = i + 1; j < to; j++) {
        if (inOrder[i].reporter === inOrder[j].reporter || inOrder[i].p.value === inOrder[j].p.value) continue;
        // Two reporters that both draw a line here show their gap all along it: no range needed.
        if (lined.has(inOrder[i].reporter) && lined.has(inOrder[j].reporter)) continue;
        const spread = Math.abs(inOrder[i].p.value - inOrder[j].p.value);
        if (!pair || spread > Math.abs(pair[0].p.value - pair[1].p.value)) pair = [inOrder[i], inOrder[j]];
      }
    }
    first = to;
    if (!pair) continue;
    const [low, high] = pair[0].p.value < pair[1].p.value ? pair : [pair[1], pair[0]];
    // Relative to its values, so that a large gap between small numbers counts too.
    const share = (high.p.value - low.p.value) / Math.max(Math.abs(high.p.value), Math.abs(low.p.value));
    found.push({ x: x((low.p.t + high.p.t) / 2), low, high, share });
  }
  // Where disagreements crowd (many reports over a long window), the widest of each neighbourhood
  // is drawn, and no more than RANGE_LIMIT.
  const kept: typeof found = [];
  for (const range of [...found].sort((a, b) => b.share - a.share || a.x - b.x)) {
    if (kept.length === RANGE_LIMIT) break;
    if (kept.every((other) => Math.abs(other.x - range.x) >= rangeGap)) kept.push(range);
  }
  const end = (side: Report): RangeEnd => {
    const result: RangeEnd = { reporter: side.reporter, eventId: side.p.eventId, value: side.p.value, t: side.p.t, y: y(side.p.value), text: formatValue(side.p.value, side.p.qualifier), label: null };
    if (side.p.qualifier) result.qualifier = side.p.qualifier;
    return result;
  };
  const ranges: Disagreement[] = kept.sort((a, b) => a.x - b.x).map((range) => ({ x: range.x, low: end(range.low), high: end(range.high) }));

  // End labels of the highlighted lines, in the order of the highlight, then of the lines named.
  const labels: EndLabel[] = [];
  const boxes: { x: number; y: number; width: number; height: number }[] = [];
  if (open) {
    // The tick labels share the plot: those a line or a point crosses are left out; the others are kept clear of labels.
    for (const tick of ticks) {
      const w = measureText(tick.label);
      const a = rtl ? axisX : axisX - w;
      const b = a + w;
      const [y0, y1] = [tick.y - lineHeight / 2, tick.y + lineHeight / 2];
      const crossed =
        vertices.some((vs) => {
          const range = yRange(vs, a - 2, b + 2);
          return range !== null && range[1] >= y0 && range[0] <= y1;
        }) || points.some((p) => p.x >= a - 6 && p.x <= b + 6 && p.y >= y0 - 6 && p.y <= y1 + 6);
      if (crossed) tick.unlabelled = true;
      else boxes.push({ x: a - 4, y: y0, width: w + 8, height: lineHeight });
    }
  }
  const order = [...highlight, ...named].map((reporter) => views.findIndex((v) => v.series.reporter === reporter)).filter((k) => k >= 0);
  const pad = 2;
  /**
   * The top of a box [a, b] × `boxHeight` nearest `target` that crosses no other text, no
   * disagreement bar and, unless `lineSet` says otherwise, no line or point.
   */
  const withLine = new Set(lines.filter((l) => l.path !== '').map((l) => l.reporter));
  const lonely = points.filter((p) => !withLine.has(p.reporter)).sort((p, q) => p.x - q.x);
  const freeTop = (a: number, b: number, boxHeight: number, target: number, lineSet: 'all' | 'highlighted' | 'none'): number | null => {
    const forbidden: [number, number][] = [];
    if (lineSet !== 'none') {
      // A line keeps its points' dots clear too (4 px); a point without a line is looked at alone.
      vertices.forEach((vs, j) => {
        if (lineSet === 'highlighted' && !lines[j].highlighted) return;
        const range = yRange(vs, a - 4, b + 4);
        if (range) forbidden.push([range[0] - boxHeight - pad - 2, range[1] + pad + 2]);
      });
      for (let k = firstAtOrRight(lonely, a - 4); k < lonely.length && lonely[k].x <= b + 4; k++) {
        const p = lonely[k];
        if (lineSet === 'all' || p.highlighted) forbidden.push([p.y - 4 - boxHeight - pad, p.y + 4 + pad]);
      }
    }
    // Texts keep a little more apart from each other than from lines, so that two read as two.
    for (const box of boxes) {
      if (box.x < b + 4 && box.x + box.width > a - 4) forbidden.push([box.y - boxHeight - 2 * pad, box.y + box.height + 2 * pad]);
    }
    for (const range of ranges) {
      if (range.x >= a - 2 && range.x <= b + 2) forbidden.push([range.high.y - boxHeight - pad, range.low.y + pad]);
    }
    // Above the lowest gridline (the baseline), never across it.
    return nearestFree(target, 0, Math.min(height, bottom - 1) - boxHeight, forbidden);
  };
  for (const k of order) {
    const view = views[k];
    const latest = view.points[view.points.length - 1] ?? view.before;
    if (!latest) continue;
    const anchor = view.points.length > 0 ? { x: x(latest.t), y: y(latest.value) } : { x: xEnd, y: y(view.end!) };
    const full: [string, string] = [name(view.series.reporter), `${formatValue(latest.value, latest.qualifier)} · ${formatDate(latest.t, latest.eventId)}`];
    // The name with the value and date; where that finds no room, the name alone, so that no line goes
    // unnamed. Each is tried just past the line's end (or against the plot's end edge), then just
    // before it, clear of every line, then of the highlighted ones; only then across a line.
    let placed: { text: [string, string]; box: { x: number; y: number; width: number; height: number } } | null = null;
    const texts = [full, [full[0], ''] as [string, string]];
    search: for (const lineSet of ['all', 'highlighted', 'none'] as const) {
      for (const text of texts) {
        const boxWidth = Math.ceil(Math.max(measureText(text[0], true), text[1] ? measureText(text[1]) : 0));
        const boxHeight = (text[1] ? 2 : 1) * lineHeight;
        if (boxWidth > plotRight - plotLeft) continue;
        let past = rtl ? anchor.x - 6 - boxWidth : anchor.x + 6;
        if (past < plotLeft || past + boxWidth > plotRight) past = rtl ? plotLeft : plotRight - boxWidth;
        const before = rtl ? anchor.x + 6 : anchor.x - 6 - boxWidth;
        const places = before >= plotLeft && before + boxWidth <= plotRight && lineSet !== 'none' ? [past, before] : [past];
        for (const bx of places) {
          const by = freeTop(bx - pad, bx + boxWidth + pad, boxHeight, anchor.y - boxHeight / 2, lineSet);
          if (by === null) continue;
          placed = { text, box: { x: bx, y: by, width: boxWidth, height: boxHeight } };
          break search;
        }
      }
    }
    if (!placed) continue;
    const { text, box } = placed;
    boxes.push(box);
    const label: EndLabel = {
      reporter: view.series.reporter,
      color: lines[k].color,
      highlighted: lines[k].highlighted,
      eventId: latest.eventId,
      lines: text,
      value: latest.value,
      t: latest.t,
      ...box,
      anchor,
    };
    if (latest.qualifier) label.qualifier = latest.qualifier;
    labels.push(label);
  }

  // Both values of a range beside its bar, the higher above the lower, clear of the end labels
  // and of the highlighted lines (of every line where there is room). Where there is no such
  // place (a crowded stretch at a wide zoom), the bar is drawn alone: a closer zoom names it.
  for (const range of ranges) {
    const blockHeight = 2 * lineHeight;
    const target = (range.high.y + range.low.y) / 2 - lineHeight;
    const withNames = (end: RangeEnd) => `${end.text} (${name(end.reporter)})`;
    placing: for (const named of [true, false]) {
      const wHigh = Math.ceil(measureText(named ? withNames(range.high) : range.high.text));
      const wLow = Math.ceil(measureText(named ? withNames(range.low) : range.low.text));
      const blockWidth = Math.max(wHigh, wLow);
      for (const lineSet of ['all', 'highlighted'] as const) {
        for (const after of rtl ? [false, true] : [true, false]) {
          const a = after ? range.x + 6 : range.x - 6 - blockWidth;
          if (a < plotLeft || a + blockWidth > plotRight) continue;
          const ty = freeTop(a, a + blockWidth, blockHeight, target, lineSet);
          if (ty === null || Math.abs(ty - target) > 4 * lineHeight) continue;
          range.high.label = { x: after ? a : a + blockWidth - wHigh, y: ty, width: wHigh, named };
          range.low.label = { x: after ? a : a + blockWidth - wLow, y: ty + lineHeight, width: wLow, named };
          boxes.push({ x: a, y: ty, width: blockWidth, height: blockHeight });
          break placing;
        }
      }
    }
  }

  const shown = points.length > 0 || lines.some((l) => l.path !== '');
  return { inView: shown, axis, plot, top, bottom, lines: drawOrder.map((k) => lines[k]), labels, ranges, points };
}
