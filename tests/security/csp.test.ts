import { expect, oneEvent } from '@open-wc/testing';
import { wait } from '../helpers.js';
import { describeViolation, openPage } from './frame.js';

// The pages in tests/security/pages/ are served under /__test/csp/ with a strict policy: see frame.ts.

const PAGES = [
  ['csp-dist.html', 'the classic-script bundle dist/news-timeline.iife.js'],
  ['csp-esm.html', 'the module bundle dist/news-timeline.js'],
  // Lit itself, unbundled, makes its policy under its own name.
  ['csp-src.html?tt=lit-html', 'the sources, as served in development'],
];

describe('security: strict Content-Security-Policy', () => {
  it('the test page really enforces the policy and reports what it blocks', async () => {
    const { frame, win } = await openPage('csp-src.html?tt=lit-html');
    const doc = frame.contentDocument!;
    const before = win.cspViolations.length;
    const probe = doc.createElement('div');
    doc.body.append(probe);
    probe.setAttribute('style', 'color: rgb(255, 0, 0)');
    await wait(50);
    const own = win.cspViolations.slice(before).filter((v) => v.target === 'DIV');
    expect(own.map((v) => v.directive)).to.deep.equal(['style-src-attr']);
    expect(win.getComputedStyle(probe).color).to.not.equal('rgb(255, 0, 0)');
    // Trusted Types are required: markup from a string is refused.
    expect(() => {
      probe.innerHTML = '<b>x</b>';
    }).to.throw(/TrustedHTML/);
    frame.remove();
  });

  for (const [page, what] of PAGES) {
    it(`${what}: renders, zooms and opens a detail with no violation`, async () => {
      const { frame, win, element } = await openPage(page);
      const root = element.shadowRoot!;
      // The layout depends on the styles that are applied: the marks of different dates stand apart.
      const x = (id: string) => root.querySelector(`[data-event-id="${id}"]`)!.getBoundingClientRect().left;
      const apart = x('deal') - x('talks-doha');

      const zoomed = oneEvent(element, 'timeline-zoom');
      root.querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
      await zoomed;
      const span = +element.view.end - +element.view.start;
      const zoomedTo = oneEvent(element, 'timeline-zoom');
      element.zoomTo('2024-01-01', '2024-03-01');
      await zoomedTo;
      expect(+element.view.end - +element.view.start).to.be.below(span);

      const selected = oneEvent(element, 'timeline-select');
      root.querySelector<HTMLElement>('[data-event-id="talks-doha"]')!.click();
      await selected;
      await element.updateComplete;
      const detail = root.querySelector<HTMLElement>('[part="detail"]')!;
      expect(detail.querySelector('h2')!.textContent).to.equal('Talks in Doha');

      root.querySelector<HTMLButtonElement>('[data-action="list"]')!.click();
      await element.updateComplete;
      expect(root.querySelector('[part="list"]')).to.exist;
      await wait(100);
      const violations = win.cspViolations.map(describeViolation);
      frame.remove();
      expect([...new Set(violations)], `${violations.length} violations`).to.deep.equal([]);
      expect(apart).to.be.greaterThan(300);
    });
  }
});
