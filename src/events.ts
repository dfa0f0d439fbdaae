import type { Problem, TimelineEvent } from './model/types.js';

/** Detail of `timeline-load`. */
export interface TimelineLoadDetail {
  events: number;
  problems: Problem[];
  /** The data's own title ('' when it has none). */
  title: string;
}
/** Detail of `timeline-error`. */
export interface TimelineErrorDetail {
  message: string;
  problems: Problem[];
}
/** Detail of `timeline-select`. */
export interface TimelineSelectDetail {
  id: string | null;
  event: TimelineEvent | null;
}
/** Detail of `timeline-zoom`. */
export interface TimelineZoomDetail {
  start: Date;
  end: Date;
}

// Every event of the timeline crosses shadow roots and bubbles, so a page can listen anywhere above it.
const OUTWARD = { bubbles: true, composed: true } as const;

/** The data was loaded and drawn. */
export class TimelineLoadEvent extends CustomEvent<TimelineLoadDetail> {
  static readonly eventName = 'timeline-load';
  constructor(detail: TimelineLoadDetail) {
    super(TimelineLoadEvent.eventName, { detail, ...OUTWARD });
  }
}

/** The data could not be loaded, or it has no valid event. */
export class TimelineErrorEvent extends CustomEvent<TimelineErrorDetail> {
  static readonly eventName = 'timeline-error';
  constructor(detail: TimelineErrorDetail) {
    super(TimelineErrorEvent.eventName, { detail, ...OUTWARD });
  }
}

/** The selection changed (to `null`s when it was cleared). */
export class TimelineSelectEvent extends CustomEvent<TimelineSelectDetail> {
  static readonly eventName = 'timeline-select';
  constructor(detail: TimelineSelectDetail) {
    super(TimelineSelectEvent.eventName, { detail, ...OUTWARD });
  }
}

/** A zoom or pan ended (once per gesture, not per frame). */
export class TimelineZoomEvent extends CustomEvent<TimelineZoomDetail> {
  static readonly eventName = 'timeline-zoom';
  constructor(detail: TimelineZoomDetail) {
    super(TimelineZoomEvent.eventName, { detail, ...OUTWARD });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timeline-load': TimelineLoadEvent;
    'timeline-error': TimelineErrorEvent;
    'timeline-select': TimelineSelectEvent;
    'timeline-zoom': TimelineZoomEvent;
  }
}
