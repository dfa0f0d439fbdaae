// JSON text to a value in slices, so that a file of many megabytes never holds the page.
//
// JSON.parse of a 50 MB file holds the page for half a second or more. The text is cut instead at
// the members of its large arrays and objects: runs of members a few hundred kilobytes long are
// handed to JSON.parse together (which checks them, commas included), large members are cut in
// turn, and the caller gets a pause after every slice of the text. Only the boundaries are found
// by our own scan, which reads the text as parseJson's repair does: the slips of hand-edited JSON
// (commas before a closing bracket, comments, typographic quotes) are repaired where they are,
// run by run, and reported as parseJson reports them. Text that still does not parse is handed to
// parseJson whole, which says what is wrong and where.
import { parseJson, repairSlips, repairWarnings, type JsonRepair } from './json.js';
import { FILE_PATH, ProblemList } from './problems.js';
import type { Problem } from './types.js';

/** Nesting deeper than this is refused: a timeline needs five or six levels of brackets. */
export const MAX_JSON_DEPTH = 512;

/** How parseJsonInSlices spreads its work. */
export interface JsonSliceOptions {
  /** Lets the page breathe between slices. Default: a zero-delay timer. */
  pause?: () => Promise<void>;
  /** Stops parsing: the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Characters of text read between two pauses. Default 512 K. */
  slice?: number;
  /** Also pause once this many milliseconds have passed since the last pause (a slow device reads fewer characters in a slice). Default: characters only. */
  sliceMs?: number;
  /** Characters of members handed to JSON.parse together. Default 128 K. */
  run?: number;
  /** Deepest nesting accepted. Default MAX_JSON_DEPTH. */
  maxDepth?: number;
}

/** The parsed value, or nothing when the text is not JSON; `problems` says why, or what was repaired. */
export interface JsonSlices {
  value?: unknown;
  problems: Problem[];
}

/** The message for nesting past the limit. */
export function tooDeepMessage(maxDepth = MAX_JSON_DEPTH): string {
  return `The data is nested more than ${maxDepth} levels deep; a timeline needs only a few levels of brackets.`;
}

/**
 * JSON text parsed as parseJson parses it (the same value, the same repairs and problems), in
 * slices of `slice` characters with a pause after each. Nesting deeper than `maxDepth` is refused
 * at once, with an error. Never throws, except the signal's reason when it aborts.
 */
export async function parseJsonInSlices(text: string, options: JsonSliceOptions = {}): Promise<JsonSlices> {
  const settings: Settings = {
    pause: options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0))),
    signal: options.signal,
    slice: Math.max(1, options.slice ?? 512 * 1024),
    sliceMs: options.sliceMs,
    run: Math.max(1, options.run ?? 128 * 1024),
    maxDepth: options.maxDepth ?? MAX_JSON_DEPTH,
  };
  const parser = new SlicedJsonParser(text, settings);
  const problems = new ProblemList();
  try {
    const value = await parser.parse();
    for (const fix of parser.fixes()) problems.warning({ path: FILE_PATH, at: fix.at }, fix.message);
    return { value, problems: problems.items };
  } catch (error) {
    if (error instanceof TooDeep) {
      problems.error({ path: FILE_PATH }, tooDeepMessage(parser.maxDepth));
      return { problems: problems.items };
    }
    if (!(error instanceof NotPlainJson) && !(error instanceof SyntaxError)) throw error;
  }
  // A mistake, or text the scan cannot cut: parseJson reads it whole and says what is wrong, in a
  // slice of its own.
  if (text.length > settings.slice) await settings.pause();
  options.signal?.throwIfAborted();
  const parsed = parseJson(text, problems);
  return parsed ? { value: parsed.value, problems: problems.items } : { problems: problems.items };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const LEFT_CURLY = 0x201c;
const RIGHT_CURLY = 0x201d;

/** Text the scan cannot cut as JSON (parseJson then reads it whole). */
class NotPlainJson extends Error {}

class TooDeep extends Error {}

interface Settings {
  pause: () => Promise<void>;
  signal?: AbortSignal;
  slice: number;
  sliceMs?: number;
  run: number;
  maxDepth: number;
}

class SlicedJsonParser {
  readonly maxDepth: number;
  /** Where the text was when the page last had a pause. */
  private pausedAt = 0;
  private pausedTime = performance.now();
  /** Members read since the clock was last looked at. */
  private members = 0;
  /** First place of each slip repaired, as parseJson reports them. */
  private trailing = -1;
  private comment = -1;
  private curly = -1;

  constructor(
    private readonly text: string,
    private readonly settings: Settings,
  ) {
    this.maxDepth = settings.maxDepth;
  }

