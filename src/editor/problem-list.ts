// The problem list's items: where (in the model's words), the message, and for a problem at a
// line and column (a JSON syntax error) the text around it. A click on an item selects its place
// in the text box.
import type { ProblemLine } from './problem-lines.js';
import type { ExcerptLine } from './text-places.js';

/** What an item needs besides its line: the place to select on click, the text around it. */
export interface ProblemItemOptions {
  onSelect?: () => void;
  excerpt?: { lines: ExcerptLine[]; marker: number };
}

/** One `<li>` of the problem list. */
export function problemItem(line: ProblemLine, { onSelect, excerpt }: ProblemItemOptions): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `problem ${line.severity}`;
  item.dataset.path = line.problems[0].path;
  const holder = document.createElement(onSelect ? 'button' : 'div');
  holder.className = 'problem-body';
  if (onSelect) {
    (holder as HTMLButtonElement).type = 'button';
    holder.title = line.problems.length > 1 ? 'Show the first of them in the data' : 'Show this place in the data';
    holder.addEventListener('click', onSelect);
  }

  const head = document.createElement('span');
  head.className = 'problem-head';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = line.severity === 'error' ? 'Error' : 'Warning';
  const where = document.createElement('span');
  where.className = 'where';
  where.textContent = line.heading;
  head.append(badge, ' ', where);

  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = line.message;
  holder.append(head, message);
  item.append(holder);
  if (excerpt) item.append(excerptBlock(excerpt));
  return item;
}

/** The lines around a place, numbered, with a mark under the place. */
function excerptBlock({ lines, marker }: { lines: ExcerptLine[]; marker: number }): HTMLPreElement {
  const block = document.createElement('pre');
  block.className = 'excerpt';
  const width = String(lines.at(-1)!.number).length;
  const gutter = (label: string) => `${label.padStart(width)} │ `;
  block.textContent = [...lines.map((line) => gutter(String(line.number)) + line.text), `${gutter('')}${' '.repeat(Math.max(0, marker - 1))}^ here`].join('\n');
  return block;
}
