import { expect } from '@open-wc/testing';
import type { NewsTimeline } from '../../src/news-timeline.js';
import { shadow, SMALL, storyTimeline, until, redrawn } from '../helpers.js';

// The bundle drops the white space that holds a line break between the tags of a template (see
// rollup.config.mjs). Here the templates run as written: none of that white space may take room,
// or the source and the bundle would draw the page differently. A mark holds no more nodes than
// it needs (its shape, an SVG of one path), in the source and in the bundle.

const BUNDLE = new URL('../../dist/news-timeline.iife.js', import.meta.url).href;

/** What the marks drawn as a shape hold other than their SVG of one path, what labels hold other than their lines, and white space drawn as nothing. */
function strayNodes(root: ShadowRoot): string[] {
  const stray: string[] = [];
  for (const mark of root.querySelectorAll<HTMLElement>('.lane .mark[data-event-id]:not(.span)')) {
    const nodes = [...mark.childNodes];
    const svg = nodes[0] as Element | undefined;
    const shape = nodes.length === 1 && svg?.localName === 'svg' && svg.childNodes.length === 1 && svg.firstChild!.nodeName === 'path';
    if (!shape) stray.push(`mark ${mark.dataset.eventId}: ${nodes.map((node) => node.nodeName).join(' ')}`);
  }
  for (const label of root.querySelectorAll<HTMLElement>('.lane .label')) {
    // One element per line, each holding its text alone.
    if ([...label.childNodes].some((node) => node.nodeName !== 'BDI' || node.childNodes.length !== 1 || node.firstChild!.nodeType !== Node.TEXT_NODE)) {
      stray.push(`label ${label.dataset.labelFor}`);
    }
  }
  // White space alone that is drawn as nothing (a space between two words is drawn).
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = root.ownerDocument.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // (Inside what is not drawn now, such as a title shown on focus, nothing can be told.)
    if ((node as Text).data.replace(/[ \t\n\r]/g, '') || !node.parentElement!.getClientRects().length) continue;
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some((rect) => rect.width > 0)) stray.push(`white space in ${node.parentElement!.localName}.${node.parentElement!.className}`);
  }
  return stray;
}

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

describe('views: templates', () => {
  it('a mark holds its shape alone, a label its lines alone (source)', async () => {
    const element = await storyTimeline({ width: 1000 });
    const root = shadow(element);
    expect(root.querySelectorAll('.lane .mark svg.shape').length).to.be.above(20);
    expect(root.querySelectorAll('.lane .label').length).to.be.above(10);
    // The templates as written keep their line breaks: only what is inside the marks and labels counts here.
    expect(strayNodes(root).filter((what) => !what.startsWith('white space'))).to.deep.equal([]);
  });

  it('in the bundle, a mark holds its shape alone, a label its lines alone, and no white space is left that is drawn as nothing', async () => {
    const iframe = document.createElement('iframe');
    iframe.style.cssText = 'width:1000px;height:700px;border:0';
    const ready = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    iframe.srcdoc = `<!doctype html><html><head><meta charset="utf-8"><script src="${BUNDLE}"></script></head><body><news-timeline src="${SMALL}"></news-timeline></body></html>`;
    document.body.append(iframe);
    try {
      await ready;
      const element = iframe.contentDocument!.querySelector('news-timeline')!;
      await until(() => (element.shadowRoot?.querySelectorAll('.lane .mark').length ?? 0) > 0, 'the bundle to draw its marks');
      expect(strayNodes(element.shadowRoot!)).to.deep.equal([]);
    } finally {
      iframe.remove();
    }
  });

  it("each type's marks take its shape, as its legend entry shows it; a key moment's is larger", async () => {
    const element = await storyTimeline({ width: 1000 });
    const root = shadow(element);
    const byType = new Map<string, string>();
    for (const lane of root.querySelectorAll<HTMLElement>('.lane')) {
      const legend = root.querySelector(`[data-legend-type="${lane.dataset.lane}"] .swatch path`)!.getAttribute('d')!;
      for (const path of lane.querySelectorAll('.mark .shape path')) expect(path.getAttribute('d'), lane.dataset.lane).to.equal(legend);
      byType.set(lane.dataset.lane!, legend);
    }
    expect(new Set(byType.values()).size).to.equal(byType.size);
    const plain = root.querySelector('.lane .mark:not(.milestone):not(.group) .shape')!;
    const key = root.querySelector('.lane .mark.milestone .shape')!;
    expect(key.getBoundingClientRect().width).to.equal(20);
    expect(plain.getBoundingClientRect().width).to.equal(16);
  });

  for (const [what, options] of [
    ['wide, English', { width: 1000 }],
    ['on a phone, Arabic, right to left', { width: 360, attrs: { locale: 'ar' }, container: { dir: 'rtl', lang: 'ar' } }],
  ] as const) {
    it(`no white space with a line break is drawn (${what}): chart, detail, list`, async () => {
      const element = await storyTimeline(options);
      expect(drawnLineBreaks(element), 'the chart').to.deep.equal([]);
      const first = shadow(element).querySelector<HTMLElement>('.lane .mark[data-event-id]')!;
      first.click();
      await redrawn(element);
      expect(shadow(element).querySelector('.detail'), 'the detail is open').to.exist;
      expect(drawnLineBreaks(element), 'the detail').to.deep.equal([]);
      shadow(element).querySelector<HTMLElement>('[data-action="list"]')!.click();
      await redrawn(element);
      expect(shadow(element).querySelector('.list li'), 'the list is open').to.exist;
      expect(drawnLineBreaks(element), 'the list').to.deep.equal([]);
    });
  }
});
