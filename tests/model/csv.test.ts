import { expect } from '@open-wc/testing';
import { csvFormatRows, dsvFormat } from 'd3-dsv';
import fc from 'fast-check';
import { csvDelimiter, csvSlices, parseTimeCell } from '../../src/model/csv.js';
import { readData, readDataInSlices } from '../../src/model/index.js';
import { STEP } from '../../src/model/normalize.js';
import type { Problem, ReadResult } from '../../src/model/types.js';

const errors = (result: ReadResult): Problem[] => result.problems.filter((p) => p.severity === 'error');
const warnings = (result: ReadResult): Problem[] => result.problems.filter((p) => p.severity === 'warning');

function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

describe('CSV, native columns', () => {
  it('reads every column, with header names matched without regard to case, spaces or order', () => {
    const result = readData(csv(
      ' Title ,DATE,End,Type,Summary,Place,Source URL,source-title,Publisher,Figure_Label,figure value,FIGURE_QUALIFIER,Reported By,id',
      'Talks open,2025-10-06,2025-10-09,talks,Delegations meet.,Sharm el-Sheikh,https://news.example/a,Talks open,News,,,,,sharm',
      'Toll passes 67000,2025-10-06,,casualties,,,https://news.example/b,,News,Killed,67160,more than,Ministry of Health,toll',
    ));
    expect(result.format).to.equal('csv');
    expect(result.problems).to.deep.equal([]);
    const [talks, toll] = result.dataset.events.sort((a, b) => a.id.localeCompare(b.id));
    expect(talks).to.deep.equal({
      id: 'sharm',
      type: 'talks',
      date: new Date(Date.UTC(2025, 9, 6)),
      precision: 'day',
      end: new Date(Date.UTC(2025, 9, 9)),
      endPrecision: 'day',
      title: 'Talks open',
      summary: 'Delegations meet.',
      place: 'Sharm el-Sheikh',
      sources: [{ url: 'https://news.example/a', title: 'Talks open', publisher: 'News' }],
    });
    expect(toll.figures).to.deep.equal([{ label: 'Killed', value: 67160, qualifier: 'more than', reportedBy: 'Ministry of Health' }]);
  });

  it('adds the sources and figures of rows with the same id to one event', () => {
    const result = readData(csv(
      'id,date,title,source_url,figure_label,figure_value,reported_by',
      'toll,2025-10-06,Toll,https://a.example/,Killed,67160,Ministry',
      'toll,,,https://b.example/,Injured,169679,Ministry',
      'other,2025-10-07,Other,https://c.example/,,,',
    ));
    expect(result.problems).to.deep.equal([]);
    const toll = result.dataset.events.find((e) => e.id === 'toll')!;
    expect(toll.sources.map((s) => s.url)).to.deep.equal(['https://a.example/', 'https://b.example/']);
    expect(toll.figures!.map((f) => f.label)).to.deep.equal(['Killed', 'Injured']);
    expect(result.dataset.events).to.have.length(2);
  });

  it('without an id column, groups rows by date and title; a row with neither continues the event above', () => {
    const result = readData(csv(
      'date,title,source_url,publisher',
      '2025-10-06,Talks open,https://a.example/,A',
      '2025-10-06,Talks open,https://b.example/,B',
      ',,https://c.example/,C',
      '2025-10-07,Next day,https://d.example/,D',
    ));
    expect(result.problems).to.deep.equal([]);
    expect(result.dataset.events.map((e) => [e.title, e.sources.map((s) => s.publisher).join('')])).to.deep.equal([
      ['Talks open', 'ABC'],
      ['Next day', 'D'],
    ]);
  });

  it('warns when a continuing row contradicts the first one, and keeps the first', () => {
    const result = readData(csv('id,date,title,summary,source_url', 'x,2025-10-06,T,First,https://a.example/', 'x,2025-10-06,T,Second,https://b.example/'));
    expect(result.dataset.events[0].summary).to.equal('First');
    expect(warnings(result)).to.deep.equal([
      {
        path: 'row 3, column "summary"',
        where: 'row 3 (\'T\'), column "summary"',
        row: 3,
        column: 'summary',
        severity: 'warning',
        eventIndex: 0,
        message: 'Row 3 adds to the event of row 2, but its summary differs ("Second"); the summary of row 2 is kept. Give the rows different ids if they are different events.',
      },
    ]);
  });

  it('names the file line and the column of a problem; the header is line 1', () => {
    const result = readData(csv('Date,Title,Source_URL', '2025-10-06,Good,https://a.example/', '2024-13-45,Bad,https://b.example/', '2025-10-08,,https://c.example/'));
    expect(result.dataset.events.map((e) => e.title)).to.deep.equal(['Good']);
    expect(errors(result).map((p) => [p.path, p.row, p.column, p.eventIndex])).to.deep.equal([
      ['row 3, column "Date"', 3, 'Date', 1],
      ['row 4, column "Title"', 4, 'Title', 2],
    ]);
    expect(errors(result)[0].message).to.include('"2024-13-45" is not a valid date: month 13 does not exist');
  });

  it('counts lines inside quoted cells, blank lines and Windows line ends', () => {
    const text = 'date,title,summary,source_url\r\n2025-10-06,One,"two\r\nline summary",https://a.example/\r\n\r\n2025-13-01,Bad,,https://b.example/\r\n';
    const result = readData(text);
    expect(result.dataset.events[0].summary).to.equal('two\r\nline summary');
    expect(errors(result)[0].row).to.equal(5);
  });

  it('points source and figure problems at their own row', () => {
    const result = readData(csv(
      'id,date,title,source_url,figure_label,figure_value,reported_by',
      'x,2025-10-06,T,https://a.example/,Killed,67160,M',
      'x,,,javascript:alert(1),Injured,"67,160",M',
    ));
    expect(result.problems.map((p) => [p.severity, p.path])).to.deep.equal([
      ['warning', 'row 3, column "source_url"'],
      ['error', 'row 3, column "figure_value"'],
    ]);
    expect(errors(result)[0].message).to.include('write it without thousands separators, like 67160');
  });

  it('declares new types as it meets them, labelled as written', () => {
    const result = readData(csv('date,title,type,source_url', '2025-10-06,A,Military action,https://a.example/', '2025-10-07,B,military action,https://a.example/', '2025-10-08,C,TALKS,https://a.example/'));
    expect(result.problems).to.deep.equal([]);
    expect(result.dataset.types).to.deep.equal({ 'military-action': { label: 'Military action' } });
    expect(result.dataset.events.map((e) => e.type)).to.deep.equal(['military-action', 'military-action', 'talks']);
  });

  it('reads files with and without quotes alike, whatever their line ends', () => {
    const rows = ['date,title,source_url', '2025-10-06,One,https://a.example/', '', '2025-10-07,Two,https://b.example/', '2025-13-01,Bad,https://c.example/'];
    const read = (text: string) => {
      const result = readData(text);
      return [result.dataset.events.map((e) => e.title), result.problems.map((p) => p.path)];
    };
    const expected = [['One', 'Two'], ['row 5, column "date"']];
    for (const end of ['\n', '\r\n', '\r']) {
      expect(read(rows.join(end) + end), JSON.stringify(end)).to.deep.equal(expected);
      // One quoted cell sends the text through the full CSV parser.
      expect(read(rows.join(end).replace('One', '"One"')), `quoted ${JSON.stringify(end)}`).to.deep.equal(expected);
    }
  });

  it('reads a CSV whose header is in quotes, as spreadsheets export it', () => {
    const result = readData('"date","title","source_url"\n"2025-10-06","Talks, at last","https://a.example/"\n');
    expect([result.format, result.problems.length, result.dataset.events[0].title]).to.deep.equal(['csv', 0, 'Talks, at last']);
  });

  it('reads semicolon- and tab-separated files', () => {
    expect(readData('date;title;source_url\n2025-10-06;Talks, at last;https://a.example/\n').dataset.events[0].title).to.equal('Talks, at last');
    expect(readData('date\ttitle\tsource_url\n2025-10-06\tTalks\thttps://a.example/\n').dataset.events[0].title).to.equal('Talks');
  });

  it('refuses a header it does not recognise, saying what it found', () => {
    const result = readData('name,when\nx,y\n');
    expect(result.dataset.events).to.have.length(0);
    expect(errors(result)).to.have.length(1);
    expect(errors(result)[0]).to.include({ path: '(file)', row: 1 });
    expect(errors(result)[0].message).to.include('found "name", "when"');
  });

  it('needs both a date and a title column', () => {
    const result = readData('title,source_url\nTalks,https://a.example/\n');
    expect(errors(result).map((p) => p.message)).to.deep.equal([
      'The CSV has no "date" column. Its first line should name the columns: date, title, and for sources source_url, source_title, publisher.',
    ]);
  });

  it('says when there are no rows below the header', () => {
    expect(errors(readData('date,title\n'))[0].message).to.include('no rows of data');
  });

  it('reports every row whose number of cells differs from the header (row, expected, found)', () => {
    const result = readData(csv(
      'date,title,summary,source_url',
      '2025-10-06,Talks in Cairo, Egypt,Delegations met.,https://a.example/',
      '2025-10-07,Short',
      '2025-10-08,Fine,Sum,https://b.example/,',
      '2025-10-09,Good,Sum,https://c.example/',
    ));
    expect(result.dataset.events.map((e) => e.title)).to.deep.equal(['Short', 'Fine', 'Good']);
    const cells = result.problems.filter((p) => p.kind === 'cell-count');
    expect(cells.map((p) => [p.severity, p.path, p.row])).to.deep.equal([
      ['error', 'row 2', 2],
      ['warning', 'row 3', 3],
      ['warning', 'row 4', 4],
    ]);
    // Named by what the title column holds, as the editor finds the row by it.
    expect(cells.map((p) => p.where)).to.deep.equal(["row 2 ('Talks in Cairo')", "row 3 ('Short')", "row 4 ('Fine')"]);
    expect(cells[0].message).to.equal(
      'Row 2 has 5 cells, but the header row names 4 columns, so its cells may be in the wrong columns. A cell with a comma in it needs quotes around it, like "Talks in Cairo, Egypt". The row is left out.',
    );
    expect(cells[1].message).to.equal('Row 3 has 2 cells, but the header row names 4 columns; the missing cells are read as empty.');
    expect(cells[2].message).to.equal('Row 4 has 5 cells, but the header row names 4 columns; the cells beyond the last column are empty and not read.');
  });

  it('never makes a source link of text with spaces, even with the address of the file', () => {
    const text = csv('date,title,source_url', '2025-10-06,Talks,Delegations met in Cairo');
    const result = readData(text, { baseUrl: 'https://news.example/stories/story.csv' });
    expect(result.dataset.events[0].sources).to.deep.equal([]);
    expect(warnings(result)[0]).to.include({ path: 'row 2, column "source_url"' });
    expect(warnings(result)[0].message).to.include('has spaces in it, so it is text, not a web link');
  });

  it('warns about text after the closing quote of a cell, and keeps the text in that cell', () => {
    const result = readData(csv(
      'date,title,source_url',
      '2025-10-06,"Sharm el-Sheikh" talks,https://a.example/',
      '2025-10-07,"He said "yes" today",https://b.example/',
      '2025-10-08,"Fine",https://c.example/',
    ));
    expect(result.dataset.events.map((e) => e.title)).to.deep.equal(['Sharm el-Sheikh talks', 'He said "yes" today', 'Fine']);
    expect(result.dataset.events.map((e) => e.sources[0].url)).to.deep.equal(['https://a.example/', 'https://b.example/', 'https://c.example/']);
    expect(result.problems.map((p) => [p.severity, p.path, p.kind])).to.deep.equal([
      ['warning', 'row 2, column "title"', 'after-quote'],
      ['warning', 'row 3, column "title"', 'after-quote'],
    ]);
    expect(result.problems.map((p) => p.where)).to.deep.equal([
      "row 2 ('Sharm el-Sheikh talks'), column \"title\"",
      "row 3 ('He said \"yes\" today'), column \"title\"",
    ]);
    expect(result.problems[0].message).to.equal(
      'The cell has text after its closing quote ("Sharm el-Sheikh" talks); it is read as one cell: "Sharm el-Sheikh talks". Put the whole cell in quotes and double the quotes inside it, like "He said ""yes"" today".',
    );
  });

  it('warns, naming the rows, when the file is not UTF-8 (Windows-1252 quotes)', () => {
    const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
    // “Talks” in Windows-1252 is 0x93 Talks 0x94: not UTF-8.
    const bytes = new Uint8Array([
      ...ascii('date,title,source_url\n2025-10-06,Fine,https://a.example/\n2025-10-07,'), 0x93, ...ascii('Talks'), 0x94,
      ...ascii(',https://b.example/\n2025-10-08,Caf'), 0xe9, ...ascii(',https://c.example/\n'),
    ]);
    const result = readData(bytes);
    expect(result.dataset.events).to.have.length(3);
    expect(result.problems.map((p) => [p.severity, p.path, p.kind])).to.deep.equal([['warning', 'row 3', 'not-utf8']]);
    expect(result.problems[0].where).to.equal("row 3 ('\ufffdTalks\ufffd')");
    expect(result.problems[0].message).to.equal(
      'Rows 3 and 4 have characters that could not be read (shown as �): the file is not saved as UTF-8 (perhaps Windows-1252, as older Excel saves CSV). Save it as "CSV UTF-8" and load it again.',
    );
  });
});

