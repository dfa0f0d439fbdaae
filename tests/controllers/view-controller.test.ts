import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { emulateMedia, sendMouse, setViewport } from '@web/test-runner-commands';
import { LitElement, html } from 'lit';
import { select } from 'd3-selection';
import { ViewController } from '../../src/controllers/view-controller.js';
import type { ViewWindow } from '../../src/layout/extent.js';
import type { TimelineZoomEvent } from '../../src/events.js';
import {
  SMALL,
  animationClock,
  drawnIn,
  frames,
  liveRegion,
  loadedTimeline,
  mark,
  nextFrame,
  plot,
  settled,
  shadow,
  showWindow,
  span as windowSpan,
  timelineWith,
  until,
  wait,
  wheel,
  zoomed,
} from '../helpers.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The widest window in these tests: 100 days from 1 January 2024, over a plot 1000 px wide. */
const LIMITS: ViewWindow = [Date.parse('2024-01-01T00:00Z'), Date.parse('2024-04-10T00:00Z')];

/** The smallest host a ViewController needs: a plot, an overview strip, and a record of its updates. */
class ViewHost extends LitElement {
  readonly viewer = new ViewController(this);
  /** For each update: whether a preview would do for it. */
  readonly updates: boolean[] = [];
  rtl = false;

  override render() {
    return html`<div class="plot" style="width:1000px;height:100px"></div>
      <div class="strip" style="position:relative;width:1000px;height:30px" @pointerdown=${this.viewer.brushDown}></div>`;
  }

  override firstUpdated(): void {
    this.viewer.configure(LIMITS, DAY, 1000, this.rtl);
    this.viewer.attach(this.plot);
  }

  override updated(): void {
    this.updates.push(this.viewer.previewing);
  }

  get plot(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('.plot')!;
  }
}
customElements.define('test-view-host', ViewHost);

async function host(rtl = false): Promise<ViewHost> {
  const element = document.createElement('test-view-host') as ViewHost;
  element.rtl = rtl;
  const container = await fixture<HTMLDivElement>(testHtml`<div style="width:1000px"></div>`);
  container.append(element);
  await element.updateComplete;
  await frames(1);
  element.updates.length = 0;
  return element;
}

const hostSpan = (element: ViewHost) => +element.viewer.view[1] - +element.viewer.view[0];
const iso = (view: readonly (Date | number)[]) => view.map((time) => new Date(time).toISOString());

/** Every `timeline-zoom` the host tells, as [start, end] ISO strings. */
function zooms(element: ViewHost): string[][] {
  const told: string[][] = [];
  element.addEventListener('timeline-zoom', (event: TimelineZoomEvent) => told.push(iso([event.detail.start, event.detail.end])));
  return told;
}

function wheelAt(element: ViewHost, x: number, init: WheelEventInit): WheelEvent {
  const box = element.plot.getBoundingClientRect();
  const event = new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX: box.left + x, clientY: box.top + 50, view: window, ...init });
  element.plot.dispatchEvent(event);
  return event;
}

function mouse(element: ViewHost, type: string, x: number, y = 50): void {
  const box = element.plot.getBoundingClientRect();
  const target = type === 'mousedown' || type === 'dblclick' ? element.plot : window;
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: box.left + x, clientY: box.top + y, button: 0, view: window }));
}

