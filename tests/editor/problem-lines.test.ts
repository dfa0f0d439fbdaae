import { expect } from '@open-wc/testing';
import { problemLines } from '../../src/editor/problem-lines.js';
import { readData, type Problem } from '../../src/model/index.js';

const noTitles = () => undefined;
const wheres = (problems: Problem[], titleOf: (problem: Problem) => string | undefined = noTitles) => problemLines(problems, titleOf).map((line) => line.where);

function warning(path: string, message = 'This event has no source.', extra: Partial<Problem> = {}): Problem {
  return { path, message, severity: 'warning', ...extra };
}

describe('problemLines', () => {
  it('counts events from 1 and names them by title, with the field in words', () => {
    const titles: Record<string, string> = { 'events[1]': 'Talks in Cairo', 'events[4]': 'A toll' };
    const titleOf = (problem: Problem) => titles[/^events\[\d+\]/.exec(problem.path)?.[0] ?? ''];
    expect(
      wheres(
        [
          warning('events[1].date'),
          warning('events[4].sources[0].url'),
          warning('events[4].figures[1].value'),
          warning('events[7].sources'),
          warning('[2].type'),
          warning('eras[0].start_date.year'),
        ],
        titleOf,
      ),
    ).to.deep.equal([
      'Event 2 ("Talks in Cairo"), date',
      'Event 5 ("A toll"), source 1, url',
      'Event 5 ("A toll"), figure 2, value',
      'Event 8, sources',
      'Event 3, type',
      'Era 1, start_date.year',
    ]);
  });

  it('names a CSV row by its line number and title, with the column', () => {
    const problem = warning('row 4, column "date"', 'Not a date.', { row: 4, column: 'date', eventIndex: 2 });
    expect(wheres([problem], () => 'Talks in Doha')).to.deep.equal(['Row 4 ("Talks in Doha"), column "date"']);
  });

  it('cuts a long title and puts it on one line', () => {
    const title = `Talks\nin ${'Cairo '.repeat(20)}`;
    const [where] = wheres([warning('events[0].date')], () => title);
    expect(where).to.match(/^Event 1 \("Talks in Cairo Cairo .*…"\), date$/);
    expect(where.length).to.be.lessThan(90);
  });

  it('keeps paths that are not about an event, and says where a JSON syntax error is', () => {
    const syntax = readData('{\n  "events": [\n    { "date": "2024" "title": "x" }\n  ]\n}').problems;
    const early = readData('{"events": [').problems;
    expect(wheres([warning('types.talk.color', 'Not a colour.'), warning('(file)', 'The file is empty.'), ...syntax, ...early])).to.deep.equal([
      'Line 3, column 22',
      'Line 1 (the end of the text)',
      'types.talk.color',
      'The file',
    ]);
  });

  it('gives the same problem on three or more events one line listing them, and keeps two apart', () => {
    const many = Array.from({ length: 324 }, (_, i) => warning(`events[${i < 1 ? i : i + 1}].sources`));
    const two = [warning('events[0].date', 'Not a date.'), warning('events[5].date', 'Not a date.')];
    const lines = problemLines([...many, ...two], noTitles);
    expect(lines.map((line) => line.where)).to.deep.equal(['324 events: 1, 3, 4, 5, 6, 7, 8, 9, 10, 11 … and 314 more', 'Event 1, date', 'Event 6, date']);
    expect(lines[0].problems).to.have.length(324);
    expect(lines[0].message).to.equal('This event has no source.');
  });

  it('groups only what is the same: message, field and severity', () => {
    const lines = problemLines(
      [
        warning('events[0].sources'),
        warning('events[1].sources'),
        warning('events[2].media.url'),
        warning('events[3].sources', 'Another message.'),
        { ...warning('events[4].sources'), severity: 'error' },
      ],
      noTitles,
    );
    expect(lines.map((line) => line.problems.length)).to.deep.equal([1, 1, 1, 1, 1]);
  });

  it('lists three events without "more", and rows as rows', () => {
    const rows = [2, 3, 7].map((row) => warning(`row ${row}, column "source_url"`, 'No source.', { row, column: 'source_url' }));
    expect(wheres(rows)).to.deep.equal(['3 rows: 2, 3, 7']);
  });

  it('puts errors first, each kind in the order found', () => {
    const error = (path: string): Problem => ({ path, message: 'Bad.', severity: 'error' });
    const lines = problemLines([warning('events[0].sources'), error('events[3].date'), warning('events[1].type', 'Unknown.'), error('events[1].date')], noTitles);
    expect(lines.map((line) => `${line.severity} ${line.where}`)).to.deep.equal([
      'error Event 4, date',
      'error Event 2, date',
      'warning Event 1, sources',
      'warning Event 2, type',
    ]);
  });
});
