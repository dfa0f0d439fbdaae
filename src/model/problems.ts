import type { Problem, Severity } from './types.js';

/** Where something is in the input, as a problem reports it. */
export interface Place {
  path: string;
  row?: number;
  column?: string;
}

/** Path used for problems about the whole input rather than a part of it. */
export const FILE_PATH = '(file)';

/** Collects the problems of one read, in the order they are found. */
export class ProblemList {
  readonly items: Problem[] = [];
  errors = 0;

  add(severity: Severity, place: Place, message: string, event?: { index: number; id?: string }): void {
    const problem: Problem = { path: place.path, message, severity };
    if (place.row !== undefined) problem.row = place.row;
    if (place.column !== undefined) problem.column = place.column;
    if (event) {
      problem.eventIndex = event.index;
      if (event.id !== undefined) problem.eventId = event.id;
    }
    if (severity === 'error') this.errors += 1;
    this.items.push(problem);
  }

  error(place: Place, message: string): void {
    this.add('error', place, message);
  }

  warning(place: Place, message: string): void {
    this.add('warning', place, message);
  }
}

const QUOTE_LIMIT = 80;

/**
 * A value from the data, quoted for a message: cut when long, with invisible characters
 * written out (\t, \n, \u0000) so the editor can see what is actually there.
 */
export function quote(text: string): string {
  let out = '"';
  const end = Math.min(text.length, QUOTE_LIMIT);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) out += '\\"';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code === 0x09) out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0x200b || code === 0xfeff) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += text[i];
  }
  return out + (text.length > QUOTE_LIMIT ? '…"' : '"');
}

/** What kind of value something is, in words, with the value itself when it is short. */
export function describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.trim() === '' ? 'empty text' : `the text ${quote(value)}`;
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : `the number ${String(value)}`;
    case 'boolean':
      return `${value}`;
    case 'undefined':
      return 'nothing';
    case 'bigint':
      return `the number ${value.toString()}`;
    case 'symbol':
    case 'function':
      return `a ${typeof value}`;
    default:
      if (value === null) return 'null';
      if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
      return 'an object';
  }
}

/** "1 event", "2 events". */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;
}