describe('controllers/view-controller, on a host of its own', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('shows the whole story at first, and any window asked for within it, to the millisecond', async () => {
    const element = await host();
    expect(iso(element.viewer.view)).to.deep.equal(iso(LIMITS));
    element.viewer.zoomTo(new Date('2024-02-01T00:00Z'), new Date('2024-02-11T00:00Z'));
    expect(iso(element.viewer.view)).to.deep.equal(['2024-02-01T00:00:00.000Z', '2024-02-11T00:00:00.000Z']);
    // d3-zoom's transform: 10 times the whole story's scale, moved 31 days' worth (310 px at k = 1) to the left.
    expect(element.viewer.transform.k).to.be.closeTo(10, 1e-9);
    expect(element.viewer.transform.x).to.be.closeTo(-3100, 1e-6);
  });

  it('keeps the window between a day and the whole story, and inside the story', async () => {
    const element = await host();
    element.viewer.zoomTo(new Date('2024-02-01T06:00Z'), new Date('2024-02-01T07:00Z'));
    expect(iso(element.viewer.view)).to.deep.equal(['2024-01-31T18:30:00.000Z', '2024-02-01T18:30:00.000Z']);
    element.viewer.zoomTo(new Date('2023-12-01T00:00Z'), new Date('2024-01-11T00:00Z'));
    expect(iso(element.viewer.view)).to.deep.equal(['2024-01-01T00:00:00.000Z', '2024-02-11T00:00:00.000Z']);
    element.viewer.zoomTo(new Date('2020-01-01T00:00Z'), new Date('2030-01-01T00:00Z'));
    expect(iso(element.viewer.view)).to.deep.equal(iso(LIMITS));
    for (let i = 0; i < 30; i++) element.viewer.zoomBy(2);
    expect(hostSpan(element)).to.be.closeTo(DAY, 1);
  });

  it('Ctrl + wheel zooms around the pointer; the gesture is told once, when no wheel came for 150 ms', async () => {
    const element = await host();
    const told = zooms(element);
    // 250 px from the left: day 25.
    const event = wheelAt(element, 250, { deltaY: -100, ctrlKey: true });
    expect(event.defaultPrevented).to.equal(true);
    wheelAt(element, 250, { deltaY: -100, ctrlKey: true });
    expect(hostSpan(element)).to.be.closeTo((100 * DAY) / 2, 1000);
    expect(+element.viewer.view[0] + hostSpan(element) / 4).to.be.closeTo(+LIMITS[0] + 25 * DAY, 1000);
    // Timers run in the order they are due: this one before the gesture's end, however busy the page.
    await wait(100);
    expect(told).to.deep.equal([]);
    await until(() => told.length > 0, 'the end of the gesture');
    expect(told).to.deep.equal([iso(element.viewer.view)]);
  });

  it('leaves a plain vertical wheel to the page and asks for the hint; a horizontal wheel pans, told once it stops', async () => {
    const element = await host();
    element.viewer.zoomTo(new Date('2024-02-01T00:00Z'), new Date('2024-02-11T00:00Z'));
    await element.updateComplete;
    const told = zooms(element);
    expect(wheelAt(element, 500, { deltaY: 100 }).defaultPrevented).to.equal(false);
    expect(element.viewer.hint).to.match(/^wheelHint/);
    expect(iso(element.viewer.view)).to.deep.equal(['2024-02-01T00:00:00.000Z', '2024-02-11T00:00:00.000Z']);
    // 100 px of a 10-day window 1000 px wide is one day, later.
    expect(wheelAt(element, 500, { deltaX: 50 }).defaultPrevented).to.equal(true);
    expect(wheelAt(element, 500, { deltaY: 50, shiftKey: true }).defaultPrevented).to.equal(true);
    expect(iso(element.viewer.view)).to.deep.equal(['2024-02-02T00:00:00.000Z', '2024-02-12T00:00:00.000Z']);
    await until(() => told.length > 0, 'the end of the pan');
    expect(told).to.deep.equal([['2024-02-02T00:00:00.000Z', '2024-02-12T00:00:00.000Z']]);
  });

  it('a drag pans and is told once; a press and release that moves nothing is not told', async () => {
    const element = await host();
    element.viewer.zoomTo(new Date('2024-02-01T00:00Z'), new Date('2024-02-11T00:00Z'));
    await element.updateComplete;
    const told = zooms(element);
    mouse(element, 'mousedown', 500);
    mouse(element, 'mousemove', 500, 80);
    mouse(element, 'mouseup', 500, 80);
    await wait(20);
    expect(told).to.deep.equal([]);
    mouse(element, 'mousedown', 500);
    mouse(element, 'mousemove', 400);
    mouse(element, 'mousemove', 300);
    mouse(element, 'mouseup', 300);
    await wait(20);
    expect(told).to.deep.equal([['2024-02-03T00:00:00.000Z', '2024-02-13T00:00:00.000Z']]);
  });

  it('gesture changes come to the host once a frame, the first laid out in full and the later ones as previews', async () => {
    const element = await host();
    for (let i = 0; i < 6; i++) {
      wheelAt(element, 500, { deltaY: -10, ctrlKey: true });
      wheelAt(element, 500, { deltaY: -10, ctrlKey: true });
      await nextFrame();
      await element.updateComplete;
    }
    expect(element.updates.slice(0, 3)).to.deep.equal([false, true, true]);
    expect(element.updates.length).to.be.at.most(7);
    // Once no wheel came for a while, the gesture ends: laid out in full again.
    await until(() => element.updates[element.updates.length - 1] === false, 'a full layout once the gesture ended');
    await element.updateComplete;
    expect(element.updates[element.updates.length - 1]).to.equal(false);
  });

  it('in right to left, the story runs from the right: the pointer keeps its time, and a drag to the right goes later', async () => {
    const element = await host(true);
    // 250 px from the left is 750 px from the start edge: day 75.
    wheelAt(element, 250, { deltaY: -100, ctrlKey: true });
    const under = +element.viewer.view[0] + 0.75 * hostSpan(element);
    expect(under).to.be.closeTo(+LIMITS[0] + 75 * DAY, 1000);
    element.viewer.zoomTo(new Date('2024-02-01T00:00Z'), new Date('2024-02-11T00:00Z'));
    mouse(element, 'mousedown', 300);
    mouse(element, 'mousemove', 500);
    mouse(element, 'mouseup', 500);
    expect(iso(element.viewer.view)).to.deep.equal(['2024-02-03T00:00:00.000Z', '2024-02-13T00:00:00.000Z']);
  });

  it('lets go of the plot when the host leaves, and takes hold of it again when it comes back', async () => {
    const element = await host();
    const container = element.parentElement!;
    expect(select(element.plot).on('wheel.zoom')).to.be.a('function');
    element.remove();
    expect(select(element.plot).on('wheel.zoom')).to.equal(undefined);
    expect(select(element.plot).on('wheel.view')).to.equal(undefined);
    container.append(element);
    expect(select(element.plot).on('wheel.zoom')).to.be.a('function');
    wheelAt(element, 500, { deltaY: -100, ctrlKey: true });
    expect(hostSpan(element)).to.be.below(100 * DAY);
  });

  it('the overview brush: a press outside it centres the window there, a drag moves it, told once on release', async () => {
    const element = await host();
    element.viewer.zoomTo(new Date('2024-02-01T00:00Z'), new Date('2024-02-11T00:00Z'));
    await element.updateComplete;
    const told = zooms(element);
    const strip = element.renderRoot.querySelector<HTMLElement>('.strip')!;
    strip.scrollIntoView({ block: 'center' });
    const box = strip.getBoundingClientRect();
    const at = (x: number): [number, number] => [Math.round(box.left + x), Math.round(box.top + 10)];
    // 700 px is day 70: a 10-day window around it, then 50 px (5 days) later.
    await sendMouse({ type: 'move', position: at(700) });
    await sendMouse({ type: 'down' });
    expect(iso(element.viewer.view)).to.deep.equal(['2024-03-06T00:00:00.000Z', '2024-03-16T00:00:00.000Z']);
    await sendMouse({ type: 'move', position: at(725) });
    await sendMouse({ type: 'move', position: at(750) });
    expect(told).to.deep.equal([]);
    await sendMouse({ type: 'up' });
    expect(told).to.deep.equal([['2024-03-11T00:00:00.000Z', '2024-03-21T00:00:00.000Z']]);
  });
});

