import { expect } from '@open-wc/testing';
import { frames, generatedStory, loadedTimeline, plot, shadow, timelineWith, wheel, zoomed } from './helpers.js';

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

  it('a story of a few events is laid out in full at every frame of a gesture: nothing is stretched', async () => {
    const element = await loadedTimeline();
    const ended = zoomed(element);
    wheel(element, { deltaY: -100, ctrlKey: true });
    await frames(2);
    for (const transform of layers(element)) expect(transform).to.equal('');
    await ended;
  });
});
