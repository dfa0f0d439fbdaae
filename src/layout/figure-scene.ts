// The figure chart as the scene draws it under the lanes: a switcher of measures (names in the
// reader's language) and one chart of the measure chosen, on the lanes' time scale, its value axis
// in a gutter on the start side. Pure: the story, the scale, the width, the language and the
// reader's choice in; what to draw out.
import { dateFormatter, formatNumber, formatTime, numberFormatter } from '../i18n/format.js';
import type { Translator } from '../i18n/translate.js';
import type { Precision } from '../model/types.js';
import { localName, MEASURE_LIMIT } from '../model/names.js';
import { runSteps, STEP, type Steps } from '../model/normalize.js';
import { eventStart, type TimeScale } from './extent.js';
import {
  CONTEXT_COLOR,
  figureChart,
  highlightedReporters,
  reporterColors,
  type ChartAxis,
  type ChartLine,
  type ChartPoint,
  type ChartSeries,
  type Disagreement,
  type EndLabel,
  type MeasureSeries,
} from './figure-chart.js';
import { figureSeriesSteps } from './figures.js';
import type { EventMark } from './marks.js';
import type { Story } from './story.js';

/** The figure chart's measures (px). */
export const FIGURE_GEOMETRY = {
  /** Above the switcher, under the lanes. */
  gap: 6,
  /** The switcher's row: tabs of `tabHeight` (a target of at least 24 × 24). */
  switcherHeight: 28,
  tabHeight: 26,
  /** Space between a tab's name and its edges (each side), and between tabs. */
  tabPadding: 10,
  tabGap: 4,
  /** A tab is at most this wide (or `tabShare` of the width), its name cut with an ellipsis. */
  tabMaxWidth: 320,
  tabShare: 0.45,
  /** Room kept at the end of the switcher for the "more" menu when not every tab fits. */
  moreWidth: 128,
  /** Most measures shown as tabs, however wide the chart. */
  tabLimit: 8,
  /** The chart's height at widths of `narrowBelow` and more, and below. */
  chartHeight: 144,
  chartHeightNarrow: 120,
  narrowBelow: 600,
  /** Under the chart. */
  bottom: 4,
  /** A point's target: focusable points keep this far apart (each way), so targets never overlap. */
  pointTarget: 24,
  /** Points of a series closer than this on average (px) are drawn as the line alone. */
  dotSpacing: 12,
  /** Most dots drawn in one chart beside the focusable points. */
  dotLimit: 600,
  /** Height of a line of label text (px), 12 px type. */
  lineHeight: 14,
} as const;

/** The reader's choices for the figure chart: the measure (its label; null for the first) and the reporter under the pointer. */
export interface FigureState {
  measure: string | null;
  hovered: string | null;
}

export const INITIAL_FIGURE_STATE: FigureState = { measure: null, hovered: null };

/** One measure of a story, with its series as the chart takes them. */
export interface ChartedMeasure {
  /** The figures' label, as first written. */
  label: string;
  series: MeasureSeries;
  /** How many figures report it. */
  reports: number;
  /** Per-language names from the data's `measures`. */
  labels?: Readonly<Record<string, string>>;
}

/** What the figure chart needs from a story, made once per story. */
export interface FigureStory {
  /** The measures in the switcher's order: those declared in `measures`, then the most reported. */
  measures: ChartedMeasure[];
  /** How many of them the switcher offers (the rest are charted when one of their events is chosen). */
  offered: number;
  /** One colour per reporter, the same in every measure. */
  colors: Map<string, string>;
  /** The measures (indices) each event with figures reports. */
  byEvent: Map<string, number[]>;
}

/** Case and spacing do not make a different measure. */
function sameName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const stories = new WeakMap<Story, FigureStory>();

/** The measures of a story, their series, and the reporters' colours: made once per story. */
export function figureStory(story: Story): FigureStory {
  return stories.get(story) ?? runSteps(figureStorySteps(story));
}

