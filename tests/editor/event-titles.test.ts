import { expect } from '@open-wc/testing';
import { eventTitles } from '../../src/editor/event-titles.js';
import type { Problem } from '../../src/model/index.js';

const at = (path: string, row?: number): Problem => ({ path, message: '', severity: 'warning', ...(row ? { row } : {}) });

describe('eventTitles', () => {
  it('reads native titles as plain text, and TimelineJS headlines without their HTML', () => {
    const native = eventTitles(JSON.stringify({ events: [{ title: 'Talks <b>in</b> Doha' }, { date: '2024' }] }), 'native');
    expect(native(at('events[0].date'))).to.equal('Talks <b>in</b> Doha');
    expect(native(at('events[1].title'))).to.equal(undefined);
    expect(native(at('events[7].title'))).to.equal(undefined);
    expect(native(at('types.a.color'))).to.equal(undefined);

    const timelinejs = eventTitles(
      JSON.stringify({ events: [{ text: { headline: 'Apollo 11 <i>launches</i>' } }], eras: [{ text: { headline: 'The race' } }] }),
      'timelinejs',
    );
    expect(timelinejs(at('events[0].media.url'))).to.equal('Apollo 11 launches');
    expect(timelinejs(at('eras[0].end_date'))).to.equal('The race');
  });

  it('reads a bare list of events, and gives nothing for JSON that does not parse', () => {
    expect(eventTitles('\ufeff[{ "title": "First" }]', 'native')(at('[0].date'))).to.equal('First');
    expect(eventTitles('{"events": [{ "title": "First", }]}', 'native')(at('events[0].date'))).to.equal(undefined);
  });

  it('reads the title cell of a CSV row, or the headline of a TimelineJS sheet', () => {
    const csv = eventTitles('date,title\n2024-99-01,"Talks, in Doha"\n', 'csv');
    expect(csv(at('row 2, column "date"', 2))).to.equal('Talks, in Doha');
    expect(csv(at('row 1, column "x"', 1))).to.equal(undefined);
    const sheet = eventTitles('Year,Month,Day,Headline\n1969,7,20,<b>Eagle</b> lands\n', 'csv');
    expect(sheet(at('row 2, column "Year"', 2))).to.equal('Eagle lands');
    expect(eventTitles('date,summary\n2024,x\n', 'csv')(at('row 2', 2))).to.equal(undefined);
  });
});
