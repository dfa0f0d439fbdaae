import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
import { TimelineZoomEvent } from '../events.js';
import { clampView, DAY_MS, nearestDate, sameView, viewScale, type TimeLike, type TimeScale, type ViewWindow } from '../layout/extent.js';

/** Where a change of the window came from; the reader's gestures and public calls end in `timeline-zoom`. */
export type ZoomCause = 'gesture' | 'code' | 'layout';

/** What a press on the overview takes hold of: the brush, one of its ends, or the strip around it. */
type Grip = 'move' | 'start' | 'end' | 'jump';

/** The words a hint over the chart can say (keys of the widget's words). */
export type HintKey = 'wheelHint' | 'wheelHintMac' | 'touchHint';

/** What d3-zoom is told a programmatic change came from (its `sourceEvent`). */
interface Cause {
  cause: ZoomCause;
  /** Not announced: the change brings an event into view, and the event is announced instead. */
  quiet?: boolean;
}

type Plot = Selection<HTMLElement, unknown, null, undefined>;
type Target = Plot | ReturnType<Plot['transition']>;

/** d3-zoom's programmatic calls, with the event that caused them as their last argument (left out of its typings). */
interface CausedCalls {
  transform(target: Target, transform: ZoomTransform, point: [number, number] | undefined, event: Event | Cause): void;
  scaleBy(target: Target, k: number, point: [number, number] | undefined, event: Cause): void;
  translateBy(target: Target, x: number, y: number, event: Event | Cause): void;
  translateTo(target: Target, x: number, y: number, point: [number, number] | undefined, event: Cause): void;
}

const ANIMATION_MS = 300;
/** The plot's class while it is held for a pan. */
const GRABBING = 'grabbing';
/** Where a press does not take hold of the plot: marks, labels and buttons, which show a cursor of their own. */
const PRESSABLE = 'button,[data-event-id],[data-cluster-count],[data-label-for],a,input,select';
/** A wheel gesture ends when no wheel event came for this long (d3-zoom's own wait for Ctrl + wheel). */
const WHEEL_IDLE_MS = 150;
const HINT_MS = 1600;

/**
 * Owns the view window: d3-zoom on the plot (Ctrl or ⌘ + wheel and trackpad pinch, drag,
 * double-click, two-finger touch), the page's share of the wheel and of one finger, the overview's
 * brush, and the buttons' and keys' zooms. The window is derived from d3-zoom's transform over the
 * base scale (the story's limits across the plot): `transform.rescaleX(base).domain()`. Windows are
 * time values (see `TimeScale`), so a story beyond the years a Date holds zooms like any other. Each change
 * asks the host for an update (a gesture's at most once a frame); the end of a zoom or pan the
 * reader made or asked for is told with `timeline-zoom` on the host.
 */
export class ViewController implements ReactiveController {
  /** The visible window now (time values). */
  view: ViewWindow = [0, DAY_MS];
  /** d3-zoom's transform that shows `view`. */
  transform: ZoomTransform = zoomIdentity;
  /** This frame is one of a gesture or an animation under way: moving the chart drawn last will do. */
  previewing = false;
  /** The hint shown over the chart, if any. */
  hint: HintKey | '' = '';
  /** The change that ended last was not to be announced (see `Cause.quiet`). */
  quiet = false;

  private limits: ViewWindow = [0, DAY_MS];
  private configured = false;
  private floor = DAY_MS;
  private width = 0;
  private rtl = false;
  /** The whole story across the plot (the overview's scale too): the transform stretches and moves it. */
  base: TimeScale = viewScale(this.limits, 1);
  private plot?: Plot;
  /** The window last set by code, kept exact (a transform computed back to dates could be off by a millisecond). */
  private target?: { transform: ZoomTransform; view: ViewWindow };
  private motion?: MediaQueryList;
  private reducedMotion = false;
  private frame = 0;
  /** Frames drawn in the gesture under way: its first is laid out in full, later ones are previews. */
  private framesDrawn = 0;
  /** The window when the gesture under way took hold: a press that moves nothing is no zoom. */
  private from?: ViewWindow;
  /** A gesture made of many d3-zoom changes (the overview's brush, a horizontal wheel): its end is told once, on release. */
  private hold?: { from: ViewWindow; timer: number };
  /** Bumped by each start: an end followed at once by a new start was interrupted, not ended. */
  private ends = 0;
  private hintTimer = 0;
  private touchStart?: { x: number; y: number };

