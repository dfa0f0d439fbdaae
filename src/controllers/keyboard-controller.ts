import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TimelineSelectEvent, type TimelineZoomEvent } from '../events.js';
import { formatTime } from '../i18n/format.js';
import { DATE_RANGE, eventStart } from '../layout/extent.js';
import { inseparable, revealWindow, soloWindow, windowAround } from '../layout/focus.js';
import { GEOMETRY } from '../layout/geometry.js';
import { clusterHolds, findMark, markKey, type ChartView, type Mark } from '../layout/scene.js';
import { laneTypeOf, reachableEvents, type Story } from '../layout/story.js';
import type { TimelineEvent } from '../model/types.js';
import { eventName, type ViewContext } from '../views/context.js';
import { fitTip } from '../views/lane.js';
import type { ViewController } from './view-controller.js';

/** What the keyboard controller reads and sets on its host. */
export interface KeyboardHost extends ReactiveControllerHost, HTMLElement {
  /** The id of the selected event, whose detail is open. */
  selected: string | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The story shown, once loaded. */
  readonly story?: Story;
  /** The chart drawn last. */
  readonly scene?: ChartView;
  /** The types turned off in the legend. */
  readonly hiddenTypes: ReadonlySet<string>;
  /** Turns a type's lane back on. */
  showType(type: string): void;
  readonly context: ViewContext;
  /** The plot's width (px). */
  readonly width: number;
}

const CLUSTER_OR_EVENT = '[data-event-id],[data-cluster-count]';

/**
 * The keyboard's place among the events, the selection, focus and what the live region says.
 * Left and Right (mirrored in right to left) move in time order, Home and End to the ends, + and -
 * zoom, Enter and Space open, Escape closes. Focus follows the keyboard's event from mark to mark
 * as zooms redraw them. Keys are heard only inside the widget.
 */
export class KeyboardController implements ReactiveController {
  /** The event that holds the keyboard's place, or null before the reader moved. */
  cursor: string | null = null;
  /** What the polite live region says now. */
  announcement = '';
  /** The group whose events are listed (they fall on one moment), by its mark's key. */
  group?: { key: string; events: TimelineEvent[] };

  private lastSelected: string | null = null;
  /** Before a render: the event whose mark should have focus after it (undefined when no mark has focus). */
  private focusAnchor: string | null | undefined;
  /** Set while focus is moved to follow the cursor, which must not move the cursor in turn. */
  private followingFocus = false;
  private reachable?: { story: Story; hidden: ReadonlySet<string>; events: TimelineEvent[] };
  /** After the next render, focus goes into the group's list, or into the detail when it is a sheet. */
  private focusInto: 'group' | 'detail' | undefined;

  constructor(
    private readonly host: KeyboardHost,
    private readonly viewer: ViewController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('timeline-zoom', this.zoomEnded);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('timeline-zoom', this.zoomEnded);
  }

  hostUpdate(): void {
    this.focusAnchor = this.plotFocusAnchor();
  }

  hostUpdated(): void {
    this.keepFocus();
    this.fitFocusedTip();
    const into = this.focusInto;
    this.focusInto = undefined;
    const root = this.host.renderRoot;
    if (into === 'group') root.querySelector<HTMLElement>('.group-list button')?.focus();
    // On a wide screen the detail opens beside the mark and focus stays on it, for the arrows to go on.
    else if (into === 'detail' && this.host.width < GEOMETRY.sheet) this.intoSheet();
  }

  /** Focus into the sheet of the detail; the page moves up when the sheet would hide the mark that was tapped. */
  private intoSheet(): void {
    const sheet = this.host.renderRoot.querySelector<HTMLElement>('[part="detail"]');
    if (!sheet) return;
    sheet.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    const mark = this.host.selected ? this.markElement(this.host.selected) : null;
    if (!mark) return;
    const hidden = mark.getBoundingClientRect().bottom + 8 - sheet.getBoundingClientRect().top;
    if (hidden > 0) window.scrollBy({ top: hidden });
  }

  /** New data: the keyboard starts from the beginning, and a selection made before it came applies now. */
  restart(): void {
    this.cursor = null;
    this.selectionChanged();
  }

