import { expect } from '@open-wc/testing';
import { frames, generatedStory, loadedTimeline, nextFrame, plot, shadow, timelineWith, wheel, zoomed } from './helpers.js';

/** Every layer a gesture moves as a whole, with its transform now. */
function layers(element: Parameters<typeof plot>[0]): string[] {
  return [...plot(element).querySelectorAll<HTMLElement | SVGElement>('[data-zoom-layer]')].map((layer) => layer.style.transform);
}

describe('zoom: with many events a gesture moves the drawn chart, the layout follows when it settles', () => {
  it('during a Ctrl + wheel step the marks move as layers; once it ends they are laid out again, with no transform left', async () => {
    const element = await timelineWith(generatedStory(3000));
    const before = shadow(element).querySelector('[data-event-id],[data-cluster-count]')!;
    const ended = zoomed(element);
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    const moving = layers(element);
    expect(moving.length).to.be.greaterThan(2);
    for (const transform of moving) expect(transform).to.match(/^matrix\(/);
    // Still the marks drawn before the gesture: nothing was laid out again yet.
    expect(before.isConnected).to.equal(true);
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
