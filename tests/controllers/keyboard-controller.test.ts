import { expect, fixture, html as testHtml, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { KeyboardController } from '../../src/controllers/keyboard-controller.js';
import { ViewController } from '../../src/controllers/view-controller.js';
import { TimelineZoomEvent } from '../../src/events.js';
import { createTranslator } from '../../src/i18n/translate.js';
import { layoutScene, markKey, sceneMarks, type ChartView } from '../../src/layout/scene.js';
import { prepareStory } from '../../src/layout/story.js';
import { readData } from '../../src/model/read.js';
import type { NewsTimeline } from '../../src/news-timeline.js';
import type { TimelineEvent } from '../../src/model/types.js';
import { viewContext } from '../../src/views/context.js';
import { eventEnd } from '../../src/layout/extent.js';
import {
  deepActive,
  drawnIn,
  frames,
  liveRegion,
  plot,
  settled,
  shadow,
  span,
  storyData,
  storyTimeline,
  timelineWith,
  zoomed,
} from '../helpers.js';
import { contrastRatio } from '../contrast.js';

const source = [{ url: 'https://example.com/x' }];
const STORY = prepareStory(
  readData([
    { id: 'a', type: 'talks', date: '2024-01-10', title: 'Talks open', sources: source },
    { id: 'b', type: 'proposal', date: '2024-02-02', title: 'A proposal', sources: source },
    { id: 'c', type: 'talks', date: '2024-03-05', title: 'Second round', sources: source },
    { id: 'd', type: 'talks', date: '2024-03-05', title: 'Lists exchanged', sources: source },
    { id: 'e', type: 'proposal', date: '2024-04-20', title: 'A counter-proposal', sources: source },
  ]).dataset,
);

/**
 * The smallest host a KeyboardController needs: a story, a view controller, and a plot of one
 * button per mark of the scene (events and clusters), in the tab order the scene gives.
 */
class KeysHost extends LitElement {
  @property() accessor selected: string | null = null;
  readonly viewer = new ViewController(this);
  readonly keys = new KeyboardController(this, this.viewer);
  story = STORY;
  hiddenTypes: ReadonlySet<string> = new Set<string>();
  context = viewContext(createTranslator('en'), false, STORY.dataset.types);
  width = 1000;
  scene?: ChartView;

  showType(type: string): void {
    this.hiddenTypes = new Set([...this.hiddenTypes].filter((hidden) => hidden !== type));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.viewer.configure(STORY.limits, STORY.floor, this.width, this.context.rtl);
    if (changed.has('selected')) this.keys.selectionChanged();
  }

  override render() {
    const measure = (text: string) => text.length * 6;
    const input = { story: this.story, view: this.viewer.view, width: this.width, rtl: this.context.rtl, locale: 'en', measure };
    const scene = (this.scene = layoutScene({ ...input, hidden: this.hiddenTypes, selected: this.selected, cursor: this.keys.cursor }));
    return html`<div class="frame" @keydown=${this.keys.onFrameKeydown}>
      <div class="plot" style="width:1000px" @keydown=${this.keys.onPlotKeydown} @focusin=${this.keys.onPlotFocusIn} @click=${this.keys.onPlotClick}>
        ${sceneMarks(scene).map((mark) =>
          mark.kind === 'event'
            ? html`<button data-event-id=${mark.event.id} tabindex=${markKey(mark) === scene.tabKey ? 0 : -1}>${mark.event.title}</button>`
            : html`<button data-cluster-count=${mark.count} data-cluster-key=${markKey(mark)} tabindex=${markKey(mark) === scene.tabKey ? 0 : -1}>
                ${mark.count}
              </button>`,
        )}
      </div>
      <p class="said">${this.keys.announcement}</p>
    </div>`;
  }

  override firstUpdated(): void {
    this.viewer.attach(this.renderRoot.querySelector<HTMLElement>('.plot')!);
  }

  get said(): string {
    return this.renderRoot.querySelector('.said')!.textContent!.trim();
  }

  focused(): string | undefined {
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    return active?.dataset.eventId ?? active?.dataset.clusterKey;
  }
}
customElements.define('test-keys-host', KeysHost);

async function keysHost(rtl = false): Promise<KeysHost> {
  const element = document.createElement('test-keys-host') as KeysHost;
  element.context = viewContext(createTranslator('en'), rtl, STORY.dataset.types);
  const container = await fixture<HTMLDivElement>(testHtml`<div style="width:1000px"></div>`);
  container.append(element);
  await element.updateComplete;
  return element;
}

async function keyOn(element: KeysHost, key: string): Promise<void> {
  const target = ((element.renderRoot as ShadowRoot).activeElement ?? element.renderRoot.querySelector('.plot')) as HTMLElement;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await element.updateComplete;
  await frames(1);
  await element.updateComplete;
}

describe('controllers/keyboard-controller, on a host of its own', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('moves in time order with the arrows, says each event and gives its mark focus; Home and End go to the ends', async () => {
    const element = await keysHost();
    element.renderRoot.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    expect(element.focused()).to.equal('a');
    await keyOn(element, 'ArrowRight');
    expect(element.keys.cursor).to.equal('b');
    expect(element.said).to.equal('Proposals, February 2, 2024: A proposal');
    expect(element.focused()).to.equal('b');
    await keyOn(element, 'End');
    expect([element.keys.cursor, element.focused()]).to.deep.equal(['e', 'e']);
    await keyOn(element, 'Home');
    expect([element.keys.cursor, element.focused()]).to.deep.equal(['a', 'a']);
    await keyOn(element, 'ArrowLeft');
    expect(element.keys.cursor).to.equal('a');
  });

  it('mirrors the arrows right to left', async () => {
    const element = await keysHost(true);
    element.renderRoot.querySelector<HTMLElement>('[tabindex="0"]')!.focus();
    await keyOn(element, 'ArrowLeft');
    expect(element.keys.cursor).to.equal('b');
    await keyOn(element, 'ArrowRight');
    expect(element.keys.cursor).to.equal('a');
  });

  it('Enter selects the event (the host tells the page), Escape closes it with focus back on its mark', async () => {
    const element = await keysHost();
    element.renderRoot.querySelector<HTMLElement>('[data-event-id="b"]')!.focus();
    const selected = oneEvent(element, 'timeline-select');
    await keyOn(element, 'Enter');
    expect(element.selected).to.equal('b');
    const { detail } = await selected;
    expect([detail.id, detail.event?.title]).to.deep.equal(['b', 'A proposal']);
    const cleared = oneEvent(element, 'timeline-select');
    await keyOn(element, 'Escape');
    expect((await cleared).detail).to.deep.equal({ id: null, event: null });
    expect(element.selected).to.equal(null);
    expect(element.focused()).to.equal('b');
  });

  it('two events of one day stand in rows of their own, each a mark that Enter opens', async () => {
    const element = await keysHost();
    expect(element.renderRoot.querySelector('[data-cluster-count]')).to.equal(null);
    for (const id of ['c', 'd']) {
      element.renderRoot.querySelector<HTMLElement>(`[data-event-id="${id}"]`)!.focus();
      await keyOn(element, 'Enter');
      expect(element.selected).to.equal(id);
    }
  });

  it('says where a zoom ended, unless the zoom only brought the keyboard’s event into view', async () => {
    const element = await keysHost();
    element.viewer.zoomTo(new Date('2024-02-01T00:00Z'), new Date('2024-03-01T00:00Z'));
    await frames(1);
    await element.updateComplete;
    expect(element.said).to.equal('Showing February 1, 2024 to March 1, 2024');
    element.renderRoot.querySelector<HTMLElement>('[data-event-id="b"]')!.focus();
    // The next event lies outside the window: the window follows it, and the event is said.
    await keyOn(element, 'End');
    expect(+element.viewer.view[1]).to.be.at.least(Date.UTC(2024, 3, 20));
    expect(element.said).to.equal('Proposals, April 20, 2024: A counter-proposal');
  });

  it('+ and - zoom around the keyboard’s event', async () => {
    const element = await keysHost();
    element.renderRoot.querySelector<HTMLElement>('[data-event-id="b"]')!.focus();
    await keyOn(element, 'ArrowRight');
    await keyOn(element, 'ArrowLeft');
    const x = () => element.viewer.scale()(new Date('2024-02-02T00:00Z'));
    const before = [x(), +element.viewer.view[1] - +element.viewer.view[0]];
    await keyOn(element, '+');
    expect(+element.viewer.view[1] - +element.viewer.view[0]).to.be.closeTo(before[1] / 2, 1000);
    expect(x()).to.be.closeTo(before[0], 0.01);
    await keyOn(element, '-');
    expect(+element.viewer.view[1] - +element.viewer.view[0]).to.be.closeTo(before[1], 1000);
  });

  it('stops listening to the host’s zooms when the host leaves', async () => {
    const element = await keysHost();
    const container = element.parentElement!;
    element.remove();
    element.dispatchEvent(new TimelineZoomEvent({ start: new Date('2024-02-01T00:00Z'), end: new Date('2024-03-01T00:00Z') }));
    expect(element.keys.announcement).to.equal('');
    container.append(element);
    element.dispatchEvent(new TimelineZoomEvent({ start: new Date('2024-02-01T00:00Z'), end: new Date('2024-03-01T00:00Z') }));
    expect(element.keys.announcement).to.equal('Showing February 1, 2024 to March 1, 2024');
  });
});


