import type { TimeScale } from './extent.js';
import type { TimelineEvent } from '../model/types.js';
import { createEventIndex, createIntervalIndex, type EventIndex } from './window.js';

/**
 * One event drawn on its own. `x` is where it starts; `x2`, where its period ends, is set for spans
 * and for month or year precision, which are drawn across the period. In a right-to-left view `x2 < x`.
 */
export type EventMark = { kind: 'event'; event: TimelineEvent; x: number; x2?: number };

/**
 * Several events too close to tell apart, drawn as one mark. `x` is the centre of their dates,
 * `x0`..`x1` (left to right) the pixels their periods cover; `start`..`end` the same in time.
 * `events` is listed on first read and shared by later marks of the same cluster: do not modify it;
 * `first` and `last` are its ends, known without listing it.
 */
export type ClusterMark = {
  kind: 'cluster';
  events: TimelineEvent[];
  first: TimelineEvent;
  last: TimelineEvent;
  x: number;
  x0: number;
  x1: number;
  count: number;
  /** Time values (see `TimeScale`). */
  start?: number;
  end?: number;
  /** Its events all fall on one moment at their precision: no zoom parts them, so activating it lists them. */
  oneMoment?: boolean;
};

export type LaneMark = EventMark | ClusterMark;

export interface MarkOptions {
  /** A point mark less than this (px) after a cluster's first event joins it; spans at least this wide stay on their own. */
  minGap: number;
  viewWidth: number;
  /** How far outside the view (px) marks are still laid out, so marks slide in whole. Default: `minGap`. */
  margin?: number;
  /** The index of these very events, when the caller already has it. */
  index?: EventIndex;
}

/** Events grouped at one zoom level (px per ms of time value), for the whole dataset. */
interface Grouping {
  pxPerMs: number;
  minGap: number;
  /** Groups of point-like events: starts = first member's date, ends = latest member's period end. */
  groups: EventIndex;
  /** Event index of each group's first and last member; the members are the point-like events between. */
  first: Int32Array;
  last: Int32Array;
  count: Uint32Array;
  /** Spans at least minGap wide at this level, each drawn on its own (event indices). */
  wide: Int32Array;
  wideIndex: EventIndex;
  /** Each cluster's events, built when first asked for and reused after. */
  clusterEvents: (TimelineEvent[] | undefined)[];
}

/** Scratch space for grouping, reused across zoom levels so a new level allocates only its result. */
interface Scratch {
  anchors: Float64Array;
  ends: Float64Array;
  first: Int32Array;
  last: Int32Array;
  count: Uint32Array;
  wide: Int32Array;
}

function createScratch(n: number): Scratch {
  return {
    anchors: new Float64Array(n),
    ends: new Float64Array(n),
    first: new Int32Array(n),
    last: new Int32Array(n),
    count: new Uint32Array(n),
    wide: new Int32Array(n),
  };
}

/** A span drawn on its own at this zoom: at least minGap px long. */
function isWide(start: number, end: number, pxPerMs: number, minGap: number): boolean {
  return end > start && (end - start) * pxPerMs >= minGap;
}

/**
 * Groups every event at `pxPerMs`: a group starts at an event and takes each later point-like event
 * less than `minGap` px after that first one. Over the whole dataset, so panning never regroups.
 */
function groupEvents(index: EventIndex, pxPerMs: number, minGap: number, scratch: Scratch): Grouping {
  const { starts, ends } = index;
  const n = starts.length;
  const { anchors, first, last, count, wide } = scratch;
  const groupEnds = scratch.ends;
  let g = 0;
  let w = 0;
  let anchor = -Infinity;
  for (let i = 0; i < n; i++) {
    const start = starts[i];
    const end = ends[i];
    if (isWide(start, end, pxPerMs, minGap)) {
      wide[w++] = i;
    } else if (g > 0 && (start - anchor) * pxPerMs < minGap) {
      last[g - 1] = i;
      count[g - 1]++;
      if (end > groupEnds[g - 1]) groupEnds[g - 1] = end;
    } else {
      anchor = start;
      anchors[g] = start;
      groupEnds[g] = end;
      first[g] = i;
      last[g] = i;
      count[g] = 1;
      g++;
    }
  }
  const wideList = wide.slice(0, w);
  const wideStarts = new Float64Array(w);
  const wideEnds = new Float64Array(w);
  for (let j = 0; j < w; j++) {
    wideStarts[j] = starts[wideList[j]];
    wideEnds[j] = ends[wideList[j]];
  }
  return {
    pxPerMs,
    minGap,
    groups: createIntervalIndex(anchors.slice(0, g), groupEnds.slice(0, g)),
    first: first.slice(0, g),
    last: last.slice(0, g),
    count: count.slice(0, g),
    wide: wideList,
    wideIndex: createIntervalIndex(wideStarts, wideEnds),
    clusterEvents: [],
  };
}

/** The scale as x = r0 + (t - d0) * k, which is what the linear time scale computes. */
function affine(scale: TimeScale): { d0: number; r0: number; k: number } | null {
  const [a, b] = scale.domain();
  const [r0, r1] = scale.range();
  const d0 = +a;
  const span = +b - d0;
  if (!(span !== 0) || !Number.isFinite(span) || !Number.isFinite(r1 - r0) || r1 === r0) return null;
  return { d0, r0, k: (r1 - r0) / span };
}