describe('CSV in slices', () => {
  /** A CSV of few events but long cells, with quoted line breaks and commas: about 1.2 MB. */
  function longCsv(rows: number): string {
    const lines = ['id,date,title,summary,source_url'];
    for (let i = 0; i < rows; i++) {
      const summary = `"Line one, of ${i}\nline ""two""\r\n` + 'x'.repeat(4_000) + '"';
      lines.push(`e${i},2025-10-${String(1 + (i % 28)).padStart(2, '0')},Event ${i},${summary},https://news.example/${i}`);
    }
    return lines.join('\r\n') + '\r\n';
  }

  it('reads CSV text in slices of rows, pausing between them, with the same result as in one go', async () => {
    const text = longCsv(300);
    let pauses = 0;
    const sliced = await readDataInSlices(text, {}, { sliceMs: 0, pause: async () => void pauses++ });
    // 300 events are fewer than one step of the event checks: every pause is between slices of text.
    expect(pauses).to.be.at.least(3);
    expect(sliced).to.deep.equal(readData(text));
    expect(sliced.problems).to.deep.equal([]);
    expect(sliced.dataset.events).to.have.length(300);
    expect(sliced.dataset.events.find((e) => e.id === 'e7')!.summary).to.equal('Line one, of 7\nline "two"\r\n' + 'x'.repeat(4_000));
  });

  it('pauses within a slice of short rows too, every few hundred rows', async () => {
    const rows = 4_000;
    const lines = ['date,title,summary,source_url'];
    for (let i = 0; i < rows; i++) lines.push(`2025-10-${String(1 + (i % 28)).padStart(2, '0')},Event ${i},Talks went on,https://news.example/${i}`);
    const text = lines.join('\n');
    // All of it is one slice of text.
    expect([...csvSlices(text, ',')]).to.have.length(1);
    // Each cell read is trimmed: the trims between two pauses tell how many rows a slice handled.
    const realTrim = String.prototype.trim;
    const trims: number[] = [0];
    String.prototype.trim = function (this: string) {
      trims[trims.length - 1]++;
      return realTrim.call(this);
    };
    let result: ReadResult;
    try {
      result = await readDataInSlices(text, {}, { sliceMs: 0, pause: async () => void trims.push(0) });
    } finally {
      String.prototype.trim = realTrim;
    }
    expect(result.dataset.events).to.have.length(rows);
    const perRow = trims.reduce((a, b) => a + b, 0) / rows;
    // Without a pause inside the slice, its 4,000 rows would be read in one go.
    expect(Math.max(...trims)).to.be.below(perRow * 2 * STEP);
  });

  it('counts file lines across slices', async () => {
    const text = longCsv(300).replace('e299,2025-10-', 'e299,2025-13-');
    const result = await readDataInSlices(text, {}, { sliceMs: 0, pause: async () => undefined });
    // Each row takes three lines (two line breaks in its summary); the header is line 1.
    expect(result.problems.map((p) => p.path)).to.deep.equal([`row ${2 + 299 * 3}, column "date"`]);
  });
});

