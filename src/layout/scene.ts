import type { Translator } from '../i18n/translate.js';
import type { TimelineEvent } from '../model/types.js';
import { eventEnd, eventStart, sameView, viewScale, type TimeLike, type TimeScale } from './extent.js';
import { FIGURE_FRAME, INITIAL_FIGURE_STATE, figureChartHeight, figureStory, layoutFigures, type FigureState, type FigureView } from './figure-scene.js';
import { GEOMETRY, laneHeight, rowTop } from './geometry.js';
import { densityBins } from './overview.js';
import { FIGURES_TYPE, type Lane } from './lanes.js';
import type { ClusterCache, ClusterMark, EventMark } from './marks.js';
import { rowsForMarks, stackLane, type PlacedLabel, type StackItem, type StackOptions } from './stack.js';
import type { Story } from './story.js';
import { timeTicks, type Tick } from './ticks.js';
import { labelShapes, type LabelLines } from './wrap.js';

export type Mark = EventMark | ClusterMark;
export type { PlacedLabel } from './stack.js';

/** One mark of a lane as drawn: in its row, over its extent, with its label beside it (or on its bar). */
export interface PlacedMark {
  mark: Mark;
  row: number;
  /** Left and right edge of the mark's box (px, left to right): a point's hit target, a bar, a group. */
  x0: number;
  x1: number;
  /** Drawn as a bar over its period (a span, or a date known only to the month or year). */
  bar: boolean;
  label: PlacedLabel | null;
  milestone: boolean;
  /** The visible label is not the full title (none, a short chart label, or cut): focus shows the title. */
  tip: boolean;
}

/** One lane as drawn: its rows of marks, each with its label where there is room. */
export interface LaneView {
  lane: Lane;
  /** Top edge in the plot (px), under the axis. */
  top: number;
  height: number;
  rows: number;
  marks: PlacedMark[];
}

/** What the chart draws for one view window, and which of its marks the keyboard reaches. */
export interface ChartView {
  width: number;
  /** The plot's height (px): the axis, the lanes, the figures. */
  height: number;
  scale: TimeScale;
  lanes: LaneView[];
  /** The figure chart under the lanes (switcher and one measure's chart); null without figures or with them turned off. */
  figures: FigureView | null;
  /** The axis is the plot's first row, `GEOMETRY.axisHeight` tall; the lanes start under it. */
  lanesTop: number;
  ticks: { major: Tick[]; context: Tick[] };
  selectedId: string | null;
  /** The mark that holds the roving tab stop: an event id, or `cluster:<first id>`. */
  tabKey: string | null;
}

/** What a scene is made from: the story, the window shown, the room for it and the reader's language. */
export interface SceneInput {
  story: Story;
  /** The window shown, as time values (Dates convert). */
  view: readonly [TimeLike, TimeLike];
  width: number;
  /**
   * The plot's height (px) where the element's height is fixed: the lanes share it with the figure
   * chart, which takes what they leave. Without it (or below `GEOMETRY.minRoom`), each keeps its own.
   */
  room?: number;
  rtl: boolean;
  /** BCP 47 locale of the axis' labels. */
  locale: string;
  /** The widget's words, for the axis' "13.8 billion years ago"; default: the built-in words of `locale`. */
  tr?: Translator;
  /** Width (px) of a text at 12 px in the widget's font; `bold` for the axis' context row and milestones (weight 600). */
  measure: (text: string, bold?: boolean) => number;
  /** Types the reader turned off in the legend. */
  hidden: ReadonlySet<string>;
  selected: string | null;
  /** The event that holds the keyboard's place. */
  cursor: string | null;
  /** The reader's choices for the figure chart (the measure shown, the reporter pointed at). */
  figures?: FigureState;
  /** The figure chart is left out of this scene (its room kept): a first drawing in two parts. */
  figuresLater?: boolean;
}

/** The key of a mark's element: its event's id, or `cluster:<id of its first event>`. */
export function markKey(mark: Mark): string {
  return mark.kind === 'event' ? mark.event.id : `cluster:${mark.first.id}`;
}

