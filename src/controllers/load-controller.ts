import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readData, readDataInSlices } from '../model/index.js';
import type { Problem, ReadOptions, ReadResult } from '../model/types.js';

/** Why a load failed, as a key of the widget's words (see i18n/strings.ts) with its parameters. */
export interface LoadFailure {
  key:
    | 'errorNotFound'
    | 'errorHttp'
    | 'errorNetwork'
    | 'errorTimeout'
    | 'errorHtml'
    | 'errorEmpty'
    | 'errorInvalid'
    | 'errorNoEvents'
    | 'errorTooLarge';
  params: Record<string, string | number>;
  problems: Problem[];
}

export type LoadState =
  | { status: 'idle' }
  | { status: 'loading'; url?: string; percent?: number }
  | { status: 'ready'; result: ReadResult }
  | { status: 'error'; failure: LoadFailure };

/** Where the data comes from, in the contract's order: the `data` property, `src`, an inline script. */
export type DataSource =
  | { kind: 'data'; value: unknown }
  | { kind: 'src'; url: string }
  | { kind: 'inline'; text: string }
  | { kind: 'none' };

export interface LoadOptions {
  /** Milliseconds before fetching `src` is given up (until the last byte has arrived). */
  timeout: number;
  /** Bytes a data file may have. */
  maxBytes: number;
}

const MEGABYTE = 1024 * 1024;
export const DEFAULT_LOAD_OPTIONS: LoadOptions = { timeout: 15_000, maxBytes: 64 * MEGABYTE };

/** JSON text longer than this is parsed in slices, so that reading never freezes the page. */
const SLICED_JSON_FROM = MEGABYTE;
/** Work done between two pauses for the page (ms): well under the 200 ms a reader would notice. */
const SLICE_MS = 40;
/**
 * Nesting deeper than this in a file large enough to be parsed in slices is refused: a timeline needs
 * five or six levels, and parsing millions of nested brackets would hold the page for seconds.
 */
export const MAX_JSON_DEPTH = 512;

class Failure extends Error {
  constructor(readonly failure: Omit<LoadFailure, 'problems'>) {
    super(failure.key);
  }
}

/** Raised when a newer load has taken over: the work of this one is dropped without a word. */
class Overtaken extends Error {}

/**
 * Loads and reads the timeline's data. Each load aborts the one before it, so a late answer
 * never overwrites newer data; a disconnected host aborts its load. Every change of `state` (a new
 * object each time) asks the host for an update, in which the host reads it.
 */
export class LoadController implements ReactiveController {
  state: LoadState = { status: 'idle' };
  private abort?: AbortController;
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Stops the load under way, if any. */
  cancel(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.generation += 1;
  }

