// Reads CSV in two layouts, told apart by the header row: the native columns (date, title,
// source_url, figure_value…) and the columns of TimelineJS's spreadsheet template (Year, Month,
// Day, Headline, Text, Media…). Header names are matched without regard to case, spaces or
// dashes. Problems name the file line (the header is line 1) and the column.
//
// Native layout, several rows for one event: a row whose id (or, without an id column, whose
// date and title) matches an earlier row adds its source and figure to that event; so does a row
// with no id, date or title but with a source or figure. The first row's other cells are kept,
// and a later row that contradicts them gets a warning.
import { EVENT_LIMIT, Normalizer, STEP, type Locator, type NormalizeOptions, type Steps } from './normalize.js';
import { FILE_PATH, count, quote, type Place, type ProblemList } from './problems.js';
import { readSlides, TIME_ERROR, type SlideLocator, type SlideRef } from './timelinejs.js';
import type { Dataset } from './types.js';

export type CsvLayout = 'native' | 'timelinejs';

/** Header names (lower case, spaces and dashes as "_") and the native column each stands for. */
const NATIVE_COLUMNS: Record<string, string> = {
  id: 'id', date: 'date', start: 'date', start_date: 'date', end: 'end', end_date: 'end', type: 'type',
  title: 'title', summary: 'summary', description: 'summary', place: 'place', location: 'place',
  source_url: 'source_url', url: 'source_url', link: 'source_url', source_link: 'source_url',
  source_title: 'source_title', publisher: 'publisher', source_publisher: 'publisher', source_date: 'source_date',
  figure_label: 'figure_label', figure_value: 'figure_value', figure_qualifier: 'figure_qualifier',
  reported_by: 'reported_by', reportedby: 'reported_by', figure_reported_by: 'reported_by',
};
const EVENT_COLUMNS = ['id', 'date', 'end', 'type', 'title', 'summary', 'place'] as const;
const SOURCE_COLUMNS: Record<string, string> = { url: 'source_url', title: 'source_title', publisher: 'publisher', date: 'source_date' };
const FIGURE_COLUMNS: Record<string, string> = { label: 'figure_label', value: 'figure_value', qualifier: 'figure_qualifier', reportedBy: 'reported_by' };

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
function delimiterOf(text: string): string {
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

/**
 * Calls `visit` with each row of a CSV text and the file line it starts on (the first line is 1),
 * one row at a time, so that rows are garbage as soon as they are read.
 */
function eachRow(text: string, delimiter: string, visit: (row: string[], line: number) => void): void {
  if (!text.includes('"')) {
    // Without quotes a cell holds no separator or line break: splitting is parsing, and faster.
    const breaks = text.includes('\n') ? '\n' : '\r';
    let line = 1;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf(breaks, start);
      if (end < 0) end = text.length;
      const stop = breaks === '\n' && end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
      visit(text.slice(start, stop).split(delimiter), line++);
      start = end + 1;
    }
    return;
  }
  // RFC 4180: a cell in quotes may hold the separator, line breaks and doubled quotes. Text after
  // the closing quote, up to the separator, is kept as part of the cell.
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const row: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        for (i++; ; i++) {
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            cell += text.slice(i);
            i = text.length;
            break;
          }
          cell += text.slice(i, quote);
          i = quote + 1;
          if (text[i] !== '"') break;
          cell += '"';
        }
      }
      let end = i;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
      row.push(cell + text.slice(i, end));
      i = end + 1;
      if (text[end] !== delimiter) break;
    }
    if (text[i - 1] === '\r' && text[i] === '\n') i++;
    visit(row, line);
    line += 1;
    for (const cell of row) for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) line++;
  }
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
  if (keys.some((key) => NATIVE_COLUMNS[key] === 'date' || NATIVE_COLUMNS[key] === 'title')) return 'native';
  return null;
}

/** Reads CSV text (either layout) into a dataset; problems go to `problems`. */
export function* readCsv(text: string, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): Steps<{ dataset: Dataset; layout: CsvLayout | null }> {
  let reader: RowReader | null = null;
  let layout: CsvLayout | null = null;
  let refused = false;
  eachRow(text, delimiterOf(text), (row, line) => {
    if (reader) {
      reader.row(row, line);
      return;
    }
    if (refused || isBlank(row)) return;
    const header: Header = { names: row, line, columns: new Map() };
    row.forEach((name, c) => {
      const key = headerKey(name);
      if (key === '') return;
      if (header.columns.has(key)) problems.add('warning', place(line, name.trim()), `The column ${quote(name.trim())} appears twice; only the first one is read.`);
      else header.columns.set(key, c);
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
  });
  if (!reader) {
    if (!refused) problems.error({ path: FILE_PATH }, 'The file is empty.');
    return { dataset: { types: {}, events: [] }, layout };
  }
  return { dataset: yield* (reader as RowReader).finish(), layout };
}

type Cell = string | undefined;

interface RowEvent {
  fields: Record<string, unknown> & { sources: Record<string, Cell>[]; figures: Record<string, Cell>[] };
  meta: { line: number; sourceLines: number[]; figureLines: number[]; index: number };
}

function nativeRows(header: Header, problems: ProblemList, options: Omit<NormalizeOptions, 'declareNewTypes'>): RowReader | null {
  const at = new Map<string, number>();
  for (const [key, c] of header.columns) {
    const native = NATIVE_COLUMNS[key];
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
      return place(line, columnName(SOURCE_COLUMNS[key ?? 'url']));
    }
    if (field === 'figures') {
      const line = item === undefined ? meta.line : meta.figureLines[item] ?? meta.line;
      return place(line, columnName(FIGURE_COLUMNS[key ?? 'value']));
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
          problems.add('warning', place(line, header.names[eventCells[k]].trim()), `Row ${line} adds to the event of row ${first}, but its ${name} differs (${quote(cell)}); the ${name} of row ${first} is kept. Give the rows different ids if they are different events.`, { index: target.meta.index });
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
