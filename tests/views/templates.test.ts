import { expect } from '@open-wc/testing';
import type { NewsTimeline } from '../../src/news-timeline.js';
import { frames, shadow, storyTimeline } from '../helpers.js';

// The bundle drops the white space that holds a line break between the tags of a template (see
// rollup.config.mjs). Here the templates run as written: none of that white space may take room,
// or the source and the bundle would draw the page differently.

/** The white-space-only text nodes with a line break, in the element's shadow root, that are drawn with a width. */
function drawnLineBreaks(element: NewsTimeline): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(shadow(element), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.trim() || !text.data.includes('\n')) continue;
    range.selectNodeContents(text);
    if ([...range.getClientRects()].some((rect) => rect.width > 0)) {
      const parent = text.parentElement!;
      found.push(`${parent.localName}.${parent.className} (after ${text.previousSibling?.nodeName ?? 'nothing'})`);
    }
  }
  return found;
}

async function settle(element: NewsTimeline): Promise<void> {
  await element.updateComplete;
  await frames(2);
  await element.updateComplete;
}

describe('views: templates', () => {
  for (const [what, options] of [
    ['wide, English', { width: 1000 }],
    ['on a phone, Arabic, right to left', { width: 360, attrs: { locale: 'ar' }, container: { dir: 'rtl', lang: 'ar' } }],
  ] as const) {
    it(`no white space with a line break is drawn (${what}): chart, detail, list`, async () => {
      const element = await storyTimeline(options);
      expect(drawnLineBreaks(element), 'the chart').to.deep.equal([]);
      const first = shadow(element).querySelector<HTMLElement>('.lane .mark[data-event-id]')!;
      first.click();
      await settle(element);
      expect(shadow(element).querySelector('.detail'), 'the detail is open').to.exist;
      expect(drawnLineBreaks(element), 'the detail').to.deep.equal([]);
      shadow(element).querySelector<HTMLElement>('[data-action="list"]')!.click();
      await settle(element);
      expect(shadow(element).querySelector('.list li'), 'the list is open').to.exist;
      expect(drawnLineBreaks(element), 'the list').to.deep.equal([]);
    });
  }
});