  async parse(): Promise<unknown> {
    this.settings.signal?.throwIfAborted();
    const start = this.skipSpace(0);
    const [value, after] = await this.value(start, 0);
    if (this.skipSpace(after) !== this.text.length) throw new NotPlainJson();
    return value;
  }

  /** The repairs made, worded as parseJson words them. */
  fixes(): JsonRepair[] {
    return repairWarnings(this.text, this.trailing, this.comment, this.curly);
  }

  /** Whether a slice has been read since the last pause: its characters, or its time (looked at every few members). */
  private sliceDone(at: number): boolean {
    if (at - this.pausedAt >= this.settings.slice) return true;
    if (this.settings.sliceMs === undefined || ++this.members % 32 !== 0) return false;
    return performance.now() - this.pausedTime >= this.settings.sliceMs;
  }

  /** Pauses for the page once a slice of the text has been read since the last pause. */
  private async breathe(at: number): Promise<void> {
    this.pausedAt = at;
    this.pausedTime = performance.now();
    await this.settings.pause();
    this.settings.signal?.throwIfAborted();
  }

  /** The value that starts at `at` and where it ends. */
  private async value(at: number, depth: number): Promise<[unknown, number]> {
    if (depth > this.maxDepth) throw new TooDeep();
    const end = this.smallEnd(at, depth);
    if (end >= 0) return [this.parseRun(at, end, '', ''), end];
    const code = this.text.charCodeAt(at);
    if (code === OPEN_ARRAY) return this.array(at, depth + 1);
    if (code === OPEN_OBJECT) return this.object(at, depth + 1);
    // A long string: found whole, parsed whole (strings parse quickly).
    const stringEnd = code === QUOTE ? this.stringEnd(at) : this.curlyEnd(at);
    return [this.parseRun(at, stringEnd, '', ''), stringEnd];
  }