  /** Loads from the given source; resolves when this load has settled or been overtaken. */
  async load(source: DataSource, options: LoadOptions = DEFAULT_LOAD_OPTIONS): Promise<void> {
    this.cancel();
    const generation = this.generation;
    const current = () => generation === this.generation;

    if (source.kind === 'none') {
      this.set({ status: 'idle' });
      return;
    }
    if (source.kind !== 'src') {
      // Data given by the page itself is read at once, so that it is drawn in the same update.
      const value = source.kind === 'data' ? source.value : source.text;
      this.settle(this.read(value, document.baseURI));
      return;
    }

    const abort = new AbortController();
    this.abort = abort;
    let url: string;
    try {
      url = new URL(source.url, document.baseURI).href;
    } catch {
      this.fail('errorNetwork', { url: source.url });
      return;
    }
    this.set({ status: 'loading', url });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, options.timeout);
    let text: string;
    try {
      text = await this.fetchText(url, abort.signal, options, current);
    } catch (error) {
      if (!current()) return;
      if (error instanceof Failure) this.settle({ status: 'error', failure: { ...error.failure, problems: [] } });
      else if (timedOut) this.fail('errorTimeout', { url, seconds: seconds(options.timeout) });
      else this.fail('errorNetwork', { url });
      return;
    } finally {
      // The time limit is for the network; reading what has arrived is bounded on its own.
      clearTimeout(timer);
      if (this.abort === abort) this.abort = undefined;
    }
    if (!current()) return;
    try {
      const state = await this.readText(text, url, current);
      if (current()) this.settle(state);
    } catch (error) {
      if (error instanceof Overtaken || !current()) return;
      if (!(error instanceof Failure)) throw error;
      this.settle({ status: 'error', failure: { ...error.failure, problems: [] } });
    }
  }

  private async fetchText(
    url: string,
    signal: AbortSignal,
    options: LoadOptions,
    current: () => boolean,
  ): Promise<string> {
    const response = await fetch(url, { signal, credentials: 'same-origin' });
    if (response.status === 404 || response.status === 410) {
      throw new Failure({ key: 'errorNotFound', params: { url, status: response.status } });
    }
    if (!response.ok) throw new Failure({ key: 'errorHttp', params: { url, status: response.status } });
    const length = Number(response.headers.get('content-length')) || 0;
    if (length > options.maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw tooLarge(options.maxBytes);
    }
    const type = response.headers.get('content-type') ?? '';
    if (/^\s*text\/html\b/i.test(type)) {
      void response.body?.cancel().catch(() => undefined);
      throw new Failure({ key: 'errorHtml', params: { url } });
    }

    let text: string;
    if (!response.body) text = await response.text();
    else {
      // Decoded as it arrives, so that no step handles the whole file at once.
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const pieces: string[] = [];
      let received = 0;
      let percent = -1;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > options.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge(options.maxBytes);
        }
        pieces.push(decoder.decode(value, { stream: true }));
        // A compressed answer gives the compressed length; never show more than 100 %.
        const now = length ? Math.min(100, Math.floor((received / length) * 100)) : -1;
        if (now !== percent && current()) {
          percent = now;
          this.set({ status: 'loading', url, percent });
        }
      }
      pieces.push(decoder.decode());
      text = pieces.join('');
    }
    if (!text.trim()) throw new Failure({ key: 'errorEmpty', params: { url } });
    // A sign-in or error page sent in place of the data, whatever it is labelled.
    if (/^\s*<(!doctype\s+html|html|head|body)\b/i.test(text.slice(0, 512))) {
      throw new Failure({ key: 'errorHtml', params: { url } });
    }
    return text;
  }

  /** Reads a fetched file; JSON larger than a megabyte is parsed in slices first. */
  private async readText(text: string, url: string, current: () => boolean): Promise<LoadState> {
    if (text.length >= SLICED_JSON_FROM && /^\ufeff?\s*[[{]/.test(text.slice(0, 64))) {
      const parsed = await parseJsonInSlices(text, {
        check: () => {
          if (!current()) throw new Overtaken();
        },
      });
      if (parsed !== undefined) {
        await pause();
        if (!current()) throw new Overtaken();
        const result = await readDataInSlices(parsed.value, { baseUrl: url }, { pause });
        if (!current()) throw new Overtaken();
        return this.judge(result);
      }
    }
    // Small files, CSV, and JSON the model repairs or explains (a comment, a trailing comma, a mistake).
    return this.read(text, url);
  }

  private read(value: unknown, baseUrl: string): LoadState {
    if (typeof value === 'string' && !value.trim()) {
      return { status: 'error', failure: { key: 'errorEmpty', params: {}, problems: [] } };
    }
    return this.judge(readData(value, { baseUrl } satisfies ReadOptions));
  }

  /** Data with at least one valid event is ready; otherwise the reason becomes the error. */
  private judge(result: ReadResult): LoadState {
    if (result.dataset.events.length > 0) return { status: 'ready', result };
    const fatal = result.problems.find((p: Problem) => p.severity === 'error' && (p.path === '' || p.path === '(file)'));
    return {
      status: 'error',
      failure: fatal
        ? { key: 'errorInvalid', params: { detail: fatal.message }, problems: result.problems }
        : { key: 'errorNoEvents', params: {}, problems: result.problems },
    };
  }

  private fail(key: LoadFailure['key'], params: LoadFailure['params']): void {
    this.settle({ status: 'error', failure: { key, params, problems: [] } });
  }

  private settle(state: LoadState): void {
    this.set(state);
  }

  private set(state: LoadState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

function tooLarge(maxBytes: number): Failure {
  return new Failure({ key: 'errorTooLarge', params: { limit: byteSize(maxBytes) } });
}

/** A size for a message: "64 MB", "1.5 MB", "500 KB". */
function byteSize(bytes: number): string {
  if (bytes >= MEGABYTE) return `${Math.round((bytes / MEGABYTE) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Milliseconds as seconds for a message: 15000 → 15, 500 → 0.5. */
function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** Lets the page handle input and paint before the next slice of work. */
export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// —— JSON in slices ——————————————————————————————————————————————————
//
// JSON.parse of a 50 MB file holds the page for half a second or more. The text is cut instead
// at the members of its large arrays and objects: runs of members a few hundred kilobytes long are
// handed to JSON.parse together (which checks them, commas included), large members are cut in
// turn, and the page gets a pause every SLICE_MS. Only the boundaries are found by our own scan.

/** Members are handed to JSON.parse in runs of about this many characters. */
const RUN = 256 * 1024;

export interface SlicedJsonOptions {
  /** Runs at every pause; may throw to stop the parse. */
  check?: () => void;
  /** Characters per run handed to JSON.parse (a smaller run cuts finer; for tests). */
  run?: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

class NotPlainJson extends Error {}

class TooDeep extends Error {}

/**
 * Parses JSON text in slices of about SLICE_MS, pausing for the page between them. Resolves to undefined when the text is not plain JSON (a
 * syntax error, or the comments and trailing commas the model repairs), so the model can explain
 * or repair it; rejects with a failure when the nesting is deeper than MAX_JSON_DEPTH.
 */
export async function parseJsonInSlices(text: string, options: SlicedJsonOptions = {}): Promise<{ value: unknown } | undefined> {
  const parser = new SlicedJsonParser(text, options.check ?? (() => undefined), options.run ?? RUN);
  try {
    return { value: await parser.parse() };
  } catch (error) {
    if (error instanceof TooDeep) {
      throw new Failure({
        key: 'errorInvalid',
        params: { detail: `The data is nested more than ${MAX_JSON_DEPTH} levels deep; a timeline needs only a few levels of brackets.` },
      });
    }
    if (error instanceof Overtaken) throw error;
    // A syntax error, or text the model repairs: the model reads it whole and says what is wrong.
    return undefined;
  }
}

class SlicedJsonParser {
  private sliceStart = performance.now();

  constructor(
    private readonly text: string,
    private readonly check: () => void,
    private readonly run: number,
  ) {}

  async parse(): Promise<unknown> {
    const { text } = this;
    let start = 0;
    if (text.charCodeAt(0) === 0xfeff) start = 1;
    start = this.skipSpace(start);
    let end = text.length;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const [value, after] = await this.value(start, 0);
    if (after !== end) throw new NotPlainJson();
    return value;
  }

  /** Pauses for the page when this slice has run long enough. */
  private async breathe(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await pause();
    this.check();
    this.sliceStart = performance.now();
  }

  /** The value that starts at `at` and where it ends. */
  private async value(at: number, depth: number): Promise<[unknown, number]> {
    if (depth > MAX_JSON_DEPTH) throw new TooDeep();
    const end = this.smallEnd(at, depth);
    if (end >= 0) return [JSON.parse(this.text.slice(at, end)), end];
    const code = this.text.charCodeAt(at);
    if (code === OPEN_ARRAY) return this.array(at, depth + 1);
    if (code === OPEN_OBJECT) return this.object(at, depth + 1);
    // A long string: found whole, parsed whole (strings parse quickly).
    const stringEnd = this.stringEnd(at);
    return [JSON.parse(this.text.slice(at, stringEnd)), stringEnd];
  }

  private async array(open: number, depth: number): Promise<[unknown[], number]> {
    const { text } = this;
    const out: unknown[] = [];
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart < 0) return;
      const items = JSON.parse('[' + text.slice(runStart, runEnd) + ']') as unknown[];
      for (const item of items) out.push(item);
      runStart = -1;
    };
    let at = this.skipSpace(open + 1);
    if (text.charCodeAt(at) === CLOSE_ARRAY) return [out, at + 1];
    for (;;) {
      const end = this.smallEnd(at, depth);
      if (end >= 0) {
        if (runStart < 0) runStart = at;
        runEnd = end;
        if (runEnd - runStart >= this.run) {
          flush();
          await this.breathe();
        }
        at = end;
      } else {
        flush();
        const [item, itemEnd] = await this.value(at, depth);
        out.push(item);
        at = itemEnd;
      }
      at = this.skipSpace(at);
      const code = text.charCodeAt(at);
      if (code === CLOSE_ARRAY) {
        flush();
        return [out, at + 1];
      }
      if (code !== COMMA) throw new NotPlainJson();
      at = this.skipSpace(at + 1);
    }
  }

  private async object(open: number, depth: number): Promise<[Record<string, unknown>, number]> {
    const { text } = this;
    const out: Record<string, unknown> = {};
    // As JSON.parse does: every key an own property, "__proto__" included, the last one winning.
    const put = (key: string, value: unknown) => {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    };
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart < 0) return;
      const members = JSON.parse('{' + text.slice(runStart, runEnd) + '}') as Record<string, unknown>;
      for (const key of Object.keys(members)) put(key, members[key]);
      runStart = -1;
    };
    let at = this.skipSpace(open + 1);
    if (text.charCodeAt(at) === CLOSE_OBJECT) return [out, at + 1];
    for (;;) {
      if (text.charCodeAt(at) !== QUOTE) throw new NotPlainJson();
      const keyEnd = this.stringEnd(at);
      let valueAt = this.skipSpace(keyEnd);
      if (text.charCodeAt(valueAt) !== COLON) throw new NotPlainJson();
      valueAt = this.skipSpace(valueAt + 1);
      const end = this.smallEnd(valueAt, depth);
      if (end >= 0) {
        if (runStart < 0) runStart = at;
        runEnd = end;
        if (runEnd - runStart >= this.run) {
          flush();
          await this.breathe();
        }
        at = end;
      } else {
        flush();
        const key = JSON.parse(text.slice(at, keyEnd)) as string;
        const [value, valueEnd] = await this.value(valueAt, depth);
        put(key, value);
        at = valueEnd;
      }
      at = this.skipSpace(at);
      const code = text.charCodeAt(at);
      if (code === CLOSE_OBJECT) {
        flush();
        return [out, at + 1];
      }
      if (code !== COMMA) throw new NotPlainJson();
      at = this.skipSpace(at + 1);
    }
  }

  /**
   * Where the value at `at` ends, when it ends within a run; -1 when it is longer (or
   * the text ends first). Brackets are counted, strings skipped whole.
   */
  private smallEnd(at: number, depth: number): number {
    const { text } = this;
    const limit = Math.min(text.length, at + this.run);
    const first = text.charCodeAt(at);
    if (first === QUOTE) {
      const end = this.stringEnd(at, limit);
      return end > limit ? -1 : end;
    }
    if (first !== OPEN_ARRAY && first !== OPEN_OBJECT) {
      // A number or a literal: short, and never cut by the run's limit.
      let i = at;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (code === COMMA || code === CLOSE_ARRAY || code === CLOSE_OBJECT || isSpace(code)) break;
        i++;
      }
      if (i === at) throw new NotPlainJson();
      return i;
    }
    let level = 0;
    for (let i = at; i < limit; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) {
        i = this.stringEnd(i, limit) - 1;
      } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
        level++;
        if (depth + level > MAX_JSON_DEPTH) throw new TooDeep();
      } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
        level--;
        if (level === 0) return i + 1;
      }
    }
    return -1;
  }

  /** Just after the closing quote of the string that opens at `at`; past `limit` when it goes further. */
  private stringEnd(at: number, limit = this.text.length): number {
    const { text } = this;
    let from = at + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) {
        if (limit < text.length) return limit + 1;
        throw new NotPlainJson();
      }
      if (quote >= limit && limit < text.length) return limit + 1;
      let slashes = 0;
      while (text.charCodeAt(quote - 1 - slashes) === BACKSLASH) slashes++;
      if (slashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  private skipSpace(at: number): number {
    const { text } = this;
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    return at;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
