import { expect } from '@open-wc/testing';
import { csvCells, excerpt, hasPlace, locate, offsetOf, pathSegments, syntaxPlace } from '../../src/editor/text-places.js';
import { readData, type Problem } from '../../src/model/index.js';

const json = `{
  "events": [
    { "date": "2024-01-10", "title": "Talks", "sources": [{ "url": "ftp://x" }] },
    {
      "date": "2024-13-45",
      "title": "Cairo"
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
    expect(problems.map((problem) => selected(json, problem))).to.deep.equal(['"ftp://x"', '[{ "url": "ftp://x" }]', '"2024-13-45"']);
  });

  it('selects the first line of a missing field\'s event, and nothing for the whole file', () => {
    expect(selected(json, { path: 'events[1].sources', message: '', severity: 'warning' })).to.equal('{');
    expect(selected(json, { path: '(file)', message: 'The file is empty.', severity: 'error' })).to.equal(null);
  });

  it('finds the place of a JSON syntax error', () => {
    const broken = json.replace('"title": "Talks",', '"title": "Talks"');
    const [problem] = readData(broken).problems;
    expect(broken.slice(locate(problem, 'native', broken)![0])).to.match(/^"sources"/);
  });

  it('finds the cell a CSV problem names, quoted cells and all', () => {
    const csv = 'date,title,source_url\r\n2024-01-10,"Talks, in ""Doha""",https://example.com/a\r\n2024-99-01,Cairo,https://example.com/b\r\n';
    const problems = readData(csv).problems;
    expect(problems.map((problem) => selected(csv, problem, 'csv'))).to.deep.equal(['2024-99-01']);
    expect(selected(csv, { path: 'row 2, column "title"', message: '', severity: 'warning', row: 2, column: 'title' }, 'csv')).to.equal('"Talks, in ""Doha"""');
    expect(selected(csv, { path: 'row 2', message: '', severity: 'warning', row: 2 }, 'csv')).to.equal('2024-01-10,"Talks, in ""Doha""",https://example.com/a');
    expect(selected(csv, { path: 'row 9', message: '', severity: 'warning', row: 9 }, 'csv')).to.equal(null);
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

describe('csvCells', () => {
  it('gives each cell with its offsets, for commas, semicolons and tabs', () => {
    expect(csvCells('a,"b,c",d')).to.deep.equal([
      { start: 0, end: 1, text: 'a' },
      { start: 2, end: 7, text: 'b,c' },
      { start: 8, end: 9, text: 'd' },
    ]);
    expect(csvCells('a;b;c').map((cell) => cell.text)).to.deep.equal(['a', 'b', 'c']);
    expect(csvCells('a\tb').map((cell) => cell.text)).to.deep.equal(['a', 'b']);
  });
});

describe('pathSegments and offsetOf', () => {
  it('splits a path into keys and indexes', () => {
    expect(pathSegments('events[2].sources[0].url')).to.deep.equal(['events', 2, 'sources', 0, 'url']);
    expect(pathSegments('[3].date')).to.deep.equal([3, 'date']);
    expect(pathSegments('row 3, column "date"')).to.deep.equal(['row 3, column "date"']);
  });

  it('turns a line and column into an offset, never past the line', () => {
    expect(offsetOf('ab\ncd\nef', 2, 2)).to.equal(4);
    expect(offsetOf('ab\ncd\nef', 2, 99)).to.equal(5);
    expect(offsetOf('ab', 5, 1)).to.equal(2);
  });
});

describe('excerpt', () => {
  it('gives the line before and the line itself, with the column of the mark', () => {
    expect(excerpt('one\ntwo\nthree', 3, 2)).to.deep.equal({ lines: [{ number: 2, text: 'two' }, { number: 3, text: 'three' }], marker: 2 });
    expect(excerpt('only', 1, 3)).to.deep.equal({ lines: [{ number: 1, text: 'only' }], marker: 3 });
  });

  it('cuts a long line around the place and keeps the mark on it', () => {
    const line = `${'a'.repeat(200)}X${'b'.repeat(200)}`;
    const { lines, marker } = excerpt(line, 1, 201);
    expect(lines[0].text.startsWith('…') && lines[0].text.endsWith('…')).to.equal(true);
    expect(lines[0].text.length).to.equal(74);
    expect(lines[0].text[marker - 1]).to.equal('X');
  });

  it('leaves out the indentation the lines share', () => {
    expect(excerpt('{\n    "a": 1\n    "b": 2\n}', 3, 5)).to.deep.equal({ lines: [{ number: 2, text: '"a": 1' }, { number: 3, text: '"b": 2' }], marker: 1 });
    expect(excerpt('  x\n      y', 2, 7)).to.deep.equal({ lines: [{ number: 1, text: 'x' }, { number: 2, text: '    y' }], marker: 5 });
  });

  it('marks the end of a text that ends too early', () => {
    expect(excerpt('{"events": [', 1)).to.deep.equal({ lines: [{ number: 1, text: '{"events": [' }], marker: 13 });
  });
});

describe('syntaxPlace', () => {
  it('reads the line and column of a JSON syntax error, and nothing from other problems', () => {
    const [problem] = readData('{\n  "events": [\n    { "date": "2024" "title": "x" }\n  ]\n}').problems;
    expect(syntaxPlace(problem)).to.deep.equal({ line: 3, column: 22 });
    expect(syntaxPlace(readData('{"events": [').problems[0])).to.deep.equal({ line: 1 });
    expect(syntaxPlace({ path: 'events[0].date', message: 'at line 3, column 4', severity: 'error' })).to.equal(null);
  });
});
