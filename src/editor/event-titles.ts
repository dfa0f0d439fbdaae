// The title of the event a problem is about, as written in the editor's text, so that the problem
// list can name it: "Event 2 ("Talks in Cairo")". Invalid events are not in the read dataset, so
// their titles come from the text itself.
import { htmlToText, type InputFormat, type Problem } from '../model/index.js';
import { csvCells, csvColumnIndex, csvLine } from './text-places.js';

/**
 * A lookup from a problem to the title of its event in `text` (read as `format`). The text is
 * parsed on the first call only.
 */
export function eventTitles(text: string, format: InputFormat): (problem: Problem) => string | undefined {
  if (format === 'csv') {
    let column: { index: number; html: boolean } | undefined;
    return (problem) => {
      if (problem.row === undefined || problem.row < 2) return undefined;
      column ??= titleColumn(text);
      const line = column.index >= 0 ? csvLine(text, problem.row) : null;
      return line ? textOf(csvCells(line.text)[column.index]?.text, column.html) : undefined;
    };
  }
  let root: unknown;
  let parsed = false;
  return (problem) => {
    const found = /^(?:(events|eras))?\[(\d+)\]/.exec(problem.path);
    if (!found) return undefined;
    if (!parsed) {
      parsed = true;
      try {
        root = JSON.parse(text.replace(/^\ufeff/, ''));
      } catch {
        // Repaired or broken JSON: the problems keep their numbers, without titles.
      }
    }
    const list = found[1] ? field(root, found[1]) : root;
    return Array.isArray(list) ? titleOf(list[Number(found[2])]) : undefined;
  };
}

/** The CSV column of titles: a native CSV's `title` is plain text; a TimelineJS sheet's `Headline` may hold HTML. */
function titleColumn(text: string): { index: number; html: boolean } {
  const title = csvColumnIndex(text, ['title']);
  return title >= 0 ? { index: title, html: false } : { index: csvColumnIndex(text, ['headline']), html: true };
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

/** The title of one event: native `title` (plain text), TimelineJS `text.headline` (HTML). */
function titleOf(event: unknown): string | undefined {
  return textOf(field(event, 'title'), false) ?? textOf(field(field(event, 'text'), 'headline'), true);
}

function textOf(value: unknown, html: boolean): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = (html ? htmlToText(value).text : value).trim();
  return text || undefined;
}
