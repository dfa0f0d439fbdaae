// Checks events as the readers found them (native field names, values as found) and turns the
// valid ones into TimelineEvents. All three formats end up here, so the rules are in one place.
import { group } from 'd3-array';
import { isCssColor } from './colors.js';
import { dateFromInstant, dateFromParts, dateOrder, dateTextError, formatIsoDate, formatYear, lastMomentOf, parseDate, yearInWords, type DateParse } from './dates.js';
import { own } from './fields.js';
import { readLocalNames } from './names.js';
import { count, describe, placeInWords, quote, type EventTag, type Place, type ProblemList } from './problems.js';
import { cut, slug } from './text.js';
import {
  BUILT_IN_TYPES,
  FALLBACK_TYPE,
  type Figure,
  type Precision,
  type ProblemKind,
  type Source,
  type TimelineEvent,
  type TypeInfo,
} from './types.js';
import { webLink } from './urls.js';

/** Longest text kept in any field; longer text is cut, with a warning. */
export const TEXT_LIMIT = 10_000;
/** Longest title, id, type name or label kept. */
export const TITLE_LIMIT = 500;
/** Most events read from one input; the rest are left out with an error. */
export const EVENT_LIMIT = 500_000;
/** Most sources or figures read for one event. */
export const ITEM_LIMIT = 1_000;

/** How many events are read between two points where a caller may pause (see readDataInSlices): few, so that a slice ends close to its time even on a slow phone. */
export const STEP = 16;

/** A reader that pauses (yields) every STEP events, so that a caller can spread the work out. */
export type Steps<T> = Generator<void, T, void>;

/** Runs work written as steps to its end, without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** One event as a reader found it, before any checking. */
export interface EventDraft {
  /** Position (0-based) in the input's list of events. */
  index: number;
  /** The event with native field names; values as found (a native event is passed as it is). */
  fields: unknown;
  /** Whatever the reader needs to say where a field came from. */
  meta?: unknown;
}

/**
 * Where a field of an event is in the input: `field` a native field name (none for the event
 * itself), `item` the position in `sources` or `figures`, `key` the field of that item.
 */
export type Locator = (draft: EventDraft, field?: string, item?: number, key?: string) => Place;

/** A date a reader has already read (TimelineJS gives dates as parts), with where its parts are. */
export class ReadDate {
  constructor(
    readonly result: DateParse,
    readonly place?: Place,
  ) {}
}

export interface NormalizeOptions {
  baseUrl?: string;
  /**
   * Formats that cannot declare types (CSV, TimelineJS groups) declare each new type as they meet
   * it, labelled as written. The native format declares types in `types`, so there an unknown
   * type is more likely a typo: it falls back to `other` with a warning.
   */
  declareNewTypes: boolean;
}

/** The shared state of one read: problems found so far and the declared types. */
export class Normalizer {
  readonly types: Record<string, TypeInfo> = {};
  private readonly typeByLowerName = new Map<string, string>();
  private readonly candidates: Candidate[] = [];
  private readonly report: Report = new Report(this);

  constructor(
    readonly problems: ProblemList,
    readonly locate: Locator,
    readonly options: NormalizeOptions,
  ) {}

