import { expect } from '@open-wc/testing';
import type { WarmUpController } from '../../src/controllers/warm-up-controller.js';
import type { NewsTimeline } from '../../src/news-timeline.js';
import { generatedStory, shadow, timelineWith, until, wheel, zoomed } from '../helpers.js';

/** Words of the generated titles that no date on the axis has. */
const TITLE_WORDS = ['mediators', 'proposal', 'delegation', 'returns', 'Cairo', 'Doha', 'resume', 'delay', 'table'];

const warmUp = (element: NewsTimeline) => (element as unknown as { warm: WarmUpController }).warm;

/** Every text measured on a canvas while `run` runs. */
async function measured(run: () => Promise<void>): Promise<string[]> {
  const texts: string[] = [];
  const measureText = CanvasRenderingContext2D.prototype.measureText;
  CanvasRenderingContext2D.prototype.measureText = function (this: CanvasRenderingContext2D, text: string) {
    texts.push(text);
    return measureText.call(this, text);
  };
  try {
    await run();
  } finally {
    CanvasRenderingContext2D.prototype.measureText = measureText;
  }
  return texts;
}

const labels = (element: NewsTimeline) => new Set([...shadow(element).querySelectorAll<HTMLElement>('[data-label-for]')].map((label) => label.dataset.labelFor));

describe('controllers/warm-up-controller: what a zoom would draw is prepared while the page is idle', () => {
  it('once the page is idle after a drawing, a zoom step shows new labels without measuring any of their text', async () => {
    const element = await timelineWith(generatedStory(1000));
    await until(() => warmUp(element).done, 'the labels around the window prepared');
    expect(warmUp(element).prepared).to.be.greaterThan(500);
    const before = labels(element);
    const texts = await measured(async () => {
      const ended = zoomed(element);
      for (let i = 0; i < 3; i++) wheel(element, { deltaY: -100, ctrlKey: true });
      await ended;
      await element.updateComplete;
    });
    const after = labels(element);
    // New labels are drawn, shaped beforehand: no word of a title was measured for them.
    expect([...after].filter((id) => !before.has(id)).length).to.be.greaterThan(3);
    expect(texts.filter((text) => TITLE_WORDS.some((word) => text.includes(word)))).to.deep.equal([]);
  });

  it('prepares each event once, around the whole story at first, and stops when the element leaves', async () => {
    const element = await timelineWith(generatedStory(3000));
    await until(() => warmUp(element).done, 'the labels around the first window prepared');
    // The window is the whole story: every event is prepared.
    expect(warmUp(element).prepared).to.equal(3000);
    const ended = zoomed(element);
    element.zoomTo(new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 0, 8)));
    await ended;
    await element.updateComplete;
    await until(() => warmUp(element).done, 'the events around the week shown prepared');
    expect(warmUp(element).prepared).to.equal(3000);
    element.remove();
    expect(warmUp(element).done).to.equal(true);
  });
});
