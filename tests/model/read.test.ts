import { expect } from '@open-wc/testing';
import { readData, readDataInSlices } from '../../src/model/index.js';
import type { ReadResult } from '../../src/model/types.js';

const GOOD = { events: [{ date: '2025-10-06', title: 'Talks open', sources: ['https://news.example/a'] }] };

/** The one problem of a hopeless input: an error about the whole file, and no events. */
function hopeless(result: ReadResult): string {
  expect(result.dataset.events).to.deep.equal([]);
  expect(result.problems).to.have.length(1);
  expect(result.problems[0]).to.include({ path: '(file)', severity: 'error' });
  return result.problems[0].message;
}

describe('readData', () => {
  it('reads a parsed object, JSON text and CSV text alike', () => {
    expect(readData(GOOD).dataset.events).to.have.length(1);
    expect(readData(JSON.stringify(GOOD)).dataset.events).to.have.length(1);
    const fromCsv = readData('date,title,source_url\n2025-10-06,Talks open,https://news.example/a\n');
    expect([fromCsv.format, fromCsv.dataset.events.length]).to.deep.equal(['csv', 1]);
  });

  it('tells formats apart by content, not by a file name', () => {
    expect(readData('\ufeff  \n' + JSON.stringify(GOOD)).format).to.equal('native');
    expect(readData(JSON.stringify({ events: [{ start_date: { year: 2025 }, text: { headline: 'x' } }] })).format).to.equal('timelinejs');
  });

  it('warns, naming line and column, when JSON bytes are not UTF-8', () => {
    const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
    const bytes = new Uint8Array([...ascii('{"events": [\n  {"date": "2025-10-06", "title": "'), 0x93, ...ascii('Talks'), 0x94, ...ascii('", "sources": ["https://a.example/"]}\n]}')]);
    const result = readData(bytes);
    expect(result.dataset.events).to.have.length(1);
    expect(result.problems.map((p) => [p.severity, p.where, p.kind])).to.deep.equal([['warning', 'line 2, column 36', 'not-utf8']]);
  });

  it('reads bytes as UTF-8 text', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(GOOD));
    expect(readData(bytes).dataset.events).to.have.length(1);
    expect(readData(bytes.buffer).dataset.events).to.have.length(1);
  });

  it('explains an HTML page', () => {
    expect(hopeless(readData('<!DOCTYPE html><html><body>Sign in</body></html>'))).to.match(/^This looks like a web page \(HTML\), not timeline data\./);
    expect(hopeless(readData('\n  <html lang="en">'))).to.include('web page (HTML)');
  });

  it('explains empty input', () => {
    expect(hopeless(readData(''))).to.equal('The file is empty: there is no data in it.');
    expect(hopeless(readData(' \n\t '))).to.include('empty');
    expect(hopeless(readData(undefined))).to.include('There is no data');
    expect(hopeless(readData(null))).to.include('There is no data');
  });

  it('gives the line and column of a JSON syntax error', () => {
    const text = '{\n  "events": [\n    { "date": "2025-10-06" "title": "x" }\n  ]\n}';
    expect(hopeless(readData(text))).to.include('at line 3, column 28, a comma or } was expected, but there is a double quote (").');
    expect(hopeless(readData('{"events": [1, 2'))).to.equal(
      'This is not valid JSON: it ends too early, at line 1, where a comma or ] was expected. Look for a missing closing bracket or quote.',
    );
    expect(hopeless(readData("{'events': []}"))).to.include('at line 1, column 2');
    expect(hopeless(readData('{"events": [tru]}'))).to.include('at line 1, column 13');
  });

  it('repairs commas before a closing bracket, comments and typographic quotes, with warnings', () => {
    const text = '{\n  // the story\n  “events”: [\n    {"date": "2025-10-06", "title": “Talks”, "sources": ["https://news.example/a",],},\n  ],\n}';
    const result = readData(text);
    expect(result.dataset.events.map((e) => e.title)).to.deep.equal(['Talks']);
    expect(result.problems.map((p) => [p.severity, p.message.split(' (')[0]])).to.deep.equal([
      ['warning', 'The JSON has a comma before a closing bracket'],
      ['warning', 'The JSON has comments'],
      ['warning', 'The JSON uses typographic quotes'],
    ]);
    expect(result.problems[0].message).to.include('first at line 4, column 82');
    // Each names the place of the first repair, as a syntax error does, so that an editor can show it.
    expect(result.problems.map((p) => [p.where, p.at])).to.deep.equal([
      ['line 4, column 82', { line: 4, column: 82 }],
      ['line 2, column 3', { line: 2, column: 3 }],
      ['line 3, column 3', { line: 3, column: 3 }],
    ]);
  });

  it('explains data that is not a timeline', () => {
    expect(hopeless(readData(42))).to.include('found the number 42');
    expect(hopeless(readData('"just text"'))).to.include('found the text "just text"');
    expect(hopeless(readData('PK\u0003\u0004rest of a zip'))).to.include('Excel');
    expect(hopeless(readData('%PDF-1.7'))).to.include('PDF');
    expect(hopeless(readData('<?xml version="1.0"?><rss/>'))).to.include('XML');
    expect(hopeless(readData('just some words'))).to.include('does not look like timeline data');
  });

  describe('a format it does not read gets one message that says what it looks like', () => {
    it('a list of records without dates or titles', () => {
      const people = Array.from({ length: 12 }, (_, i) => ({ name: `Person ${i}`, born: 1900 + i, died: 1980 + i }));
      expect(hopeless(readData(people))).to.equal(
        'This does not look like timeline data: it is a list of 12 objects with the fields "name", "born", "died", and none of them has a date or a title. A timeline is a list of events with "date" and "title" (or TimelineJS slides, or a vis-timeline item list).',
      );
      expect(hopeless(readData({ events: people }))).to.include('"events" is a list of 12 objects with the fields "name", "born", "died"');
      expect(hopeless(readData([1, 2, 3]))).to.include('it is a list of 3 numbers');
    });

    it('map data, a StoryMap, a spreadsheet feed', () => {
      expect(hopeless(readData({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] }))).to.match(/^This looks like GeoJSON map data/);
      expect(hopeless(readData({ storymap: { slides: [{ type: 'overview' }] } }))).to.match(/^This looks like a StoryMapJS story/);
      expect(hopeless(readData({ feed: { entry: [{ title: { $t: 'x' } }] } }))).to.match(/^This looks like a Google Sheets feed/);
    });

    it('an object without a list of events says what it has', () => {
      expect(hopeless(readData({ items: [{ name: 'x' }], count: 1 }))).to.equal(
        'This does not look like timeline data: there is no "events" list in it (it has "items", "count"). A timeline file needs "events": [ … ], or can be just a list of events.',
      );
    });
  });

  it('never throws, even on values no reader expects', () => {
    const strange: unknown[] = [Symbol('x'), 10n, () => 1, new Date(), /x/, new Map(), Object.create(null), [[[]]], { events: new Proxy([], {}) }];
    for (const value of strange) {
      const result = readData(value);
      expect(result.dataset.events, String(typeof value)).to.deep.equal([]);
      expect(result.problems.some((p) => p.severity === 'error')).to.equal(true);
    }
    const hostile = { get events(): unknown { throw new Error('boom'); } };
    expect(readData(hostile).problems[0].message).to.include('boom');
  });

  it('ignores an options object that is not one', () => {
    expect(readData(GOOD, null as never).dataset.events).to.have.length(1);
    expect(readData(GOOD, { baseUrl: 5 } as never).dataset.events).to.have.length(1);
  });

  describe('readDataInSlices', () => {
    const many = (n: number) => ({
      events: Array.from({ length: n }, (_, i) => ({ id: `e${n - i}`, date: `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 9}`, title: `Event ${i}`, sources: [`https://news.example/${i}`] })),
    });

    it('gives the same result as readData, for every format', async () => {
      const inputs: unknown[] = [
        many(2_000),
        'date,title,source_url\n2025-10-06,Talks,https://a.example/\n2025-13-01,Bad,https://b.example/\n',
        { events: [{ start_date: { year: 2025 }, text: { headline: 'x' } }] },
        '<html>',
        undefined,
      ];
      for (const input of inputs) {
        expect(await readDataInSlices(input, {}, { sliceMs: 0 })).to.deep.equal(readData(input));
      }
    });

    it('pauses between slices of events', async () => {
      let pauses = 0;
      const result = await readDataInSlices(many(5_000), {}, { sliceMs: 0, pause: async () => void pauses++ });
      expect(result.dataset.events).to.have.length(5_000);
      expect(pauses).to.be.at.least(5_000 / 512);
    });

    // How long a slice holds the page is measured by bench/tasks.mjs; here, what keeps it short:
    // a pause after every 512 events read, and sorting that pauses between dates.
    it('reads 60,000 events out of order in slices of at most 512 events, sorting them with pauses too', async () => {
      /** The input's events, each noting when the reader looks at it; and what each slice looked at. */
      const watched = (input: { events: Record<string, unknown>[] }) => {
        const slices: Set<number>[] = [new Set()];
        input.events = input.events.map((event, index) => {
          const copy = { ...event };
          const title = copy.title;
          Object.defineProperty(copy, 'title', { enumerable: true, get: () => (slices[slices.length - 1].add(index), title) });
          return copy;
        });
        const pause = async () => void slices.push(new Set());
        return { input, slices, pause };
      };
      const shuffled = watched(many(60_000));
      const result = await readDataInSlices(shuffled.input, {}, { sliceMs: 0, pause: shuffled.pause });
      expect(result.dataset.events).to.have.length(60_000);
      const dates = result.dataset.events.map((event) => +event.date);
      expect(dates.every((date, i) => i === 0 || dates[i - 1] <= date)).to.equal(true);
      // Every event is read in some slice, and no slice reads more than 512 of them.
      const sizes = shuffled.slices.map((slice) => slice.size);
      expect(sizes.reduce((a, b) => a + b, 0)).to.be.at.least(60_000);
      expect(Math.max(...sizes)).to.be.at.most(512);

      // The same events in date order need no sorting: out of order, the 60,000 events sharing
      // 45 dates are sorted a date at a time, with a pause after each.
      const ordered = many(60_000);
      const byId = new Map(ordered.events.map((event) => [event.id, event]));
      ordered.events = result.dataset.events.map((event) => byId.get(event.id)!);
      let orderedPauses = 0;
      await readDataInSlices(ordered, {}, { sliceMs: 0, pause: async () => void orderedPauses++ });
      expect(shuffled.slices.length - 1 - orderedPauses).to.be.at.least(44);
    });

    it('stops when its signal aborts', async () => {
      const controller = new AbortController();
      const reading = readDataInSlices(many(5_000), {}, { sliceMs: 0, signal: controller.signal, pause: async () => controller.abort() });
      let error: unknown;
      await reading.catch((thrown) => (error = thrown));
      expect((error as DOMException).name).to.equal('AbortError');
    });
  });
});

