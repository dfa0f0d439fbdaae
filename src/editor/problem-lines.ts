// The problems of a read as lines an editor can act on: each says where in the editor's words
// (events and rows counted from 1, with the event's title), and the same problem on many events
// is one line that lists them.
import { FILE_PATH, type Problem, type Severity } from '../model/index.js';
import { syntaxPlace } from './text-places.js';

/** One line of the problem list. */
export interface ProblemLine {
  severity: Severity;
  /**
   * Where, counted from 1: `Event 3 ("Talks in Cairo"), date`, `Row 4 ("Talks in Cairo"), column
   * "date"`, `Line 10, column 7`, `324 events: 1, 3, 4 … and 314 more`.
   */
  where: string;
  message: string;
  /** The problems the line stands for: one, or every one of a group, in the order found. */
  problems: Problem[];
}

/** From this many events with the same problem, they share one line. */
export const GROUP_FROM = 3;
/** How many event (or row) numbers a grouped line lists before "and N more". */
const LISTED = 10;
const TITLE_LIMIT = 60;

/**
 * The problems as lines: errors first, then warnings, each in the order found; a problem that
 * repeats (same message, same field) on GROUP_FROM or more events becomes one line.
 * `titleOf` gives the title of the event a problem is about, when it can be known.
 */
export function problemLines(problems: readonly Problem[], titleOf: (problem: Problem) => string | undefined): ProblemLine[] {
  const groups = new Map<string, { problems: Problem[]; numbers: number[] }>();
  const order: (Problem | { key: string })[] = [];
  for (const problem of problems) {
    const item = itemOf(problem);
    if (!item) {
      order.push(problem);
      continue;
    }
    const key = `${problem.severity}\u0000${item.kind}\u0000${item.field}\u0000${problem.message}`;
    let group = groups.get(key);
    if (!group) {
      group = { problems: [], numbers: [] };
      groups.set(key, group);
      order.push({ key });
    }
    group.problems.push(problem);
    if (group.numbers.at(-1) !== item.number) group.numbers.push(item.number);
  }

  const lines: ProblemLine[] = [];
  for (const entry of order) {
    if (!('key' in entry)) {
      lines.push({ severity: entry.severity, where: whereOf(entry, titleOf), message: entry.message, problems: [entry] });
      continue;
    }
    const group = groups.get(entry.key)!;
    const [first] = group.problems;
    if (group.numbers.length < GROUP_FROM) {
      for (const problem of group.problems) {
        lines.push({ severity: problem.severity, where: whereOf(problem, titleOf), message: problem.message, problems: [problem] });
      }
      continue;
    }
    const { kind } = itemOf(first)!;
    const listed = group.numbers.slice(0, LISTED).join(', ');
    const more = group.numbers.length - LISTED;
    lines.push({
      severity: first.severity,
      where: `${group.numbers.length.toLocaleString('en-US')} ${kind}s: ${listed}${more > 0 ? ` … and ${more.toLocaleString('en-US')} more` : ''}`,
      message: first.message,
      problems: group.problems,
    });
  }
  // Errors first; the sort is stable, so each keeps the order it was found in.
  return lines.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** The event (or era, or CSV row) a problem is about, counted from 1, and the field in it. */
interface Item {
  kind: 'event' | 'era' | 'row';
  number: number;
  /** The rest of the path, in words: `date`, `source 1, url`, `column "date"`. */
  field: string;
}

const SINGULAR: Record<string, string> = { sources: 'source', figures: 'figure', events: 'event', eras: 'era' };

function itemOf(problem: Problem): Item | null {
  if (problem.row !== undefined && problem.path.startsWith('row ')) {
    return { kind: 'row', number: problem.row, field: problem.column !== undefined ? `column "${problem.column}"` : '' };
  }
  const found = /^(?:(events|eras))?\[(\d+)\]\.?(.*)$/.exec(problem.path);
  if (!found) return null;
  return { kind: found[1] === 'eras' ? 'era' : 'event', number: Number(found[2]) + 1, field: fieldWords(found[3]) };
}

/** `sources[0].url` → `source 1, url`; other names as written. */
function fieldWords(path: string): string {
  return path.replace(/([A-Za-z_]+)\[(\d+)\](\.)?/g, (_, name: string, index: string, dot?: string) => `${SINGULAR[name] ?? name} ${Number(index) + 1}${dot ? ', ' : ''}`);
}

function whereOf(problem: Problem, titleOf: (problem: Problem) => string | undefined): string {
  const item = itemOf(problem);
  if (!item) {
    const syntax = syntaxPlace(problem);
    if (syntax) return syntax.column ? `Line ${syntax.line}, column ${syntax.column}` : `Line ${syntax.line} (the end of the text)`;
    return problem.path === FILE_PATH ? 'The file' : problem.path;
  }
  const title = titleOf(problem)?.trim();
  const named = title ? ` (${quoteTitle(title)})` : '';
  const kind = item.kind[0].toUpperCase() + item.kind.slice(1);
  return `${kind} ${item.number}${named}${item.field ? `, ${item.field}` : ''}`;
}

function quoteTitle(title: string): string {
  const flat = title.replace(/\s+/g, ' ');
  return `"${flat.length > TITLE_LIMIT ? `${flat.slice(0, TITLE_LIMIT - 1).trimEnd()}…` : flat}"`;
}