/**
 * Lays out the time axis, the lanes with their stacked marks and labels, and the figure chart under
 * them, for one window. `kept`: the lanes and the axis of a scene laid out for the same window,
 * width, language and types shown, which a change of selection or of the keyboard's place leaves
 * as they were.
 */
export function layoutScene(input: SceneInput, kept?: Pick<ChartView, 'lanes' | 'ticks'>): ChartView {
  const { story, width, hidden, selected, measure } = input;
  const scale = viewScale(input.view, width, input.rtl);
  const room = input.room !== undefined && input.room >= GEOMETRY.minRoom ? input.room : undefined;
  const charted = !hidden.has(FIGURES_TYPE) && figureStory(story).measures.length > 0;
  const chartLeast = figureChartHeight(width);
  const lanes = kept?.lanes ?? layoutLanes(input, scale, room === undefined ? undefined : room - (charted ? FIGURE_FRAME + chartLeast : 0));
  const last = lanes[lanes.length - 1];
  const lanesBottom = last ? last.top + last.height : GEOMETRY.axisHeight;
  const figures = !charted || input.figuresLater
    ? null
    : layoutFigures({
        story,
        scale,
        width,
        rtl: input.rtl,
        locale: input.locale,
        tr: input.tr,
        measure,
        state: input.figures ?? INITIAL_FIGURE_STATE,
        top: lanesBottom,
        chartHeight: room === undefined ? undefined : Math.max(chartLeast, room - lanesBottom - FIGURE_FRAME),
        keep: [input.cursor, selected],
      });
  const scene: ChartView = {
    width,
    height: figures ? figures.top + figures.height : lanesBottom,
    scale,
    lanes,
    figures,
    lanesTop: GEOMETRY.axisHeight,
    ticks: kept?.ticks ?? timeTicks(scale, { locale: input.locale, tr: input.tr, measure, measureContext: (text) => measure(text, true) }),
    selectedId: selected,
    tabKey: null,
  };
  scene.tabKey = tabKeyFor(scene, story, input.cursor ?? selected);
  return scene;
}

/** Half the box of a point mark: its hit target. */
const POINT_HALF = GEOMETRY.markSize / 2;

/**
 * A lane's marks in view before stacking: each event, or, from `pregroup` events in view, groups by
 * time from the cluster cache (each event alone where none is near it).
 */
function marksInView(cache: ClusterCache, events: readonly TimelineEvent[], scale: TimeScale, width: number, pregroup: number): Mark[] {
  const margin = GEOMETRY.groupWidth;
  // In numbers, not dates: a story may reach past the dates a Date can hold.
  const [d0, d1] = scale.domain().map(Number);
  const [r0, r1] = scale.range();
  const perPx = (d1 - d0) / (r1 - r0);
  const a = d0 + (-margin - r0) * perPx;
  const b = d0 + (width + margin - r0) * perPx;
  const t0 = Math.min(a, b);
  const t1 = Math.max(a, b);
  const { index } = cache;
  const [lo, hi] = index.range(t0, t1);
  if (hi - lo >= pregroup) return cache.marks(scale, { minGap: GEOMETRY.minGap, viewWidth: width, margin });
  const x = (t: number) => r0 + (t - d0) / perPx;
  const marks: Mark[] = [];
  for (let i = lo; i < hi; i++) {
    if (index.ends[i] < t0) continue;
    const mark: EventMark = { kind: 'event', event: events[i], x: x(index.starts[i]) };
    if (index.ends[i] > index.starts[i]) mark.x2 = x(index.ends[i]);
    marks.push(mark);
  }
  return marks;
}

/** The box a mark takes in its row, and whether it is drawn as a bar. */
function markBox(mark: Mark): { x0: number; x1: number; bar: boolean } {
  if (mark.kind === 'cluster') return { x0: mark.x - GEOMETRY.groupWidth / 2, x1: mark.x + GEOMETRY.groupWidth / 2, bar: false };
  const { event, x, x2 } = mark;
  // Known only to the month or year: always a period, so that it never reads as its first day.
  const period = !event.end && x2 !== undefined;
  if (x2 === undefined || !(period || Math.abs(x2 - x) > POINT_HALF)) return { x0: x - POINT_HALF, x1: x + POINT_HALF, bar: false };
  // Too short for a bar the reader can hit, the box is centred on the period.
  const length = Math.max(GEOMETRY.markSize, Math.abs(x2 - x));
  const centre = (x + x2) / 2;
  return { x0: centre - length / 2, x1: centre + length / 2, bar: true };
}

