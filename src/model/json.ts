// JSON text to a value, with syntax errors an editor can find: line, column, what is there and
// what was expected. Engines word (and sometimes do not place) their errors differently, so the
// place is found by our own scan.
import { FILE_PATH, pathParts, quote, type ProblemList } from './problems.js';

/** Line and column (1-based) of a position in a text. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * JSON text parsed; on a syntax error, a problem that says where and what. Hand-edited JSON often
 * has commas before a closing bracket, comments, or typographic quotes (“…”) from a word
 * processor: those are repaired, with a warning, rather than costing the whole file.
 */
export function parseJson(text: string, problems: ProblemList): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    const repaired = repairJson(text);
    if (repaired.fixes.length > 0) {
      try {
        const value: unknown = JSON.parse(repaired.text);
        for (const fix of repaired.fixes) problems.warning({ path: FILE_PATH, at: fix.at }, fix.message);
        return { value };
      } catch {
        // Report the first mistake in the text as written.
      }
    }
    const error = jsonError(text);
    problems.error(error.at ? { path: FILE_PATH, at: error.at } : { path: FILE_PATH }, error.message);
    return undefined;
  }
}

/** A JSON syntax error in words, with where it is (none when it cannot be placed). */
export function jsonError(text: string): { message: string; at?: { line: number; column: number } } {
  const found = jsonSyntaxError(text);
  if (!found) return { message: 'This is not valid JSON (it is too deeply nested or too large to read).' };
  const { at, expected } = found;
  const { line, column } = lineAndColumn(text, at);
  if (at >= text.length) {
    return { message: `This is not valid JSON: it ends too early, at line ${line}, where ${expected} was expected. Look for a missing closing bracket or quote.`, at: { line, column } };
  }
  const lineStart = at - column + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  const from = Math.max(lineStart, at - 30);
  const to = Math.min(lineEnd, at + 30);
  const before = (from > lineStart ? '…' : '') + text.slice(from, at).trimStart();
  const after = text.slice(at, to).trimEnd() + (to < lineEnd ? '…' : '');
  const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
  return {
    message: `This is not valid JSON: at line ${line}, column ${column}, ${expected} was expected, but there is ${characterName(char)}. The text there: ${shown(before)}▶${shown(after)}. Look for a missing comma, quote or bracket just before the ▶, or one too many.`,
    at: { line, column },
  };
}

/** The message for JSON text that does not parse. */
export function jsonErrorMessage(text: string): string {
  return jsonError(text).message;
}

const CHARACTER_NAMES: Record<string, string> = {
  '"': 'a double quote (")', "'": "a single quote (')", ',': 'a comma (,)', ':': 'a colon (:)', '{': 'an opening brace ({)',
  '}': 'a closing brace (})', '[': 'an opening bracket ([)', ']': 'a closing bracket (])', '“': 'a typographic quote (“)',
  '”': 'a typographic quote (”)', '/': 'a slash (/)',
};

/** A character of the text in words: "a double quote (")", "the letter t", "“x”". */
function characterName(char: string): string {
  if (Object.hasOwn(CHARACTER_NAMES, char)) return CHARACTER_NAMES[char];
  if (/^\p{L}$/u.test(char)) return `the letter ${char}`;
  if (/^\d$/.test(char)) return `the digit ${char}`;
  return quote(char);
}