  private async array(open: number, depth: number): Promise<[unknown[], number]> {
    const { text } = this;
    const out: unknown[] = [];
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart < 0) return;
      const items = this.parseRun(runStart, runEnd, '[', ']') as unknown[];
      for (const item of items) out.push(item);
      runStart = -1;
    };
    let at = this.skipSpace(open + 1);
    if (text.charCodeAt(at) === CLOSE_ARRAY) return [out, at + 1];
    for (;;) {
      const end = this.smallEnd(at, depth);
      if (end >= 0) {
        // A run is never longer than `run`: a member that would make it so starts the next one.
        if (runStart >= 0 && end - runStart > this.settings.run) flush();
        if (runStart < 0) runStart = at;
        runEnd = end;
        at = end;
      } else {
        flush();
        const [item, itemEnd] = await this.value(at, depth);
        out.push(item);
        at = itemEnd;
      }
      const next = this.afterMember(at, CLOSE_ARRAY);
      if (next < 0) {
        flush();
        return [out, ~next];
      }
      at = next;
      if (this.sliceDone(at)) {
        flush();
        await this.breathe(at);
      }
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
      const members = this.parseRun(runStart, runEnd, '{', '}') as Record<string, unknown>;
      for (const key of Object.keys(members)) put(key, members[key]);
      runStart = -1;
    };
    let at = this.skipSpace(open + 1);
    if (text.charCodeAt(at) === CLOSE_OBJECT) return [out, at + 1];
    for (;;) {
      const first = text.charCodeAt(at);
      let keyEnd: number;
      if (first === QUOTE) keyEnd = this.stringEnd(at);
      else if (first === LEFT_CURLY || first === RIGHT_CURLY) keyEnd = this.curlyEnd(at);
      else throw new NotPlainJson();
      let valueAt = this.skipSpace(keyEnd);
      if (text.charCodeAt(valueAt) !== COLON) throw new NotPlainJson();
      valueAt = this.skipSpace(valueAt + 1);
      const end = this.smallEnd(valueAt, depth);
      if (end >= 0) {
        // A run is never longer than `run`: a member that would make it so starts the next one.
        if (runStart >= 0 && end - runStart > this.settings.run) flush();
        if (runStart < 0) runStart = at;
        runEnd = end;
        at = end;
      } else {
        flush();
        const key = this.parseRun(at, keyEnd, '', '') as string;
        const [value, valueEnd] = await this.value(valueAt, depth);
        put(key, value);
        at = valueEnd;
      }
      const next = this.afterMember(at, CLOSE_OBJECT);
      if (next < 0) {
        flush();
        return [out, ~next];
      }
      at = next;
      if (this.sliceDone(at)) {
        flush();
        await this.breathe(at);
      }
    }
  }

  /**
   * Where a list or object goes on after a member that ends at `at`: where the next member starts;
   * or, where `closing` ends it (after a comma too, repaired), ~ the place after the bracket.
   */
  private afterMember(at: number, closing: number): number {
    at = this.skipSpace(at);
    const code = this.text.charCodeAt(at);
    if (code === closing) return ~(at + 1);
    if (code !== COMMA) throw new NotPlainJson();
    if (this.trailingClose(at) === closing) return ~(this.skipSpace(at + 1) + 1);
    return this.skipSpace(at + 1);
  }

  /**
   * A comma followed by nothing but blanks and a closing bracket (which parseJson's repair drops):
   * that bracket, noted as a repair. 0 for any other comma.
   */
  private trailingClose(comma: number): number {
    const { text } = this;
    let j = comma + 1;
    while (j < text.length && text.charCodeAt(j) <= 0x20) j++;
    const next = text.charCodeAt(j);
    if (next !== CLOSE_ARRAY && next !== CLOSE_OBJECT) return 0;
    if (this.trailing < 0 || comma < this.trailing) this.trailing = comma;
    return next;
  }

  /**
   * The members from `from` to `to`, parsed between `open` and `close`. Parsed as they are when they
   * are plain JSON; otherwise repaired as parseJson repairs them, the repairs noted.
   */
  private parseRun(from: number, to: number, open: string, close: string): unknown {
    const slice = this.text.slice(from, to);
    try {
      return JSON.parse(open + slice + close);
    } catch {
      const repaired = repairSlips(slice);
      if (!repaired.changed) throw new NotPlainJson();
      const value: unknown = JSON.parse(open + repaired.text + close);
      const note = (first: number, seen: number) => (seen >= 0 && (first < 0 || from + seen < first) ? from + seen : first);
      this.trailing = note(this.trailing, repaired.trailing);
      this.comment = note(this.comment, repaired.comment);
      this.curly = note(this.curly, repaired.curly);
      return value;
    }
  }

  /**
   * Where the value at `at` ends, when it ends within a run; -1 when it is longer (or the text
   * ends first). Brackets are counted; strings, typographic strings and comments skipped whole.
   */
  private smallEnd(at: number, depth: number): number {
    const { text } = this;
    const limit = Math.min(text.length, at + this.settings.run);
    const first = text.charCodeAt(at);
    if (first === QUOTE) {
      const end = this.stringEnd(at, limit);
      return end > limit ? -1 : end;
    }
    if (first === LEFT_CURLY || first === RIGHT_CURLY) {
      const end = this.curlyEnd(at);
      return end > limit ? -1 : end;
    }
    if (first !== OPEN_ARRAY && first !== OPEN_OBJECT) {
      // A number or a literal: short, and never cut by the run's limit.
      let i = at;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (code === COMMA || code === CLOSE_ARRAY || code === CLOSE_OBJECT || isSpace(code) || code === SLASH) break;
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
      } else if (code === LEFT_CURLY || code === RIGHT_CURLY) {
        i = this.curlyEnd(i) - 1;
      } else if (code === SLASH) {
        const end = this.commentEnd(i);
        if (end > i) i = end - 1;
      } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
        level++;
        if (depth + level > this.maxDepth) throw new TooDeep();
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

  /**
   * Just after a string in typographic quotes that opens at `at`, read as parseJson's repair reads
   * it: up to the next typographic or plain quote, or the end of the line.
   */
  private curlyEnd(at: number): number {
    const { text } = this;
    let j = at + 1;
    while (j < text.length) {
      const code = text.charCodeAt(j);
      if (code === LEFT_CURLY || code === RIGHT_CURLY || code === QUOTE || code === NEWLINE) break;
      j += code === BACKSLASH ? 2 : 1;
    }
    return Math.min(j + 1, text.length);
  }

  /** Just after the comment that opens at `at` (`//` to the line's end, or a block); `at` when there is none. */
  private commentEnd(at: number): number {
    const { text } = this;
    const next = text.charCodeAt(at + 1);
    if (next === SLASH) {
      const end = text.indexOf('\n', at);
      return end < 0 ? text.length : end;
    }
    if (next === STAR) {
      const end = text.indexOf('*/', at + 2);
      return end < 0 ? text.length : end + 2;
    }
    return at;
  }

  /** The first character from `at` that is neither a blank nor in a comment (comments noted as repairs). */
  private skipSpace(at: number): number {
    const { text } = this;
    for (;;) {
      while (at < text.length && isSpace(text.charCodeAt(at))) at++;
      if (text.charCodeAt(at) !== SLASH) return at;
      const end = this.commentEnd(at);
      if (end === at) return at;
      if (this.comment < 0 || at < this.comment) this.comment = at;
      at = end;
    }
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