/** The moment an event falls on at its precision: members of a group that share one cannot be parted by any zoom. */
function momentOf(event: TimelineEvent): string {
  const start = eventStart(event);
  const time = event.precision === 'time' ? Math.floor(start / 60_000) : start;
  return `${event.precision}|${time}|${event.end ? eventEnd(event) : ''}`;
}

type Shapes = { key: string; shapes: LabelLines[] };
/** Label shapes per measure and event: a zoom step asks for the same ones again. */
const shapeCache = new WeakMap<SceneInput['measure'], WeakMap<TimelineEvent, Shapes>>();

/** How labels are shaped in one scene: the widths they may take, and the cache of shapes made. */
export type ShapingInput = Pick<SceneInput, 'width' | 'locale' | 'measure'>;

interface Shaping {
  input: ShapingInput;
  labelWidth: number;
  milestoneWidth: number;
  key: string;
  cache: WeakMap<TimelineEvent, Shapes>;
}

function shaping(input: ShapingInput): Shaping {
  const labelWidth = Math.min(GEOMETRY.labelWidth, input.width * GEOMETRY.labelShare);
  const milestoneWidth = Math.min(GEOMETRY.milestoneWidth, input.width * GEOMETRY.milestoneShare);
  let cache = shapeCache.get(input.measure);
  if (!cache) shapeCache.set(input.measure, (cache = new WeakMap()));
  return { input, labelWidth, milestoneWidth, key: `${labelWidth}|${milestoneWidth}|${input.locale}`, cache };
}

/**
 * The ways an event's label can be drawn: one line, two balanced lines, and where neither holds
 * it, two wider lines (up to a milestone's width) before two cut ones.
 */
function shapesOf(event: TimelineEvent, shape: Shaping): LabelLines[] {
  const kept = shape.cache.get(event);
  if (kept?.key === shape.key) return kept.shapes;
  const { input, milestoneWidth } = shape;
  const milestone = event.milestone === true;
  const measure = milestone ? (text: string) => input.measure(text, true) : (text: string) => input.measure(text);
  const text = event.label || event.title;
  const maxWidth = milestone ? milestoneWidth : shape.labelWidth;
  let shapes = labelShapes(text, maxWidth, measure, input.locale);
  if (milestoneWidth > maxWidth && shapes.every((one) => one.truncated)) {
    shapes = [...labelShapes(text, milestoneWidth, measure, input.locale).filter((one) => !one.truncated), ...shapes];
  }
  shape.cache.set(event, { key: shape.key, shapes });
  return shapes;
}

/**
 * Shapes events' labels ahead of the zoom that will show them, as a layout for `input` would
 * shape them, and keeps them where that layout finds them (a label shaped before is not shaped again).
 */
export function labelPreparer(input: ShapingInput): (event: TimelineEvent) => void {
  const shape = shaping(input);
  return (event) => void shapesOf(event, shape);
}

/**
 * The stacking's view of a lane's marks. A label is shaped only when the stacking asks for it (a
 * mark that finds a place in a row), and the moment only when a group is made: with hundreds of
 * marks in view, most never need either.
 */
function stackItems(marks: readonly Mark[], shape: Shaping): StackItem[] {
  return marks.map((mark) => {
    const { x0, x1, bar } = markBox(mark);
    if (mark.kind === 'cluster') return { id: markKey(mark), x0, x1 };
    const { event } = mark;
    let label: LabelLines[] | undefined;
    return {
      id: event.id,
      x0,
      x1,
      span: bar,
      milestone: event.milestone === true,
      get moment() {
        return momentOf(event);
      },
      get label() {
        return (label ??= shapesOf(event, shape));
      },
    };
  });
}

/** The rows a lane needs for its marks alone (and its milestones' labels), without shaping any other label. */
function rowsNeeded(items: readonly StackItem[], options: StackOptions): number {
  return rowsForMarks(
    items.map((item) => (item.milestone ? item : { id: item.id, x0: item.x0, x1: item.x1, span: item.span })),
    options,
  );
}

