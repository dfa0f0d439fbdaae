import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { scaleUtc, type TimeScale } from '../layout/scale.js';
import { select, type Selection } from 'd3-selection';
import { clampView } from '../layout/extent.js';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';

export type ViewWindow = [Date, Date];

const DAY = 86_400_000;
const ANIMATION_MS = 300;

/** Where a view change came from; only the reader's own gestures and public calls are announced. */
export type ZoomCause = 'gesture' | 'code' | 'layout';

export interface ZoomCallbacks {
  /**
   * The window changed (at most once per animation frame). `settled` is false while a gesture or
   * an animation is still moving it (a cheap preview will do), and true once it came to rest (or
   * was set in one step), when the full layout is due. A settled call also follows unsettled ones
   * whose window did not change since.
   */
  onView(view: ViewWindow, settled: boolean): void;
  /** A zoom or pan settled. */
  onEnd(view: ViewWindow, cause: ZoomCause): void;
}

/**
 * Owns the view window and the d3-zoom behaviour that changes it. The window is the source of
 * truth: gestures, buttons and keys all go through `zoom.transform`, and the time scale is
 * derived from the transform (`rescaleX`), never stored per mark.
 */
export class ZoomController implements ReactiveController {
  /** The visible window now. */
  view: ViewWindow = [new Date(0), new Date(DAY)];
  /** The widest window: the padded extent of the data ("fit all"). */
  limits: ViewWindow = [new Date(0), new Date(DAY)];
  width = 0;
  rtl = false;
  reducedMotion = false;

