// The problems of a read as the lines of the problem list, in the model's words: where, counted
// from 1 and named by title; the same problem on many events told once. Errors come first, as
// they are what keeps events out of the timeline.
import { describePath, groupProblems, type Problem, type Severity } from '../model/index.js';

/** One line of the problem list. */
export interface ProblemLine {
  severity: Severity;
  /**
   * Where, or which events: `Event 3 ('Talks in Cairo'), date`, `Row 4 ('Talks'), column "date"`,
   * `Line 10, column 7`, `324 events have no source: 1, 3, 4 …`.
   */
  heading: string;
  /**
   * What is wrong and how to put it right. Where the problems of a line are told in different
   * words, the first one's, after where it is: `Event 1 ('Talks'), source 1, url: …`.
   */
  message: string;
  /** The problems the line stands for: one, or every one of a group, in the order found. */
  problems: Problem[];
}

/** The problems as lines: errors first, then warnings, each in the order the model groups them. */
export function problemLines(problems: readonly Problem[]): ProblemLine[] {
  const lines = groupProblems(problems).map((group): ProblemLine => {
    const [first] = group.problems;
    const alike = group.problems.every((problem) => problem.message === first.message);
    return {
      severity: group.severity,
      heading: capitalised(group.heading),
      message: alike ? group.message : `${capitalised(first.where ?? describePath(first.path))}: ${first.message}`,
      problems: group.problems,
    };
  });
  // The sort is stable: each severity keeps the order found.
  return lines.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** A line starts with a capital: the model's words (`event 3`, `the file`) are for the middle of a sentence. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
