import type { Dataset, TimelineEvent } from '../model/types.js';
import { dataExtent, eventStart, paddedExtent, zoomFloor, type ViewWindow } from './extent.js';
import { figureSeries, seriesLook, type SeriesStyle } from './figures.js';
import { buildLanes, BUILT_IN_TYPE_STYLES, FIGURES_TYPE, type Lane } from './lanes.js';
import { createClusterCache, type ClusterCache } from './marks.js';

/** One reporter's series of a measure: its look, its marks at any zoom, its value per event id. */
export interface MeasureSeries {
  style: SeriesStyle;
  cache: ClusterCache;
  values: Map<string, number>;
}

/** One figure label with its reporters' series, drawn on one value scale. */
export interface Measure {
  label: string;
  series: MeasureSeries[];
}

/** Everything the chart needs from one dataset that no zoom changes: made once per load. */
export interface Story {
  dataset: Dataset;
  byId: Map<string, TimelineEvent>;
  /** The lanes in the order drawn; casualty events without figures have one of their own. */
  lanes: Lane[];
  laneCaches: Map<string, ClusterCache>;
  measures: Measure[];
  /** The figures track's entry in the legend, when the data has figures. */
  figuresLane?: Lane;
  /** The widest window: the padded extent of the data ("fit all"), in time values. */
  limits: ViewWindow;
  /** The narrowest window (ms): a day, or less where the data has times of day. */
  floor: number;
  /** Every event's time value, in order, for the overview's density. */
  starts: Float64Array;
}

/** Lanes, figure series, cluster caches and limits of a dataset (its events sorted by date). */
export function prepareStory(dataset: Dataset): Story {
  const { events, types } = dataset;
  const byId = new Map(events.map((event) => [event.id, event]));
  const lanes = buildLanes(events, types);
  const laneCaches = new Map(lanes.map((lane) => [lane.type, createClusterCache(lane.events)]));
  const series = figureSeries(events);
  const measures: Measure[] = [];
  for (const one of series) {
    let measure = measures.find((candidate) => candidate.label === one.label);
    if (!measure) measures.push((measure = { label: one.label, series: [] }));
    measure.series.push({
      style: { series: one, ...seriesLook(measure.series.length) },
      // An event may report one figure twice; it has one mark.
      cache: createClusterCache([...new Map(one.points.map((point) => [point.event.id, point.event])).values()]),
      values: new Map(one.points.map((point) => [point.event.id, point.value])),
    });
  }
  // The casualties type's own shape, which buildLanes keeps free for the figures track.
  const look = { color: types[FIGURES_TYPE]?.color ?? seriesLook(0).color, shape: BUILT_IN_TYPE_STYLES[FIGURES_TYPE].shape };
  const figuresLane: Lane | undefined = series.length
    ? { type: FIGURES_TYPE, ...look, events: events.filter((event) => event.figures?.length) }
    : undefined;
  // A casualty event without figures has no point on the figures track: it gets a lane, or no
  // pointer, key or eye could reach it.
  const unquantified = events.filter((event) => event.type === FIGURES_TYPE && !event.figures?.length);
  if (unquantified.length) {
    lanes.push({ type: FIGURES_TYPE, ...look, events: unquantified });
    laneCaches.set(FIGURES_TYPE, createClusterCache(unquantified));
  }
  const extent = dataExtent(events) ?? [Date.now(), Date.now()];
  return {
    dataset,
    byId,
    lanes,
    laneCaches,
    measures,
    figuresLane,
    limits: paddedExtent(extent),
    floor: zoomFloor(events),
    starts: Float64Array.from(events, eventStart),
  };
}

/** The lanes named in the legend: the chart's, and the figures track unless a lane stands for it. */
export function legendLanes(story: Story): Lane[] {
  const { lanes, figuresLane } = story;
  return figuresLane && !lanes.some((lane) => lane.type === FIGURES_TYPE) ? [...lanes, figuresLane] : lanes;
}

/** Events in time order that a reader can reach: those of the types shown. */
export function reachableEvents(story: Story, hidden: ReadonlySet<string>): TimelineEvent[] {
  const events = story.dataset.events;
  return hidden.size ? events.filter((event) => !hidden.has(event.type)) : events;
}
