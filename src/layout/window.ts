import { bisectLeft, bisectRight } from 'd3-array';
import type { TimelineEvent } from '../model/types.js';
import { eventEnd, eventStart } from './extent.js';

/** The events of one dataset, indexed by time for finding those in a view window. */
export interface EventIndex {
  /** Each event's time value (`eventStart`), ascending (the events' own order). */
  starts: Float64Array;
  /** Each event's `eventEnd`: where its period ends. */
  ends: Float64Array;
  /** The longest `ends[i] - starts[i]`, which bounds how far before a window an overlapping event can start. */
  maxDuration: number;
  /**
   * Index range [lo, hi) holding every event that overlaps [t0, t1] (ms, both inclusive).
   * Events in it that start before `t0` may end before it too: check `ends[i] >= t0` where it matters.
   */
  range(t0: number, t1: number): [lo: number, hi: number];
}

/** An index over intervals given as ascending `starts` and their `ends`. */
export function createIntervalIndex(starts: Float64Array, ends: Float64Array): EventIndex {
  let maxDuration = 0;
  for (let i = 0; i < starts.length; i++) {
    if (i > 0 && starts[i] < starts[i - 1]) {
      throw new RangeError(`Events must be sorted by date (index ${i} is earlier than index ${i - 1}).`);
    }
    const duration = ends[i] - starts[i];
    if (duration > maxDuration) maxDuration = duration;
  }
  return {
    starts,
    ends,
    maxDuration,
    range(t0: number, t1: number): [number, number] {
      if (!(t0 <= t1)) return [0, 0];
      // An event overlapping t0 started at most maxDuration earlier, which keeps this a binary search.
      const lo = bisectLeft(starts, t0 - maxDuration);
      const hi = bisectRight(starts, t1);
      return [lo, Math.max(lo, hi)];
    },
  };
}

/** Builds the time index of a dataset's events (sorted by date, as the model delivers them). */
export function createEventIndex(events: readonly TimelineEvent[]): EventIndex {
  const starts = new Float64Array(events.length);
  const ends = new Float64Array(events.length);
  events.forEach((event, i) => {
    starts[i] = eventStart(event);
    ends[i] = eventEnd(event);
  });
  return createIntervalIndex(starts, ends);
}
