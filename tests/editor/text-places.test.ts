import { expect } from '@open-wc/testing';
import { excerpt, hasPlace, locate, offsetOf } from '../../src/editor/text-places.js';
import { readData, type Problem } from '../../src/model/index.js';

const json = `{
  "title": "Story",
  "events": [
    { "date": "2024-01-10", "title": "Talks", "sources": ["ftp://x", { "url": "javascript:x" }] },
    {
      "date": "2024-13-45", "title": "Cairo"
    }
  ]
}`;

function selected(text: string, problem: Problem, format = readData(text).format): string | null {
  const range = locate(problem, format, text);
  return range ? text.slice(...range) : null;
}

describe('locate', () => {
  it('finds the value a JSON problem names', () => {
    const problems = readData(json).problems;
    expect(problems.map((problem) => selected(json, problem))).to.deep.equal(['"ftp://x"', '"javascript:x"', '["ftp://x", { "url": "javascript:x" }]', '"2024-13-45"']);
  });

  it('selects the first line of a missing field\'s event, and nothing for the whole file', () => {
    expect(selected(json, { path: 'events[1].sources', message: '', severity: 'warning' })).to.equal('{');
    expect(selected(json, { path: '(file)', message: 'The file is empty.', severity: 'error' })).to.equal(null);
  });

  it('finds the place of a JSON syntax error, and of a repaired slip', () => {
    const broken = json.replace('"title": "Talks",', '"title": "Talks"');
    const [problem] = readData(broken).problems;
    expect(broken.slice(locate(problem, 'native', broken)![0])).to.match(/^"sources"/);
    const repaired = `\ufeff${json.replace('"title": "Cairo"', '"title": "Cairo",')}`;
    const [comma] = readData(repaired).problems;
    expect(comma.message).to.contain('comma before a closing bracket');
    expect(repaired.slice(locate(comma, 'native', repaired)![0])).to.match(/^,\n {4}\}/);
  });

  it('finds the cell a CSV problem names, quoted cells and all', () => {
    const csv = 'date,title,source_url\r\n2024-01-10,"Talks, in ""Doha""",https://example.com/a\r\n2024-99-01,Cairo,https://example.com/b\r\n';
    const problems = readData(csv).problems;
    expect(problems.map((problem) => selected(csv, problem, 'csv'))).to.deep.equal(['2024-99-01']);
    expect(selected(csv, { path: 'row 2, column "title"', message: '', severity: 'warning', row: 2, column: 'title' }, 'csv')).to.equal('"Talks, in ""Doha"""');
    expect(selected(csv, { path: 'row 2, column "source_url"', message: '', severity: 'warning', row: 2, column: 'source_url' }, 'csv')).to.equal('https://example.com/a');
    expect(selected(csv, { path: 'row 2', message: '', severity: 'warning', row: 2 }, 'csv')).to.equal('2024-01-10,"Talks, in ""Doha""",https://example.com/a');
    expect(selected(csv, { path: 'row 9', message: '', severity: 'warning', row: 9 }, 'csv')).to.equal(null);
  });

  it('finds cells in semicolon and tab separated files, and the cell after a quote that text follows', () => {
    const semicolons = 'date;title;source_url\n2024-99-01;"Talks; Cairo";https://example.com/a\n';
    expect(readData(semicolons).problems.map((problem) => selected(semicolons, problem, 'csv'))).to.deep.equal(['2024-99-01']);
    expect(selected(semicolons, { path: 'row 2, column "source_url"', message: '', severity: 'warning', row: 2, column: 'source_url' }, 'csv')).to.equal('https://example.com/a');
    const tabs = 'date\ttitle\tsource_url\n2024-01-10\tTalks\tnot a link\n';
    expect(readData(tabs).problems.map((problem) => selected(tabs, problem, 'csv'))).to.include('not a link');
    const quoted = 'date,title,source_url\n2024-01-10,"Sharm el-Sheikh" talks,https://example.com/a\n';
    const [afterQuote] = readData(quoted).problems;
    expect(afterQuote.kind).to.equal('after-quote');
    expect(selected(quoted, afterQuote, 'csv')).to.equal('"Sharm el-Sheikh"');
  });
});

