import { formatCompact, formatEventDate, formatNumber, type Translator } from '../i18n/index.js';
import type { ClusterMark } from '../layout/marks.js';
import type { TimelineEvent } from '../model/types.js';
import { eventName as nameOf, type ViewContext } from './context.js';

// A zoom step redraws every mark; the words of each (dates and counts through Intl) are the
// same at every step, so they are formatted once per translator and event.
type PerEvent<T> = WeakMap<Translator, WeakMap<TimelineEvent, T>>;
const names: PerEvent<string> = new WeakMap();
const dates: PerEvent<string> = new WeakMap();
const clusterWords: PerEvent<Map<string, { label: string; count: string }>> = new WeakMap();

function remember<T>(cache: PerEvent<T>, context: ViewContext, event: TimelineEvent, make: () => T): T {
  let byEvent = cache.get(context.tr);
  if (!byEvent) cache.set(context.tr, (byEvent = new WeakMap()));
  let value = byEvent.get(event);
  if (value === undefined) byEvent.set(event, (value = make()));
  return value;
}

/** The accessible name of an event's mark, formatted once per language. */
export function eventName(event: TimelineEvent, context: ViewContext): string {
  return remember(names, context, event, () => nameOf(event, context));
}

/** An event's date at its precision, formatted once per language. */
export function dateOf(event: TimelineEvent, context: ViewContext): string {
  return remember(dates, context, event, () => formatEventDate(event.date, event.precision, context.locale, event.farYear, context.tr));
}

/** The accessible name and the count shown of a mark that stands for several events. */
export function clusterText(mark: ClusterMark, context: ViewContext): { label: string; count: string } {
  const { first, last } = mark;
  const byRest = remember(clusterWords, context, first, () => new Map<string, { label: string; count: string }>());
  const key = `${mark.count}|${last.id}|${mark.oneMoment ? 1 : 0}`;
  let words = byRest.get(key);
  if (!words) {
    const count = mark.count;
    words = {
      label: mark.oneMoment
        ? context.tr.plural('momentLabel', count, { date: dateOf(first, context) })
        : context.tr.plural('clusterLabel', count, { start: dateOf(first, context), end: dateOf(last, context) }),
      count: count >= 10_000 ? formatCompact(count, context.locale) : formatNumber(count, context.locale),
    };
    byRest.set(key, words);
  }
  return words;
}
