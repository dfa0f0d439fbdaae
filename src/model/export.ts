import { formatIsoDate, formatYear } from './dates.js';
import type { Dataset, Figure, LocalNames, MeasureInfo, Source, TimelineEvent } from './types.js';

/** A native event (format version 1) as JSON data. */
export interface NativeEvent {
  id: string;
  type: string;
  date: string;
  end?: string;
  title: string;
  /** The event has no title of its own (see TimelineEvent.untitled); `title` is then empty. */
  untitled?: true;
  label?: string;
  milestone?: true;
  summary?: string;
  place?: string;
  sources: Source[];
  figures?: Figure[];
}

/** A native document (format version 1) as JSON data. */
export interface NativeDocument {
  title?: string;
  description?: string;
  types: Record<string, { label?: string; color?: string; labels?: LocalNames }>;
  measures?: Record<string, MeasureInfo>;
  events: NativeEvent[];
}

function isoOf(date: Date, precision: TimelineEvent['precision'], farYear?: number): string {
  return farYear !== undefined ? formatYear(farYear) : formatIsoDate(date, precision);
}

/**
 * A dataset in the native format, version 1 (dates back to ISO text at their precision), so any
 * input can be saved as native JSON; `readData(toNative(dataset))` gives the same dataset back.
 */
export function toNative(dataset: Dataset): NativeDocument {
  const doc: NativeDocument = { types: {}, events: [] };
  if (dataset.title) doc.title = dataset.title;
  if (dataset.description) doc.description = dataset.description;
  for (const name of Object.keys(dataset.types)) {
    const info = dataset.types[name];
    const type: { label?: string; color?: string; labels?: LocalNames } = {};
    if (info?.label) type.label = info.label;
    if (info?.color) type.color = info.color;
    if (info?.labels) type.labels = { ...info.labels };
    Object.defineProperty(doc.types, name, { value: type, enumerable: true, writable: true, configurable: true });
  }
  if (dataset.measures) {
    const measures: Record<string, MeasureInfo> = {};
    for (const name of Object.keys(dataset.measures)) {
      const info = dataset.measures[name];
      const measure: MeasureInfo = {};
      if (info?.labels) measure.labels = { ...info.labels };
      if (info?.highlight?.length) measure.highlight = [...info.highlight];
      Object.defineProperty(measures, name, { value: measure, enumerable: true, writable: true, configurable: true });
    }
    if (Object.keys(measures).length > 0) doc.measures = measures;
  }
  doc.events = dataset.events.map((event) => {
    const out = { id: event.id, type: event.type, date: isoOf(event.date, event.precision, event.farYear) } as NativeEvent;
    if (event.end) out.end = isoOf(event.end, event.endPrecision ?? event.precision, event.endFarYear);
    out.title = event.title;
    if (event.untitled) out.untitled = true;
    if (event.label) out.label = event.label;
    if (event.milestone) out.milestone = true;
    if (event.summary) out.summary = event.summary;
    if (event.place) out.place = event.place;
    out.sources = event.sources.map((source) => {
      const copy: Source = { url: source.url };
      if (source.title) copy.title = source.title;
      if (source.publisher) copy.publisher = source.publisher;
      if (source.date) copy.date = source.date;
      return copy;
    });
    if (event.figures?.length) {
      out.figures = event.figures.map((figure) => {
        const copy: Figure = { label: figure.label, value: figure.value, reportedBy: figure.reportedBy };
        if (figure.qualifier) copy.qualifier = figure.qualifier;
        // An unattributed figure is written without reportedBy, so it reads back the same way.
        if (!figure.reportedBy) delete (copy as Partial<Figure>).reportedBy;
        return copy;
      });
    }
    return out;
  });
  return doc;
}
