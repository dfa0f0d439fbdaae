// The problem list's items: the problem's path, where it is, and the message. A click on an item
// selects its place in the text box.
import type { Problem } from '../model/index.js';

/** One `<li>` of the problem list; with `onSelect`, a click on it selects the problem's place. */
export function problemItem(problem: Problem, onSelect?: () => void): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `problem ${problem.severity}`;
  const holder = document.createElement(onSelect ? 'button' : 'div');
  holder.className = 'problem-body';
  if (onSelect) {
    (holder as HTMLButtonElement).type = 'button';
    holder.title = 'Show this place in the data';
    holder.addEventListener('click', onSelect);
  }

  const head = document.createElement('span');
  head.className = 'problem-head';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = problem.severity === 'error' ? 'Error' : 'Warning';
  const where = document.createElement('code');
  where.className = 'path';
  where.textContent = problem.path;
  head.append(badge, ' ', where);
  if (problem.row !== undefined && !problem.path.startsWith('row ')) {
    head.append(' ', place(`row ${problem.row}${problem.column ? `, column "${problem.column}"` : ''}`));
  }
  if (problem.eventId && !problem.path.includes(problem.eventId)) head.append(' ', place(`event "${problem.eventId}"`));

  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = problem.message;
  holder.append(head, message);
  item.append(holder);
  return item;
}

function place(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'place';
  span.textContent = text;
  return span;
}
