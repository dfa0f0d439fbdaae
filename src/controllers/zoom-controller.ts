import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimeScale } from '../layout/scale.js';
import { clampView, DAY_MS as DAY, viewScale } from '../layout/extent.js';

export type ViewWindow = [Date, Date];

const ANIMATION_MS = 300;
/** A wheel gesture ends when no wheel event came for this long. */
const WHEEL_IDLE_MS = 150;
/** Listened to on the element that receives gestures. */
const GESTURE_EVENTS = ['wheel', 'mousedown', 'dblclick', 'touchstart', 'touchmove', 'touchend', 'touchcancel'];
/** Listened to on the window while the mouse drags. */
const DRAG_EVENTS = ['mousemove', 'mouseup', 'selectstart', 'dragstart'];

/** Where a view change came from; only the reader's own gestures and public calls are announced. */
export type ZoomCause = 'gesture' | 'code' | 'layout';

export interface ZoomCallbacks {
  /**
   * The window changed (at most once per animation frame). `settled` is true when the full layout
   * is due: once the window came to rest (or was set in one step), and at the first frame of a
   * gesture, so that a single wheel notch or a short drag is drawn in full at once and owes nothing
   * when it ends. It is false for the later frames of a gesture and for the frames of an animation,
   * for which a cheap preview will do. A settled call follows unsettled ones when the gesture or
   * the animation ends, even if the window did not change since.
   */
  onView(view: ViewWindow, settled: boolean): void;
  /** A zoom or pan settled. */
  onEnd(view: ViewWindow, cause: ZoomCause): void;
}

interface Point {
  /** Pixels from the left edge of the element. */
  x: number;
  y: number;
}

/** The times under the pointers of a drag or a pinch when they took hold, and the span then. */
interface Grab {
  grips: (Point & { time: number; id?: number })[];
  span: number;
  moved?: boolean;
}

/**
 * Owns the view window and the gestures that change it (Ctrl or ⌘ + wheel, mouse drag, two-finger
 * pinch, double-click). The window is the source of truth: gestures, buttons and keys all set it,
 * and the time scale is derived from it, never stored per mark. The newest gesture or call stops
 * whatever moved the window before it.
 */
export class ZoomController implements ReactiveController {
  /** The visible window now. */
  view: ViewWindow = [new Date(0), new Date(DAY)];
  /** The widest window: the padded extent of the data ("fit all"). */
  limits: ViewWindow = [new Date(0), new Date(DAY)];
  width = 0;
  rtl = false;
  reducedMotion = false;

