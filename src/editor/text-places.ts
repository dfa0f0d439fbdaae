// Where in the editor's text a problem is, so that a click on the problem selects it: a JSON path
// scanned for in the text, a CSV cell found by row and column, or a syntax error's line and column.
import { FILE_PATH, type InputFormat, type Problem } from '../model/index.js';

/** A range of the text as [start, end] offsets. */
export type TextRange = [number, number];

/** Line and column (1-based) of a JSON syntax error, from its message; null for other problems. */
export function syntaxPlace(problem: Problem): { line: number; column?: number } | null {
  if (problem.path !== FILE_PATH) return null;
  const found = /\bat line (\d+)(?:, column (\d+))?/.exec(problem.message);
  if (!found) return null;
  return found[2] ? { line: Number(found[1]), column: Number(found[2]) } : { line: Number(found[1]) };
}

/** Whether a problem names a place that `locate` can look for (without looking). */
export function hasPlace(problem: Problem, format: InputFormat): boolean {
  if (format === 'csv') return Boolean(problem.row);
  return problem.path !== FILE_PATH || syntaxPlace(problem) !== null;
}

/** Where in `text` a problem is, or null when it cannot be found. */
export function locate(problem: Problem, format: InputFormat, text: string): TextRange | null {
  if (format === 'csv') return problem.row ? locateCsv(text, problem.row, problem.column) : null;
  const syntax = syntaxPlace(problem);
  if (syntax) {
    const start = offsetOf(text, syntax.line, syntax.column ?? Infinity);
    return [start, Math.min(text.length, start + 1)];
  }
  if (problem.path === FILE_PATH) return null;
  const wanted = pathSegments(problem.path);
  return wanted ? locateJson(text, wanted) : null;
}

/** The offset of a line and column (both 1-based); a column past the line's end is its end. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  return Math.min(lineEnd, offset + column - 1);
}

/** One line of the text around a place: its number, and its text cut to fit around the place. */
export interface ExcerptLine {
  number: number;
  text: string;
}

/** How much of a long line an excerpt shows. */
const EXCERPT_WIDTH = 72;

/**
 * The text around a line and column, as an excerpt shows it: the line before (when there is one)
 * and the line itself, without the indentation they share, long lines cut around the column with
 * "…"; `marker` is the column of the place within the lines as shown (1-based).
 */
export function excerpt(text: string, line: number, column?: number): { lines: ExcerptLine[]; marker: number } {
  const all = text.split('\n');
  const at = Math.min(Math.max(line, 1), all.length);
  const target = all[at - 1].replace(/\r$/, '');
  const place = Math.min(column ?? target.length + 1, target.length + 1);
  // Where the cut starts, so that the place falls in the middle of what is shown.
  const from = target.length > EXCERPT_WIDTH ? Math.max(0, Math.min(place - EXCERPT_WIDTH / 2, target.length - EXCERPT_WIDTH)) : 0;
  const cutLine = (whole: string): string => {
    const plain = whole.replace(/\r$/, '').replace(/\t/g, ' ');
    const part = plain.slice(from, from + EXCERPT_WIDTH);
    return (from > 0 ? '…' : '') + part + (from + EXCERPT_WIDTH < plain.length ? '…' : '');
  };
  const lines: ExcerptLine[] = [];
  if (at > 1) lines.push({ number: at - 1, text: cutLine(all[at - 2]) });
  lines.push({ number: at, text: cutLine(target) });
  // The indentation the lines share says nothing about the mistake: it goes, to save width.
  const indent = from > 0 ? 0 : Math.min(place - 1, ...lines.filter((line) => line.text.trim()).map((line) => /^ */.exec(line.text)![0].length));
  return {
    lines: lines.map((line) => ({ number: line.number, text: line.text.slice(indent) })),
    marker: place - from + (from > 0 ? 1 : 0) - indent,
  };
}

/** `events[2].sources[0].url` as keys and indexes, or null when it is not such a path. */
export function pathSegments(path: string): (string | number)[] | null {
  const segments: (string | number)[] = [];
  const pattern = /\[(\d+)\]|\.?([^.[\]]+)/g;
  let match: RegExpExecArray | null;
  let at = 0;
  while ((match = pattern.exec(path)) && match.index === at) {
    segments.push(match[1] !== undefined ? Number(match[1]) : match[2]);
    at = pattern.lastIndex;
  }
  return at === path.length ? segments : null;
}

