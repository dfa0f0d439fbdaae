import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prepareStory, storySteps, type Story } from '../layout/story.js';
import { readData, readDataInSlices } from '../model/index.js';
import { parseJsonInSlices } from '../model/json-slices.js';
import { runInSlices } from '../model/read.js';
import type { Problem, ReadOptions, ReadResult } from '../model/types.js';

/** Why a load failed, as a key of the widget's words (see i18n/strings.ts) with its parameters. */
export interface LoadFailure {
  key:
    | 'errorNotFound'
    | 'errorHttp'
    | 'errorNetwork'
    | 'errorCors'
    | 'errorOffline'
    | 'errorConnectionLost'
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
  /** The data read, and the story the chart draws from it (lanes, caches, limits), made while loading. */
  | { status: 'ready'; result: ReadResult; story: Story }
  | { status: 'error'; failure: LoadFailure };

/** Where the data comes from, in the contract's order: the `data` property, `src`, an inline script. */
export type DataSource =
  | { kind: 'data'; value: unknown }
  | { kind: 'src'; url: string }
  | { kind: 'inline'; text: string }
  | { kind: 'none' };

export interface LoadOptions {
  /**
   * Milliseconds before fetching `src` is given up (until the last byte has arrived). Anything
   * but a positive number means the default; more than a timer can count (about 24.8 days) is
   * that much.
   */
  timeout: number;
  /** Bytes a data file may have. */
  maxBytes: number;
}

const MEGABYTE = 1024 * 1024;
export const DEFAULT_LOAD_OPTIONS: LoadOptions = { timeout: 15_000, maxBytes: 64 * MEGABYTE };

/** The longest delay a browser timer keeps: a longer one fires at once. */
const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * Text at least this long is read in slices, with pauses for the page, and JSON text parsed in
 * slices first. Shorter text given by the page itself is read at once, so that it is drawn in the
 * same update.
 */
const SLICED_FROM = MEGABYTE;

/** Bytes of a file taken in between two pauses for the page. */
const PAUSE_EVERY_BYTES = 2 * MEGABYTE;
/** Work done in one slice of reading before a pause for the page (ms). */
const SLICE_MS = 12;

/** The time limit to use for a `timeout` as given: the default for anything but a positive number. */
export function timeLimit(timeout: unknown): number {
  const ms = typeof timeout === 'number' ? timeout : Number.NaN;
  if (!(ms > 0)) return DEFAULT_LOAD_OPTIONS.timeout;
  return Math.min(ms, LONGEST_TIMER);
}

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
    this.abort?.abort(new Overtaken());
    this.abort = undefined;
    this.generation += 1;
  }

  /** Loads from the given source; resolves when this load has settled or been overtaken. */
  async load(source: DataSource, options: LoadOptions = DEFAULT_LOAD_OPTIONS): Promise<void> {
    this.cancel();
    const generation = this.generation;
    const current = () => generation === this.generation;

    if (source.kind === 'none') {
      // Nothing to show: the story, its events and its problems go.
      this.settle({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    try {
      if (source.kind === 'src') await this.loadUrl(source.url, options, abort.signal, current);
      else {
        const value = source.kind === 'data' ? source.value : source.text;
        if (typeof value === 'string' && value.length >= SLICED_FROM) {
          // Large text given by the page is read as a file is, in slices.
          this.set({ status: 'loading' });
          const state = await this.readText(value, document.baseURI, abort.signal);
          if (current()) this.settle(state);
        } else {
          this.settle(this.read(value, document.baseURI));
        }
      }
    } catch (error) {
      if (!current() || error instanceof Overtaken) return;
      if (!(error instanceof Failure)) throw error;
      this.settle({ status: 'error', failure: { ...error.failure, problems: [] } });
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private async loadUrl(address: string, options: LoadOptions, signal: AbortSignal, current: () => boolean): Promise<void> {
    let url: string;
    try {
      url = new URL(address, document.baseURI).href;
    } catch {
      throw new Failure({ key: 'errorNetwork', params: { url: address } });
    }
    this.set({ status: 'loading', url });
    const fetched = await this.fetchInTime(url, options, signal, current);
    if (!current()) return;
    // Taking the file in, reading it and drawing it are each a task of their own (or several).
    await pause();
    if (!current()) return;
    // Links in the data resolve against where it was found, after any redirect.
    const state = await this.readText(fetched.text, fetched.url, signal);
    if (!current()) return;
    await pause();
    if (current()) this.settle(state);
  }

  /**
   * Fetches `url` within the time limit. The limit ends the load on its own, even when the
   * request does not stop when it is aborted (a page's wrapped fetch may ignore the signal).
   */
  private async fetchInTime(url: string, options: LoadOptions, signal: AbortSignal, current: () => boolean): Promise<{ text: string; url: string }> {
    const timeout = timeLimit(options.timeout);
    const request = new AbortController();
    const stop = () => request.abort(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    let timer = 0;
    const timedOut = new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => {
        reject(new Failure({ key: 'errorTimeout', params: { url, seconds: seconds(timeout) } }));
        request.abort();
      }, timeout);
    });
    try {
      return await Promise.race([this.fetchText(url, request.signal, options, current), timedOut]);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  }

  private async fetchText(url: string, signal: AbortSignal, options: LoadOptions, current: () => boolean): Promise<{ text: string; url: string }> {
    let response: Response;
    try {
      response = await fetch(url, { signal, credentials: 'same-origin' });
    } catch (error) {
      if (signal.aborted) throw error;
      throw await unreachable(url, signal);
    }
    if (response.status === 404 || response.status === 410) {
      throw new Failure({ key: 'errorNotFound', params: { url, status: response.status } });
    }
    if (!response.ok) throw new Failure({ key: 'errorHttp', params: { url, status: response.status } });
    const length = Number(response.headers.get('content-length')) || 0;
    if (length > options.maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw tooLarge(options.maxBytes);
    }
    // The label is a hint only: a file of data served as text/html is read as data.
    const labelledHtml = /^\s*text\/html\b/i.test(response.headers.get('content-type') ?? '');
    const finalUrl = response.url || url;

    let text: string;
    if (!response.body) text = await response.text();
    else {
      // Decoded as it arrives, so that no step handles the whole file at once.
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const pieces: string[] = [];
      let head = '';
      let received = 0;
      let pausedAt = 0;
      let percent = -1;
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (signal.aborted) throw error;
          // The server had answered: the connection broke on the way, not a refusal.
          throw new Failure({ key: 'errorConnectionLost', params: { url } });
        }
        const { done, value } = chunk;
        if (done) break;
        received += value.byteLength;
        if (received > options.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge(options.maxBytes);
        }
        const piece = decoder.decode(value, { stream: true });
        pieces.push(piece);
        // Chunks that have already arrived are handed over without a pause in between: one is
        // made after every few of them, so that taking in a large file never holds the page.
        if (received - pausedAt >= PAUSE_EVERY_BYTES) {
          pausedAt = received;
          await pause();
        }
        if (head.length < 512) {
          head += piece;
          // A web page is told by its first characters: no need to fetch the rest of it.
          if (head.length >= 512 && isWebPage(head, labelledHtml)) {
            await reader.cancel().catch(() => undefined);
            throw new Failure({ key: 'errorHtml', params: { url } });
          }
        }
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
    if (isWebPage(text.slice(0, 512), labelledHtml)) throw new Failure({ key: 'errorHtml', params: { url } });
    return { text, url: finalUrl };
  }

  /**
   * Reads text in slices, pausing for the page between them: JSON text of a megabyte or more is
   * parsed in slices first; CSV and shorter JSON go to the model's sliced reader as they are. The
   * story is made in slices too, so that the update that draws it only draws.
   */
  private async readText(raw: string, baseUrl: string, signal: AbortSignal): Promise<LoadState> {
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (!text.trim()) return { status: 'error', failure: { key: 'errorEmpty', params: {}, problems: [] } };
    const slicing = { pause, signal, sliceMs: SLICE_MS };
    const large = text.length >= SLICED_FROM;
    // Each step of a large file starts in a task of its own: taking the file in, parsing it,
    // reading its events and making the story were each work enough for one.
    const nextStep = async () => {
      if (!large) return;
      await pause();
      signal.throwIfAborted();
    };
    let result: ReadResult;
    await nextStep();
    if (large && /^\s*[[{]/.test(text.slice(0, 64))) {
      const parsed = await parseJsonInSlices(text, slicing);
      if (parsed.value === undefined) return this.judge({ dataset: { types: {}, events: [] }, problems: parsed.problems, format: 'native' });
      await nextStep();
      result = await readDataInSlices(parsed.value, { baseUrl }, slicing);
      // The repairs of the JSON come first, as the model lists them when it parses the text itself.
      if (parsed.problems.length) result = { ...result, problems: [...parsed.problems, ...result.problems] };
    } else result = await readDataInSlices(text, { baseUrl }, slicing);
    if (result.dataset.events.length === 0) return this.judge(result);
    await nextStep();
    const story = await runInSlices(storySteps(result.dataset), slicing);
    // The update that draws the story too.
    await nextStep();
    return this.judge(result, story);
  }

  private read(value: unknown, baseUrl: string): LoadState {
    if (typeof value === 'string' && !value.trim()) {
      return { status: 'error', failure: { key: 'errorEmpty', params: {}, problems: [] } };
    }
    return this.judge(readData(value, { baseUrl } satisfies ReadOptions));
  }

  /**
   * Data with at least one valid event is ready, with its story (made here when not given);
   * otherwise the reason becomes the error.
   */
  private judge(result: ReadResult, story?: Story): LoadState {
    if (result.dataset.events.length > 0) return { status: 'ready', result, story: story ?? prepareStory(result.dataset) };
    const fatal = result.problems.find((p: Problem) => p.severity === 'error' && (p.path === '' || p.path === '(file)'));
    return {
      status: 'error',
      failure: fatal
        ? { key: 'errorInvalid', params: { detail: fatal.message }, problems: result.problems }
        : { key: 'errorNoEvents', params: {}, problems: result.problems },
    };
  }

  private settle(state: LoadState): void {
    this.set(state);
  }

  private set(state: LoadState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

/**
 * Why a request got no answer, as far as the page can know: the device is offline; or the server
 * answers other requests but not this one's reading (CORS), which a second request that does not
 * ask to read the answer tells; or it could not be reached at all.
 */
async function unreachable(url: string, signal: AbortSignal): Promise<Failure> {
  if (navigator.onLine === false) return new Failure({ key: 'errorOffline', params: { url } });
  if (new URL(url).origin !== location.origin) {
    try {
      // An opaque answer, unreadable by design: it only says that the server is there.
      await fetch(url, { method: 'HEAD', mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
      return new Failure({ key: 'errorCors', params: { url } });
    } catch {
      // Unreachable for this request too.
    }
  }
  return new Failure({ key: 'errorNetwork', params: { url } });
}

/** Whether the first characters of an answer are a web page rather than data. */
function isWebPage(head: string, labelledHtml: boolean): boolean {
  if (/^\ufeff?\s*<(!doctype\s+html|html|head|body)\b/i.test(head)) return true;
  // Labelled as a web page and written as markup: no data starts with "<".
  return labelledHtml && /^\ufeff?\s*</.test(head);
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
