import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The width of one element the host renders (its frame: a page may make the host itself inline,
 * and an inline box reports no width). A new width is applied in the next frame, so that the height
 * it causes is not reported back within the same observation ("ResizeObserver loop" errors).
 */
export class WidthController implements ReactiveController {
  /** The observed element's width (px), whole. */
  width = 0;
  private frame = 0;
  /** The elements watched, again each time the host is connected. */
  private readonly targets = new Set<Element>();
  // The browser's ResizeObserver, as @lit-labs/observers' ResizeController uses it (the host
  // updates after each observation), without its template directive, which the widget has no use for.
  private readonly observer = new ResizeObserver((entries) => {
    this.measured(entries[0]?.contentRect.width);
    this.host.requestUpdate();
  });

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const target of this.targets) this.observe(target);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Watches `element` from now on. */
  observe(element: Element): void {
    this.targets.add(element);
    this.observer.observe(element);
    this.host.requestUpdate();
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