/** figureStory, yielding every few hundred reports so that a caller can pause in between. */
export function* figureStorySteps(story: Story): Steps<FigureStory> {
  let made = stories.get(story);
  if (made) return made;
  const declared = story.dataset.measures ?? {};
  const declaredOrder = new Map(Object.keys(declared).map((label, k) => [sameName(label), { k, info: declared[label] }]));
  const byLabel = new Map<string, ChartedMeasure & { list: ChartSeries[]; first: number; declared: number }>();
  let sinceStep = 0;
  for (const one of yield* figureSeriesSteps(story.dataset.events)) {
    const key = sameName(one.label);
    let measure = byLabel.get(key);
    if (!measure) {
      const declaration = declaredOrder.get(key);
      const list: ChartSeries[] = [];
      measure = {
        label: one.label,
        series: { measure: one.label, series: list },
        list,
        reports: 0,
        first: byLabel.size,
        declared: declaration ? declaration.k : Infinity,
      };
      if (declaration?.info.highlight) measure.series.highlight = declaration.info.highlight;
      if (declaration?.info.labels) measure.labels = declaration.info.labels;
      byLabel.set(key, measure);
    }
    measure.list.push({
      reporter: one.reportedBy,
      points: one.points.map((point) => {
        const p: ChartPoint = { t: point.t, value: point.value, eventId: point.event.id };
        const qualifier = point.figure.qualifier?.trim();
        if (qualifier) p.qualifier = qualifier;
        return p;
      }),
    });
    measure.reports += one.points.length;
    sinceStep += one.points.length;
    if (sinceStep >= STEP) {
      sinceStep = 0;
      yield;
    }
  }
  const measures = [...byLabel.values()]
    .sort((a, b) => a.declared - b.declared || b.reports - a.reports || a.first - b.first)
    .map(({ label, series, reports, labels }) => (labels ? { label, series, reports, labels } : { label, series, reports }));
  const byEvent = new Map<string, number[]>();
  for (let k = 0; k < measures.length; k++) {
    const measure = measures[k];
    for (const series of measure.series.series) {
      for (const point of series.points) {
        if (++sinceStep % STEP === 0) yield;
        const list = byEvent.get(point.eventId);
        if (!list) byEvent.set(point.eventId, [k]);
        else if (list[list.length - 1] !== k) list.push(k);
      }
    }
  }
  made = { measures, offered: Math.min(MEASURE_LIMIT, measures.length), colors: reporterColors(measures.map((m) => m.series)), byEvent };
  stories.set(story, made);
  return made;
}

/** The index of the measure `label` names (null or unknown: the first). */
export function measureIndex(figures: FigureStory, label: string | null): number {
  if (label === null) return 0;
  const key = sameName(label);
  const k = figures.measures.findIndex((measure) => sameName(measure.label) === key);
  return k < 0 ? 0 : k;
}

/**
 * The measure to chart when the reader reaches an event (by keyboard, list or selection): the one
 * shown, if the event reports it or reports none; else the first the event reports, so that its
 * point is drawn.
 */
export function measureFor(figures: FigureStory, shown: string | null, eventId: string | null): string | null {
  const reported = eventId ? figures.byEvent.get(eventId) : undefined;
  if (!reported) return shown;
  const k = measureIndex(figures, shown);
  return reported.includes(k) ? shown : figures.measures[reported[0]].label;
}

/** A measure's tab in the switcher. */
export interface MeasureTab {
  label: string;
  /** Its name in the reader's language. */
  name: string;
  /** Width of the tab (px); a name wider than that is cut with an ellipsis. */
  width: number;
  selected: boolean;
}

/** A point drawn as a focusable mark: it opens its event. */
export interface FigurePointView {
  /** The mark the scene's keyboard logic takes it for. */
  mark: EventMark;
  y: number;
  reporter: string;
  color: string;
  highlighted: boolean;
  /** Its value as written ("more than 67,160"), and its date: with the reporter, what the point says while it has focus. */
  value: string;
  date: string;
  /** Drawn as a dot (its series is sparse enough for dots to read); else only on hover and focus. */
  dot: boolean;
}