  /** Declares a type; checks its label and colour. Returns the type's name. */
  declareType(name: string, info: unknown, place: Place): string | null {
    const key = cut(name.trim(), TITLE_LIMIT);
    if (key === '') {
      this.problems.error(place, 'A type has an empty name, so it is not used. Give it a short name, like "agreement".');
      return null;
    }
    const declared: TypeInfo = {};
    if (info !== undefined && info !== null) {
      if (typeof info !== 'object' || Array.isArray(info)) {
        this.problems.error(place, `The type ${quote(key)} should be described as an object like {"label": "Agreements", "color": "#2a7d4f"}; found ${describe(info)}. It is declared without a label or colour.`);
      } else {
        const label = own(info, 'label');
        const color = own(info, 'color');
        const labels = own(info, 'labels');
        if (typeof label === 'string' && label.trim() !== '') declared.label = cut(label.trim(), TITLE_LIMIT);
        else if (label !== undefined && label !== null && typeof label !== 'string') {
          this.problems.error({ path: `${place.path}.label` }, `The label of type ${quote(key)} should be text; found ${describe(label)}.`);
        }
        if (typeof color === 'string') {
          if (isCssColor(color)) declared.color = color.trim();
          else if (color.trim() !== '') {
            this.problems.warning({ path: `${place.path}.color` }, `${quote(color)} is not a CSS colour, so type ${quote(key)} gets a colour of its own. Use a colour like "#2a7d4f", "rgb(42, 125, 79)" or "seagreen".`);
          }
        } else if (color !== undefined && color !== null) {
          this.problems.error({ path: `${place.path}.color` }, `The colour of type ${quote(key)} should be text like "#2a7d4f"; found ${describe(color)}.`);
        }
        const names = readLocalNames(labels, `${place.path}.labels`, `type ${quote(key)}`, this.problems);
        if (names) declared.labels = names;
      }
    }
    if (Object.hasOwn(this.types, key)) {
      this.problems.warning(place, `The type ${quote(key)} is declared twice; the later one is used.`);
    }
    // defineProperty, so that a type called "__proto__" is an ordinary key.
    Object.defineProperty(this.types, key, { value: declared, enumerable: true, writable: true, configurable: true });
    if (!this.typeByLowerName.has(key.toLowerCase())) this.typeByLowerName.set(key.toLowerCase(), key);
    return key;
  }

  /** The type an event's `type` value names, or null (with a problem) when it is not text. */
  private resolveType(value: unknown, report: Report): string | null {
    if (value === undefined || value === null) return FALLBACK_TYPE;
    if (typeof value !== 'string') {
      report.error(`The type should be text like "talks"; found ${describe(value)}.`, 'type');
      return null;
    }
    const name = value.trim();
    if (name === '') return FALLBACK_TYPE;
    if (Object.hasOwn(this.types, name)) return name;
    const lower = name.toLowerCase();
    if ((BUILT_IN_TYPES as readonly string[]).includes(lower) || lower === FALLBACK_TYPE) return lower;
    const declared = this.typeByLowerName.get(lower);
    if (declared !== undefined) return declared;
    if (this.options.declareNewTypes) {
      const key = slug(name) || lower;
      const known = this.typeByLowerName.get(key);
      if (known !== undefined) return known;
      return this.declareType(key, { label: name }, report.place('type'));
    }
    report.warning(`The type ${quote(name)} is not one of the built-in types (talks, proposal, casualties) and is not declared in "types", so the event is shown as "${FALLBACK_TYPE}". Declare it in "types" or check its spelling.`, 'type', undefined, undefined, 'undeclared-type');
    return FALLBACK_TYPE;
  }

  /** Checks one event; keeps it when it has no error. */
  add(index: number, fields: unknown, meta?: unknown): void {
    const report = this.report.reset(index, fields, meta);
    let candidate: Candidate | null = null;
    try {
      candidate = this.check(report);
    } catch (thrown) {
      // Not expected; but one strange event must not cost the others.
      report.error(`This event could not be read (${thrown instanceof Error ? thrown.message : 'unknown reason'}).`);
    }
    if (candidate && report.errors === 0) this.candidates.push(candidate);
  }

  private check(report: Report): Candidate | null {
    const raw = report.fields;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      report.error(`Each event should be an object like {"date": "2025-10-06", "title": "…", "sources": […]}; found ${describe(raw)}.`);
      return null;
    }
    const fields = raw as Record<string, unknown>;