/** Rows a lane needs at fit-all, kept per story, lane, width and language: lanes keep their height through a zoom. */
const fitAllRows = new WeakMap<Story, Map<string, number>>();

/**
 * The lanes under the axis, each as tall as its rows. A lane has the rows its marks need to stand
 * on their own with every milestone labelled (at fit-all and in the window shown, whichever needs
 * more), up to a few on a phone; when the lanes together would pass the height budget, the
 * tallest give up rows first. Then each lane's marks are stacked in its rows (stack.ts): labels
 * where there is room, groups only where the rows run out.
 */
function layoutLanes(input: SceneInput, scale: TimeScale, lanesRoom?: number): LaneView[] {
  const { story, width, rtl, hidden } = input;
  const narrow = width < GEOMETRY.narrow;
  const cap = narrow ? GEOMETRY.narrowRows : GEOMETRY.wideRows;
  const options: StackOptions = {
    width,
    rtl,
    gap: GEOMETRY.rowGap,
    labelGap: 0,
    minLabelWidth: GEOMETRY.minLabelWidth,
    groupWidth: GEOMETRY.groupWidth,
    milestoneRows: GEOMETRY.milestoneRows,
  };
  const shape = shaping(input);
  // More events in view than half the lane's rows could hold side by side: they are grouped by time
  // first (and stacking stays cheap); fewer are stacked one by one.
  const pregroup = Math.max(GEOMETRY.pregroupMin, Math.min(GEOMETRY.pregroupFrom, (cap * width) / GEOMETRY.minGap / 2));
  const shown = story.lanes.filter((lane) => !hidden.has(lane.type));
  const laid = shown.map((lane) => {
    const cache = story.laneCaches.get(lane.type)!;
    const marks = marksInView(cache, lane.events, scale, width, pregroup);
    const items = stackItems(marks, shape);
    return { lane, cache, marks, items, rows: Math.min(cap, rowsNeeded(items, options)) };
  });

  // At fit-all too, so that zooming in does not make the lanes jump (they grow only where a window needs more).
  let kept = fitAllRows.get(story);
  if (!kept) fitAllRows.set(story, (kept = new Map()));
  // The window shown is the whole story (a first drawing): its rows are the fit-all ones.
  const whole = sameView(scale.domain(), story.limits);
  for (const one of laid) {
    const key = `${one.lane.type}|${width}|${rtl}|${input.locale}`;
    let rows = kept.get(key);
    if (rows === undefined && whole) kept.set(key, (rows = one.rows));
    if (rows === undefined) {
      const whole = viewScale(story.limits, width, rtl);
      const items = stackItems(marksInView(one.cache, one.lane.events, whole, width, pregroup), shape);
      kept.set(key, (rows = Math.min(cap, rowsNeeded(items, options))));
    }
    one.rows = Math.max(one.rows, rows);
  }

  // The height budget (the room the element's height leaves, else the first screen's): the tallest lanes give up rows first, down to one.
  const budget = (lanesRoom ?? (narrow ? GEOMETRY.narrowLanesBudget : GEOMETRY.lanesBudget)) - GEOMETRY.axisHeight;
  const room = Math.floor((budget - laid.length * (GEOMETRY.laneHeader + GEOMETRY.lanePad)) / GEOMETRY.laneRow);
  let total = laid.reduce((sum, one) => sum + one.rows, 0);
  while (total > Math.max(room, laid.length)) {
    let tallest = laid[0];
    for (const one of laid) if (one.rows > tallest.rows) tallest = one;
    if (tallest.rows <= 1) break;
    tallest.rows--;
    total--;
  }

  const lanes: LaneView[] = [];
  let top = GEOMETRY.axisHeight;
  for (const { lane, marks, items, rows } of laid) {
    const placed = placeMarks(marks, items, stackLane(items, { ...options, maxRows: rows }), width);
    const used = Math.max(rows, placed.rows);
    const height = laneHeight(used);
    lanes.push({ lane, top, height, rows: used, marks: placed.marks });
    top += height;
  }
  return lanes;
}