/** Text of the file shown in a message: control characters written out, nothing else changed. */
function shown(text: string): string {
  return quote(text).slice(1, -1).replace(/\\"/g, '"');
}

const OBJECT = 0;
const ARRAY = 1;

/** What one scan of a JSON text found. */
interface JsonScan {
  /** The first syntax error: where, and what was expected there; null when there is none. */
  error: { at: number; expected: string } | null;
  /**
   * The deepest complete value on the way to the path asked for: how many parts of the path it
   * matches, and where it starts and ends. Null when no path was asked for or nothing matched.
   */
  found: { depth: number; start: number; end: number } | null;
}

/**
 * Where the first syntax error in a JSON text is and what was expected there. Null when there is none.
 */
export function jsonSyntaxError(text: string): { at: number; expected: string } | null {
  return scanJson(text).error;
}

/**
 * Where in JSON text the value at a problem's path (`events[2].sources[0].url`) is written, as
 * [start, end] offsets. A value that spans lines gives its first line; a path that goes deeper
 * than the text (a field the event lacks) gives the first line of the deepest value on the way.
 * Null when not even the first part of the path is there, or it lies past a syntax error.
 */
export function jsonValueRange(text: string, path: string): [number, number] | null {
  const wanted = pathParts(path);
  // A byte-order mark is not part of the JSON.
  const { found } = scanJson(text, wanted, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (!found || found.depth === 0) return null;
  const opening = text[found.start];
  if (found.depth === wanted.length && opening !== '{' && opening !== '[') return [found.start, found.end];
  const lineEnd = text.indexOf('\n', found.start);
  return [found.start, lineEnd < 0 || lineEnd > found.end ? found.end : lineEnd];
}

/**
 * One forward scan of JSON text with an explicit stack (no recursion, so deep nesting cannot
 * overflow): the first syntax error and, when `wanted` (the keys and list positions of a path) is
 * given, where the value at that path is written. Stops at the first syntax error, or once the
 * value at the whole path is found.
 */
function scanJson(text: string, wanted?: readonly (string | number)[], start = 0): JsonScan {
  const n = text.length;
  const stack: number[] = [];
  // For each open object or list, when a path is wanted: how many parts of the path it matches
  // (-1: none, it is off the path), where it starts, and the position or key of its current item.
  const depths: number[] = [];
  const starts: number[] = [];
  const items: (string | number | undefined)[] = [];
  let found: JsonScan['found'] = null;
  let i = start;
  let state: 'value' | 'key' | 'after' = 'value';
  const fail = (expected: string): JsonScan => ({ error: { at: i, expected }, found });
  /** How many parts of the wanted path the value that starts now matches; -1 when it is off the path. */
  const depthHere = (): number => {
    if (!wanted) return -1;
    const k = stack.length - 1;
    if (k < 0) return 0;
    const depth = depths[k];
    return depth >= 0 && depth < wanted.length && wanted[depth] === items[k] ? depth + 1 : -1;
  };
  /** A complete value: kept when it is the deepest on the path so far; true once it is the whole path. */
  const value = (depth: number, from: number): boolean => {
    if (depth < 0 || (found && depth <= found.depth)) return false;
    found = { depth, start: from, end: i };
    return depth === wanted!.length;
  };
  const open = (kind: number): void => {
    if (wanted) {
      depths.push(depthHere());
      starts.push(i);
      items.push(kind === ARRAY ? 0 : undefined);
    }
    stack.push(kind);
  };
  /** Closes the innermost object or list (`i` is past its bracket); true once the whole path is found. */
  const close = (): boolean => {
    stack.pop();
    if (!wanted) return false;
    items.pop();
    return value(depths.pop()!, starts.pop()!);
  };
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const scanString = (): boolean => {
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x22) {
        i = j + 1;
        return true;
      }
      if (c < 0x20) {
        i = j;
        return false;
      }
      if (c === 0x5c) {
        const e = text[j + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
            i = j;
            return false;
          }
          j += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          i = j;
          return false;
        }
        j += 2;
        continue;
      }
      j++;
    }
    i = n;
    return false;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  for (;;) {
    skipSpace();
    if (state === 'value') {
      if (i >= n) return fail('a value');
      const c = text[i];
      if (c === '{' || c === '[') {
        const kind = c === '{' ? OBJECT : ARRAY;
        open(kind);
        i++;
        skipSpace();
        if (text[i] === (kind === OBJECT ? '}' : ']')) {
          i++;
          if (close()) return { error: null, found };
          state = 'after';
        } else state = kind === OBJECT ? 'key' : 'value';
        continue;
      }
      const from = i;
      const depth = depthHere();
      if (c === '"') {
        if (!scanString()) return fail('the end of the text in quotes');
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
      } else if (text.startsWith('false', i)) {
        i += 5;
      } else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail('a value (text in "double quotes", a number, true, false, null, { or [)');
        i = NUMBER.lastIndex;
      }
      if (value(depth, from)) return { error: null, found };
      state = 'after';
    } else if (state === 'key') {
      if (i >= n || text[i] !== '"') return fail('a name in "double quotes"');
      const from = i;
      if (!scanString()) return fail('the end of the name in quotes');
      // Only the keys of an object on the path are read: they are compared with the path.
      const k = stack.length - 1;
      if (wanted && depths[k] >= 0) items[k] = JSON.parse(text.slice(from, i)) as string;
      skipSpace();
      if (text[i] !== ':') return fail('a colon (:)');
      i++;
      state = 'value';
    } else {
      if (stack.length === 0) return i < n ? fail('the end of the data') : { error: null, found };
      const kind = stack[stack.length - 1];
      const closing = kind === OBJECT ? '}' : ']';
      if (i >= n) return fail(`a comma or ${closing}`);
      const c = text[i];
      if (c === ',') {
        i++;
        state = kind === OBJECT ? 'key' : 'value';
        if (wanted && kind === ARRAY) items[items.length - 1] = (items[items.length - 1] as number) + 1;
        skipSpace();
        if (kind === OBJECT && text[i] === '}') return fail('another "name": value after the comma (a comma before } is not allowed)');
        if (kind === ARRAY && text[i] === ']') return fail('another value after the comma (a comma before ] is not allowed)');
      } else if (c === closing) {
        i++;
        if (close()) return { error: null, found };
      } else return fail(`a comma or ${closing}`);
    }
  }
}

