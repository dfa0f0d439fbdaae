import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { TimeScale } from './layout/scale.js';
import { LoadController, DEFAULT_LOAD_OPTIONS, type DataSource, type LoadState } from './controllers/load-controller.js';
import { ZoomController, sameView, type ViewWindow, type ZoomCause } from './controllers/zoom-controller.js';
import { BrushController } from './controllers/brush-controller.js';
import { createTranslator, resolveLocale, formatEventDate, type Strings, type Translator } from './i18n/index.js';
import { dataExtent, paddedExtent, clampView, DAY_MS, precisionEnd, viewScale } from './layout/extent.js';
import { buildLanes, type Lane } from './layout/lanes.js';
import { createClusterCache, type ClusterCache, type ClusterMark } from './layout/marks.js';
import { placeLabels } from './layout/labels.js';
import { figureSeries, valueAxis } from './layout/figures.js';
import { timeTicks } from './layout/ticks.js';
import { densityBins } from './layout/overview.js';
import type { Problem, ReadResult, TimelineEvent } from './model/types.js';
import { renderChart, renderSeriesLegend, markKey, ZOOM_LAYER, type ChartView, type FigurePanelView, type LaneView, type Mark, type SeriesStyle } from './views/chart.js';
import { seriesLook } from './views/shapes.js';
import { eventName, type ViewContext } from './views/context.js';
import { renderDetail } from './views/detail.js';
import { renderList } from './views/list.js';
import { renderError, renderLoading } from './views/status.js';
import { renderToolbar } from './views/toolbar.js';
import { renderOverview } from './views/overview.js';
import { GEOMETRY, laneHeight, styles } from './views/styles.js';
import { restyleAfterMove } from './adopted-styles.js';

/** Detail of `timeline-load`. */
export interface TimelineLoadDetail {
  events: number;
  problems: Problem[];
  /** The data's own title ('' when it has none). */
  title: string;
}
/** Detail of `timeline-error`. */
export interface TimelineErrorDetail {
  message: string;
  problems: Problem[];
}
/** Detail of `timeline-select`. */
export interface TimelineSelectDetail {
  id: string | null;
  event: TimelineEvent | null;
}
/** Detail of `timeline-zoom`. */
export interface TimelineZoomDetail {
  start: Date;
  end: Date;
}

declare global {
  interface HTMLElementEventMap {
    'timeline-load': CustomEvent<TimelineLoadDetail>;
    'timeline-error': CustomEvent<TimelineErrorDetail>;
    'timeline-select': CustomEvent<TimelineSelectDetail>;
    'timeline-zoom': CustomEvent<TimelineZoomDetail>;
  }
}

const FIGURES_TYPE = 'casualties';
const HINT_MS = 1600;
/** How long after the keyboard brings an event into view a zoom's end goes unannounced. */
const QUIET_MS = 1000;
const NARROW = 600;
/**
 * From this many events, a zoom or pan in progress moves the chart drawn last instead of laying it
 * out anew for every frame (text and marks are stretched until the gesture settles). A story of
 * fewer events is laid out in full every frame, which stays within a frame's time.
 */
const PREVIEW_FROM_EVENTS = 2000;

/**
 * The first date formatter of a page loads the time zone and calendar data, which takes tens of
 * milliseconds. The element needs one for its first drawing, so it is made while the page is idle
 * (typically while the data is still on its way), in the page's language.
 */
function warmUpDates(): void {
  if (typeof document === 'undefined') return;
  const warm = () => formatEventDate(new Date(0), 'day', resolveLocale([document.documentElement.lang, navigator.language]));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 500 });
  else setTimeout(warm, 0);
}
warmUpDates();

/** One figure label with its reporters' series, each drawn in its own look. */
interface Measure {
  label: string;
  series: { style: SeriesStyle; cache: ClusterCache; values: Map<string, number> }[];
}

/** Everything derived from one loaded dataset, computed once per load. */
interface Derived {
  result: ReadResult;
  byId: Map<string, TimelineEvent>;
  lanes: Lane[];
  laneCaches: Map<string, ClusterCache>;
  measures: Measure[];
  limits: ViewWindow;
  starts: Float64Array;
  figuresLane?: Lane;
}

/**
 * An interactive, zoomable timeline of a news story: talks, proposals and reported figures,
 * with the sources of every point.
 *
 * @element news-timeline
 *
 * @attr src - URL of the data (native JSON, TimelineJS JSON or CSV).
 * @attr locale - BCP 47 language tag for dates, numbers and the widget's words.
 * @attr start - Start of the initial visible window (ISO 8601).
 * @attr end - End of the initial visible window (ISO 8601).
 * @attr selected - Id of the selected event; opens its detail.
 * @attr theme - `light`, `dark` or `auto`.
 * @attr timeout - Milliseconds before loading `src` is given up (default 15000).
 * @attr dir - `rtl` runs time from right to left; without it, the nearest `dir` of the page or an RTL `locale` decides.
 *
 * @fires timeline-load - Data loaded and drawn: `{ events, problems, title }`.
 * @fires timeline-error - Data could not be loaded or has no valid event: `{ message, problems }`.
 * @fires timeline-select - The selection changed: `{ id, event }`.
 * @fires timeline-zoom - A zoom or pan ended: `{ start, end }`.
 *
 * @csspart event - Every event mark (and cluster mark).
 * @csspart cluster - A mark that stands for several events.
 * @csspart detail - The open detail of the selected event.
 * @csspart list - The list view of all events.
 * @csspart error - The panel shown when loading failed.
 * @csspart controls - The zoom and list buttons.
 * @csspart axis - The time axis.
 * @csspart legend - The type legend.
 * @csspart overview - The overview strip with the brush.
 *
 * @cssprop --nt-font - Font family (default: the page's).
 * @cssprop --nt-bg - Background colour.
 * @cssprop --nt-fg - Text colour.
 * @cssprop --nt-muted - Colour of secondary text.
 * @cssprop --nt-accent - Focus, selection and link colour.
 * @cssprop --nt-color-<type> - Colour of a type's marks; wins over the data's colour.
 */