describe('CSV, TimelineJS spreadsheet template', () => {
  it("reads Knight Lab's template with every row", async () => {
    const text = await (await fetch('/node_modules/@knight-lab/timelinejs/src/template/my-own-timeline.csv')).text();
    const result = readData(text);
    expect(result.format).to.equal('csv');
    expect(errors(result)).to.deep.equal([]);
    expect(result.dataset.title).to.equal('MY OWN CSV');
    expect(result.dataset.description).to.include('In this sample timeline');
    expect(result.dataset.events).to.have.length(10);
    const ada = result.dataset.events[0];
    expect([ada.title, ada.date.toISOString(), ada.end!.toISOString()]).to.deep.equal(['Ada Lovelace', '1815-12-10T00:00:00.000Z', '1852-11-27T00:00:00.000Z']);
    expect(ada.sources[0]).to.deep.equal({
      url: 'https://upload.wikimedia.org/wikipedia/commons/thumb/a/a4/Ada_Lovelace_portrait.jpg/713px-Ada_Lovelace_portrait.jpg',
      title: 'Portrait by Alfred Edward Chalon',
      publisher: 'Wikimedia Commons',
    });
    const edith = result.dataset.events.find((e) => e.title.startsWith('Edith Clarke'))!;
    expect(edith.unsourced).to.equal(true);
    expect(warnings(result).map((p) => p.path)).to.deep.equal(['row 4, column "Media"']);
  });

  const HEADER = 'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background';

  it('reads times, eras, groups and the title row', () => {
    const result = readData(csv(
      HEADER,
      ',,,,,,,,,The story,<p>About it</p>,,,,,title,,',
      '2025,10,6,2:30 PM,,,,,,Talks,,https://a.example/,A,,,,Diplomacy,',
      '2025,10,1,,2025,10,31,,,October,,,,,,era,,',
    ));
    expect(errors(result)).to.deep.equal([]);
    expect(result.dataset.title).to.equal('The story');
    const talks = result.dataset.events.find((e) => e.title === 'Talks')!;
    expect([talks.date.toISOString(), talks.precision, talks.type]).to.deep.equal(['2025-10-06T14:30:00.000Z', 'time', 'diplomacy']);
    const era = result.dataset.events.find((e) => e.type === 'era')!;
    expect(era.end!.toISOString()).to.equal('2025-10-31T00:00:00.000Z');
    expect(result.dataset.types).to.deep.equal({ era: {}, diplomacy: { label: 'Diplomacy' } });
  });

  it('names the column of a bad date part or time', () => {
    const result = readData(csv(HEADER, '2025,13,,,,,,,,Bad month,,https://a.example/,,,,,,', '2025,10,6,25:99,,,,,,Bad time,,https://a.example/,,,,,,', 'Soon,,,,,,,,,Bad year,,https://a.example/,,,,,,', ',,,,,,,,,No year,,https://a.example/,,,,,,', '2025,,,,,,,,,Good,,https://a.example/,,,,,,'));
    expect(result.dataset.events.map((e) => e.title)).to.deep.equal(['Good']);
    expect(errors(result).map((p) => p.path)).to.deep.equal(['row 2, column "Month"', 'row 3, column "Time"', 'row 4, column "Year"', 'row 5, column "Year"']);
    expect(errors(result)[1].message).to.include('The Time "25:99" is not a time');
  });

  it('reads the Time cell the way the template does', () => {
    expect(parseTimeCell('14:30')).to.deep.equal({ hour: 14, minute: 30 });
    expect(parseTimeCell('2:30 PM')).to.deep.equal({ hour: 14, minute: 30 });
    expect(parseTimeCell('12:05 a.m.')).to.deep.equal({ hour: 0, minute: 5 });
    expect(parseTimeCell('1430')).to.deep.equal({ hour: 14, minute: 30 });
    expect(parseTimeCell('14:30:05.5')).to.deep.equal({ hour: 14, minute: 30, second: 5, millisecond: 500 });
    expect(parseTimeCell('noon')).to.have.property('error');
    expect(parseTimeCell('13 PM')).to.have.property('error');
  });

  it('names a row with too few cells by its headline, without the HTML', () => {
    const result = readData(csv('Year,Month,Day,Headline,Media', '1969,7,20,<b>Eagle</b> lands'));
    expect(result.problems.filter((p) => p.kind === 'cell-count').map((p) => p.where)).to.deep.equal(["row 2 ('Eagle lands')"]);
  });

  it('explains an old spreadsheet with a Start Date column', () => {
    const result = readData('Start Date,End Date,Headline,Text\n2025-10-06,,Talks,\n');
    expect(errors(result)[0].message).to.include('old TimelineJS spreadsheet');
  });
});