  /** Events in time order that a reader can reach: those of the types shown. */
  reachableEvents(): TimelineEvent[] {
    const { story, hiddenTypes } = this.host;
    if (!story) return [];
    const kept = this.reachable;
    if (kept?.story === story && kept.hidden === hiddenTypes) return kept.events;
    const events = reachableEvents(story, hiddenTypes);
    this.reachable = { story, hidden: hiddenTypes, events };
    return events;
  }

  /** The keyboard's event when it is in view: the zoom buttons and keys zoom around it. */
  zoomCenter(): number | undefined {
    const event = this.cursor ? this.host.story?.byId.get(this.cursor) : undefined;
    const [a, b] = this.viewer.view;
    const time = event && eventStart(event);
    return time !== undefined && time >= a && time <= b ? time : undefined;
  }

  // —— Selection ————————————————————————————————————————————————

  /** The host's `selected` changed (or data came): brings the event into view, says it, tells the page. */
  selectionChanged(): void {
    const { story, selected } = this.host;
    if (!story && selected) return; // applied once the data is in
    const event = selected ? story?.byId.get(selected) : undefined;
    const id = event?.id ?? null;
    if (id === this.lastSelected) return;
    this.lastSelected = id;
    if (event) {
      this.cursor = event.id;
      const lane = story ? laneTypeOf(story, event.type) : event.type;
      if (this.host.hiddenTypes.has(lane)) this.host.showType(lane);
      this.showEvent(event);
      this.say(eventName(event, this.host.context));
    }
    this.host.dispatchEvent(new TimelineSelectEvent({ id, event: event ?? null }));
  }

  /** Opens an event's detail. */
  readonly open = (id: string): void => {
    this.cursor = id;
    this.host.selected = id;
  };

  /** Opens an event's detail as the reader asked for it on the chart: a sheet takes focus. */
  private openHere(id: string): void {
    if (this.group) this.closeGroup(false);
    this.focusInto = 'detail';
    this.open(id);
  }

  /** What the list of a group's events does: open one, or close with focus back on the group. */
  readonly groupActions = {
    open: (id: string): void => this.openHere(id),
    close: (): void => this.closeGroup(true),
  };