/** A point drawn as a dot only: too close to a focusable one (its event is reached in the list or by keys). */
export interface FigureDot {
  x: number;
  y: number;
  color: string;
  highlighted: boolean;
}

/** An end label, its parts as written. */
export interface FigureLabel extends EndLabel {
  name: string;
  valueText: string;
  dateText: string;
}

/** The figure chart under the lanes, as drawn for one window. */
export interface FigureView {
  /** Top of the block (switcher and chart) in the plot, and its height (px). */
  top: number;
  height: number;
  /** The measure shown: its label, and its name in the reader's language. */
  measure: string;
  name: string;
  tabs: MeasureTab[];
  /** The measures offered in the menu: those that are not tabs, or (`menu`) all of them. */
  more: MeasureTab[];
  /** No tabs: one menu names the measure shown and offers the others (a phone, where the tabs do not fit). */
  menu: boolean;
  chart: {
    /** Top of the chart within the block, its size (px). */
    top: number;
    height: number;
    width: number;
    /** Left and right edges of the plot, where lines run; the value axis is beside it, on the start side. */
    plot: [number, number];
    axis: ChartAxis;
    /** Context lines first, highlighted last. */
    lines: ChartLine[];
    labels: FigureLabel[];
    ranges: Disagreement[];
    dots: FigureDot[];
    /** Whether anything of the measure is in view. */
    inView: boolean;
  };
  /** The focusable points: at most one per event, no two closer than a target. */
  points: FigurePointView[];
}

export interface FigureSceneInput {
  story: Story;
  scale: TimeScale;
  width: number;
  rtl: boolean;
  locale: string;
  /** Width (px) of a text at 12 px in the widget's font, `bold` at weight 600. */
  measure: (text: string, bold?: boolean) => number;
  state: FigureState;
  /** The widget's words, for years a Date cannot hold. */
  tr?: Translator;
  /** Top of the block in the plot (px). */
  top: number;
  /** The chart's height (px), where the element's height leaves it more than `figureChartHeight`. */
  chartHeight?: number;
  /** Events whose points are always focusable marks: the keyboard's and the selected one. */
  keep: readonly (string | null | undefined)[];
}

const SHORT_DATES: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { month: 'short', year: 'numeric' },
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  time: { day: 'numeric', month: 'short', year: 'numeric' },
};
const SCIENTIFIC: Intl.NumberFormatOptions = { notation: 'scientific', maximumSignificantDigits: 3 };

/** A figure's value with its qualifier (data text, as written): "more than 67,160"; far too large a number in scientific notation. */
export function figureValue(value: number, qualifier: string | undefined, locale: string): string {
  const number = Math.abs(value) < 1e15 ? formatNumber(value, locale) : numberFormatter(locale, SCIENTIFIC).format(value);
  return qualifier ? `${qualifier} ${number}` : number;
}

/** The figure block's height (px) beside its chart's: the gap over it, the switcher, the room under it. */
export const FIGURE_FRAME = FIGURE_GEOMETRY.gap + FIGURE_GEOMETRY.switcherHeight + FIGURE_GEOMETRY.bottom;

/** The chart's least height at a width. */
export function figureChartHeight(width: number): number {
  return width < FIGURE_GEOMETRY.narrowBelow ? FIGURE_GEOMETRY.chartHeightNarrow : FIGURE_GEOMETRY.chartHeight;
}

/**
 * The switcher: the measures offered as tabs when they all fit. Else, on a phone, one menu of
 * them all that names the measure shown in full (`menu`); wider, as many tabs as fit beside a
 * "more" menu that takes the rest, the one shown always a tab (in the last place that fits if it
 * comes later).
 */