export class NewsTimeline extends LitElement {
  static override styles = styles;

  /** The data itself, in any accepted format (object, array, or JSON/CSV text). Wins over `src`. */
  @property({ attribute: false }) accessor data: unknown = undefined;
  /** URL of the data file. */
  @property() accessor src = '';
  /** Language of dates, numbers and the widget's words. */
  @property() accessor locale = '';
  /** Start of the initial visible window. */
  @property() accessor start = '';
  /** End of the initial visible window. */
  @property() accessor end = '';
  /** Id of the selected event. */
  @property({ reflect: true }) accessor selected: string | null = null;
  /** `light`, `dark` or `auto`. */
  @property({ reflect: true }) accessor theme: 'light' | 'dark' | 'auto' = 'light';
  /** Milliseconds before loading `src` is given up. */
  @property({ type: Number }) accessor timeout = DEFAULT_LOAD_OPTIONS.timeout;
  /** Replacements for any of the widget's words. */
  @property({ attribute: false }) accessor strings: Partial<Strings> = {};

  @state() private accessor width = 0;
  @state() private accessor hiddenTypes = new Set<string>();
  @state() private accessor listOpen = false;
  @state() private accessor hint = '';
  @state() private accessor announcement = '';
  /** The event that holds the keyboard's place among the marks. */
  @state() private accessor cursorId: string | null = null;

  @query('.frame') private accessor frame!: HTMLElement | null;
  @query('.plot') private accessor plot!: HTMLElement | null;
  @query('.overview') private accessor overviewStrip!: HTMLElement | null;

  private readonly loader = new LoadController(this, (state) => this.loaded(state));
  private readonly zoomer = new ZoomController(this, {
    onView: (_view, settled) => {
      this.previewing = !settled;
      this.requestUpdate();
    },
    onEnd: (view, cause) => this.zoomEnded(view, cause),
  });
  private readonly brush = new BrushController(this, {
    scale: () => this.overviewScale(),
    view: () => this.zoomer.view,
    onBrush: (view) => {
      this.zoomer.hold();
      this.zoomer.zoomTo(view[0], view[1], false, 'gesture');
    },
    onBrushEnd: () => this.zoomer.release(),
  });

  private derived?: Derived;
  private tr: Translator = createTranslator('en');
  private rtl = false;
  private resizer?: ResizeObserver;
  private hintTimer = 0;
  private resizeFrame = 0;
  private lastSelected: string | null = null;
  private quietUntil = 0;
  private measureContext?: CanvasRenderingContext2D | null;
  private readonly widths = new Map<string, number>();
  private chartView?: ChartView;
  /** What the drawn chart was laid out for, besides the window: while these hold, a gesture only moves it. */
  private chartInputs: unknown[] = [];
  /** A zoom or pan is in progress: the drawn chart is moved (see chartFor), not laid out again. */
  private previewing = false;
  /** How the drawn chart is moved to the current window: x' = k · x + b. */
  private preview = { k: 1, b: 0 };
  private readonly navMemo = new Memo<TimelineEvent[]>();
  private readonly binsMemo = new Memo<Uint32Array>();

  // —— Public API ————————————————————————————————————————————————

  /** The valid events, normalised and sorted by date. */
  get events(): TimelineEvent[] {
    return this.derived?.result.dataset.events ?? [];
  }

  /** The problems found in the last load. */
  get problems(): Problem[] {
    const state = this.loader.state;
    if (state.status === 'ready') return state.result.problems;
    if (state.status === 'error') return state.failure.problems;
    return [];
  }

  /** The visible window now. */
  get view(): { start: Date; end: Date } {
    const [start, end] = this.zoomer.view;
    return { start: new Date(start), end: new Date(end) };
  }

  /** Shows the window from `start` to `end`. */
  zoomTo(start: Date | string, end: Date | string): void {
    const a = toDate(start);
    const b = toDate(end);
    if (!a || !b) return;
    this.zoomer.zoomTo(a < b ? a : b, a < b ? b : a);
  }

  /** Halves the visible window, around the keyboard's event when it is in view. */
  zoomIn(): void {
    this.quietUntil = 0;
    this.zoomer.zoomBy(2, this.zoomCenter());
  }

  /** Doubles the visible window (up to the whole story). */
  zoomOut(): void {
    this.quietUntil = 0;
    this.zoomer.zoomBy(0.5, this.zoomCenter());
  }

  /** Fits the whole story. */
  resetZoom(): void {
    this.quietUntil = 0;
    this.zoomer.reset();
  }

  /** Selects an event by id (opening its detail), or clears the selection with `null`. */
  select(id: string | null): void {
    this.selected = id;
  }

  // —— Lifecycle ————————————————————————————————————————————————