  private readonly behavior: ZoomBehavior<HTMLElement, unknown>;
  private target?: Selection<HTMLElement, unknown, null, undefined>;
  private frame = 0;
  private pending?: ZoomTransform;
  /** The last window reported was not settled. */
  private moving = false;
  private cause: ZoomCause = 'gesture';
  /** While a gesture outside d3-zoom (the overview brush) runs, its end is reported on release. */
  private held = false;
  private motion?: MediaQueryList;

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: ZoomCallbacks,
  ) {
    host.addController(this);
    this.behavior = zoom<HTMLElement, unknown>()
      .filter((event: Event) => {
        if (event.type === 'wheel') {
          const wheel = event as WheelEvent;
          return wheel.ctrlKey || wheel.metaKey;
        }
        if (event.type === 'mousedown') return (event as MouseEvent).button === 0;
        // One finger is the page's: it scrolls. Two fingers pinch and pan the timeline.
        if (event.type === 'touchstart') return (event as TouchEvent).touches.length >= 2;
        return true;
      })
      // Listen to touches on every device: one whose touch screen is not announced still pinches.
      .touchable(() => true)
      // A trackpad pinch arrives as a Ctrl + wheel with small deltas; a mouse notch with Ctrl is
      // one 100-pixel delta. Both zoom by about 1.4x per notch.
      .wheelDelta((event: WheelEvent) => -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * 2.5)
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => this.schedule(event.transform))
      .on('end', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        this.flush(event.transform, true);
        const cause = this.cause;
        this.cause = 'gesture';
        if (!this.held) this.callbacks.onEnd(this.view, cause);
      });
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

  /** Attaches the behaviour to the element that receives gestures (one Lit always renders). */
  attach(element: HTMLElement): void {
    if (this.target?.node() === element) return;
    this.detach();
    this.target = select(element);
    this.target.call(this.behavior).on('dblclick.zoom', null);
    this.target.on('dblclick.timeline', (event: MouseEvent) => {
      if ((event.target as Element).closest?.('[data-event-id],[data-cluster-count],button')) return;
      const [x] = pointerX(event, element);
      this.zoomBy(2, this.scale().invert(x));
    });
    this.sync(this.view, 'layout', false);
  }

  detach(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.target) return;
    this.target.interrupt?.();
    this.target.on('.zoom', null).on('.timeline', null);
    this.target = undefined;
  }

  /** The time scale of the visible window, mirrored in right-to-left. Shared: do not modify it. */
  scale(): TimeScale {
    return this.cachedScale(this.view, 'view');
  }

  // A d3 time scale costs more to build than to use (it sets up its tick formats): every frame
  // of a gesture asks for the same few, so the last one of each kind is kept.
  private readonly scales = new Map<string, { key: string; scale: TimeScale }>();

  private cachedScale(domain: ViewWindow, kind: string): TimeScale {
    const range = this.range();
    const key = `${+domain[0]}|${+domain[1]}|${range[0]}|${range[1]}`;
    const cached = this.scales.get(kind);
    if (cached?.key === key) return cached.scale;
    const scale = scaleUtc().domain([new Date(+domain[0]), new Date(+domain[1])]).range(range);
    this.scales.set(kind, { key, scale });
    return scale;
  }

  /** Sets the widest window and the width; keeps the current window where it still fits. */
  configure(limits: ViewWindow, width: number, rtl: boolean, view?: ViewWindow): void {
    const changed =
      +limits[0] !== +this.limits[0] || +limits[1] !== +this.limits[1] || width !== this.width || rtl !== this.rtl;
    this.limits = limits;
    this.width = width;
    this.rtl = rtl;
    const spanLimit = +limits[1] - +limits[0];
    this.behavior.scaleExtent([1, Math.max(1, spanLimit / DAY)]);
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

  private range(): [number, number] {
    return this.rtl ? [this.width, 0] : [0, this.width];
  }

  private baseScale(): TimeScale {
    return this.cachedScale(this.limits, 'limits');
  }

  private transformFor(view: ViewWindow): ZoomTransform {
    const base = this.baseScale();
    const k = (+this.limits[1] - +this.limits[0]) / Math.max(1, +view[1] - +view[0]);
    return zoomIdentity.translate(this.range()[0] - k * base(view[0]), 0).scale(k);
  }

  /** Hands a window, clamped to one day … fit all, to the zoom behaviour, which reports it back. */
  private sync(view: ViewWindow, cause: ZoomCause, animate: boolean): void {
    view = clampView(view, this.limits, DAY);
    if (!this.target || this.width <= 0) {
      this.view = view;
      return;
    }
    this.behavior.extent([
      [0, 0],
      [this.width, 1],
    ]);
    this.behavior.translateExtent([
      [0, -Infinity],
      [this.width, Infinity],
    ]);
    this.cause = cause;
    const transform = this.transformFor(view);
    if (animate && !this.reducedMotion) {
      this.target.interrupt();
      this.target.transition().duration(ANIMATION_MS).call(this.behavior.transform, transform);
    } else {
      this.target.interrupt();
      this.behavior.transform(this.target, transform);
    }
  }

  private schedule(transform: ZoomTransform): void {
    this.pending = transform;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.pending) this.flush(this.pending, false);
    });
  }

  private flush(transform: ZoomTransform, settled: boolean): void {
    this.pending = undefined;
    // As transform.rescaleX(base).domain(), without building a scale.
    const base = this.baseScale();
    const domain = base.range().map((x) => base.invert(transform.invertX(x))) as ViewWindow;
    const changed = +domain[0] !== +this.view[0] || +domain[1] !== +this.view[1];
    if (!changed && !(settled && this.moving)) return;
    if (changed) this.view = domain;
    this.moving = !settled;
    this.callbacks.onView(this.view, settled);
  }
}

function pointerX(event: MouseEvent, element: HTMLElement): [number, number] {
  const box = element.getBoundingClientRect();
  return [event.clientX - box.left, event.clientY - box.top];
}

declare module 'd3-selection' {
  interface Selection<GElement, Datum, PElement, PDatum> {
    interrupt(name?: string): this;
    transition(name?: string): {
      duration(ms: number): { call(fn: (...args: never[]) => void, ...args: unknown[]): void };
    };
  }
}