async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Lets a key's effect land: with reduced motion a zoom is applied at once. */
async function land(element: NewsTimeline): Promise<void> {
  await element.updateComplete;
  await frames(2);
  await element.updateComplete;
}

/** The mark (or cluster) that has focus inside the element, if any. */
function focusedMark(element: NewsTimeline): HTMLElement | null {
  const active = shadow(element).activeElement as HTMLElement | null;
  return active?.matches('[part~="event"]') ? active : null;
}

/** Buttons before and after the widget, so that Tab can go in and come out. */
function surround(element: NewsTimeline): { before: HTMLButtonElement; after: HTMLButtonElement } {
  const before = document.createElement('button');
  before.textContent = 'before';
  const afterButton = document.createElement('button');
  afterButton.textContent = 'after';
  element.before(before);
  element.after(afterButton);
  return { before, after: afterButton };
}

/** Tabs from the button before the widget until a mark has focus. */
async function tabToMark(element: NewsTimeline): Promise<HTMLElement> {
  const { before } = surround(element);
  before.focus();
  for (let i = 0; i < 30; i++) {
    await press('Tab');
    const mark = focusedMark(element);
    if (mark) return mark;
  }
  throw new Error('Tab never reached a mark');
}

/** The event whose name the live region says, or undefined. */
function announced(element: NewsTimeline): TimelineEvent | undefined {
  const text = liveRegion(element).textContent!.trim();
  return element.events.find((event) => text.endsWith(`: ${event.title}`));
}