/** The lane's marks from the stacking: each on its own in its row, or merged into the group it joined. */
function placeMarks(
  marks: readonly Mark[],
  items: readonly StackItem[],
  result: ReturnType<typeof stackLane>,
  width: number,
): { marks: PlacedMark[]; rows: number } {
  const placed: PlacedMark[] = [];
  result.items.forEach((item, i) => {
    if (item.group >= 0) return;
    const mark = marks[i];
    const label = item.label;
    const event = mark.kind === 'event' ? mark.event : undefined;
    const full = event ? label && !label.truncated && (event.label || event.title) === event.title : true;
    placed.push({
      mark,
      row: item.row,
      x0: items[i].x0,
      x1: items[i].x1,
      bar: items[i].span === true,
      label,
      milestone: event?.milestone === true,
      tip: Boolean(event) && !full,
    });
  });
  if (result.groups.length) {
    const at = new Map(items.map((item, i) => [item.id, i]));
    const real: { group: (typeof result.groups)[number]; members: Mark[] }[] = [];
    for (const group of result.groups) {
      const members = group.ids.map((id) => marks[at.get(id)!]);
      const only = members[0];
      if (members.length === 1 && only.kind === 'event') {
        // A span with no row to hold its bar, where only labels were in the way: its own mark, as a point.
        const centre = (group.x0 + group.x1) / 2;
        const event = only.event;
        placed.push({ mark: only, row: group.row, x0: centre - POINT_HALF, x1: centre + POINT_HALF, bar: false, label: null, milestone: event.milestone === true, tip: true });
      } else real.push({ group, members });
    }
    for (const { group, members } of real) {
      const { x0, x1 } = inside(group, placed, width, real.map((one) => one.group));
      placed.push({
        mark: groupMark(members, x0, x1, group.oneMoment),
        row: group.row,
        x0,
        x1,
        bar: false,
        label: null,
        milestone: false,
        tip: false,
      });
    }
  }
  return { marks: placed, rows: result.rows };
}

/**
 * A group at the edge of the plot, moved in by what it would lose there (so that its count stays
 * whole), as far as the marks and labels beside it in its row leave room.
 */
function inside(
  group: { row: number; x0: number; x1: number },
  placed: readonly PlacedMark[],
  width: number,
  groups: readonly { row: number; x0: number; x1: number }[],
): { x0: number; x1: number } {
  let shift = Math.max(0, -group.x0) - Math.max(0, group.x1 - width);
  if (shift === 0) return group;
  for (const other of [...placed, ...groups.filter((one) => one !== group).map((one) => ({ ...one, label: null }))]) {
    if (other.row !== group.row) continue;
    const boxes: [number, number][] = [[other.x0, other.x1]];
    if (other.label && other.label.side !== 'inside') boxes.push([other.label.x, other.label.x + other.label.width]);
    for (const [a, b] of boxes) {
      if (shift > 0 && a >= group.x1) shift = Math.min(shift, a - GEOMETRY.rowGap - group.x1);
      if (shift < 0 && b <= group.x0) shift = Math.max(shift, b + GEOMETRY.rowGap - group.x0);
    }
  }
  shift = shift > 0 ? Math.max(0, shift) : Math.min(0, shift);
  return { x0: group.x0 + shift, x1: group.x1 + shift };
}

/** One mark for the marks of a group: the events of them all, listed when first asked for. */
function groupMark(members: readonly Mark[], x0: number, x1: number, oneMoment: boolean): ClusterMark {
  const firstOf = (mark: Mark) => (mark.kind === 'event' ? mark.event : mark.first);
  const lastOf = (mark: Mark) => (mark.kind === 'event' ? mark.event : mark.last);
  let first = firstOf(members[0]);
  let last = lastOf(members[0]);
  let count = 0;
  for (const mark of members) {
    if (eventStart(firstOf(mark)) < eventStart(first)) first = firstOf(mark);
    if (eventStart(lastOf(mark)) >= eventStart(last)) last = lastOf(mark);
    count += mark.kind === 'event' ? 1 : mark.count;
  }
  if (members.length === 1 && members[0].kind === 'cluster') {
    const only = members[0];
    return { ...only, x: (x0 + x1) / 2, x0, x1, oneMoment: only.oneMoment };
  }
  let events: TimelineEvent[] | undefined;
  return {
    kind: 'cluster',
    get events() {
      events ??= members.flatMap((mark) => (mark.kind === 'event' ? [mark.event] : mark.events)).sort((a, b) => eventStart(a) - eventStart(b));
      return events;
    },
    first,
    last,
    x: (x0 + x1) / 2,
    x0,
    x1,
    count,
    oneMoment: oneMoment && members.every((mark) => mark.kind === 'event'),
  };
}

