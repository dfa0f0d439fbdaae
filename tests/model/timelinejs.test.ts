import { expect } from '@open-wc/testing';
import { readData, toNative } from '../../src/model/index.js';
import type { Problem, ReadResult } from '../../src/model/types.js';

const TEMPLATES = '/node_modules/@knight-lab/timelinejs/src/template/';

async function template(name: string): Promise<{ text: string; json?: { events: unknown[]; eras?: unknown[] } }> {
  const response = await fetch(TEMPLATES + name);
  expect(response.ok, `${name} is served`).to.equal(true);
  const text = await response.text();
  return { text, json: name.endsWith('.json') ? JSON.parse(text) : undefined };
}

const errors = (result: ReadResult): Problem[] => result.problems.filter((p) => p.severity === 'error');
const warnings = (result: ReadResult): Problem[] => result.problems.filter((p) => p.severity === 'warning');

function slide(fields: Record<string, unknown> = {}) {
  return {
    start_date: { year: '2025', month: '10', day: '6' },
    text: { headline: 'Talks open', text: '<p>Delegations meet.</p>' },
    media: { url: 'https://news.example/photo.jpg', caption: 'The venue', credit: 'News Agency' },
    ...fields,
  };
}

describe('TimelineJS JSON', () => {
  describe("Knight Lab's own templates load with every event", () => {
    const expected: Record<string, { events: number; title: string }> = {
      'all-media-types.json': { events: 41, title: 'TimelineJS Media Types' },
      'cosmo-mixed.json': { events: 11, title: 'A Brief History of Light' },
      'cosmo.json': { events: 7, title: 'Cosmological Scale Timeline' },
      'eras.json': { events: 23, title: 'Eras Test' },
    };
    for (const [name, want] of Object.entries(expected)) {
      it(name, async () => {
        const { json } = await template(name);
        const result = readData(json);
        expect(result.format).to.equal('timelinejs');
        expect(errors(result)).to.deep.equal([]);
        expect(result.dataset.events).to.have.length(json!.events.length + (json!.eras?.length ?? 0));
        expect(result.dataset.events).to.have.length(want.events);
        expect(result.dataset.title).to.equal(want.title);
      });
    }

    it('the same templates given as JSON text', async () => {
      for (const name of Object.keys(expected)) {
        const { text } = await template(name);
        expect(readData(text).dataset.events, name).to.have.length(expected[name].events);
      }
    });

    it('cosmo.json keeps the Big Bang as a far year, in order', async () => {
      const { json } = await template('cosmo.json');
      const events = readData(json).dataset.events;
      expect(events.map((e) => e.farYear ?? e.date.getUTCFullYear())).to.deep.equal([
        // TimelineJS's -13,800,000,000 is 13,800,000,000 BCE: ISO 8601 year -13,799,999,999.
        -13_799_999_999, -13_799_629_999, -12_799_999_999, -4_599_999_999, -538_799_999, -314_999, -3499,
      ]);
      const paleozoic = events.find((e) => e.title === 'Paleozoic era')!;
      expect(paleozoic.endFarYear).to.equal(-251_901_999);
      const wheel = events.find((e) => e.farYear === undefined)!;
      expect(wheel.sources.map((s) => [s.url, s.publisher])).to.deep.equal([
        ['https://commons.wikimedia.org/wiki/File:0854_Ein_Krug_aus_Bronocice,_3.550_v._Chr..JPG', 'Wikipedia'],
        ['https://en.wikipedia.org/wiki/Bronocice_pot', 'Wikipedia'],
      ]);
    });

    it('eras.json turns eras into spans of the declared type "era"', async () => {
      const { json } = await template('eras.json');
      const result = readData(json);
      const eras = result.dataset.events.filter((e) => e.type === 'era');
      expect(eras.map((e) => [e.title, e.date.getUTCFullYear(), e.end!.getUTCFullYear()])).to.deep.equal([
        ['Era Test 600-650', 600, 650],
        ['Era Test 650-700', 650, 700],
        ['Era Test 700-720', 700, 720],
      ]);
      expect(Object.keys(result.dataset.types)).to.deep.equal(['era']);
      const hijra = result.dataset.events.find((e) => e.title.startsWith('Muhammad Migrates'))!;
      expect([hijra.date.toISOString(), hijra.precision, hijra.end!.toISOString()]).to.deep.equal([
        '0622-08-09T00:00:00.000Z', 'day', '0622-08-23T00:00:00.000Z',
      ]);
    });

    it('all-media-types.json declares each group as a type, labelled as written', async () => {
      const { json } = await template('all-media-types.json');
      const result = readData(json);
      expect(result.dataset.types).to.deep.equal({
        video: { label: 'Video' },
        'social-media': { label: 'Social Media' },
        audio: { label: 'Audio' },
        html: { label: 'HTML' },
        image: { label: 'Image' },
      });
      const wistia = result.dataset.events.find((e) => e.id === 'wistia')!;
      expect(wistia.type).to.equal('video');
      const tweet = result.dataset.events.find((e) => e.title === 'Twitter Embed')!;
      expect(tweet.sources[0].url).to.match(/^https:\/\/twitter\.com\//);
    });
  });

  it('reads date parts given as numbers or text, at the precision of the parts present', () => {
    const result = readData({
      events: [
        slide({ unique_id: 'y', start_date: { year: 1969 } }),
        slide({ unique_id: 'm', start_date: { year: '1969', month: '07' } }),
        slide({ unique_id: 'd', start_date: { year: 1969, month: 7, day: '20' } }),
        slide({ unique_id: 't', start_date: { year: '1969', month: '7', day: '20', hour: '20', minute: '17', second: '40', millisecond: '' } }),
        slide({ unique_id: 'big', start_date: { year: '1,815' } }),
      ],
    });
    const byId = Object.fromEntries(result.dataset.events.map((e) => [e.id, [e.date.toISOString(), e.precision]]));
    expect(byId).to.deep.equal({
      y: ['1969-01-01T00:00:00.000Z', 'year'],
      m: ['1969-07-01T00:00:00.000Z', 'month'],
      d: ['1969-07-20T00:00:00.000Z', 'day'],
      t: ['1969-07-20T20:17:40.000Z', 'time'],
      big: ['1815-01-01T00:00:00.000Z', 'year'],
    });
  });

  it('maps text, media and links onto title, summary and sources', () => {
    const result = readData({
      events: [
        slide({
          unique_id: 'talks',
          group: 'Talks',
          text: {
            headline: 'Talks <i>open</i> &amp; close',
            text: '<p>Delegations meet in <a href="https://news.example/sharm">Sharm</a>.</p><p>More: https://other.example/more.</p>',
          },
          media: { url: 'https://news.example/photo.jpg', caption: 'The <em>venue</em>', credit: '<a href="https://agency.example/">News Agency</a>' },
        }),
      ],
    });
    expect(result.problems).to.deep.equal([]);
    const [talks] = result.dataset.events;
    expect(talks.id).to.equal('talks');
    expect(talks.type).to.equal('talks');
    expect(talks.title).to.equal('Talks open & close');
    expect(talks.summary).to.equal('Delegations meet in Sharm.\n\nMore: https://other.example/more.');
    expect(talks.sources).to.deep.equal([
      { url: 'https://news.example/photo.jpg', title: 'The venue', publisher: 'News Agency' },
      { url: 'https://news.example/sharm', title: 'Sharm', publisher: 'news.example' },
      { url: 'https://other.example/more', publisher: 'other.example' },
      { url: 'https://agency.example/', title: 'The venue', publisher: 'News Agency' },
    ]);
    expect(result.dataset.types).to.deep.equal({});
  });

  it('takes the title slide as the title and description of the timeline', () => {
    const result = readData({ title: { text: { headline: 'A <b>story</b>', text: '<p>Line one<br>line two</p>' } }, events: [slide()] });
    expect(result.dataset.title).to.equal('A story');
    expect(result.dataset.description).to.equal('Line one\nline two');
  });

  it('flags slides without a web link as unsourced and keeps them', () => {
    const result = readData({ events: [slide({ media: undefined, text: { headline: 'Quiet', text: 'No links' } })] });
    expect(result.dataset.events[0].unsourced).to.equal(true);
    expect(warnings(result).map((p) => p.path)).to.deep.equal(['events[0].media.url']);
  });

  it('takes a title from the text when there is no headline, with a warning', () => {
    const result = readData({ events: [slide({ text: { text: '<p>A very short story.</p>' } })] });
    expect(result.dataset.events[0].title).to.equal('A very short story.');
    expect(warnings(result)[0].path).to.equal('events[0].text.headline');
  });

  it('leaves out a slide with a bad date part, naming the part, and keeps the rest', () => {
    const result = readData({
      events: [
        slide({ start_date: { year: '2025', month: 'Oct' } }),
        slide({ start_date: { year: '2023', month: '2', day: '30' } }),
        slide({ start_date: { month: '2' } }),
        slide({ start_date: undefined }),
        slide({ text: { headline: 'Kept' } }),
      ],
    });
    expect(result.dataset.events.map((e) => e.title)).to.deep.equal(['Kept']);
    expect(errors(result).map((p) => [p.path, p.eventIndex])).to.deep.equal([
      ['events[0].start_date.month', 0],
      ['events[1].start_date.day', 1],
      ['events[2].start_date.year', 2],
      ['events[3].start_date', 3],
    ]);
    expect(errors(result)[0].message).to.include('The start_date.month should be a whole number; found "Oct".');
    expect(errors(result)[1].message).to.include('(year 2023, month 2, day 30) is not a valid date: February 2023 has only 28 days');
  });

  it('refuses an end_date before the start_date', () => {
    const result = readData({ events: [slide({ end_date: { year: '2024' } })] });
    expect(errors(result)[0].path).to.equal('events[0].end_date');
  });

  it('keeps an era without an end as a point, with a warning', () => {
    const result = readData({ eras: [{ start_date: { year: 650 }, text: { headline: 'Open era' } }], events: [slide()] });
    const era = result.dataset.events.find((e) => e.type === 'era')!;
    expect(era.end).to.equal(undefined);
    expect(warnings(result).map((p) => p.path)).to.include('eras[0]');
  });

  it('is told apart from the native format by its slides, also as a bare list', () => {
    const result = readData([slide(), slide({ unique_id: 'x' })]);
    expect(result.format).to.equal('timelinejs');
    expect(result.dataset.events).to.have.length(2);
  });

  it('never treats links in text as more than text: javascript: links are refused', () => {
    const result = readData({ events: [slide({ text: { headline: 'X', text: '<a href="javascript:alert(1)">click</a>' } })] });
    expect(result.dataset.events[0].sources.map((s) => s.url)).to.deep.equal(['https://news.example/photo.jpg']);
    expect(warnings(result)[0]).to.include({ path: 'events[0].text.text' });
  });

  describe('years before 1, as TimelineJS counts them', () => {
    const day = (event: { date: Date }) => [event.date.getUTCFullYear(), event.date.getUTCMonth() + 1, event.date.getUTCDate()];

    it('reads year -44 as 44 BCE, which ISO 8601 writes -0043', () => {
      const result = readData({ events: [slide({ start_date: { year: '-44', month: '3', day: '15' }, text: { headline: 'Caesar is killed' } })] });
      expect(result.problems).to.deep.equal([]);
      const [ides] = result.dataset.events;
      expect([...day(ides), ides.precision]).to.deep.equal([-43, 3, 15, 'day']);
      expect(toNative(result.dataset).events[0].date).to.equal('-0043-03-15');
    });

    it('reads -1500 as 1500 BCE and 1 as 1 CE, in JSON and in the spreadsheet template', () => {
      const json = readData({ events: [slide({ start_date: { year: -1500 } }), slide({ unique_id: 'one', start_date: { year: '1' } })] });
      expect(json.dataset.events.map((e) => e.date.getUTCFullYear())).to.deep.equal([-1499, 1]);
      const csv = readData('Year,Month,Day,Headline,Media\n-44,3,15,Caesar is killed,https://a.example/\n');
      expect(day(csv.dataset.events[0])).to.deep.equal([-43, 3, 15]);
    });

    it('reads year 0, which TimelineJS shows but the calendar does not have, as 1 BCE, with a warning', () => {
      const result = readData({ events: [slide({ start_date: { year: '0' } })] });
      expect(result.dataset.events[0].date.getUTCFullYear()).to.equal(0);
      expect(warnings(result).map((p) => [p.path, p.message])).to.deep.equal([
        ['events[0].start_date.year', 'There is no year 0 between 1 BCE and 1 CE: the year 0 is read as 1 BCE. Write -1 for 1 BCE or 1 for 1 CE.'],
      ]);
    });

    it('checks the calendar of the year meant, and says it with its era', () => {
      const result = readData({ events: [slide({ start_date: { year: '-45', month: '2', day: '29' } }), slide({ unique_id: 'bad', start_date: { year: '-44', month: '2', day: '29' } })] });
      // 45 BCE is a leap year of the proleptic Gregorian calendar (ISO -0044); 44 BCE is not.
      expect(result.dataset.events.map((e) => day(e))).to.deep.equal([[-44, 2, 29]]);
      expect(errors(result)[0].message).to.include('(year -44, month 2, day 29) is not a valid date: 44 BCE is not a leap year');
    });
  });

  describe('slides without a headline', () => {
    const bare = (media: Record<string, unknown> | undefined, text: Record<string, unknown> = { headline: '', text: '' }) =>
      ({ start_date: { year: '2025', month: '10', day: '6' }, text, media });

    it('are kept, titled from the caption, else the credit, else the quote in the media', () => {
      const result = readData({ events: [
        bare({ url: 'https://www.youtube.com/watch?v=abc', caption: '<p>Delegates arrive in Cairo</p>', credit: 'AP' }),
        bare({ url: 'https://twitter.com/news/status/1', credit: 'Reuters' }),
        bare({ url: '<blockquote class="twitter-tweet"><p lang="en">The talks resume tomorrow in Doha.</p>— Ministry (@ministry) <a href="https://twitter.com/ministry/status/2">October 6, 2025</a></blockquote>' }),
        bare({ url: '<blockquote>We will not accept any plan that divides Gaza.<cite>A negotiator</cite></blockquote>' }),
      ] });
      expect(errors(result)).to.deep.equal([]);
      expect(result.dataset.events.map((e) => e.title)).to.deep.equal([
        'Delegates arrive in Cairo', 'Reuters', 'The talks resume tomorrow in Doha.', 'We will not accept any plan that divides Gaza.',
      ]);
      const noHeadline = warnings(result).filter((p) => p.kind === 'no-headline');
      expect(noHeadline.map((p) => p.path)).to.deep.equal(['events[0].text.headline', 'events[1].text.headline', 'events[2].text.headline', 'events[3].text.headline']);
      expect(noHeadline[0].message).to.equal('This slide has no headline, so its title is taken from the caption of its media: "Delegates arrive in Cairo". Give it a headline.');
      expect(noHeadline[2].message).to.include('taken from the quote in its media');
    });

    it('are kept untitled when nothing names them: an empty title and a flag the widget words in its language', () => {
      const result = readData({ events: [bare({ url: 'https://www.youtube.com/watch?v=abc' }), bare(undefined)] });
      expect(errors(result)).to.deep.equal([]);
      expect(result.dataset.events.map((e) => [e.title, e.untitled])).to.deep.equal([['', true], ['', true]]);
      expect(warnings(result).filter((p) => p.kind === 'untitled').map((p) => p.path)).to.deep.equal(['events[0].text.headline', 'events[1].text.headline']);
      // Written back as native data and read again, they stay as they are.
      expect(readData(JSON.parse(JSON.stringify(toNative(result.dataset)))).dataset.events).to.deep.equal(result.dataset.events);
    });

    it('make their media a source only when it is a web link', () => {
      const result = readData({ events: [
        bare({ url: 'https://www.youtube.com/watch?v=abc', caption: 'Video' }),
        bare({ url: 'Delegations met in Cairo for a third day', caption: 'Prose' }),
        bare({ url: 'data:image/png;base64,AAAA', caption: 'Inline' }),
      ] });
      const sources = Object.fromEntries(result.dataset.events.map((e) => [e.title, e.sources.map((s) => s.url)]));
      expect(sources).to.deep.equal({ Video: ['https://www.youtube.com/watch?v=abc'], Prose: [], Inline: [] });
      expect(warnings(result).filter((p) => p.kind === 'link-refused')).to.deep.equal([]);
    });
  });
});
