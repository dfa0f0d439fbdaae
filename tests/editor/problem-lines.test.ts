import { expect } from '@open-wc/testing';
import { problemLines } from '../../src/editor/problem-lines.js';
import { readData, type Problem } from '../../src/model/index.js';

const source = ['https://news.example/a'];
const headings = (input: unknown) => problemLines(readData(input).problems).map((line) => line.heading);

describe('problemLines', () => {
  it('counts events from 1 and names them by title, with the field in words, starting with a capital', () => {
    const lines = problemLines(
      readData({
        types: { talk: { color: 'url(x)' } },
        events: [
          { date: '2025-10-06', title: 'Talks open', sources: source },
          { date: '2025-13-06', title: 'Talks in Cairo', sources: source },
          { date: '2025-10-07', title: 'A toll', type: 'talk', sources: [{ url: 'ftp://x' }, 'https://news.example/b'], figures: [{ label: 'Killed', value: 'many', reportedBy: 'X' }] },
        ],
      }).problems,
    );
    expect(lines.map((line) => line.heading)).to.deep.equal([
      "Event 2 ('Talks in Cairo'), date",
      "Event 3 ('A toll'), figure 1, value",
      'Type "talk", color',
      "Event 3 ('A toll'), source 1, url",
    ]);
    expect(lines[0].message).to.match(/^"2025-13-06" is not a valid date/);
    expect(headings([{ date: '2025', title: 'A', sources: source }, { date: '2025', title: 'B', sources: source, type: 7 }])).to.deep.equal(["Event 2 ('B'), type"]);
    const eras = { events: [{ start_date: { year: '1969' }, text: { headline: 'Apollo' }, media: { url: 'https://e.com/x' } }], eras: [{ start_date: { year: 'x' }, text: { headline: 'The race' } }] };
    expect(headings(JSON.stringify(eras))).to.deep.equal(["Era 1 ('The race'), start_date.year", "Era 1 ('The race')"]);
  });

  it('names a CSV row by its line number and title, with the column', () => {
    expect(headings('date,title,source_url\n2024-01-01,Talks in Doha,https://e.com/a\n2024-99-01,Talks in Cairo,https://e.com/b\n')).to.deep.equal([
      'Row 3 (\'Talks in Cairo\'), column "date"',
    ]);
  });

  it('cuts a long title and keeps it on one line', () => {
    const [heading] = headings({ events: [{ date: '2024-01-01', title: `Talks\nin ${'Cairo '.repeat(20)}` }] });
    expect(heading).to.match(/^Event 1 \('Talks\\nin Cairo Cairo .*…'\), sources$/);
    expect(heading).not.to.contain('\n');
    expect(heading.length).to.be.lessThan(70);
  });

  it('says where a JSON syntax error is, and names a problem about the whole file', () => {
    expect(headings('{\n  "events": [\n    { "date": "2024" "title": "x" }\n  ]\n}')).to.deep.equal(['Line 3, column 22']);
    expect(headings('{"events": [')).to.deep.equal(['Line 1, column 13']);
    expect(headings('')).to.deep.equal(['The file']);
  });

  it('gives the same problem on many events one line that counts and lists them', () => {
    const events = Array.from({ length: 325 }, (_, i) => ({ date: '2024-01-01', title: `Meeting ${i + 1}`, ...(i === 1 ? { sources: source } : {}) }));
    const lines = problemLines(readData({ events }).problems);
    expect(lines.map((line) => line.heading)).to.deep.equal(['324 events have no source: 1, 3, 4, 5, 6, 7, 8, 9, 10, 11 …']);
    expect(lines[0].problems).to.have.length(324);
    expect(lines[0].message).to.match(/^This event has no source, so it is shown as unsourced\./);
    expect(headings('date,title,source_url\n2024-01-01,A,\n2024-01-02,B,https://e.com/b\n2024-01-03,C,\n2024-01-04,D,\n')).to.deep.equal(['3 rows have no source: 2, 4, 5']);
  });

  it('tells where the first of a group is when the problems of the group are worded differently', () => {
    const lines = problemLines(readData({ events: [{ date: '2025-10-06', title: 'One', sources: ['ftp://a'] }, { date: '2025-10-07', title: 'Two', sources: ['javascript:alert(1)'] }] }).problems);
    const [links] = lines;
    expect(links.heading).to.equal('2 events have source links that are left out: 1, 2');
    expect(links.message).to.match(/^Event 1 \('One'\), source 1, url: "ftp:\/\/a" is not a web link/);
    // Worded alike: the message alone.
    expect(lines[1].message).to.match(/^None of the sources of this event has a usable web link/);
  });

  it('groups only what has the same severity and the same kind or message', () => {
    const problem = (index: number, message: string, severity: Problem['severity'] = 'warning'): Problem => ({ path: `events[${index}].x`, where: `event ${index + 1}`, message, severity, eventIndex: index });
    const lines = problemLines([problem(0, 'Same.'), problem(1, 'Same.'), problem(2, 'Other.'), problem(3, 'Same.', 'error')]);
    expect(lines.map((line) => [line.severity, line.heading, line.problems.length])).to.deep.equal([
      ['error', 'Event 4', 1],
      ['warning', '2 events (1, 2)', 2],
      ['warning', 'Event 3', 1],
    ]);
  });

  it('puts errors first, each severity in the order found', () => {
    const lines = problemLines(
      readData({ events: [{ date: '2025-10-06', title: 'A' }, { date: '2025-13-01', title: 'B', sources: source }, { date: '2025-10-08', title: 'C', sources: source, type: 7 }] }).problems,
    );
    expect(lines.map((line) => `${line.severity} ${line.heading}`)).to.deep.equal(["error Event 2 ('B'), date", "error Event 3 ('C'), type", "warning Event 1 ('A'), sources"]);
  });
});
