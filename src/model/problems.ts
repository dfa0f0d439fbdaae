import type { Problem, ProblemKind, Severity } from './types.js';

/** Where something is in the input, as a problem reports it. */
export interface Place {
  path: string;
  row?: number;
  column?: string;
  /** A place in the text itself (a JSON syntax error): line and column, counted from 1. */
  at?: { line: number; column: number };
}

/**
 * The event a problem is about: its position in the input's list, and its id and title when known.
 * A CSV row that is not (or not yet) an event has no position, only the title it holds.
 */
export interface EventTag {
  index?: number;
  id?: string;
  title?: string;
}

/** Path used for problems about the whole input rather than a part of it. */
export const FILE_PATH = '(file)';

/** Collects the problems of one read, in the order they are found. */
export class ProblemList {
  readonly items: Problem[] = [];
  errors = 0;

  add(severity: Severity, place: Place, message: string, event?: EventTag, kind?: ProblemKind): void {
    const problem: Problem = { path: place.path, where: placeInWords(place, event), message, severity };
    if (place.row !== undefined) problem.row = place.row;
    if (place.column !== undefined) problem.column = place.column;
    if (place.at !== undefined) problem.at = place.at;
    if (event) {
      if (event.index !== undefined) problem.eventIndex = event.index;
      if (event.id !== undefined) problem.eventId = event.id;
    }
    if (kind !== undefined) problem.kind = kind;
    if (severity === 'error') this.errors += 1;
    this.items.push(problem);
  }

  error(place: Place, message: string, kind?: ProblemKind): void {
    this.add('error', place, message, undefined, kind);
  }

  warning(place: Place, message: string, kind?: ProblemKind): void {
    this.add('warning', place, message, undefined, kind);
  }
}

/** Lists whose items an editor counts from 1, and the word for one item. */
const ITEM_WORDS: Record<string, string> = {
  events: 'event', items: 'event', date: 'event', eras: 'era', era: 'era', sources: 'source', figures: 'figure',
};
const PATH_PART = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g;
const WHOLE: Record<string, string> = {
  title: "the timeline's title", description: "the timeline's description", events: 'the list of events',
  eras: 'the list of eras', types: 'the list of types', timeline: 'the timeline',
};

/**
 * The keys and list positions of a machine path: `types["odd name"].color` → `types`, `odd name`,
 * `color`; `events[2].date` → `events`, 2, `date`.
 */
export function pathParts(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const [, index, quoted, name] of path.matchAll(PATH_PART)) {
    if (index !== undefined) parts.push(Number(index));
    else parts.push(quoted !== undefined ? unquote(quoted) : name!);
  }
  return parts;
}

/** A key as keyPath writes it between quotes (JSON string escapes), as it is. */
function unquote(quoted: string): string {
  try {
    return JSON.parse(`"${quoted}"`) as string;
  } catch {
    return quoted.replace(/\\(.)/g, '$1');
  }
}

/**
 * A machine path (`events[1].sources[0].url`) as an editor reads it: `event 2, source 1, url`.
 * Items of lists are counted from 1; field names stay as written (`start_date.year`); CSV places
 * (`row 4, column "date"`) are words already.
 */
export function describePath(path: string): string {
  if (path === '' || path === FILE_PATH) return 'the file';
  if (path.startsWith('row ')) return path;
  const tokens = pathParts(path);
  // TimelineJS 2 keeps everything under "timeline".
  if (tokens[0] === 'timeline' && tokens.length > 1) tokens.shift();
  if (tokens.length === 1 && typeof tokens[0] === 'string' && Object.hasOwn(WHOLE, tokens[0])) return WHOLE[tokens[0]];
  const segments: string[] = [];
  let field = '';
  const endField = () => {
    if (field) segments.push(field);
    field = '';
  };
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    const next = tokens[k + 1];
    if (typeof token === 'number') {
      endField();
      segments.push(`event ${token + 1}`);
    } else if (typeof next === 'number' && Object.hasOwn(ITEM_WORDS, token)) {
      endField();
      segments.push(`${ITEM_WORDS[token]} ${next + 1}`);
      k++;
    } else if (token === 'types' && k === 0 && typeof next === 'string') {
      segments.push(`type "${next}"`);
      k++;
    } else if (token === 'title' && k === 0 && next !== undefined) {
      segments.push('the title slide');
    } else if (typeof next === 'number') {
      field += (field ? '.' : '') + `${token}[${next}]`;
      k++;
    } else field += (field ? '.' : '') + token;
  }
  endField();
  return segments.join(', ');
}

