import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
// Registers `window.axe` (the package is a classic script, not an ES module).
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import type { NewsTimeline } from '../src/news-timeline.js';
import { contrastRatio, rgba } from './contrast.js';
import { animationClock, frames, liveRegion, settled, shadow, showWindow, storyTimeline, zoomed, type StoryOptions } from './helpers.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DARK_PAGE = '#16181d';

interface Axe {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
  setup(node: Element): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: {
    aria: { getRole(node: unknown): string | null };
    text: { accessibleTextVirtual(node: unknown): string };
    dom: { isVisibleToScreenReaders(node: unknown): boolean };
  };
}
const axe = (window as unknown as { axe: Axe }).axe;

/** Every WCAG 2.2 A/AA violation axe finds under `root`, one readable line per node. */
async function violations(root: Element): Promise<string[]> {
  const results = await axe.run(root, { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] });
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact}): ${node.target.join(' > ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`,
    ),
  );
}

/** The story in a page of the given theme: a dark page around a dark timeline. */
async function themed(theme: 'light' | 'dark', options: StoryOptions = {}): Promise<NewsTimeline> {
  document.body.style.background = theme === 'dark' ? DARK_PAGE : '';
  document.body.style.color = theme === 'dark' ? '#eceef2' : '';
  return storyTimeline({ ...options, attrs: { theme, ...options.attrs } });
}

async function openDetail(element: NewsTimeline, id = 'sharm-el-sheikh-talks-2025-10-06'): Promise<HTMLElement> {
  element.select(id);
  await settled(element);
  return shadow(element).querySelector<HTMLElement>('[part="detail"]')!;
}

async function openList(element: NewsTimeline): Promise<HTMLElement> {
  shadow(element).querySelector<HTMLButtonElement>('[data-action="list"]')!.click();
  await element.updateComplete;
  await frames(2);
  return shadow(element).querySelector<HTMLElement>('[part="list"]')!;
}

async function expectNoViolations(element: NewsTimeline): Promise<void> {
  const found = await violations(element.parentElement!);
  if (found.length) console.log(found.join('\n'));
  expect(found, found.join('\n')).to.deep.equal([]);
}

afterEach(() => {
  document.body.style.background = '';
  document.body.style.color = '';
});