/** Every mark of a scene: the lanes', then the figure panels'. */
export function sceneMarks(scene: ChartView): Mark[] {
  return [
    ...scene.lanes.flatMap((lane) => lane.marks.map((placed) => placed.mark)),
    ...(scene.figures?.points.map((point) => point.mark) ?? []),
  ];
}

/** The first mark of a scene that passes `test`. */
export function findMark(scene: ChartView | undefined, test: (mark: Mark) => boolean): Mark | undefined {
  if (!scene) return undefined;
  for (const lane of scene.lanes) for (const placed of lane.marks) if (test(placed.mark)) return placed.mark;
  for (const point of scene.figures?.points ?? []) if (test(point.mark)) return point.mark;
  return undefined;
}

/** Where a mark is drawn in the plot (px): left to right, top to bottom. */
export interface MarkBox {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/**
 * The box of the mark a test picks (an event's own, or the group that holds it), in the plot's
 * coordinates; undefined when no mark in view passes.
 */
export function markBounds(scene: ChartView | undefined, test: (mark: Mark) => boolean): MarkBox | undefined {
  if (!scene) return undefined;
  const half = GEOMETRY.markSize / 2;
  for (const lane of scene.lanes) {
    for (const placed of lane.marks) {
      if (!test(placed.mark)) continue;
      const top = lane.top + rowTop(placed.row) + (GEOMETRY.laneRow - GEOMETRY.markSize) / 2;
      return { x0: placed.x0, x1: placed.x1, top, bottom: top + GEOMETRY.markSize };
    }
  }
  const figures = scene.figures;
  for (const point of figures?.points ?? []) {
    if (!test(point.mark)) continue;
    const y = figures!.top + figures!.chart.top + point.y;
    return { x0: point.mark.x - half, x1: point.mark.x + half, top: y - half, bottom: y + half };
  }
  return undefined;
}

/** The box of the mark that shows an event: its own, or the group that holds it. */
export function eventBounds(scene: ChartView | undefined, event: TimelineEvent): MarkBox | undefined {
  return markBounds(scene, (mark) => (mark.kind === 'event' ? mark.event.id === event.id : clusterHolds(mark, event)));
}

/**
 * Which side of the plot the detail of an event opens on, away from its mark: the right when the
 * mark is in the left half (or not in view), else the left.
 */
export function detailSide(scene: ChartView | undefined, event: TimelineEvent): 'left' | 'right' {
  const box = eventBounds(scene, event);
  return box && scene && (box.x0 + box.x1) / 2 > scene.width / 2 ? 'left' : 'right';
}

/** Whether a cluster holds the event, looking at its members only when its dates take in the event's. */
export function clusterHolds(mark: ClusterMark, event: TimelineEvent): boolean {
  const time = eventStart(event);
  return time >= eventStart(mark.first) && time <= eventStart(mark.last) && mark.events.some((member) => member.id === event.id);
}

/** The one mark in the tab order: the mark of `id` (its own, or the cluster that holds it), else the earliest. */
function tabKeyFor(scene: ChartView, story: Story, id: string | null): string | null {
  const all = sceneMarks(scene);
  if (!all.length) return null;
  const event = id ? story.byId.get(id) : undefined;
  if (event) {
    const holder = all.find((mark) => (mark.kind === 'event' ? mark.event.id === event.id : clusterHolds(mark, event)));
    if (holder) return markKey(holder);
  }
  let first = all[0];
  for (const mark of all) if (firstDate(mark) < firstDate(first)) first = mark;
  return markKey(first);
}

function firstDate(mark: Mark): number {
  return eventStart(mark.kind === 'event' ? mark.event : mark.first);
}

/** A zoom transform's horizontal part, as d3-zoom keeps it: x' = k · x + x. */
export interface Transform {
  k: number;
  x: number;
}

/** How the chart drawn last is moved to show the window now: x' = k · x + b, per layer. */
export interface Move {
  k: number;
  b: number;
}

export const STILL: Move = { k: 1, b: 0 };

/**
 * From this many events, a zoom or pan in progress moves the chart drawn last instead of laying it
 * out anew for every frame (text and marks are stretched until the gesture settles). A story of
 * fewer events is laid out in full every frame, which stays within a frame's time.
 */
export const PREVIEW_FROM_EVENTS = 2000;

/**
 * How the chart laid out at zoom transform `drawn` moves to show transform `now`. Undefined when
 * its marks would no longer cover the view well enough (a long pan or a deep zoom): lay it out again.
 */
export function previewMove(drawn: Transform, now: Transform, width: number): Move | undefined {
  const k = now.k / drawn.k;
  const b = now.x - k * drawn.x;
  if (!Number.isFinite(k) || !Number.isFinite(b) || k < 0.6 || k > 2.5) return undefined;
  // What the drawn chart leaves uncovered at the edges of the view.
  const bare = Math.max(0, b) + Math.max(0, width - (k * width + b));
  return bare <= width * 0.4 ? { k, b } : undefined;
}

/** How many of the scene's inputs (see SceneCache.frame) the lanes are laid out from, with the window: story … hidden types. */
const LANE_INPUTS = 7;

/**
 * The chart to draw each frame. While nothing it was laid out for changed, the chart drawn last is
 * kept: as it is when the window did not change either, and moved as a whole (see `previewMove`)
 * during a gesture of a large story. Otherwise the scene is laid out anew.
 */
export class SceneCache {
  private drawn?: { scene: ChartView; transform: Transform; inputs: unknown[] };