/** The cluster mark's dates as its label gives them cannot be read back; its events are checked by id in its key. */
function isHolderOf(mark: HTMLElement, event: TimelineEvent): boolean {
  if (mark.dataset.eventId) return mark.dataset.eventId === event.id;
  return mark.hasAttribute('data-cluster-count');
}

describe('keyboard: tab order and focus ring', () => {
  it('Tab goes through the legend, the controls and exactly one mark, each with a visible ring, then out', async () => {
    const element = await storyTimeline();
    const { before, after: out } = surround(element);
    before.focus();
    const stops: HTMLElement[] = [];
    for (let i = 0; i < 40; i++) {
      await press('Tab');
      const active = deepActive() as HTMLElement;
      if (active === out) break;
      stops.push(active);
      // The ring is looked at while the stop has focus.
      const style = getComputedStyle(active);
      expect(style.outlineStyle, active.outerHTML.slice(0, 80)).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    }
    expect(deepActive()).to.equal(out);
    for (const stop of stops) expect(stop.getRootNode()).to.equal(shadow(element));

    const markStops = stops.filter((stop) => stop.matches('[part~="event"]'));
    expect(markStops).to.have.length(1);
    // The one stop is the earliest mark: the roving tabindex starts at the beginning of the story.
    const tabbable = [...shadow(element).querySelectorAll('[part~="event"][tabindex="0"]')];
    expect(tabbable).to.deep.equal(markStops);

    const actions = stops.map((stop) => stop.dataset.action).filter(Boolean);
    expect(actions).to.deep.equal(['zoom-in', 'zoom-out', 'fit', 'list']);
    const legend = stops.map((stop) => stop.dataset.legendType).filter(Boolean);
    expect(legend).to.deep.equal(['talks', 'proposal', 'agreement', 'decision', 'casualties']);

  });

  for (const state of ['detail', 'list'] as const) {
    it(`with the ${state} open, every Tab stop shows a ring of 2 px or more that stands out 3:1`, async () => {
      const element = await storyTimeline();
      if (state === 'detail') element.select('sharm-el-sheikh-talks-2025-10-06');
      else shadow(element).querySelector<HTMLButtonElement>('[data-action="list"]')!.click();
      await settled(element);
      const { before, after: out } = surround(element);
      before.focus();
      let stops = 0;
      for (let i = 0; i < 400; i++) {
        await press('Tab');
        const active = deepActive() as HTMLElement;
        if (active === out) break;
        stops += 1;
        const style = getComputedStyle(active);
        const label = active.outerHTML.slice(0, 80);
        expect(style.outlineStyle, label).to.equal('solid');
        expect(parseFloat(style.outlineWidth), label).to.be.at.least(2);
        expect(contrastRatio(style.outlineColor, 'rgb(255, 255, 255)'), label).to.be.at.least(3);
      }
      expect(deepActive()).to.equal(out);
      if (state === 'list') {
        // The list button (the zoom buttons rest while the chart is away), then every source of the story.
        expect(stops).to.equal(1 + element.events.flatMap((event) => event.sources).length);
      } else {
        // The legend, four controls, one mark, the figure chart's measure, then the detail's three links and three buttons.
        expect(stops).to.equal(5 + 4 + 1 + 1 + 3 + 3);
      }
    });
  }

  it('Shift+Tab from after the widget comes back to the same single mark', async () => {
    const element = await storyTimeline();
    const { after: out } = surround(element);
    out.focus();
    let markStops = 0;
    for (let i = 0; i < 40; i++) {
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      if (focusedMark(element)) markStops += 1;
      if (!element.contains(deepActive()) && deepActive()?.getRootNode() !== shadow(element)) break;
    }
    expect(markStops).to.equal(1);
  });
});

