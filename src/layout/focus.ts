import { max } from 'd3-array';
import type { TimelineEvent } from '../model/types.js';
import { clampView, eventEnd, eventStart, viewScale, type TimeLike, type ViewWindow } from './extent.js';
import { GEOMETRY } from './geometry.js';
import type { ClusterCache } from './marks.js';
import type { Story } from './story.js';

/** How far inside the window's edges (a fraction of it) an event counts as in view. */
const REVEAL_MARGIN = 0.1;

/** The window of the same width centred on `time`, unless `time` is already well inside `view`. */
export function revealWindow(view: readonly [TimeLike, TimeLike], at: TimeLike): ViewWindow | undefined {
  const [a, b] = [+view[0], +view[1]];
  const span = b - a;
  const time = +at;
  if (time >= a + span * REVEAL_MARGIN && time <= b - span * REVEAL_MARGIN) return undefined;
  return [time - span / 2, time + span / 2];
}

/**
 * The widest window around an event, no wider than `view`, in which it is drawn on its own;
 * undefined when revealing it is enough, or when no zoom sets it apart (same day, same lane).
 */
export function soloWindow(story: Story, event: TimelineEvent, view: ViewWindow, width: number, rtl: boolean): ViewWindow | undefined {
  if (width <= 0) return undefined;
  const caches: ClusterCache[] = [];
  const lane = story.lanes.find((candidate) => candidate.type === event.type && candidate.events.includes(event));
  if (lane) caches.push(story.laneCaches.get(lane.type)!);
  if (story.figuresCache && event.figures?.length) caches.push(story.figuresCache);
  const options = { minGap: GEOMETRY.minGap, viewWidth: width };
  const alone = (window: ViewWindow) => {
    const scale = viewScale(window, width, rtl);
    return caches.some((cache) => cache.marks(scale, options).some((mark) => mark.kind === 'event' && mark.event.id === event.id));
  };
  const t = eventStart(event);
  const around = (span: number) => clampView([t - span / 2, t + span / 2], story.limits, story.floor);
  let span = view[1] - view[0];
  const revealed: ViewWindow = revealWindow(view, t) ? around(span) : view;
  if (alone(revealed) || !alone(around(story.floor))) return undefined;
  while (span > story.floor && !alone(around(span))) span /= 2;
  return around(span);
}

/** A window that shows all of `events` (in date order) with some room around them. */
export function windowAround(events: readonly TimelineEvent[]): ViewWindow {
  let start = eventStart(events[0]);
  let end = Math.max(max(events, eventEnd) ?? start, eventStart(events[events.length - 1]));
  const pad = Math.max((end - start) * 0.15, 12 * 3_600_000);
  start -= pad;
  end += pad;
  return [start, end];
}

/**
 * Whether a cluster's events lie so close that even the narrowest window keeps them together:
 * zooming cannot part them.
 */
export function inseparable(events: readonly TimelineEvent[], story: Story, width: number): boolean {
  return ((eventStart(events[events.length - 1]) - eventStart(events[0])) * width) / story.floor < GEOMETRY.minGap;
}