  /**
   * The scene for `input` and how to move it. `transform` is the zoom transform that shows
   * `input.view`; `previewing` is true in the frames of a gesture or animation that a move will do for.
   */
  frame(input: SceneInput, transform: Transform, previewing: boolean): { scene: ChartView; move: Move } {
    const { story, width, room, rtl, locale, tr, hidden, selected, cursor, figures, figuresLater } = input;
    const inputs = [story, width, room, rtl, locale, tr, hidden, selected, cursor, figures, figuresLater];
    const drawn = this.drawn;
    if (drawn && drawn.inputs.every((value, i) => value === inputs[i])) {
      // Width and direction are among the inputs: the window alone tells the scale.
      if (sameView(drawn.scene.scale.domain(), input.view)) return { scene: drawn.scene, move: STILL };
      const move =
        previewing && story.dataset.events.length >= PREVIEW_FROM_EVENTS ? previewMove(drawn.transform, transform, width) : undefined;
      if (move) return { scene: drawn.scene, move };
    }
    // A selection, the keyboard's place, the figure chart's measure or the figure chart added to a
    // first drawing change nothing in the lanes or the axis: they stay as they were laid out (the
    // same objects, so that the views draw again only what changed).
    const lanesKept = drawn && inputs.slice(0, LANE_INPUTS).every((value, i) => value === drawn.inputs[i]) && sameView(drawn.scene.scale.domain(), input.view);
    const scene = layoutScene(input, lanesKept ? drawn.scene : undefined);
    this.drawn = { scene, transform: { k: transform.k, x: transform.x }, inputs };
    return { scene, move: STILL };
  }

  /** The scene drawn last. */
  get scene(): ChartView | undefined {
    return this.drawn?.scene;
  }

  private bins?: { story: Story; width: number; counts: Uint32Array };

  /** How many events start in each slice of the overview strip (about 6 px a slice), counted once per story and width. */
  density(story: Story, width: number): Uint32Array {
    if (this.bins?.story !== story || this.bins.width !== width) {
      this.bins = { story, width, counts: densityBins(story.starts, story.limits, Math.max(10, Math.round(width / 6))) };
    }
    return this.bins.counts;
  }
}
