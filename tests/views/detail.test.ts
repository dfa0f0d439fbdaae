import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { deepActive, frames, loadedTimeline, mark, settled, shadow, showWindow, storyData, storyTimeline, timelineWith } from '../helpers.js';

describe('views/detail: detail', () => {
  it('opens the detail on click, with title, date at its precision, place, summary and new-tab links', async () => {
    const element = await loadedTimeline();
    const selected = oneEvent(element, 'timeline-select');
    mark(element, 'talks-doha').click();
    const { detail } = await selected;
    expect(detail.id).to.equal('talks-doha');
    expect(detail.event.title).to.equal('Talks in Doha');
    await element.updateComplete;
    expect(element.getAttribute('selected')).to.equal('talks-doha');
    const panel = shadow(element).querySelector<HTMLElement>('[part="detail"]')!;
    expect(panel).to.exist;
    expect(panel.querySelector('h2')!.textContent).to.equal('Talks in Doha');
    expect(panel.textContent).to.match(/January 10, 2024|10 January 2024/);
    expect(panel.textContent).to.contain('Doha, Qatar');
    expect(panel.textContent).to.contain('Delegations met in Doha');
    const links = [...panel.querySelectorAll('a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.com/doha', 'https://example.org/doha-2']);
    for (const link of links) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    }
  });

  it('shows a month-precision date without a day', async () => {
    const element = await loadedTimeline();
    element.select('proposal-may');
    await element.updateComplete;
    const meta = shadow(element).querySelector('[part="detail"] .meta')!.textContent!;
    expect(meta).to.contain('May 2024');
    expect(meta).not.to.match(/\b1\b/);
  });

});