describe('csvDelimiter', () => {
  it('is the separator the header row uses, commas inside quotes aside', () => {
    expect(csvDelimiter('date,title\n2025;x\n')).to.equal(',');
    expect(csvDelimiter('date;title;"a, b, c"\n')).to.equal(';');
    expect(csvDelimiter('date\ttitle\tsummary\n')).to.equal('\t');
    expect(csvDelimiter('"date,title"\n')).to.equal(',');
  });
});

describe('csvSlices', () => {
  const parse = (text: string, delimiter = ',') => dsvFormat(delimiter).parseRows(text);

  it('cuts only at the ends of rows, never inside a quoted cell, whatever its line breaks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ' ', '"', ',', ';', '\n', '\r\n', '\r', 'é'), maxLength: 12 });
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 30 }), (rows, end, size) => {
      const text = rows.map((row) => csvFormatRows([row])).join(end) + end;
      const slices = [...csvSlices(text, ',', size)];
      expect(slices.map((slice) => slice.text).join('')).to.equal(text);
      expect(slices.flatMap((slice) => parse(slice.text))).to.deep.equal(parse(text));
      expect(slices.every((slice) => slice.repairs.length === 0)).to.equal(true);
    }), { numRuns: 300 });
  });

  it('cuts any text, well formed or not, where d3-dsv would end a row', () => {
    const raw = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\r\n', ' '), maxLength: 80 });
    fc.assert(fc.property(raw, fc.integer({ min: 1, max: 20 }), (text, size) => {
      const slices = [...csvSlices(text, ',', size)];
      if (slices.some((slice) => slice.repairs.length > 0)) return;
      expect(slices.map((slice) => slice.text).join('')).to.equal(text);
      expect(slices.flatMap((slice) => parse(slice.text))).to.deep.equal(parse(text));
    }), { numRuns: 2000 });
  });

  it('makes slices of about the size asked for', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${i},"a ""quoted""\ncell",x`).join('\n');
    const slices = [...csvSlices(text, ',', 1000)];
    expect(slices.length).to.be.within(text.length / 1100, text.length / 1000 + 1);
    expect(slices.flatMap((slice) => parse(slice.text))).to.have.length(1000);
  });

  it('writes a cell with text after its closing quote again, so the row keeps its columns', () => {
    const [slice] = csvSlices('a,"b" c,d\ne,"f "g" h",i\n', ',');
    expect(parse(slice.text)).to.deep.equal([['a', 'b c', 'd'], ['e', 'f "g" h', 'i']]);
    expect(slice.repairs.map((r) => [r.line, r.cell, r.written, r.value])).to.deep.equal([
      [1, 1, '"b" c', 'b c'],
      [2, 1, '"f "g" h"', 'f "g" h'],
    ]);
  });
});