  private target?: HTMLElement;
  private frame = 0;
  /** The last window reported, and whether a full layout of it is still owed. */
  private reported = this.view;
  private layoutOwed = false;
  /** A gesture has drawn its first frame (in full); its later frames are previews. */
  private underway = false;
  /** The window when the pointer or the fingers took hold: a press that moves nothing is no zoom. */
  private heldFrom?: ViewWindow;
  /** While a gesture outside this controller (the overview brush) runs, its end is reported on release. */
  private held = false;
  private motion?: MediaQueryList;
  private animation?: { from: ViewWindow; to: ViewWindow; start: number; cause: ZoomCause };
  /** The Ctrl + wheel gesture: the pixel and time it zooms around, and the timer that ends it. */
  private wheel?: { x: number; time: number; timer: number };
  private mouse?: Grab;
  private fingers?: Grab;

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: ZoomCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.motion ??= matchMedia('(prefers-reduced-motion: reduce)');
    this.reducedMotion = this.motion.matches;
    this.motion.addEventListener('change', this.motionChanged);
  }

  hostDisconnected(): void {
    this.motion?.removeEventListener('change', this.motionChanged);
    this.detach();
  }

  /** The reader may ask for less motion while the timeline is shown. */
  private readonly motionChanged = (event: MediaQueryListEvent): void => {
    this.reducedMotion = event.matches;
  };

  /** Listens for gestures on the element that receives them (one Lit always renders). */
  attach(element: HTMLElement): void {
    if (this.target === element) return;
    this.detach();
    this.target = element;
    // Touches too on every device: one whose touch screen is not announced still pinches. Only a
    // wheel and a touch move are ever prevented; the other listeners keep the page's scrolling quick.
    for (const type of GESTURE_EVENTS) {
      element.addEventListener(type, this.handle, { passive: type !== 'wheel' && type !== 'touchmove' });
    }
    this.sync(this.view, 'layout', false);
  }

  detach(): void {
    this.stop();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    for (const type of GESTURE_EVENTS) this.target?.removeEventListener(type, this.handle);
    this.target = undefined;
  }

  /** The time scale of the visible window, mirrored in right-to-left. */
  scale(): TimeScale {
    return viewScale(this.view, this.width, this.rtl);
  }

  /** Sets the widest window and the width; keeps the current window where it still fits. */
  configure(limits: ViewWindow, width: number, rtl: boolean, view?: ViewWindow): void {
    const changed =
      +limits[0] !== +this.limits[0] || +limits[1] !== +this.limits[1] || width !== this.width || rtl !== this.rtl;
    this.limits = limits;
    this.width = width;
    this.rtl = rtl;
    if (changed || view) this.sync(view ?? this.view, 'layout', false);
  }

  /** Shows the window from `start` to `end` (clamped to one day … fit all). */
  zoomTo(start: Date, end: Date, animate = true, cause: ZoomCause = 'code'): void {
    this.sync([start, end], cause, animate);
  }

  /** Zooms by `factor` (>1 zooms in) around `center` (default the middle of the window). */
  zoomBy(factor: number, center?: Date, cause: ZoomCause = 'code'): void {
    const [a, b] = this.view;
    const c = center ? +center : (+a + +b) / 2;
    const start = c - (c - +a) / factor;
    const end = c + (+b - c) / factor;
    this.zoomTo(new Date(start), new Date(end), true, cause);
  }

  /** Moves the window by a fraction of its width (positive goes later in time). */
  panBy(fraction: number, cause: ZoomCause = 'code'): void {
    const [a, b] = this.view;
    const shift = (+b - +a) * fraction;
    this.zoomTo(new Date(+a + shift), new Date(+b + shift), false, cause);
  }

  /** Moves the window so that `time` is in view, keeping the zoom level. */
  reveal(time: Date, cause: ZoomCause = 'code'): void {
    const [a, b] = this.view;
    const span = +b - +a;
    const margin = span * 0.1;
    if (+time >= +a + margin && +time <= +b - margin) return;
    this.zoomTo(new Date(+time - span / 2), new Date(+time + span / 2), true, cause);
  }

  /** Starts a gesture that moves the window in many steps; `release` reports its end once. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    this.callbacks.onEnd(this.view, 'gesture');
  }

  reset(cause: ZoomCause = 'code'): void {
    this.zoomTo(this.limits[0], this.limits[1], true, cause);
  }

  /** Shows a window, clamped to one day … fit all: in one step, or animated. */
  private sync(view: ViewWindow, cause: ZoomCause, animate: boolean): void {
    view = clampView(view, this.limits, DAY);
    this.stop();
    if (!this.target || this.width <= 0) {
      this.view = this.reported = view;
    } else if (animate && !this.reducedMotion) {
      this.animation = { from: this.view, to: view, start: performance.now(), cause };
      this.schedule();
    } else {
      this.view = view;
      this.settle(cause);
    }
  }

  /** Stops the animation or gesture under way, without reporting its end. */
  private stop(): void {
    this.animation = this.mouse = this.fingers = undefined;
    this.underway = false;
    clearTimeout(this.wheel?.timer);
    this.wheel = undefined;
    for (const type of DRAG_EVENTS) window.removeEventListener(type, this.handle, true);
  }

  private schedule(): void {
    this.frame ||= requestAnimationFrame(this.tick);
  }

  private readonly tick = (): void => {
    this.frame = 0;
    const animation = this.animation;
    if (animation) {
      const t = Math.min(1, (performance.now() - animation.start) / ANIMATION_MS);
      if (t === 1) {
        this.animation = undefined;
        this.view = animation.to;
        return this.settle(animation.cause);
      }
      this.view = between(animation.from, animation.to, ease(t));
      this.schedule();
      this.report(false);
      return;
    }
    if (this.report(false, !this.underway)) this.underway = true;
  };

  /** A step of a gesture: shown with the next frame. */
  private show(view: ViewWindow): void {
    this.view = view;
    this.schedule();
  }

  /**
   * The pointer or the last finger let go: the end of a pan or a pinch, unless the window is where
   * it was when they took hold (a click on a mark, a tap): that is no zoom, and nothing is announced.
   */
  private letGo(): void {
    const from = this.heldFrom;
    this.heldFrom = undefined;
    if (from && sameView(from, this.view)) this.report(true);
    else this.settle('gesture');
  }

  /** The window came to rest: reported now, and its end unless a hold is on. */
  private settle(cause: ZoomCause): void {
    this.underway = false;
    this.report(true);
    if (!this.held) this.callbacks.onEnd(this.view, cause);
  }

  /**
   * Reports the window if it changed, or if it came to rest with a full layout owed; `layout` asks
   * for one now. Whether it reported.
   */
  private report(settled: boolean, layout = settled): boolean {
    const changed = !sameView(this.view, this.reported);
    if (!changed && !(settled && this.layoutOwed)) return false;
    this.reported = this.view;
    this.layoutOwed = !layout;
    this.callbacks.onView(this.view, layout);
    return true;
  }

  private readonly handle = (event: Event): void => {
    switch (event.type) {
      case 'wheel':
        return this.wheeled(event as WheelEvent);
      case 'mousedown':
        if ((event as MouseEvent).button !== 0) return;
        this.stop();
        this.heldFrom = this.view;
        this.mouse = this.take([event as MouseEvent]);
        for (const type of DRAG_EVENTS) window.addEventListener(type, this.handle, true);
        return;
      case 'mousemove': {
        event.preventDefault();
        const mouse = this.mouse!;
        const point = this.point(event as MouseEvent);
        mouse.moved ||= point.x !== mouse.grips[0].x || point.y !== mouse.grips[0].y;
        return this.drag(mouse, [point]);
      }
      case 'mouseup': {
        event.preventDefault();
        // The click that ends a drag that moved does not reach the marks.
        if (this.mouse?.moved) {
          window.addEventListener('click', this.handle, true);
          setTimeout(() => window.removeEventListener('click', this.handle, true));
        }
        this.stop();
        return this.letGo();
      }
      case 'click':
      case 'selectstart':
      case 'dragstart':
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      case 'dblclick': {
        if ((event.target as Element).closest?.('[data-event-id],[data-cluster-count],button')) return;
        const { x } = this.point(event as MouseEvent);
        return this.zoomBy(2, this.scale().invert(x), 'gesture');
      }
      case 'touchmove': {
        const fingers = this.fingers;
        if (!fingers) return;
        event.preventDefault();
        const touches = [...(event as TouchEvent).touches];
        const points = fingers.grips.map((grip) => {
          const touch = touches.find((candidate) => candidate.identifier === grip.id);
          return touch ? this.point(touch) : grip;
        });
        return this.drag(fingers, points);
      }
      case 'touchstart':
      case 'touchend':
      case 'touchcancel': {
        // One finger is the page's: it scrolls. Two take hold of the timeline, and the one left
        // when the other lifts pans it; each change of fingers takes hold anew.
        const touches = [...(event as TouchEvent).touches].slice(0, 2);
        if (!this.fingers && (event.type !== 'touchstart' || touches.length < 2)) return;
        if (!this.fingers) {
          this.stop();
          this.heldFrom = this.view;
        }
        if (touches.length) {
          this.fingers = this.take(touches);
        } else {
          this.fingers = undefined;
          this.letGo();
        }
      }
    }
  };

  private wheeled(event: WheelEvent): void {
    if (!event.ctrlKey && !event.metaKey) return;
    const { x } = this.point(event);
    const time = this.wheel?.x === x ? this.wheel.time : +this.scale().invert(x);
    // A trackpad pinch arrives as a Ctrl + wheel with small deltas; a mouse notch with Ctrl is
    // one 100-pixel delta. Both zoom by about 1.4x per notch.
    const zoom = 2 ** (-event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * 2.5);
    const view = this.place(time, x, (+this.view[1] - +this.view[0]) / zoom);
    // Already as far as it goes: the wheel is not taken (the browser may zoom the page).
    if (!this.wheel && sameView(view, this.view)) return;
    event.preventDefault();
    if (this.wheel) clearTimeout(this.wheel.timer);
    else this.stop();
    const timer = window.setTimeout(() => {
      this.wheel = undefined;
      this.settle('gesture');
    }, WHEEL_IDLE_MS);
    this.wheel = { x, time, timer };
    this.show(view);
  }

  private point(event: { clientX: number; clientY: number }): Point {
    return { x: event.clientX - (this.target?.getBoundingClientRect().left ?? 0), y: event.clientY };
  }

  private take(pointers: readonly (MouseEvent | Touch)[]): Grab {
    const grips = pointers.map((pointer) => {
      const point = this.point(pointer);
      return { ...point, time: +this.scale().invert(point.x), id: 'identifier' in pointer ? pointer.identifier : undefined };
    });
    return { grips, span: +this.view[1] - +this.view[0] };
  }

  /** Keeps the times held under the pointers; two pointers also stretch the span as they part. */
  private drag(grab: Grab, points: readonly Point[]): void {
    const [a, b = a] = grab.grips;
    const [p, q = p] = points;
    const stretch = a === b ? 1 : Math.hypot(a.x - b.x, a.y - b.y) / Math.hypot(p.x - q.x, p.y - q.y);
    this.show(this.place((a.time + b.time) / 2, (p.x + q.x) / 2, grab.span * stretch));
  }

  private fraction(x: number): number {
    return (this.rtl ? this.width - x : x) / this.width;
  }

  /** The window `span` wide (one day … fit all) that shows `time` at `x` px, kept within the limits. */
  private place(time: number, x: number, span: number): ViewWindow {
    span = Math.round(Math.max(DAY, Math.min(+this.limits[1] - +this.limits[0], span)));
    const start = Math.round(time - this.fraction(x) * span);
    return clampView([new Date(start), new Date(start + span)], this.limits, DAY);
  }
}

/** Whether two windows are the same, to the millisecond. */
export function sameView(a: readonly [Date, Date], b: readonly [Date, Date]): boolean {
  return +a[0] === +b[0] && +a[1] === +b[1];
}

/** Cubic ease in and out, d3's default for transitions. */
function ease(t: number): number {
  return ((t *= 2) <= 1 ? t * t * t : (t -= 2) * t * t + 2) / 2;
}

/**
 * The window a fraction `t` of the way from `from` to `to`. Its span changes at a steady rate (in
 * log scale), and its ends move in step with the span, so that a time both windows show at the
 * same place stays there (a zoom around a point keeps that point still).
 */
function between(from: ViewWindow, to: ViewWindow, t: number): ViewWindow {
  const [a0, b0, a1, b1] = [+from[0], +from[1], +to[0], +to[1]];
  const w0 = b0 - a0;
  const w1 = b1 - a1;
  const s = w0 === w1 ? t : (w0 - w0 * (w1 / w0) ** t) / (w0 - w1);
  return [new Date(a0 + (a1 - a0) * s), new Date(b0 + (b1 - b0) * s)];
}