describe('views/detail: the detail', () => {
  it('of a figure point lists its figures with who reported them, and its sources', async () => {
    const element = await timelineWith(await storyData(), 1000);
    await showWindow(element, '2025-01-01', '2025-02-01');
    const point = shadow(element).querySelector<HTMLElement>('.figures [data-event-id="gaza-toll-2025-01-19"]')!;
    expect(point).to.exist;
    point.click();
    await element.updateComplete;
    const detail = shadow(element).querySelector<HTMLElement>('[part="detail"]')!;
    expect(detail.querySelector('h2')!.textContent).to.equal('Gaza toll given as more than 46,000 or 47,000 as the truce begins');
    expect(detail.querySelector('time')!.textContent).to.equal('January 19, 2025');
    const figures = [...detail.querySelectorAll('.figures-list li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(figures).to.deep.equal([
      'Killed in Gaza: more than 46,000 (reported by Palestinian Ministry of Health)',
      'Killed in Gaza: more than 47,000 (reported by Gaza medical officials)',
    ]);
    const links = [...detail.querySelectorAll<HTMLAnchorElement>('.sources a')];
    expect(links).to.have.length(3);
    expect(links[0].textContent).to.equal('Israel-Hamas ceasefire: Three Israeli hostages freed, 90 Palestinian prisoners released');
    expect(links[0].closest('li')!.textContent).to.contain('Dunya News (agencies)');
    expect(links[0].closest('li')!.textContent).to.contain('2025');
    expect(links[1].textContent).to.equal('Giornale di Brescia (EPA caption)');
    for (const link of links) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    }
  });

  it('formats figures for the locale', async () => {
    const element = await timelineWith(await storyData(), 1000, 'locale=de');
    element.select('gaza-toll-2025-01-19');
    await element.updateComplete;
    const text = shadow(element).querySelector('[part="detail"] .figures-list')!.textContent!;
    expect(text).to.contain('46.000');
  });

  it('at 1000 px overlays the chart, inside it and fully shown', async () => {
    const element = await loadedTimeline();
    element.select('talks-doha');
    await element.updateComplete;
    const detail = shadow(element).querySelector('[part="detail"]')!.getBoundingClientRect();
    const chart = shadow(element).querySelector('.chart')!.getBoundingClientRect();
    expect(detail.height).to.be.above(50);
    expect(detail.top).to.be.at.least(chart.top);
    expect(detail.bottom).to.be.at.most(chart.bottom + 0.5);
    expect(detail.right).to.be.at.most(chart.right);
  });

  it('at 1200 px opens beside the selected mark, never over it, whichever half the mark is in', async () => {
    const element = await storyTimeline();
    const chart = shadow(element).querySelector('.chart')!.getBoundingClientRect();
    const axis = shadow(element).querySelector('.axis')!.getBoundingClientRect();
    // A milestone near the start, one near the end, and one a little past the middle.
    for (const id of ['november-truce-2023-11-24', 'trump-20-point-plan-2025-09-29', 'doha-ceasefire-agreement-2025-01-15']) {
      element.select(id);
      await settled(element);
      const box = mark(element, id).getBoundingClientRect();
      const detail = shadow(element).querySelector('[part="detail"]')!.getBoundingClientRect();
      const covers = Math.min(box.right, detail.right) > Math.max(box.left, detail.left) && Math.min(box.bottom, detail.bottom) > Math.max(box.top, detail.top);
      expect(covers, `${id}: mark ${box.left}–${box.right}, detail ${detail.left}–${detail.right}`).to.equal(false);
      // Under the axis, within the chart.
      expect(detail.top).to.be.at.least(axis.bottom);
      expect(detail.bottom).to.be.at.most(chart.bottom + 0.5);
      expect(detail.left).to.be.at.least(chart.left);
      expect(detail.right).to.be.at.most(chart.right);
    }
  });

  describe('on a phone (360 × 740)', () => {
    before(() => setViewport({ width: 360, height: 740 }));
    after(() => setViewport({ width: 800, height: 600 }));

    it('a tap opens the detail within the screen with focus in it; closing gives focus back to the mark', async () => {
      const element = await storyTimeline({ width: 360 });
      const id = 'november-truce-2023-11-24';
      const target = mark(element, id);
      target.scrollIntoView({ block: 'center' });
      await frames(2);
      const box = target.getBoundingClientRect();
      const selected = oneEvent(element, 'timeline-select');
      await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      expect((await selected).detail.id).to.equal(id);
      await element.updateComplete;
      await frames(2);
      const detail = shadow(element).querySelector<HTMLElement>('[part="detail"]')!;
      const rect = detail.getBoundingClientRect();
      expect(rect.height).to.be.above(80);
      expect(rect.top).to.be.at.least(0);
      expect(rect.bottom).to.be.at.most(innerHeight + 0.5);
      expect(rect.left).to.be.at.least(0);
      expect(rect.right).to.be.at.most(innerWidth + 0.5);
      expect(detail.contains(deepActive())).to.equal(true);
      // The page moved up so that the sheet does not hide the mark that was tapped.
      expect(mark(element, id).getBoundingClientRect().bottom).to.be.at.most(rect.top);
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      await frames(1);
      expect(shadow(element).querySelector('[part="detail"]')).to.equal(null);
      expect(deepActive()).to.equal(mark(element, id));
    });
  });

  it('previous and next move through the events in time order', async () => {
    const element = await loadedTimeline();
    element.select('talks-doha');
    await element.updateComplete;
    const nav = () => [...shadow(element).querySelectorAll<HTMLButtonElement>('[part="detail"] .nav button')];
    expect(nav()[0].disabled).to.equal(true);
    const seen = [element.selected];
    for (let i = 0; i < 5; i++) {
      nav()[1].click();
      await element.updateComplete;
      seen.push(element.selected);
    }
    expect(seen).to.deep.equal(['talks-doha', 'toll-1', 'proposal-may', 'cairo-round', 'toll-2', 'deal']);
    expect(nav()[1].disabled).to.equal(true);
    nav()[0].click();
    await element.updateComplete;
    expect(element.selected).to.equal('toll-2');
  });
});