export function measureTabs(
  figures: FigureStory,
  shown: number,
  width: number,
  names: (k: number) => string,
  measure: (text: string) => number,
): { tabs: MeasureTab[]; more: MeasureTab[]; menu: boolean } {
  const G = FIGURE_GEOMETRY;
  const maxTab = Math.max(60, Math.min(G.tabMaxWidth, Math.floor(width * G.tabShare)));
  const offered = Array.from({ length: figures.offered }, (_, k) => k);
  const tabOf = (k: number): MeasureTab => {
    const name = names(k);
    return { label: figures.measures[k].label, name, width: Math.min(maxTab, Math.ceil(measure(name)) + 2 * G.tabPadding), selected: k === shown };
  };
  const all = offered.map(tabOf);
  const span = (tabs: readonly MeasureTab[]) => tabs.reduce((sum, tab) => sum + tab.width, 0) + G.tabGap * Math.max(0, tabs.length - 1);
  if (all.length <= G.tabLimit && span(all) <= width && shown < figures.offered) return { tabs: all, more: [], menu: false };
  if (width < G.narrowBelow) return { tabs: [], more: shown < all.length ? all : [...all, tabOf(shown)], menu: true };
  const room = width - G.moreWidth - G.tabGap;
  const fitted: MeasureTab[] = [];
  for (const tab of all) {
    if (fitted.length === G.tabLimit || span([...fitted, tab]) > room) break;
    fitted.push(tab);
  }
  if (!fitted.some((tab) => tab.selected)) {
    const chosen = shown < all.length ? all[shown] : tabOf(shown);
    while (fitted.length > 0 && span([...fitted, chosen]) > room) fitted.pop();
    fitted.push(chosen);
  }
  const inTabs = new Set(fitted.map((tab) => tab.label));
  return { tabs: fitted, more: all.filter((tab) => !inTabs.has(tab.label)), menu: false };
}

