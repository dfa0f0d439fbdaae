import { expect } from '@open-wc/testing';
import { frames, generatedStory, loadedTimeline, nextFrame, plot, shadow, timelineWith, wheel, zoomed } from './helpers.js';

/** Every layer a gesture moves as a whole, with its transform now. */
function layers(element: Parameters<typeof plot>[0]): string[] {
  return [...plot(element).querySelectorAll<HTMLElement | SVGElement>('[data-zoom-layer]')].map((layer) => layer.style.transform);
}

/** Where each drawn mark stands now, by its key. */
function positions(element: Parameters<typeof plot>[0]): Map<string, string> {
  return new Map(
    [...plot(element).querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-key]')].map((mark) => [
      mark.dataset.eventId ?? mark.dataset.clusterKey!,
      mark.style.transform,
    ]),
  );
}

describe('zoom: with many events a gesture moves the drawn chart, the layout follows when it settles', () => {
  it('the first Ctrl + wheel step of a gesture is laid out in full at once, and it stays so when the gesture ends', async () => {
    const element = await timelineWith(generatedStory(3000));
    const before = positions(element);
    const ended = zoomed(element);
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    // Nothing stretched: no layer is moved, and the marks themselves stand at new places.
    for (const transform of layers(element)) expect(transform).to.equal('');
    const after = positions(element);
    expect([...after].filter(([key, place]) => before.has(key) && before.get(key) !== place).length).to.be.greaterThan(5);
    await ended;
    await element.updateComplete;
    for (const transform of layers(element)) expect(transform).to.equal('');
    expect(positions(element)).to.deep.equal(after);
  });

  it('the later steps of a Ctrl + wheel gesture move the marks as layers; once it ends they are laid out again, with no transform left', async () => {
    const element = await timelineWith(generatedStory(3000));
    const ended = zoomed(element);
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    const first = shadow(element).querySelector('[data-event-id],[data-cluster-count]')!;
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    const moving = layers(element);
    expect(moving.length).to.be.greaterThan(2);
    for (const transform of moving) expect(transform).to.match(/^matrix\(/);
    // Still the marks drawn at the first step: nothing was laid out again yet.
    expect(first.isConnected).to.equal(true);
    await ended;
    await element.updateComplete;
    for (const transform of layers(element)) expect(transform).to.equal('');
  });

  it('an animated zoom moves the layers at each frame and lands on the window asked for, laid out again', async () => {
    const element = await timelineWith(generatedStory(3000));
    // Half as wide, around the middle: near enough for the drawn chart to be moved while it animates.
    const { start, end } = element.view;
    const quarter = Math.round((+end - +start) / 4);
    const asked = [new Date(+start + quarter), new Date(+end - quarter)];
    let done = false;
    const ended = zoomed(element).then((event) => ((done = true), event));
    element.zoomTo(asked[0], asked[1]);
    // Every frame drawn on the way (how many depends on how often this page gets one) moves the layers.
    while (!done) {
      await nextFrame();
      const now = [+element.view.start, +element.view.end];
      if (done || (now[0] === +start && now[1] === +end)) continue;
      const moving = layers(element);
      expect(moving.length).to.be.greaterThan(2);
      for (const transform of moving) expect(transform).to.match(/^matrix\(/);
    }
    const { detail } = await ended;
    expect([+detail.start, +detail.end]).to.deep.equal(asked.map(Number));
    await element.updateComplete;
    for (const transform of layers(element)) expect(transform).to.equal('');
  });

  it('a story of a few events is laid out in full at every frame of a gesture: nothing is stretched', async () => {
    const element = await loadedTimeline();
    const ended = zoomed(element);
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    for (const transform of layers(element)) expect(transform).to.equal('');
    await ended;
  });
});
