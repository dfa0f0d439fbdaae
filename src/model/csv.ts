// Reads CSV in two layouts, told apart by the header row: the native columns (date, title,
// source_url, figure_value…) and the columns of TimelineJS's spreadsheet template (Year, Month,
// Day, Headline, Text, Media…). Header names are matched without regard to case, spaces or
// dashes, under the names of fields.ts. Cells are parsed by d3-dsv, a slice of rows at a time;
// problems name the file line (the header is line 1) and the column, and a row whose number of
// cells differs from the header's is reported.
//
// Native layout, several rows for one event: a row whose id (or, without an id column, whose
// date and title) matches an earlier row adds its source and figure to that event; so does a row
// with no id, date or title but with a source or figure. The first row's other cells are kept,
// and a later row that contradicts them gets a warning.
import { dsvFormat } from 'd3-dsv';
import { EVENT_LIMIT, Normalizer, STEP, type Locator, type NormalizeOptions, type Steps } from './normalize.js';
import { FIELD_BY_NAME, FIGURE_PARTS, SOURCE_PARTS } from './fields.js';
import { FILE_PATH, count, quote, type EventTag, type Place, type ProblemList } from './problems.js';
import { htmlToText } from './text.js';
import { readSlides, TIME_ERROR, type SlideLocator, type SlideRef } from './timelinejs.js';
import type { Dataset } from './types.js';

export type CsvLayout = 'native' | 'timelinejs';

const EVENT_COLUMNS = ['id', 'date', 'end', 'type', 'title', 'summary', 'place'] as const;

const TIMELINEJS_COLUMNS = [
  'year', 'month', 'day', 'time', 'end_year', 'end_month', 'end_day', 'end_time', 'display_date', 'headline',
  'text', 'media', 'media_credit', 'media_caption', 'media_thumbnail', 'type', 'group', 'tag', 'background',
];
/** Slide parts (as timelinejs.ts names them) and the spreadsheet column each comes from. */
const SLIDE_COLUMNS: Record<string, string> = {
  start_date: 'year', 'start_date.year': 'year', 'start_date.month': 'month', 'start_date.day': 'day',
  'start_date.hour': 'time', 'start_date.minute': 'time', 'start_date.second': 'time', 'start_date.millisecond': 'time',
  end_date: 'end_year', 'end_date.year': 'end_year', 'end_date.month': 'end_month', 'end_date.day': 'end_day',
  'end_date.hour': 'end_time', 'end_date.minute': 'end_time', 'end_date.second': 'end_time', 'end_date.millisecond': 'end_time',
  'text.headline': 'headline', 'text.text': 'text', 'media.url': 'media', 'media.credit': 'media_credit',
  'media.caption': 'media_caption', group: 'group',
};

function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function place(line: number, column?: string): Place {
  return column === undefined ? { path: `row ${line}`, row: line } : { path: `row ${line}, column "${column}"`, row: line, column };
}

/** The separator of a CSV text: comma, or semicolon or tab when the header row uses those instead. */
export function csvDelimiter(text: string): string {
  let end = text.indexOf('\n');
  if (end < 0 || end > 10_000) end = Math.min(text.length, 10_000);
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      if (c === ',') commas++;
      else if (c === ';') semicolons++;
      else if (c === '\t') tabs++;
    }
  }
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

/** About how many characters of CSV text are parsed between two pauses (see readDataInSlices). */
export const CSV_SLICE = 256 * 1024;

/** A cell with text after its closing quote, repaired: where it is and what it holds. */
interface QuoteRepair {
  /** File line its row starts on. */
  line: number;
  /** Position of the cell in its row (0-based). */
  cell: number;
  /** The cell as written, and as read. */
  written: string;
  value: string;
}

