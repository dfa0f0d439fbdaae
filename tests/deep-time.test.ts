import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import type { NewsTimeline } from '../src/news-timeline.js';
import { frames, liveRegion, settled, shadow } from './helpers.js';

// Stories whose dates reach the ends of what a JavaScript Date holds, or far beyond them, in
// every language the widget speaks: they draw, zoom and say their dates, and never throw.

const CORPUS = new URL('./fixtures/corpus/', import.meta.url).href;
const SOURCE = [{ url: 'https://example.com/x' }];
const LANGUAGES = ['en', 'ar', 'he', 'fr', 'es', 'de', 'tr'];
/** The first and the last instant a Date holds. */
const EARLIEST = -8.64e15;
const LATEST = 8.64e15;

interface Outcome {
  element: NewsTimeline;
  /** `load` or `error`, whichever came; `none` when neither came in time. */
  ended: 'load' | 'error' | 'none';
  /** Errors the page saw while loading (uncaught exceptions and rejections). */
  errors: string[];
}

/** Watches the page for uncaught errors while `run` goes on. */
async function watchErrors<T>(run: () => Promise<T>): Promise<{ value: T; errors: string[] }> {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    const value = await run();
    return { value, errors };
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}

/** A timeline given `data` (or `src`), settled on its load or its error, whichever comes. */
async function mount(
  input: { data?: unknown; src?: string; strings?: NewsTimeline['strings'] },
  attrs: Record<string, string> = {},
  width = 1000,
): Promise<Outcome> {
  const { value, errors } = await watchErrors(async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.style.width = `${width}px`;
    const element = document.createElement('news-timeline');
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    if (input.strings) element.strings = input.strings;
    const ended = new Promise<'load' | 'error' | 'none'>((resolve) => {
      element.addEventListener('timeline-load', () => resolve('load'));
      element.addEventListener('timeline-error', () => resolve('error'));
      setTimeout(() => resolve('none'), 4000);
    });
    if (input.data !== undefined) element.data = input.data;
    else element.src = input.src!;
    container.append(element);
    const how = await ended;
    await element.updateComplete.catch(() => undefined);
    await frames(2);
    return { element, ended: how };
  });
  return { ...value, errors };
}

/** Native events of type talks, one per date. */
function story(dates: Record<string, string>): unknown[] {
  return Object.entries(dates).map(([id, date]) => ({ id, type: 'talks', date, title: `Event ${id}`, sources: SOURCE }));
}

/** Every attribute in the shadow root that says NaN, Infinity or Invalid Date. */
function badAttributes(element: NewsTimeline): string[] {
  const found: string[] = [];
  for (const node of shadow(element).querySelectorAll('*')) {
    for (const attribute of node.attributes) {
      if (/NaN|Infinity|Invalid Date/.test(attribute.value)) found.push(`${node.localName}[${attribute.name}="${attribute.value}"]`);
    }
  }
  return found;
}

function ticks(element: NewsTimeline): string[] {
  return [...shadow(element).querySelectorAll('.axis .tick')].map((tick) => tick.textContent!.trim()).filter(Boolean);
}

function markX(element: NewsTimeline, id: string): number {
  const node = shadow(element).querySelector<HTMLElement>(`[data-event-id="${id}"]`);
  if (!node) throw new Error(`no mark for ${id}`);
  const box = node.getBoundingClientRect();
  return box.left + box.width / 2;
}

/**
 * The element's `view` is two valid Dates in order. (A window wholly before the first instant a
 * Date holds has that instant at both ends: the nearest Dates.)
 */
function validView(element: NewsTimeline): boolean {
  const { start, end } = element.view;
  return start instanceof Date && end instanceof Date && Number.isFinite(+start) && Number.isFinite(+end) && +start <= +end;
}

async function openList(element: NewsTimeline): Promise<HTMLElement> {
  shadow(element).querySelector<HTMLButtonElement>('[data-action="list"]')!.click();
  await element.updateComplete;
  return shadow(element).querySelector<HTMLElement>('[part="list"]')!;
}

function listDate(list: HTMLElement, id: string): string {
  return list.querySelector(`[data-list-id="${id}"] time`)!.textContent!.trim();
}

