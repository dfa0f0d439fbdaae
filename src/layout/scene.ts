import type { Translator } from '../i18n/translate.js';
import type { TimelineEvent } from '../model/types.js';
import { eventStart, sameView, viewScale, type TimeLike, type TimeScale } from './extent.js';
import { INITIAL_FIGURE_STATE, layoutFigures, type FigureState, type FigureView } from './figure-scene.js';
import { GEOMETRY, laneHeight } from './geometry.js';
import { placeLabels, type PlacedLabel } from './labels.js';
import { densityBins } from './overview.js';
import { FIGURES_TYPE, type Lane } from './lanes.js';
import type { ClusterMark, EventMark } from './marks.js';
import type { Story } from './story.js';
import { timeTicks, type Tick } from './ticks.js';

export type Mark = EventMark | ClusterMark;

/** One lane as drawn: its marks and the labels placed for them. */
export interface LaneView {
  lane: Lane;
  top: number;
  marks: Mark[];
  labels: PlacedLabel[];
}

/** What the chart draws for one view window, and which of its marks the keyboard reaches. */
export interface ChartView {
  width: number;
  scale: TimeScale;
  lanes: LaneView[];
  /** The figure chart under the lanes (switcher and one measure's chart); null without figures or with them turned off. */
  figures: FigureView | null;
  axisTop: number;
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
  rtl: boolean;
  /** BCP 47 locale of the axis' labels. */
  locale: string;
  /** The widget's words, for the axis' "13.8 billion years ago"; default: the built-in words of `locale`. */
  tr?: Translator;
  /** Width (px) of a text at 12 px in the widget's font; `bold` for the axis' context row. */
  measure: (text: string, bold?: boolean) => number;
  /** Types the reader turned off in the legend. */
  hidden: ReadonlySet<string>;
  selected: string | null;
  /** The event that holds the keyboard's place. */
  cursor: string | null;
  /** The reader's choices for the figure chart (the measure shown, the reporter pointed at). */
  figures?: FigureState;
}

/** The key of a mark's element: its event's id, or `cluster:<id of its first event>`. */
export function markKey(mark: Mark): string {
  return mark.kind === 'event' ? mark.event.id : `cluster:${mark.first.id}`;
}

/** Lays out lanes, marks, labels, the figure chart and the time axis for one window. */
export function layoutScene(input: SceneInput): ChartView {
  const { story, width, rtl, hidden, selected, measure } = input;
  const scale = viewScale(input.view, width, rtl);
  const options = { minGap: GEOMETRY.minGap, viewWidth: width };
  const lanes: LaneView[] = [];
  let top = 0;
  for (const lane of story.lanes) {
    if (hidden.has(lane.type)) continue;
    const marks = story.laneCaches.get(lane.type)!.marks(scale, options);
    const items = marks.flatMap((mark) =>
      mark.kind === 'event'
        ? [{ id: mark.event.id, x: labelAnchor(mark, rtl), text: mark.event.title, priority: mark.event.id === selected ? 2 : 1, rtl }]
        : [],
    );
    const labels = placeLabels(items, { measure, viewWidth: width, rows: GEOMETRY.labelRows, markRadius: 2 });
    lanes.push({ lane, top, marks, labels });
    top += laneHeight;
  }
  const figures = hidden.has(FIGURES_TYPE)
    ? null
    : layoutFigures({ story, scale, width, rtl, locale: input.locale, tr: input.tr, measure, state: input.figures ?? INITIAL_FIGURE_STATE, top, keep: [input.cursor, selected] });
  if (figures) top += figures.height;
  const scene: ChartView = {
    width,
    scale,
    lanes,
    figures,
    axisTop: top,
    ticks: timeTicks(scale, { locale: input.locale, tr: input.tr, measure, measureContext: (text) => measure(text, true) }),
    selectedId: selected,
    tabKey: null,
  };
  scene.tabKey = tabKeyFor(scene, story, input.cursor ?? selected);
  return scene;
}

/** Where a mark's label starts: a span's label at its start edge, a point's at the point. */
function labelAnchor(mark: Mark, rtl: boolean): number {
  if (mark.kind !== 'event' || mark.x2 === undefined) return mark.x;
  return rtl ? Math.max(mark.x, mark.x2) : Math.min(mark.x, mark.x2);
}

/** Every mark of a scene: the lanes', then the figure chart's. */
export function sceneMarks(scene: ChartView): Mark[] {
  return [...scene.lanes.flatMap((lane) => lane.marks), ...(scene.figures?.points.map((point) => point.mark) ?? [])];
}

/** The first mark of a scene that passes `test`. */
export function findMark(scene: ChartView | undefined, test: (mark: Mark) => boolean): Mark | undefined {
  if (!scene) return undefined;
  for (const lane of scene.lanes) for (const mark of lane.marks) if (test(mark)) return mark;
  for (const point of scene.figures?.points ?? []) if (test(point.mark)) return point.mark;
  return undefined;
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
    const { story, width, rtl, locale, tr, hidden, selected, cursor, figures } = input;
    const inputs = [story, width, rtl, locale, tr, hidden, selected, cursor, figures];
    const drawn = this.drawn;
    if (drawn && drawn.inputs.every((value, i) => value === inputs[i])) {
      // Width and direction are among the inputs: the window alone tells the scale.
      if (sameView(drawn.scene.scale.domain(), input.view)) return { scene: drawn.scene, move: STILL };
      const move =
        previewing && story.dataset.events.length >= PREVIEW_FROM_EVENTS ? previewMove(drawn.transform, transform, width) : undefined;
      if (move) return { scene: drawn.scene, move };
    }
    const scene = layoutScene(input);
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