describe('controllers/view-controller, animated', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('a programmatic zoom animates as previews and lands laid out on the window asked for, told once', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const element = await host();
    const told = zooms(element);
    element.viewer.zoomTo(new Date('2024-02-01T00:00Z'), new Date('2024-02-11T00:00Z'));
    expect(iso(element.viewer.view)).to.deep.equal(iso(LIMITS));
    await until(() => told.length > 0, 'the end of the animation');
    await element.updateComplete;
    expect(told).to.deep.equal([['2024-02-01T00:00:00.000Z', '2024-02-11T00:00:00.000Z']]);
    expect(element.updates.length).to.be.greaterThan(2);
    expect(element.updates.slice(0, -1).every(Boolean)).to.equal(true);
    expect(element.updates[element.updates.length - 1]).to.equal(false);
  });

  it('a zoom asked for while one animates takes over from where it is; only the last is told', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const element = await host();
    const told = zooms(element);
    // The animations' clock moves only when told, so the second zoom comes while the first is under way.
    const clock = animationClock();
    try {
      element.viewer.zoomBy(2);
      await clock.advance(0);
      await clock.advance(80);
      expect(hostSpan(element)).to.be.below(100 * DAY).and.above(50 * DAY);
      element.viewer.zoomTo(new Date('2024-03-01T00:00Z'), new Date('2024-03-08T00:00Z'));
      await clock.advance(0);
      await clock.advance(400);
      await until(() => told.length > 0, 'the end of the second zoom');
    } finally {
      clock.restore();
    }
    expect(told).to.deep.equal([['2024-03-01T00:00:00.000Z', '2024-03-08T00:00:00.000Z']]);
  });

  it('jumps instead, at once, when the reader asks for less motion, even when asked while shown', async () => {
    const element = await host();
    await emulateMedia({ reducedMotion: 'reduce' });
    await frames(2);
    element.viewer.zoomTo(new Date('2024-02-01T00:00Z'), new Date('2024-02-11T00:00Z'));
    expect(iso(element.viewer.view)).to.deep.equal(['2024-02-01T00:00:00.000Z', '2024-02-11T00:00:00.000Z']);
  });
});

