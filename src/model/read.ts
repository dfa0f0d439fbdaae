// The one entry point for data: tells the formats apart by content and never throws.
import { readCsv } from './csv.js';
import { checkMeasureCount } from './names.js';
import { readNative } from './native.js';
import { lineAndColumn, parseJson } from './json.js';
import { runSteps, type Steps } from './normalize.js';
import { isRecord, own } from './fields.js';
import { FILE_PATH, ProblemList, count, describe, quote } from './problems.js';
import { readTimelineJs } from './timelinejs.js';
import { isTimelineJs2, readTimelineJs2 } from './timelinejs2.js';
import { isVisItemList, readVisItems } from './vis.js';
import type { Dataset, InputFormat, ReadOptions, ReadResult } from './types.js';

function emptyDataset(): Dataset {
  return { types: {}, events: [] };
}

/**
 * Reads timeline data in any accepted format — native JSON, TimelineJS JSON (version 3 or 2), a
 * vis-timeline item list, or CSV — given as a parsed JSON value or as text (JSON or CSV, told
 * apart by content). Never throws: whatever is wrong is in `problems`, and every valid event is
 * kept. Data in a shape it does not read gets one problem that says what it looks like.
 */
export function readData(input: unknown, options: ReadOptions = {}): ReadResult {
  return runSteps(readSteps(input, new ProblemList(), options));
}

/** How readDataInSlices spreads its work. */
export interface SliceOptions {
  /** Work for about this long (ms) before pausing. Default 40. */
  sliceMs?: number;
  /** Lets the page breathe between slices. Default: a zero-delay timer. */
  pause?: () => Promise<void>;
  /** Stops reading: the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * readData in slices of about `sliceMs`, pausing in between, so a large input never holds the
 * page for long. Resolves to the same result as readData; rejects only when `signal` aborts.
 * CSV text is parsed in slices of rows (about 256 KB each, CSV_SLICE), read 512 rows at a time; JSON text is parsed in one
 * go, so for JSON text of many megabytes, parse it in slices first and pass the value.
 */
export async function readDataInSlices(input: unknown, options: ReadOptions = {}, slicing: SliceOptions = {}): Promise<ReadResult> {
  return runInSlices(readSteps(input, new ProblemList(), options), slicing);
}

/**
 * Runs work written as a generator (it yields where it may stop) in slices of about `sliceMs`,
 * pausing in between; resolves to what the generator returns, or rejects when `signal` aborts.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, slicing: SliceOptions = {}): Promise<T> {
  const sliceMs = slicing.sliceMs ?? 40;
  const pause = slicing.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let sliceStart = performance.now();
  for (;;) {
    slicing.signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** The whole read, pausing every few hundred events; never throws. */
function* readSteps(input: unknown, problems: ProblemList, options: ReadOptions | null | undefined): Generator<void, ReadResult, void> {
  let format: InputFormat = 'native';
  let dataset = emptyDataset();
  try {
    const baseUrl = typeof options?.baseUrl === 'string' ? options.baseUrl : undefined;
    const read = yield* readAny(input, problems, { baseUrl });
    format = read.format;
    dataset = read.dataset;
    checkMeasureCount(dataset, problems);
  } catch (thrown) {
    // Every reader guards itself; this is the last line, so that a caller never has to.
    problems.error({ path: FILE_PATH }, `The data could not be read: ${thrown instanceof Error ? thrown.message : 'unknown reason'}.`);
  }
  return { dataset, problems: problems.items, format };
}

interface Read {
  dataset: Dataset;
  format: InputFormat;
}

function* readAny(input: unknown, problems: ProblemList, options: ReadOptions): Steps<Read> {
  if (typeof input === 'string') return yield* readText(input, problems, options);
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    return yield* readText(new TextDecoder('utf-8').decode(bytes), problems, options);
  }
  if (input === undefined || input === null) {
    problems.error({ path: FILE_PATH }, 'There is no data. Give the timeline a file of events (JSON or CSV).');
    return { dataset: emptyDataset(), format: 'native' };
  }
  if (typeof input !== 'object') {
    problems.error({ path: FILE_PATH }, `The data should be a timeline: an object with "events", or a list of events; found ${describe(input)}.`);
    return { dataset: emptyDataset(), format: 'native' };
  }
  return yield* readValue(input, problems, options);
}

