import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { GEOMETRY, plotRoom } from '../layout/geometry.js';

/**
 * The size of the boxes the host renders: its frame (a page may make the host itself inline, and
 * an inline box reports no width) and its toolbar, whose height the plot shares the frame with. A
 * new size is applied in the next frame, so that the height it causes is not reported back within
 * the same observation ("ResizeObserver loop" errors).
 */
export class SizeController implements ReactiveController {
  /** The frame's width (px), whole. */
  width = 0;
  /** The frame's height (px), whole: the element's, which the page or its default sets. */
  height = 0;
  /** The toolbar's height (px), once it was drawn; 0 before. */
  toolbar = 0;
  /**
   * A page rule beat the host's own style and made it inline (`* { all: unset }`): an inline box
   * has no height to share out, so the frame keeps the default height itself.
   */
  inline = false;
  private frame = 0;
  /** Sizes observed since the last frame, by box. */
  private readonly pending = new Map<Element, { width: number; height: number }>();
  private watched?: Element;
  private toolbarBox?: Element;
  // The browser's ResizeObserver, watched again each time the host is connected; the host updates
  // when a size it uses changed.
  private readonly observer = new ResizeObserver((entries) => this.measured(entries));

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const box of [this.watched, this.toolbarBox]) if (box) this.observer.observe(box);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Watches `element` (the frame) from now on. */
  observe(element: Element): void {
    this.watched = element;
    this.observer.observe(element);
  }

  /** Watches the toolbar drawn now (none: forgets the last). */
  observeToolbar(toolbar: Element | null): void {
    if (toolbar === (this.toolbarBox ?? null)) return;
    if (this.toolbarBox) this.observer.unobserve(this.toolbarBox);
    this.toolbarBox = toolbar ?? undefined;
    if (toolbar) this.observer.observe(toolbar);
  }

  /** Takes the size of `element` at once, when none is known yet (before the first drawing). */
  take(element: Element): void {
    if (this.width && this.height) return;
    this.inline = isInline(this.host);
    const box = element.getBoundingClientRect();
    this.width ||= Math.floor(box.width);
    this.height ||= this.inline ? GEOMETRY.defaultHeight : Math.floor(box.height);
  }

  /** The plot's room (px): what the toolbar and the overview leave of the frame's height. */
  get room(): number {
    return plotRoom(this.height, this.toolbar, this.width);
  }

  private measured(entries: readonly ResizeObserverEntry[]): void {
    for (const entry of entries) {
      this.pending.set(entry.target, { width: entry.contentRect.width, height: entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height });
    }
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      let changed = false;
      const sizes = [...this.pending].map(([target, size]) => ({ target, ...size }));
      this.pending.clear();
      const inline = isInline(this.host);
      if (inline !== this.inline) [this.inline, changed] = [inline, true];
      for (const { target, width, height } of sizes) {
        if (target === this.watched) {
          const tall = inline ? GEOMETRY.defaultHeight : Math.floor(height);
          changed ||= Math.floor(width) !== this.width || tall !== this.height;
          [this.width, this.height] = [Math.floor(width), tall];
        } else if (target === this.toolbarBox && Math.ceil(height) !== this.toolbar) {
          this.toolbar = Math.ceil(height);
          changed = true;
        }
      }
      if (changed) this.host.requestUpdate();
    });
  }
}

const isInline = (element: Element) => getComputedStyle(element).display === 'inline';
