import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { NewsTimeline } from '../src/news-timeline.js';
import { SMALL, frames, loadedTimeline, mark, marks, shadow, wait } from './helpers.js';
import { STRINGS, type Strings } from '../src/i18n/strings.js';

// The widget lives in pages nobody here controls: their global rules must not reach its drawing,
// several instances must not share state, and any order of script and element must work.

/** The global rules of a hostile page, and inherited properties that would leak into the widget. */
const HOSTILE = `
  * { all: unset; box-sizing: content-box; font: 30px serif !important; line-height: 5 }
  svg { width: 500px !important; height: 500px; fill: red }
  button { background: red !important; padding: 40px; display: block }
  a { display: none }
  body {
    text-transform: uppercase; letter-spacing: 0.3em; word-spacing: 1em; text-align: center;
    text-shadow: 2px 2px 0 orange; font-style: italic; white-space: pre; color: rgb(107, 0, 0);
  }
`;

const BUNDLE = new URL('../dist/news-timeline.iife.js', import.meta.url).href;
const MODULE = new URL('../dist/news-timeline.js', import.meta.url).href;

let hostile: HTMLStyleElement | undefined;
let frame: HTMLIFrameElement | undefined;

afterEach(() => {
  hostile?.remove();
  hostile = undefined;
  frame?.remove();
  frame = undefined;
});

function addHostileStyles(): void {
  hostile = document.createElement('style');
  hostile.textContent = HOSTILE;
  document.head.append(hostile);
}

