import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bisectLeft, bisectRight } from 'd3-array';
import { sameView, type ViewWindow } from '../layout/extent.js';
import { labelPreparer, type ShapingInput } from '../layout/scene.js';
import type { Story } from '../layout/story.js';
import type { TimelineEvent } from '../model/types.js';
import type { ViewContext } from '../views/context.js';
import { eventName } from '../views/words.js';

/** What the words of the marks to come are prepared for: the story, the window shown, and how labels are shaped. */
export interface WarmUpInput {
  story: Story;
  view: ViewWindow;
  shaping: ShapingInput;
  /** The reader's words: the marks' accessible names are made in them, kept where the drawing finds them. */
  context: ViewContext;
}

/** The most events prepared around one window: a story of 100,000 events is prepared where the reader looks. */
export const WARM_UP_MOST = 20_000;
/** Time (ms) an idle period keeps for the page: the work stops when less is left. */
const KEEP_MS = 2;

type Idle = (callback: (deadline: { timeRemaining(): number }) => void) => number;

/**
 * Prepares, while the page is idle, what a zoom or pan from the window shown would otherwise
 * make in its first frame: the labels' shapes (the text measured and wrapped) and the marks'
 * accessible names (dates through Intl) of the events in the window and in one window's span on
 * either side (what a zoom out or a pan shows; a zoom in shows events of the window). A layout
 * finds them made and draws the step with less work. The work is done in slices that leave the
 * idle period before it ends, and starts again around each window the reader settles on; nothing
 * the reader sees depends on it.
 */
export class WarmUpController implements ReactiveController {
  private input?: WarmUpInput;
  private job?: { order: Int32Array; at: number; label: (event: TimelineEvent) => void };
  /** Which of the story's events are prepared (by index), for the story, shaping and words of `input`. */
  private made?: { input: WarmUpInput; flags: Uint8Array };
  private handle = 0;
  /** How many events were prepared. */
  prepared = 0;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
    this.input = undefined;
  }

  /** The window the reader settled on (after a first drawing, a zoom or a pan): its surroundings are prepared next. */
  settled(input: WarmUpInput | undefined): void {
    const kept = this.input;
    if (kept && input && sameWork(kept, input) && sameView(kept.view, input.view)) return;
    this.stop();
    this.input = input;
    if (!input) return;
    if (!this.made || !sameWork(this.made.input, input)) this.made = { input, flags: new Uint8Array(input.story.dataset.events.length) };
    this.job = { order: around(input.story, input.view), at: 0, label: labelPreparer(input.shaping) };
    this.schedule();
  }

  /** Whether the events around the window settled on are all prepared. */
  get done(): boolean {
    return !this.job;
  }

  private stop(): void {
    if (this.handle) cancel(this.handle);
    this.handle = 0;
    this.job = undefined;
  }

  private schedule(): void {
    this.handle = idle((deadline) => {
      this.handle = 0;
      const { job, input, made } = this;
      if (!job || !input || !made) return;
      const events = input.story.dataset.events;
      const { order } = job;
      while (job.at < order.length) {
        const index = order[job.at++];
        if (made.flags[index]) continue;
        const event = events[index];
        job.label(event);
        eventName(event, input.context);
        made.flags[index] = 1;
        this.prepared++;
        if (deadline.timeRemaining() < KEEP_MS) break;
      }
      if (job.at < order.length) this.schedule();
      else this.job = undefined;
    });
  }
}

/** Whether what is prepared for `a` holds for `b`: the same events, shaped and worded the same. */
function sameWork(a: WarmUpInput, b: WarmUpInput): boolean {
  const [x, y] = [a.shaping, b.shaping];
  return a.story === b.story && a.context === b.context && x.width === y.width && x.locale === y.locale && x.measure === y.measure;
}

/**
 * The indices of the events of the window and of one window's span on either side, the window's
 * own first (a zoom in shows them), then outwards; at most `WARM_UP_MOST`.
 */
function around(story: Story, [start, end]: ViewWindow): Int32Array {
  const { starts } = story;
  const span = end - start;
  const a = bisectLeft(starts, start - span);
  const b = bisectLeft(starts, start);
  const c = bisectRight(starts, end);
  const d = bisectRight(starts, end + span);
  const order = new Int32Array(Math.min(WARM_UP_MOST, d - a));
  let n = 0;
  for (let i = b; i < c && n < order.length; i++) order[n++] = i;
  for (let before = b - 1, after = c; n < order.length && (before >= a || after < d); before--, after++) {
    if (before >= a) order[n++] = before;
    if (after < d && n < order.length) order[n++] = after;
  }
  return order.subarray(0, n);
}

const idle: Idle = (callback) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(callback)
    : (setTimeout(() => callback({ timeRemaining: () => 8 }), 50) as unknown as number);

function cancel(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
