import { expect } from '@open-wc/testing';
import { readData } from '../../src/model/index.js';
import type { Problem, ReadResult } from '../../src/model/types.js';

const errors = (result: ReadResult): Problem[] => result.problems.filter((p) => p.severity === 'error');

describe('vis-timeline item lists', () => {
  const items = [
    { id: 1, content: 'Talks <b>open</b> in Cairo', start: '2025-10-06', end: '2025-10-09', group: 'talks', type: 'range', title: 'Delegations meet. <a href="https://news.example/cairo">Report</a>', className: 'red' },
    { id: 2, content: 'Proposal published', start: '2025-10-12', group: 'proposal', type: 'point' },
    { id: 'late', content: 'Ceasefire in force', start: '2025-10-10 12:00', type: 'box' },
    { id: 4, content: 'Negotiation period', start: '2025-10-01', end: '2025-10-31', type: 'background' },
  ];

  it('are read: content is the title, title the summary, group the type, start and end the dates', () => {
    const result = readData(items);
    expect(result.format).to.equal('vis-timeline');
    expect(errors(result)).to.deep.equal([]);
    const byId = Object.fromEntries(result.dataset.events.map((e) => [e.id, e]));
    expect(Object.keys(byId).sort()).to.deep.equal(['1', '2', '4', 'late']);
    expect(byId['1']).to.deep.include({ title: 'Talks open in Cairo', summary: 'Delegations meet. Report', type: 'talks', precision: 'day' });
    expect([byId['1'].date.toISOString(), byId['1'].end!.toISOString()]).to.deep.equal(['2025-10-06T00:00:00.000Z', '2025-10-09T00:00:00.000Z']);
    expect(byId['1'].sources.map((s) => s.url)).to.deep.equal(['https://news.example/cairo']);
    expect(byId['2'].type).to.equal('proposal');
    expect([byId.late.date.toISOString(), byId.late.precision, byId.late.type]).to.deep.equal(['2025-10-10T12:00:00.000Z', 'time', 'other']);
    // A background item is a period behind the events, as a TimelineJS era.
    expect(byId['4'].type).to.equal('era');
  });

  it('read dates given as numbers (milliseconds) or Date objects, and groups with their names', () => {
    const result = readData({
      groups: [{ id: 'g1', content: 'Diplomacy' }],
      items: [
        { id: 'a', content: 'At a moment', start: Date.UTC(2025, 9, 6, 14, 30), group: 'g1' },
        { id: 'b', content: 'On a day', start: new Date(Date.UTC(2025, 9, 7)) },
      ],
    });
    expect(result.format).to.equal('vis-timeline');
    const [a, b] = result.dataset.events;
    expect([a.date.toISOString(), a.precision, a.type]).to.deep.equal(['2025-10-06T14:30:00.000Z', 'time', 'g1']);
    expect(result.dataset.types).to.deep.equal({ g1: { label: 'Diplomacy' } });
    expect([b.date.toISOString(), b.precision]).to.deep.equal(['2025-10-07T00:00:00.000Z', 'day']);
  });

  it('name an item by its place in the list and its content', () => {
    const result = readData([{ id: 1, content: 'Good', start: '2025-10-06' }, { id: 2, content: 'Bad date', start: 'next week' }]);
    expect(errors(result).map((p) => [p.path, p.where])).to.deep.equal([['[1].start', "event 2 ('Bad date'), start"]]);
  });
});
