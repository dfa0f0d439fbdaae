// The one entry point for data: tells the formats apart by content and never throws.
import { readCsv } from './csv.js';
import { readNative } from './native.js';
import { parseJson } from './json.js';
import type { Steps } from './normalize.js';
import { FILE_PATH, ProblemList, describe } from './problems.js';
import { readTimelineJs } from './timelinejs.js';
import type { Dataset, InputFormat, ReadOptions, ReadResult } from './types.js';

function emptyDataset(): Dataset {
  return { types: {}, events: [] };
}

/**
 * Reads timeline data in any accepted format — native JSON, TimelineJS JSON or CSV — given as a
 * parsed JSON value or as text (JSON or CSV, told apart by content). Never throws: whatever is
 * wrong is in `problems`, and every valid event is kept.
 */
export function readData(input: unknown, options: ReadOptions = {}): ReadResult {
  const problems = new ProblemList();
  const steps = readSteps(input, problems, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
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
 * (Text is parsed in one go: for JSON text of many megabytes, parse it in slices first.)
 */
export async function readDataInSlices(input: unknown, options: ReadOptions = {}, slicing: SliceOptions = {}): Promise<ReadResult> {
  const sliceMs = slicing.sliceMs ?? 40;
  const pause = slicing.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const problems = new ProblemList();
  const steps = readSteps(input, problems, options);
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
  if (typeof value !== 'object' || value === null) return false;
  const doc = value as Record<string, unknown>;
  if (Array.isArray(doc.eras)) return true;
  if (typeof doc.title === 'object' && doc.title !== null && !Array.isArray(doc.title)) return true;
  return Array.isArray(doc.events) && slidesOutnumberEvents(doc.events);
}

/** Looks at the first items only: enough to tell the formats apart, and bounded. */
function slidesOutnumberEvents(list: unknown[]): boolean {
  let slides = 0;
  let events = 0;
  for (let i = 0, seen = 0; i < list.length && seen < 20; i++) {
    const item = list[i];
    if (typeof item !== 'object' || item === null) continue;
    seen++;
    if ('start_date' in item) slides++;
    if ('date' in item) events++;
  }
  return slides > events;
}

function* readValue(value: object, problems: ProblemList, options: ReadOptions): Steps<Read> {
  if (isTimelineJs(value)) return { dataset: yield* readTimelineJs(value, problems, options), format: 'timelinejs' };
  return { dataset: yield* readNative(value, problems, options), format: 'native' };
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

