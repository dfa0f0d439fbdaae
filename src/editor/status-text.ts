// What the editor says about the data as a whole: the status line under the text box and the
// summary above the problem list.
import type { InputFormat, Problem, ReadResult } from '../model/index.js';

const FORMAT_NAMES: Record<InputFormat, string> = { native: 'native JSON', timelinejs: 'TimelineJS JSON', csv: 'CSV' };

/** "1 event", "2 events", "1,200 events". */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;
}

export function tally(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const problem of problems) if (problem.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

/** "Read as native JSON · 5 events drawn · 1 error, 0 warnings." */
export function statusLine(result: ReadResult): string {
  const { errors, warnings } = tally(result.problems);
  const problems = errors || warnings ? `${count(errors, 'error')}, ${count(warnings, 'warning')}` : 'no problems';
  return `Read as ${FORMAT_NAMES[result.format] ?? result.format} · ${count(result.dataset.events.length, 'event')} drawn · ${problems}.`;
}

/** The line above the problem list, and its tone. */
export function problemSummary(result: ReadResult): { text: string; tone: 'ok' | 'warn' | 'bad' } {
  const { errors, warnings } = tally(result.problems);
  if (!errors && !warnings) return { text: `No problems: all ${count(result.dataset.events.length, 'event')} are ready.`, tone: 'ok' };
  if (!errors) return { text: `${count(warnings, 'warning')}, no errors. The timeline shows everything, but check these.`, tone: 'warn' };
  return { text: `${count(errors, 'error')}${warnings ? ` and ${count(warnings, 'warning')}` : ''}. What an error names is left out of the timeline until it is fixed.`, tone: 'bad' };
}