/** How `locale` writes the era of years before 1 (its short form), as Intl knows it. */
function bceEra(locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', era: 'short', timeZone: 'UTC', calendar: 'gregory' }).formatToParts(
    new Date(Date.UTC(-43, 2, 15)),
  );
  return parts.find((part) => part.type === 'era')!.value;
}

/** Zooms in `times` times with the zoom-in button's method, each step drawn before the next. */
async function zoomInSteps(element: NewsTimeline, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    element.zoomIn();
    await element.updateComplete;
    await frames(1);
  }
  await settled(element, 0);
}

// Zooms apply at once, without animation: many steps of them stay quick.
before(() => emulateMedia({ reducedMotion: 'reduce' }));
after(() => emulateMedia({ reducedMotion: 'no-preference' }));

describe('deep time: a story beyond the years a Date holds draws on a scale of years', () => {
  it('the Big Bang, early humans and the Moon landing: drawn apart, the axis in billions of years ago', async () => {
    const { element, ended, errors } = await mount({ src: `${CORPUS}tljs-cosmology.json` });
    expect(ended).to.equal('load');
    expect(errors).to.deep.equal([]);
    expect(validView(element)).to.equal(true);
    // Far before any instant a Date holds, the window's start is the earliest one it does hold.
    expect(+element.view.start).to.equal(EARLIEST);
    const labels = ticks(element);
    expect(labels.some((label) => /billion years ago/.test(label)), labels.join(' | ')).to.equal(true);
    // 13.8 billion years ago lies at the start; 300,000 years ago and 1969 are together at the end.
    const marks = [...shadow(element).querySelectorAll<HTMLElement>('[data-event-id],[data-cluster-count]')];
    const xs = marks.map((node) => node.getBoundingClientRect().left);
    expect(Math.max(...xs) - Math.min(...xs)).to.be.above(600);
    expect(badAttributes(element)).to.deep.equal([]);
  });

  it('says the far years in words in the list and the detail', async () => {
    const { element } = await mount({ src: `${CORPUS}tljs-cosmology.json` });
    const [bang, humans] = element.events;
    const list = await openList(element);
    expect(listDate(list, bang.id)).to.equal('13.8 billion years ago');
    expect(listDate(list, humans.id)).to.equal('300,000 BC');
    shadow(element).querySelector<HTMLButtonElement>('[data-action="list"]')!.click();
    element.select(bang.id);
    await element.updateComplete;
    const detail = shadow(element).querySelector('[part="detail"]')!;
    expect(detail.querySelector('time')!.textContent!.trim()).to.equal('13.8 billion years ago');
    expect(liveRegion(element).textContent).to.contain('13.8 billion years ago');
  });

  it('300,000 years ago beside 1969: two marks far apart, the axis in years of the era', async () => {
    const { element, ended, errors } = await mount({ data: story({ early: '-300000', moon: '1969-07-20' }) });
    expect(ended).to.equal('load');
    expect(errors).to.deep.equal([]);
    expect(validView(element)).to.equal(true);
    expect(markX(element, 'moon') - markX(element, 'early')).to.be.above(600);
    const labels = ticks(element);
    expect(labels, labels.join(' | ')).to.include('300,000 BC');
    for (const label of labels) expect(label).to.match(/\d/);
    expect(badAttributes(element)).to.deep.equal([]);
  });

  it('zooms in and out of deep time without an error: the window stays a time range, the axis changes scale', async () => {
    const { element } = await mount({ src: `${CORPUS}tljs-cosmology.json` });
    const { errors } = await watchErrors(async () => {
      for (let i = 0; i < 8; i++) {
        await zoomInSteps(element, 5);
        expect(validView(element)).to.equal(true);
        expect(badAttributes(element)).to.deep.equal([]);
        expect(ticks(element).length).to.be.above(0);
      }
      element.resetZoom();
      await settled(element, 0);
      expect(ticks(element).some((label) => /billion years ago/.test(label))).to.equal(true);
    });
    expect(errors).to.deep.equal([]);
  });

  it('the axis speaks French, and takes the page’s own words for years ago', async () => {
    const french = await mount({ src: `${CORPUS}tljs-cosmology.json` }, { locale: 'fr' });
    expect(ticks(french.element).join(' | ')).to.match(/il y a \d+ milliards d’années/);
    const own = await mount({ src: `${CORPUS}tljs-cosmology.json`, strings: { yearsAgoLarge: '{years} years before present' } });
    expect(ticks(own.element).join(' | ')).to.contain('billion years before present');
  });

  it('zoomTo a window of Dates inside a deep-time story shows it', async () => {
    const { element } = await mount({ src: `${CORPUS}tljs-cosmology.json` });
    element.zoomTo('1969-01-01', '1970-01-01');
    await settled(element);
    expect(element.view.start.toISOString().slice(0, 4)).to.equal('1969');
    expect(element.view.end.toISOString().slice(0, 4)).to.equal('1970');
    expect(ticks(element).join(' ')).to.match(/Jul/);
    expect(shadow(element).querySelector('[data-event-id]')).to.not.equal(null);
  });
});