/** Whether a parsed value is TimelineJS data rather than native. */
export function isTimelineJs(value: unknown): boolean {
  if (Array.isArray(value)) return slidesOutnumberEvents(value);
  if (!isRecord(value)) return false;
  if (Array.isArray(own(value, 'eras'))) return true;
  if (isRecord(own(value, 'title'))) return true;
  const events = own(value, 'events');
  return Array.isArray(events) && slidesOutnumberEvents(events);
}

/** Looks at the first items only: enough to tell the formats apart, and bounded. */
function slidesOutnumberEvents(list: unknown[]): boolean {
  let slides = 0;
  let events = 0;
  for (let i = 0, seen = 0; i < list.length && seen < 20; i++) {
    const item = own(list, i);
    if (!isRecord(item)) continue;
    seen++;
    if (Object.hasOwn(item, 'start_date')) slides++;
    if (Object.hasOwn(item, 'date')) events++;
  }
  return slides > events;
}

/** Fields that make an object an event (perhaps a broken one) in one of the formats read. */
const EVENT_FIELDS = ['date', 'start', 'start_date', 'startDate', 'end', 'end_date', 'title', 'headline', 'content', 'text', 'year', 'summary', 'sources', 'source', 'link'];

/**
 * Why a list is not a list of events, or undefined when it may be one: none of its first items is
 * an object with a field an event has. Said once, instead of "no title, no date" for every item.
 */
function notEvents(list: unknown[]): string | undefined {
  const sample: unknown[] = [];
  for (let i = 0; i < list.length && sample.length < 20; i++) sample.push(own(list, i));
  if (sample.length === 0) return undefined;
  const fields = new Set<string>();
  for (const item of sample) {
    if (!isRecord(item)) continue;
    for (const key of Object.keys(item)) {
      if (EVENT_FIELDS.includes(key)) return undefined;
      if (fields.size < 6) fields.add(key);
    }
  }
  const kinds = new Set(sample.map((item) => (isRecord(item) ? 'object' : Array.isArray(item) ? 'list' : item === null ? 'null' : typeof item)));
  const n = list.length;
  if (kinds.size === 1 && kinds.has('object')) {
    const names = [...fields].slice(0, 5).map((key) => quote(key)).join(', ');
    return `a list of ${count(n, 'object')}${names ? ` with the fields ${names}` : ' without fields'}, and none of them has a date or a title`;
  }
  const word = kinds.size === 1 ? ({ number: 'number', string: 'text', list: 'list', boolean: 'true or false value', null: 'null' } as Record<string, string>)[[...kinds][0]] : undefined;
  return word ? `a list of ${count(n, word, word === 'text' ? 'texts' : word === 'true or false value' ? 'true or false values' : `${word}s`)}` : `a list of ${count(n, 'value')} that are not events`;
}

const NOT_TIMELINE = 'This does not look like timeline data:';
const NEEDS_EVENTS = 'A timeline is a list of events with "date" and "title" (or TimelineJS slides, or a vis-timeline item list).';

/** A data shape some other tool reads, named; undefined when it is not one of those. */
function otherTool(doc: Record<string, unknown>): string | undefined {
  const type = own(doc, 'type');
  if (typeof type === 'string' && /^(FeatureCollection|Feature|GeometryCollection)$/.test(type) && (Object.hasOwn(doc, 'features') || Object.hasOwn(doc, 'geometry') || Object.hasOwn(doc, 'geometries'))) {
    return `This looks like GeoJSON map data (a ${type}), not a timeline. The timeline reads events with dates, as JSON or CSV.`;
  }
  if (isRecord(own(doc, 'storymap'))) {
    return 'This looks like a StoryMapJS story (a map with slides), not a timeline. Make a TimelineJS or native timeline file for the timeline.';
  }
  const feed = own(doc, 'feed');
  if (isRecord(feed) && Object.hasOwn(feed, 'entry')) {
    return 'This looks like a Google Sheets feed (JSON of the old Sheets API), not timeline data. Publish the sheet as CSV (File › Share › Publish to web › CSV) and use that address.';
  }
  return undefined;
}

