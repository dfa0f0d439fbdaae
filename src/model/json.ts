// JSON text to a value, with syntax errors an editor can find: line, column, what is there and
// what was expected. Engines word (and sometimes do not place) their errors differently, so the
// place is found by our own scan.
import { FILE_PATH, quote, type ProblemList } from './problems.js';

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

/**
 * Where the first syntax error in a JSON text is and what was expected there, by one forward scan
 * with an explicit stack (no recursion, so deep nesting cannot overflow). Null when there is none.
 */
export function jsonSyntaxError(text: string): { at: number; expected: string } | null {
  const n = text.length;
  const stack: number[] = [];
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';
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
      if (i >= n) return { at: i, expected: 'a value' };
      const c = text[i];
      if (c === '{') {
        stack.push(OBJECT);
        i++;
        skipSpace();
        if (text[i] === '}') {
          stack.pop();
          i++;
          state = 'after';
        } else state = 'key';
      } else if (c === '[') {
        stack.push(ARRAY);
        i++;
        skipSpace();
        if (text[i] === ']') {
          stack.pop();
          i++;
          state = 'after';
        } else state = 'value';
      } else if (c === '"') {
        if (!scanString()) return { at: i, expected: 'the end of the text in quotes' };
        state = 'after';
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
        state = 'after';
      } else if (text.startsWith('false', i)) {
        i += 5;
        state = 'after';
      } else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return { at: i, expected: 'a value (text in "double quotes", a number, true, false, null, { or [)' };
        i = NUMBER.lastIndex;
        state = 'after';
      }
    } else if (state === 'key') {
      if (i >= n) return { at: i, expected: 'a name in "double quotes"' };
      if (text[i] !== '"') return { at: i, expected: 'a name in "double quotes"' };
      if (!scanString()) return { at: i, expected: 'the end of the name in quotes' };
      skipSpace();
      if (text[i] !== ':') return { at: i, expected: 'a colon (:)' };
      i++;
      state = 'value';
    } else {
      if (stack.length === 0) return i < n ? { at: i, expected: 'the end of the data' } : null;
      const open = stack[stack.length - 1];
      const close = open === OBJECT ? '}' : ']';
      if (i >= n) return { at: i, expected: `a comma or ${close}` };
      const c = text[i];
      if (c === ',') {
        i++;
        state = open === OBJECT ? 'key' : 'value';
        if (open === OBJECT) {
          skipSpace();
          if (text[i] === '}') return { at: i, expected: 'another "name": value after the comma (a comma before } is not allowed)' };
        } else {
          skipSpace();
          if (text[i] === ']') return { at: i, expected: 'another value after the comma (a comma before ] is not allowed)' };
        }
      } else if (c === close) {
        stack.pop();
        i++;
      } else return { at: i, expected: `a comma or ${close}` };
    }
  }
}

/**
 * Repairs the slips of hand-edited JSON in one forward pass: commas before a closing bracket,
 * // and block comments, and typographic quotes used as string quotes. Says what it repaired.
 */
function repairJson(text: string): { text: string; fixes: string[] } {
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
  const fixes: { message: string; at: { line: number; column: number } }[] = [];
  const fix = (position: number, message: (where: string) => string) => {
    const at = lineAndColumn(text, position);
    fixes.push({ message: message(`line ${at.line}, column ${at.column}`), at });
  };
  if (trailing >= 0) fix(trailing, (where) => `The JSON has a comma before a closing bracket (first at ${where}). It was ignored; remove it so that other tools can read the file.`);
  if (comment >= 0) fix(comment, (where) => `The JSON has comments (first at ${where}). They were ignored; JSON does not allow comments, so other tools may not read the file.`);
  if (curly >= 0) fix(curly, (where) => `The JSON uses typographic quotes (“ ”) instead of plain ones (first at ${where}). They were read as plain quotes ("); use plain quotes so that other tools can read the file.`);
  return { text: out, fixes };
}