    const untitled = own(fields, 'untitled') === true && isBlank(own(fields, 'title'));
    const title = untitled ? '' : this.text(own(fields, 'title'), 'title', TITLE_LIMIT, report, true);
    if (untitled) report.warning('Nothing names this event (no title, headline, text or caption), so it is shown untitled. Give it a title.', 'title', undefined, undefined, 'untitled');
    const label = this.text(own(fields, 'label'), 'label', TITLE_LIMIT, report, false);
    const milestone = this.milestone(own(fields, 'milestone'), report);
    const start = this.date(own(fields, 'date'), 'date', report, true);
    const end = this.date(own(fields, 'end'), 'end', report, false);
    const order = start ? dateOrder(start.date, start.farYear) : 0;
    if (start && end && lastMoment(end) < order) {
      report.error(`The end (${isoText(end)}) is before the date (${isoText(start)}). Check the two dates; swap them if they are the wrong way round.`, 'end');
    }
    const type = this.resolveType(own(fields, 'type'), report);
    const id = this.id(own(fields, 'id'), report);
    const summary = this.text(own(fields, 'summary'), 'summary', TEXT_LIMIT, report, false);
    const place = this.text(own(fields, 'place'), 'place', TEXT_LIMIT, report, false);
    const rawSources = own(fields, 'sources');
    const sources = this.sources(rawSources, report);
    const figures = this.figures(own(fields, 'figures'), report);
    if (report.errors > 0 || title === undefined || !start || type === null) return null;

