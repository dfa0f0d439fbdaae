import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { FigureController } from './controllers/figure-controller.js';
import { DrawStage, FirstDrawController } from './controllers/first-draw-controller.js';
import { KeyboardController } from './controllers/keyboard-controller.js';
import { LoadController, DEFAULT_LOAD_OPTIONS, type LoadState } from './controllers/load-controller.js';
import { sourceOf } from './controllers/source.js';
import { SizeController } from './controllers/resize-controller.js';
import { ViewController } from './controllers/view-controller.js';
import { WarmUpController } from './controllers/warm-up-controller.js';
import { TimelineErrorEvent, TimelineLoadEvent } from './events.js';
import { createTranslator, resolveLocale, warmUpDateFormats, type Strings, type Translator } from './i18n/index.js';
import { nearestDate, openingView, timeOf } from './layout/extent.js';
import { GEOMETRY } from './layout/geometry.js';
import { SceneCache, STILL, type ChartView } from './layout/scene.js';
import { AXIS_FORMATS } from './layout/ticks.js';
import { legendLanes, type Story } from './layout/story.js';
import type { Problem, TimelineEvent } from './model/types.js';
import { moveLayers, renderPlot } from './views/chart.js';
import { viewContext, type ViewContext } from './views/context.js';
import { renderList } from './views/list.js';
import { TextMeasure } from './views/measure.js';
import { renderOverlay } from './views/overlay.js';
import { renderOverview } from './views/overview.js';
import { figureStyles } from './views/figure-styles.js';
import { failureMessage, renderError, renderLoading } from './views/status.js';
import { styles } from './views/styles.js';
import { renderToolbar } from './views/toolbar.js';
import { restyleAfterMove } from './adopted-styles.js';

export type { TimelineErrorDetail, TimelineLoadDetail, TimelineSelectDetail, TimelineZoomDetail } from './events.js';