describe('controllers/view-controller in <news-timeline>: zoom and pan', () => {
  it('Ctrl + wheel zooms in around the pointer and fires one timeline-zoom', async () => {
    const element = await loadedTimeline();
    const before = windowSpan(element);
    const ended = zoomed(element);
    const event = wheel(element, { deltaY: -100, ctrlKey: true });
    expect(event.defaultPrevented).to.equal(true);
    const { detail } = await ended;
    expect(windowSpan(element)).to.be.below(before * 0.9);
    expect(+detail.start).to.equal(+element.view.start);
  });

  it('a plain wheel leaves the view alone, lets the page scroll and shows a hint', async () => {
    const element = await loadedTimeline();
    const before = element.view;
    const event = wheel(element, { deltaY: 100 });
    expect(event.defaultPrevented).to.equal(false);
    await wait(200);
    expect(+element.view.start).to.equal(+before.start);
    expect(+element.view.end).to.equal(+before.end);
    await element.updateComplete;
    const hint = shadow(element).querySelector('.hint')!;
    expect(hint.classList.contains('shown')).to.equal(true);
    expect(hint.textContent).to.match(/Ctrl|⌘/);
  });

  it('a horizontal wheel pans', async () => {
    const element = await loadedTimeline();
    element.zoomTo('2024-04-01', '2024-06-01');
    await zoomed(element);
    const before = +element.view.start;
    const ended = zoomed(element);
    const event = wheel(element, { deltaX: 200 });
    expect(event.defaultPrevented).to.equal(true);
    await ended;
    expect(+element.view.start).to.be.above(before);
  });

  it('the buttons zoom in, out and fit all', async () => {
    const element = await loadedTimeline();
    const full = windowSpan(element);
    const button = (action: string) =>
      shadow(element).querySelector<HTMLButtonElement>(`[part="controls"] [data-action="${action}"]`)!;
    expect(button('zoom-in').getAttribute('aria-label')).to.equal('Zoom in');
    let ended = zoomed(element);
    button('zoom-in').click();
    await ended;
    expect(windowSpan(element)).to.be.closeTo(full / 2, full * 0.01);
    ended = zoomed(element);
    button('zoom-in').click();
    await ended;
    ended = zoomed(element);
    button('zoom-out').click();
    await ended;
    expect(windowSpan(element)).to.be.closeTo(full / 2, full * 0.01);
    ended = zoomed(element);
    button('fit').click();
    await ended;
    expect(windowSpan(element)).to.be.closeTo(full, full * 0.001);
  });

  it('zoomTo shows the window asked for; zoom never goes below one day or beyond fit-all', async () => {
    const element = await loadedTimeline();
    const full = windowSpan(element);
    element.zoomTo('2024-05-01', '2024-06-01');
    await zoomed(element);
    expect(element.view.start.toISOString()).to.equal('2024-05-01T00:00:00.000Z');
    expect(element.view.end.toISOString()).to.equal('2024-06-01T00:00:00.000Z');
    element.zoomTo('2024-05-01T00:00Z', '2024-05-01T01:00Z');
    await zoomed(element);
    expect(windowSpan(element)).to.be.closeTo(86_400_000, 1000);
    element.zoomOut();
    await zoomed(element);
    element.resetZoom();
    await zoomed(element);
    element.zoomOut();
    await zoomed(element);
    expect(windowSpan(element)).to.be.closeTo(full, 1000);
  });

  it('dragging the plot pans the window', async () => {
    const element = await loadedTimeline();
    element.zoomTo('2024-04-01', '2024-06-01');
    await zoomed(element);
    const before = +element.view.start;
    const target = plot(element);
    const box = target.getBoundingClientRect();
    const y = box.top + 5;
    target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: box.left + 500, clientY: y, button: 0, view: window }));
    window.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: box.left + 400, clientY: y, view: window }));
    window.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: box.left + 300, clientY: y, view: window }));
    const ended = zoomed(element);
    window.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: box.left + 300, clientY: y, view: window }));
    await ended;
    // 200 px to the left in a 61-day window 1000 px wide is about 12 days later.
    const days = (+element.view.start - before) / 86_400_000;
    expect(days).to.be.closeTo(12.2, 1);
  });
});

describe('controllers/view-controller in <news-timeline>: zoom bounds', function () {
  this.timeout(30000);
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  async function limits() {
    const element = await loadedTimeline();
    return { element, full: windowSpan(element) };
  }

  it('Ctrl + wheel zooms in no further than one day and out no further than fit-all', async () => {
    const { element, full } = await limits();
    let ended = zoomed(element);
    for (let i = 0; i < 40; i++) wheel(element, { deltaY: -100, ctrlKey: true });
    await ended;
    expect(windowSpan(element)).to.be.closeTo(DAY, 1000);
    ended = zoomed(element);
    for (let i = 0; i < 40; i++) wheel(element, { deltaY: 100, ctrlKey: true });
    await ended;
    expect(windowSpan(element)).to.be.closeTo(full, 1000);
  });

  it('the zoom buttons stop at one day and at fit-all', async () => {
    const { element, full } = await limits();
    const button = (action: string) => shadow(element).querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
    for (let i = 0; i < 12; i++) button('zoom-in').click();
    await frames(2);
    expect(windowSpan(element)).to.be.closeTo(DAY, 1000);
    for (let i = 0; i < 12; i++) button('zoom-out').click();
    await frames(2);
    expect(windowSpan(element)).to.be.closeTo(full, 1000);
  });

  it('with times of day in the data, zoom goes down to half an hour and the axis marks minutes', async () => {
    const source = [{ url: 'https://example.com/x' }];
    const element = await timelineWith(
      [
        { id: 'a', type: 'talks', date: '2025-10-08T14:00Z', title: 'Delegations arrive', sources: source },
        { id: 'b', type: 'talks', date: '2025-10-08T14:20Z', title: 'Lists exchanged', sources: source },
        { id: 'c', type: 'talks', date: '2025-10-15', title: 'Follow-up', sources: source },
      ],
      1000,
    );
    await showWindow(element, '2025-10-08T14:00Z', '2025-10-08T15:00Z');
    expect(windowSpan(element)).to.equal(HOUR);
    // 20 minutes apart in an hour's window: two marks of their own.
    expect(drawnIn(shadow(element).querySelector('.lane')!).own).to.include.members(['a', 'b']);
    const labels = [...shadow(element).querySelectorAll('.axis .tick:not(.context)')].map((tick) => tick.textContent!.trim());
    expect(labels).to.include('2:15 PM');
    let ended = zoomed(element);
    for (let i = 0; i < 20; i++) wheel(element, { deltaY: -100, ctrlKey: true });
    await ended;
    expect(windowSpan(element)).to.be.closeTo(HOUR / 2, 1000);
    ended = zoomed(element);
    element.zoomTo('2025-10-08T14:00Z', '2025-10-08T14:01Z');
    await ended;
    expect(windowSpan(element)).to.equal(HOUR / 2);
  });

  it('the + and - keys stop at one day and at fit-all', async () => {
    const { element, full } = await limits();
    const key = (name: string) =>
      plot(element).dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
    for (let i = 0; i < 12; i++) key('+');
    await frames(2);
    expect(windowSpan(element)).to.be.closeTo(DAY, 1000);
    for (let i = 0; i < 12; i++) key('-');
    await frames(2);
    expect(windowSpan(element)).to.be.closeTo(full, 1000);
  });
});

