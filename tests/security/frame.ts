import type { NewsTimeline } from '../../src/news-timeline.js';
import { wait } from '../helpers.js';
import { expectVisiblePage } from './visible.js';

// The pages in tests/security/pages/ are served under /__test/csp/ with the policy of a strict news
// site (see routes.mjs):
//   default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none';
//   require-trusted-types-for 'script'; trusted-types news-timeline
// (`?tt=` sets other Trusted Types policies). Each loads the widget and its data from 'self' and,
// through listen.js, records every violation, uncaught error and console warning of the page.

export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
  target: string;
}

export interface PageWindow extends Window {
  cspViolations: Violation[];
  pageErrors: string[];
  consoleMessages: { level: 'warn' | 'error'; text: string }[];
}

/** A violation in a form that says where it came from when a test fails. */
export function describeViolation(v: Violation): string {
  return `${v.directive} blocked ${v.blocked || 'inline'} on ${v.target} (${v.source.split('/').slice(-2).join('/')}:${v.line})`;
}

/** Opens a test page in an iframe, once it has loaded. */
export async function openFrame(page: string): Promise<{ frame: HTMLIFrameElement; win: PageWindow }> {
  expectVisiblePage();
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:960px;height:720px;border:0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/__test/csp/${page}`;
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as unknown as PageWindow };
}

/** Opens a test page in an iframe and waits until its timeline has drawn its marks. */
export async function openPage(page: string): Promise<{ frame: HTMLIFrameElement; win: PageWindow; element: NewsTimeline }> {
  const { frame, win } = await openFrame(page);
  const element = frame.contentDocument!.querySelector('news-timeline') as NewsTimeline;
  const deadline = performance.now() + 15_000;
  while (!element.shadowRoot?.querySelector('[data-event-id]')) {
    if (performance.now() > deadline) {
      const said = [...win.cspViolations.map(describeViolation), ...win.pageErrors, ...win.consoleMessages.map((m) => m.text)];
      frame.remove();
      throw new Error(`the timeline did not draw on ${page}: ${said.join('; ') || 'nothing reported'}`);
    }
    await wait(30);
  }
  return { frame, win, element };
}