  /** `dir` is a global attribute, not a reactive property: it is watched here so that changing it mirrors the timeline. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'dir'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'dir' && old !== value) this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.zoomer.reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    // The new width is applied in the next frame so that the height it causes is not
    // reported back within the same observation ("ResizeObserver loop" errors).
    this.resizer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => {
        if (width !== this.width) this.width = width;
      });
    });
    // The frame, not the host: a page may make the host inline ("* { all: unset }"), and an
    // inline box reports no width.
    if (this.frame) this.resizer.observe(this.frame);
    if (this.hasUpdated) this.reload();
  }

  /** Moved into another document (an iframe's, say): its styles are made again there. */
  adoptedCallback(): void {
    restyleAfterMove(this.shadowRoot, NewsTimeline.elementStyles);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.resizer = undefined;
    cancelAnimationFrame(this.resizeFrame);
    clearTimeout(this.hintTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || changed.has('strings') || !this.hasUpdated) {
      const locale = resolveLocale([this.locale, this.closest('[lang]')?.getAttribute('lang'), document.documentElement.lang]);
      this.tr = createTranslator(locale, this.strings);
      // Lanes are built once per load; their names follow the reader's language.
      const derived = this.derived;
      for (const lane of derived ? [...derived.lanes, derived.figuresLane] : []) {
        if (lane) lane.label = this.typeLabel(lane.type, derived!.result);
      }
    }
    const dir = this.getAttribute('dir') ?? this.parentElement?.closest('[dir]')?.getAttribute('dir');
    this.rtl = dir ? dir.toLowerCase() === 'rtl' : this.tr.dir === 'rtl';

    if (!this.width && this.isConnected) this.width = Math.floor(this.getBoundingClientRect().width);
    if (!this.hasUpdated || changed.has('data') || changed.has('src')) this.reload();
    if (this.derived && (changed.has('width' as keyof NewsTimeline) || this.zoomer.rtl !== this.rtl)) {
      this.zoomer.configure(this.derived.limits, this.width, this.rtl);
    }
    if ((changed.has('start') || changed.has('end')) && this.hasUpdated && this.derived) {
      const view = this.initialView(this.derived.limits);
      this.zoomer.zoomTo(view[0], view[1], false, 'layout');
    }
    if (changed.has('selected')) this.selectionChanged();
    this.focusAnchor = this.plotFocusAnchor();
  }

  protected override firstUpdated(): void {
    if (this.frame) this.resizer?.observe(this.frame);
  }

  protected override updated(): void {
    this.applyPreview();
    if (this.plot) this.zoomer.attach(this.plot);
    else this.zoomer.detach();
    this.brush.attach(this.overviewStrip ?? undefined);
    this.keepFocus();
  }

  // —— Loading ————————————————————————————————————————————————

  private reload(): void {
    const source = this.source();
    // Upgraded while the parser is still inside the element (the script in <head>): its inline
    // data is not there yet. Read again once the document is parsed, unless data came meanwhile.
    if ((source.kind === 'inline' || source.kind === 'none') && document.readyState === 'loading') {
      if (!this.awaitingParse) {
        this.awaitingParse = true;
        document.addEventListener(
          'DOMContentLoaded',
          () => {
            this.awaitingParse = false;
            if (this.isConnected && this.data == null && !this.src) this.reload();
          },
          { once: true },
        );
      }
      return;
    }
    void this.loader.load(source, { ...DEFAULT_LOAD_OPTIONS, timeout: this.timeout });
  }

  private source(): DataSource {
    if (this.data !== undefined && this.data !== null) return { kind: 'data', value: this.data };
    if (this.src) return { kind: 'src', url: this.src };
    const inline = this.querySelector<HTMLScriptElement>(
      ':scope > script[type="application/json"], :scope > script[type="text/csv"]',
    );
    if (inline) return { kind: 'inline', text: inline.textContent ?? '' };
    return { kind: 'none' };
  }

  private loaded(state: LoadState): void {
    if (state.status === 'ready') {
      this.derived = derive(state.result, (type) => this.typeLabel(type, state.result));
      this.zoomer.configure(this.derived.limits, this.width, this.rtl, this.initialView(this.derived.limits));
      this.cursorId = null;
      this.selectionChanged();
      void this.updateComplete.then(() => {
        this.dispatch('timeline-load', { events: state.result.dataset.events.length, problems: state.result.problems, title: state.result.dataset.title ?? '' });
      });
    } else {
      // An error, or no source any more: nothing of the last story is kept.
      this.derived = undefined;
      if (state.status !== 'error') return;
      const { failure } = state;
      this.dispatch('timeline-error', {
        message: this.tr.t(failure.key, Object.fromEntries(Object.entries(failure.params).map(([k, v]) => [k, String(v)]))),
        problems: failure.problems,
      });
    }
  }

  private initialView(limits: ViewWindow): ViewWindow {
    const start = toDate(this.start);
    const end = toDate(this.end);
    if (!start && !end) return limits;
    return clampView([start ?? limits[0], end ?? limits[1]], limits);
  }

  // —— Selection ————————————————————————————————————————————————

  private selectionChanged(): void {
    const event = this.selected ? this.derived?.byId.get(this.selected) : undefined;
    const id = event?.id ?? null;
    if (!this.derived && this.selected) return; // applied once the data is in
    if (id === this.lastSelected) return;
    this.lastSelected = id;
    if (event) {
      this.cursorId = event.id;
      if (this.hiddenTypes.has(laneTypeOf(event))) {
        this.hiddenTypes = new Set([...this.hiddenTypes].filter((type) => type !== laneTypeOf(event)));
      }
      this.showEvent(event);
      this.announce(eventName(event, this.context()));
    }
    this.dispatch('timeline-select', { id, event: event ?? null });
  }

  private readonly openEvent = (id: string): void => {
    this.cursorId = id;
    this.selected = id;
  };

  private closeDetail(): void {
    const id = this.selected;
    this.selected = null;
    if (id) void this.updateComplete.then(() => this.focusMark(id));
  }

  // —— Zoom ————————————————————————————————————————————————

  private zoomEnded(view: ViewWindow, cause: ZoomCause): void {
    if (cause === 'layout') return;
    this.requestUpdate();
    this.dispatch('timeline-zoom', { start: new Date(view[0]), end: new Date(view[1]) });
    if (performance.now() < this.quietUntil) return;
    this.announce(
      this.tr.t('announceZoom', {
        start: formatEventDate(view[0], 'day', this.tr.locale),
        end: formatEventDate(view[1], 'day', this.tr.locale),
      }),
    );
  }