    const event: TimelineEvent = { id: id ?? '', type, date: start.date, precision: start.precision, title, sources };
    if (untitled) event.untitled = true;
    if (start.farYear !== undefined) event.farYear = start.farYear;
    if (label) event.label = label;
    if (milestone) event.milestone = true;
    if (end) {
      event.end = end.date;
      event.endPrecision = end.precision;
      if (end.farYear !== undefined) event.endFarYear = end.farYear;
    }
    if (summary) event.summary = summary;
    if (place) event.place = place;
    if (figures && figures.length > 0) event.figures = figures;
    if (sources.length === 0) {
      event.unsourced = true;
      const hadSources = Array.isArray(rawSources) && rawSources.length > 0;
      report.warning(hadSources
        ? 'None of the sources of this event has a usable web link, so it is shown as unsourced. Give at least one source a link starting with http:// or https://.'
        : 'This event has no source, so it is shown as unsourced. Add at least one source with a link starting with http:// or https://.', 'sources', undefined, undefined, hadSources ? 'no-usable-source' : 'no-source');
    }
    return { event, index: report.index, fields: raw, meta: report.meta, explicitId: id !== undefined, order, endOrder: end ? dateOrder(end.date, end.farYear) : order };
  }

  /** A text field: trimmed, cut at `limit`; undefined when absent or empty. */
  private text(value: unknown, field: string, limit: number, report: Report, required: boolean): string | undefined {
    if (typeof value === 'string') {
      const text = value.trim();
      if (text !== '') return text.length <= limit ? text : this.limit(text, limit, `The ${field}`, report, field);
    } else if (value !== undefined && value !== null) {
      report.error(`The ${field} should be text; found ${describe(value)}.`, field);
      return undefined;
    }
    if (required) report.error(`This event has no ${field}. Every event needs a ${field}.`, field);
    return undefined;
  }

  /** Whether the event is a milestone: true or false (or nothing, for false). */
  private milestone(value: unknown, report: Report): boolean {
    if (value === true) return true;
    if (value !== undefined && value !== null && value !== false) {
      report.error(`"milestone" should be true or false; found ${describe(value)}. Write "milestone": true for the story's key moments, or leave it out.`, 'milestone');
    }
    return false;
  }

  /** The text cut at `limit`, with a warning at the field. */
  private limit(text: string, limit: number, what: string, report: Report, field: string, item?: number, key?: string): string {
    if (text.length <= limit) return text;
    report.warning(`${what} is ${count(text.length, 'character')} long; it is cut to ${limit.toLocaleString('en-US')}.`, field, item, key, 'text-cut');
    return cut(text, limit);
  }

  private date(value: unknown, field: 'date' | 'end', report: Report, required: boolean): Dated | undefined {
    let result: DateParse;
    let place: Place | undefined;
    if (typeof value === 'string' && value !== '') {
      result = parseDate(value);
    } else if (value instanceof ReadDate) {
      result = value.result;
      place = value.place;
    } else if (value === undefined || value === null || value === '') {
      if (required) report.error('This event has no date. Every event needs a date, like "2025-10-06". Use YYYY, YYYY-MM, YYYY-MM-DD or a date-time with a time zone.', field);
      return undefined;
    } else if (typeof value === 'number' && Number.isInteger(value)) {
      // A bare year, as spreadsheets and hand-written JSON often give it.
      result = dateFromParts({ year: value });
    } else if (value instanceof Date && !Number.isNaN(value.getTime())) {
      // A Date handed over by a page (the data property): the instant, to the day when it is midnight UTC.
      result = dateFromInstant(value);
    } else {
      report.error(`The ${field === 'end' ? 'end date' : 'date'} should be text like "2025-10-06"; found ${describe(value)}.`, field);
      return undefined;
    }
    if ('error' in result) {
      if (place) report.errorAt(place, sentence(result.error));
      else report.error(sentence(result.error), field);
      return undefined;
    }
    if (result.note) {
      const kind: ProblemKind | undefined = result.noteKind;
      if (place) report.warningAt(place, sentence(result.note) + '.', kind);
      else report.warning(sentence(result.note) + '.', field, undefined, undefined, kind);
    }
    return result;
  }

  private id(value: unknown, report: Report): string | undefined {
    if (typeof value === 'string') {
      const id = value.trim();
      return id === '' ? undefined : this.limit(id, TITLE_LIMIT, 'The id', report, 'id');
    }
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    report.error(`The id should be text like "talks-2025-10-06"; found ${describe(value)}.`, 'id');
    return undefined;
  }

  private sources(value: unknown, report: Report): Source[] {
    const sources: Source[] = [];
    if (value === undefined || value === null) return sources;
    if (!Array.isArray(value)) {
      report.error(`"sources" should be a list, like [{"url": "https://…", "publisher": "…"}]; found ${describe(value)}.`, 'sources');
      return sources;
    }
    const total = Math.min(value.length, ITEM_LIMIT);
    if (value.length > ITEM_LIMIT) report.warning(`This event has ${count(value.length, 'source')}; only the first ${ITEM_LIMIT.toLocaleString('en-US')} are read.`, 'sources');
    for (let k = 0; k < total; k++) {
      const item: unknown = own(value, k);
      let url: unknown;
      let title: string | undefined;
      let publisher: string | undefined;
      let date: string | undefined;
      if (typeof item === 'string') url = item;
      else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
        const errorsBefore = report.errors;
        title = this.sourceText(own(item, 'title'), k, 'title', TEXT_LIMIT, report);
        publisher = this.sourceText(own(item, 'publisher'), k, 'publisher', TEXT_LIMIT, report);
        date = this.sourceText(own(item, 'date'), k, 'date', 40, report);
        url = own(item, 'url');
        if (url !== undefined && url !== null && typeof url !== 'string') {
          report.error(`The url of a source should be text like "https://example.org/story"; found ${describe(url)}.`, 'sources', k, 'url');
          continue;
        }
        if (report.errors > errorsBefore) continue;
      } else {
        report.error(`Each source should be an object like {"url": "https://…", "publisher": "…"}; found ${describe(item)}.`, 'sources', k);
        continue;
      }
      if (typeof url !== 'string' || url.trim() === '') {
        report.warning('This source has no url (web link), so it is left out. Add its link, starting with https://.', 'sources', k);
        continue;
      }
      const link = webLink(url, this.options.baseUrl);
      if (typeof link !== 'string') {
        report.warning(`${sentence(link.error)} This source is left out.`, 'sources', k, 'url', 'link-refused');
        continue;
      }
      if (sources.length > 0 && sources.some((known) => known.url === link)) continue;
      const source: Source = { url: link };
      if (title) source.title = title;
      if (publisher) source.publisher = publisher;
      if (date) {
        const error = dateTextError(date);
        if (error) report.warning(`${sentence(error)} The source is kept without its date.`, 'sources', k, 'date');
        else source.date = date;
      }
      sources.push(source);
    }
    return sources;
  }

  private sourceText(value: unknown, k: number, key: string, limit: number, report: Report): string | undefined {
    if (typeof value === 'string') {
      const text = value.trim();
      return text === '' ? undefined : text.length <= limit ? text : this.limit(text, limit, `The ${key} of this source`, report, 'sources', k, key);
    }
    if (value !== undefined && value !== null) report.error(`The ${key} of a source should be text; found ${describe(value)}.`, 'sources', k, key);
    return undefined;
  }

  private figures(value: unknown, report: Report): Figure[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      report.error(`"figures" should be a list, like [{"label": "Killed", "value": 67160, "reportedBy": "…"}]; found ${describe(value)}.`, 'figures');
      return undefined;
    }
    const figures: Figure[] = [];
    const total = Math.min(value.length, ITEM_LIMIT);
    if (value.length > ITEM_LIMIT) report.warning(`This event has ${count(value.length, 'figure')}; only the first ${ITEM_LIMIT.toLocaleString('en-US')} are read.`, 'figures');
    for (let k = 0; k < total; k++) {
      const item: unknown = own(value, k);
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        report.error(`Each figure should be an object like {"label": "Killed", "value": 67160, "reportedBy": "…"}; found ${describe(item)}.`, 'figures', k);
        continue;
      }
      const errorsBefore = report.errors;
      const label = this.figureText(own(item, 'label'), k, 'label', report);
      if (label === undefined && report.errors === errorsBefore) {
        report.error('This figure has no label. Say what the number counts, like "Killed in Gaza".', 'figures', k, 'label');
      }
      const amount = figureValue(own(item, 'value'));
      if ('error' in amount) report.error(amount.error, 'figures', k, 'value');
      const qualifier = this.figureText(own(item, 'qualifier'), k, 'qualifier', report);
      const reportedBy = this.figureText(own(item, 'reportedBy'), k, 'reportedBy', report);
      if (report.errors > errorsBefore || label === undefined || 'error' in amount) continue;
      if (reportedBy === undefined) {
        // Never guessed from the source: a newspaper that repeats a ministry's count did not count.
        report.warning(`The figure ${quote(label)} does not say who reported it, so it is shown as not attributed. Add "reportedBy", like "Gaza Ministry of Health".`, 'figures', k, 'reportedBy', 'unattributed-figure');
      }
      const figure: Figure = { label, value: amount.value, reportedBy: reportedBy ?? '' };
      if (qualifier) figure.qualifier = qualifier;
      figures.push(figure);
    }
    return figures;
  }

  private figureText(value: unknown, k: number, key: string, report: Report): string | undefined {
    if (typeof value === 'string') {
      const text = value.trim();
      return text === '' ? undefined : this.limit(text, TITLE_LIMIT, `The ${key} of this figure`, report, 'figures', k, key);
    }
    if (value !== undefined && value !== null) report.error(`The ${key} of a figure should be text; found ${describe(value)}.`, 'figures', k, key);
    return undefined;
  }

  /** The valid events: ids given to those without one, duplicates told apart, sorted by date, end and id. */
  *finish(): Steps<TimelineEvent[]> {
    const taken = new Map<string, Candidate>();
    const candidates = this.candidates;
    const report = (candidate: Candidate) => new Report(this).reset(candidate.index, candidate.fields, candidate.meta);
    // Ids written in the data come first, so a derived id never takes one an editor chose.
    for (let k = 0; k < candidates.length; k++) {
      if (k % STEP === STEP - 1) yield;
      const candidate = candidates[k];
      if (!candidate.explicitId) continue;
      const id = candidate.event.id;
      const first = taken.get(id);
      if (first === undefined) {
        taken.set(id, candidate);
        continue;
      }
      const unique = nextFree(id, taken);
      taken.set(unique, candidate);
      candidate.event.id = unique;
      report(candidate).warning(`The id ${quote(id)} is also used by ${whereOfDraft(this.locate, first)}; this one gets the id ${quote(unique)}. Give every event its own id so links to it keep working.`, 'id', undefined, undefined, 'duplicate-id');
    }
    const derived = new Map<string, Candidate>();
    for (let k = 0; k < candidates.length; k++) {
      if (k % STEP === STEP - 1) yield;
      const candidate = candidates[k];
      if (candidate.explicitId) continue;
      const { event } = candidate;
      const day = event.farYear !== undefined ? formatYear(event.farYear) : formatIsoDate(event.date, event.precision === 'time' ? 'day' : event.precision);
      const base = `${day}-${slug(event.title) || 'event'}`;
      let id = base;
      if (taken.has(base)) {
        id = nextFree(base, taken);
        const twin = derived.get(base);
        if (twin) {
          report(candidate).warning(`This event has the same date and title as ${whereOfDraft(this.locate, twin)}; it may be listed twice. It gets the id ${quote(id)}.`, 'title', undefined, undefined, 'same-date-and-title');
        }
      } else derived.set(base, candidate);
      taken.set(id, candidate);
      event.id = id;
    }

    return yield* sortEvents(candidates);
  }
}

