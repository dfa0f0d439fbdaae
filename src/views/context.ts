import type { Translator } from '../i18n/index.js';
import type { TimelineEvent, TypeInfo } from '../model/types.js';
import { formatEventDate, formatEventRange, typeName } from '../i18n/index.js';

/** What every view needs to speak the reader's language. */
export interface ViewContext {
  tr: Translator;
  locale: string;
  rtl: boolean;
  typeLabel(type: string): string;
}

/** The context for a translator, a direction and the types a story declares. */
export function viewContext(tr: Translator, rtl: boolean, types: Readonly<Record<string, TypeInfo>> = {}): ViewContext {
  return { tr, locale: tr.locale, rtl, typeLabel: (type) => typeName(type, types, tr) };
}

/**
 * The date of an event at its precision, or its range when it has an end; a year a Date cannot hold
 * in words ("13.8 billion years ago" with the widget's words `t`, "300,000 BC").
 */
export function eventWhen(event: TimelineEvent, locale: string, t?: Translator): string {
  if (event.farYear !== undefined || event.endFarYear !== undefined) {
    const start = formatEventDate(event.date, event.precision, locale, event.farYear, t);
    return event.end ? `${start} – ${formatEventDate(event.end, event.endPrecision ?? event.precision, locale, event.endFarYear, t)}` : start;
  }
  return event.end
    ? formatEventRange(event.date, event.precision, event.end, event.endPrecision ?? event.precision, locale)
    : formatEventDate(event.date, event.precision, locale);
}

/** The accessible name of an event mark: "Talks, 6 October 2025: Indirect talks open …". */
export function eventName(event: TimelineEvent, context: ViewContext): string {
  return context.tr.t('announceSelected', {
    type: context.typeLabel(event.type),
    date: eventWhen(event, context.locale, context.tr),
    title: event.title,
  });
}
