import { expect } from '@open-wc/testing';
import { problemSummary, statusLine } from '../../src/editor/status-text.js';
import { readData } from '../../src/model/index.js';

const source = [{ url: 'https://example.com/' }];
const good = readData({ events: [{ date: '2024-01', title: 'A', sources: source }, { date: '2024-02', title: 'B', sources: source }] });
const mixed = readData({ events: [{ date: '2024-01', title: 'A' }, { date: '2024-99', title: 'B', sources: source }] });
const none = readData('date,title\n2024-99-01,A\n');

describe('statusLine', () => {
  it('counts what the preview reports, not what was read', () => {
    expect(statusLine(good, { state: 'waiting' })).to.equal('Read as native JSON · 2 events to draw · no problems.');
    expect(statusLine(good, { state: 'drawn', events: 2 })).to.equal('Read as native JSON · 2 events drawn · no problems.');
    expect(statusLine(good, { state: 'drawn', events: 1 })).to.equal('Read as native JSON · 2 events read, 1 drawn · no problems.');
    expect(statusLine(good, { state: 'unplaced', events: 2 })).to.equal('Read as native JSON · 2 events read, nothing drawn: the preview cannot place their dates · no problems.');
    expect(statusLine(good, { state: 'failed', message: 'x' })).to.equal('Read as native JSON · 2 events read, nothing drawn · no problems.');
    expect(statusLine(mixed, { state: 'drawn', events: 1 })).to.equal('Read as native JSON · 1 event drawn · 1 error, 1 warning.');
    expect(statusLine(none, { state: 'failed', message: 'x' })).to.equal('Read as CSV · nothing drawn · 1 error, 0 warnings.');
  });
});

describe('problemSummary', () => {
  it('says what the problems cost', () => {
    expect(problemSummary(good)).to.deep.equal({ text: 'No problems: all 2 events are ready.', tone: 'ok' });
    expect(problemSummary(readData({ events: [{ date: '2024', title: 'A', sources: source }] }))).to.deep.equal({ text: 'No problems: the 1 event is ready.', tone: 'ok' });
    expect(problemSummary(readData({ events: [{ date: '2024', title: 'A' }] }))).to.deep.equal({ text: '1 warning, no errors. Every event is kept, but check these.', tone: 'warn' });
    expect(problemSummary(mixed)).to.deep.equal({ text: '1 error and 1 warning. What an error names is left out of the timeline until it is fixed.', tone: 'bad' });
    expect(problemSummary(none)).to.deep.equal({ text: '1 error. Nothing can be shown until it is fixed.', tone: 'bad' });
  });
});