  private readonly behavior = zoom<HTMLElement, unknown>()
    .filter((event: Event) => this.accepts(event))
    // A trackpad pinch arrives as a Ctrl + wheel with small deltas, a mouse notch with Ctrl as one
    // 100-pixel delta: both zoom by about 1.4× a notch.
    .wheelDelta((event: WheelEvent) => -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * 2.5)
    // Touches too on every device: one whose touch screen is not announced still pinches.
    .touchable(true)
    // Time is horizontal: a zero-high extent keeps every transform's y at 0.
    .extent(() => [
      [0, 0],
      [this.width, 0],
    ])
    .on('start', (event: D3ZoomEvent<HTMLElement, unknown>) => this.started(event))
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => this.zoomed(event))
    .on('end', (event: D3ZoomEvent<HTMLElement, unknown>) => this.ended(event));
  private readonly calls = this.behavior as unknown as CausedCalls;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.motion ??= matchMedia('(prefers-reduced-motion: reduce)');
    this.motionChanged(this.motion);
    this.motion.addEventListener('change', this.motionChanged);
    const plot = this.plot?.node();
    if (plot) this.attach(plot, true);
  }

  hostDisconnected(): void {
    this.motion?.removeEventListener('change', this.motionChanged);
    const plot = this.plot;
    this.detach();
    // Kept to attach again when the host comes back.
    this.plot = plot;
  }

  /** The reader may ask for less motion while the timeline is shown. */
  private readonly motionChanged = (query: { matches: boolean }): void => {
    this.reducedMotion = query.matches;
    this.behavior.duration(query.matches ? 0 : ANIMATION_MS);
  };

  /** Takes gestures on the plot, a node the host always renders. */
  attach(plot: HTMLElement, again = false): void {
    if (!again && this.plot?.node() === plot) return;
    this.detach();
    this.plot = select(plot);
    this.plot
      .call(this.behavior)
      .on('wheel.view', (event: WheelEvent) => this.wheeled(event), { passive: false })
      .on('touchstart.view', (event: TouchEvent) => this.touched(event), { passive: true })
      .on('touchmove.view', (event: TouchEvent) => this.swiped(event), { passive: true });
    this.show(this.view, 'layout');
  }

  private detach(): void {
    const plot = this.plot;
    if (!plot) return;
    this.plot = undefined;
    // Ends an animation without telling: the host is going.
    plot.interrupt();
    this.ends++;
    plot.on('.zoom', null).on('.view', null);
    plot.node()?.classList.remove(GRABBING);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.hintTimer);
    this.hint = '';
    if (this.hold) clearTimeout(this.hold.timer);
    this.hold = undefined;
  }

  /** The time scale of the visible window, mirrored in right to left. */
  scale(): TimeScale {
    return viewScale(this.view, this.width, this.rtl);
  }

  /**
   * Sets the widest window, the narrowest span, the width and the direction; keeps the window shown
   * (or shows `view`) as far as it still fits.
   */
  configure(limits: readonly [TimeLike, TimeLike], floor: number, width: number, rtl: boolean, view?: readonly [TimeLike, TimeLike]): void {
    const changed = !sameView(limits, this.limits) || floor !== this.floor || width !== this.width || rtl !== this.rtl;
    // The first window is the whole story, unless another is asked for.
    if (!this.configured) view ??= limits;
    this.configured = true;
    if (!changed && !view) return;
    this.limits = [+limits[0], +limits[1]];
    this.floor = floor;
    this.width = width;
    this.rtl = rtl;
    this.base = viewScale(this.limits, Math.max(1, width), rtl);
    const span = this.limits[1] - this.limits[0];
    this.behavior
      .scaleExtent([1, Math.max(1, span / floor)])
      .translateExtent([
        [0, 0],
        [width, 0],
      ]);
    this.show(view ?? this.view, 'layout');
  }

  /** Shows the window from `start` to `end` (kept within the floor … fit all), animated unless the reader asks for less motion. */
  zoomTo(start: TimeLike, end: TimeLike, options: { animate?: boolean; quiet?: boolean } = {}): void {
    this.show([+start, +end], 'code', options.animate ?? true, options.quiet);
  }

  /** Zooms by `factor` (> 1 zooms in) around the time value `center`, or the middle of the window. */
  zoomBy(factor: number, center?: TimeLike): void {
    const point: [number, number] | undefined = center !== undefined && this.width > 0 ? [this.scale()(+center), 0] : undefined;
    this.run((target) => this.calls.scaleBy(target, factor, point, { cause: 'code' }));
  }

  /** Brings the time value `time` into the middle of the window, keeping the zoom. */
  reveal(time: TimeLike, quiet = false): void {
    this.run((target) => this.calls.translateTo(target, this.base(+time), 0, undefined, { cause: 'code', quiet }));
  }

  /** Fits the whole story. */
  reset(): void {
    this.run((target) => this.calls.transform(target, zoomIdentity, undefined, { cause: 'code' }));
  }

  /** Shows a window, clamped to the floor … fit all: in one step, or animated. */
  private show(asked: readonly [TimeLike, TimeLike], cause: ZoomCause, animate = false, quiet = false): void {
    const view = clampView(asked, this.limits, this.floor);
    if (this.width <= 0) {
      // Not measured yet: shown as it is once the plot has a width.
      this.view = view;
      return;
    }
    const transform = this.transformOf(view);
    this.target = { transform, view };
    if (this.plot) this.run((target) => this.calls.transform(target, transform, undefined, { cause, quiet }), animate && cause !== 'layout');
    else [this.view, this.transform] = [view, transform];
  }

  /** The transform that shows `view`: the base scale stretched k times and moved so that the window starts at the edge. */
  private transformOf(view: ViewWindow): ZoomTransform {
    const k = (this.limits[1] - this.limits[0]) / (view[1] - view[0]);
    return zoomIdentity.translate(-k * Math.min(this.base(view[0]), this.base(view[1])), 0).scale(k);
  }

  /** Applies a programmatic change to the plot: animated (a d3 transition) or at once. */
  private run(change: (target: Target) => void, animate = true): void {
    const plot = this.plot;
    if (!plot) return;
    if (animate && !this.reducedMotion) change(plot.transition().duration(ANIMATION_MS));
    else change(plot);
  }

  /** Which input d3-zoom takes: Ctrl or ⌘ with the wheel, the primary button, a double-click off the marks, two fingers. */
  private accepts(event: Event): boolean {
    switch (event.type) {
      case 'wheel':
        return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
      case 'mousedown':
        return !(event as MouseEvent).button && !(event as MouseEvent).ctrlKey;
      case 'dblclick':
        return !(event.target as Element).closest?.('[data-event-id],[data-cluster-count],button');
      case 'touchstart':
        // One finger is the page's: it scrolls. Two take hold of the timeline.
        return (event as TouchEvent).touches.length >= 2;
      default:
        return false;
    }
  }

  private started(event: D3ZoomEvent<HTMLElement, unknown>): void {
    // The end just reported (if any) was an interruption: this start takes over from it, and the
    // window it moved is not told.
    this.ends++;
    this.grab(event.sourceEvent);
    this.from = this.view;
    this.framesDrawn = 0;
    this.quiet = Boolean(causeOf(event.sourceEvent).quiet);
  }

  private zoomed(event: D3ZoomEvent<HTMLElement, unknown>): void {
    const { transform, sourceEvent } = event;
    this.transform = transform;
    this.view = this.target?.transform === transform ? this.target.view : this.windowOf(transform);
    if (causeOf(sourceEvent).cause === 'gesture' && sourceEvent.type !== 'dblclick') {
      // Input can come faster than frames: one update a frame. The first is laid out in full.
      this.frame ||= requestAnimationFrame(() => {
        this.frame = 0;
        this.previewing = this.framesDrawn++ > 0;
        this.host.requestUpdate();
      });
    } else {
      // An animation's frame (d3's timer runs in animation frames), or a change made at once, whose
      // end follows before the update.
      this.previewing = true;
      this.host.requestUpdate();
    }
  }

  private ended(event: D3ZoomEvent<HTMLElement, unknown>): void {
    this.plot?.node()?.classList.remove(GRABBING);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.previewing = false;
    this.host.requestUpdate();
    const { cause } = causeOf(event.sourceEvent);
    const end = ++this.ends;
    const held = Boolean(this.hold);
    // Told after the events of this turn: an interrupted animation or gesture is followed at once
    // by the start of the one that took over, and only that one's end is told.
    queueMicrotask(() => {
      if (end !== this.ends || cause === 'layout' || held) return;
      // A press and release that moved nothing (a click on a mark, a tap) is no zoom.
      if (cause === 'gesture' && this.from && sameView(this.from, this.view)) return;
      this.tell();
    });
  }

  /**
   * A press on the plot's ground takes hold of it for a pan: the cursor shows the grip (`grabbing`).
   * A press on a mark or a label is most often a click, and keeps its own cursor: the plot's is
   * left as it is, so that a click restyles nothing but what it selects.
   */
  private grab(source: unknown): void {
    if (!(source instanceof MouseEvent) || source.type !== 'mousedown') return;
    const target = source.target as Element | null;
    if (!target?.closest?.(PRESSABLE)) this.plot?.node()?.classList.add(GRABBING);
  }

  private tell(): void {
    if (!this.plot) return; // the host has gone
    // Beyond the years a Date holds, the nearest Dates (see the element's `view`).
    const [start, end] = this.view;
    this.host.dispatchEvent(new TimelineZoomEvent({ start: nearestDate(start), end: nearestDate(end) }));
  }

  /** The window a transform shows, to the millisecond. */
  private windowOf(transform: ZoomTransform): ViewWindow {
    const [a, b] = transform.rescaleX(this.base).domain().map(Math.round);
    return [Math.min(a, b), Math.max(a, b)];
  }

  // —— The page's share of the wheel and the fingers ——————————————————————

  /** A plain vertical wheel scrolls the page (with a hint); a horizontal one, or Shift + wheel, pans. */
  private wheeled(event: WheelEvent): void {
    if (event.ctrlKey || event.metaKey) return; // d3-zoom's, or the browser's at the zoom's limit
    const horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
    if (!horizontal && !event.shiftKey) {
      this.showHint(/Mac|iPhone|iPad/.test(navigator.platform) ? 'wheelHintMac' : 'wheelHint');
      return;
    }
    event.preventDefault();
    const delta = horizontal ? event.deltaX : event.deltaY;
    const px = delta * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.width : 1);
    this.holdFor(WHEEL_IDLE_MS);
    // Scrolling right brings later times in, from the right (or, right to left, earlier ones).
    if (this.plot) this.calls.translateBy(this.plot, -px / this.transform.k, 0, event);
  }

  private touched(event: TouchEvent): void {
    const touch = event.touches[0];
    this.touchStart = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : undefined;
  }

  /** One finger dragged sideways meant to move the timeline: say that takes two. Up or down, the page scrolls. */
  private swiped(event: TouchEvent): void {
    const start = this.touchStart;
    const touch = event.touches[0];
    if (!start || event.touches.length !== 1 || !touch) return;
    const dx = Math.abs(touch.clientX - start.x);
    const dy = Math.abs(touch.clientY - start.y);
    if (dx > 12 && dx > 2 * dy) this.showHint('touchHint');
    if (dx > 12 || dy > 12) this.touchStart = undefined;
  }

  private showHint(key: HintKey): void {
    clearTimeout(this.hintTimer);
    this.hint = key;
    this.host.requestUpdate();
    this.hintTimer = window.setTimeout(() => {
      this.hint = '';
      this.host.requestUpdate();
    }, HINT_MS);
  }

  // —— The overview's brush ——————————————————————————————————————————

  /**
   * A press on the overview strip: on the brush it drags it, on a handle it moves that end, and
   * anywhere else it centres the window there first. Mouse, pen and touch alike.
   *
   * Not d3-brush: the brush is an element Lit draws, with start and end handles that trade sides
   * right to left, whereas d3-brush draws and owns SVG nodes of its own, and a press outside its
   * selection starts a new, empty one where ours centres the window.
   */
  readonly brushDown = (event: PointerEvent): void => {
    const strip = event.currentTarget as HTMLElement;
    if (event.button > 0 || this.width <= 0) return;
    const grip = ((event.target as HTMLElement).dataset.brush as Grip | undefined) ?? 'jump';
    const x = event.clientX - strip.getBoundingClientRect().left;
    if (grip === 'jump') {
      // The overview draws the whole story across the width: the base scale.
      const span = this.view[1] - this.view[0];
      const centre = this.base.invert(x);
      this.brushTo([centre - span / 2, centre + span / 2], event);
    }
    this.brush = { grip: grip === 'jump' ? 'move' : grip, pointerId: event.pointerId, startX: x, view: [...this.view], strip };
    strip.setPointerCapture?.(event.pointerId);
    strip.addEventListener('pointermove', this.brushMove);
    strip.addEventListener('pointerup', this.brushUp);
    strip.addEventListener('pointercancel', this.brushUp);
    event.preventDefault();
  };

  private brush?: { grip: Exclude<Grip, 'jump'>; pointerId: number; startX: number; view: [number, number]; strip: HTMLElement };

  private readonly brushMove = (event: PointerEvent): void => {
    const brush = this.brush;
    if (!brush || event.pointerId !== brush.pointerId) return;
    const msPerPx = (this.limits[1] - this.limits[0]) / this.width;
    const x = event.clientX - brush.strip.getBoundingClientRect().left;
    const shift = (x - brush.startX) * msPerPx * (this.rtl ? -1 : 1);
    let [a, b] = brush.view;
    if (brush.grip === 'move') [a, b] = [a + shift, b + shift];
    else if (brush.grip === 'start') a = Math.min(a + shift, b);
    else b = Math.max(b + shift, a);
    this.brushTo([a, b], event);
  };

  private readonly brushUp = (event: PointerEvent): void => {
    const brush = this.brush;
    if (!brush || event.pointerId !== brush.pointerId) return;
    this.brush = undefined;
    brush.strip.removeEventListener('pointermove', this.brushMove);
    brush.strip.removeEventListener('pointerup', this.brushUp);
    brush.strip.removeEventListener('pointercancel', this.brushUp);
    this.release();
  };

  /** Moves the window as the brush asks, as one gesture whose end is told once, when it is let go. */
  private brushTo(view: ViewWindow, event: PointerEvent): void {
    this.holdFor();
    view = clampView(view, this.limits, this.floor);
    const transform = this.transformOf(view);
    this.target = { transform, view };
    if (this.plot) this.calls.transform(this.plot, transform, undefined, event);
  }

  /** Ends a held gesture: told once, if it moved the window. */
  private release(): void {
    const hold = this.hold;
    if (!hold) return;
    clearTimeout(hold.timer);
    this.hold = undefined;
    if (!sameView(hold.from, this.view)) this.tell();
  }

  /** Holds the telling of ends until `release`, or until no change came for `idle` ms. */
  private holdFor(idle?: number): void {
    if (this.hold) clearTimeout(this.hold.timer);
    const from = this.hold?.from ?? this.view;
    this.hold = { from, timer: idle ? window.setTimeout(() => this.release(), idle) : 0 };
  }
}

/** What a zoom event's source says of its cause: a DOM event is the reader's gesture. */
function causeOf(source: unknown): Cause {
  if (source instanceof Event) return { cause: 'gesture' };
  return (source as Cause | null) ?? { cause: 'code' };
}