describe('eras: every date before year 1 says its era', () => {
  const romans = {
    events: [
      { unique_id: 'bronze', start_date: { year: '-1500' }, text: { headline: 'Late Bronze Age cities' }, media: { url: 'https://example.com/a' } },
      { unique_id: 'ides', start_date: { year: '-44', month: '3', day: '15' }, text: { headline: 'Caesar is killed' }, media: { url: 'https://example.com/b' } },
      { unique_id: 'augustus', start_date: { year: '14', month: '8', day: '19' }, text: { headline: 'Augustus dies' }, media: { url: 'https://example.com/c' } },
    ],
  };

  it('in English: the list, the detail and the announcement say "44 BC", and -1500 is 1500 BC', async () => {
    const { element } = await mount({ data: romans });
    const list = await openList(element);
    expect(listDate(list, 'ides')).to.equal('March 15, 44 BC');
    expect(listDate(list, 'bronze')).to.equal('1500 BC');
    expect(listDate(list, 'augustus')).to.equal('August 19, 14');
    shadow(element).querySelector<HTMLButtonElement>('[data-action="list"]')!.click();
    element.select('ides');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="detail"] time')!.textContent!.trim()).to.equal('March 15, 44 BC');
    expect(liveRegion(element).textContent).to.contain('March 15, 44 BC');
  });

  it('the axis of the whole story gives years before 1 with their era, never "1501"', async () => {
    const { element } = await mount({ data: romans });
    const labels = ticks(element);
    expect(labels.join(' | ')).to.contain(' BC');
    expect(labels.join(' | ')).to.not.match(/\b1501\b/);
    for (const label of labels) if (/^\d+$/.test(label)) expect(Number(label)).to.be.below(1000);
  });

  it('the axis around 44 BC reads 45 BC … 44 BC', async () => {
    const { element } = await mount({ data: romans });
    element.zoomTo('-000044-03-01', '-000043-09-01');
    await settled(element);
    const text = ticks(element).join(' | ');
    expect(text).to.contain('45 BC');
    expect(text).to.contain('44 BC');
    // No year without its era.
    expect(text).to.not.match(/(^|\| )4[456]( \||$)/);
  });

  it('in Arabic: the era in the list, the detail and the axis', async () => {
    const { element } = await mount({ data: romans }, { locale: 'ar' });
    const era = bceEra('ar');
    const list = await openList(element);
    expect(listDate(list, 'ides')).to.contain(era);
    expect(listDate(list, 'augustus')).to.not.contain(era);
    shadow(element).querySelector<HTMLButtonElement>('[data-action="list"]')!.click();
    element.select('ides');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="detail"] time')!.textContent).to.contain(era);
    element.zoomTo('-000044-03-01', '-000043-09-01');
    await settled(element);
    expect(ticks(element).join(' ')).to.contain(era);
  });

  for (const locale of LANGUAGES) {
    it(`in ${locale}: 15 March 44 BC carries the era of the language`, async () => {
      const { element } = await mount({ data: romans }, { locale });
      const list = await openList(element);
      const text = listDate(list, 'ides');
      expect(text).to.contain(bceEra(locale));
      expect(text).to.contain(new Intl.NumberFormat(locale).format(44));
      expect(text).to.not.contain(new Intl.NumberFormat(locale).format(45));
    });
  }
});

