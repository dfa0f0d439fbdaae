// Where in the editor's text a problem is, so that a click on the problem selects it: the value
// at a JSON path (found by the model's scan), a CSV cell found by row and column (its cells read
// by d3-dsv), or the line and column the model gives for a syntax error.
import { dsvFormat, type DSV } from 'd3-dsv';
import { csvDelimiter, FILE_PATH, jsonValueRange, type InputFormat, type Problem } from '../model/index.js';

/** A range of the text as [start, end] offsets. */
export type TextRange = [number, number];

/** A line and column (both from 1), as `problem.at` gives them. */
export interface LineAndColumn {
  line: number;
  column: number;
}

/** Whether a problem names a place that `locate` can look for (without looking). */
export function hasPlace(problem: Problem, format: InputFormat): boolean {
  if (format === 'csv') return Boolean(problem.row);
  return problem.path !== FILE_PATH || problem.at !== undefined;
}

/** Where in `text` a problem is, or null when it cannot be found. */
export function locate(problem: Problem, format: InputFormat, text: string): TextRange | null {
  if (format === 'csv') return problem.row ? locateCsv(text, problem.row, problem.column) : null;
  if (problem.at) {
    const start = offsetOf(text, problem.at);
    return [start, Math.min(text.length, start + 1)];
  }
  return problem.path === FILE_PATH ? null : jsonValueRange(text, problem.path);
}

/** The length of a byte-order mark at the start of the text: the model counts columns without it. */
function markLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** The offset of a line and column (both from 1); a column past the line's end is its end. */
export function offsetOf(text: string, { line, column }: LineAndColumn): number {
  let offset = markLength(text);
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

/** How much of a long line an excerpt shows: what fits the problem list on a laptop without scrolling. */
const EXCERPT_WIDTH = 48;

/**
 * The text around a line and column, as an excerpt shows it: the line before (when there is one,
 * and it reaches the part of the line shown) and the line itself, without the indentation they
 * share, long lines cut around the column with "…"; `marker` is the column of the place within
 * the lines as shown (1-based).
 */
export function excerpt(text: string, { line, column }: LineAndColumn): { lines: ExcerptLine[]; marker: number } {
  const all = text.slice(markLength(text)).split('\n');
  const at = Math.min(Math.max(line, 1), all.length);
  const plain = (number: number) => all[number - 1].replace(/\r$/, '').replace(/\t/g, ' ');
  const target = plain(at);
  const before = at > 1 ? plain(at - 1) : undefined;
  // The indentation the lines share says nothing about the mistake: it goes, to save width.
  const indent = Math.min(column - 1, ...[target, before ?? ''].filter((text) => text.trim()).map((text) => /^ */.exec(text)![0].length));
  const shown = target.slice(indent);
  const place = Math.min(column - indent, shown.length + 1);
  // Where the cut starts, so that the place falls in the middle of what is shown.
  const from = shown.length > EXCERPT_WIDTH ? Math.max(0, Math.min(place - EXCERPT_WIDTH / 2, shown.length - EXCERPT_WIDTH)) : 0;
  const cut = (text: string): string => (from > 0 ? '…' : '') + text.slice(from, from + EXCERPT_WIDTH) + (from + EXCERPT_WIDTH < text.length ? '…' : '');
  const lines: ExcerptLine[] = [];
  // A line before that ends before the part shown, or just inside it, would show a fragment.
  if (before !== undefined && (from === 0 || before.slice(indent).trimEnd().length - from >= EXCERPT_WIDTH / 4)) {
    lines.push({ number: at - 1, text: cut(before.slice(indent)) });
  }
  lines.push({ number: at, text: cut(shown) });
  return { lines, marker: place - from + (from > 0 ? 1 : 0) };
}

/** The cell at a CSV row (its file line; the header is line 1) and column name, or the whole row's line. */
function locateCsv(text: string, row: number, column?: string): TextRange | null {
  const line = lineRange(text, row);
  if (!line) return null;
  if (!column) return line;
  const parser = dsvFormat(csvDelimiter(text));
  const header = lineRange(text, 1)!;
  const index = (parser.parseRows(text.slice(...header))[0] ?? []).findIndex((name) => name.trim() === column);
  const cells = cellRanges(text.slice(...line), parser);
  if (index < 0 || index >= cells.length) return line;
  return [line[0] + cells[index][0], line[0] + cells[index][1]];
}

/** A line of the text (from 1), without its line break; null past the end. */
function lineRange(text: string, number: number): TextRange | null {
  if (number < 1) return null;
  let start = 0;
  for (let l = 1; l < number; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return [start, text[end - 1] === '\r' ? end - 1 : end];
}

/**
 * Where each cell of one CSV line is written. d3-dsv reads the cells but does not say where they
 * are; each is as long as d3-dsv read it, or, in quotes, that with its quotes and its inner quotes
 * doubled, and one separator follows it.
 */
function cellRanges(line: string, parser: DSV): TextRange[] {
  const ranges: TextRange[] = [];
  let at = 0;
  for (const cell of parser.parseRows(line)[0] ?? ['']) {
    const length = line[at] === '"' ? cell.length + cell.split('"').length + 1 : cell.length;
    ranges.push([at, Math.min(line.length, at + length)]);
    at += length + 1;
  }
  return ranges;
}