  private zoomCenter(): Date | undefined {
    const event = this.cursorId ? this.derived?.byId.get(this.cursorId) : undefined;
    if (!event) return undefined;
    const [a, b] = this.zoomer.view;
    return event.date >= a && event.date <= b ? event.date : undefined;
  }

  private zoomToEvents(events: readonly TimelineEvent[]): void {
    const first = events[0];
    const last = events[events.length - 1];
    let start = +first.date;
    let end = Math.max(...events.map((event) => +precisionEnd(event)), +last.date);
    const pad = Math.max((end - start) * 0.15, 12 * 3_600_000);
    start -= pad;
    end += pad;
    this.cursorId = first.id;
    this.quietUntil = 0;
    this.zoomer.zoomTo(new Date(start), new Date(end));
  }

  private overviewScale() {
    if (!this.derived || !this.width) return undefined;
    return viewScale(this.derived.limits, this.width, this.rtl);
  }

  // —— Gestures and keys ——————————————————————————————————————————

  private readonly onWheel = {
    handleEvent: (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) return; // the zoom controller zooms
      const horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
      if (horizontal || event.shiftKey) {
        event.preventDefault();
        const delta = horizontal ? event.deltaX : event.deltaY;
        const px = delta * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.width : 1);
        this.zoomer.panBy(((this.rtl ? -px : px) / Math.max(1, this.width)), 'gesture');
        return;
      }
      this.showHint(/Mac|iPhone|iPad/.test(navigator.platform) ? 'wheelHintMac' : 'wheelHint');
    },
    passive: false,
  };

  private touchStart?: { x: number; y: number };
  private readonly onTouchStart = {
    handleEvent: (event: TouchEvent) => {
      const touch = event.touches[0];
      this.touchStart = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : undefined;
    },
    passive: true,
  };

  /** One finger dragged sideways meant to move the timeline: say that takes two. Up or down, the page scrolls. */
  private readonly onTouchMove = {
    handleEvent: (event: TouchEvent) => {
      const start = this.touchStart;
      const touch = event.touches[0];
      if (!start || event.touches.length !== 1 || !touch) return;
      const dx = Math.abs(touch.clientX - start.x);
      const dy = Math.abs(touch.clientY - start.y);
      if (dx > 12 && dx > 2 * dy) this.showHint('touchHint');
      if (dx > 12 || dy > 12) this.touchStart = undefined;
    },
    passive: true,
  };

  private showHint(key: 'wheelHint' | 'wheelHintMac' | 'touchHint', later = false): void {
    clearTimeout(this.hintTimer);
    const show = () => {
      this.hint = this.tr.t(key);
      this.hintTimer = window.setTimeout(() => (this.hint = ''), HINT_MS);
    };
    if (later) this.hintTimer = window.setTimeout(show, 600);
    else show();
  }

  private readonly onPlotClick = (event: MouseEvent): void => {
    // A shortened label takes the pointer (to show its full title), so it opens its event too.
    const target = (event.target as Element).closest<HTMLElement>('[data-event-id],[data-cluster-count],[data-label-for]');
    if (!target) return;
    const id = target.dataset.eventId ?? target.dataset.labelFor;
    if (id) this.openEvent(id);
    else this.activateCluster(target);
  };

  private activateCluster(target: HTMLElement): void {
    const key = target.dataset.clusterKey;
    const mark = this.findMark((candidate) => candidate.kind === 'cluster' && markKey(candidate) === key);
    if (mark?.kind !== 'cluster') return;
    const events = mark.events;
    // Events so close that even a one-day window keeps them together: zooming cannot part them,
    // so the first one opens, and the detail's previous and next lead to the others.
    const apart = ((+events[events.length - 1].date - +events[0].date) * this.width) / DAY_MS;
    if (apart < GEOMETRY.minGap) this.openEvent(events[0].id);
    else this.zoomToEvents(events);
  }

  private readonly onPlotKeydown = (event: KeyboardEvent): void => {
    const nav = this.navEvents();
    const place = this.keyPlace();
    const currentIndex = place.event ? nav.indexOf(place.event) : -1;
    const step = (delta: number) => {
      if (!nav.length) return;
      // On a cluster not yet entered, forward goes to its first event rather than past it.
      const move = place.entering && delta > 0 ? 0 : delta;
      const index = currentIndex < 0 ? (delta > 0 ? 0 : nav.length - 1) : clamp(currentIndex + move, 0, nav.length - 1);
      this.moveCursor(nav[index]);
    };
    const forward = this.rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = this.rtl ? 'ArrowRight' : 'ArrowLeft';
    switch (event.key) {
      case forward:
        step(1);
        break;
      case back:
        step(-1);
        break;
      case 'Home':
        if (nav.length) this.moveCursor(nav[0]);
        break;
      case 'End':
        if (nav.length) this.moveCursor(nav[nav.length - 1]);
        break;
      case '+':
      case '=':
        this.zoomIn();
        break;
      case '-':
      case '_':
        this.zoomOut();
        break;
      case 'Enter':
      case ' ': {
        const target = (event.target as Element).closest<HTMLElement>('[data-event-id],[data-cluster-count]');
        if (!target) return;
        if (target.dataset.eventId) this.openEvent(target.dataset.eventId);
        else if (place.event && !place.entering) this.openEvent(place.event.id); // the event just announced
        else this.activateCluster(target);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  private readonly onFrameKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.selected) {
      event.preventDefault();
      this.closeDetail();
    }
  };

  /** Moves the keyboard's place to an event, bringing it into view with a mark of its own. */
  private moveCursor(event: TimelineEvent): void {
    this.cursorId = event.id;
    this.showEvent(event);
    this.announce(eventName(event, this.context()));
    void this.updateComplete.then(() => this.focusMark(event.id));
  }

  /**
   * Brings an event into view, zooming in when it is hidden in a cluster so that its own mark can
   * take focus. The view change is not announced: the event is.
   */
  private showEvent(event: TimelineEvent): void {
    this.quietUntil = performance.now() + QUIET_MS;
    const view = this.soloWindow(event);
    if (view) this.zoomer.zoomTo(view[0], view[1]);
    else this.zoomer.reveal(event.date);
  }

  /**
   * The widest window around an event, no wider than the one shown, in which it is drawn on its
   * own; undefined when revealing it is enough, or when no zoom sets it apart (same day, same lane).
   */
  private soloWindow(event: TimelineEvent): ViewWindow | undefined {
    const derived = this.derived;
    if (!derived || this.width <= 0) return undefined;
    const caches: ClusterCache[] = [];
    const lane = derived.lanes.find((candidate) => candidate.type === laneTypeOf(event) && candidate.events.includes(event));
    if (lane) caches.push(derived.laneCaches.get(lane.type)!);
    for (const measure of derived.measures) {
      for (const entry of measure.series) if (entry.values.has(event.id)) caches.push(entry.cache);
    }
    const options = { minGap: GEOMETRY.minGap, viewWidth: this.width };
    const alone = (view: ViewWindow) => {
      const scale = viewScale(view, this.width, this.rtl);
      return caches.some((cache) => cache.marks(scale, options).some((mark) => mark.kind === 'event' && mark.event.id === event.id));
    };
    const t = +event.date;
    const around = (span: number) => clampView([new Date(t - span / 2), new Date(t + span / 2)], derived.limits);
    const [a, b] = this.zoomer.view;
    let span = +b - +a;
    const margin = span * 0.1;
    const revealed: ViewWindow = t >= +a + margin && t <= +b - margin ? [a, b] : around(span);
    if (alone(revealed) || !alone(around(DAY_MS))) return undefined;
    while (span > DAY_MS && !alone(around(span))) span /= 2;
    return around(span);
  }

  /** Where the keyboard is: its event, and whether that is the first of a focused cluster not yet entered. */
  private keyPlace(): { event?: TimelineEvent; entering: boolean } {
    const active = this.renderRoot.querySelector<HTMLElement>('.plot :focus');
    // The cursor first: keys pressed faster than a zoom animates run ahead of the focused mark.
    const id = this.cursorId ?? active?.dataset.eventId;
    if (id) return { event: this.derived?.byId.get(id), entering: false };
    if (active?.dataset.clusterKey) {
      const mark = this.findMark((m) => m.kind === 'cluster' && markKey(m) === active.dataset.clusterKey);
      if (mark?.kind === 'cluster') return { event: mark.first, entering: true };
    }
    return { entering: false };
  }

  /** Events in time order that a reader can reach: those of the types shown. */
  private navEvents(): TimelineEvent[] {
    const events = this.events;
    return this.navMemo.get([events, this.hiddenTypes], () => events.filter((event) => !this.hiddenTypes.has(laneTypeOf(event))));
  }

  /** Focuses the mark of an event, or the cluster that holds it. */
  private focusMark(id: string): void {
    this.markElement(id)?.focus();
  }

  /** The drawn mark of an event, or of the cluster that holds it. */
  private markElement(id: string): HTMLElement | null {
    const root = this.renderRoot;
    const own = root.querySelector<HTMLElement>(`.plot [data-event-id="${CSS.escape(id)}"]`);
    if (own) return own;
    const mark = this.findMark((m) => m.kind === 'cluster' && m.events.some((e) => e.id === id));
    return mark ? root.querySelector<HTMLElement>(`.plot [data-cluster-key="${CSS.escape(markKey(mark))}"]`) : null;
  }

  /**
   * Before a render: the event whose mark should hold focus after it, when a mark has focus now
   * (undefined otherwise). Marks come and go as a zoom regroups them; focus must not go with them.
   */
  private plotFocusAnchor(): string | null | undefined {
    const active = (this.renderRoot as ShadowRoot | undefined)?.activeElement as HTMLElement | null | undefined;
    if (!active?.closest('.plot')) return undefined;
    return this.cursorId ?? markEventId(active);
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
    const root = this.renderRoot as ShadowRoot;
    const plot = this.plot;
    const active = root.activeElement as HTMLElement | null;
    if (active && !active.closest('.plot')) return;
    const lost = !active || active === plot;
    const target =
      (anchor ? this.markElement(anchor) : null) ?? (lost ? root.querySelector<HTMLElement>('.plot [tabindex="0"]') ?? plot : null);
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

  private focusAnchor: string | null | undefined;
  /** Set while focus is moved to follow the cursor, which must not move the cursor in turn. */
  private followingFocus = false;

  /** Focus on a mark makes it the keyboard's place (the roving tab stop follows). */
  private readonly onPlotFocusIn = (event: FocusEvent): void => {
    if (this.followingFocus) return;
    const target = event.target as HTMLElement;
    const id = target.dataset?.eventId;
    if (id) {
      if (id !== this.cursorId) this.cursorId = id;
    } else if (target.dataset?.clusterKey && this.cursorId) {
      const mark = this.findMark((m) => m.kind === 'cluster' && markKey(m) === target.dataset.clusterKey);
      if (mark?.kind === 'cluster' && !mark.events.some((e) => e.id === this.cursorId)) this.cursorId = null;
    }
  };

  private findMark(test: (mark: Mark) => boolean): Mark | undefined {
    const view = this.chartView;
    if (!view) return undefined;
    for (const lane of view.lanes) for (const mark of lane.marks) if (test(mark)) return mark;
    for (const panel of view.panels) for (const point of panel.points) if (test(point.mark)) return point.mark;
    return undefined;
  }

  private toggleType(type: string): void {
    const hidden = new Set(this.hiddenTypes);
    if (hidden.has(type)) hidden.delete(type);
    else hidden.add(type);
    this.hiddenTypes = hidden;
  }

  // —— Rendering ————————————————————————————————————————————————

  private typeLabel(type: string, result = this.derived?.result): string {
    const declared = result?.dataset.types[type]?.label;
    if (declared) return declared;
    switch (type) {
      case 'talks':
        return this.tr.t('typeTalks');
      case 'proposal':
        return this.tr.t('typeProposal');
      case 'casualties':
        return this.tr.t('typeCasualties');
      case 'other':
        return this.tr.t('typeOther');
      default:
        return type;
    }
  }

  private context(): ViewContext {
    return { tr: this.tr, locale: this.tr.locale, rtl: this.rtl, typeLabel: (type) => this.typeLabel(type) };
  }

  /** Width of a text at 12 px in the widget's font; `bold` for the axis' context row (weight 600). */
  private measure = (text: string, bold = false): number => {
    const key = bold ? `b|${text}` : text;
    let width = this.widths.get(key);
    if (width !== undefined) return width;
    if (this.measureContext === undefined) {
      this.measureContext = document.createElement('canvas').getContext('2d');
      this.fontFamily = getComputedStyle(this).fontFamily || 'sans-serif';
    }
    const context = this.measureContext;
    const font = `${bold ? 600 : 400} 12px ${this.fontFamily}`;
    // Setting a font parses it, even the same one again: only a change of weight sets it.
    if (context && this.measureFont !== font) context.font = this.measureFont = font;
    width = context ? context.measureText(text).width : text.length * (bold ? 7 : 6.5);
    if (this.widths.size > 5000) this.widths.clear();
    this.widths.set(key, width);
    return width;
  };
  private fontFamily = 'sans-serif';
  private measureFont = '';

  override render() {
    const context = this.context();
    const state = this.loader.state;
    const derived = this.derived;
    const frameClass = `frame ${this.width && this.width < NARROW ? 'narrow' : 'wide'}`;
    let body: unknown = nothing;
    if (state.status === 'loading') body = renderLoading(context, state.percent);
    else if (state.status === 'error') {
      body = renderError(state.failure, context, this.src && this.data == null ? () => this.reload() : undefined);
    }
    const selectedEvent = this.selected ? derived?.byId.get(this.selected) : undefined;
    return html`<div class=${frameClass} dir=${this.rtl ? 'rtl' : 'ltr'} lang=${this.tr.locale} @keydown=${this.onFrameKeydown}>
      ${derived ? this.renderLoaded(derived, context, selectedEvent) : nothing} ${body}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  private renderLoaded(derived: Derived, context: ViewContext, selectedEvent?: TimelineEvent) {
    const legendLanes =
      derived.figuresLane && !derived.lanes.some((lane) => lane.type === FIGURES_TYPE)
        ? [...derived.lanes, derived.figuresLane]
        : derived.lanes;
    // Unchanged by a zoom or pan: not rendered again for every frame of one.
    const toolbar = guard([derived, this.hiddenTypes, this.listOpen, this.tr, this.rtl], () => renderToolbar(
      { title: derived.result.dataset.title, lanes: legendLanes, hidden: this.hiddenTypes, listOpen: this.listOpen },
      context,
      {
        zoomIn: () => this.zoomIn(),
        zoomOut: () => this.zoomOut(),
        fitAll: () => this.resetZoom(),
        toggleList: () => {
          this.listOpen = !this.listOpen;
          if (this.listOpen) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#list-title')?.focus());
        },
        toggleType: (type) => this.toggleType(type),
      },
    ));
    if (this.listOpen) {
      // Every event, hidden types too: the legend that hides them is not shown with the list.
      return withToolbar(toolbar, renderList(this.events, context, derived.result.dataset.title));
    }
    const { view, preview } = this.chartFor(derived);
    this.chartView = view;
    this.preview = preview;
    const height = view ? view.axisTop + GEOMETRY.axisHeight : 0;
    const nav = selectedEvent ? this.navEvents() : [];
    const index = selectedEvent ? nav.indexOf(selectedEvent) : -1;
    const overviewScale = this.overviewScale();
    return withToolbar(
      toolbar,
      html`<div class="chart" role="group" aria-label=${this.tr.t('timelineLabel', { title: derived.result.dataset.title ?? '' })}>
        <div
          class="plot"
          .style="height:${height}px"
          @click=${this.onPlotClick}
          @keydown=${this.onPlotKeydown}
          @wheel=${this.onWheel}
          @touchstart=${this.onTouchStart}
          @touchmove=${this.onTouchMove}
          @focusin=${this.onPlotFocusIn}
        >
          ${view ? guard([view, this.tr, this.rtl], () => renderChart(view, context)) : nothing}
        </div>
        ${selectedEvent && this.width >= NARROW ? this.renderDetailFor(selectedEvent, nav, index, context) : nothing}
        <div class="hint ${this.hint ? 'shown' : ''}" aria-hidden="true">${this.hint}</div>
      </div>
      ${view?.panels.length ? renderSeriesLegend(view.panels, context) : nothing}
      ${overviewScale
        ? renderOverview(
            { width: this.width, scale: overviewScale, bins: this.overviewBins(derived), view: this.zoomer.view },
            context,
          )
        : nothing}
      ${selectedEvent && this.width < NARROW ? this.renderDetailFor(selectedEvent, nav, index, context) : nothing}`,
    );
  }

  private renderDetailFor(event: TimelineEvent, nav: TimelineEvent[], index: number, context: ViewContext) {
    return renderDetail(event, context, {
      close: () => this.closeDetail(),
      previous: index > 0 ? () => this.openEvent(nav[index - 1].id) : undefined,
      next: index >= 0 && index < nav.length - 1 ? () => this.openEvent(nav[index + 1].id) : undefined,
    });
  }

  /**
   * The chart to draw: while a zoom or pan is in progress, the one drawn last, moved by x · k + b
   * to the current window, so long as it still covers most of the view; otherwise a new layout.
   * The chart drawn last is kept as it is while nothing it was laid out for changed (the end of a
   * gesture whose last frame was drawn in full, or an update for something else).
   */
  private chartFor(derived: Derived): { view?: ChartView; preview: { k: number; b: number } } {
    const none = { k: 1, b: 0 };
    if (this.width <= 0) return { preview: none };
    const inputs = [derived, this.width, this.rtl, this.tr, this.hiddenTypes, this.selected, this.cursorId];
    const drawn = this.chartView;
    if (drawn && sameInputs(inputs, this.chartInputs)) {
      // Width and direction are among the inputs: the window alone tells the scale.
      if (sameView(drawn.scale.domain(), this.zoomer.view)) return { view: drawn, preview: none };
      const large = derived.result.dataset.events.length >= PREVIEW_FROM_EVENTS;
      const preview = large && this.previewing ? previewTransform(drawn.scale, this.zoomer.scale(), this.width) : undefined;
      if (preview) return { view: drawn, preview };
    }
    this.chartInputs = inputs;
    return { view: this.layoutChart(derived), preview: none };
  }

  /** One transform per layer (grid, lane, track, axis), not one per mark: a frame of a gesture stays cheap. */
  private applyPreview(): void {
    const { k, b } = this.preview;
    const transform = k === 1 && b === 0 ? '' : `matrix(${k},0,0,1,${b},0)`;
    // A new layout draws its layers untransformed: only a preview, and the end of one, touch them.
    if (!transform && !this.previewShown) return;
    this.previewShown = transform !== '';
    for (const layer of this.plot?.querySelectorAll<HTMLElement | SVGElement>(`[${ZOOM_LAYER}]`) ?? []) {
      layer.style.transform = transform;
    }
  }
  private previewShown = false;
  /** A read of inline data waits for the document to be parsed (see reload). */
  private awaitingParse = false;

  private overviewBins(derived: Derived): Uint32Array {
    return this.binsMemo.get([derived, this.width], () =>
      densityBins(derived.starts, derived.limits, Math.max(10, Math.round(this.width / 6))),
    );
  }

  /** Lays out lanes, marks, labels, figures and ticks for the current window. */
  private layoutChart(derived: Derived): ChartView {
    const scale = this.zoomer.scale();
    const width = this.width;
    const options = { minGap: GEOMETRY.minGap, viewWidth: width };
    const lanes: LaneView[] = [];
    let top = 0;
    for (const lane of derived.lanes) {
      if (this.hiddenTypes.has(lane.type)) continue;
      const marks = derived.laneCaches.get(lane.type)!.marks(scale, options);
      const labels = placeLabels(
        marks.flatMap((mark) =>
          mark.kind === 'event'
            ? [{ id: mark.event.id, x: labelAnchor(mark, this.rtl), text: mark.event.title, priority: mark.event.id === this.selected ? 2 : 1, rtl: this.rtl }]
            : [],
        ),
        { measure: this.measure, viewWidth: width, rows: GEOMETRY.labelRows, markRadius: 2 },
      );
      lanes.push({ lane, top, marks, labels });
      top += laneHeight;
    }
    const panels: FigurePanelView[] = [];
    if (!this.hiddenTypes.has(FIGURES_TYPE)) {
      const [t0, t1] = scale.domain().map(Number);
      const margin = t1 - t0;
      for (const measure of derived.measures) {
        const height = GEOMETRY.panelHeight;
        // Points keep clear of the measure's name above them and of the panel's bottom edge.
        const axis = valueAxis(
          measure.series.map((entry) => entry.style.series),
          [height - GEOMETRY.markSize / 2, GEOMETRY.laneHeader + GEOMETRY.markSize / 2 + 2],
          { count: 3, minSpacing: 14, locale: this.tr.locale },
        );
        const values = axis.scale;
        const points = measure.series.flatMap((entry) =>
          entry.cache.marks(scale, options).map((mark) => ({
            style: entry.style,
            mark,
            y: values(
              mark.kind === 'event'
                ? entry.values.get(mark.event.id) ?? 0
                : Math.max(...mark.events.map((event) => entry.values.get(event.id) ?? 0)),
            ),
          })),
        );
        const lines = measure.series.map((entry) => {
          let path = '';
          for (const point of entry.style.series.points) {
            if (point.t < t0 - margin || point.t > t1 + margin) continue;
            path += `${path ? 'L' : 'M'}${scale(point.t).toFixed(1)},${values(point.value).toFixed(1)}`;
          }
          return { style: entry.style, path };
        });
        panels.push({
          label: measure.label,
          top,
          height,
          styles: measure.series.map((entry) => entry.style),
          valueTicks: axis.ticks,
          points,
          lines,
        });
        top += height;
      }
    }
    const view: ChartView = {
      width,
      scale,
      lanes,
      panels,
      axisTop: top,
      ticks: timeTicks(scale, { locale: this.tr.locale, measure: this.measure, measureContext: (text) => this.measure(text, true) }),
      selectedId: this.selected,
      tabKey: null,
    };
    view.tabKey = this.tabKeyFor(view);
    return view;
  }

  /** The one mark in the tab order: the keyboard's event, the cluster that holds it, or the first. */
  private tabKeyFor(view: ChartView): string | null {
    const all = [
      ...view.lanes.flatMap((lane) => lane.marks),
      ...view.panels.flatMap((panel) => panel.points.map((point) => point.mark)),
    ];
    if (!all.length) return null;
    const id = this.cursorId ?? this.selected;
    if (id) {
      // A cluster's members are listed only for one whose dates take in the event's.
      const date = this.derived?.byId.get(id)?.date.getTime();
      const within = (mark: ClusterMark) => date === undefined || (date >= +mark.first.date && date <= +mark.last.date);
      const holder = all.find((mark) =>
        mark.kind === 'event' ? mark.event.id === id : within(mark) && mark.events.some((event) => event.id === id),
      );
      if (holder) return markKey(holder);
    }
    let first = all[0];
    for (const mark of all) if (firstDate(mark) < firstDate(first)) first = mark;
    return markKey(first);
  }

  private announce(text: string): void {
    this.announcement = text;
  }

  private dispatch<K extends 'timeline-load' | 'timeline-error' | 'timeline-select' | 'timeline-zoom'>(
    type: K,
    detail: HTMLElementEventMap[K]['detail'],
  ): void {
    /** @internal */
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

function derive(result: ReadResult, typeLabel: (type: string) => string): Derived {
  const { events, types } = result.dataset;
  const byId = new Map(events.map((event) => [event.id, event]));
  const lanes = buildLanes(events, types, {
    talks: typeLabel('talks'),
    proposal: typeLabel('proposal'),
    casualties: typeLabel('casualties'),
    other: typeLabel('other'),
  });
  const laneCaches = new Map(lanes.map((lane) => [lane.type, createClusterCache(lane.events)]));
  const series = figureSeries(events);
  const measures: Measure[] = [];
  for (const one of series) {
    let measure = measures.find((candidate) => candidate.label === one.label);
    if (!measure) measures.push((measure = { label: one.label, series: [] }));
    measure.series.push({
      style: { series: one, ...seriesLook(measure.series.length) },
      cache: createClusterCache(dedupe(one.points.map((point) => point.event))),
      values: new Map(one.points.map((point) => [point.event.id, point.value])),
    });
  }
  const extent = dataExtent(events) ?? [new Date(), new Date()];
  const limits = paddedExtent(extent);
  const starts = Float64Array.from(events, (event) => +event.date);
  const figuresLane: Lane | undefined = series.length
    ? {
        type: FIGURES_TYPE,
        label: typeLabel(FIGURES_TYPE),
        color: types[FIGURES_TYPE]?.color ?? seriesLook(0).color,
        // The casualties type's own shape, which buildLanes keeps free for the figures track.
        shape: 'star',
        events: events.filter((event) => event.figures?.length),
      }
    : undefined;
  // A casualty event without figures has no point on the figures track: it gets a lane, or no
  // pointer, key or eye could reach it.
  const unquantified = events.filter((event) => event.type === FIGURES_TYPE && !event.figures?.length);
  if (unquantified.length) {
    const look = figuresLane ?? { color: types[FIGURES_TYPE]?.color ?? seriesLook(0).color, shape: 'star' as const };
    const lane: Lane = { type: FIGURES_TYPE, label: typeLabel(FIGURES_TYPE), color: look.color, shape: look.shape, events: unquantified };
    lanes.push(lane);
    laneCaches.set(FIGURES_TYPE, createClusterCache(unquantified));
  }
  return { result, byId, lanes, laneCaches, measures, limits, starts, figuresLane };
}

/** One template for both views, so the toolbar's buttons (and the focus on them) outlive a switch. */
function withToolbar(toolbar: unknown, body: unknown) {
  return html`${toolbar}${body}`;
}

function dedupe(events: TimelineEvent[]): TimelineEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => !seen.has(event.id) && (seen.add(event.id), true));
}

/** The lane an event is drawn in: figures-only events belong to the figures track. */
function laneTypeOf(event: TimelineEvent): string {
  return event.type;
}

function labelAnchor(mark: Mark, rtl: boolean): number {
  if (mark.kind !== 'event' || mark.x2 === undefined) return mark.x;
  return rtl ? Math.max(mark.x, mark.x2) : Math.min(mark.x, mark.x2);
}

/** The event a mark element stands for: its own, or a cluster's first (its key is `cluster:<first id>`). */
function markEventId(element: HTMLElement): string | null {
  if (element.dataset.eventId) return element.dataset.eventId;
  const key = element.dataset.clusterKey;
  return key?.startsWith('cluster:') ? key.slice('cluster:'.length) : null;
}

/** The value made last, kept while the inputs it was made from stay the same (===). */
class Memo<T> {
  private inputs?: readonly unknown[];
  private value?: T;

  get(inputs: readonly unknown[], make: () => T): T {
    if (!this.inputs || !sameInputs(inputs, this.inputs)) {
      this.value = make();
      this.inputs = inputs;
    }
    return this.value as T;
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((input, i) => input === b[i]);
}

/**
 * How the chart drawn for `drawn` moves to show `now`: x' = k · x + b. Undefined when the drawn
 * marks would no longer cover the view well enough (a long pan or a deep zoom): then lay it out again.
 */
function previewTransform(
  drawn: TimeScale,
  now: TimeScale,
  width: number,
): { k: number; b: number } | undefined {
  const [d0, d1] = drawn.domain().map(Number);
  const [n0, n1] = now.domain().map(Number);
  if (d1 === d0 || n1 === n0) return undefined;
  const k = (d1 - d0) / (n1 - n0);
  const b = now(d0) - k * drawn(d0);
  if (!Number.isFinite(k) || !Number.isFinite(b) || k < 0.6 || k > 2.5) return undefined;
  // What the drawn chart leaves uncovered at the edges of the view.
  const left = b;
  const right = width - (k * width + b);
  const bare = Math.max(0, left) + Math.max(0, right);
  return bare <= width * 0.4 ? { k, b } : undefined;
}

function firstDate(mark: Mark): number {
  return mark.kind === 'event' ? +mark.event.date : +mark.first.date;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function toDate(value: Date | string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = value instanceof Date ? new Date(value) : new Date(value);
  return Number.isNaN(+date) ? undefined : date;
}