/** A run of whole rows of a CSV text, ready for parseRows; `repairs` in the order of their rows. */
export interface CsvSlice {
  text: string;
  repairs: QuoteRepair[];
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * Cuts a CSV text into slices of whole rows, each about `size` characters or a little more, so
 * that each can be parsed on its own (d3-dsv's parseRows) and the parsing spread over time. Rows
 * are told apart as d3-dsv tells them: a quote opens a quoted cell only at the start of a cell, and
 * line breaks inside quoted cells belong to the cell.
 *
 * A quoted cell with text after its closing quote (`"Sharm el-Sheikh" talks`) would be split in
 * two by the parser and move the row's other cells out of their columns. Such a cell is read as
 * one, written again in quotes in the slice, and listed in `repairs` for a warning: quotes inside
 * it before a closing quote at the end of the cell are kept as text (`"He said "yes" today"`);
 * otherwise the text after the closing quote is added to the cell.
 */
export function* csvSlices(text: string, delimiter: string, size = CSV_SLICE): Generator<CsvSlice, void, void> {
  const n = text.length;
  const separator = delimiter.charCodeAt(0);
  // Line breaks as the file has them: "\n" (or "\r\n"), else a lone "\r".
  const lineBreak = text.indexOf('\n') >= 0 ? '\n' : '\r';
  const lines = lineCounter(text, lineBreak);
  // The next quote and line breaks, found again only once passed, so that the text is searched once.
  let nextQuote = text.indexOf('"');
  let newline = -2;
  let carriage = -2;
  let from = 0;
  while (from < n) {
    const target = from + size;
    let end: number;
    const repairs: QuoteRepair[] = [];
    const pieces: string[] = [];
    let copied = from;
    if (nextQuote >= 0 && nextQuote < from) nextQuote = text.indexOf('"', from);
    const firstQuote = nextQuote;
    let breakAfter = target >= n ? n : text.indexOf(lineBreak, target);
    if (breakAfter < 0) breakAfter = n;
    if (firstQuote < 0 || firstQuote > breakAfter) {
      // No quote up to the first line break past the target: every line break is a row end.
      end = breakAfter >= n ? n : breakAfter + 1;
    } else {
      // Rows up to the first quote are plain lines; from the row it is in, rows are followed from
      // quote to quote: a quote opens a cell only at the start of one, and up to the next quote
      // that does, every line break ends a row.
      const lastBreak = text.lastIndexOf(lineBreak, firstQuote);
      let row = Math.max(from, lastBreak + 1);
      let quote = firstQuote;
      while (row < n && row < target) {
        let at = row;
        for (;;) {
          if (quote !== -1 && quote < at) quote = text.indexOf('"', at);
          if (newline !== -1 && newline < at) newline = text.indexOf('\n', at);
          if (carriage !== -1 && carriage < at) carriage = text.indexOf('\r', at);
          const lineEnd = newline === -1 ? carriage : carriage === -1 ? newline : Math.min(newline, carriage);
          if (quote === -1 || (lineEnd !== -1 && lineEnd < quote)) {
            row = lineEnd === -1 ? n : afterLineBreak(text, lineEnd);
            break;
          }
          if (quote !== row && text.charCodeAt(quote - 1) !== separator) {
            // A quote inside a cell is text.
            at = quote + 1;
            continue;
          }
          const read = quotedCell(text, quote, separator);
          if (read.repaired !== undefined) {
            pieces.push(text.slice(copied, quote), read.repaired);
            copied = read.end;
            const before = quote === row ? [] : dsvFormat(delimiter).parseRows(text.slice(row, quote))[0] ?? [''];
            repairs.push({ line: lines(row), cell: Math.max(0, before.length - 1), written: text.slice(quote, read.end), value: read.value! });
          }
          at = read.end;
          // `at` is now on what follows the cell: a separator, a line break or the end.
          if (at >= n) {
            row = n;
            break;
          }
          if (text.charCodeAt(at) === separator) {
            at++;
            continue;
          }
          row = afterLineBreak(text, at);
          break;
        }
      }
      nextQuote = quote;
      end = row;
    }
    pieces.push(text.slice(copied, end));
    yield { text: pieces.length === 1 ? pieces[0] : pieces.join(''), repairs };
    from = end;
  }
}

/**
 * A quoted cell that starts at `start`: where it ends (on the separator, line break or end of text
 * after it) and, when it has text after its closing quote, its value and the cell written again so
 * that a CSV parser reads it as that value.
 */
function quotedCell(text: string, start: number, separator: number): { end: number; value?: string; repaired?: string } {
  const n = text.length;
  const ends = (at: number) => {
    const c = text.charCodeAt(at);
    return at >= n || c === separator || c === NEWLINE || c === RETURN;
  };
  let at = start + 1;
  for (;;) {
    const close = text.indexOf('"', at);
    if (close < 0) return { end: n };
    if (text.charCodeAt(close + 1) === QUOTE) {
      at = close + 2;
      continue;
    }
    if (ends(close + 1)) return { end: close + 1 };
    // Text after the closing quote. Quotes up to one that ends the cell on this line are text.
    let lineEnd = close + 1;
    while (lineEnd < n && text.charCodeAt(lineEnd) !== NEWLINE && text.charCodeAt(lineEnd) !== RETURN) lineEnd++;
    let last = -1;
    for (let q = text.indexOf('"', close + 1); q >= 0 && q < lineEnd; q = text.indexOf('"', q + 1)) {
      if (ends(q + 1)) {
        last = q;
        break;
      }
    }
    let end: number;
    let value: string;
    if (last >= 0) {
      end = last + 1;
      value = text.slice(start + 1, last).replace(/""/g, '"');
    } else {
      end = close + 1;
      while (!ends(end)) end++;
      value = text.slice(start + 1, close).replace(/""/g, '"') + text.slice(close + 1, end);
    }
    return { end, value, repaired: '"' + value.replace(/"/g, '""') + '"' };
  }
}

/** Where the row after a line break ("\n", "\r\n" or "\r") at `at` starts. */
function afterLineBreak(text: string, at: number): number {
  return at + 1 + (text.charCodeAt(at) === RETURN && text.charCodeAt(at + 1) === NEWLINE ? 1 : 0);
}

/** The file line (from 1) of positions in a text, asked for in increasing order. */
function lineCounter(text: string, lineBreak: string): (position: number) => number {
  let counted = 0;
  let line = 1;
  return (position) => {
    for (let at = text.indexOf(lineBreak, counted); at >= 0 && at < position; at = text.indexOf(lineBreak, at + 1)) line++;
    counted = Math.max(counted, position);
    return line;
  };
}

/** How many line breaks a cell holds ("\r\n" counts once). */
function lineBreaks(cell: string): number {
  let breaks = 0;
  for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) breaks++;
  if (cell.includes('\r')) for (let at = cell.indexOf('\r'); at >= 0; at = cell.indexOf('\r', at + 1)) if (cell.charCodeAt(at + 1) !== NEWLINE) breaks++;
  return breaks;
}

/** Reads the rows below the header, one at a time, into a dataset. */
interface RowReader {
  row(row: string[], line: number): void;
  finish(): Steps<Dataset>;
}

/** The header row: its names as written, where it is, and the position of each column by key. */
interface Header {
  names: string[];
  line: number;
  /** Header key → column position (the first column with that name). */
  columns: Map<string, number>;
}

/** A cell's text, trimmed; empty when the row is shorter or there is no such column (-1). */
function cellAt(row: string[], c: number): string {
  return c >= 0 && c < row.length ? row[c].trim() : '';
}

function isBlank(row: string[]): boolean {
  for (let c = 0; c < row.length; c++) if (row[c].trim() !== '') return false;
  return true;
}

/** Which layout a header row has, or null when it has neither. */
export function csvLayout(header: readonly string[]): CsvLayout | null {
  const keys = header.map(headerKey);
  if (keys.includes('headline') && (keys.includes('year') || keys.includes('start_date'))) return 'timelinejs';
  if (keys.some((key) => FIELD_BY_NAME.get(key) === 'date' || FIELD_BY_NAME.get(key) === 'title')) return 'native';
  return null;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * Reads CSV text (either layout) into a dataset; problems go to `problems`. The text is parsed a
 * slice of rows at a time (d3-dsv), pausing between slices, so a large file never holds the page.
 */
export function* readCsv(text: string, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): Steps<{ dataset: Dataset; layout: CsvLayout | null }> {
  const delimiter = csvDelimiter(text);
  const parser = dsvFormat(delimiter);
  let reader: RowReader | null = null;
  let header: Header | null = null;
  let layout: CsvLayout | null = null;
  let refused = false;
  /** Rows with characters that were not UTF-8 (decoded as U+FFFD). */
  const unreadable: number[] = [];
  let firstUnreadable: EventTag | undefined;
  /**
   * The title a row holds, to name it by in a problem about the row itself (its cells, its
   * quotes, its characters), as an editor looks for it: known once the header row is read.
   */
  let rowName: (row: string[]) => EventTag | undefined = () => undefined;

  const cellsDiffer = (row: string[], line: number): boolean => {
    const expected = header!.names.length;
    if (row.length === expected || isBlank(row)) return false;
    const counts = `Row ${line} has ${count(row.length, 'cell')}, but the header row names ${count(expected, 'column')}`;
    if (row.length < expected) {
      problems.add('warning', place(line), `${counts}; the missing cells are read as empty.`, rowName(row), 'cell-count');
      return false;
    }
    if (isBlank(row.slice(expected))) {
      problems.add('warning', place(line), `${counts}; the cells beyond the last column are empty and not read.`, rowName(row), 'cell-count');
      return false;
    }
    const name = DELIMITER_NAMES[delimiter];
    const advice = delimiter === '\t' ? 'A cell with a tab in it needs quotes around it.' : `A cell with a ${name} in it needs quotes around it, like "Talks in Cairo${delimiter} Egypt".`;
    problems.add('error', place(line), `${counts}, so its cells may be in the wrong columns. ${advice} The row is left out.`, rowName(row), 'cell-count');
    return true;
  };

  const visit = (row: string[], line: number) => {
    if (reader) {
      if (!cellsDiffer(row, line)) reader.row(row, line);
      return;
    }
    if (refused || isBlank(row)) return;
    header = { names: row, line, columns: new Map() };
    row.forEach((name, c) => {
      const key = headerKey(name);
      if (key === '') return;
      if (header!.columns.has(key)) problems.add('warning', place(line, name.trim()), `The column ${quote(name.trim())} appears twice; only the first one is read.`);
      else header!.columns.set(key, c);
    });
    layout = csvLayout(row);
    if (layout === null) {
      const found = row.slice(0, 8).map((name) => quote(name.trim())).join(', ');
      problems.add('error', { path: FILE_PATH, row: line }, `This does not look like timeline data. As CSV, its first line should name the columns, such as date, title, source_url, publisher (or Year, Month, Day, Headline from the TimelineJS template); found ${found}.`);
      refused = true;
      return;
    }
    reader = layout === 'native' ? nativeRows(header, problems, options) : timelineJsRows(header, problems, options);
    if (!reader) refused = true;
    else rowName = rowNames(header, layout);
  };

  let line = 1;
  for (const slice of csvSlices(text, delimiter)) {
    const rows = parser.parseRows(slice.text);
    const notUtf8 = slice.text.includes('\ufffd');
    let repair = 0;
    let read = 0;
    for (const row of rows) {
      // A slice of short rows holds thousands: a caller may pause every STEP of them too.
      if (++read % STEP === 0) yield;
      for (; repair < slice.repairs.length && slice.repairs[repair].line <= line; repair++) {
        const { cell, written, value } = slice.repairs[repair];
        const column = header && (header as Header).line < line ? (header as Header).names[cell]?.trim() : undefined;
        problems.add('warning', place(line, column || undefined), `The cell has text after its closing quote (${written}); it is read as one cell: ${quote(value)}. Put the whole cell in quotes and double the quotes inside it, like "He said ""yes"" today".`, rowName(row), 'after-quote');
      }
      if (notUtf8 && row.some((cell) => cell.includes('\ufffd'))) {
        if (unreadable.length === 0) firstUnreadable = rowName(row);
        unreadable.push(line);
      }
      visit(row, line);
      line += 1;
      for (const cell of row) if (cell.length !== 0) line += lineBreaks(cell);
    }
    // A file refused at its header is not read further.
    if (refused) break;
    yield;
  }
  if (unreadable.length > 0) {
    const rows = unreadable.length === 1 ? `Row ${unreadable[0]} has` : `${listRows(unreadable)} have`;
    problems.add('warning', { path: `row ${unreadable[0]}`, row: unreadable[0] }, `${rows} characters that could not be read (shown as \ufffd): the file is not saved as UTF-8 (perhaps Windows-1252, as older Excel saves CSV). Save it as "CSV UTF-8" and load it again.`, firstUnreadable, 'not-utf8');
  }
  if (!reader) {
    if (!refused) problems.error({ path: FILE_PATH }, 'The file is empty.');
    return { dataset: { types: {}, events: [] }, layout };
  }
  return { dataset: yield* (reader as RowReader).finish(), layout };
}

/** The title a row of data holds: its title column, or in a TimelineJS sheet its Headline as text. */
function rowNames(header: Header, layout: CsvLayout): (row: string[]) => EventTag | undefined {
  let column = -1;
  if (layout === 'timelinejs') column = header.columns.get('headline') ?? -1;
  else for (const [key, c] of header.columns) if (column < 0 && FIELD_BY_NAME.get(key) === 'title') column = c;
  return (row) => {
    const cell = cellAt(row, column);
    const title = layout === 'timelinejs' && cell.includes('<') ? htmlToText(cell).text : cell;
    return title ? { title } : undefined;
  };
}

/** "Rows 3 and 4", "Rows 3, 4, 9, 12, 15 and 20 more". */
function listRows(rows: number[]): string {
  const shown = rows.length > 6 ? rows.slice(0, 5) : rows.slice(0, -1);
  const rest = rows.length > 6 ? `${(rows.length - 5).toLocaleString('en-US')} more` : String(rows[rows.length - 1]);
  return `Rows ${shown.join(', ')} and ${rest}`;
}

type Cell = string | undefined;

interface RowEvent {
  fields: Record<string, unknown> & { sources: Record<string, Cell>[]; figures: Record<string, Cell>[] };
  meta: { line: number; sourceLines: number[]; figureLines: number[]; index: number };
}

function nativeRows(header: Header, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): RowReader | null {
  const at = new Map<string, number>();
  for (const [key, c] of header.columns) {
    const native = FIELD_BY_NAME.get(key);
    if (native && !at.has(native)) at.set(native, c);
  }
  const headerLine = header.line;
  const missing = ['date', 'title'].filter((needed) => !at.has(needed));
  for (const needed of missing) {
    problems.add('error', { path: FILE_PATH, row: headerLine }, `The CSV has no ${quote(needed)} column. Its first line should name the columns: date, title, and for sources source_url, source_title, publisher.`);
  }
  if (missing.length > 0) return null;

  const columnName = (native: string) => {
    const c = at.get(native);
    return c === undefined ? undefined : header.names[c].trim();
  };
  const locate: Locator = (draft, field, item, key) => {
    const meta = draft.meta as RowEvent['meta'];
    if (field === 'sources') {
      const line = item === undefined ? meta.line : meta.sourceLines[item] ?? meta.line;
      return place(line, columnName(SOURCE_PARTS[(key ?? 'url') as keyof typeof SOURCE_PARTS]));
    }
    if (field === 'figures') {
      const line = item === undefined ? meta.line : meta.figureLines[item] ?? meta.line;
      return place(line, columnName(FIGURE_PARTS[(key ?? 'value') as keyof typeof FIGURE_PARTS]));
    }
    return place(meta.line, field ? columnName(field) : undefined);
  };
  const column = (native: string) => at.get(native) ?? -1;
  const eventCells = EVENT_COLUMNS.map(column);
  const [idColumn, dateColumn, endColumn, typeColumn, titleColumn, summaryColumn, placeColumn] = eventCells;
  const [urlColumn, sourceTitleColumn, publisherColumn, sourceDateColumn] = ['source_url', 'source_title', 'publisher', 'source_date'].map(column);
  const [labelColumn, valueColumn, qualifierColumn, reportedByColumn] = ['figure_label', 'figure_value', 'figure_qualifier', 'reported_by'].map(column);

  const events: RowEvent[] = [];
  const byId = new Map<string, RowEvent>();
  let byDateAndTitle: Map<string, RowEvent> | undefined;
  let limitReached = false;

  const row = (cells: string[], line: number) => {
    if (limitReached) return;
    const id = cellAt(cells, idColumn);
    const date = cellAt(cells, dateColumn);
    const title = cellAt(cells, titleColumn);
    if (id === '' && date === '' && title === '' && isBlank(cells)) return;

    // Drafts of one shape, with undefined for an empty cell (the normalizer reads it as absent).
    const url = cellAt(cells, urlColumn);
    const sourceTitle = cellAt(cells, sourceTitleColumn);
    const publisher = cellAt(cells, publisherColumn);
    const sourceDate = cellAt(cells, sourceDateColumn);
    const source = url || sourceTitle || publisher || sourceDate
      ? { url: url || undefined, title: sourceTitle || undefined, publisher: publisher || undefined, date: sourceDate || undefined }
      : undefined;
    const label = cellAt(cells, labelColumn);
    const value = cellAt(cells, valueColumn);
    const qualifier = cellAt(cells, qualifierColumn);
    const reportedBy = cellAt(cells, reportedByColumn);
    const figure = label || value || qualifier || reportedBy
      ? { label: label || undefined, value: value || undefined, qualifier: qualifier || undefined, reportedBy: reportedBy || undefined }
      : undefined;

    const dateAndTitle = id === '' && date !== '' && title !== '' ? `${date}\u0000${title}` : '';
    let target = id !== '' ? byId.get(id) : dateAndTitle !== '' ? byDateAndTitle?.get(dateAndTitle) : undefined;
    if (!target && id === '' && date === '' && title === '' && (source || figure) && events.length > 0) target = events[events.length - 1];
    if (target) {
      const first = target.meta.line;
      for (let k = 0; k < EVENT_COLUMNS.length; k++) {
        const name = EVENT_COLUMNS[k];
        const cell = cellAt(cells, eventCells[k]);
        if (cell === '') continue;
        if (target.fields[name] === undefined) target.fields[name] = cell;
        else if (target.fields[name] !== cell) {
          problems.add('warning', place(line, header.names[eventCells[k]].trim()), `Row ${line} adds to the event of row ${first}, but its ${name} differs (${quote(cell)}); the ${name} of row ${first} is kept. Give the rows different ids if they are different events.`, { index: target.meta.index, title: target.fields.title as string | undefined });
        }
      }
    } else {
      if (events.length === EVENT_LIMIT) {
        limitReached = true;
        problems.add('error', { path: FILE_PATH }, `There are more than ${count(EVENT_LIMIT, 'event')}; the timeline reads at most ${EVENT_LIMIT.toLocaleString('en-US')}, so the rest are left out (from row ${line} on). Split the story into several timelines.`);
        return;
      }
      const fields: RowEvent['fields'] = {
        id: id || undefined,
        date: date || undefined,
        end: cellAt(cells, endColumn) || undefined,
        type: cellAt(cells, typeColumn) || undefined,
        title: title || undefined,
        summary: cellAt(cells, summaryColumn) || undefined,
        place: cellAt(cells, placeColumn) || undefined,
        sources: [],
        figures: [],
      };
      target = { fields, meta: { line, sourceLines: [], figureLines: [], index: events.length } };
      events.push(target);
      if (id !== '') byId.set(id, target);
      else if (dateAndTitle !== '') (byDateAndTitle ??= new Map()).set(dateAndTitle, target);
    }
    if (source) {
      target.fields.sources.push(source);
      target.meta.sourceLines.push(line);
    }
    if (figure) {
      target.fields.figures.push(figure);
      target.meta.figureLines.push(line);
    }
  };

  const finish = function* (): Steps<Dataset> {
    const normalizer = new Normalizer(problems, locate, { ...options, declareNewTypes: true });
    const dataset: Dataset = { types: normalizer.types, events: [] };
    if (events.length === 0) {
      problems.add('error', { path: FILE_PATH }, 'There are no events: the CSV has a header row but no rows of data below it.');
      return dataset;
    }
    for (let index = 0; index < events.length; index++) {
      normalizer.add(index, events[index].fields, events[index].meta);
      if (index % STEP === STEP - 1) yield;
    }
    dataset.events = yield* normalizer.finish();
    return dataset;
  };
  return { row, finish };
}

/** A Time cell ("14:30", "2:30 PM", "1430", "14:30:05.5") as date parts, or why it is not a time. */
export function parseTimeCell(text: string): { hour: number; minute?: number; second?: number; millisecond?: number } | { error: string } {
  const bad = { error: `The Time ${quote(text)} is not a time. Write it like 14:30 or 2:30 PM.` };
  let rest = text.trim();
  if (rest.length > 30) return bad;
  let period = '';
  const meridiem = /\s*([ap])\.?\s*m\.?$/i.exec(rest);
  if (meridiem) {
    period = meridiem[1].toLowerCase();
    rest = rest.slice(0, meridiem.index).trim();
  }
  let parts: string[];
  const compact = /^(\d{1,2})(\d{2})$/.exec(rest);
  if (compact) parts = [compact[1], compact[2]];
  else parts = rest.includes(':') ? rest.split(':') : rest.split('.');
  if (parts.length > 3 || parts.some((part, k) => !(k === 2 ? /^\d{1,2}([.,]\d{1,3})?$/ : /^\d{1,2}$/).test(part.trim()))) return bad;
  let hour = Number(parts[0]);
  if (period) {
    if (hour < 1 || hour > 12) return bad;
    if (period === 'p' && hour !== 12) hour += 12;
    if (period === 'a' && hour === 12) hour = 0;
  }
  const result: { hour: number; minute?: number; second?: number; millisecond?: number } = { hour };
  if (parts.length > 1) result.minute = Number(parts[1]);
  if (parts.length > 2) {
    const [whole, fraction] = parts[2].trim().split(/[.,]/);
    result.second = Number(whole);
    if (fraction) result.millisecond = Math.min(999, Math.round(Number('0.' + fraction) * 1000));
  }
  if (hour > 23 || (result.minute ?? 0) > 59 || (result.second ?? 0) > 59) return bad;
  return result;
}

function timelineJsRows(header: Header, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): RowReader | null {
  const { names, columns, line: headerLine } = header;
  if (!columns.has('year')) {
    problems.add('error', { path: FILE_PATH, row: headerLine }, 'This looks like an old TimelineJS spreadsheet (with a "Start Date" column). Copy the data into the current TimelineJS template, with Year, Month and Day columns.');
    return null;
  }
  const at: Record<string, number> = {};
  for (const key of TIMELINEJS_COLUMNS) at[key] = columns.get(key) ?? -1;
  if (at.group < 0) at.group = at.tag;

  const slideLines: Record<SlideRef['list'], number[]> = { events: [], eras: [], title: [] };
  const events: unknown[] = [];
  const eras: unknown[] = [];
  let title: unknown;
  const row = (cells: string[], line: number) => {
    if (isBlank(cells)) return;
    const cell = (key: string) => cellAt(cells, at[key]);
    const date = (prefix: '' | 'end_') => {
      const parts: Record<string | symbol, unknown> = {};
      for (const part of ['year', 'month', 'day'] as const) {
        const value = cell(prefix + part);
        if (value !== '') parts[part] = value;
      }
      const time = cell(prefix + 'time');
      if (time !== '') {
        const read = parseTimeCell(time);
        if ('error' in read) parts[TIME_ERROR] = read.error;
        else Object.assign(parts, read);
      }
      return Object.keys(parts).length > 0 || parts[TIME_ERROR] ? parts : undefined;
    };
    const slide = {
      start_date: date(''),
      end_date: date('end_'),
      text: { headline: cell('headline'), text: cell('text') },
      media: { url: cell('media'), credit: cell('media_credit'), caption: cell('media_caption') },
      group: cell('group') || undefined,
    };
    const kind = cell('type').toLowerCase();
    if (kind === 'title' && title === undefined) {
      title = slide;
      slideLines.title.push(line);
    } else if (kind === 'era') {
      eras.push(slide);
      slideLines.eras.push(line);
    } else {
      if (kind === 'title') {
        problems.add('warning', place(line, names[at.type].trim()), `There is more than one row of type "title"; row ${line} is read as an event.`, { index: events.length });
      }
      events.push(slide);
      slideLines.events.push(line);
    }
  };
  const locateSlide: SlideLocator = (ref, part) => {
    const line = slideLines[ref.list][ref.index] ?? headerLine;
    if (!part) return place(line);
    const key = SLIDE_COLUMNS[part];
    const c = key === undefined ? -1 : at[key];
    return place(line, c >= 0 ? names[c].trim() : undefined);
  };
  const finish = () => readSlides({ title, events, eras, dialect: 'csv' }, locateSlide, problems, options);
  return { row, finish };
}