function* readValue(value: object, problems: ProblemList, options: ReadOptions): Steps<Read> {
  const refuse = (message: string): Read => {
    problems.error({ path: FILE_PATH }, message);
    return { dataset: emptyDataset(), format: 'native' };
  };
  if (Array.isArray(value)) {
    if (isVisItemList(value)) return { dataset: yield* readVisItems(value, problems, options), format: 'vis-timeline' };
    if (slidesOutnumberEvents(value)) return { dataset: yield* readTimelineJs(value, problems, options), format: 'timelinejs' };
    const not = notEvents(value);
    if (not) return refuse(`${NOT_TIMELINE} it is ${not}. ${NEEDS_EVENTS}`);
    return { dataset: yield* readNative(value, problems, options), format: 'native' };
  }
  const doc = value as Record<string, unknown>;
  if (isTimelineJs2(doc)) return { dataset: yield* readTimelineJs2(doc, problems, options), format: 'timelinejs2' };
  if (isTimelineJs(doc)) return { dataset: yield* readTimelineJs(doc, problems, options), format: 'timelinejs' };
  const items = own(doc, 'items');
  if (Array.isArray(items) && !Object.hasOwn(doc, 'events') && isVisItemList(items)) {
    return { dataset: yield* readVisItems(doc, problems, options), format: 'vis-timeline' };
  }
  const other = otherTool(doc);
  if (other) return refuse(other);
  const events = own(doc, 'events');
  if (events === undefined || events === null) {
    const keys = Object.keys(doc).slice(0, 8).map((key) => quote(key)).join(', ');
    return refuse(`${NOT_TIMELINE} there is no "events" list in it${keys ? ` (it has ${keys})` : ''}. A timeline file needs "events": [ … ], or can be just a list of events.`);
  }
  if (Array.isArray(events)) {
    const not = notEvents(events);
    if (not) return refuse(`${NOT_TIMELINE} "events" is ${not}. ${NEEDS_EVENTS}`);
  }
  return { dataset: yield* readNative(doc, problems, options), format: 'native' };
}

function* readText(raw: string, problems: ProblemList, options: ReadOptions): Steps<Read> {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 0x20) start++;
  const fail = (message: string): Read => {
    problems.error({ path: FILE_PATH }, message);
    return { dataset: emptyDataset(), format: 'native' };
  };
  if (start === text.length) return fail('The file is empty: there is no data in it.');
  const head = text.slice(start, start + 512);
  if (head.startsWith('PK\u0003\u0004')) return fail('This is a spreadsheet or other packed file (such as Excel .xlsx), not timeline data. Save or download it as CSV, or use the CSV address of the published spreadsheet.');
  if (head.startsWith('%PDF')) return fail('This is a PDF document, not timeline data. The timeline reads JSON or CSV.');
  if (head.includes('\u0000')) return fail('This is a binary file, not timeline data. The timeline reads JSON or CSV text.');
  const first = text[start];
  if (first === '<') {
    if (/^<(!doctype\s+html|html|head|body|meta|title|div|script|link|!--)/i.test(head)) {
      return fail('This looks like a web page (HTML), not timeline data. The address may point to a page about the file rather than the file itself, or to an error or sign-in page. Use the address of the JSON or CSV file (for a Google spreadsheet: File › Share › Publish to web › CSV).');
    }
    return fail('This looks like XML or HTML, not timeline data. The timeline reads JSON or CSV.');
  }
  if (first === '"') {
    // A spreadsheet's CSV often quotes its header ("date","title"); a JSON text in quotes is just a string.
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { dataset: (yield* readCsv(text, problems, options)).dataset, format: 'csv' };
    }
    return fail(`The data should be a timeline: an object with "events", or a list of events; found ${describe(value)}.`);
  }
  if (first === '{' || first === '[') {
    const unreadable = text.indexOf('\ufffd');
    if (unreadable >= 0) {
      const at = lineAndColumn(text, unreadable);
      problems.add('warning', { path: FILE_PATH, at }, `The file has characters that could not be read (shown as \ufffd), first at line ${at.line}, column ${at.column}: it is not saved as UTF-8. Save it as UTF-8 and load it again.`, undefined, 'not-utf8');
    }
    const parsed = parseJson(text, problems);
    if (parsed === undefined) return { dataset: emptyDataset(), format: 'native' };
    if (typeof parsed.value !== 'object' || parsed.value === null) {
      return fail(`The data should be a timeline: an object with "events", or a list of events; found ${describe(parsed.value)}.`);
    }
    return yield* readValue(parsed.value, problems, options);
  }
  const csv = yield* readCsv(text, problems, options);
  return { dataset: csv.dataset, format: 'csv' };
}