describe('keyboard: moving between events', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('ArrowRight and ArrowLeft move in time order and the live region names the event', async () => {
    const element = await storyTimeline();
    await tabToMark(element);
    const events = element.events;
    await press('Home');
    await land(element);
    expect(announced(element)?.id).to.equal(events[0].id);
    await press('ArrowRight');
    await land(element);
    expect(announced(element)?.id).to.equal(events[1].id);
    expect(isHolderOf(focusedMark(element)!, events[1])).to.equal(true);
    await press('ArrowRight');
    await land(element);
    expect(announced(element)?.id).to.equal(events[2].id);
    await press('ArrowLeft');
    await land(element);
    expect(announced(element)?.id).to.equal(events[1].id);
    expect(liveRegion(element).textContent!.trim()).to.equal(
      'Casualties and hostages, November 9, 2023: Israel cites more than 1,400 killed on 7 October',
    );
  });

  it('names the talks on 6 October 2025 the way the issue asks', async () => {
    const element = await storyTimeline();
    await tabToMark(element);
    const target = element.events.findIndex((event) => event.id === 'sharm-el-sheikh-talks-2025-10-06');
    await press('Home');
    for (let i = 0; i < target; i++) await press('ArrowRight');
    await land(element);
    const mark = focusedMark(element)!;
    expect(mark.dataset.eventId).to.equal('sharm-el-sheikh-talks-2025-10-06');
    expect(mark.getAttribute('aria-label')).to.equal('Talks, October 6, 2025: Indirect talks open in Sharm el-Sheikh');
    expect(liveRegion(element).textContent!.trim()).to.equal(mark.getAttribute('aria-label'));
  });

  it('Home and End go to the first and the last event', async () => {
    const element = await storyTimeline();
    await tabToMark(element);
    const events = element.events;
    await press('End');
    await land(element);
    expect(announced(element)?.id).to.equal(events[events.length - 1].id);
    expect(focusedMark(element)!.dataset.eventId).to.equal('gaza-moh-toll-2025-11-29');
    await press('Home');
    await land(element);
    expect(announced(element)?.id).to.equal(events[0].id);
    expect(focusedMark(element)!.dataset.eventId).to.equal('hamas-led-attack-southern-israel-2023-10-07');
    // Past either end the keys stay put.
    await press('ArrowLeft');
    await land(element);
    expect(focusedMark(element)!.dataset.eventId).to.equal('hamas-led-attack-southern-israel-2023-10-07');
  });

  it('keyboard alone reaches every event of the default story, in time order', async function () {
    this.timeout(90_000);
    const element = await storyTimeline();
    await tabToMark(element);
    const events = element.events;
    expect(events).to.have.length(72);
    await press('Home');
    await land(element);
    const reached: string[] = [];
    const inClusters: string[] = [];
    for (let i = 0; i < events.length; i++) {
      if (i > 0) {
        await press('ArrowRight');
        await land(element);
      }
      const event = announced(element);
      const mark = focusedMark(element);
      expect(event, `step ${i}`).to.exist;
      expect(mark, `focus after step ${i}`).to.exist;
      if (mark!.dataset.eventId) {
        expect(mark!.dataset.eventId, `step ${i}`).to.equal(event!.id);
      } else {
        // Events on the same day in one lane stay together at any zoom: Enter opens the one announced.
        inClusters.push(event!.id);
        const opened = oneEvent(element, 'timeline-select');
        await press('Enter');
        expect((await opened).detail.id).to.equal(event!.id);
        await land(element);
        await press('Escape');
        await land(element);
        expect(focusedMark(element)).to.equal(mark);
      }
      reached.push(event!.id);
    }
    expect(reached).to.deep.equal(events.map((event) => event.id));
    // At 1200 px every event of the story stands on its own (the two talks of 8 October 2025 in rows of their own).
    expect(inClusters).to.deep.equal([]);
  });

  it('in dir="rtl" ArrowLeft goes forward in time and ArrowRight back', async () => {
    const element = await storyTimeline({ attrs: { dir: 'rtl' } });
    await tabToMark(element);
    const events = element.events;
    await press('Home');
    await land(element);
    await press('ArrowLeft');
    await land(element);
    expect(announced(element)?.id).to.equal(events[1].id);
    await press('ArrowLeft');
    await land(element);
    expect(announced(element)?.id).to.equal(events[2].id);
    await press('ArrowRight');
    await land(element);
    expect(announced(element)?.id).to.equal(events[1].id);
  });

  it('an Arabic locale without dir mirrors the keys too', async () => {
    const element = await storyTimeline({ attrs: { locale: 'ar' } });
    await tabToMark(element);
    await press('Home');
    await land(element);
    await press('ArrowLeft');
    await land(element);
    expect(announced(element)).to.equal(undefined); // Arabic punctuation: "…، …: title"
    expect(liveRegion(element).textContent).to.contain(element.events[1].title);
  });

  it('+ and - zoom around the event and say what is shown', async () => {
    const element = await storyTimeline();
    await tabToMark(element);
    const full = span(element);
    await press('+');
    await land(element);
    expect(span(element)).to.be.closeTo(full / 2, full * 0.01);
    expect(liveRegion(element).textContent).to.match(/^Showing .+ to .+$/);
    await press('+');
    await land(element);
    expect(span(element)).to.be.closeTo(full / 4, full * 0.01);
    await press('-');
    await land(element);
    expect(span(element)).to.be.closeTo(full / 2, full * 0.01);
    // Focus is still on a mark after the marks were drawn again.
    expect(focusedMark(element)).to.exist;
  });

  it('Enter opens the detail, Escape closes it and gives focus back to the mark; Space opens too', async () => {
    const element = await storyTimeline();
    await tabToMark(element);
    const target = element.events.findIndex((event) => event.id === 'paris-talks-2024-01-28');
    await press('Home');
    for (let i = 0; i < target; i++) await press('ArrowRight');
    await land(element);
    const mark = focusedMark(element)!;
    expect(mark.dataset.eventId).to.equal('paris-talks-2024-01-28');
    await press('Enter');
    await land(element);
    expect(element.selected).to.equal('paris-talks-2024-01-28');
    const detail = shadow(element).querySelector<HTMLElement>('[part="detail"]')!;
    expect(detail.querySelector('h2')!.textContent).to.equal('US, Israeli, Qatari and Egyptian officials meet in Paris');
    expect(mark.getAttribute('aria-pressed')).to.equal('true');
    await press('Escape');
    await land(element);
    expect(shadow(element).querySelector('[part="detail"]')).to.equal(null);
    expect(element.selected).to.equal(null);
    expect(focusedMark(element)?.dataset.eventId).to.equal('paris-talks-2024-01-28');
    await press(' ');
    await land(element);
    expect(element.selected).to.equal('paris-talks-2024-01-28');
  });

  it('Escape inside the open detail closes it and focus goes back to the event', async () => {
    const element = await storyTimeline();
    await tabToMark(element);
    await press('Home');
    await press('Enter');
    await land(element);
    const id = element.selected!;
    expect(id).to.equal(element.events[0].id);
    shadow(element).querySelector<HTMLButtonElement>('[part="detail"] .close')!.focus();
    await press('Escape');
    await land(element);
    expect(element.selected).to.equal(null);
    expect(focusedMark(element)?.dataset.eventId).to.equal(id);
  });

  /** Six talks on six days, then one a year later: on a phone, with four rows to a lane, the last days make a group. */
  const WEEK = [
    ...[1, 2, 3, 4, 5, 6].map((day) => ({ id: `d${day}`, type: 'talks', date: `2024-03-0${day}`, title: `Day ${day}`, sources: [{ url: 'https://example.com/' }] })),
    { id: 'later', type: 'talks', date: '2025-03-01', title: 'A year later', sources: [{ url: 'https://example.com/' }] },
  ];

  /** The group drawn, its element and its events in time order. */
  function theGroup(element: NewsTimeline): { node: HTMLElement; events: TimelineEvent[] } {
    const node = shadow(element).querySelector<HTMLElement>('[data-cluster-key]')!;
    expect(node, 'a group').to.exist;
    const mark = sceneMarks(element.scene!).find((one) => markKey(one) === node.dataset.clusterKey)!;
    expect(mark.kind).to.equal('cluster');
    return { node, events: mark.kind === 'cluster' ? mark.events : [] };
  }

  it('Enter on a group zooms into it, focus follows to its first event', async () => {
    const element = await storyTimeline({ data: WEEK, width: 360 });
    const { node, events } = theGroup(element);
    expect(Number(node.dataset.clusterCount)).to.equal(events.length);
    expect(events.length).to.be.at.least(2);
    node.focus();
    const full = span(element);
    await press('Enter');
    await land(element);
    expect(span(element)).to.be.below(full / 20);
    expect(liveRegion(element).textContent).to.match(/^Showing /);
    expect(focusedMark(element)?.dataset.eventId).to.equal(events[0].id);
    await press('ArrowRight');
    await land(element);
    expect(focusedMark(element)?.dataset.eventId).to.equal(events[1].id);
  });

  it('ArrowRight on a group not yet entered goes to its first event, ArrowLeft to the one before it', async () => {
    let element = await storyTimeline({ data: WEEK, width: 360 });
    let group = theGroup(element);
    group.node.focus();
    await press('ArrowRight');
    await land(element);
    expect(liveRegion(element).textContent).to.equal(`Talks, March ${group.events[0].date.getUTCDate()}, 2024: ${group.events[0].title}`);
    element.parentElement!.remove();
    element = await storyTimeline({ data: WEEK, width: 360 });
    group = theGroup(element);
    const before = element.events[element.events.indexOf(element.events.find((event) => event.id === group.events[0].id)!) - 1];
    group.node.focus();
    await press('ArrowLeft');
    await land(element);
    expect(liveRegion(element).textContent).to.equal(`Talks, March ${before.date.getUTCDate()}, 2024: ${before.title}`);
  });
});

