// What the editor says about the data as a whole: the status line under the text box (what was
// read, and what the preview says it drew) and the summary above the problem list.
import type { InputFormat, Problem, ReadResult } from '../model/index.js';
import { count } from '../model/problems.js';

/** What the preview reported about the data it was given last. */
export type PreviewReport =
  /** Nothing yet: the preview is still loading or drawing. */
  | { state: 'waiting' }
  /** `timeline-load`: this many events drawn. */
  | { state: 'drawn'; events: number }
  /** `timeline-load`, but the preview's view window is not a time range: nothing could be placed. */
  | { state: 'unplaced'; events: number }
  /** `timeline-error`. */
  | { state: 'failed'; message: string };

const FORMAT_NAMES: Record<InputFormat, string> = {
  native: 'native JSON',
  timelinejs: 'TimelineJS JSON',
  timelinejs2: 'TimelineJS 2 JSON',
  'vis-timeline': 'vis-timeline item list',
  csv: 'CSV',
};

export function tally(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const problem of problems) if (problem.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

/**
 * "Read as native JSON · 5 events drawn · 1 error, 0 warnings." The number drawn is the one the
 * preview reports, never the number read: when the preview draws nothing, the line says so.
 */
export function statusLine(result: ReadResult, preview: PreviewReport): string {
  const read = result.dataset.events.length;
  let drawn: string;
  switch (preview.state) {
    case 'waiting':
      drawn = `${count(read, 'event')} to draw`;
      break;
    case 'drawn':
      drawn = preview.events === read ? `${count(read, 'event')} drawn` : `${count(read, 'event')} read, ${preview.events.toLocaleString('en-US')} drawn`;
      break;
    case 'unplaced':
      drawn = `${count(read, 'event')} read, nothing drawn: the preview cannot place their dates`;
      break;
    case 'failed':
      drawn = read ? `${count(read, 'event')} read, nothing drawn` : 'nothing drawn';
      break;
  }
  const { errors, warnings } = tally(result.problems);
  const problems = errors || warnings ? `${count(errors, 'error')}, ${count(warnings, 'warning')}` : 'no problems';
  return `Read as ${FORMAT_NAMES[result.format] ?? result.format} · ${drawn} · ${problems}.`;
}

/** The line above the problem list, and its tone. */
export function problemSummary(result: ReadResult): { text: string; tone: 'ok' | 'warn' | 'bad' } {
  const { errors, warnings } = tally(result.problems);
  const events = result.dataset.events.length;
  if (!errors && !warnings) {
    return { text: events === 1 ? 'No problems: the 1 event is ready.' : `No problems: all ${count(events, 'event')} are ready.`, tone: 'ok' };
  }
  if (!errors) return { text: `${count(warnings, 'warning')}, no errors. Every event is kept, but check these.`, tone: 'warn' };
  const both = `${count(errors, 'error')}${warnings ? ` and ${count(warnings, 'warning')}` : ''}`;
  return events
    ? { text: `${both}. What an error names is left out of the timeline until it is fixed.`, tone: 'bad' }
    : { text: `${both}. Nothing can be shown until ${errors === 1 ? 'it is' : 'they are'} fixed.`, tone: 'bad' };
}
