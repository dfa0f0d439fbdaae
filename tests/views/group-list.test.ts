import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActive, shadow, timelineWith, redrawn } from '../helpers.js';
import type { NewsTimeline } from '../../src/news-timeline.js';

/** Six statements on one day, and one a week later: on a phone, with four rows to a lane, that day holds a group. */
const ONE_DAY = [
  ...['Mediators meet', 'Lists exchanged', 'Delegation arrives', 'Statement issued', 'Second meeting held', 'Talks adjourned'].map((title, k) => ({
    id: `s${k + 1}`,
    type: 'talks',
    date: '2025-10-08',
    title,
    sources: [{ url: `https://example.com/${k}` }],
  })),
  { id: 'later', type: 'talks', date: '2025-10-15', title: 'Talks resume', sources: [{ url: 'https://example.com/later' }] },
];

function group(element: NewsTimeline): HTMLElement {
  const node = shadow(element).querySelector<HTMLElement>('.lane [data-cluster-count]')!;
  expect(node, 'a group of one day').to.exist;
  expect(node.getAttribute('aria-haspopup')).to.equal('dialog');
  expect(node.getAttribute('aria-label')).to.match(/^October 8, 2025: \d events\. Activate to list them\.$/);
  return node;
}

const list = (element: NewsTimeline) => shadow(element).querySelector<HTMLElement>('.group-list');
const items = (element: NewsTimeline) => [...list(element)!.querySelectorAll<HTMLButtonElement>('li button')];

describe('views/group-list: a group of one moment lists its events', () => {
  it('a click on the group opens the list under it, each entry opens its event', async () => {
    const element = await timelineWith(ONE_DAY, 360);
    const node = group(element);
    const count = Number(node.dataset.clusterCount);
    const view = [+element.view.start, +element.view.end];
    node.click();
    await redrawn(element);
    // No zoom: none would part them.
    expect([+element.view.start, +element.view.end]).to.deep.equal(view);
    const dialog = list(element)!;
    expect(dialog.getAttribute('role')).to.equal('dialog');
    expect(dialog.querySelector('h2')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`October 8, 2025 · ${count} events`);
    const titles = items(element).map((item) => item.textContent!.trim());
    expect(titles).to.have.length(count);
    for (const title of titles) expect(ONE_DAY.some((event) => event.title === title)).to.equal(true);
    // Under the group, inside the chart.
    const box = node.getBoundingClientRect();
    const rect = dialog.getBoundingClientRect();
    const chart = shadow(element).querySelector('.chart')!.getBoundingClientRect();
    expect(rect.top).to.be.at.least(box.bottom);
    expect(rect.left).to.be.at.least(chart.left);
    expect(rect.right).to.be.at.most(chart.right);
    const second = ONE_DAY.find((event) => event.title === titles[1])!;
    const selected = oneEvent(element, 'timeline-select');
    items(element)[1].click();
    expect((await selected).detail.id).to.equal(second.id);
    await redrawn(element);
    expect(list(element)).to.equal(null);
    expect(shadow(element).querySelector('[part="detail"] h2')!.textContent).to.equal(second.title);
  });

  it('from the keyboard: Enter lists the events with focus on the first, Enter opens one, Escape goes back to the group', async () => {
    const element = await timelineWith(ONE_DAY, 360);
    group(element).focus();
    await sendKeys({ press: 'Enter' });
    await redrawn(element);
    const first = items(element)[0];
    expect(deepActive()).to.equal(first);
    await sendKeys({ press: 'Escape' });
    await redrawn(element);
    expect(list(element)).to.equal(null);
    expect(deepActive()).to.equal(group(element));
    await sendKeys({ press: 'Enter' });
    await redrawn(element);
    await sendKeys({ press: 'Tab' });
    const title = (deepActive() as HTMLElement).textContent!.trim();
    const selected = oneEvent(element, 'timeline-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.id).to.equal(ONE_DAY.find((event) => event.title === title)!.id);
  });
});
