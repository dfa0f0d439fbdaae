import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatIsoDate, isCssColor, parseDate, readData, safeUrl, toNative } from '../../src/model/index.js';
import type { Precision, ReadResult } from '../../src/model/types.js';

/** What every result must look like, whatever went in. */
function wellFormed(result: ReadResult): void {
  expect(result.dataset.events).to.be.an('array');
  expect(['native', 'timelinejs', 'csv', 'timelinejs2', 'vis-timeline']).to.include(result.format);
  for (const problem of result.problems) {
    expect(problem.path).to.be.a('string');
    expect(problem.message).to.be.a('string').and.not.equal('');
    expect(['error', 'warning']).to.include(problem.severity);
  }
  for (const event of result.dataset.events) {
    expect(Number.isNaN(event.date.getTime())).to.equal(false);
    expect(event.title.trim() !== '' || event.untitled === true).to.equal(true);
    expect(event.id).to.not.equal('');
    for (const source of event.sources) expect(source.url).to.match(/^https?:\/\//);
    expect(event.unsourced === true).to.equal(event.sources.length === 0);
  }
}

const PRECISIONS: Precision[] = ['year', 'month', 'day', 'time'];
const instant = fc.date({ min: new Date('-009999-01-01T00:00:00Z'), max: new Date('+019999-12-31T23:59:59Z'), noInvalidDate: true });
const isoDate = fc.tuple(instant, fc.constantFrom(...PRECISIONS)).map(([date, precision]) => formatIsoDate(date, precision));
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');
const source = fc.oneof(
  fc.webUrl().map((url) => ({ url })),
  fc.record({ url: fc.webUrl(), title: fc.option(text, { nil: undefined }), publisher: fc.option(text, { nil: undefined }) }, { requiredKeys: ['url'] }),
);
const figure = fc.record({ label: text, value: fc.double({ noNaN: true, noDefaultInfinity: true }), reportedBy: text });

/** A valid native event; `id` is set by the caller to find it again. */
const validEvent = fc.record(
  {
    date: isoDate,
    end: fc.option(isoDate, { nil: undefined }),
    type: fc.constantFrom('talks', 'proposal', 'casualties', 'other'),
    title: text,
    summary: fc.option(text, { nil: undefined }),
    place: fc.option(text, { nil: undefined }),
    sources: fc.array(source, { maxLength: 3 }),
    figures: fc.option(fc.array(figure, { maxLength: 2 }), { nil: undefined }),
  },
  { requiredKeys: ['date', 'title', 'type', 'sources'] },
).map((event) => {
  // An end before the date is an error; keep generated events valid by ordering the two.
  if (event.end !== undefined && (parseDate(event.end) as { date: Date }).date < (parseDate(event.date) as { date: Date }).date) {
    return { ...event, date: event.end, end: event.date };
  }
  return event;
});

const FIELDS = ['date', 'end', 'type', 'title', 'summary', 'place', 'sources', 'figures'];
/** An event that may have one field replaced by anything at all. */
const maybeCorrupted = fc.tuple(validEvent, fc.option(fc.tuple(fc.constantFrom(...FIELDS), fc.anything()), { freq: 2 }));

describe('properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withDate: true, withTypedArray: true, withSparseArray: true, withBigInt: true }), (value) => {
      wellFormed(readData(value));
    }), { numRuns: 300 });
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => wellFormed(readData(value))), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\n', '“', '/', '*', 'a', '1', ' ', '<', '>') }), (value) => wellFormed(readData(value))), { numRuns: 300 });
  });

  it('never throws on any JSON, as text or parsed, at the top or as events', () => {
    fc.assert(fc.property(fc.json(), (json) => {
      wellFormed(readData(json));
      const value = JSON.parse(json);
      wellFormed(readData(value));
      wellFormed(readData({ events: [value] }));
      wellFormed(readData({ events: [{ start_date: value, text: value, media: value, group: value }] }));
    }), { numRuns: 200 });
  });

  it('never throws on CSV with arbitrary cells', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), isoDate, fc.constantFrom('', '"', 'javascript:x', '67,160', '2024-13-45'));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 10 }), fc.boolean(), (rows, timelinejs) => {
      const header = timelinejs ? 'Year,Month,Day,Time,End Year,Headline,Text,Media,Type,Group' : 'id,date,end,type,title,source_url,figure_label,figure_value';
      const body = rows.map((row) => row.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
      wellFormed(readData(`${header}\n${body}`));
    }), { numRuns: 200 });
  });

  it('keeps every valid event, whatever its neighbours hold, and names every event it leaves out', () => {
    fc.assert(fc.property(fc.array(maybeCorrupted, { minLength: 1, maxLength: 12 }), (drafts) => {
      const input = drafts.map(([event, corruption], index) => {
        const copy: Record<string, unknown> = { ...event, id: `e${index}` };
        if (corruption) copy[corruption[0]] = corruption[1];
        return copy;
      });
      const result = readData({ events: input });
      wellFormed(result);
      const ids = new Set(result.dataset.events.map((e) => e.id));
      drafts.forEach(([, corruption], index) => {
        if (!corruption) expect(ids.has(`e${index}`), `valid event ${index} is kept`).to.equal(true);
      });
      const named = new Set(result.problems.filter((p) => p.severity === 'error' && p.eventIndex !== undefined).map((p) => p.eventIndex));
      input.forEach((_, index) => {
        expect(ids.has(`e${index}`) !== named.has(index), `event ${index} is either kept or named by an error`).to.equal(true);
      });
      expect(result.dataset.events.length + named.size).to.equal(input.length);
    }), { numRuns: 300 });
  });

  it('reads its own export back to the same dataset', () => {
    fc.assert(fc.property(fc.array(validEvent, { minLength: 1, maxLength: 8 }), (events) => {
      const first = readData({ title: 'T', types: { agreement: { label: 'A', color: '#abc' } }, events });
      const again = readData(JSON.parse(JSON.stringify(toNative(first.dataset))));
      expect(again.problems.filter((p) => p.severity === 'error')).to.deep.equal([]);
      expect(again.dataset).to.deep.equal(first.dataset);
    }), { numRuns: 200 });
  });

  it('reads a calendar date as that day in UTC, and writes it back the same', () => {
    fc.assert(fc.property(instant, fc.constantFrom(...PRECISIONS), (date, precision) => {
      const written = formatIsoDate(date, precision);
      const read = parseDate(written);
      if ('error' in read) throw new Error(read.error);
      expect(read.precision).to.equal(precision);
      expect(read.date.getUTCFullYear()).to.equal(date.getUTCFullYear());
      if (precision !== 'year') expect(read.date.getUTCMonth()).to.equal(date.getUTCMonth());
      if (precision === 'day' || precision === 'time') expect(read.date.getUTCDate()).to.equal(date.getUTCDate());
      if (precision !== 'time') expect([read.date.getUTCHours(), read.date.getUTCMinutes()]).to.deep.equal([0, 0]);
      expect(formatIsoDate(read.date, precision)).to.equal(written);
    }), { numRuns: 500 });
  });

  it('lets no link through that is not http(s)', () => {
    const tricky = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.tuple(fc.constantFrom('javascript', 'JaVaScRiPt', 'vbscript', 'data', 'file', 'http', 'https'), fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u0000', '\u00a0', ':', '/', 'a') }), fc.string()).map(([scheme, noise, rest]) => noise + scheme + noise + ':' + rest),
    );
    fc.assert(fc.property(tricky, fc.option(fc.constantFrom('https://news.example/data/x.json', 'file:///tmp/x.json')), (raw, base) => {
      const url = safeUrl(raw, base ?? undefined);
      if (url !== null) {
        const parsed = new URL(url);
        expect(['http:', 'https:']).to.include(parsed.protocol);
      }
    }), { numRuns: 500 });
  });

  it('gives back http(s) links exactly as the URL parser of the browser writes them', () => {
    const chars = fc.constantFrom(...'abcxyzAZ0189-._~!$&()*+,;=:@%/?#\'"<> \\[]^`{|}é'.split(''));
    const link = fc.tuple(
      fc.constantFrom('https://', 'http://', 'HTTPS://'),
      fc.constantFrom('news.example', 'a.b-c.example', '1.2.3.4', 'a.0x7f', 'xn--zz.example', 'Example.ORG', 'a.example.', 'a.example:8080', 'u@a.example'),
      fc.string({ unit: chars, maxLength: 30 }),
    ).map(([scheme, host, rest]) => `${scheme}${host}/${rest}`);
    fc.assert(fc.property(link, (raw) => {
      let expected: string | null;
      try {
        const parsed = new URL(raw);
        // Refused: spaces (text, not a link), a host the URL standard refuses, a user name before "@".
        expected = /\s/.test(raw.trim()) || parsed.hostname.includes('%') || parsed.username || parsed.password ? null : parsed.href;
      } catch {
        expected = null;
      }
      expect(safeUrl(raw)).to.equal(expected);
    }), { numRuns: 2000 });
  });

  it('accepts no colour that could break out of a style', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('#', 'a', 'f', '0', '9', '(', ')', ',', ';', '}', '{', ' ', 'r', 'g', 'b', 'u', 'l', '/', '%', '.', ':', '"', '\\') }), (raw) => {
      if (isCssColor(raw)) expect(raw).to.not.match(/[;{}:"\\]|url\(/);
    }), { numRuns: 1000 });
  });
});
