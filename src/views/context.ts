import type { Translator } from '../i18n/index.js';
import type { MeasureInfo, TimelineEvent, TypeInfo } from '../model/types.js';
import { localName } from '../model/names.js';
import { formatEventDate, formatEventRange, typeName } from '../i18n/index.js';

/** What every view needs to speak the reader's language. */
export interface ViewContext {
  tr: Translator;
  locale: string;
  rtl: boolean;
  /** A type's name in the reader's language (see `typeName`). */
  typeLabel(type: string): string;
  /** A measure's name in the reader's language: the data's `labels`, else the figure label as written. */
  measureLabel(measure: string): string;
  /**
   * A name from the data set inside the widget's own words (an accessible name, an announcement):
   * in an isolate, so that its brackets, colons and direction stay its own.
   */
  isolate(text: string): string;
}

/** Letters of scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko…, and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * The text between U+2068 (first strong isolate) and U+2069 (pop directional isolate) when it holds
 * right-to-left letters and the words around it run left to right. (In a right-to-left language
 * the translator isolates every value it fills in; text of a left-to-right reader's direction is
 * left as it is.)
 */
export function isolateText(text: string, rtl: boolean): string {
  return text !== '' && !rtl && RTL_LETTER.test(text) ? `\u2068${text}\u2069` : text;
}

/** The context for a translator, a direction, and the types and measures a story declares. */
export function viewContext(
  tr: Translator,
  rtl: boolean,
  types: Readonly<Record<string, TypeInfo>> = {},
  measures: Readonly<Record<string, MeasureInfo>> = {},
): ViewContext {
  const wordsRtl = tr.dir === 'rtl';
  return {
    tr,
    locale: tr.locale,
    rtl,
    typeLabel: (type) => typeName(type, types, tr),
    measureLabel: (measure) => localName(measure, Object.hasOwn(measures, measure) ? measures[measure].labels : undefined, tr.locale),
    isolate: (text) => isolateText(text, wordsRtl),
  };
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
    type: context.isolate(context.typeLabel(event.type)),
    date: eventWhen(event, context.locale, context.tr),
    title: context.isolate(event.title),
  });
}