  /** Closes the list of a group's events; focus goes back to the group's mark when asked. */
  closeGroup(refocus: boolean): void {
    const group = this.group;
    if (!group) return;
    this.group = undefined;
    this.host.requestUpdate();
    if (refocus) {
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLElement>(`.plot [data-cluster-key="${CSS.escape(group.key)}"]`)?.focus(),
      );
    }
  }

  /** What the detail of `event` does: close, and lead to the events before and after it. */
  detailActions(event: TimelineEvent): { close(): void; previous?: () => void; next?: () => void } {
    const nav = this.reachableEvents();
    const index = nav.indexOf(event);
    return {
      close: () => this.close(),
      previous: index > 0 ? () => this.open(nav[index - 1].id) : undefined,
      next: index >= 0 && index < nav.length - 1 ? () => this.open(nav[index + 1].id) : undefined,
    };
  }

  /** Closes the detail, with focus back on the event's mark. */
  close(): void {
    const id = this.host.selected;
    this.host.selected = null;
    if (id) void this.host.updateComplete.then(() => this.markElement(id)?.focus());
  }

  private say(text: string): void {
    this.announcement = text;
    this.host.requestUpdate();
  }

  private readonly zoomEnded = (event: TimelineZoomEvent): void => {
    // The group listed may be drawn apart, or elsewhere, in the new window.
    this.closeGroup(false);
    // A zoom that brings the keyboard's event into view is not said: the event is.
    if (this.viewer.quiet) return;
    const { locale, tr } = this.host.context;
    // An end at the first or last instant a Date holds may stand for a window that goes farther
    // (13.8 billion years ago): the window itself says how far.
    const [start, end] = [+event.detail.start, +event.detail.end].map((time, i) => (Math.abs(time) < DATE_RANGE[1] ? time : this.viewer.view[i]));
    this.say(tr.t('announceZoom', { start: formatTime(start, 'day', locale, tr), end: formatTime(end, 'day', locale, tr) }));
  };

  // —— Pointer and keys on the plot ——————————————————————————————————

  readonly onPlotClick = (event: MouseEvent): void => {
    // A shortened label takes the pointer (to show its full title), so it opens its event too.
    const target = (event.target as Element).closest<HTMLElement>(`${CLUSTER_OR_EVENT},[data-label-for]`);
    if (!target) return;
    const id = target.dataset.eventId ?? target.dataset.labelFor;
    if (id) this.openHere(id);
    else this.activateCluster(target);
  };

  readonly onPlotKeydown = (event: KeyboardEvent): void => {
    const nav = this.reachableEvents();
    const place = this.keyPlace();
    const index = place.event ? nav.indexOf(place.event) : -1;
    const step = (delta: number) => {
      if (!nav.length) return;
      // On a cluster not yet entered, forward goes to its first event rather than past it.
      const move = place.entering && delta > 0 ? 0 : delta;
      this.moveTo(nav[index < 0 ? (delta > 0 ? 0 : nav.length - 1) : Math.min(nav.length - 1, Math.max(0, index + move))]);
    };
    const rtl = this.host.context.rtl;
    switch (event.key) {
      case rtl ? 'ArrowLeft' : 'ArrowRight':
        step(1);
        break;
      case rtl ? 'ArrowRight' : 'ArrowLeft':
        step(-1);
        break;
      case 'Home':
        if (nav.length) this.moveTo(nav[0]);
        break;
      case 'End':
        if (nav.length) this.moveTo(nav[nav.length - 1]);
        break;
      case '+':
      case '=':
        this.viewer.zoomBy(2, this.zoomCenter());
        break;
      case '-':
      case '_':
        this.viewer.zoomBy(0.5, this.zoomCenter());
        break;
      case 'Enter':
      case ' ': {
        const target = (event.target as Element).closest<HTMLElement>(CLUSTER_OR_EVENT);
        if (!target) return;
        if (target.dataset.eventId) this.openHere(target.dataset.eventId);
        else if (place.event && !place.entering) this.openHere(place.event.id); // the event just announced
        else this.activateCluster(target);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  readonly onFrameKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.group) {
      event.preventDefault();
      this.closeGroup(true);
    } else if (event.key === 'Escape' && this.host.selected) {
      event.preventDefault();
      this.close();
    }
  };

  /** Focus on a mark makes it the keyboard's place (the roving tab stop follows). */
  readonly onPlotFocusIn = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    if (target.dataset?.tip !== undefined) fitTip(target, this.host.scene);
    if (this.followingFocus) return;
    const id = target.dataset?.eventId;
    if (id) {
      if (id !== this.cursor) {
        this.cursor = id;
        this.host.requestUpdate();
      }
    } else if (target.dataset?.clusterKey && this.cursor) {
      const mark = this.clusterMark(target.dataset.clusterKey);
      const cursor = this.host.story?.byId.get(this.cursor);
      if (mark && !(cursor && clusterHolds(mark, cursor))) {
        this.cursor = null;
        this.host.requestUpdate();
      }
    }
  };

  /** A group lists its events when no zoom can part them (they fall on one moment), and zooms to them otherwise. */
  private activateCluster(target: HTMLElement): void {
    const key = target.dataset.clusterKey;
    const mark = this.clusterMark(key);
    const story = this.host.story;
    if (!mark || !story || !key) return;
    const events = mark.events;
    if (mark.oneMoment || inseparable(events, story, this.host.width)) {
      this.group = this.group?.key === key ? undefined : { key, events: [...events] };
      this.focusInto = this.group ? 'group' : undefined;
      this.host.requestUpdate();
      return;
    }
    this.cursor = events[0].id;
    const [start, end] = windowAround(events);
    this.viewer.zoomTo(start, end);
  }

  /** Moves the keyboard's place to an event, bringing it into view with a mark of its own. */
  private moveTo(event: TimelineEvent): void {
    this.cursor = event.id;
    this.showEvent(event);
    this.say(eventName(event, this.host.context));
    void this.host.updateComplete.then(() => this.markElement(event.id)?.focus());
  }

  /**
   * Brings an event into view, zooming in when it is hidden in a cluster so that its own mark can
   * take focus. The change of window is not said: the event is.
   */
  private showEvent(event: TimelineEvent): void {
    const story = this.host.story;
    if (!story) return;
    const { view } = this.viewer;
    // Drawn on its own now: bringing it into view is enough.
    const own = findMark(this.host.scene, (mark) => mark.kind === 'event' && mark.event.id === event.id);
    const solo = own ? undefined : soloWindow(story, event, view, this.host.width, this.host.context.rtl);
    if (solo) this.viewer.zoomTo(solo[0], solo[1], { quiet: true });
    else if (revealWindow(view, eventStart(event))) this.viewer.reveal(eventStart(event), true);
  }

  /** Where the keyboard is: its event, and whether that is the first of a focused cluster not yet entered. */
  private keyPlace(): { event?: TimelineEvent; entering: boolean } {
    const active = this.host.renderRoot.querySelector<HTMLElement>('.plot :focus');
    // The cursor first: keys pressed faster than a zoom animates run ahead of the focused mark.
    const id = this.cursor ?? active?.dataset.eventId;
    if (id) return { event: this.host.story?.byId.get(id), entering: false };
    const mark = this.clusterMark(active?.dataset.clusterKey);
    return mark ? { event: mark.first, entering: true } : { entering: false };
  }

  private clusterMark(key: string | undefined): Extract<Mark, { kind: 'cluster' }> | undefined {
    if (!key) return undefined;
    const mark = findMark(this.host.scene, (candidate) => candidate.kind === 'cluster' && markKey(candidate) === key);
    return mark?.kind === 'cluster' ? mark : undefined;
  }

  // —— Focus through redrawing ————————————————————————————————————————

  /** The focused mark's full title keeps within the chart as the mark moves. */
  private fitFocusedTip(): void {
    const active = (this.host.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    if (active?.dataset?.tip !== undefined) fitTip(active, this.host.scene);
  }

  /** The drawn mark of an event, or of the cluster that holds it. */
  private markElement(id: string): HTMLElement | null {
    const root = this.host.renderRoot;
    const own = root.querySelector<HTMLElement>(`.plot [data-event-id="${CSS.escape(id)}"]`);
    if (own) return own;
    const event = this.host.story?.byId.get(id);
    const mark = event && findMark(this.host.scene, (candidate) => candidate.kind === 'cluster' && clusterHolds(candidate, event));
    return mark ? root.querySelector<HTMLElement>(`.plot [data-cluster-key="${CSS.escape(markKey(mark))}"]`) : null;
  }

  /**
   * Before a render: the event whose mark should hold focus after it, when a mark has focus now.
   * Marks come and go as a zoom regroups them; focus must not go with them.
   */
  private plotFocusAnchor(): string | null | undefined {
    const active = (this.host.renderRoot as ShadowRoot | undefined)?.activeElement as HTMLElement | null | undefined;
    // The figure chart's switcher is in the plot too, but focus there is the reader's, not a mark's.
    if (!active?.closest('.plot') || active.closest('.measure-switcher')) return undefined;
    if (this.cursor) return this.cursor;
    if (active.dataset.eventId) return active.dataset.eventId;
    // A cluster's key is `cluster:<id of its first event>`.
    const key = active.dataset.clusterKey;
    return key?.startsWith('cluster:') ? key.slice('cluster:'.length) : null;
  }

  /**
   * After a render: focus follows the keyboard's event to its mark, or the cluster that holds it,
   * else the view's tab stop. While no mark is in view (a zoom passing through a stretch without
   * events), the plot itself holds focus, so that it stays in the widget and keys go on working.
   */
  private keepFocus(): void {
    const anchor = this.focusAnchor;
    this.focusAnchor = undefined;
    if (anchor === undefined) return;
    const root = this.host.renderRoot as ShadowRoot;
    const plot = root.querySelector<HTMLElement>('.plot');
    const active = root.activeElement as HTMLElement | null;
    if (!plot || (active && !active.closest('.plot'))) return;
    const lost = !active || active === plot;
    const stop = () => plot.querySelector<HTMLElement>('[data-event-id][tabindex="0"],[data-cluster-count][tabindex="0"]');
    const target = (anchor ? this.markElement(anchor) : null) ?? (lost ? stop() ?? plot : null);
    if (!target || target === active) return;
    if (target === plot) {
      // Focusable only while it holds the place: a click on the plot does not take focus.
      plot.tabIndex = -1;
      plot.addEventListener('blur', () => plot.removeAttribute('tabindex'), { once: true });
    }
    this.followingFocus = true;
    target.focus();
    this.followingFocus = false;
  }
}
