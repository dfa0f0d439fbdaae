import { expect } from '@open-wc/testing';
import { readData, toNative } from '../../src/model/index.js';

describe('other names for fields, in JSON as in CSV', () => {
  it('reads location, link and source in a JSON event as place and sources', () => {
    const result = readData({ events: [
      { date: '2025-10-06', title: 'Talks in Cairo', location: 'Cairo, Egypt', link: 'https://news.example/a' },
      { date: '2025-10-07', title: 'Statement', source: { url: 'https://news.example/b', publisher: 'News' } },
      { date: '2025-10-08', title: 'Reports', source: ['https://news.example/c', { url: 'https://news.example/d' }] },
      { date: '2025-10-09', title: 'Flat', source: 'https://news.example/e', source_title: 'E', publisher: 'Agency', description: 'Said so.' },
    ] });
    expect(result.problems).to.deep.equal([]);
    const byTitle = Object.fromEntries(result.dataset.events.map((e) => [e.title, e]));
    expect(byTitle['Talks in Cairo'].place).to.equal('Cairo, Egypt');
    expect(byTitle['Talks in Cairo'].sources).to.deep.equal([{ url: 'https://news.example/a' }]);
    expect(byTitle.Statement.sources).to.deep.equal([{ url: 'https://news.example/b', publisher: 'News' }]);
    expect(byTitle.Reports.sources.map((s) => s.url)).to.deep.equal(['https://news.example/c', 'https://news.example/d']);
    expect(byTitle.Flat.sources).to.deep.equal([{ url: 'https://news.example/e', title: 'E', publisher: 'Agency' }]);
    expect(byTitle.Flat.summary).to.equal('Said so.');
  });

  it('keeps them in the clean native copy, under the native names', () => {
    const first = readData({ events: [{ date: '2025-10-06', title: 'Talks', location: 'Cairo', link: 'https://news.example/a' }] });
    const native = JSON.parse(JSON.stringify(toNative(first.dataset)));
    expect(native.events[0]).to.deep.include({ place: 'Cairo', sources: [{ url: 'https://news.example/a' }] });
    expect(native.events[0]).to.not.have.property('location');
    expect(readData(native).dataset).to.deep.equal(first.dataset);
  });

  it('lets the native name win, and names the field as written in a problem', () => {
    const result = readData({ events: [
      { date: '2025-10-06', title: 'Both', place: 'Doha', location: 'Cairo', sources: ['https://news.example/a'], link: 'https://news.example/b' },
      { date: '2025-10-07', title: 'Bad link', link: 'javascript:alert(1)' },
    ] });
    const byTitle = Object.fromEntries(result.dataset.events.map((e) => [e.title, e]));
    expect([byTitle.Both.place, byTitle.Both.sources.length]).to.deep.equal(['Doha', 1]);
    expect(result.problems.map((p) => p.path)).to.deep.equal(['events[1].link', 'events[1].link']);
  });

  it('reads the same names in a CSV header', () => {
    const result = readData('date,title,location,link\n2025-10-06,Talks,Cairo,https://news.example/a\n');
    expect(result.dataset.events[0]).to.deep.include({ place: 'Cairo', sources: [{ url: 'https://news.example/a' }] });
    expect(readData('date,title,source\n2025-10-06,Talks,https://news.example/a\n').dataset.events[0].sources).to.deep.equal([{ url: 'https://news.example/a' }]);
  });
});
