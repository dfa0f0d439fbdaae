import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { csvFormat } from 'd3-dsv';
import '../../src/index.js';
import type { NewsTimeline } from '../../src/news-timeline.js';
import { PAYLOADS } from './corpus.js';
import { shadow, wait } from '../helpers.js';
import { expectVisiblePage } from './visible.js';

const DAY = 86_400_000;

/** Every element the widget draws. Anything else in its shadow root was made from data. */
const ALLOWED = new Set([
  'div', 'span', 'bdi', 'p', 'h2', 'h3', 'ul', 'ol', 'li', 'section', 'button', 'a', 'time', 'strong', 'code',
  'details', 'summary', 'progress', 'svg', 'g', 'path', 'line', 'rect', 'text', 'circle',
]);
/** Attributes that load, navigate or run something. */
const ACTIVE_ATTRIBUTES = new Set(['src', 'srcdoc', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'ping', 'codebase', 'http-equiv']);

interface Traps {
  calls: string[];
  restore(): void;
}

/** Replaces what a payload would call with recorders. */
function trap(): Traps {
  const calls: string[] = [];
  const win = window as unknown as Record<string, unknown>;
  const saved = { alert: win.alert, confirm: win.confirm, prompt: win.prompt, open: win.open, print: win.print };
  win.__xss = (n: unknown) => calls.push(`__xss(${String(n)})`);
  for (const name of Object.keys(saved)) win[name] = (...args: unknown[]) => calls.push(`${name}(${args.map(String).join(',')})`);
  return {
    calls,
    restore() {
      Object.assign(win, saved);
      delete win.__xss;
    },
  };
}

async function probeHits(clear = false): Promise<string[]> {
  return (await fetch(`/__test/probes${clear ? '?clear=1' : ''}`)).json();
}

function probeEntries(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/__test/probe/'));
}

/** Every element in a root, shadow roots included. */
function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...allElements(element.shadowRoot));
  }
  return out;
}