describe('controllers/view-controller in <news-timeline>: motion', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('under prefers-reduced-motion a button zoom lands within one frame', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const element = await loadedTimeline();
    const full = windowSpan(element);
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    shadow(element).querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
    await nextFrame();
    expect(windowSpan(element)).to.be.closeTo(full / 2, full * 0.001);
    expect(zooms).to.equal(1);
  });

  it('a call during a zoom animation takes over: one timeline-zoom, on the window asked for last', async () => {
    const element = await loadedTimeline();
    const full = windowSpan(element);
    const ends: string[] = [];
    element.addEventListener('timeline-zoom', (event) => ends.push(event.detail.start.toISOString()));
    // The animations' clock moves only when told, so the call comes while the first zoom is under way.
    const clock = animationClock();
    try {
      shadow(element).querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
      await clock.advance(0);
      await clock.advance(60);
      expect(windowSpan(element)).to.be.below(full).and.above(full / 2);
      const ended = zoomed(element);
      element.zoomTo('2024-03-01', '2024-04-01');
      await clock.advance(0);
      // Past the end of both animations: the first, taken over, is not told even then.
      await clock.advance(400);
      await ended;
      await clock.advance(400);
    } finally {
      clock.restore();
    }
    expect(ends).to.deep.equal(['2024-03-01T00:00:00.000Z']);
    expect(element.view.end.toISOString()).to.equal('2024-04-01T00:00:00.000Z');
  });

  it('otherwise a button zoom animates', async () => {
    const element = await loadedTimeline();
    const full = windowSpan(element);
    const ended = zoomed(element);
    shadow(element).querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
    // Under reduced motion the window is already half as wide here.
    expect(windowSpan(element)).to.equal(full);
    await ended;
    expect(windowSpan(element)).to.be.closeTo(full / 2, full * 0.001);
  });

  it('turning reduced motion on while the timeline is shown takes effect', async () => {
    const element = await loadedTimeline();
    const full = windowSpan(element);
    await emulateMedia({ reducedMotion: 'reduce' });
    // Media query changes are reported with the next rendering.
    await frames(2);
    shadow(element).querySelector<HTMLButtonElement>('[data-action="zoom-in"]')!.click();
    await nextFrame();
    expect(windowSpan(element)).to.be.closeTo(full / 2, full * 0.001);
  });
});