/** The order of events: by date, then end, then id. */
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.endOrder !== b.endOrder) return a.endOrder < b.endOrder ? -1 : 1;
  const idA = a.event.id;
  const idB = b.event.id;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/** The order of events with the same date: by end, then id. */
function compareSameDate(a: Candidate, b: Candidate): number {
  if (a.endOrder !== b.endOrder) return a.endOrder < b.endOrder ? -1 : 1;
  const idA = a.event.id;
  const idB = b.event.id;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/**
 * The events sorted by date, then end, then id. Data that comes in date order (most does) is only
 * checked, and where only events of one date are out of order, each date's run is sorted where it
 * is. Otherwise events are grouped by date (d3-array's group) and only events that share a date
 * are compared: a comparison function called for every pair a full sort looks at costs more than
 * the rest of reading.
 */
function* sortEvents(candidates: Candidate[]): Steps<TimelineEvent[]> {
  const n = candidates.length;
  let inOrder = true;
  let datesInOrder = true;
  for (let k = 1; k < n && datesInOrder; k++) {
    const a = candidates[k - 1];
    const b = candidates[k];
    if (a.order > b.order) datesInOrder = inOrder = false;
    else if (inOrder && compareCandidates(a, b) > 0) inOrder = false;
  }
  if (!inOrder && datesInOrder) {
    // Dates in order, events of one date not (their ids, say): only the runs of a date are sorted.
    let sinceStep = 0;
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && candidates[end].order === candidates[start].order) end++;
      if (end - start > 1) {
        const run = candidates.slice(start, end).sort(compareSameDate);
        for (let k = 0; k < run.length; k++) candidates[start + k] = run[k];
      }
      sinceStep += end - start;
      if (sinceStep >= STEP) {
        sinceStep = 0;
        yield;
      }
      start = end;
    }
  } else if (!inOrder) {
    const byDate = group(candidates, (candidate) => candidate.order);
    const dates = Float64Array.from(byDate.keys()).sort();
    const sorted: Candidate[] = [];
    let sinceStep = 0;
    for (const date of dates) {
      const bucket = byDate.get(date)!;
      if (bucket.length > 1) {
        sinceStep += bucket.length;
        if (sinceStep >= STEP) {
          sinceStep = 0;
          yield;
        }
        bucket.sort(compareSameDate);
      }
      for (const candidate of bucket) sorted.push(candidate);
    }
    candidates = sorted;
  }
  const events = new Array<TimelineEvent>(n);
  for (let k = 0; k < n; k++) events[k] = candidates[k].event;
  return events;
}

