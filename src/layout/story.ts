import { runSteps, STEP } from '../model/normalize.js';
import { FALLBACK_TYPE, type Dataset, type Problem, type TimelineEvent } from '../model/types.js';
import { dataExtent, eventStart, paddedExtent, zoomFloor, type ViewWindow } from './extent.js';
import { buildLanes, BUILT_IN_TYPE_STYLES, FIGURES_TYPE, laneColorVar, type Lane } from './lanes.js';
import { figureStorySteps } from './figure-scene.js';
import { createClusterCache, type ClusterCache } from './marks.js';

/** Everything the chart needs from one dataset that no zoom changes: made once per load. */
export interface Story {
  dataset: Dataset;
  byId: Map<string, TimelineEvent>;
  /** The lanes in the order drawn; casualty events without figures have one of their own. */
  lanes: Lane[];
  laneCaches: Map<string, ClusterCache>;
  /** The figure chart's entry in the legend, when the data has figures. */
  figuresLane?: Lane;
  /** The events with figures, clustered as a lane's are: where they stand apart (see `soloWindow`). */
  figuresCache?: ClusterCache;
  /** The widest window: the padded extent of the data ("fit all"), in time values. */
  limits: ViewWindow;
  /** The narrowest window (ms): a day, or less where the data has times of day. */
  floor: number;
  /** Every event's time value, in order, for the overview's density. */
  starts: Float64Array;
  /** Types drawn in the lane of another (past `LANE_LIMIT`, in the "other" lane): type → the lane's type. */
  folded: Map<string, string>;
  /** What the reader should know about how the story is drawn (types folded into one lane). */
  problems: Problem[];
}

/**
 * The most lanes drawn. Past it, the types that come last share one lane, "other": a story of a
 * thousand types stays one screen of a dozen lanes (and a dozen chips), not a wall of them.
 */
export const LANE_LIMIT = 12;

/** Lanes, figure series, cluster caches and limits of a dataset (its events sorted by date). */
export function prepareStory(dataset: Dataset): Story {
  return runSteps(storySteps(dataset));
}

/**
 * prepareStory a pass at a time: it yields after each pass over the events, so that a caller
 * can pause for the page in between (at 200,000 events, the passes together hold it for longer
 * than a frame).
 */
export function* storySteps(dataset: Dataset): Generator<void, Story, void> {
  const { events, types } = dataset;
  const byId = new Map(events.map((event) => [event.id, event]));
  yield;
  // The events of each type, a slice at a time (d3's group, which buildLanes would use, takes them all at once).
  const byType = new Map<string, TimelineEvent[]>();
  for (let k = 0; k < events.length; k++) {
    if (k % STEP === STEP - 1) yield;
    const event = events[k];
    if (event.type === FIGURES_TYPE) continue;
    const list = byType.get(event.type);
    if (list) list.push(event);
    else byType.set(event.type, [event]);
  }
  const built = buildLanes(events, types, byType);
  yield;
  const unquantifiedLane = events.some((event) => event.type === FIGURES_TYPE && !event.figures?.length);
  const { lanes, folded, problems } = foldLanes(built, events, LANE_LIMIT - (unquantifiedLane ? 1 : 0));
  yield;
  const laneCaches = new Map<string, ClusterCache>();
  for (const lane of lanes) {
    laneCaches.set(lane.type, createClusterCache(lane.events));
    yield;
  }
  // The casualties type's own shape, which buildLanes keeps free for the figures track.
  const look = { ...BUILT_IN_TYPE_STYLES[FIGURES_TYPE], color: types[FIGURES_TYPE]?.color ?? BUILT_IN_TYPE_STYLES[FIGURES_TYPE].color };
  const charted = events.filter((event) => event.figures?.length);
  const figuresLane: Lane | undefined = charted.length ? { type: FIGURES_TYPE, ...look, events: charted } : undefined;
  yield;
  // A casualty event without figures has no point on the figures track: it gets a lane, or no
  // pointer, key or eye could reach it.
  const unquantified = events.filter((event) => event.type === FIGURES_TYPE && !event.figures?.length);
  if (unquantified.length) {
    lanes.push({ type: FIGURES_TYPE, ...look, events: unquantified });
    laneCaches.set(FIGURES_TYPE, createClusterCache(unquantified));
  }
  yield;
  const figuresCache = figuresLane && createClusterCache(figuresLane.events);
  yield;
  const extent = dataExtent(events) ?? [Date.now(), Date.now()];
  const floor = zoomFloor(events);
  yield;
  const story: Story = {
    dataset,
    byId,
    lanes,
    laneCaches,
    figuresLane,
    figuresCache,
    limits: paddedExtent(extent),
    floor,
    starts: Float64Array.from(events, eventStart),
    folded,
    problems,
  };
  // The figure chart's measures and series, made now rather than in the first frame's draw.
  if (figuresLane) yield* figureStorySteps(story);
  return story;
}

/**
 * At most `limit` lanes: the first ones as they are, the rest folded into one "other" lane (with
 * the events of type "other", if any), and a warning that names the folded types.
 */
function foldLanes(lanes: Lane[], events: readonly TimelineEvent[], limit: number): { lanes: Lane[]; folded: Map<string, string>; problems: Problem[] } {
  const folded = new Map<string, string>();
  if (lanes.length <= limit) return { lanes, folded, problems: [] };
  const kept = lanes.filter((lane) => lane.type !== FALLBACK_TYPE).slice(0, Math.max(0, limit - 1));
  const keptTypes = new Set(kept.map((lane) => lane.type));
  const names: string[] = [];
  for (const lane of lanes) {
    if (keptTypes.has(lane.type)) continue;
    if (lane.type !== FALLBACK_TYPE) names.push(lane.type);
    folded.set(lane.type, FALLBACK_TYPE);
  }
  // The dataset's order is time order: the lane keeps it.
  const other: Lane = {
    type: FALLBACK_TYPE,
    ...BUILT_IN_TYPE_STYLES[FALLBACK_TYPE],
    events: events.filter((event) => folded.has(event.type)),
    colorVar: laneColorVar(FALLBACK_TYPE),
  };
  folded.delete(FALLBACK_TYPE);
  const listed = names.slice(0, 3).map((name) => JSON.stringify(name)).join(', ');
  const more = names.length > 3 ? ` and ${(names.length - 3).toLocaleString('en')} more` : '';
  const problem: Problem = {
    path: 'types',
    where: 'the file',
    severity: 'warning',
    message: `The timeline draws at most ${LANE_LIMIT} lanes: ${names.length.toLocaleString('en')} types (${listed}${more}) share the lane "Other". Give fewer types, or group them, to give each a lane of its own.`,
  };
  return { lanes: [...kept, other], folded, problems: [problem] };
}

/** The lane an event of `type` is drawn in (and turned off with). */
export function laneTypeOf(story: Story, type: string): string {
  return story.folded.get(type) ?? type;
}

/** The lanes named in the legend: the chart's, and the figures track unless a lane stands for it. */
export function legendLanes(story: Story): Lane[] {
  const { lanes, figuresLane } = story;
  return figuresLane && !lanes.some((lane) => lane.type === FIGURES_TYPE) ? [...lanes, figuresLane] : lanes;
}

/** Events in time order that a reader can reach: those of the types shown. */
export function reachableEvents(story: Story, hidden: ReadonlySet<string>): TimelineEvent[] {
  const events = story.dataset.events;
  return hidden.size ? events.filter((event) => !hidden.has(laneTypeOf(story, event.type))) : events;
}