describe('keyboard: focus through re-rendering', () => {
  it('focus stays on a mark when an animated zoom redraws the marks', async () => {
    const element = await storyTimeline();
    await tabToMark(element);
    // From fit-all, zoom in on the dense autumn of 2025 and back out: clusters split and merge.
    const target = element.events.findIndex((event) => event.id === 'sharm-el-sheikh-talks-day-two-2025-10-07');
    await press('Home');
    for (let i = 0; i < target; i++) await press('ArrowRight');
    await settled(element);
    for (const key of ['-', '-', '-', '-', '+', '+', '+']) {
      await press(key);
      // Look during the animation too, while marks come and go.
      for (let f = 0; f < 6; f++) {
        await frames(1);
        await element.updateComplete;
        expect(shadow(element).activeElement, `during ${key}`).to.exist;
      }
      await settled(element);
      expect(focusedMark(element), `after ${key}`).to.exist;
    }
    expect(liveRegion(element).textContent).to.match(/^Showing /);
    // Back where the keyboard was: the mark (or cluster) of the same event holds the tab stop.
    const mark = focusedMark(element)!;
    expect(isHolderOf(mark, element.events[target])).to.equal(true);
    expect(mark.getAttribute('tabindex')).to.equal('0');
  });

  it('when the focused mark leaves the view, focus goes to the tab stop of the new view', async () => {
    const element = await storyTimeline();
    element.zoomTo('2024-01-01', '2024-03-01');
    await settled(element);
    const before = await tabToMark(element);
    expect(before.dataset.eventId).to.equal('gaza-moh-toll-2024-01-21');
    element.zoomTo('2025-01-01', '2025-03-01');
    await settled(element);
    const after = focusedMark(element);
    expect(after).to.exist;
    expect(after!.getAttribute('tabindex')).to.equal('0');
    expect(after!.dataset.eventId ?? after!.dataset.clusterKey).to.not.equal('gaza-moh-toll-2024-01-21');
    expect(document.activeElement).to.equal(element);
  });
});