describe('controllers/view-controller in <news-timeline>: pointer gestures', () => {
  it('double-click zooms in ×2 around the pointer', async () => {
    const element = await loadedTimeline();
    const before = element.view;
    const box = plot(element).getBoundingClientRect();
    const x = 300;
    const under = +before.start + (x / 1000) * windowSpan(element);
    const ended = zoomed(element);
    plot(element).dispatchEvent(
      new MouseEvent('dblclick', { bubbles: true, composed: true, cancelable: true, clientX: box.left + x, clientY: box.top + 10, view: window }),
    );
    await ended;
    expect(windowSpan(element)).to.be.closeTo((+before.end - +before.start) / 2, 1000);
    expect(+element.view.start + (x / 1000) * windowSpan(element)).to.be.closeTo(under, 60_000);
  });

  /** Sends a mouse event of `type` at (`clientX`, `clientY`) to `target`, with the primary button. */
  function mouse(target: EventTarget, type: string, clientX: number, clientY: number): void {
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX, clientY, button: 0, view: window }));
  }

  it('double-click on a mark does not zoom', async () => {
    const element = await loadedTimeline();
    const before = element.view;
    const box = mark(element, 'talks-doha').getBoundingClientRect();
    mouse(mark(element, 'talks-doha'), 'dblclick', box.left + box.width / 2, box.top + box.height / 2);
    // A zoom would have begun by now and would still be moving: settled waits until the window holds still.
    await settled(element);
    expect(+element.view.start).to.equal(+before.start);
    expect(+element.view.end).to.equal(+before.end);
  });

  it('a drag that starts on a mark moves the window and does not open the mark; a press in place opens it', async () => {
    const element = await loadedTimeline();
    await showWindow(element, '2024-01-01', '2024-03-01');
    const before = +element.view.start;
    const target = mark(element, 'talks-doha');
    const box = target.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const ended = zoomed(element);
    mouse(target, 'mousedown', x, y);
    mouse(window, 'mousemove', x - 50, y);
    mouse(window, 'mouseup', x - 50, y);
    mouse(target, 'click', x - 50, y);
    await ended;
    await element.updateComplete;
    expect(+element.view.start).to.be.above(before);
    expect(element.selected).to.equal(null);
    expect(shadow(element).querySelector('[part="detail"]')).to.equal(null);

    await wait(20);
    await element.updateComplete;
    const again = mark(element, 'talks-doha');
    const place = again.getBoundingClientRect();
    const [px, py] = [place.left + place.width / 2, place.top + place.height / 2];
    const view = element.view;
    mouse(again, 'mousedown', px, py);
    mouse(window, 'mouseup', px, py);
    mouse(again, 'click', px, py);
    await element.updateComplete;
    expect(element.selected).to.equal('talks-doha');
    expect(+element.view.start).to.equal(+view.start);
  });

  it('a press and release that moves nothing is no zoom: no timeline-zoom, nothing announced', async () => {
    const element = await loadedTimeline();
    await showWindow(element, '2024-01-01', '2024-03-01');
    await wait(50);
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    const said = liveRegion(element).textContent;
    const box = plot(element).getBoundingClientRect();
    const [x, y] = [box.left + 300, box.top + 5];
    mouse(plot(element), 'mousedown', x, y);
    mouse(window, 'mouseup', x, y);
    // A press on a mark, and one that wanders up and down only: the window stays where it was.
    const target = mark(element, 'talks-doha');
    const place = target.getBoundingClientRect();
    mouse(target, 'mousedown', place.left + 5, place.top + 5);
    mouse(window, 'mousemove', place.left + 5, place.top + 40);
    mouse(window, 'mouseup', place.left + 5, place.top + 40);
    await wait(300);
    await element.updateComplete;
    expect(zooms).to.equal(0);
    expect(liveRegion(element).textContent).to.equal(said);
  });

  it('in right to left the chart follows the pointer too: dragging to the right brings later times in from the left', async () => {
    const element = await loadedTimeline(SMALL, 1000, 'dir=rtl');
    await showWindow(element, '2024-04-01', '2024-06-01');
    const before = +element.view.start;
    const box = plot(element).getBoundingClientRect();
    const y = box.top + 5;
    const ended = zoomed(element);
    mouse(plot(element), 'mousedown', box.left + 300, y);
    mouse(window, 'mousemove', box.left + 400, y);
    mouse(window, 'mousemove', box.left + 500, y);
    mouse(window, 'mouseup', box.left + 500, y);
    await ended;
    // 200 px to the right in a 61-day window 1000 px wide, running right to left: about 12 days later.
    expect((+element.view.start - before) / DAY).to.be.closeTo(12.2, 1);
  });

  it('in right to left, ⌘ + wheel keeps the time under the pointer where it is', async () => {
    const element = await loadedTimeline(SMALL, 1000, 'dir=rtl');
    const box = plot(element).getBoundingClientRect();
    const x = 300;
    // x px from the left is (1000 - x) px from the start edge on the right.
    const under = () => +element.view.start + ((1000 - x) / 1000) * windowSpan(element);
    const before = { span: windowSpan(element), under: under() };
    const ended = zoomed(element);
    const event = wheel(element, { deltaY: -100, metaKey: true, clientX: box.left + x });
    expect(event.defaultPrevented).to.equal(true);
    await ended;
    expect(windowSpan(element)).to.be.closeTo(before.span / Math.SQRT2, before.span * 0.001);
    expect(under()).to.be.closeTo(before.under, 60_000);
  });

  it('a Ctrl + wheel gesture ends once no wheel came for 150 ms, with one timeline-zoom', async () => {
    const element = await loadedTimeline();
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    const ended = zoomed(element);
    // Timers run in the order they are due: each wait below, begun just after a wheel event, ends
    // before the gesture's own wait for quiet, however busy the page.
    for (let i = 0; i < 5; i++) {
      wheel(element, { deltaY: -20, ctrlKey: true });
      await wait(i < 4 ? 20 : 100);
    }
    expect(zooms, 'told before the wheel had been quiet for 150 ms').to.equal(0);
    await ended;
    await wait(300);
    expect(zooms).to.equal(1);
  });

  it('at the narrowest window a Ctrl + wheel to zoom in further is left to the browser', async () => {
    const element = await loadedTimeline();
    await showWindow(element, '2024-05-01', '2024-05-02');
    expect(windowSpan(element)).to.equal(DAY);
    expect(wheel(element, { deltaY: -100, ctrlKey: true }).defaultPrevented).to.equal(false);
    expect(wheel(element, { deltaY: 100, ctrlKey: true }).defaultPrevented).to.equal(true);
  });
});