/** A repair of hand-edited JSON, said as the reader's warning, at the first place it was made. */
export interface JsonRepair {
  message: string;
  at: { line: number; column: number };
}

/**
 * The warnings for the repairs made in `text`, given where the first of each kind is (an offset, or
 * -1 for none): commas before a closing bracket, comments, typographic quotes.
 */
export function repairWarnings(text: string, trailing: number, comment: number, curly: number): JsonRepair[] {
  const fixes: JsonRepair[] = [];
  const fix = (position: number, message: (where: string) => string) => {
    if (position < 0) return;
    const at = lineAndColumn(text, position);
    fixes.push({ message: message(`line ${at.line}, column ${at.column}`), at });
  };
  fix(trailing, (where) => `The JSON has a comma before a closing bracket (first at ${where}). It was ignored; remove it so that other tools can read the file.`);
  fix(comment, (where) => `The JSON has comments (first at ${where}). They were ignored; JSON does not allow comments, so other tools may not read the file.`);
  fix(curly, (where) => `The JSON uses typographic quotes (“ ”) instead of plain ones (first at ${where}). They were read as plain quotes ("); use plain quotes so that other tools can read the file.`);
  return fixes;
}

/**
 * Repairs the slips of hand-edited JSON in one forward pass: commas before a closing bracket,
 * // and block comments, and typographic quotes used as string quotes. Says what it repaired, and
 * where the first of each kind is.
 */
function repairJson(text: string): { text: string; fixes: JsonRepair[] } {
  const repaired = repairSlips(text);
  return { text: repaired.text, fixes: repairWarnings(text, repaired.trailing, repaired.comment, repaired.curly) };
}

/**
 * The slips of hand-edited JSON repaired in `text` (the whole of it, or a run of members): commas
 * before a closing bracket, comments, typographic quotes; with the first place (an offset, or -1)
 * of each kind, and whether anything changed.
 */
export function repairSlips(text: string): { text: string; changed: boolean; trailing: number; comment: number; curly: number } {
  let out = '';
  let from = 0;
  let trailing = -1;
  let comment = -1;
  let curly = -1;
  let i = 0;
  const n = text.length;
  const flush = (to: number, replacement: string) => {
    out += text.slice(from, to) + replacement;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A plain string: skip to its end, honouring escapes.
      i++;
      while (i < n && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
      i++;
      continue;
    }
    if (c === 0x201c || c === 0x201d) {
      // “…” used as quotes: the string runs to the next typographic or plain quote on the line.
      if (curly < 0) curly = i;
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 0x201c || d === 0x201d || d === 0x22 || d === 0x0a) break;
        j += d === 0x5c ? 2 : 1;
      }
      flush(i, '"' + text.slice(i + 1, Math.min(j, n)) + '"');
      i = from = Math.min(j + 1, n);
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      if (comment < 0) comment = i;
      flush(i, '');
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      i = from = end;
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      if (comment < 0) comment = i;
      flush(i, '');
      const end = text.indexOf('*/', i + 2);
      i = from = end < 0 ? n : end + 2;
      continue;
    }
    if (c === 0x2c) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) <= 0x20) j++;
      const next = text.charCodeAt(j);
      if (next === 0x7d || next === 0x5d) {
        if (trailing < 0) trailing = i;
        flush(i, '');
        i = from = i + 1;
        continue;
      }
    }
    i++;
  }
  out += text.slice(from);
  return { text: out, changed: from > 0, trailing, comment, curly };
}
