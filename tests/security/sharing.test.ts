import { expect, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { NewsTimeline } from '../../src/news-timeline.js';
import { shadow, wait } from '../helpers.js';
import { mount } from './mount.js';
import { describeViolation, openFrame, openPage, type PageWindow } from './frame.js';

// Sharing a page with others: the page's own Lit, both of the widget's bundles, elements and
// globals that have Lit's names, another element under the widget's name, another document.

/** Everything the page reported: violations, uncaught errors, console warnings and errors. */
function reports(win: PageWindow): string[] {
  return [...win.cspViolations.map(describeViolation), ...win.pageErrors, ...win.consoleMessages.map((m) => `${m.level}: ${m.text}`)];
}

/** Whether the widget's own styles apply: its host is a block, and its shadow root holds no <style> element. */
function styled(element: NewsTimeline): boolean {
  const win = element.ownerDocument.defaultView!;
  return win.getComputedStyle(element).display === 'block' && shadow(element).adoptedStyleSheets.length > 0 && !shadow(element).querySelector('style');
}

describe('sharing a page: Trusted Types beside the page’s own Lit', () => {
  for (const [page, what] of [
    ['own-lit-first.html', 'the page’s Lit loads first, then the module bundle'],
    ['own-lit-after.html', 'the classic-script bundle loads first, then the page’s Lit'],
  ]) {
    it(`${what}: both draw, under trusted-types lit-html news-timeline`, async () => {
      const { frame, win, element } = await openPage(`${page}?tt=lit-html%20news-timeline`);
      await wait(50);
      const own = frame.contentDocument!.querySelector('.own-lit');
      const said = reports(win);
      frame.remove();
      expect(own?.textContent).to.equal("Drawn by the page's own Lit");
      expect(said).to.deep.equal([]);
      expect(element.events).to.have.length(6);
    });
  }

  it('both bundles on one page: no error, no violation, one timeline', async () => {
    const { frame, win, element } = await openPage('both-bundles.html');
    await wait(50);
    const said = reports(win);
    const marks = shadow(element).querySelectorAll('[data-event-id]').length;
    frame.remove();
    expect(said).to.deep.equal([]);
    expect(marks).to.be.above(0);
  });

  it('a policy list without the widget’s name: nothing is drawn, and one console error says which name to allow', async () => {
    const { frame, win } = await openFrame('csp-dist.html?tt=lit-html');
    const deadline = performance.now() + 15_000;
    while (!win.consoleMessages.length && performance.now() < deadline) await wait(30);
    await wait(200);
    const errors = win.consoleMessages.filter((m) => m.level === 'error').map((m) => m.text);
    const upgraded = Boolean(win.document.querySelector('news-timeline')!.shadowRoot);
    frame.remove();
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('does not allow the policy "news-timeline"');
    expect(upgraded).to.equal(false);
  });
});

describe('sharing a page: globals and elements with Lit’s names', () => {
  for (const page of ['clobbered-iife.html', 'clobbered-esm.html']) {
    it(`${page}: ids litHtmlVersions, litPropertyMetadata, ShadyCSS … and a litHtmlPolyfillSupport global steer nothing`, async () => {
      const { frame, win, element } = await openPage(page);
      // The page really has them.
      const globals = win as unknown as Record<string, unknown> & typeof globalThis;
      expect(globals.litHtmlVersions).to.be.instanceOf(globals.HTMLElement);
      expect(globals.ShadyCSS).to.be.instanceOf(globals.HTMLElement);
      expect(globals.litHtmlPolyfillSupport).to.deep.equal({});
      const root = shadow(element);
      // It works: a click selects, and the detail opens, in the widget's own styles.
      const selected = oneEvent(element, 'timeline-select');
      root.querySelector<HTMLElement>('[data-event-id="talks-doha"]')!.click();
      await selected;
      await element.updateComplete;
      const detail = root.querySelector('[part="detail"] h2')?.textContent;
      const isStyled = styled(element);
      await wait(50);
      const said = reports(win);
      frame.remove();
      expect(detail).to.equal('Talks in Doha');
      expect(isStyled).to.equal(true);
      expect(said).to.deep.equal([]);
    });
  }
});

describe('sharing a page: another element named news-timeline', () => {
  it('logs one warning that names the conflict, and nothing else happens', async () => {
    const { frame, win } = await openFrame('name-taken.html');
    await wait(100);
    const element = frame.contentDocument!.querySelector('news-timeline')!;
    const own = element.constructor.name;
    const said = reports(win);
    frame.remove();
    expect(own).to.equal('OtherTimeline');
    expect(said).to.have.length(1);
    expect(said[0]).to.match(/^warn: /);
    expect(said[0]).to.contain('<news-timeline>');
    expect(said[0]).to.contain('OtherTimeline');
  });
});

describe('sharing a page: another document', () => {
  it('moved into an iframe’s document (adoptNode), the timeline keeps its styles', async () => {
    const container = mount(900);
    const element = document.createElement('news-timeline');
    const loaded = oneEvent(element, 'timeline-load');
    element.src = '/tests/fixtures/small.json';
    container.append(element);
    await loaded;
    expect(styled(element)).to.equal(true);
    const look = (el: NewsTimeline) => {
      const mark = shadow(el).querySelector<HTMLElement>('[data-event-id]')!;
      const style = el.ownerDocument.defaultView!.getComputedStyle(mark);
      return { cursor: style.cursor, fill: style.fill, font: el.ownerDocument.defaultView!.getComputedStyle(shadow(el).querySelector('.frame')!).fontSize };
    };
    const before = look(element);

    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:960px;height:600px;border:0';
    container.append(frame);
    const doc = frame.contentDocument!;
    doc.body.append(doc.adoptNode(element));
    await element.updateComplete;
    await wait(50);
    expect(element.ownerDocument).to.equal(doc);
    expect(styled(element)).to.equal(true);
    expect(look(element)).to.deep.equal(before);

    // And back again.
    document.body.append(element);
    await element.updateComplete;
    expect(styled(element)).to.equal(true);
    element.remove();
  });
});
