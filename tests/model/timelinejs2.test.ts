import { expect } from '@open-wc/testing';
import { readData } from '../../src/model/index.js';
import type { Problem, ReadResult } from '../../src/model/types.js';

const errors = (result: ReadResult): Problem[] => result.problems.filter((p) => p.severity === 'error');

describe('TimelineJS 2 files', () => {
  const file = {
    timeline: {
      headline: 'The <i>talks</i>',
      type: 'default',
      text: '<p>How the talks went.</p>',
      asset: { media: 'https://news.example/cover.jpg', credit: 'Agency', caption: 'Cover' },
      date: [
        { startDate: '2012,1,26', endDate: '2012,1,27', headline: 'Talks open', text: '<p>In Cairo.</p>', tag: 'Talks', asset: { media: 'https://news.example/a', credit: 'News', caption: 'Opening' } },
        { startDate: '2012,2', headline: 'A month of meetings', asset: { media: 'https://news.example/b' } },
        { startDate: '2012,3,1,14,30', headline: 'A statement', asset: { media: 'https://news.example/c' } },
        { startDate: '-44,3,15', headline: 'Caesar is killed', asset: { media: 'https://news.example/d' } },
      ],
      era: [{ startDate: '2012,1,1', endDate: '2012,12,31', headline: 'The year of talks' }],
    },
  };

  it('are read: dates from "2012,1,26", headline, text, asset and tag; eras; the title from the timeline', () => {
    const result = readData(file);
    expect(result.format).to.equal('timelinejs2');
    expect(errors(result)).to.deep.equal([]);
    expect(result.dataset.title).to.equal('The talks');
    expect(result.dataset.description).to.equal('How the talks went.');
    const byTitle = Object.fromEntries(result.dataset.events.map((e) => [e.title, e]));
    const talks = byTitle['Talks open'];
    expect([talks.date.toISOString(), talks.precision, talks.end!.toISOString(), talks.summary, talks.type]).to.deep.equal([
      '2012-01-26T00:00:00.000Z', 'day', '2012-01-27T00:00:00.000Z', 'In Cairo.', 'talks',
    ]);
    expect(talks.sources).to.deep.equal([{ url: 'https://news.example/a', title: 'Opening', publisher: 'News' }]);
    expect(byTitle['A month of meetings'].precision).to.equal('month');
    expect([byTitle['A statement'].date.toISOString(), byTitle['A statement'].precision]).to.deep.equal(['2012-03-01T14:30:00.000Z', 'time']);
    expect(byTitle['Caesar is killed'].date.getUTCFullYear()).to.equal(-43);
    expect(byTitle['The year of talks'].type).to.equal('era');
  });

  it('name a slide by its place in the date list, counted from 1', () => {
    const result = readData({ timeline: { headline: 'T', date: [{ startDate: '2012,1,26', headline: 'Good' }, { startDate: '26/1/2012', headline: 'Bad' }] } });
    expect(result.dataset.events.map((e) => e.title)).to.deep.equal(['Good']);
    expect(errors(result).map((p) => [p.path, p.where])).to.deep.equal([['timeline.date[1].startDate', "event 2 ('Bad'), startDate"]]);
    expect(errors(result)[0].message).to.include('"26/1/2012" is not a date as TimelineJS 2 writes it: year, month and day with commas, like "2012,1,26".');
  });
});