describe('keyboard: a view without marks', () => {
  it('keeps focus in the widget while a zoom shows no mark, and gives it to a mark again once there is one', async () => {
    const source = [{ url: 'https://example.com/x' }];
    const at = (id: string, date: string) => ({ id, type: 'talks', date, title: `Talks ${id}`, sources: source });
    const element = await timelineWith([at('a', '2020-01-10'), at('b', '2020-01-20'), at('c', '2022-01-10'), at('d', '2022-01-20')], 1000);
    element.zoomTo('2020-01-01', '2020-02-01');
    await settled(element);
    expect((await tabToMark(element)).dataset.eventId).to.equal('a');
    // Half of 2021: nothing there.
    element.zoomTo('2021-03-01', '2021-09-01');
    await settled(element);
    expect(focusedMark(element)).to.equal(null);
    expect(document.activeElement).to.equal(element);
    expect(shadow(element).activeElement).to.equal(plot(element));
    // Keys still work from there: the next event comes into view and takes focus.
    await press('ArrowRight');
    await settled(element);
    expect(focusedMark(element)?.dataset.eventId).to.equal('b');
    element.zoomTo('2022-01-01', '2022-02-01');
    await settled(element);
    expect(focusedMark(element)?.getAttribute('tabindex')).to.equal('0');
    expect(plot(element).hasAttribute('tabindex')).to.equal(false);
  });
});