/** The event as an editor recognises it: its title (cut, in quotes), else its id. */
function eventName(event: EventTag): string {
  if (event.title) return `'${escapeText(event.title, TITLE_QUOTE_LIMIT)}'`;
  if (event.id) return `id ${quote(event.id)}`;
  return '';
}

const TITLE_QUOTE_LIMIT = 40;

/** A problem's place in words: `event 2 ('Talks in Cairo'), date`, `row 4 ('Talks'), column "date"`, `line 3, column 5`. */
export function placeInWords(place: Place, event?: EventTag): string {
  if (place.at) return `line ${place.at.line}, column ${place.at.column}`;
  let where = place.path === FILE_PATH && place.row !== undefined ? `row ${place.row}` : describePath(place.path);
  const name = event ? eventName(event) : '';
  if (name && /^(event|era|row) \d+/.test(where)) {
    const end = where.indexOf(',');
    where = end < 0 ? `${where} (${name})` : `${where.slice(0, end)} (${name})${where.slice(end)}`;
  } else if (name && where === 'the file') where = `the event ${name}`;
  return where;
}

const QUOTE_LIMIT = 80;

/**
 * A value from the data, quoted for a message: cut when long, with invisible characters and
 * direction controls written out (\t, \n, \u0000, \u202e) so the editor can see what is actually
 * there and the message reads in its own direction around it.
 */
export function quote(text: string): string {
  return '"' + escapeText(text, QUOTE_LIMIT, true) + '"';
}

/**
 * Text from the data made safe to show inside a message: cut at `limit`, with invisible characters
 * and direction overrides written out, so that neither hides what is there nor turns the message
 * around it (a U+202E would reverse the sentence it is quoted in).
 */
function escapeText(text: string, limit: number, escapeQuotes = false): string {
  let out = '';
  let end = Math.min(text.length, limit);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 && escapeQuotes) out += '\\"';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code === 0x09) out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0x200b || code === 0xfeff || isDirectionMark(code)) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += text[i];
  }
  return end < text.length ? out + '…' : out;
}

/**
 * The characters that set the direction of the text around them: embeddings and overrides
 * (U+202A–202E), isolates (U+2066–2069), the marks (U+200E, U+200F, U+061C), and the line and
 * paragraph separators (U+2028, U+2029) that end a run of direction as a line break does.
 */
