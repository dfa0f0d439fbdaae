import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { NewsTimeline } from '../../src/news-timeline.js';
import { frames, loadedTimeline, mark, shadow } from '../helpers.js';

// Theming as the contract has it: custom properties, ::part() names, the theme attribute, and
// type colours from the data with the page's custom properties winning over them.

let pageStyle: HTMLStyleElement | undefined;

afterEach(async () => {
  pageStyle?.remove();
  pageStyle = undefined;
  await emulateMedia({ colorScheme: 'light' });
});

function addPageStyle(css: string): void {
  pageStyle = document.createElement('style');
  pageStyle.textContent = css;
  document.head.append(pageStyle);
}

async function restyled(element: NewsTimeline): Promise<void> {
  await element.updateComplete;
  await frames(2);
}

function style(element: NewsTimeline, selector: string): CSSStyleDeclaration {
  const node = shadow(element).querySelector(selector);
  if (!node) throw new Error(`nothing matches ${selector}`);
  return getComputedStyle(node);
}

/** WCAG relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('theming: custom properties', () => {
  it('--nt-bg, --nt-fg, --nt-muted, --nt-accent and --nt-font reach what they colour', async () => {
    const element = await loadedTimeline();
    element.style.setProperty('--nt-bg', 'rgb(1, 2, 3)');
    element.style.setProperty('--nt-fg', 'rgb(240, 241, 242)');
    element.style.setProperty('--nt-muted', 'rgb(150, 151, 152)');
    element.style.setProperty('--nt-accent', 'rgb(255, 200, 0)');
    element.style.setProperty('--nt-font', 'Verdana, sans-serif');
    element.select('talks-doha');
    await restyled(element);
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(style(element, '.title').color).to.equal('rgb(240, 241, 242)');
    expect(style(element, '.title').fontFamily).to.equal('Verdana, sans-serif');
    expect(style(element, '.lane-label').color).to.equal('rgb(150, 151, 152)');
    expect(style(element, '[part="detail"] a').color).to.equal('rgb(255, 200, 0)');
    const selected = getComputedStyle(mark(element, 'talks-doha'), '::after');
    expect(selected.borderTopColor).to.equal('rgb(255, 200, 0)');
  });

  it('custom properties set on an ancestor (a page theme) reach it too', async () => {
    const element = await loadedTimeline();
    element.parentElement!.style.setProperty('--nt-fg', 'rgb(10, 20, 30)');
    await restyled(element);
    expect(style(element, '.title').color).to.equal('rgb(10, 20, 30)');
  });
});

describe('theming: parts', () => {
  it('styles event, detail, controls and axis from the page with ::part()', async () => {
    const element = await loadedTimeline();
    element.classList.add('parted');
    addPageStyle(`
      news-timeline.parted::part(event) { opacity: 0.5 }
      news-timeline.parted::part(detail) { background-color: rgb(200, 210, 220) }
      news-timeline.parted::part(controls) { column-gap: 21px }
      news-timeline.parted::part(axis) { border-top-color: rgb(9, 99, 199) }
      news-timeline.parted::part(list) { background-color: rgb(3, 33, 133) }
    `);
    element.select('deal');
    await restyled(element);
    expect(getComputedStyle(mark(element, 'deal')).opacity).to.equal('0.5');
    expect(getComputedStyle(mark(element, 'talks-doha')).opacity).to.equal('0.5');
    expect(style(element, '[part="detail"]').backgroundColor).to.equal('rgb(200, 210, 220)');
    expect(style(element, '[part="controls"]').columnGap).to.equal('21px');
    expect(style(element, '[part="axis"]').borderTopColor).to.equal('rgb(9, 99, 199)');
    shadow(element).querySelector<HTMLElement>('[data-action="list"]')!.click();
    await restyled(element);
    expect(style(element, '[part="list"]').backgroundColor).to.equal('rgb(3, 33, 133)');
  });

  it('styles the error panel with ::part(error)', async () => {
    addPageStyle('news-timeline::part(error) { border-color: rgb(0, 128, 0) }');
    const element = document.createElement('news-timeline');
    element.style.width = '600px';
    const failed = oneEvent(element, 'timeline-error');
    element.src = new URL('../fixtures/does-not-exist.json', import.meta.url).href;
    document.body.append(element);
    try {
      await failed;
      await restyled(element);
      expect(style(element, '[part="error"]').borderTopColor).to.equal('rgb(0, 128, 0)');
    } finally {
      element.remove();
    }
  });
});

describe('theming: theme attribute', () => {
  it('light by default: white background, dark text', async () => {
    const element = await loadedTimeline();
    expect(element.theme).to.equal('light');
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(luminance(style(element, '.title').color)).to.be.below(0.05);
  });

  it('theme="dark" turns the background dark and the text light', async () => {
    const element = await loadedTimeline(undefined, 1000, 'theme=dark');
    const background = getComputedStyle(element).backgroundColor;
    expect(background).not.to.equal('rgb(255, 255, 255)');
    expect(luminance(background)).to.be.below(0.03);
    expect(luminance(style(element, '.title').color)).to.be.above(0.6);
    expect(luminance(style(element, '.lane-label').color)).to.be.above(0.3);
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    const element = await loadedTimeline(undefined, 1000, 'theme=auto');
    await emulateMedia({ colorScheme: 'dark' });
    await restyled(element);
    expect(luminance(getComputedStyle(element).backgroundColor)).to.be.below(0.03);
    await emulateMedia({ colorScheme: 'light' });
    await restyled(element);
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('a page --nt-bg wins over the dark theme', async () => {
    const element = await loadedTimeline(undefined, 1000, 'theme=dark');
    element.style.setProperty('--nt-bg', 'rgb(50, 0, 50)');
    await restyled(element);
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(50, 0, 50)');
  });
});

describe('theming: type colours', () => {
  it("uses the colour the data's types give", async () => {
    const element = await loadedTimeline();
    // small.json: "agreement": { "color": "#2a7d4f" }
    expect(getComputedStyle(mark(element, 'deal')).color).to.equal('rgb(42, 125, 79)');
    const legend = shadow(element).querySelector('[data-legend-type="agreement"] .swatch')!;
    expect(getComputedStyle(legend).color).to.equal('rgb(42, 125, 79)');
  });

  it('a page --nt-color-<type> wins over the data, on the element or on an ancestor', async () => {
    const element = await loadedTimeline();
    element.style.setProperty('--nt-color-agreement', 'rgb(200, 0, 100)');
    await restyled(element);
    expect(getComputedStyle(mark(element, 'deal')).color).to.equal('rgb(200, 0, 100)');
    const legend = shadow(element).querySelector('[data-legend-type="agreement"] .swatch')!;
    expect(getComputedStyle(legend).color).to.equal('rgb(200, 0, 100)');

    element.style.removeProperty('--nt-color-agreement');
    addPageStyle('.newsroom-theme { --nt-color-agreement: rgb(0, 90, 200); --nt-color-talks: rgb(120, 0, 0) }');
    element.parentElement!.classList.add('newsroom-theme');
    await restyled(element);
    expect(getComputedStyle(mark(element, 'deal')).color).to.equal('rgb(0, 90, 200)');
    expect(getComputedStyle(mark(element, 'talks-doha')).color).to.equal('rgb(120, 0, 0)');
  });

  it('a built-in type keeps its own colour when neither the data nor the page sets one', async () => {
    const element = await loadedTimeline();
    const talks = getComputedStyle(mark(element, 'talks-doha')).color;
    const proposal = getComputedStyle(mark(element, 'proposal-may')).color;
    expect(talks).to.match(/^rgb\(/);
    expect(talks).not.to.equal(proposal);
    expect(talks).not.to.equal(style(element, '.title').color);
  });
});