describe('hasPlace', () => {
  it('says whether a problem names a place in the text', () => {
    const [syntax] = readData('{"events": [').problems;
    expect(hasPlace(syntax, 'native')).to.equal(true);
    expect(hasPlace({ path: 'events[0].date', message: '', severity: 'error' }, 'native')).to.equal(true);
    expect(hasPlace({ path: '(file)', message: 'The file is empty.', severity: 'error' }, 'native')).to.equal(false);
    expect(hasPlace({ path: 'row 2, column "date"', message: '', severity: 'error', row: 2 }, 'csv')).to.equal(true);
    expect(hasPlace({ path: '(file)', message: 'No header.', severity: 'error' }, 'csv')).to.equal(false);
  });
});

describe('offsetOf', () => {
  it('turns a line and column into an offset, never past the line', () => {
    expect(offsetOf('ab\ncd\nef', { line: 2, column: 2 })).to.equal(4);
    expect(offsetOf('ab\ncd\nef', { line: 2, column: 99 })).to.equal(5);
    expect(offsetOf('ab', { line: 5, column: 1 })).to.equal(2);
  });

  it('counts columns after a byte-order mark, as the model does', () => {
    expect(offsetOf('\ufeffab\ncd', { line: 1, column: 2 })).to.equal(2);
  });
});

describe('excerpt', () => {
  it('gives the line before and the line itself, with the column of the mark', () => {
    expect(excerpt('one\ntwo\nthree', { line: 3, column: 2 })).to.deep.equal({ lines: [{ number: 2, text: 'two' }, { number: 3, text: 'three' }], marker: 2 });
    expect(excerpt('only', { line: 1, column: 3 })).to.deep.equal({ lines: [{ number: 1, text: 'only' }], marker: 3 });
  });

  it('cuts a long line around the place and keeps the mark on it', () => {
    const line = `${'a'.repeat(200)}X${'b'.repeat(200)}`;
    const { lines, marker } = excerpt(line, { line: 1, column: 201 });
    expect(lines[0].text.startsWith('…') && lines[0].text.endsWith('…')).to.equal(true);
    expect(lines[0].text.length).to.equal(50);
    expect(lines[0].text[marker - 1]).to.equal('X');
  });

  it('leaves out a line before that would show only a fragment beside a long line', () => {
    const text = `  // the first round\n  { "title": "${'a'.repeat(80)}", "sources": ["x",] }`;
    const short = excerpt(text, { line: 2, column: text.split('\n')[1].indexOf(',]') + 1 });
    expect(short.lines.map((line) => line.number)).to.deep.equal([2]);
    expect(short.lines[0].text[short.marker - 1]).to.equal(',');
    const long = excerpt(`${'b'.repeat(120)}\n${'a'.repeat(120)}`, { line: 2, column: 100 });
    expect(long.lines.map((line) => line.text)).to.deep.equal([`…${'b'.repeat(48)}`, `…${'a'.repeat(48)}`]);
  });

  it('leaves out the indentation the lines share', () => {
    expect(excerpt('{\n    "a": 1\n    "b": 2\n}', { line: 3, column: 5 })).to.deep.equal({ lines: [{ number: 2, text: '"a": 1' }, { number: 3, text: '"b": 2' }], marker: 1 });
    expect(excerpt('  x\n      y', { line: 2, column: 7 })).to.deep.equal({ lines: [{ number: 1, text: 'x' }, { number: 2, text: '    y' }], marker: 5 });
  });

  it('marks the end of a text that ends too early, where the model places the error', () => {
    const text = '{"events": [';
    const [problem] = readData(text).problems;
    expect(excerpt(text, problem.at!)).to.deep.equal({ lines: [{ number: 1, text: '{"events": [' }], marker: 13 });
  });
});