class Stop extends Error {}

/**
 * The range of the value at `wanted` (keys and indexes) in JSON text; when the path goes deeper
 * than the text, the deepest value found on the way. A parent object or list is long, so only
 * its first line is selected.
 */
export function locateJson(text: string, wanted: readonly (string | number)[]): TextRange | null {
  let i = 0;
  let best: { depth: number; start: number; end: number } | null = null;
  const space = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const fail = (): never => {
    throw new Stop();
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // depth: how many segments of `wanted` the current value matches (-1 when off the path).
  const value = (depth: number): void => {
    space();
    const start = i;
    const onPath = depth >= 0;
    const next = (key: string | number) => (onPath && depth < wanted.length && wanted[depth] === key ? depth + 1 : -1);
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          space();
          if (text[i] !== '"') fail();
          const key = string();
          space();
          if (text[i] !== ':') fail();
          i++;
          value(next(key));
          space();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail();
        }
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') i++;
      else {
        for (let index = 0; ; index++) {
          value(next(index));
          space();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail();
        }
      }
    } else if (c === '"') string();
    else {
      const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!literal) fail();
      i += literal![0].length;
    }
    if (onPath && (!best || depth > best.depth)) best = { depth, start, end: i };
  };
  try {
    // A byte-order mark is not part of the JSON.
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value(0);
  } catch (error) {
    // Text that does not parse: whatever was found before the mistake.
    if (!(error instanceof Stop) && !(error instanceof SyntaxError)) throw error;
  }
  const found = best as { depth: number; start: number; end: number } | null;
  if (!found || found.depth === 0) return null;
  const isLeaf = found.depth === wanted.length && !/[{[]/.test(text[found.start]);
  if (isLeaf) return [found.start, found.end];
  const lineEnd = text.indexOf('\n', found.start);
  return [found.start, lineEnd < 0 || lineEnd > found.end ? found.end : lineEnd];
}

/** The cell at a CSV line (1-based, the header is line 1) and column name, or the whole line. */
export function locateCsv(text: string, row: number, column?: string): TextRange | null {
  const line = csvLine(text, row);
  if (!line) return null;
  const whole: TextRange = [line.start, line.start + line.text.length];
  if (!column) return whole;
  const index = csvColumnIndex(text, [column]);
  const cells = csvCells(line.text);
  if (index < 0 || index >= cells.length) return whole;
  return [line.start + cells[index].start, line.start + cells[index].end];
}

/** A line of CSV text (1-based) and where it starts, without its line break. */
export function csvLine(text: string, row: number): { start: number; text: string } | null {
  if (row < 1) return null;
  let start = 0;
  for (let l = 1; l < row; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return { start, text: text.slice(start, end).replace(/\r$/, '') };
}

/** The index of the first header cell named one of `names` (any case), or -1. */
export function csvColumnIndex(text: string, names: readonly string[]): number {
  const header = csvCells(csvLine(text, 1)?.text.replace(/^\ufeff/, '') ?? '').map((cell) => cell.text.trim().toLowerCase());
  for (const name of names) {
    const index = header.indexOf(name.trim().toLowerCase());
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * The cells of one CSV line with their offsets in it. The data itself is read by the model; this
 * only finds where a cell is in the text, which a CSV parser does not say.
 */
export function csvCells(line: string): { start: number; end: number; text: string }[] {
  const commas = (line.match(/,/g) ?? []).length;
  const delimiter = (line.match(/;/g) ?? []).length > commas ? ';' : line.includes('\t') && !commas ? '\t' : ',';
  const cells: { start: number; end: number; text: string }[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let quoted = false;
    if (line[i] === '"') {
      quoted = true;
      i++;
      while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) i += line[i] === '"' ? 2 : 1;
      i++;
    }
    while (i < line.length && line[i] !== delimiter) i++;
    const raw = line.slice(start, i);
    cells.push({ start, end: i, text: quoted ? raw.slice(1, raw.lastIndexOf('"')).replace(/""/g, '"') : raw });
    if (i >= line.length) break;
    i++;
  }
  return cells;
}