describe('keyboard: nothing is bound outside the widget', () => {
  it('adds no key listener to document or window', async () => {
    const added: string[] = [];
    const documentAdd = document.addEventListener;
    const windowAdd = window.addEventListener;
    document.addEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      added.push(`document:${type}`);
      return (documentAdd as (...args: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.addEventListener;
    window.addEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      added.push(`window:${type}`);
      return (windowAdd as (...args: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.addEventListener;
    try {
      const element = await storyTimeline();
      await tabToMark(element);
      for (const key of ['ArrowRight', 'End', '+', '-', 'Enter', 'Escape', 'Home']) {
        await press(key);
        await land(element);
      }
    } finally {
      document.addEventListener = documentAdd;
      window.addEventListener = windowAdd;
    }
    expect(added.filter((entry) => /key/i.test(entry))).to.deep.equal([]);
  });

  it('keys pressed outside the widget do nothing to it', async () => {
    const element = await storyTimeline();
    const { before } = surround(element);
    before.focus();
    const view = span(element);
    await press('+');
    await press('End');
    await land(element);
    expect(span(element)).to.equal(view);
    expect(liveRegion(element).textContent!.trim()).to.equal('');
  });
});

describe('controllers/keyboard-controller in <news-timeline>: clusters', () => {
  it('activating a group zooms to its events, which then come apart', async () => {
    // On a phone, four rows to a lane: October 2025 holds more talks than that.
    const element = await timelineWith(await storyData(), 360);
    const node = [...shadow(element).querySelectorAll<HTMLElement>('.lane [data-cluster-key]')].find((one) => !one.classList.contains('moment'))!;
    expect(node).to.exist;
    const mark = sceneMarks(element.scene!).find((one) => markKey(one) === node.dataset.clusterKey)!;
    const members = mark.kind === 'cluster' ? mark.events : [];
    expect(members).to.have.length(Number(node.dataset.clusterCount));
    const before = span(element);
    const ended = zoomed(element);
    node.click();
    await ended;
    await element.updateComplete;
    expect(span(element)).to.be.below(before / 4);
    expect(+element.view.start).to.be.at.most(+members[0].date);
    expect(+element.view.end).to.be.at.least(Math.max(...members.map((event) => eventEnd(event))));
    const after = drawnIn(node.closest('.lane') ?? shadow(element).querySelector('.plot')!);
    expect(after.own.filter((id) => members.some((event) => event.id === id)).length).to.be.at.least(1);
  });
});