warmUpDateFormats(() => resolveLocale([document.documentElement.lang, navigator.language]), AXIS_FORMATS);

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
 * @csspart event - Every event mark (and group mark).
 * @csspart cluster - A group: a mark that stands for several events where a lane's rows ran out.
 * @csspart detail - The open detail of the selected event.
 * @csspart list - The list view of all events.
 * @csspart error - The panel shown when loading failed.
 * @csspart controls - The zoom and list buttons.
 * @csspart axis - The time axis, at the top of the chart (it sticks while the chart is on screen).
 * @csspart legend - The type chips in the toolbar (they hide and show types).
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
  static override styles = [styles, figureStyles];

  // Declared as static properties, not with decorators: the decorators' run-time helpers would
  // weigh about 1 KB gzipped in the bundles.
  static override properties: PropertyDeclarations = {
    src: {}, locale: {}, start: {}, end: {}, selected: { reflect: true }, theme: { reflect: true },
    timeout: { type: Number }, data: { attribute: false }, strings: { attribute: false },
    hiddenTypes: { state: true, attribute: false }, listOpen: { state: true, attribute: false },
  };

  /** The data itself, in any accepted format (object, array, or JSON/CSV text). Wins over `src`. */
  declare data: unknown;
  /** URL of the data file. */
  declare src: string;
  /** Language of dates, numbers and the widget's words. */
  declare locale: string;
  /** Start of the initial visible window. */
  declare start: string;
  /** End of the initial visible window. */
  declare end: string;
  /** Id of the selected event. */
  declare selected: string | null;
  /** `light`, `dark` or `auto`. */
  declare theme: 'light' | 'dark' | 'auto';
  /** Milliseconds before loading `src` is given up. */
  declare timeout: number;
  /** Replacements for any of the widget's words. */
  declare strings: Partial<Strings>;

  /** @internal The types turned off in the legend. */
  declare hiddenTypes: ReadonlySet<string>;
  private declare listOpen: boolean;
  /** @internal The story shown, once loaded. */
  story?: Story;
  /** @internal The reader's words, language and direction, for the views. */
  context: ViewContext = viewContext(createTranslator('en'), false);

  private readonly loader = new LoadController(this);
  private readonly viewer = new ViewController(this);
  private readonly keys = new KeyboardController(this, this.viewer);
  /** The measure the figure chart shows, and the reporter pointed at. */
  private readonly figures = new FigureController(this, () => this.keys.cursor);
  private readonly size = new SizeController(this);
  private readonly firstDraw = new FirstDrawController(this);
  private readonly scenes = new SceneCache();
  private readonly text = new TextMeasure(this);
  /** Prepares, while the page is idle, the words of the marks a zoom or pan from the window shown would draw. */
  private readonly warm = new WarmUpController(this);
  private move = STILL;
  private loadState?: LoadState;
  /** The story the views' type names are for. */
  private named?: Story;

  constructor() {
    super();
    this.src = this.locale = this.start = this.end = '';
    this.selected = null;
    this.theme = 'light';
    this.timeout = DEFAULT_LOAD_OPTIONS.timeout;
    this.strings = {};
    /** @internal */
    this.hiddenTypes = new Set<string>();
    this.listOpen = false;
  }

  /** @internal The plot's width (px). */
  get width(): number { return this.size.width; }

  /** @internal The chart drawn last. */
  get scene(): ChartView | undefined { return this.scenes.scene; }

  /** @internal Turns a type's lane on (or off). */
  showType(type: string, shown = true): void {
    const others = [...this.hiddenTypes].filter((hidden) => hidden !== type);
    this.hiddenTypes = new Set(shown ? others : [...others, type]);
  }

  // —— Public API ————————————————————————————————————————————————

  /** The valid events, normalised and sorted by date. */
  get events(): TimelineEvent[] { return this.story?.dataset.events ?? []; }

  /** The problems found in the last load (and how the story had to be drawn). */
  get problems(): Problem[] {
    const state = this.loader.state;
    if (state.status === 'ready') return this.story?.problems.length ? [...state.result.problems, ...this.story.problems] : state.result.problems;
    if (state.status === 'error') return state.failure.problems;
    return [];
  }

  /**
   * The visible window now. Where it reaches beyond the years a Date holds (a story 13.8 billion
   * years long), an end is the nearest Date: the first or the last instant a Date holds.
   */
  get view(): { start: Date; end: Date } {
    const [start, end] = this.viewer.view;
    return { start: nearestDate(start), end: nearestDate(end) };
  }

  /** Shows the window from `start` to `end` (Dates, or ISO 8601 dates: `-0300000` for a year a Date cannot hold). */
  zoomTo(start: Date | string, end: Date | string): void {
    const a = timeOf(start);
    const b = timeOf(end);
    if (a !== undefined && b !== undefined) this.viewer.zoomTo(a < b ? a : b, a < b ? b : a);
  }

  /** Halves the visible window, around the keyboard's event when it is in view. */
  zoomIn(): void { this.viewer.zoomBy(2, this.keys.zoomCenter()); }

  /** Doubles the visible window (up to the whole story). */
  zoomOut(): void { this.viewer.zoomBy(0.5, this.keys.zoomCenter()); }

  /** Fits the whole story. */
  resetZoom(): void { this.viewer.reset(); }

  /** Selects an event by id (opening its detail), or clears the selection with `null`. */
  select(id: string | null): void { this.selected = id; }

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
    if (this.hasUpdated) this.reload();
  }

  /** Moved into another document (an iframe's, say): its styles are made again there. */
  adoptedCallback(): void {
    restyleAfterMove(this.shadowRoot, NewsTimeline.elementStyles);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const locale = resolveLocale([this.locale, this.closest('[lang]')?.getAttribute('lang'), document.documentElement.lang]);
    const renamed = !this.hasUpdated || changed.has('locale') || changed.has('strings');
    const tr = renamed ? createTranslator(locale, this.strings) : this.context.tr;
    const dir = this.getAttribute('dir') ?? this.parentElement?.closest('[dir]')?.getAttribute('dir');
    const rtl = dir ? dir.toLowerCase() === 'rtl' : tr.dir === 'rtl';
    if (!this.hasUpdated || changed.has('data') || changed.has('src')) this.reload();
    const fresh = this.loader.state !== this.loadState && this.loaded((this.loadState = this.loader.state), tr);
    const { story } = this;
    if (tr !== this.context.tr || rtl !== this.context.rtl || story !== this.named) {
      [this.context, this.named] = [viewContext(tr, rtl, story?.dataset.types, story?.dataset.measures), story];
    }
    if (!this.hasUpdated && this.isConnected) this.size.take(this);
    if (!story) return;
    const placed = fresh || ((changed.has('start') || changed.has('end')) && this.hasUpdated);
    this.viewer.configure(story.limits, story.floor, this.width, rtl, placed ? openingView(this.start, this.end, story.limits, story.floor) : undefined);
    if (fresh) this.keys.restart();
    else if (changed.has('selected')) this.keys.selectionChanged();
  }

  protected override firstUpdated(): void {
    this.size.observe(this.renderRoot.querySelector('.frame')!);
    this.viewer.attach(this.renderRoot.querySelector('.plot')!);
  }

  protected override updated(): void {
    moveLayers(this.renderRoot.querySelector('.plot')!, this.move);
    this.size.observeToolbar(this.renderRoot.querySelector('.toolbar'));
    // Once a window is drawn whole and the reader settled on it (no gesture or animation under way), what a zoom or pan from it would draw is prepared while the page is idle.
    const { story, context, width } = this;
    if (this.viewer.previewing) return;
    const whole = story && !this.listOpen && width > 0 && this.firstDraw.stage >= DrawStage.Whole;
    this.warm.settled(whole ? { story, view: this.viewer.view, shaping: { width, locale: context.locale, measure: this.text.measure }, context } : undefined);
  }

  // —— Loading ————————————————————————————————————————————————

  private reload(): void {
    // Upgraded while the parser is still inside the element (the script in <head>): its inline
    // data is not there yet. Read again once the document is parsed, unless data came meanwhile.
    const source = sourceOf(this, () => this.reload());
    if (source) void this.loader.load(source, { ...DEFAULT_LOAD_OPTIONS, timeout: this.timeout });
  }

  /** The loader's state changed: a new story to show (true), or a failure to tell. */
  private loaded(state: LoadState, tr: Translator): boolean {
    if (state.status === 'ready') {
      const story = (this.story = state.story);
      const detail = { events: story.dataset.events.length, problems: this.problems, title: story.dataset.title ?? '' };
      void this.updateComplete.then(() => this.firstDraw.drawn).then(() => {
        /** @internal (the events are documented with @fires above) */
        this.dispatchEvent(new TimelineLoadEvent(detail));
      });
      return true;
    }
    // An error, or no source any more: nothing of the last story is kept.
    if (state.status === 'error' || state.status === 'idle') this.story = undefined;
    if (state.status === 'error') {
      /** @internal */
      this.dispatchEvent(new TimelineErrorEvent({ message: failureMessage(state.failure, tr), problems: state.failure.problems }));
    }
    return false;
  }

  // —— Rendering ————————————————————————————————————————————————

  override render() {
    const { context, story, width } = this;
    const state = this.loader.state;
    const chart = story && !this.listOpen ? story : undefined;
    const stage = this.firstDraw.stageOf(story);
    const scene = this.sceneOf(chart, stage);
    return html`<div
      class="frame ${width && width < GEOMETRY.narrow ? 'narrow' : 'wide'} ${this.size.inline ? 'inline-host' : ''}"
      dir=${context.rtl ? 'rtl' : 'ltr'}
      lang=${context.locale}
      @keydown=${this.keys.onFrameKeydown}
    >
      ${story && stage >= DrawStage.Lanes ? this.renderToolbar(story) : nothing}
      ${story && this.listOpen ? renderList(story.dataset.events, context, story.dataset.title) : nothing}
      ${renderPlot(stage >= DrawStage.Lanes ? scene : undefined, context, this.keys, { shown: Boolean(chart) && stage >= DrawStage.Lanes, title: story?.dataset.title, hint: this.viewer.hint, overlay: this.overlay(scene) })}
      ${chart && width > 0 && stage >= DrawStage.Lanes ? this.renderOverview(chart) : nothing}
      ${state.status === 'loading' || stage < DrawStage.Lanes ? renderLoading(context, state.status === 'loading' ? state.percent : undefined) : nothing}
      ${state.status === 'error'
        ? renderError(state.failure, context, this.src && this.data == null ? () => this.reload() : undefined)
        : nothing}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.keys.announcement}</div>
    </div>`;
  }

  /** The detail and a group's list, over the chart. */
  private overlay(scene?: ChartView) {
    const { keys } = this;
    const event = this.selected ? this.story?.byId.get(this.selected) : undefined;
    return renderOverlay(scene, { event, detailActions: event && keys.detailActions(event), group: keys.group, groupActions: keys.groupActions }, this.context);
  }

  /** Title, legend and buttons: unchanged by a zoom or pan, so not rendered again for every frame of one. */
  private renderToolbar(story: Story) {
    const { hiddenTypes: hidden, listOpen, context } = this;
    return guard([story, hidden, listOpen, context], () =>
      renderToolbar({ title: story.dataset.title, lanes: legendLanes(story), hidden, listOpen }, context, {
        zoomIn: () => this.zoomIn(),
        zoomOut: () => this.zoomOut(),
        fitAll: () => this.resetZoom(),
        toggleList: () => {
          this.listOpen = !this.listOpen;
          if (this.listOpen) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#list-title')?.focus());
        },
        toggleType: (type) => this.showType(type, this.hiddenTypes.has(type)),
      }),
    );
  }

  /** The overview strip: drawn again when the window or the story's density changes, not for a selection or the keyboard's moves. */
  private renderOverview(story: Story) {
    const { width, context, viewer } = this;
    const bins = this.scenes.density(story, width);
    const { base: scale, view } = viewer;
    return guard([bins, width, scale, view, context], () => renderOverview({ width, scale, bins, view }, context, viewer.brushDown));
  }

  /** The chart for the window now: laid out anew, or the one drawn last (moved, during a gesture). */
  private sceneOf(story: Story | undefined, stage: DrawStage): ChartView | undefined {
    const { context, width, viewer } = this;
    this.move = STILL;
    if (!story || width <= 0) return undefined;
    const input = { story, view: viewer.view, width, room: this.size.room, rtl: context.rtl, locale: context.locale, tr: context.tr, measure: this.text.measure };
    const frame = this.scenes.frame(
      { ...input, hidden: this.hiddenTypes, selected: this.selected, cursor: this.keys.cursor, figures: this.figures.state, figuresLater: stage < DrawStage.Whole },
      viewer.transform,
      viewer.previewing,
    );
    this.move = frame.move;
    return frame.scene;
  }
}