/** The figure chart for one window: null when the story has no figures. */
export function layoutFigures(input: FigureSceneInput): FigureView | null {
  const { story, scale, width, rtl, locale, measure: measureText, state } = input;
  const figures = figureStory(story);
  if (figures.measures.length === 0 || width <= 0) return null;
  const G = FIGURE_GEOMETRY;
  const shown = measureIndex(figures, state.measure);
  const charted = figures.measures[shown];
  const names = (k: number) => localName(figures.measures[k].label, figures.measures[k].labels, locale);
  const { tabs, more, menu } = measureTabs(figures, shown, width, names, measureText);

  const highlight = highlightedReporters(charted.series);
  const highlighted = new Set(highlight);
  const keep = input.keep.filter((id): id is string => typeof id === 'string' && id !== '');
  // A context line is named at its end while the pointer is on it (a point with focus names itself, see FigurePointView.date).
  const named = state.hovered && !highlighted.has(state.hovered) ? [state.hovered] : [];

  // Months short ("Feb 1, 2024"): the words beside a point are few. Years a Date cannot hold, and years before 1, as the list says them.
  const formatDate = (t: number, eventId: string) => {
    const precision = story.byId.get(eventId)?.precision ?? 'day';
    const date = new Date(t);
    return date.getUTCFullYear() >= 1 ? dateFormatter(locale, SHORT_DATES[precision]).format(date) : formatTime(t, precision, locale, input.tr);
  };
  const formatValue = (value: number, qualifier?: string) => figureValue(value, qualifier, locale);
  const height = input.chartHeight ?? figureChartHeight(width);
  const [d0, d1] = scale.domain();
  const chart = figureChart(charted.series, {
    width,
    height,
    x: (t) => scale(t),
    invert: (px) => +scale.invert(px),
    // Reports in the value axis' stretch of time stay in view: the axis then makes room around them.
    openGutter: true,
    domain: [+d0, +d1],
    rtl,
    locale,
    highlight,
    colors: figures.colors,
    measure: measureText,
    formatValue,
    formatDate,
    lineHeight: G.lineHeight,
    named,
    keep: new Set(keep),
  });

  // Focusable points: the kept events first, then the highlighted reporters', then the others';
  // one per event, none within a target of another, so that no two targets overlap.
  const target = G.pointTarget;
  const cells = new Map<number, { x: number; y: number }[]>();
  const cell = (i: number, j: number) => i * 4096 + j;
  const clear = (x: number, y: number) => {
    const cx = Math.floor(x / target);
    const cy = Math.floor(y / target);
    for (let i = cx - 1; i <= cx + 1; i++) {
      for (let j = cy - 1; j <= cy + 1; j++) {
        for (const p of cells.get(cell(i, j)) ?? []) if (Math.abs(p.x - x) < target && Math.abs(p.y - y) < target) return false;
      }
    }
    return true;
  };
  const kept = new Set(keep);
  // In order of rank (kept, then highlighted, first), each rank in the chart's order.
  const ranks: number[][] = [[], [], [], []];
  chart.points.forEach((p, k) => ranks[(kept.has(p.eventId) ? 0 : 2) + (p.highlighted ? 0 : 1)].push(k));
  const candidates = ranks.flat().map((k) => ({ p: chart.points[k], k }));
  const plotWidth = Math.max(1, chart.plot[1] - chart.plot[0]);
  const perSeries = new Map<string, number>();
  for (const p of chart.points) perSeries.set(p.reporter, (perSeries.get(p.reporter) ?? 0) + 1);
  const sparse = (reporter: string) => plotWidth / (perSeries.get(reporter) ?? 1) >= G.dotSpacing;
  const owned = new Set<string>();
  const focusable = new Set<number>();
  const points: FigurePointView[] = [];
  for (const { p, k } of candidates) {
    if (owned.has(p.eventId) || (!kept.has(p.eventId) && !clear(p.x, p.y))) continue;
    const event = story.byId.get(p.eventId);
    if (!event) continue;
    owned.add(p.eventId);
    focusable.add(k);
    const key = cell(Math.floor(p.x / target), Math.floor(p.y / target));
    const list = cells.get(key);
    if (list) list.push({ x: p.x, y: p.y });
    else cells.set(key, [{ x: p.x, y: p.y }]);
    points.push({
      mark: { kind: 'event', event, x: p.x },
      y: p.y,
      reporter: p.reporter,
      color: p.highlighted ? (figures.colors.get(p.reporter) ?? CONTEXT_COLOR) : CONTEXT_COLOR,
      highlighted: p.highlighted,
      value: formatValue(p.value, p.qualifier),
      date: formatDate(p.t, p.eventId),
      dot: sparse(p.reporter),
    });
  }
  // In time order, so that a reader tabbing through them goes from the earliest on.
  points.sort((a, b) => eventStart(a.mark.event) - eventStart(b.mark.event) || (a.highlighted === b.highlighted ? 0 : a.highlighted ? -1 : 1));

  // The other points as dots, where their series is sparse enough for dots to read.
  const dots: FigureDot[] = [];
  const byDot = chart.points.map((p, k) => ({ p, k })).sort((a, b) => Number(b.p.highlighted) - Number(a.p.highlighted) || a.k - b.k);
  for (const { p, k } of byDot) {
    if (dots.length === G.dotLimit) break;
    if (focusable.has(k) || !sparse(p.reporter)) continue;
    dots.push({ x: p.x, y: p.y, color: p.highlighted ? (figures.colors.get(p.reporter) ?? CONTEXT_COLOR) : CONTEXT_COLOR, highlighted: p.highlighted });
  }

  const labels: FigureLabel[] = chart.labels.map((label) => ({
    ...label,
    name: label.reporter,
    valueText: label.lines[1] ? formatValue(label.value, label.qualifier) : '',
    dateText: label.lines[1] ? formatDate(label.t, label.eventId) : '',
  }));
  const chartTop = G.gap + G.switcherHeight;
  return {
    top: input.top,
    height: chartTop + height + G.bottom,
    measure: charted.label,
    name: names(shown),
    tabs,
    more,
    menu,
    chart: {
      top: chartTop,
      height,
      width,
      plot: chart.plot,
      axis: chart.axis,
      lines: chart.lines,
      labels,
      ranges: chart.ranges,
      dots,
      inView: chart.inView,
    },
    points,
  };
}
