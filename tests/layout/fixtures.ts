import type { Precision, TimelineEvent } from '../../src/model/types.js';

/** A minimal valid event for layout tests. */
export function ev(
  id: string,
  date: string | number,
  more: Partial<Omit<TimelineEvent, 'end'>> & { end?: string | number | Date } = {},
): TimelineEvent {
  const { end, ...rest } = more;
  const event: TimelineEvent = {
    id,
    type: 'talks',
    date: new Date(date),
    precision: 'day' as Precision,
    title: id,
    sources: [{ url: 'https://example.org/' }],
    ...rest,
  };
  if (end !== undefined) event.end = end instanceof Date ? end : new Date(end);
  return event;
}

/** Events sorted the way the model delivers them. */
export function sorted(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id));
}

export const utc = (iso: string) => new Date(iso).getTime();