describe('a11y: axe finds no WCAG 2.2 AA violation', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: the chart`, async () => {
      const element = await themed(theme);
      await expectNoViolations(element);
    });

    it(`${theme}: with the detail open`, async () => {
      const element = await themed(theme);
      const detail = await openDetail(element);
      expect(detail).to.exist;
      await expectNoViolations(element);
    });

    it(`${theme}: with the list open`, async () => {
      const element = await themed(theme);
      const list = await openList(element);
      expect(list).to.exist;
      await expectNoViolations(element);
    });
  }

  it('narrow (360 px) with the detail under the chart', async () => {
    const element = await themed('light', { width: 360 });
    await openDetail(element);
    await expectNoViolations(element);
  });

  it('Arabic, right to left, dark, with the detail open', async () => {
    const element = await themed('dark', { attrs: { locale: 'ar' } });
    await openDetail(element);
    await expectNoViolations(element);
  });

  it('axe does look inside the shadow root: a nameless button there is found', async () => {
    const element = await themed('light');
    shadow(element).querySelector('.toolbar')!.append(document.createElement('button'));
    const found = await violations(element.parentElement!);
    expect(found.map((line) => line.split(' ')[0])).to.deep.equal(['button-name']);
  });

  it('zoomed in on the busiest weeks, where marks crowd', async () => {
    const element = await themed('light');
    element.zoomTo('2025-09-20', '2025-11-10');
    await settled(element);
    await expectNoViolations(element);
  });
});

describe('a11y: names and roles', () => {
  it('every event mark is a button named "type, date: title"', async () => {
    const element = await storyTimeline();
    const byId = new Map(element.events.map((event) => [event.id, event]));
    const buttons = [...shadow(element).querySelectorAll<HTMLElement>('[part~="event"][data-event-id]')];
    expect(buttons.length).to.be.greaterThan(20);
    for (const button of buttons) {
      expect(button.localName).to.equal('button');
      const event = byId.get(button.dataset.eventId!)!;
      const name = button.getAttribute('aria-label')!;
      expect(name, event.id).to.match(new RegExp(`^[^,]+, .*\\b20\\d\\d\\b.*: ${escape(event.title)}$`));
    }
    const talks = shadow(element).querySelector('[data-event-id="doha-strike-2025-09-09"]')!;
    expect(talks.getAttribute('aria-label')).to.equal(`Talks, September 9, 2025: ${byId.get('doha-strike-2025-09-09')!.title}`);
    await showWindow(element, '2025-10-01', '2025-10-20');
    const sharm = shadow(element).querySelector('[data-event-id="sharm-el-sheikh-talks-2025-10-06"]')!;
    expect(sharm.getAttribute('aria-label')).to.equal('Talks, October 6, 2025: Indirect talks open in Sharm el-Sheikh');
    // A declared type is named by its label, a span by its range.
    const truce = byId.get('november-truce-2023-11-24')!;
    await showWindow(element, '2023-11-01', '2023-12-31');
    expect(shadow(element).querySelector('[data-event-id="november-truce-2023-11-24"]')!.getAttribute('aria-label')).to.equal(
      `Agreements, November 24 – December 1, 2023: ${truce.title}`,
    );
  });

  it('a group says how many events it holds and when (a phone has groups at fit-all)', async () => {
    const element = await storyTimeline({ width: 360 });
    const clusters = [...shadow(element).querySelectorAll<HTMLElement>('[data-cluster-count]')];
    expect(clusters.length).to.be.greaterThan(0);
    for (const cluster of clusters) {
      const count = Number(cluster.dataset.clusterCount);
      expect(count).to.be.at.least(2);
      expect(cluster.localName).to.equal('button');
      const said = cluster.classList.contains('moment')
        ? new RegExp(`^.+: ${count} events\\. Activate to list them\\.$`)
        : new RegExp(`^${count} events, .+ to .+\\. Activate to zoom in\\.$`);
      expect(cluster.getAttribute('aria-label')).to.match(said);
      expect(cluster.textContent!.trim()).to.equal(String(count));
    }
  });

  it('the SVGs are hidden from assistive technology; lanes are named groups, the figure chart a tab panel named by its tab', async () => {
    const element = await storyTimeline();
    const svgs = [...shadow(element).querySelectorAll('svg')];
    expect(svgs.length).to.be.greaterThan(10);
    for (const svg of svgs) expect(svg.closest('[aria-hidden="true"]'), svg.outerHTML.slice(0, 60)).to.exist;
    const groups = [...shadow(element).querySelectorAll('.lane')].map((group) => [group.getAttribute('role'), group.getAttribute('aria-label')]);
    expect(groups).to.deep.include(['group', 'Talks']);
    expect(groups).to.deep.include(['group', 'Casualties and hostages']);
    const panel = shadow(element).querySelector('.figure-chart')!;
    expect(panel.getAttribute('role')).to.equal('tabpanel');
    const tab = shadow(element).getElementById(panel.getAttribute('aria-labelledby')!)!;
    expect([tab.getAttribute('role'), tab.textContent, tab.getAttribute('aria-selected')]).to.deep.equal(['tab', 'Killed in Gaza', 'true']);
    const chart = shadow(element).querySelector('.chart')!;
    expect(chart.getAttribute('role')).to.equal('group');
    expect(chart.getAttribute('aria-label')).to.equal('Timeline: Gaza ceasefire negotiations');
  });

  it('every control has a name; icon buttons by aria-label', async () => {
    const element = await storyTimeline();
    await openDetail(element);
    const names = [...shadow(element).querySelectorAll<HTMLButtonElement>('.toolbar button, [part="detail"] button')].map(
      (button) => button.getAttribute('aria-label') ?? button.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(names).to.include.members(['Zoom in', 'Zoom out', 'Show all', 'List view', 'Close', '← Previous event', 'Next event →']);
    for (const name of names) expect(name).to.match(/\p{L}{2}/u);
  });

  it('the live region is polite and says only the selection or the zoom, briefly', async () => {
    const element = await storyTimeline();
    const region = liveRegion(element);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.getAttribute('aria-atomic')).to.equal('true');
    expect(region.textContent!.trim()).to.equal('');
    await openDetail(element, 'paris-talks-2024-01-28');
    expect(region.textContent!.trim()).to.equal('Talks, January 28, 2024: US, Israeli, Qatari and Egyptian officials meet in Paris');
    element.select(null);
    await settled(element);
    const ended = zoomed(element);
    element.zoomIn();
    await ended;
    await element.updateComplete;
    expect(region.textContent!.trim()).to.match(/^Showing \w+ \d+, \d{4} to \w+ \d+, \d{4}$/);
    // The summary and the sources are for the detail, not for the announcement.
    expect(region.textContent!.length).to.be.below(120);
  });

  it('read by names and roles, the list holds the whole story', async () => {
    const element = await storyTimeline();
    const list = await openList(element);
    const nodes = readable(element.parentElement!, list);
    expect(nodes[0]).to.deep.equal({ role: 'region', name: 'Gaza ceasefire negotiations' });
    const headings = nodes.filter((node) => node.role === 'heading').map((node) => node.name);
    expect(headings).to.deep.equal(['Gaza ceasefire negotiations', ...element.events.map((event) => event.title)].flatMap(
      (title, i) => (i === 0 ? [title] : [title, ...extraHeadings(element.events[i - 1])]),
    ));
    const items = [...list.querySelectorAll(':scope > ol > li')];
    expect(items).to.have.length(72);
    expect(roleOf(element.parentElement!, list.querySelector(':scope > ol')!)).to.equal('list');
    expect(items.every((item) => roleOf(element.parentElement!, item) === 'listitem')).to.equal(true);
    const links = nodes.filter((node) => node.role === 'link');
    const sources = element.events.flatMap((event) => event.sources);
    expect(links).to.have.length(sources.length);
    expect(links.map((link) => link.name)).to.deep.equal(
      sources.map((source) => source.title || source.publisher || new URL(source.url).hostname),
    );
  });

  it('read by names and roles, the chart names the controls and every mark it draws', async () => {
    const element = await storyTimeline();
    const nodes = readable(element.parentElement!, shadow(element).querySelector('.frame')!);
    const buttons = nodes.filter((node) => node.role === 'button').map((node) => node.name);
    expect(buttons).to.include.members(['Zoom in', 'Zoom out', 'Show all', 'List view']);
    const marks = shadow(element).querySelectorAll('[part~="event"]');
    expect(buttons.filter((name) => /: |events, /.test(name))).to.have.length(marks.length);
    expect(nodes.filter((node) => node.role === 'img' || node.role === 'graphics-document')).to.deep.equal([]);
  });
});

/** Headings an event adds under its title in the list: figures, sources. */
function extraHeadings(event: { figures?: unknown[]; sources: unknown[]; unsourced?: boolean }): string[] {
  return [...(event.figures?.length ? ['Figures'] : []), ...(event.sources.length && !event.unsourced ? ['Sources'] : [])];
}

/** The role axe computes for a node. */
function roleOf(context: Element, node: Element): string | null {
  axe.setup(context);
  try {
    return axe.commons.aria.getRole(axe.utils.getNodeFromTree(node));
  } finally {
    axe.teardown();
  }
}

/** What a screen reader finds under `root`, in order: every node with a role and a name (as axe computes them). */
function readable(context: Element, root: Element): { role: string; name: string }[] {
  axe.setup(context);
  try {
    const out: { role: string; name: string }[] = [];
    const walk = (node: Element) => {
      const virtual = axe.utils.getNodeFromTree(node);
      if (virtual && !axe.commons.dom.isVisibleToScreenReaders(virtual)) return;
      const role = virtual ? axe.commons.aria.getRole(virtual) : null;
      if (role && ['region', 'heading', 'link', 'button', 'img', 'graphics-document'].includes(role)) {
        out.push({ role, name: axe.commons.text.accessibleTextVirtual(virtual).replace(/\s+/g, ' ').trim() });
      }
      for (const child of node.children) walk(child);
    };
    walk(root);
    return out;
  } finally {
    axe.teardown();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('a11y: the list view', () => {
  it('the list control opens every event in time order with date, type, title, figures and source links', async () => {
    const element = await storyTimeline();
    const control = shadow(element).querySelector<HTMLButtonElement>('[data-action="list"]')!;
    expect(control.getAttribute('aria-pressed')).to.equal('false');
    const list = await openList(element);
    // The same button, pressed: switching views keeps the toolbar (and focus on it).
    expect(shadow(element).querySelector('[data-action="list"]')).to.equal(control);
    expect(control.getAttribute('aria-pressed')).to.equal('true');
    expect(list.getAttribute('part')).to.equal('list');
    expect(list.localName).to.equal('section');
    expect(list.querySelector('h2')!.textContent).to.equal('Gaza ceasefire negotiations');
    expect(shadow(element).activeElement).to.equal(list.querySelector('h2'));
    expect(list.textContent).to.contain('72 events');

    const items = [...list.querySelectorAll<HTMLElement>('ol > li')];
    expect(items.map((item) => item.dataset.listId)).to.deep.equal(element.events.map((event) => event.id));
    const events = element.events;
    items.forEach((item, i) => {
      const event = events[i];
      expect(item.querySelector('h3')!.textContent).to.equal(event.title);
      const time = item.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(event.date.toISOString());
      expect(time.textContent).to.match(/\b20\d\d\b/);
      const links = [...item.querySelectorAll('a')];
      expect(links.map((link) => link.href)).to.deep.equal(event.sources.map((source) => source.url));
      for (const link of links) expect(link.rel).to.equal('noopener noreferrer');
      expect(item.querySelectorAll('.figures-list li')).to.have.length(event.figures?.length ?? 0);
    });
    const first = items[0].textContent!.replace(/\s+/g, ' ');
    expect(first).to.contain('October 7, 2023 · Casualties and hostages');
    const toll = items[events.findIndex((event) => event.id === 'gaza-moh-toll-2025-10-06')].textContent!.replace(/\s+/g, ' ');
    expect(toll).to.match(/Killed in Gaza: more than 67,160 \(reported by Gaza Ministry of Health\)/);

    control.focus();
    control.click();
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="list"]')).to.equal(null);
    expect(shadow(element).querySelector('.plot')).to.exist;
    expect(shadow(element).activeElement).to.equal(control);
    expect(control.getAttribute('aria-pressed')).to.equal('false');
  });

  for (const width of [1200, 360]) {
    it(`at ${width} px: the title once, lines of reading length, no zoom buttons, and every target at least 24 px for axe`, async () => {
      const element = await storyTimeline({ width });
      const title = 'Gaza ceasefire negotiations';
      const list = await openList(element);
      const shown = (shadow(element).querySelector('.frame') as HTMLElement).innerText;
      expect(shown.split(title).length - 1, 'the title, once').to.equal(1);
      expect(list.querySelector('h2')!.textContent).to.equal(title);
      // The chart's controls go with the chart.
      for (const action of ['zoom-in', 'zoom-out', 'fit']) {
        expect(shadow(element).querySelector(`[data-action="${action}"]`)!.getClientRects().length, action).to.equal(0);
      }
      // About 75 characters a line at most: a block is no wider than that many of its own characters.
      const context = document.createElement('canvas').getContext('2d')!;
      const long: string[] = [];
      for (const block of list.querySelectorAll<HTMLElement>('p, h3, li li')) {
        const text = block.textContent!.replace(/\s+/g, ' ').trim();
        if (text.length < 20) continue;
        const style = getComputedStyle(block);
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const perCharacter = context.measureText(text).width / text.length;
        const perLine = block.getBoundingClientRect().width / perCharacter;
        if (perLine > 80) long.push(`${Math.round(perLine)}: ${text.slice(0, 40)}`);
      }
      expect(long, 'characters a line').to.deep.equal([]);
      const results = await axe.run(element.parentElement!, { runOnly: { type: 'rule', values: ['target-size'] } });
      expect(results.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' > ')))).to.deep.equal([]);
      expect(results.passes.find((rule) => rule.id === 'target-size')?.nodes.length ?? 0, 'targets checked').to.be.at.least(1);
    });
  }

  it('hidden types stay in the list: it is the equivalent of the whole story', async () => {
    const element = await storyTimeline();
    shadow(element).querySelector<HTMLButtonElement>('[data-legend-type="talks"]')!.click();
    await element.updateComplete;
    const list = await openList(element);
    expect(list.querySelectorAll('ol > li')).to.have.length(72);
  });
});

describe('a11y: pointer targets', () => {
  for (const state of ['chart', 'detail', 'list'] as const) {
    it(`every button is at least 24 × 24 px (${state})`, async () => {
      const element = await storyTimeline();
      if (state === 'detail') await openDetail(element);
      if (state === 'list') await openList(element);
      const buttons = [...shadow(element).querySelectorAll<HTMLElement>('button')];
      expect(buttons.length).to.be.greaterThan(3);
      const small = buttons
        .filter((button) => button.getClientRects().length > 0)
        .map((button) => ({ button, box: button.getBoundingClientRect() }))
        // Marks sit at fractional positions: a box of 23.9999 px is 24 px drawn.
        .filter(({ box }) => box.width < 23.99 || box.height < 23.99)
        .map(({ button, box }) => `${button.outerHTML.slice(0, 70)} ${box.width}×${box.height}`);
      expect(small).to.deep.equal([]);
    });
  }
});

/** The first opaque background behind a node, through shadow hosts up to the page. */
function backgroundOf(node: Element): string {
  let current: Element | null = node;
  while (current) {
    const value = getComputedStyle(current).backgroundColor;
    if (rgba(value)[3] === 1) return value;
    current = current.parentElement ?? ((current.getRootNode() as ShadowRoot).host ?? null);
  }
  return 'rgb(255, 255, 255)';
}

const TEXT = [
  '.title',
  '.legend button',
  '.lane-label',
  '.label',
  '.axis .tick',
  '.series-legend .measure',
  '.series-legend .reporter',
  '.mark.cluster',
  '.mark.group .count',
  '[part="detail"] h2',
  '[part="detail"] .meta',
  '[part="detail"] p',
  '[part="detail"] li',
  '[part="detail"] a',
  '[part="detail"] .who',
  '[part="detail"] button',
];

describe('a11y: contrast', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: text is at least 4.5:1 against what is behind it`, async () => {
      const element = await themed(theme);
      await openDetail(element);
      const low: string[] = [];
      let checked = 0;
      for (const selector of TEXT) {
        for (const node of shadow(element).querySelectorAll(selector)) {
          if (!node.textContent!.trim()) continue;
          const style = getComputedStyle(node);
          if (style.visibility === 'hidden' || style.display === 'none') continue;
          checked += 1;
          const ratio = contrastRatio(style.color, backgroundOf(node));
          if (ratio < 4.5) low.push(`${selector} "${node.textContent!.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
        }
      }
      for (const text of shadow(element).querySelectorAll('.value-axis text')) {
        checked += 1;
        const ratio = contrastRatio(getComputedStyle(text).fill, backgroundOf(text.closest('.figures')!));
        if (ratio < 4.5) low.push(`value "${text.textContent}": ${ratio.toFixed(2)}`);
      }
      expect(checked).to.be.greaterThan(60);
      expect(low).to.deep.equal([]);
    });

    it(`${theme}: the list's text is at least 4.5:1`, async () => {
      const element = await themed(theme);
      const list = await openList(element);
      const low: string[] = [];
      const nodes = [...list.querySelectorAll('h2, h3, p, li, a, time, .who, .warning')];
      expect(nodes.length).to.be.greaterThan(300);
      for (const node of nodes) {
        const ratio = contrastRatio(getComputedStyle(node).color, backgroundOf(node));
        if (ratio < 4.5) low.push(`${node.localName}.${node.className} "${node.textContent!.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
      }
      expect(low).to.deep.equal([]);
    });

    it(`${theme}: marks, figure lines and the focus ring are at least 3:1`, async () => {
      const element = await themed(theme);
      const low: string[] = [];
      const marks = [...shadow(element).querySelectorAll<HTMLElement>('.mark:not(.cluster)')];
      expect(marks.length).to.be.greaterThan(20);
      for (const mark of marks) {
        const ratio = contrastRatio(getComputedStyle(mark).color, backgroundOf(mark));
        if (ratio < 3) low.push(`${mark.dataset.eventId}: ${ratio.toFixed(2)}`);
      }
      for (const line of shadow(element).querySelectorAll<SVGPathElement>('.series-line')) {
        const ratio = contrastRatio(getComputedStyle(line).stroke, backgroundOf(line.closest('.figures')!));
        if (ratio < 3) low.push(`line ${line.getAttribute('stroke')}: ${ratio.toFixed(2)}`);
      }
      const button = shadow(element).querySelector<HTMLElement>('[data-action="zoom-in"]')!;
      button.focus();
      const ring = getComputedStyle(button).outlineColor;
      if (contrastRatio(ring, backgroundOf(button)) < 3) low.push(`focus ring ${ring}`);
      expect(low).to.deep.equal([]);
    });
  }
});

describe('a11y: motion and forced colours', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('prefers-reduced-motion: zooming jumps instead of animating', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const element = await storyTimeline();
    const span = () => +element.view.end - +element.view.start;
    const full = span();
    const ended = zoomed(element);
    element.zoomIn();
    // Applied at once, before any frame is drawn.
    expect(span() / full).to.be.closeTo(0.5, 0.001);
    await ended;
    expect(span() / full).to.be.closeTo(0.5, 0.001);
    expect(getComputedStyle(shadow(element).querySelector('.hint')!).transitionDuration).to.equal('0s');
  });

  it('without the preference, the same zoom animates', async () => {
    const element = await storyTimeline();
    const span = () => +element.view.end - +element.view.start;
    const full = span();
    const ended = zoomed(element);
    // The animation's clock moves only when told: the frames show it at the times asked for.
    const clock = animationClock();
    try {
      element.zoomIn();
      // The window moves over the following frames, not at once.
      expect(span()).to.equal(full);
      await clock.advance(0);
      expect(span()).to.equal(full);
      await clock.advance(150);
      expect(span() / full).to.be.within(0.55, 0.95);
      await clock.advance(300);
      await ended;
    } finally {
      clock.restore();
    }
    expect(span() / full).to.be.closeTo(0.5, 0.001);
    expect(getComputedStyle(shadow(element).querySelector('.hint')!).transitionDuration).to.equal('0.2s');
  });

  it('forced colours: marks, clusters and lines are drawn in system colours, never transparent', async () => {
    const element = await storyTimeline();
    const root = shadow(element);
    // The test browser cannot switch forced colours on: apply the element's own forced-colours
    // rules as they would apply, and check what they draw.
    const rules = root.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /forced-colors:\s*active/.test(rule.conditionText));
    // One block in each of the element's style sheets (the chart's and the figure chart's).
    expect(rules).to.have.length(2);
    const forced = new CSSStyleSheet();
    forced.replaceSync(rules.flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText)).join('\n'));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, forced];
    for (const mark of root.querySelectorAll<HTMLElement>('.mark')) {
      const style = getComputedStyle(mark);
      expect(style.forcedColorAdjust).to.equal('none');
      expect(rgba(style.color)[3]).to.equal(1);
      expect(style.borderTopStyle).to.equal('solid');
      const shape = mark.querySelector('.shape');
      if (shape) expect(rgba(getComputedStyle(shape).fill)[3]).to.equal(1);
      expect(contrastRatio(style.color, style.backgroundColor)).to.be.at.least(4.5);
    }
    const lines = [...root.querySelectorAll('.figure-line')];
    expect(lines.length).to.be.above(0);
    for (const line of lines) expect(rgba(getComputedStyle(line).stroke)[3]).to.equal(1);
  });
});