describe('controllers/view-controller in <news-timeline>: touch', () => {
  function touch(target: Element, identifier: number, clientX: number, clientY: number): Touch {
    return new Touch({ identifier, target, clientX, clientY });
  }
  function send(target: Element, type: string, touches: Touch[], changed = touches): TouchEvent {
    const event = new TouchEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      touches,
      targetTouches: touches,
      changedTouches: changed,
    });
    target.dispatchEvent(event);
    return event;
  }

  /** A timeline showing April and May 2024, its plot, a finger's height in it, and the window's start. */
  async function twoMonths() {
    const element = await loadedTimeline();
    await showWindow(element, '2024-04-01', '2024-06-01');
    const target = plot(element);
    const box = target.getBoundingClientRect();
    return { element, target, box, y: box.top + 40, before: +element.view.start };
  }

  it('a two-finger pinch zooms around the fingers and fires one timeline-zoom', async () => {
    const element = await loadedTimeline();
    const target = plot(element);
    const box = target.getBoundingClientRect();
    const y = box.top + 40;
    const before = windowSpan(element);
    const startCentre = +element.view.start + 0.5 * before;
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    send(target, 'touchstart', [touch(target, 1, box.left + 400, y), touch(target, 2, box.left + 600, y)]);
    for (let step = 1; step <= 5; step++) {
      const move = send(target, 'touchmove', [touch(target, 1, box.left + 400 - step * 20, y), touch(target, 2, box.left + 600 + step * 20, y)]);
      expect(move.defaultPrevented).to.equal(true);
      await nextFrame();
    }
    send(target, 'touchend', [], [touch(target, 1, box.left + 300, y), touch(target, 2, box.left + 700, y)]);
    await frames(2);
    // The fingers moved from 200 px apart to 400 px: the window is half as wide, around the same middle.
    expect(windowSpan(element)).to.be.closeTo(before / 2, before * 0.02);
    expect(+element.view.start + 0.5 * windowSpan(element)).to.be.closeTo(startCentre, before * 0.01);
    expect(zooms).to.equal(1);
  });

  it('two fingers moving together pan', async () => {
    const { element, target, box, y, before } = await twoMonths();
    send(target, 'touchstart', [touch(target, 1, box.left + 400, y), touch(target, 2, box.left + 600, y)]);
    send(target, 'touchmove', [touch(target, 1, box.left + 300, y), touch(target, 2, box.left + 500, y)]);
    await nextFrame();
    send(target, 'touchend', [], [touch(target, 1, box.left + 300, y), touch(target, 2, box.left + 500, y)]);
    await frames(2);
    // 100 px to the left in a 61-day window 1000 px wide is 6.1 days later.
    expect((+element.view.start - before) / DAY).to.be.closeTo(6.1, 0.2);
  });

  it('when one of two fingers lifts, the other pans on; one timeline-zoom once both lifted', async () => {
    const { element, target, box, y, before } = await twoMonths();
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    const one = (x: number) => touch(target, 1, box.left + x, y);
    send(target, 'touchstart', [one(400), touch(target, 2, box.left + 600, y)]);
    send(target, 'touchend', [one(400)], [touch(target, 2, box.left + 600, y)]);
    const move = send(target, 'touchmove', [one(300)]);
    expect(move.defaultPrevented).to.equal(true);
    await nextFrame();
    expect(zooms).to.equal(0);
    send(target, 'touchend', [], [one(300)]);
    await frames(2);
    // 100 px to the left in a 61-day window 1000 px wide is 6.1 days later.
    expect((+element.view.start - before) / DAY).to.be.closeTo(6.1, 0.2);
    expect(zooms).to.equal(1);
  });

  it('one finger dragged sideways says that moving takes two fingers; up or down it says nothing', async () => {
    const element = await loadedTimeline();
    const target = plot(element);
    const box = target.getBoundingClientRect();
    const hint = () => shadow(element).querySelector('.hint')!;
    const y = box.top + 40;
    send(target, 'touchstart', [touch(target, 1, box.left + 500, y)]);
    send(target, 'touchmove', [touch(target, 1, box.left + 504, y - 60)]);
    send(target, 'touchend', [], [touch(target, 1, box.left + 504, y - 60)]);
    await element.updateComplete;
    await wait(700);
    expect(hint().classList.contains('shown')).to.equal(false);
    send(target, 'touchstart', [touch(target, 1, box.left + 500, y)]);
    send(target, 'touchmove', [touch(target, 1, box.left + 440, y + 3)]);
    await element.updateComplete;
    expect(hint().classList.contains('shown')).to.equal(true);
    expect(hint().textContent).to.contain('two fingers');
  });

  it('one finger leaves the page to scroll: nothing is prevented and the view stays', async () => {
    const element = await loadedTimeline();
    const target = plot(element);
    const box = target.getBoundingClientRect();
    const before = element.view;
    const x = box.left + 500;
    const start = send(target, 'touchstart', [touch(target, 1, x, box.top + 40)]);
    expect(start.defaultPrevented).to.equal(false);
    for (let step = 1; step <= 5; step++) {
      const move = send(target, 'touchmove', [touch(target, 1, x + step, box.top + 40 - step * 30)]);
      expect(move.defaultPrevented).to.equal(false);
    }
    const end = send(target, 'touchend', [], [touch(target, 1, x + 5, box.top - 110)]);
    expect(end.defaultPrevented).to.equal(false);
    await frames(2);
    expect(+element.view.start).to.equal(+before.start);
    expect(+element.view.end).to.equal(+before.end);
  });
});

