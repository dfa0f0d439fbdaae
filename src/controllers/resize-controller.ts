import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';

/**
 * The width of one element the host renders (its frame: a page may make the host itself inline,
 * and an inline box reports no width). A new width is applied in the next frame, so that the height
 * it causes is not reported back within the same observation ("ResizeObserver loop" errors).
 */
export class WidthController implements ReactiveController {
  /** The observed element's width (px), whole. */
  width = 0;
  private frame = 0;
  private readonly observer: ResizeController<void>;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
    this.observer = new ResizeController(host, {
      target: null,
      skipInitial: true,
      callback: (entries) => this.measured(entries[0]?.contentRect.width),
    });
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Watches `element` from now on. */
  observe(element: Element): void {
    this.observer.observe(element);
  }

  /** Takes the width of `element` at once, when none is known yet (before the first drawing). */
  take(element: Element): void {
    if (!this.width) this.width = Math.floor(element.getBoundingClientRect().width);
  }

  private measured(width: number | undefined): void {
    if (width === undefined) return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (Math.floor(width) === this.width) return;
      this.width = Math.floor(width);
      this.host.requestUpdate();
    });
  }
}
