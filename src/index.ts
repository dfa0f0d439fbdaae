import { NewsTimeline } from './news-timeline.js';

export { NewsTimeline };
export { TimelineLoadEvent, TimelineErrorEvent, TimelineSelectEvent, TimelineZoomEvent } from './events.js';
export type { TimelineLoadDetail, TimelineErrorDetail, TimelineSelectDetail, TimelineZoomDetail } from './events.js';
export type { TimelineEvent, Source, Figure, Problem, Dataset, Precision } from './model/types.js';

// Guarded so that loading the bundle twice, or both bundles on one page, does not throw.
if (!customElements.get('news-timeline')) customElements.define('news-timeline', NewsTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'news-timeline': NewsTimeline;
  }
}