/** Asserts that nothing in the widget was made from data: known elements, no handlers, web links only. */
function expectInert(element: NewsTimeline): void {
  expect(element.children.length, 'nothing added to the light DOM').to.equal(0);
  const offences: string[] = [];
  for (const node of allElements(shadow(element))) {
    const name = node.localName;
    if (!ALLOWED.has(name)) offences.push(`<${name}> made from data`);
    for (const attribute of node.attributes) {
      const attr = attribute.name.toLowerCase();
      if (attr.startsWith('on') || ACTIVE_ATTRIBUTES.has(attr)) offences.push(`${attr} on <${name}>`);
      if (attr === 'href' && (name !== 'a' || !/^https?:\/\//.test(attribute.value))) offences.push(`href="${attribute.value}" on <${name}>`);
      if (attr === 'style' && /url\(|@import|expression\(|image-set\(|\\/i.test(attribute.value)) offences.push(`style="${attribute.value}"`);
    }
  }
  expect(offences).to.deep.equal([]);
}

async function expectNothingHappened(traps: Traps): Promise<void> {
  // Give lazy loads, handlers and timers of anything that slipped through the time to act.
  await wait(300);
  expect(traps.calls, 'code from the data ran').to.deep.equal([]);
  expect(await probeHits(), 'requests to URLs from the data').to.deep.equal([]);
  expect(probeEntries()).to.deep.equal([]);
}

async function render(data: unknown, attrs: Record<string, string> = {}): Promise<NewsTimeline> {
  const container = await fixture<HTMLDivElement>(html`<div style="width:1000px"></div>`);
  const element = document.createElement('news-timeline');
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  const settled = Promise.race([oneEvent(element, 'timeline-load'), oneEvent(element, 'timeline-error')]);
  element.data = data;
  container.append(element);
  await settled;
  await element.updateComplete;
  return element;
}

/** Every payload in every field of the native format: text, links, type names, labels and colours. */
function hostileNative() {
  const types: Record<string, unknown> = {};
  const events = PAYLOADS.map(({ text }, i) => {
    Object.defineProperty(types, text, { value: { label: text, color: text }, enumerable: true });
    return {
      id: text,
      type: text,
      date: new Date(Date.UTC(2024, 0, 1) + i * 3 * DAY).toISOString().slice(0, 10),
      title: text,
      summary: text,
      place: text,
      sources: [
        { url: text, title: text, publisher: text, date: text },
        { url: `https://safe.example/${i}`, title: text, publisher: text },
      ],
      figures: [{ label: text, value: i + 1, qualifier: text, reportedBy: text }],
    };
  });
  return { title: PAYLOADS[0].text, description: PAYLOADS[1].text, types, events };
}

describe('security: hostile data is shown as text, never run', () => {
  let traps: Traps;
  const headBefore = document.head.children.length;
  const baseBefore = document.baseURI;

  beforeEach(async () => {
    traps = trap();
    expectVisiblePage();
    await probeHits(true);
    performance.clearResourceTimings();
  });
  afterEach(() => {
    traps.restore();
    expect(document.head.children.length, 'nothing added to the page head').to.equal(headBefore);
    expect(document.baseURI).to.equal(baseBefore);
  });

  it(`has a corpus of ${PAYLOADS.length} hostile strings, at least 60`, () => {
    expect(PAYLOADS.length).to.be.at.least(60);
    expect(new Set(PAYLOADS.map((p) => p.text)).size).to.equal(PAYLOADS.length);
  });

  it('native data: every payload in every field is drawn and detailed as plain text', async () => {
    const element = await render(hostileNative());
    expect(element.events).to.have.length(PAYLOADS.length);
    expectInert(element);

    for (const event of element.events) {
      const payload = PAYLOADS.find((p) => p.text.trim() === event.title || (p.text.length > 500 && p.text.startsWith(event.title.slice(0, -1))));
      expect(payload, `the event of ${JSON.stringify(event.title.slice(0, 40))}`).to.exist;
      const text = payload!.text.trim();
      element.select(event.id);
      await element.updateComplete;
      expect(element.getAttribute('selected')).to.equal(event.id);
      const detail = shadow(element).querySelector<HTMLElement>('[part="detail"]')!;
      expect(detail, `detail of ${payload!.name}`).to.exist;
      // The text as written (cut at the limits for the 20,000-character strings), not what it would make.
      expect(detail.querySelector('h2')!.textContent).to.equal(event.title);
      if (text.length <= 500) expect(event.title).to.equal(text);
      expect(detail.querySelector('.summary')!.textContent).to.equal(event.summary);
      if (text.length <= 10_000) expect(event.summary).to.equal(text);
      expect(detail.querySelector('.place')!.textContent).to.equal(event.place);
      expect(detail.textContent).to.contain(event.figures![0].label);
      expect(detail.textContent).to.contain(event.figures![0].reportedBy);
      const links = [...detail.querySelectorAll<HTMLAnchorElement>('a[href]')];
      expect(links.length).to.be.at.least(1);
      for (const link of links) {
        expect(link.protocol).to.be.oneOf(['http:', 'https:']);
        expect(link.rel).to.equal('noopener noreferrer');
      }
      expect(links.map((link) => link.href)).to.include(event.sources[event.sources.length - 1].url);
      expect(links[links.length - 1].textContent!.trim()).to.equal(event.sources[event.sources.length - 1].title);
      expectInert(element);
    }

    element.select(null);
    await element.updateComplete;
    shadow(element).querySelector<HTMLButtonElement>('[data-action="list"]')!.click();
    await element.updateComplete;
    const list = shadow(element).querySelector<HTMLElement>('[part="list"]')!;
    expect(list).to.exist;
    const titles = [...list.querySelectorAll('li[data-list-id] > h3:first-of-type')].map((h) => h.textContent);
    expect(titles).to.have.members(element.events.map((event) => event.title));
    expectInert(element);
    await expectNothingHappened(traps);
  });

  it('refuses every link that is not http(s), with a problem at its path', async () => {
    const element = await render(hostileNative());
    const refused = ['javascript url', 'javascript with a leading space', 'javascript with a tab', 'javascript in mixed case', 'javascript with a line break', 'javascript after a control character', 'javascript after a zero-width space', 'data url', 'data url in base64', 'vbscript url', 'file url'];
    for (const name of refused) {
      const index = PAYLOADS.findIndex((p) => p.name === name);
      const problem = element.problems.find((p) => p.path === `events[${index}].sources[0].url`);
      expect(problem, `a problem for the ${name}`).to.exist;
      const event = element.events.find((e) => e.title === PAYLOADS[index].text.trim())!;
      expect(event.sources.map((source) => source.url)).to.deep.equal([`https://safe.example/${index}`]);
    }
    for (const event of element.events) for (const source of event.sources) expect(source.url).to.match(/^https?:\/\//);
    await expectNothingHappened(traps);
  });

  it('accepts a type colour only when it is a CSS colour: no url(), no declaration breaks out', async () => {
    const element = await render(hostileNative());
    const colourProblems = element.problems.filter((p) => /\.color$/.test(p.path));
    expect(colourProblems.length).to.be.at.least(PAYLOADS.length - 2);
    for (const lane of shadow(element).querySelectorAll<HTMLElement>('.lane')) {
      const colour = getComputedStyle(lane).getPropertyValue('--_type-color');
      expect(colour).to.not.match(/url|import|expression|;|\}/i);
    }
    for (const node of allElements(shadow(element))) {
      const style = getComputedStyle(node);
      expect(style.backgroundImage, `background of <${node.localName}>`).to.equal('none');
    }
    await expectNothingHappened(traps);
  });

  it('ids from the data never build selectors or markup', async () => {
    const element = await render(hostileNative());
    for (const event of element.events) {
      const marks = [...shadow(element).querySelectorAll<HTMLElement>('[data-event-id]')].filter((node) => node.dataset.eventId === event.id);
      expect(marks.length).to.be.at.most(2);
    }
    // Selecting by the attribute, keyboard moves and focus all work with ids full of quotes and brackets.
    const tricky = element.events.find((event) => event.id.startsWith('"><script>'))!;
    element.setAttribute('selected', tricky.id);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="detail"] h2')!.textContent).to.equal(tricky.title);
    element.setAttribute('selected', '"], script, [x="');
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="detail"]')).to.equal(null);
    expectInert(element);
    await expectNothingHappened(traps);
  });

  it('TimelineJS data: headlines, text, media, credits and groups make no element and run nothing', async () => {
    const events = PAYLOADS.map(({ text }, i) => ({
      start_date: { year: 2024, month: (i % 12) + 1, day: (i % 28) + 1 },
      text: { headline: `${i} ${text}`, text },
      group: text,
      unique_id: text,
      media: { url: text, credit: text, caption: text, thumbnail: text, link: text },
      background: { url: text, color: text },
    }));
    const element = await render({
      title: { text: { headline: PAYLOADS[0].text, text: PAYLOADS[12].text }, media: { url: PAYLOADS[26].text } },
      events,
      eras: [{ start_date: { year: 2023 }, end_date: { year: 2024 }, text: { headline: PAYLOADS[36].text } }],
    });
    expect(element.events.length).to.be.at.least(PAYLOADS.length - 2);
    expectInert(element);
    for (const event of element.events.slice(0, 20)) {
      element.select(event.id);
      await element.updateComplete;
      expectInert(element);
    }
    await expectNothingHappened(traps);
  });

  it('CSV data: every payload in every column makes no element and runs nothing', async () => {
    const rows = PAYLOADS.map(({ text }, i) => ({
      date: new Date(Date.UTC(2024, 0, 1) + i * DAY).toISOString().slice(0, 10),
      end: '',
      type: text,
      title: text,
      summary: text,
      place: text,
      source_url: text,
      source_title: text,
      publisher: text,
      figure_label: text,
      figure_value: String(i),
      figure_qualifier: text,
      reported_by: text,
    }));
    const element = await render(csvFormat(rows));
    expect(element.events.length).to.be.at.least(PAYLOADS.length - 5);
    expectInert(element);
    for (const event of element.events.slice(0, 20)) {
      element.select(event.id);
      await element.updateComplete;
      expectInert(element);
    }
    await expectNothingHappened(traps);
  });

  it('the error panel quotes hostile values as text', async () => {
    const events = PAYLOADS.map(({ text }) => ({ title: text, type: text, date: text, sources: [{ url: text }] }));
    const element = await render({ title: PAYLOADS[0].text, events });
    const panel = shadow(element).querySelector<HTMLElement>('[part="error"]')!;
    expect(panel).to.exist;
    panel.querySelector('details')?.setAttribute('open', '');
    expect(panel.textContent).to.contain('<script>__xss(1)</script>');
    expectInert(element);
    await expectNothingHappened(traps);
  });

  it('hostile attribute values make no element and do not break the widget', async () => {
    const hostile = PAYLOADS[11].text;
    const element = await render(
      [{ id: 'a', date: '2024-01-01', title: 'Plain', sources: [{ url: 'https://example.com/' }] }],
      { locale: hostile, start: hostile, end: hostile, theme: hostile, selected: hostile, dir: hostile },
    );
    expect(element.events).to.have.length(1);
    expect(shadow(element).querySelector('[data-event-id="a"]')).to.exist;
    expectInert(element);
    await expectNothingHappened(traps);
  });
});