/** Waits for the element to see its new size and draw again. */
async function settle(element: NewsTimeline): Promise<void> {
  await frames(3);
  await element.updateComplete;
  await frames(2);
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Geometry of the drawing, relative to the block that holds the element. */
function geometry(element: NewsTimeline, container: HTMLElement) {
  const origin = container.getBoundingClientRect();
  const box = (node: Element): Box => {
    const rect = node.getBoundingClientRect();
    return {
      left: Math.round(rect.left - origin.left),
      top: Math.round(rect.top - origin.top),
      width: Math.round(rect.width),
      height: Math.round(rect.height),
    };
  };
  const root = shadow(element);
  return {
    marks: Object.fromEntries(marks(element).map((node) => [node.dataset.eventId ?? node.dataset.clusterKey, box(node)])),
    shapes: [...root.querySelectorAll('[data-event-id] svg')].map((node) => box(node)),
    toolbar: box(root.querySelector('.toolbar')!),
    controls: [...root.querySelectorAll('.controls button')].map((node) => box(node)),
    plot: box(root.querySelector('.plot')!),
  };
}

/** A timeline in a block of a fixed width, with the page font given. */
async function timelineIn(font = 'serif'): Promise<{ element: NewsTimeline; container: HTMLElement }> {
  const element = await loadedTimeline(SMALL, 1000);
  const container = element.parentElement!;
  // Inline styles, so that the hostile `all: unset` leaves the page's own layout alone.
  container.style.cssText = `display:block;width:1000px;font-family:${font}`;
  await settle(element);
  return { element, container };
}

describe('isolation: a hostile page', () => {
  it('keeps the marks, their shapes, the controls and the toolbar where and as big as they were', async () => {
    const { element, container } = await timelineIn();
    const before = geometry(element, container);
    expect(Object.keys(before.marks)).to.have.length.greaterThan(3);
    expect(before.shapes[0].width).to.equal(16);

    addHostileStyles();
    await settle(element);
    const after = geometry(element, container);
    expect(after.marks).to.deep.equal(before.marks);
    expect(after.shapes).to.deep.equal(before.shapes);
    expect(after.controls).to.deep.equal(before.controls);
    expect(after.toolbar.height).to.equal(before.toolbar.height);
    expect(after.plot).to.deep.equal(before.plot);
  });

  it('keeps its own type: size, line height, case, spacing, alignment, shadows', async () => {
    const { element } = await timelineIn();
    addHostileStyles();
    await settle(element);
    const title = getComputedStyle(shadow(element).querySelector('.title')!);
    expect(title.fontSize).to.equal('15px');
    expect(title.fontStyle).to.equal('normal');
    expect(title.textTransform).to.equal('none');
    expect(title.letterSpacing).to.equal('normal');
    expect(title.wordSpacing).to.equal('0px');
    expect(title.textShadow).to.equal('none');
    expect(title.whiteSpace).to.equal('normal');
    expect(title.textAlign).to.equal('left');
    const label = getComputedStyle(shadow(element).querySelector('.lane-label')!);
    expect(parseFloat(label.lineHeight)).to.be.below(20);
  });

  it('keeps its own buttons, icons and source links', async () => {
    const { element } = await timelineIn();
    addHostileStyles();
    element.select('talks-doha');
    await settle(element);
    const button = shadow(element).querySelector<HTMLElement>('.controls button')!;
    expect(getComputedStyle(button).backgroundColor).not.to.equal('rgb(255, 0, 0)');
    expect(getComputedStyle(button).paddingTop).not.to.equal('40px');
    const icon = button.querySelector('svg')!;
    expect(icon.getBoundingClientRect().width).to.equal(16);
    expect(getComputedStyle(mark(element, 'deal').querySelector('svg')!).fill).not.to.equal('rgb(255, 0, 0)');
    const link = shadow(element).querySelector<HTMLAnchorElement>('[part="detail"] a')!;
    expect(getComputedStyle(link).display).not.to.equal('none');
    expect(link.getBoundingClientRect().height).to.be.greaterThan(10);
  });
});

describe('isolation: fonts', () => {
  it('inherits the page font by default', async () => {
    const { element } = await timelineIn('"Courier New", monospace');
    for (const selector of ['.title', '.lane-label', '.tick', '.controls button']) {
      const node = shadow(element).querySelector(selector)!;
      expect(getComputedStyle(node).fontFamily, selector).to.equal('"Courier New", monospace');
    }
  });

  it('uses --nt-font over the page font', async () => {
    const { element } = await timelineIn('"Courier New", monospace');
    element.style.setProperty('--nt-font', 'Verdana, sans-serif');
    await settle(element);
    expect(getComputedStyle(shadow(element).querySelector('.title')!).fontFamily).to.equal('Verdana, sans-serif');
  });
});

const OTHER = {
  title: 'Another story',
  events: [
    { id: 'b-1', type: 'talks', date: '2020-03-01', title: 'First meeting', sources: [{ url: 'https://example.com/b1' }] },
    { id: 'b-2', type: 'proposal', date: '2020-06-15', title: 'A plan', sources: [{ url: 'https://example.com/b2' }] },
    { id: 'b-3', type: 'talks', date: '2020-09-30', title: 'Second meeting', sources: [{ url: 'https://example.com/b3' }] },
  ],
};

describe('isolation: several instances on one page', () => {
  async function two(): Promise<[NewsTimeline, NewsTimeline]> {
    const container = await fixture<HTMLDivElement>(html`<div style="width:900px">
      <news-timeline id="a" src=${SMALL}></news-timeline>
      <news-timeline id="b"></news-timeline>
    </div>`);
    const a = container.querySelector<NewsTimeline>('#a')!;
    const b = container.querySelector<NewsTimeline>('#b')!;
    b.data = OTHER;
    const stop = performance.now() + 15_000;
    while (!(a.events.length && b.events.length && marks(a).length && marks(b).length)) {
      if (performance.now() > stop) throw new Error('the two timelines did not load');
      await wait(25);
    }
    await Promise.all([a.updateComplete, b.updateComplete]);
    return [a, b];
  }

  it('each draws its own data', async () => {
    const [a, b] = await two();
    expect(a.events.map((event) => event.id)).to.include('deal').and.not.include('b-1');
    expect(b.events.map((event) => event.id)).to.deep.equal(['b-1', 'b-2', 'b-3']);
    expect(marks(b).map((node) => node.dataset.eventId)).to.have.members(['b-1', 'b-2', 'b-3']);
    expect(shadow(b).querySelector('.title')!.textContent).to.equal('Another story');
  });

  it('each keeps its own selection', async () => {
    const [a, b] = await two();
    const heardByB: string[] = [];
    b.addEventListener('timeline-select', (event) => heardByB.push(String(event.detail.id)));
    mark(a, 'deal').click();
    await a.updateComplete;
    expect(a.selected).to.equal('deal');
    expect(b.selected).to.equal(null);
    expect(shadow(b).querySelector('[part="detail"]')).to.equal(null);
    b.select('b-2');
    await b.updateComplete;
    expect(a.selected).to.equal('deal');
    expect(shadow(a).querySelector('[part="detail"] h2')!.textContent).to.equal('Agreement signed');
    expect(shadow(b).querySelector('[part="detail"] h2')!.textContent).to.equal('A plan');
    expect(heardByB).to.deep.equal(['b-2']);
  });

  it('each keeps its own zoom', async () => {
    const [a, b] = await two();
    const bView = { start: +b.view.start, end: +b.view.end };
    const aSpan = +a.view.end - +a.view.start;
    const zoomedA = oneEvent(a, 'timeline-zoom');
    a.zoomTo('2024-03-01', '2024-04-01');
    await zoomedA;
    expect(+a.view.end - +a.view.start).to.be.below(aSpan / 4);
    expect({ start: +b.view.start, end: +b.view.end }).to.deep.equal(bView);
    const aView = { start: +a.view.start, end: +a.view.end };
    const zoomedB = oneEvent(b, 'timeline-zoom');
    b.zoomIn();
    await zoomedB;
    expect(+b.view.end - +b.view.start).to.be.below(bView.end - bView.start);
    expect({ start: +a.view.start, end: +a.view.end }).to.deep.equal(aView);
  });
});

describe('isolation: however the element is created', () => {
  it('works from document.createElement with properties set before it is attached', async () => {
    const container = await fixture<HTMLDivElement>(html`<div style="width:800px"></div>`);
    const element = document.createElement('news-timeline');
    element.src = SMALL;
    element.locale = 'fr';
    element.selected = 'deal';
    const loaded = oneEvent(element, 'timeline-load');
    container.append(element);
    await loaded;
    await element.updateComplete;
    expect(element.events).to.have.length(6);
    expect(shadow(element).querySelector('[part="detail"] h2')!.textContent).to.equal('Agreement signed');
    expect(shadow(element).querySelector('[part="detail"] .meta')!.textContent).to.contain('novembre 2024');
  });

  it('works from innerHTML, with data from an attribute or an inline script', async () => {
    const container = await fixture<HTMLDivElement>(html`<div style="width:800px"></div>`);
    container.innerHTML = `<news-timeline src="${SMALL}"></news-timeline>
      <news-timeline><script type="application/json">${JSON.stringify(OTHER)}</script></news-timeline>`;
    const [first, second] = container.querySelectorAll('news-timeline');
    await Promise.all([oneEvent(first, 'timeline-load'), oneEvent(second, 'timeline-load')]);
    expect(first.events).to.have.length(6);
    expect(second.events.map((event) => event.id)).to.deep.equal(['b-1', 'b-2', 'b-3']);
  });
});

describe('isolation: script and element in any order (classic script bundle)', () => {
  /** A fresh page in an iframe, so that the element is not yet defined there. */
  async function page(body: string, head = ''): Promise<{ win: Window & typeof globalThis; doc: Document; errors: string[] }> {
    const iframe = document.createElement('iframe');
    iframe.style.cssText = 'width:900px;height:700px;border:0';
    frame = iframe;
    const ready = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    iframe.srcdoc = `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
    document.body.append(iframe);
    await ready;
    const win = iframe.contentWindow as Window & typeof globalThis;
    const errors: string[] = [];
    win.addEventListener('error', (event) => errors.push(event.message));
    return { win, doc: iframe.contentDocument!, errors };
  }

  async function drawnIn(doc: Document, selector = 'news-timeline'): Promise<NewsTimeline> {
    const stop = performance.now() + 15_000;
    for (;;) {
      const element = doc.querySelector(selector) as NewsTimeline | null;
      if ((element?.shadowRoot?.querySelectorAll('[data-event-id]').length ?? 0) > 0) return element!;
      if (performance.now() > stop) throw new Error(`${selector} was not drawn`);
      await wait(25);
    }
  }

  function addScript(doc: Document, src: string, module = false): Promise<unknown> {
    const script = doc.createElement('script');
    if (module) script.type = 'module';
    script.src = src;
    const done = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', reject, { once: true });
    });
    doc.head.append(script);
    return done;
  }

  it('script in <head>, before the element exists', async () => {
    const { doc } = await page(`<news-timeline src="${SMALL}"></news-timeline>`, `<script src="${BUNDLE}"></script>`);
    const element = await drawnIn(doc);
    expect(element.events).to.have.length(6);
  });

  it('script in <head>, with the data inline in the element', async () => {
    const inline = `<news-timeline><script type="application/json">${JSON.stringify(OTHER)}</script></news-timeline>`;
    const { doc } = await page(inline, `<script src="${BUNDLE}"></script>`);
    const element = await drawnIn(doc);
    expect(element.events.map((event) => event.id)).to.deep.equal(['b-1', 'b-2', 'b-3']);
  });

  it('script after the element', async () => {
    const { doc } = await page(`<news-timeline src="${SMALL}"></news-timeline><script src="${BUNDLE}"></script>`);
    const element = await drawnIn(doc);
    expect(element.events).to.have.length(6);
  });

  it('script added later, to an element that already has properties set', async () => {
    const { doc, win } = await page(`<news-timeline id="later"></news-timeline>`);
    const element = doc.querySelector('#later') as NewsTimeline;
    expect(win.customElements.get('news-timeline')).to.equal(undefined);
    // A CMS script may set properties before the bundle has defined the element.
    (element as unknown as Record<string, unknown>).src = SMALL;
    element.setAttribute('selected', 'deal');
    await addScript(doc, BUNDLE);
    const drawn = await drawnIn(doc, '#later');
    expect(drawn.events).to.have.length(6);
    expect(drawn.src).to.equal(SMALL);
    await drawn.updateComplete;
    expect(drawn.shadowRoot!.querySelector('[part="detail"] h2')!.textContent).to.equal('Agreement signed');
  });

  it('element created by script in a page that has loaded the bundle', async () => {
    const { doc } = await page('<div id="slot" style="width:700px"></div>', `<script src="${BUNDLE}"></script>`);
    const element = doc.createElement('news-timeline') as NewsTimeline;
    element.id = 'made';
    element.data = OTHER;
    doc.querySelector('#slot')!.append(element);
    const drawn = await drawnIn(doc, '#made');
    expect(drawn.events.map((event) => event.id)).to.deep.equal(['b-1', 'b-2', 'b-3']);
  });

  it('zooms and pans as the source does: buttons (animated), Ctrl + wheel, double-click, drag, keys', async () => {
    // The bundles leave out the parts of d3 nobody calls: what the zoom behaviour does calls none of them.
    const { doc, win, errors } = await page(`<div style="width:800px"><news-timeline src="${SMALL}"></news-timeline></div>`, `<script src="${BUNDLE}"></script>`);
    const element = await drawnIn(doc);
    const root = element.shadowRoot!;
    const plot = root.querySelector<HTMLElement>('.plot')!;
    const span = () => +element.view.end - +element.view.start;
    const zoomEnd = () => new Promise((resolve) => element.addEventListener('timeline-zoom', resolve, { once: true }));
    const full = span();

    let ended = zoomEnd();
    root.querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
    await ended;
    const zoomedIn = span();
    expect(zoomedIn).to.be.below(full);

    const box = plot.getBoundingClientRect();
    const at = { clientX: box.left + box.width / 2, clientY: box.top + 40, view: win, bubbles: true, composed: true, cancelable: true };
    ended = zoomEnd();
    plot.dispatchEvent(new win.WheelEvent('wheel', { ...at, deltaY: -200, ctrlKey: true }));
    await ended;
    expect(span()).to.be.below(zoomedIn);

    const beforeDouble = span();
    ended = zoomEnd();
    plot.dispatchEvent(new win.MouseEvent('dblclick', at));
    await ended;
    expect(span()).to.be.below(beforeDouble);

    const startBefore = +element.view.start;
    ended = zoomEnd();
    plot.dispatchEvent(new win.MouseEvent('mousedown', { ...at, button: 0 }));
    win.dispatchEvent(new win.MouseEvent('mousemove', { ...at, clientX: at.clientX + 120 }));
    win.dispatchEvent(new win.MouseEvent('mouseup', { ...at, clientX: at.clientX + 120 }));
    await ended;
    expect(+element.view.start).to.be.below(startBefore);

    ended = zoomEnd();
    element.resetZoom();
    await ended;
    expect(span()).to.equal(full);
    expect(errors).to.deep.equal([]);
  });

  it('speaks each of the seven languages, with the same words as the source', async () => {
    // The bundles hold the phrases in a compact form of their own (rollup.config.mjs).
    const locales = ['en', 'ar', 'he', 'fr', 'es', 'de', 'tr'] as const;
    const body = locales
      .map((locale) => `<news-timeline id="ok-${locale}" locale="${locale}" src="${SMALL}"></news-timeline><news-timeline id="no-${locale}" locale="${locale}" src="/no-such-file.json"></news-timeline>`)
      .join('');
    const { doc } = await page(body, `<script src="${BUNDLE}"></script>`);
    for (const locale of locales) {
      const words = STRINGS[locale] as Strings;
      const drawn = (await drawnIn(doc, `#ok-${locale}`)).shadowRoot!;
      const label = (action: string) => drawn.querySelector(`[data-action="${action}"]`)!.getAttribute('title');
      expect([label('zoom-in'), label('zoom-out'), label('fit'), label('list')], locale).to.deep.equal([words.zoomIn, words.zoomOut, words.fitAll, words.listView]);
      const failed = doc.querySelector(`#no-${locale}`)!;
      const stop = performance.now() + 15_000;
      while (!failed.shadowRoot?.querySelector('[part="error"]') && performance.now() < stop) await wait(25);
      expect(failed.shadowRoot!.querySelector('[part="error"]')!.textContent, locale).to.contain(words.errorTitle);
    }
  });

  it('loading the classic bundle twice and the module bundle too throws nothing', async () => {
    const { doc, errors } = await page(`<news-timeline src="${SMALL}"></news-timeline>`, `<script src="${BUNDLE}"></script>`);
    await addScript(doc, BUNDLE);
    await addScript(doc, MODULE, true);
    const element = await drawnIn(doc);
    expect(element.events).to.have.length(6);
    expect(errors).to.deep.equal([]);
  });
});