function isDirectionMark(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c || code === 0x2028 || code === 0x2029;
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

/** The same problem on many events, told once. */
export interface ProblemGroup {
  severity: Severity;
  kind?: ProblemKind;
  /**
   * One line for an editor: `event 2 ('Talks in Cairo'), date: …` for a single problem;
   * `324 events have no source: 1, 2, 3 …` for many.
   */
  text: string;
  /**
   * The line without its message, for a list that shows the two apart: where the one problem is
   * (`event 2 ('Talks in Cairo'), date`), or which events have it (`2 events (1, 5)`); a line that
   * says what the events have (`324 events have no source: 1, 2, 3 …`) is its own heading.
   */
  heading: string;
  /** The first problem's message: what is wrong and how to put it right. */
  message: string;
  /** Whether `numbers` counts events (from 1) or CSV rows (file lines); null for problems about no event. */
  unit: 'event' | 'row' | null;
  /** The events (counted from 1) or rows the group is about, each once, in order. */
  numbers: number[];
  /** Every problem of the group, in order. */
  problems: Problem[];
}

/** How a kind of problem is told for one and for many: "has no source", "have no source". */
const PREDICATES: Record<ProblemKind, [string, string]> = {
  'no-source': ['has no source', 'have no source'],
  'no-usable-source': ['has no source with a usable web link', 'have no source with a usable web link'],
  'link-refused': ['has a source link that is left out', 'have source links that are left out'],
  'unattributed-figure': ['has a figure that does not say who reported it', 'have figures that do not say who reported them'],
  'no-time-zone': ['has a time without a time zone, read as UTC', 'have times without a time zone, read as UTC'],
  'undeclared-type': ['has a type that is not declared, shown as "other"', 'have types that are not declared, shown as "other"'],
  'no-headline': ['has no headline; its title is taken from its other text', 'have no headline; their titles are taken from their other text'],
  untitled: ['has no headline or other text for a title, so it is shown untitled', 'have no headline or other text for a title, so they are shown untitled'],
  'duplicate-id': ['has an id that another event has too', 'have ids that other events have too'],
  'same-date-and-title': ['has the same date and title as another event', 'have the same date and title as other events'],
  'cell-count': ['has a different number of cells than the header row', 'have a different number of cells than the header row'],
  'after-quote': ['has text after the closing quote of a cell', 'have text after the closing quote of a cell'],
  'not-utf8': ['has characters that could not be read', 'have characters that could not be read'],
  'text-cut': ['has text that is too long and is cut', 'have text that is too long and is cut'],
};

/** How many numbers a grouped line lists before "…". */
const LISTED = 10;

/**
 * The problems as lines for an editor: a problem that recurs on several events (the same kind, or
 * the same message) is one line that counts them and lists their numbers, in the order the first
 * of each was found. The problems themselves stay complete in each group.
 */
export function groupProblems(problems: readonly Problem[], options: { listed?: number } = {}): ProblemGroup[] {
  const listed = Math.max(1, options.listed ?? LISTED);
  const groups: ProblemGroup[] = [];
  const byKey = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const about = problem.eventIndex !== undefined || problem.row !== undefined;
    const key = !about ? undefined : `${problem.severity}\u0000${problem.kind !== undefined ? 'kind:' + problem.kind : problem.message}`;
    let group = key === undefined ? undefined : byKey.get(key);
    if (!group) {
      group = { severity: problem.severity, text: '', heading: '', message: problem.message, unit: null, numbers: [], problems: [] };
      if (problem.kind !== undefined) group.kind = problem.kind;
      groups.push(group);
      if (key !== undefined) byKey.set(key, group);
    }
    group.problems.push(problem);
  }
  const lines: ProblemGroup[] = [];
  for (const group of groups) {
    numberGroup(group);
    // The same kind of problem twice on one event is two lines, each with its own message.
    if (group.numbers.length <= 1 && group.problems.length > 1) {
      for (const problem of group.problems) {
        const single: ProblemGroup = { ...group, message: problem.message, problems: [problem], numbers: [] };
        numberGroup(single);
        lines.push(single);
      }
    } else lines.push(group);
  }
  for (const group of lines) {
    const first = group.problems[0];
    const n = group.numbers.length;
    if (group.problems.length === 1 || n <= 1) {
      group.heading = first.where ?? describePath(first.path);
      group.text = `${group.heading}: ${first.message}`;
      continue;
    }
    const list = group.numbers.slice(0, listed).map((k) => k.toLocaleString('en-US')).join(', ') + (n > listed ? ' …' : '');
    const subject = count(n, group.unit!);
    if (group.kind !== undefined) group.heading = group.text = `${subject} ${PREDICATES[group.kind][1]}: ${list}`;
    else {
      group.heading = `${subject} (${list})`;
      group.text = `${group.heading}: ${group.message}`;
    }
  }
  return lines;
}

/** Sets the unit of a group and the numbers of the events or rows it is about. */
function numberGroup(group: ProblemGroup): void {
  const rows = group.problems.every((p) => p.row !== undefined);
  const events = group.problems.every((p) => p.eventIndex !== undefined);
  group.unit = rows ? 'row' : events ? 'event' : null;
  group.numbers = [];
  if (!group.unit) return;
  const seen = new Set<number>();
  for (const p of group.problems) {
    const n = group.unit === 'row' ? p.row! : p.eventIndex! + 1;
    if (!seen.has(n)) {
      seen.add(n);
      group.numbers.push(n);
    }
  }
}
