import { expect } from '@open-wc/testing';
import { loadedTimeline, mark, shadow, storyData, timelineWith } from '../helpers.js';

describe('views/toolbar: lanes and legend', () => {
  it('one labelled lane per type in a stable order, then the figures track, each type in its own colour and shape', async () => {
    const element = await timelineWith(await storyData(), 1000);
    const lanes = [...shadow(element).querySelectorAll<HTMLElement>('.lane')];
    expect(lanes.map((lane) => lane.dataset.lane)).to.deep.equal(['talks', 'proposal', 'agreement', 'decision', 'casualties']);
    expect(lanes.map((lane) => lane.querySelector('.lane-label')!.textContent!.trim())).to.deep.equal([
      'Talks',
      'Proposals',
      'Agreements',
      'Decisions and resolutions',
      'Casualties and hostages',
    ]);
    // The figures track comes after the lanes.
    const lastLane = lanes[lanes.length - 1].getBoundingClientRect();
    const panels = [...shadow(element).querySelectorAll<HTMLElement>('.figures')];
    expect(panels.map((panel) => panel.dataset.figureLabel)).to.include('Killed in Gaza');
    for (const panel of panels) expect(panel.getBoundingClientRect().top).to.be.at.least(lastLane.bottom - 1);
    // Each legend entry has its own colour and its own shape.
    const entries = [...shadow(element).querySelectorAll<HTMLElement>('[data-legend-type]')];
    expect(entries.map((entry) => entry.dataset.legendType)).to.deep.equal(['talks', 'proposal', 'agreement', 'decision', 'casualties']);
    const colours = entries.map((entry) => getComputedStyle(entry.querySelector('.swatch')!).color);
    const shapes = entries.map((entry) => entry.querySelector('.swatch path')!.getAttribute('d'));
    expect(new Set(colours).size).to.equal(entries.length);
    expect(new Set(shapes).size).to.equal(entries.length);
  });

  it('the legend turns a lane off and on', async () => {
    const element = await loadedTimeline();
    const button = () => shadow(element).querySelector<HTMLButtonElement>('[data-legend-type="proposal"]')!;
    const lanes = [...shadow(element).querySelectorAll<HTMLElement>('.lane')];
    const top = Object.fromEntries(lanes.map((lane) => [lane.dataset.lane!, lane.style.top]));
    // Proposals come after talks: without them agreements take their place.
    top.talks = `${parseFloat(top.talks) + lanes[0].getBoundingClientRect().height}px`;
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(element).querySelector('.lane[data-lane="proposal"]')).to.exist;
    button().click();
    await element.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(shadow(element).querySelector('.lane[data-lane="proposal"]')).to.equal(null);
    expect(shadow(element).querySelector('[data-event-id="proposal-may"]')).to.equal(null);
    // The lanes below move up into the room it leaves.
    const agreements = shadow(element).querySelector<HTMLElement>('.lane[data-lane="agreement"]')!;
    expect(agreements.style.top).to.equal(top.talks);
    button().click();
    await element.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    expect(mark(element, 'proposal-may').closest('.lane')!.getAttribute('data-lane')).to.equal('proposal');
    expect(shadow(element).querySelector<HTMLElement>('.lane[data-lane="agreement"]')!.style.top).to.equal(top.agreement);
  });

  it('the legend turns the figures track off and on', async () => {
    const element = await loadedTimeline();
    const button = shadow(element).querySelector<HTMLButtonElement>('[data-legend-type="casualties"]')!;
    expect(shadow(element).querySelectorAll('.figures')).to.have.length(1);
    button.click();
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('.figures')).to.have.length(0);
    expect(shadow(element).querySelector('[data-event-id="toll-1"]')).to.equal(null);
    button.click();
    await element.updateComplete;
    expect(mark(element, 'toll-1').closest('.figures')).to.not.equal(null);
  });
});

describe('views/toolbar: a story of a thousand types', () => {
  it('draws 12 lanes and 12 chips, a bounded number of elements, and says which types share the lane "Other"', async () => {
    const events = Array.from({ length: 1000 }, (_, k) => ({
      type: `kind-${k}`,
      date: new Date(Date.UTC(2024, 0, 1) + k * 6 * 3_600_000).toISOString(),
      title: `Event ${k}`,
      sources: [{ url: `https://example.com/${k}` }],
    }));
    // Each type declared, with a name: the reader takes them all.
    const types = Object.fromEntries(events.map((event) => [event.type, { label: `Kind ${event.type.slice(5)}` }]));
    const element = await timelineWith({ title: 'Many kinds', types, events }, 1000);
    expect(element.events).to.have.length(1000);
    expect([...shadow(element).querySelectorAll('.lane')].map((lane) => lane.getAttribute('data-lane'))).to.have.length(12);
    expect(shadow(element).querySelectorAll('[data-legend-type]')).to.have.length(12);
    expect(shadow(element).querySelector('.lane:last-of-type')!.getAttribute('data-lane')).to.equal('other');
    expect(shadow(element).querySelectorAll('*').length).to.be.below(3000);
    expect(element.getBoundingClientRect().height).to.be.below(900);
    const warning = element.problems.find((problem) => problem.path === 'types');
    expect(warning?.severity).to.equal('warning');
    expect(warning?.message).to.match(/^The timeline draws at most 12 lanes: 989 types \("kind-11", "kind-12", "kind-13" and 986 more\) share the lane "Other"/);
  });
});
