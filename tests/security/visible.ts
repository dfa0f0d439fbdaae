import { expect } from '@open-wc/testing';

/**
 * Fails at once, rather than waiting for ever, when the test page is a hidden tab: a hidden page
 * gets no animation frames and no resize observations, so nothing would be drawn or zoomed.
 * Web Test Runner runs two pages at a time; each must be run as focused (in the launcher's
 * createPage: Emulation.setFocusEmulationEnabled, or a browser context per page).
 */
export function expectVisiblePage(): void {
  expect(document.visibilityState, 'the test page is a hidden tab: no animation frame would run').to.equal('visible');
}
