import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readData } from '../model/index.js';
import type { Problem, ReadResult } from '../model/types.js';

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
  /** Milliseconds before a fetch is given up. */
  timeout: number;
  /** Bytes a data file may have. */
  maxBytes: number;
}

const MEGABYTE = 1024 * 1024;
export const DEFAULT_LOAD_OPTIONS: LoadOptions = { timeout: 15_000, maxBytes: 64 * MEGABYTE };

class Failure extends Error {
  constructor(readonly failure: Omit<LoadFailure, 'problems'>) {
    super(failure.key);
  }
}

/**
 * Loads and reads the timeline's data. Each load aborts the one before it, so a late answer
 * never overwrites newer data; a disconnected host aborts its load.
 */
export class LoadController implements ReactiveController {
  state: LoadState = { status: 'idle' };
  private abort?: AbortController;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onSettled: (state: LoadState) => void,
  ) {
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
      const value = source.kind === 'data' ? source.value : source.text;
      this.settle(this.read(value, document.baseURI));
      return;
    }

    const abort = new AbortController();
    this.abort = abort;
    const url = new URL(source.url, document.baseURI).href;
    this.set({ status: 'loading', url });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, options.timeout);
    try {
      const text = await this.fetchText(url, abort.signal, options, current);
      if (!current()) return;
      this.settle(this.read(text, url));
    } catch (error) {
      if (!current()) return;
      if (error instanceof Failure) this.settle({ status: 'error', failure: { ...error.failure, problems: [] } });
      else if (timedOut) this.fail('errorTimeout', { url, seconds: Math.round(options.timeout / 1000) });
      else this.fail('errorNetwork', { url });
    } finally {
      clearTimeout(timer);
      if (this.abort === abort) this.abort = undefined;
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
    if (length > options.maxBytes) throw tooLarge(options.maxBytes);
    if (!response.body) return response.text();

    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > options.maxBytes) {
        await reader.cancel();
        throw tooLarge(options.maxBytes);
      }
      chunks.push(value);
      if (length && current()) this.set({ status: 'loading', url, percent: Math.min(100, Math.round((received / length) * 100)) });
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const text = new TextDecoder().decode(bytes);
    if (!text.trim()) throw new Failure({ key: 'errorEmpty', params: { url } });
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/html') || /^\s*<(!doctype|html|head|body)\b/i.test(text.slice(0, 512))) {
      throw new Failure({ key: 'errorHtml', params: { url } });
    }
    return text;
  }

  private read(value: unknown, baseUrl: string): LoadState {
    if (typeof value === 'string' && !value.trim()) {
      return { status: 'error', failure: { key: 'errorEmpty', params: {}, problems: [] } };
    }
    const result = readData(value, { baseUrl });
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
    this.onSettled(state);
  }

  private set(state: LoadState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}

function tooLarge(maxBytes: number): Failure {
  return new Failure({ key: 'errorTooLarge', params: { limit: `${Math.round(maxBytes / MEGABYTE)} MB` } });
}
