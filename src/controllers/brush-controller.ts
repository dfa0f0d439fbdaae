import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimeScale } from '../layout/scale.js';

type Grip = 'move' | 'start' | 'end' | 'jump';

export interface BrushCallbacks {
  /** The overview's scale now (the whole story over the strip's width). */
  scale(): TimeScale | undefined;
  view(): [Date, Date];
  /** The reader moved or resized the brush to this window. */
  onBrush(view: [Date, Date]): void;
  /** The reader let go. */
  onBrushEnd(): void;
}

/**
 * Drags and resizes the overview's brush with pointer events (mouse, pen and touch alike).
 * A press outside the brush centres the window there.
 */
export class BrushController implements ReactiveController {
  private strip?: HTMLElement;
  private drag?: { grip: Grip; pointerId: number; startX: number; view: [number, number] };

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: BrushCallbacks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.attach(undefined);
  }

  attach(strip: HTMLElement | undefined): void {
    if (strip === this.strip) return;
    this.strip?.removeEventListener('pointerdown', this.down);
    this.strip = strip;
    strip?.addEventListener('pointerdown', this.down);
  }

  private readonly down = (event: PointerEvent): void => {
    const scale = this.callbacks.scale();
    if (!scale || !this.strip || event.button > 0) return;
    const grip = ((event.target as HTMLElement).dataset.brush as Grip | undefined) ?? 'jump';
    const [a, b] = this.callbacks.view();
    const x = this.localX(event);
    if (grip === 'jump') {
      const span = +b - +a;
      const centre = +scale.invert(x);
      this.callbacks.onBrush([new Date(centre - span / 2), new Date(centre + span / 2)]);
    }
    const view = grip === 'jump' ? this.callbacks.view() : [a, b];
    this.drag = { grip: grip === 'jump' ? 'move' : grip, pointerId: event.pointerId, startX: x, view: [+view[0], +view[1]] };
    this.strip.setPointerCapture?.(event.pointerId);
    this.strip.addEventListener('pointermove', this.move);
    this.strip.addEventListener('pointerup', this.up);
    this.strip.addEventListener('pointercancel', this.up);
    event.preventDefault();
  };

  private readonly move = (event: PointerEvent): void => {
    const scale = this.callbacks.scale();
    if (!scale || !this.drag || event.pointerId !== this.drag.pointerId) return;
    const msPerPx = Math.abs(+scale.invert(1) - +scale.invert(0));
    const direction = scale(new Date(1)) > scale(new Date(0)) ? 1 : -1;
    const shift = (this.localX(event) - this.drag.startX) * msPerPx * direction;
    let [a, b] = this.drag.view;
    if (this.drag.grip === 'move') {
      a += shift;
      b += shift;
    } else if (this.drag.grip === 'start') {
      a = Math.min(a + shift, b);
    } else {
      b = Math.max(b + shift, a);
    }
    this.callbacks.onBrush([new Date(a), new Date(b)]);
  };

  private readonly up = (event: PointerEvent): void => {
    if (!this.drag || event.pointerId !== this.drag.pointerId) return;
    this.drag = undefined;
    this.strip?.removeEventListener('pointermove', this.move);
    this.strip?.removeEventListener('pointerup', this.up);
    this.strip?.removeEventListener('pointercancel', this.up);
    this.callbacks.onBrushEnd();
  };

  private localX(event: PointerEvent): number {
    return event.clientX - (this.strip?.getBoundingClientRect().left ?? 0);
  }
}