describe('dates at the edges of what a Date holds', () => {
  it('years -271821 and -271820 side by side load and draw, in order', async () => {
    const { element, ended, errors } = await mount({ data: story({ before: '-271821', after: '-271820' }) });
    expect(errors).to.deep.equal([]);
    expect(ended).to.equal('load');
    expect(element.events.map((event) => event.id)).to.deep.equal(['before', 'after']);
    expect(validView(element)).to.equal(true);
    expect(shadow(element).querySelectorAll('[data-event-id],[data-cluster-count]').length).to.be.above(0);
    expect(badAttributes(element)).to.deep.equal([]);
    // The zoom goes down to single years there, with no error.
    const zoomed = await watchErrors(() => zoomInSteps(element, 12));
    expect(zoomed.errors).to.deep.equal([]);
    expect(validView(element)).to.equal(true);
    expect(badAttributes(element)).to.deep.equal([]);
  });

  it('year 275759 beside 2024: a valid window, an axis, both drawn, and zoomTo comes back to 2024', async () => {
    const { element, ended, errors } = await mount({ data: story({ now: '2024-05-01', far: '+275759' }) });
    expect(errors).to.deep.equal([]);
    expect(ended).to.equal('load');
    expect(validView(element)).to.equal(true);
    expect(+element.view.end).to.equal(LATEST);
    expect(shadow(element).querySelectorAll('[data-event-id],[data-cluster-count]').length).to.equal(2);
    // 270,000 years across: the axis marks them.
    expect(ticks(element).length, ticks(element).join(' | ')).to.be.above(2);
    expect(badAttributes(element)).to.deep.equal([]);
    element.zoomTo('2024-01-01', '2024-12-31');
    await settled(element);
    expect(element.view.start.toISOString().slice(0, 10)).to.equal('2024-01-01');
    expect(element.view.end.toISOString().slice(0, 10)).to.equal('2024-12-31');
    expect(shadow(element).querySelector('[data-event-id="now"]')).to.not.equal(null);
  });

  it('year 275760, the first past the last Date, beside 2024: drawn, after 275759', async () => {
    const { element, ended, errors } = await mount({ data: story({ now: '2024-05-01', last: '+275759', beyond: '+275760' }) });
    expect(errors).to.deep.equal([]);
    expect(ended).to.equal('load');
    expect(element.events.map((event) => event.id)).to.deep.equal(['now', 'last', 'beyond']);
    element.zoomTo('+275755', '+275762');
    await settled(element);
    expect(markX(element, 'beyond')).to.be.above(markX(element, 'last'));
    expect(badAttributes(element)).to.deep.equal([]);
  });

  for (const locale of ['zh-u-ca-chinese', 'ko-u-ca-dangi']) {
    it(`locale="${locale}": zooming in at the first and the last years a Date holds and past them keeps an axis, in Gregorian years with their era`, async () => {
      const dates = { first: '-271821', second: '-271820', now: '2024', last: '+275759', beyond: '+275760' };
      const { element, ended, errors } = await mount({ data: story(dates) }, { locale });
      expect(errors).to.deep.equal([]);
      expect(ended).to.equal('load');
      expect(shadow(element).querySelectorAll('[data-event-id],[data-cluster-count]').length).to.be.above(1);
      for (const id of Object.keys(dates)) {
        const zoomed = await watchErrors(async () => {
          element.select(id);
          await settled(element, 0);
          await zoomInSteps(element, 30);
        });
        expect(zoomed.errors, id).to.deep.equal([]);
        expect(validView(element), id).to.equal(true);
        const labels = ticks(element);
        expect(labels.length, id).to.be.above(0);
        // The Gregorian era, as the language writes it ("公元前"), not a year of the Chinese or Korean calendar.
        if (id === 'first' || id === 'second') expect(labels.join(' '), id).to.contain(bceEra(locale));
        expect(badAttributes(element), id).to.deep.equal([]);
        expect(shadow(element).querySelector(`[data-event-id="${id}"]`), id).to.not.equal(null);
      }
      element.zoomTo('2024-01-01', '2024-12-31');
      await settled(element);
      expect(element.view.start.toISOString().slice(0, 10)).to.equal('2024-01-01');
      expect(shadow(element).querySelector('[data-event-id="now"]')).to.not.equal(null);
    });
  }
});