/** The marks of one grouping that fall in [-margin, viewWidth + margin], sorted by x. */
function emitMarks(
  grouping: Grouping,
  events: readonly TimelineEvent[],
  index: EventIndex,
  scale: TimeScale,
  options: MarkOptions,
): LaneMark[] {
  const map = affine(scale);
  if (!map) return [];
  const { d0, r0, k } = map;
  const X = (t: number) => r0 + (t - d0) * k;
  const margin = options.margin ?? options.minGap;
  const ta = d0 + (-margin - r0) / k;
  const tb = d0 + (options.viewWidth + margin - r0) / k;
  const t0 = Math.min(ta, tb);
  const t1 = Math.max(ta, tb);
  const out: LaneMark[] = [];

  const eventMark = (i: number): EventMark => {
    const mark: EventMark = { kind: 'event', event: events[i], x: X(index.starts[i]) };
    if (index.ends[i] > index.starts[i]) mark.x2 = X(index.ends[i]);
    return mark;
  };

  const { groups, first, last, count: counts, clusterEvents } = grouping;
  // The members of a cluster are only listed when asked for: at fit-all that would be every event.
  const membersOf = (g: number): TimelineEvent[] => {
    let list = clusterEvents[g];
    if (!list) {
      list = [];
      const { pxPerMs, minGap } = grouping;
      for (let i = first[g]; i <= last[g]; i++) {
        if (!isWide(index.starts[i], index.ends[i], pxPerMs, minGap)) list.push(events[i]);
      }
      clusterEvents[g] = list;
    }
    return list;
  };
  const [glo, ghi] = groups.range(t0, t1);
  for (let g = glo; g < ghi; g++) {
    if (groups.ends[g] < t0) continue;
    const count = counts[g];
    if (count === 1) {
      out.push(eventMark(first[g]));
      continue;
    }
    const xa = X(groups.starts[g]);
    const xe = X(groups.ends[g]);
    out.push({
      kind: 'cluster',
      get events() {
        return membersOf(g);
      },
      first: events[first[g]],
      last: events[last[g]],
      x: (xa + X(index.starts[last[g]])) / 2,
      x0: Math.min(xa, xe),
      x1: Math.max(xa, xe),
      count,
      start: groups.starts[g],
      end: groups.ends[g],
    });
  }

  const { wide, wideIndex } = grouping;
  const [wlo, whi] = wideIndex.range(t0, t1);
  for (let j = wlo; j < whi; j++) {
    if (wideIndex.ends[j] >= t0) out.push(eventMark(wide[j]));
  }

  out.sort((a, b) => a.x - b.x);
  return out;
}

/**
 * The marks of one lane in the view, sorted by x: each event on its own, or merged into a cluster
 * with the point marks less than `minGap` px after the cluster's first one, so point marks stay over
 * minGap / 2 apart. Groups over the whole lane (O(n)); for large lanes redrawn every frame, use
 * `createClusterCache`.
 */
export function layoutLaneMarks(
  events: readonly TimelineEvent[],
  scale: TimeScale,
  options: MarkOptions,
): LaneMark[] {
  const map = affine(scale);
  if (!map || events.length === 0) return [];
  const index = options.index ?? createEventIndex(events);
  const grouping = groupEvents(index, Math.abs(map.k), options.minGap, createScratch(events.length));
  return emitMarks(grouping, events, index, scale, options);
}

export interface ClusterCacheOptions {
  /** Zoom levels per doubling of px per ms: 4 makes levels powers of 2^(1/4). */
  levelsPerDoubling?: number;
  /** How many zoom levels are kept. Default 16. */
  maxLevels?: number;
}

/** Lane marks for one dataset, with the grouping kept per zoom level so panning only culls. */
export interface ClusterCache {
  readonly index: EventIndex;
  /**
   * As `layoutLaneMarks`, but grouped at the zoom level at or just below the scale's, so a cluster's
   * dates may span up to `minGap · 2^(1/levelsPerDoubling)` px; point marks stay over minGap / 2 apart.
   */
  marks(scale: TimeScale, options: MarkOptions): LaneMark[];
  /** The quantised zoom level of a scale: floor(log2(px per ms) · levelsPerDoubling). */
  level(scale: TimeScale): number;
}

/** Builds the mark cache of one lane's events (sorted by date). */
export function createClusterCache(
  events: readonly TimelineEvent[],
  { levelsPerDoubling = 4, maxLevels = 16 }: ClusterCacheOptions = {},
): ClusterCache {
  const index = createEventIndex(events);
  const levels = new Map<string, Grouping>();
  let scratch: Scratch | undefined;
  // Powers of two computed as 2 ** (k / n) are exact whenever k / n is a whole number.
  const levelPx = (k: number) => 2 ** (k / levelsPerDoubling);

  const level = (scale: TimeScale): number => {
    const map = affine(scale);
    if (!map) return NaN;
    const px = Math.abs(map.k);
    let k = Math.floor(Math.log2(px) * levelsPerDoubling + 1e-9);
    // Never a level finer than the scale, or clusters would take in events minGap apart.
    while (levelPx(k) > px) k--;
    while (levelPx(k + 1) <= px) k++;
    return k;
  };

  return {
    index,
    level,
    marks(scale, options) {
      const k = level(scale);
      if (Number.isNaN(k) || events.length === 0) return [];
      const key = `${k}|${options.minGap}`;
      let grouping = levels.get(key);
      if (grouping) {
        levels.delete(key);
      } else {
        scratch ??= createScratch(events.length);
        grouping = groupEvents(index, levelPx(k), options.minGap, scratch);
        if (levels.size >= maxLevels) levels.delete(levels.keys().next().value!);
      }
      // Re-inserting keeps the map in least-recently-used order for eviction.
      levels.set(key, grouping);
      return emitMarks(grouping, events, index, scale, options);
    },
  };
}
