import { expect } from '@open-wc/testing';
import * as model from '../../src/model/index.js';
import { quote } from '../../src/model/problems.js';
import type { Problem } from '../../src/model/types.js';

const { readData } = model;
const source = ['https://news.example/a'];

describe('problems, as an editor reads them', () => {
  it('name the event by its number, counted from 1, and its title', () => {
    const result = readData({ events: [
      { date: '2025-10-06', title: 'Talks open', sources: source },
      { date: '2025-10-07', title: 'Talks in Cairo', sources: [{ url: 'javascript:alert(1)' }, 'https://news.example/b'] },
      { id: 'x', date: '2025-13-01', title: '', sources: source },
    ] });
    expect(result.problems.map((p) => [p.path, p.where])).to.deep.equal([
      ['events[1].sources[0].url', "event 2 ('Talks in Cairo'), source 1, url"],
      ['events[2].title', 'event 3 (id "x"), title'],
      ['events[2].date', 'event 3 (id "x"), date'],
    ]);
  });

  it('say where in every format: a bare list, TimelineJS slides, CSV rows, the whole file', () => {
    expect(readData([{ date: '2025-10-06', title: 'Bare' }]).problems[0].where).to.equal("event 1 ('Bare'), sources");
    const slides = readData({ events: [{ start_date: { year: '2025', month: '13' }, text: { headline: 'Slide' } }] });
    expect(slides.problems.map((p) => p.where)).to.deep.equal(["event 1 ('Slide'), start_date.month"]);
    const csv = readData('date,title,source_url\n2025-13-01,Talks in Cairo,https://a.example/\n');
    expect(csv.problems.map((p) => p.where)).to.deep.equal(["row 2 ('Talks in Cairo'), column \"date\""]);
    expect(readData('').problems[0].where).to.equal('the file');
    const types = readData({ types: { agreement: { color: 'url(x)' } }, events: [{ date: '2025', title: 'T', sources: source }] });
    expect(types.problems[0].where).to.equal('type "agreement", color');
  });

  it('quote a title so that it cannot turn the sentence around it', () => {
    const result = readData({ events: [{ date: '2025-10-06', title: 'Talks \u202eopen in a very long title that goes on and on' }] });
    expect(result.problems[0].where).to.equal("event 1 ('Talks \\u202eopen in a very long title that go…'), sources");
  });

  it('write out every character that sets direction, so a quoted value cannot turn the message around it', () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u2028', '\u2029'];
    for (const control of controls) {
      const said = quote(`Talks ${control}in Cairo`);
      expect(said, `U+${control.codePointAt(0)!.toString(16)}`).to.equal(`"Talks \\u${control.codePointAt(0)!.toString(16).padStart(4, '0')}in Cairo"`);
      expect([...said].some((c) => controls.includes(c))).to.equal(false);
    }
    // Text in a right-to-left script is quoted as it is: only the controls are written out.
    expect(quote('\u0645\u062d\u0627\u062f\u062b\u0627\u062a')).to.equal('"\u0645\u062d\u0627\u062f\u062b\u0627\u062a"');
    const date = readData({ events: [{ date: '2025-10-06\u200f', title: '\u05e9\u05dc\u05d5\u05dd \u2067x\u2069', sources: source }] });
    expect(date.problems.map((p) => `${p.where}: ${p.message}`).join(' ')).to.not.match(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/);
    expect(date.problems[0].message).to.contain('"2025-10-06\\u200f"');
  });

  it('name line and column of a JSON syntax error in plain words, with the text around it', () => {
    const text = '{\n  "events": [\n    { "date": "2025-10-06" "title": "x" }\n  ]\n}';
    const [problem] = readData(text).problems;
    expect([problem.where, problem.at]).to.deep.equal(['line 3, column 28', { line: 3, column: 28 }]);
    expect(problem.message).to.equal(
      'This is not valid JSON: at line 3, column 28, a comma or } was expected, but there is a double quote ("). The text there: { "date": "2025-10-06" ▶"title": "x" }. Look for a missing comma, quote or bracket just before the ▶, or one too many.',
    );
  });
});

describe('groupProblems', () => {
  const many = (n: number, fields: (i: number) => Record<string, unknown> = () => ({})) =>
    readData({ events: Array.from({ length: n }, (_, i) => ({ date: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`, title: `Event ${i + 1}`, ...fields(i) })) });

  it('tells the same problem on many events as one line, keeping every problem', () => {
    const result = many(324);
    expect(result.problems).to.have.length(324);
    const groups = model.groupProblems(result.problems);
    expect(groups).to.have.length(1);
    expect(groups[0].text).to.equal('324 events have no source: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 …');
    expect([groups[0].severity, groups[0].kind, groups[0].unit, groups[0].numbers.length, groups[0].problems.length]).to.deep.equal(['warning', 'no-source', 'event', 324, 324]);
    expect(groups[0].message).to.equal(result.problems[0].message);
    // The line says what the events have: it is its own heading, with no message after it.
    expect(groups[0].heading).to.equal(groups[0].text);
  });

  it('keeps a problem that occurs once as its own line, with where it is', () => {
    const result = many(3, (i) => ({ sources: source, date: i === 1 ? '2025-13-01' : '2025-01-01' }));
    const groups = model.groupProblems(result.problems);
    expect(groups.map((g) => g.text)).to.deep.equal([
      "event 2 ('Event 2'), date: \"2025-13-01\" is not a valid date: month 13 does not exist. Use YYYY, YYYY-MM, YYYY-MM-DD or a date-time with a time zone, like 2025-10-06T14:30Z. This event (\"Event 2\") is left out.",
    ]);
    expect(groups[0].heading).to.equal("event 2 ('Event 2'), date");
  });

  it('counts CSV problems by row, and lists as many numbers as asked', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `2025-10-0${i + 1},Talks ${i}`);
    const groups = model.groupProblems(readData(['date,title', ...rows].join('\n')).problems, { listed: 3 });
    expect(groups.map((g) => [g.unit, g.text])).to.deep.equal([['row', '5 rows have no source: 2, 3, 4 …']]);
  });

  it('groups problems of no kind by their message, and leaves problems about the file alone', () => {
    const problems: Problem[] = [
      { path: '(file)', where: 'the file', message: 'A', severity: 'warning' },
      { path: 'events[0].x', where: 'event 1', message: 'Same', severity: 'warning', eventIndex: 0 },
      { path: 'events[4].x', where: 'event 5', message: 'Same', severity: 'warning', eventIndex: 4 },
      { path: '(file)', where: 'the file', message: 'A', severity: 'warning' },
    ];
    expect(model.groupProblems(problems).map((g) => g.text)).to.deep.equal(['the file: A', '2 events (1, 5): Same', 'the file: A']);
    // The heading is the line without its message, for a list that shows the two apart.
    expect(model.groupProblems(problems).map((g) => [g.heading, g.message])).to.deep.equal([['the file', 'A'], ['2 events (1, 5)', 'Same'], ['the file', 'A']]);
  });
});