interface Dated {
  date: Date;
  precision: Precision;
  farYear?: number;
}

/** A valid event before ids are settled and events sorted; also the draft it came from. */
interface Candidate extends EventDraft {
  event: TimelineEvent;
  explicitId: boolean;
  order: number;
  endOrder: number;
}

/**
 * Reports problems of one event, tagged with the event, with "left out" added to errors. Places
 * and names are worked out only when there is a problem, so a clean event costs nothing here.
 */
class Report implements EventDraft {
  errors = 0;
  /** How messages name the event; worked out from its fields when first needed. */
  name?: string;
  index = -1;
  fields: unknown = null;
  meta: unknown = undefined;

  constructor(private readonly normalizer: Normalizer) {}

  /** Starts on another event: one report serves every event in turn. */
  reset(index: number, fields: unknown, meta: unknown): this {
    this.index = index;
    this.fields = fields;
    this.meta = meta;
    this.errors = 0;
    this.name = undefined;
    return this;
  }

  place(field?: string, item?: number, key?: string): Place {
    return this.normalizer.locate(this, field, item, key);
  }

  private tag(): EventTag {
    return eventTag(this.index, this.fields);
  }

  errorAt(place: Place, message: string): void {
    this.errors += 1;
    if (this.name === undefined) {
      const fields = this.fields;
      this.name = typeof fields === 'object' && fields !== null && !Array.isArray(fields) ? eventName(fields as Record<string, unknown>) : '';
    }
    const who = this.name ? ` (${this.name})` : '';
    this.normalizer.problems.add('error', place, `${message} This event${who} is left out.`, this.tag());
  }