describe('controllers/view-controller in <news-timeline>: the overview brush', () => {
  before(() => setViewport({ width: 1200, height: 900 }));

  async function zoomedIn() {
    const element = await loadedTimeline();
    const limits = [+element.view.start, +element.view.end];
    await showWindow(element, '2024-03-01', '2024-05-01');
    const strip = shadow(element).querySelector<HTMLElement>('.overview')!;
    strip.scrollIntoView({ block: 'center' });
    await frames(1);
    let zooms = 0;
    element.addEventListener('timeline-zoom', () => zooms++);
    return { element, strip, msPerPx: (limits[1] - limits[0]) / 1000, zooms: () => zooms };
  }

  async function drag(from: [number, number], to: [number, number]) {
    await sendMouse({ type: 'move', position: from.map(Math.round) as [number, number] });
    await sendMouse({ type: 'down' });
    for (let step = 1; step <= 4; step++) {
      const x = from[0] + ((to[0] - from[0]) * step) / 4;
      await sendMouse({ type: 'move', position: [Math.round(x), Math.round(to[1])] });
    }
    await sendMouse({ type: 'up' });
    await frames(2);
    await wait(50);
  }

  it('dragging the brush pans the view by as much time as the strip shows under the move', async () => {
    const { element, strip, msPerPx, zooms } = await zoomedIn();
    const before = element.view;
    const brush = strip.querySelector('.brush')!.getBoundingClientRect();
    const y = brush.top + brush.height / 2;
    const x = brush.left + brush.width / 2;
    await drag([x, y], [x + 120, y]);
    expect((+element.view.start - +before.start) / msPerPx).to.be.closeTo(120, 1);
    expect(windowSpan(element)).to.be.closeTo(+before.end - +before.start, 1000);
    expect(zooms()).to.equal(1);
  });

  it('dragging a handle resizes the window from that end', async () => {
    const { element, strip, msPerPx, zooms } = await zoomedIn();
    const before = element.view;
    const handle = strip.querySelector('.handle.end')!.getBoundingClientRect();
    const y = handle.top + handle.height / 2;
    const x = handle.left + handle.width / 2;
    await drag([x, y], [x + 60, y]);
    expect(+element.view.start).to.be.closeTo(+before.start, 1000);
    expect((+element.view.end - +before.end) / msPerPx).to.be.closeTo(60, 1);
    expect(zooms()).to.equal(1);
  });

  it('a press outside the brush centres the window there', async () => {
    const { element, strip, msPerPx, zooms } = await zoomedIn();
    const before = windowSpan(element);
    const box = strip.getBoundingClientRect();
    const limitsStart = +element.view.start - (strip.querySelector<HTMLElement>('.brush')!.getBoundingClientRect().left - box.left - 1) * msPerPx;
    const x = box.left + 700;
    await drag([x, box.top + box.height / 2], [x, box.top + box.height / 2]);
    const centre = (+element.view.start + +element.view.end) / 2;
    expect((centre - limitsStart) / msPerPx).to.be.closeTo(699, 2);
    expect(windowSpan(element)).to.be.closeTo(before, 1000);
    expect(zooms()).to.equal(1);
  });
});

describe('controllers/view-controller: the grip on the plot', () => {
  /** The plot's own cursor now. */
  const cursor = (element: Awaited<ReturnType<typeof loadedTimeline>>) => getComputedStyle(plot(element)).cursor;

  it('a press on the plot\'s ground shows the grabbing hand until it is let go; a press on a mark leaves the plot\'s cursor (and its style) as it was', async () => {
    const element = await loadedTimeline();
    const area = plot(element).getBoundingClientRect();
    expect(cursor(element)).to.equal('grab');

    // The axis, at the top of the plot: ground that pans.
    await sendMouse({ type: 'move', position: [Math.round(area.left + area.width / 2), Math.round(area.top + 8)] });
    await sendMouse({ type: 'down' });
    expect(cursor(element)).to.equal('grabbing');
    await sendMouse({ type: 'up' });
    expect(cursor(element)).to.equal('grab');

    const target = [...shadow(element).querySelectorAll<HTMLElement>('[data-event-id]')].find((node) => {
      const box = node.getBoundingClientRect();
      return box.width > 0 && shadow(element).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('[data-event-id]') === node;
    })!;
    const box = target.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await sendMouse({ type: 'down' });
    expect(cursor(element)).to.equal('grab');
    expect(plot(element).classList.contains('grabbing')).to.equal(false);
    await sendMouse({ type: 'up' });
    await element.updateComplete;
    // The click went through: the mark is selected.
    expect(element.selected).to.equal(target.dataset.eventId);
  });
});
