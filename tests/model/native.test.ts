import { expect } from '@open-wc/testing';
import { readData, toNative } from '../../src/model/index.js';
import type { Problem, ReadResult } from '../../src/model/types.js';

const SOURCE = { url: 'https://news.example/story', publisher: 'News' };

function event(fields: Record<string, unknown> = {}) {
  return { date: '2025-10-06', title: 'Talks open', sources: [SOURCE], ...fields };
}

function read(events: unknown[], extra: Record<string, unknown> = {}, baseUrl?: string): ReadResult {
  return readData({ events, ...extra }, baseUrl ? { baseUrl } : undefined);
}

function errors(result: ReadResult): Problem[] {
  return result.problems.filter((p) => p.severity === 'error');
}

function warnings(result: ReadResult): Problem[] {
  return result.problems.filter((p) => p.severity === 'warning');
}

describe('native format', () => {
  describe('a valid document', () => {
    const doc = {
      title: 'Gaza ceasefire negotiations',
      description: 'How the talks went.',
      types: { agreement: { label: 'Agreements', color: '#2a7d4f' } },
      events: [
        {
          id: 'sharm-el-sheikh-talks-2025-10',
          type: 'talks',
          date: '2025-10-06',
          end: '2025-10-09',
          title: 'Indirect talks open in Sharm el-Sheikh',
          summary: 'Delegations meet.',
          place: 'Sharm el-Sheikh, Egypt',
          sources: [{ url: 'https://news.example/a', title: 'Talks open', publisher: 'News', date: '2025-10-07' }],
        },
        {
          id: 'gaza-moh-toll-2025-10-06',
          type: 'casualties',
          date: '2025-10-06',
          title: 'Gaza death toll passes 67,000',
          figures: [{ label: 'Killed in Gaza', value: 67160, qualifier: 'more than', reportedBy: 'Gaza Ministry of Health' }],
          sources: [{ url: 'https://news.example/b', publisher: 'News' }],
        },
        { id: 'deal', type: 'agreement', date: '2025-10', title: 'Deal signed', sources: ['https://news.example/c'] },
      ],
    };

    it('reads every event with no problem', () => {
      const result = readData(doc);
      expect(result.format).to.equal('native');
      expect(result.problems).to.deep.equal([]);
      expect(result.dataset.title).to.equal('Gaza ceasefire negotiations');
      expect(result.dataset.description).to.equal('How the talks went.');
      expect(result.dataset.types).to.deep.equal({ agreement: { label: 'Agreements', color: '#2a7d4f' } });
      expect(result.dataset.events.map((e) => e.id)).to.deep.equal(['deal', 'gaza-moh-toll-2025-10-06', 'sharm-el-sheikh-talks-2025-10']);
    });

    it('keeps every field, with dates as UTC instants and their precision', () => {
      const [deal, toll, talks] = readData(doc).dataset.events;
      expect(talks).to.deep.equal({
        id: 'sharm-el-sheikh-talks-2025-10',
        type: 'talks',
        date: new Date(Date.UTC(2025, 9, 6)),
        precision: 'day',
        end: new Date(Date.UTC(2025, 9, 9)),
        endPrecision: 'day',
        title: 'Indirect talks open in Sharm el-Sheikh',
        summary: 'Delegations meet.',
        place: 'Sharm el-Sheikh, Egypt',
        sources: [{ url: 'https://news.example/a', title: 'Talks open', publisher: 'News', date: '2025-10-07' }],
      });
      expect(toll.figures).to.deep.equal([{ label: 'Killed in Gaza', value: 67160, qualifier: 'more than', reportedBy: 'Gaza Ministry of Health' }]);
      expect(deal.precision).to.equal('month');
      expect(deal.sources).to.deep.equal([{ url: 'https://news.example/c' }]);
    });

    it('accepts a bare array of events, with paths that start at the index', () => {
      const result = readData([event(), event({ title: 5 })]);
      expect(result.dataset.events).to.have.length(1);
      expect(errors(result).map((p) => p.path)).to.deep.equal(['[1].title']);
    });

    it('ignores fields it does not know', () => {
      const result = readData({ version: 2, generator: 'x', events: [event({ color: 'red', extra: { deep: [1, 2] } })] });
      expect(result.problems).to.deep.equal([]);
      expect(result.dataset.events[0]).to.not.have.property('color');
    });

    it('treats null as an absent field', () => {
      const result = read([event({ end: null, summary: null, place: null, type: null, id: null, figures: null })]);
      expect(result.problems).to.deep.equal([]);
      expect(result.dataset.events[0].type).to.equal('other');
    });

    it('reads only the data’s own fields, not what a page adds to every object', () => {
      const polluted = { summary: 'Injected summary', place: 'Injected place', start_date: { year: 1 }, content: 'x', end: '2099', url: 'https://evil.example/', figures: [{ label: 'Fake', value: 1, reportedBy: 'X' }], types: { fake: {} } };
      const proto = Object.prototype as Record<string, unknown>;
      for (const [key, value] of Object.entries(polluted)) proto[key] = value;
      try {
        const result = readData({ events: [{ date: '2025-10-06', title: 'Talks open', sources: [{ url: 'https://news.example/a' }] }] });
        expect(result.format).to.equal('native');
        expect(result.problems).to.deep.equal([]);
        expect(Object.keys(result.dataset.types)).to.deep.equal([]);
        const [only] = result.dataset.events;
        expect(['summary', 'place', 'end', 'figures'].filter((key) => Object.hasOwn(only, key))).to.deep.equal([]);
        expect(only.sources.map((s) => s.url)).to.deep.equal(['https://news.example/a']);
        const slides = readData({ events: [{ start_date: { year: '2025' }, text: { headline: 'Slide' } }] });
        expect(slides.format).to.equal('timelinejs');
        expect(Object.hasOwn(slides.dataset.events[0], 'summary')).to.equal(false);
      } finally {
        for (const key of Object.keys(polluted)) delete proto[key];
      }
    });
  });

  describe('one bad event never costs the others', () => {
    it('leaves out an event without a title, naming its index and field', () => {
      const result = read([event({ id: 'a' }), event({ id: 'b', title: undefined }), event({ id: 'c' })]);
      expect(result.dataset.events.map((e) => e.id)).to.deep.equal(['a', 'c']);
      expect(errors(result)).to.deep.equal([
        {
          path: 'events[1].title',
          where: 'event 2 (id "b"), title',
          message: 'This event has no title. Every event needs a title. This event (id "b") is left out.',
          severity: 'error',
          eventIndex: 1,
          eventId: 'b',
        },
      ]);
    });

    it('says which type it found where text was expected', () => {
      const result = read([event({ title: 1948 }), event({ title: '   ' }), event({ summary: ['x'] }), event({ place: {} })]);
      expect(result.dataset.events).to.have.length(0);
      expect(errors(result).map((p) => [p.path, p.message.split('.')[0]])).to.deep.equal([
        ['events[0].title', 'The title should be text; found the number 1948'],
        ['events[1].title', 'This event has no title'],
        ['events[2].summary', 'The summary should be text; found a list of 1'],
        ['events[3].place', 'The place should be text; found an object'],
      ]);
    });

    it('leaves out events with impossible dates and keeps their neighbours', () => {
      const result = read([event({ id: 'a', date: '2024-13-45' }), event({ id: 'b' }), event({ id: 'c', date: '2023-02-29' })]);
      expect(result.dataset.events.map((e) => e.id)).to.deep.equal(['b']);
      expect(errors(result)[0]).to.include({ path: 'events[0].date', eventIndex: 0 });
      expect(errors(result)[0].message).to.equal(
        '"2024-13-45" is not a valid date: month 13 does not exist. Use YYYY, YYYY-MM, YYYY-MM-DD or a date-time with a time zone, like 2025-10-06T14:30Z. This event (id "a") is left out.',
      );
      expect(errors(result)[1].message).to.include('2023 is not a leap year');
    });

    it('needs a date', () => {
      const result = read([event({ date: undefined }), event({ date: true }), event({ date: 2025 })]);
      expect(errors(result).map((p) => p.path)).to.deep.equal(['events[0].date', 'events[1].date']);
      expect(errors(result)[1].message).to.include('found true');
      expect(result.dataset.events[0].precision).to.equal('year');
    });

    it('refuses an end before the date', () => {
      const result = read([event({ date: '2025-10-09', end: '2025-10-06' })]);
      expect(result.dataset.events).to.have.length(0);
      expect(errors(result)[0].path).to.equal('events[0].end');
      expect(errors(result)[0].message).to.include('The end (2025-10-06) is before the date (2025-10-09)');
    });

    it('reads an end at a coarser precision as lasting to its end', () => {
      const result = read([event({ date: '2025-10-06', end: '2025-10' }), event({ date: '2025-10-06T14:30Z', end: '2025-10-06' })]);
      expect(errors(result)).to.deep.equal([]);
      expect(result.dataset.events).to.have.length(2);
    });

    it('refuses an end that is not a date', () => {
      const result = read([event({ end: 'soon' })]);
      expect(errors(result)[0].path).to.equal('events[0].end');
    });

    it('explains an event that is not an object', () => {
      const result = read(['2025-10-06 Talks', null, event()]);
      expect(result.dataset.events).to.have.length(1);
      expect(errors(result).map((p) => p.path)).to.deep.equal(['events[0]', 'events[1]']);
      expect(errors(result)[0].message).to.include('; found the text "2025-10-06 Talks". This event is left out.');
      expect(errors(result)[1].message).to.include('; found null.');
    });
  });

  describe('types', () => {
    it('moves an undeclared type to "other", with a warning naming the type', () => {
      const result = read([event({ type: 'agreemnt' })]);
      expect(result.dataset.events[0].type).to.equal('other');
      expect(warnings(result)).to.have.length(1);
      expect(warnings(result)[0]).to.include({ path: 'events[0].type', severity: 'warning' });
      expect(warnings(result)[0].message).to.include('"agreemnt"');
    });

    it('matches built-in and declared types without regard to case', () => {
      const result = read([event({ type: 'Talks', id: 'a' }), event({ type: ' AGREEMENT ', id: 'b' })], { types: { agreement: {} } });
      expect(result.dataset.events.map((e) => e.type).sort()).to.deep.equal(['agreement', 'talks']);
      expect(result.problems).to.deep.equal([]);
    });

    it('accepts "other" without a warning', () => {
      expect(read([event({ type: 'other' })]).problems).to.deep.equal([]);
    });

    it('drops a colour that is not a CSS colour, with a warning', () => {
      const result = read([event({ type: 'agreement' })], { types: { agreement: { label: 'Deals', color: 'red; background: url(x)' } } });
      expect(result.dataset.types.agreement).to.deep.equal({ label: 'Deals' });
      expect(warnings(result)[0].path).to.equal('types.agreement.color');
      expect(result.dataset.events[0].type).to.equal('agreement');
    });

    it('reports types that are not objects, and keeps the events', () => {
      const result = read([event()], { types: ['agreement'] });
      expect(errors(result)[0].path).to.equal('types');
      expect(result.dataset.events).to.have.length(1);
    });

    it('treats type names like "__proto__" and "constructor" as ordinary names', () => {
      const types = JSON.parse('{"__proto__": {"label": "Proto"}, "constructor": {"label": "Built"}}');
      const result = read([event({ type: '__proto__' }), event({ type: 'constructor', id: 'c' }), event({ type: 'toString', id: 't' })], { types });
      expect(Object.keys(result.dataset.types)).to.deep.equal(['__proto__', 'constructor']);
      expect(result.dataset.events.map((e) => e.type).sort()).to.deep.equal(['__proto__', 'constructor', 'other']);
    });
  });

  describe('sources', () => {
    it('flags an event with no source as unsourced, with a warning, and keeps it', () => {
      const result = read([event({ sources: undefined }), event({ id: 'x', sources: [] })]);
      expect(result.dataset.events.map((e) => e.unsourced)).to.deep.equal([true, true]);
      expect(warnings(result).map((p) => p.path)).to.deep.equal(['events[0].sources', 'events[1].sources']);
    });

    it('leaves out a javascript: link with a warning; the event is unsourced but kept', () => {
      const result = read([event({ sources: [{ url: 'JavaScript:alert(1)', publisher: 'X' }] })]);
      expect(result.dataset.events).to.have.length(1);
      expect(result.dataset.events[0].sources).to.deep.equal([]);
      expect(result.dataset.events[0].unsourced).to.equal(true);
      expect(warnings(result).map((p) => p.path)).to.deep.equal(['events[0].sources[0].url', 'events[0].sources']);
      expect(warnings(result)[0].message).to.include('"javascript:" links are refused');
      expect(warnings(result)[1].message).to.include('None of the sources of this event has a usable web link');
    });

    it('resolves relative links against the data file', () => {
      const result = read([event({ sources: [{ url: 'docs/report.pdf' }] })], {}, 'https://news.example/data/story.json');
      expect(result.dataset.events[0].sources[0].url).to.equal('https://news.example/data/docs/report.pdf');
    });

    it('keeps each link once', () => {
      const result = read([event({ sources: ['https://a.example/', 'https://a.example', { url: 'https://b.example/' }] })]);
      expect(result.dataset.events[0].sources.map((s) => s.url)).to.deep.equal(['https://a.example/', 'https://b.example/']);
    });

    it('refuses sources that are not a list, or items of the wrong type', () => {
      const result = read([event({ sources: SOURCE }), event({ sources: [42] }), event({ sources: [{ url: 42 }] }), event({ sources: [{ url: 'https://a.example', title: 7 }] })]);
      expect(result.dataset.events).to.have.length(0);
      expect(errors(result).map((p) => p.path)).to.deep.equal(['events[0].sources', 'events[1].sources[0]', 'events[2].sources[0].url', 'events[3].sources[0].title']);
      expect(errors(result)[0].message).to.include('found an object');
    });

    it('leaves out a source without a url, with a warning', () => {
      const result = read([event({ sources: [{ publisher: 'Reuters' }, SOURCE] })]);
      expect(result.dataset.events[0].sources).to.deep.equal([SOURCE]);
      expect(warnings(result)[0].path).to.equal('events[0].sources[0]');
    });

    it('keeps a source but drops a date that is not a date', () => {
      const result = read([event({ sources: [{ url: 'https://a.example/', date: '7 Oct' }] })]);
      expect(result.dataset.events[0].sources).to.deep.equal([{ url: 'https://a.example/' }]);
      expect(warnings(result)[0].path).to.equal('events[0].sources[0].date');
    });
  });

  describe('figures', () => {
    const figure = ({ id, ...fields }: Record<string, unknown>) =>
      event({ id, figures: [{ label: 'Killed', value: 67160, reportedBy: 'Ministry', ...fields }] });

    it('accepts a number written as plain text', () => {
      const result = read([figure({ value: '67160', id: 'a' }), figure({ value: ' -2.5e3 ', id: 'b' })]);
      expect(result.dataset.events.map((e) => e.figures![0].value).sort()).to.deep.equal([-2500, 67160]);
      expect(result.problems).to.deep.equal([]);
    });

    it('explains thousands separators precisely', () => {
      const result = read([figure({ value: '67,160' })]);
      expect(result.dataset.events).to.have.length(0);
      expect(errors(result)[0].path).to.equal('events[0].figures[0].value');
      expect(errors(result)[0].message).to.include('"67,160" is not a number the timeline can read: write it without thousands separators, like 67160.');
    });

    it('refuses words and missing values', () => {
      const result = read([figure({ value: 'about 67000' }), figure({ value: undefined }), figure({ value: true })]);
      expect(errors(result).map((p) => p.message.split('.')[0])).to.deep.equal([
        '"about 67000" is not a number',
        'This figure has no value',
        'The value of a figure should be a number like 67160; found true',
      ]);
    });

    it('needs a label', () => {
      const result = read([figure({ label: '' }), figure({ label: 3 })]);
      expect(errors(result).map((p) => p.path)).to.deep.equal(['events[0].figures[0].label', 'events[1].figures[0].label']);
    });

    it('keeps a figure without reportedBy as not attributed, with a warning, never guessing', () => {
      const result = read([figure({ reportedBy: undefined })]);
      expect(result.dataset.events[0].figures).to.deep.equal([{ label: 'Killed', value: 67160, reportedBy: '' }]);
      expect(warnings(result)[0].path).to.equal('events[0].figures[0].reportedBy');
    });

    it('refuses figures that are not a list', () => {
      const result = read([event({ figures: { label: 'x', value: 1 } })]);
      expect(errors(result)[0].path).to.equal('events[0].figures');
    });
  });

  describe('ids', () => {
    it('derives a stable id from date and title', () => {
      const first = read([event({ title: 'Indirect talks open in Sharm el-Sheikh' }), event({ date: '0800', title: 'Crónica: ¿Qué pasó?' })]);
      const again = read([event({ title: 'Indirect talks open in Sharm el-Sheikh' }), event({ date: '0800', title: 'Crónica: ¿Qué pasó?' })]);
      expect(first.dataset.events.map((e) => e.id)).to.deep.equal(['0800-cronica-que-paso', '2025-10-06-indirect-talks-open-in-sharm-el-sheikh']);
      expect(again.dataset.events.map((e) => e.id)).to.deep.equal(first.dataset.events.map((e) => e.id));
      expect(read([event({ title: 'وقف إطلاق النار' })]).dataset.events[0].id).to.equal('2025-10-06-وقف-إطلاق-النار');
      expect(read([event({ title: 'हिन्दी समाचार' })]).dataset.events[0].id).to.equal('2025-10-06-हिन्दी-समाचार');
      expect(read([event({ date: '2025-10-06T14:30Z', title: '!!!' })]).dataset.events[0].id).to.equal('2025-10-06-event');
    });

    it('gives duplicate ids a suffix, with a warning naming the first', () => {
      const result = read([event({ id: 'x' }), event({ id: 'x', date: '2025-10-07' }), event({ id: 'x', date: '2025-10-08' })]);
      expect(result.dataset.events.map((e) => e.id)).to.deep.equal(['x', 'x-2', 'x-3']);
      expect(warnings(result).map((p) => p.path)).to.deep.equal(['events[1].id', 'events[2].id']);
      expect(warnings(result)[0].message).to.include("also used by event 1 ('Talks open')");
    });

    it('lets an id written in the data win over a derived one', () => {
      const result = read([event({ title: 'Talks' }), event({ id: '2025-10-06-talks', title: 'Other' })]);
      const byTitle = Object.fromEntries(result.dataset.events.map((e) => [e.title, e.id]));
      expect(byTitle).to.deep.equal({ Other: '2025-10-06-talks', Talks: '2025-10-06-talks-2' });
      expect(result.problems).to.deep.equal([]);
    });

    it('warns about two events with the same date and title', () => {
      const result = read([event(), event()]);
      expect(result.dataset.events.map((e) => e.id)).to.deep.equal(['2025-10-06-talks-open', '2025-10-06-talks-open-2']);
      expect(warnings(result)[0].message).to.include("same date and title as event 1 ('Talks open')");
    });

    it('accepts numeric ids as text', () => {
      expect(read([event({ id: 17 })]).dataset.events[0].id).to.equal('17');
    });
  });

  it('sorts by date, then end, then id', () => {
    const result = read([
      event({ id: 'c', date: '2025-10-06', end: '2025-10-08' }),
      event({ id: 'b', date: '2025-10-06', end: '2025-10-08' }),
      event({ id: 'a', date: '2025-10-06', end: '2025-10-09' }),
      event({ id: 'd', date: '2025-10-06' }),
      event({ id: 'e', date: '2025-10' }),
      event({ id: 'f', date: '-0044-03-15' }),
      event({ id: 'g', date: '-13800000000' }),
    ]);
    expect(result.dataset.events.map((e) => e.id)).to.deep.equal(['g', 'f', 'e', 'd', 'b', 'c', 'a']);
  });

  describe('limits', () => {
    it('cuts long titles and texts, with a warning', () => {
      const result = read([event({ title: 'T'.repeat(600), summary: 'S'.repeat(10_001) })]);
      const [only] = result.dataset.events;
      expect(only.title.length).to.equal(500);
      expect(only.title.endsWith('…')).to.equal(true);
      expect(only.summary!.length).to.equal(10_000);
      expect(warnings(result).map((p) => p.path)).to.deep.equal(['events[0].title', 'events[0].summary']);
      expect(warnings(result)[0].message).to.equal('The title is 600 characters long; it is cut to 500.');
    });

    it('reads at most 500,000 events and says so', () => {
      const events = new Array(500_001);
      const one = { date: '2025', title: 'x', sources: ['https://a.example/'] };
      for (let i = 0; i < events.length; i++) events[i] = { ...one, id: String(i) };
      const result = read(events);
      expect(result.dataset.events).to.have.length(500_000);
      expect(errors(result)).to.have.length(1);
      expect(errors(result)[0].message).to.include('at most 500,000');
      expect(result.dataset.events.some((e) => e.id === '500000')).to.equal(false);
    });
  });

  describe('top level', () => {
    it('reports a title of the wrong type and keeps the events', () => {
      const result = read([event()], { title: 7, description: false });
      expect(errors(result).map((p) => p.path)).to.deep.equal(['title', 'description']);
      expect(result.dataset.events).to.have.length(1);
      expect(result.dataset.title).to.equal(undefined);
    });

    it('says when there is no events list, naming what there is', () => {
      const result = readData({ items: [event()] });
      expect(errors(result)).to.deep.equal([{ path: '(file)', where: 'the file', severity: 'error', message: 'This does not look like timeline data: there is no "events" list in it (it has "items"). A timeline file needs "events": [ … ], or can be just a list of events.' }]);
    });

    it('says when events is not a list or is empty', () => {
      expect(errors(readData({ events: { a: event() } }))[0].message).to.include('"events" should be a list');
      expect(errors(readData({ events: [] }))[0].message).to.equal('There are no events. Add at least one event with a date and a title.');
    });
  });

  describe('toNative', () => {
    it('writes dates back at their precision and reads back to the same dataset', () => {
      const result = read([
        event({ id: 'a', date: '2025', end: '2026-03' }),
        event({ id: 'b', date: '2025-10-06T14:30:05.250Z', type: 'agreement' }),
        event({ id: 'c', date: '-0044-03-15', figures: [{ label: 'Killed', value: 3, reportedBy: '' }] }),
        event({ id: 'd', date: '-13800000000', end: '-4600000000', sources: [] }),
      ], { title: 'T', description: 'D', types: { agreement: { label: 'Deals', color: 'seagreen' } } });
      const native = toNative(result.dataset);
      expect(native.events.map((e) => [e.id, e.date, e.end])).to.deep.equal([
        ['d', '-13800000000', '-4600000000'],
        ['c', '-0044-03-15', undefined],
        ['a', '2025', '2026-03'],
        ['b', '2025-10-06T14:30:05.250Z', undefined],
      ]);
      expect(native.events[1].figures).to.deep.equal([{ label: 'Killed', value: 3 }]);
      const back = readData(JSON.parse(JSON.stringify(native)));
      expect(errors(back)).to.deep.equal([]);
      expect(back.dataset).to.deep.equal(result.dataset);
    });
  });
});