  error(message: string, field?: string, item?: number, key?: string): void {
    this.errorAt(this.place(field, item, key), message);
  }

  warningAt(place: Place, message: string, kind?: ProblemKind): void {
    this.normalizer.problems.add('warning', place, message, this.tag(), kind);
  }

  warning(message: string, field?: string, item?: number, key?: string, kind?: ProblemKind): void {
    this.warningAt(this.place(field, item, key), message, kind);
  }
}

/** The event a problem is about: its index, and its id and title as written, when they are text. */
function eventTag(index: number, fields: unknown): EventTag {
  const tag: EventTag = { index };
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return tag;
  const id = own(fields, 'id');
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) tag.id = String(id).trim();
  const title = own(fields, 'title');
  if (typeof title === 'string' && title.trim() !== '') tag.title = title.trim();
  return tag;
}

/** Where another event is, in words, for a message about this one ("event 3 ('Talks in Cairo')"). */
function whereOfDraft(locate: Locator, draft: EventDraft): string {
  return placeInWords(locate(draft), eventTag(draft.index, draft.fields));
}

/** How an event is named in messages: its id, else its title. */
function eventName(fields: Record<string, unknown>): string {
  const id = own(fields, 'id');
  const title = own(fields, 'title');
  if (typeof id === 'string' && id.trim() !== '') return `id ${quote(id.trim())}`;
  if (typeof id === 'number' && Number.isFinite(id)) return `id "${id}"`;
  if (typeof title === 'string' && title.trim() !== '') return quote(title.trim());
  return '';
}

function nextFree(id: string, taken: Map<string, unknown>): string {
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A date as ISO 8601 text, with the year in words after it when it is before year 1: `-0043-03-15 (44 BCE)`. */
function isoText(dated: Dated): string {
  const year = dated.farYear ?? dated.date.getUTCFullYear();
  const iso = dated.farYear !== undefined ? formatYear(dated.farYear) : formatIsoDate(dated.date, dated.precision);
  return year < 1 ? `${iso} (${yearInWords(year)})` : iso;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function lastMoment(dated: Dated): number {
  return lastMomentOf(dated.date, dated.precision, dated.farYear);
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A figure's value: a number, or text holding just a number ("67160"). */
export function figureValue(value: unknown): { value: number } | { error: string } {
  if (typeof value === 'number') {
    // + 0 turns -0 into 0: a count of minus nothing is nothing.
    return Number.isFinite(value) ? { value: value + 0 } : { error: `The value of a figure should be a number; found ${describe(value)}.` };
  }
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { error: 'This figure has no value. Give the number, like 67160.' };
  }
  if (typeof value !== 'string') return { error: `The value of a figure should be a number like 67160; found ${describe(value)}.` };
  const text = value.trim();
  if (NUMERIC.test(text)) {
    const number = Number(text);
    if (Number.isFinite(number)) return { value: number + 0 };
    return { error: `${quote(text)} is too large a number to show.` };
  }
  if (text.length <= 40 && /^[+-]?\d{1,3}([,. '\u00a0\u202f]\d{3})+([.,]\d+)?$/.test(text)) {
    return { error: `${quote(text)} is not a number the timeline can read: write it without thousands separators, like ${text.replace(/[,. '\u00a0\u202f](?=\d{3}(\D|$))/g, '')}.` };
  }
  return { error: `${quote(text)} is not a number. Write the value as a plain number, like 67160 (no thousands separators and no words: put words like "more than" in "qualifier").` };
}
