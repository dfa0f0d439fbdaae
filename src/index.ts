import { NewsTimeline } from './news-timeline.js';
import { trustedTypesAllowed } from './lit-global.js';

export { NewsTimeline };
export { TimelineLoadEvent, TimelineErrorEvent, TimelineSelectEvent, TimelineZoomEvent } from './events.js';
export type { TimelineLoadDetail, TimelineErrorDetail, TimelineSelectDetail, TimelineZoomDetail } from './events.js';
export type { TimelineEvent, Source, Figure, Problem, Dataset, Precision } from './model/types.js';

/** Marks the widget's class, so that a second copy of the widget knows the first for its own. */
const WIDGET = Symbol.for('news-timeline.element');
Object.defineProperty(NewsTimeline, WIDGET, { value: true });

// Guarded: loading the bundle twice, or both bundles on one page, registers the element once and
// says nothing. Another element under the name is named in one warning.
const registered = customElements.get('news-timeline');
if (!registered) {
  if (trustedTypesAllowed()) customElements.define('news-timeline', NewsTimeline);
} else if (!(WIDGET in registered)) {
  console.warn(
    `<news-timeline>: another element is already registered under this name (${registered.name || 'an unnamed class'}), ` +
      'so this timeline script does nothing. Remove one of the two scripts, or load the other element under another name.',
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'news-timeline': NewsTimeline;
  }
}
