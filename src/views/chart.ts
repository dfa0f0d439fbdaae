import { html, svg, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { GEOMETRY } from '../layout/geometry.js';
import type { ClusterMark } from '../layout/marks.js';
import { laneColorValue, type MarkShape } from '../layout/lanes.js';
import { markKey, type ChartView, type LaneView, type Mark, type Move } from '../layout/scene.js';
import { formatEventDate, formatNumber } from '../i18n/index.js';
import type { TimelineEvent } from '../model/types.js';
import { eventName as nameOf, type ViewContext } from './context.js';
import type { TextKey, Translator } from '../i18n/index.js';
import { renderFigures } from './figures.js';
import { shapeIcon } from './shapes.js';

/**
 * Marks the elements that a zoom or pan in progress moves as a whole (x' = k · x + b, by
 * `moveLayers`), until the full layout follows once the gesture settles.
 */
const ZOOM_LAYER = 'data-zoom-layer';

/** Plots whose layers are moved now. */
const moved = new WeakSet<Element>();

/** Moves the chart drawn in `plot` by x' = k · x + b: one transform per layer (grid, lane, track, axis), not one per mark. */
export function moveLayers(plot: Element, move: Move): void {
  const transform = move.k === 1 && move.b === 0 ? '' : `matrix(${move.k},0,0,1,${move.b},0)`;
  // A new layout draws its layers untransformed: only a move, and the end of one, touch them.
  if (!transform && !moved.has(plot)) return;
  if (transform) moved.add(plot);
  else moved.delete(plot);
  for (const layer of plot.querySelectorAll<HTMLElement | SVGElement>(`[${ZOOM_LAYER}]`)) layer.style.transform = transform;
}
/** A layer is positioned (never static), so that a transform does not change its marks' containing block. */
const LAYER_STYLE = 'position:absolute;left:0;top:0;right:0;transform-origin:0 0';

/**
 * Keys for drawing a list of marks: an event keeps its element by its id; the n-th cluster takes
 * over the element of the n-th cluster drawn before. A zoom step regroups most clusters (their
 * first event changes), and updating an element costs far less than replacing it.
 */
function elementKeys<T>(items: readonly T[], markOf: (item: T) => Mark, eventKey: (item: T) => string): (item: T, index: number) => string {
  let clusters = 0;
  const keys = items.map((item) => (markOf(item).kind === 'event' ? eventKey(item) : `\u0000cluster ${clusters++}`));
  return (_item, index) => keys[index];
}

// A zoom step redraws every mark; the words of each (dates and counts through Intl) are the
// same at every step, so they are formatted once per translator and event.
type PerEvent<T> = WeakMap<Translator, WeakMap<TimelineEvent, T>>;
const names: PerEvent<string> = new WeakMap();
const dates: PerEvent<string> = new WeakMap();
const clusterWords: PerEvent<Map<string, { label: string; count: string }>> = new WeakMap();

function remember<T>(cache: PerEvent<T>, context: ViewContext, event: TimelineEvent, make: () => T): T {
  let byEvent = cache.get(context.tr);
  if (!byEvent) cache.set(context.tr, (byEvent = new WeakMap()));
  let value = byEvent.get(event);
  if (value === undefined) byEvent.set(event, (value = make()));
  return value;
}

function eventName(event: TimelineEvent, context: ViewContext): string {
  return remember(names, context, event, () => nameOf(event, context));
}

function dateOf(event: TimelineEvent, context: ViewContext): string {
  return remember(dates, context, event, () => formatEventDate(event.date, event.precision, context.locale, event.farYear, context.tr));
}

function clusterText(mark: ClusterMark, context: ViewContext): { label: string; count: string } {
  const { first, last } = mark;
  const byRest = remember(clusterWords, context, first, () => new Map<string, { label: string; count: string }>());
  const key = `${mark.count}|${last.id}`;
  let words = byRest.get(key);
  if (!words) {
    words = {
      label: context.tr.plural('clusterLabel', mark.count, { start: dateOf(first, context), end: dateOf(last, context) }),
      count: formatNumber(mark.count, context.locale),
    };
    byRest.set(key, words);
  }
  return words;
}

/** What the plot's marks answer to: the keyboard's and the pointer's way to events. */
export interface PlotHandlers {
  onPlotClick(event: MouseEvent): void;
  onPlotKeydown(event: KeyboardEvent): void;
  onPlotFocusIn(event: FocusEvent): void;
}

/**
 * The chart's frame and its plot. The plot is always rendered (d3-zoom stays attached to it), and
 * hidden unless `shown`. `detail` is the open detail when it overlays the chart; `hint` the key of
 * the words over it.
 */
export function renderPlot(
  scene: ChartView | undefined,
  context: ViewContext,
  handlers: PlotHandlers,
  { shown, title, hint, detail }: { shown: boolean; title?: string; hint: TextKey | ''; detail: unknown },
): TemplateResult {
  return html`<div class="chart" role="group" aria-label=${context.tr.t('timelineLabel', { title: title ?? '' })} ?hidden=${!shown}>
    <div
      class="plot"
      .style="height:${scene ? scene.axisTop + GEOMETRY.axisHeight : 0}px"
      @click=${handlers.onPlotClick}
      @keydown=${handlers.onPlotKeydown}
      @focusin=${handlers.onPlotFocusIn}
    >
      ${scene ? guard([scene, context], () => renderChart(scene, context)) : nothing}
    </div>
    ${detail}
    <div class="hint ${hint ? 'shown' : ''}" aria-hidden="true">${hint ? context.tr.t(hint) : ''}</div>
  </div>`;
}

/** The lanes, the figures track and the time axis, all positioned from the view's scale. */
export function renderChart(view: ChartView, context: ViewContext): TemplateResult {
  return html`
    ${renderGrid(view)}
    ${view.lanes.map((laneView) => renderLane(laneView, view, context))}
    ${view.figures ? renderFigures(view.figures, view, context) : nothing}
    ${renderAxis(view, context.rtl)}
  `;
}

function renderGrid(view: ChartView): TemplateResult {
  return html`<svg class="grid" width=${view.width} height=${view.axisTop} aria-hidden="true" data-zoom-layer .style=${'transform-origin:0 0'}>
    ${view.ticks.major.map((tick) => svg`<line x1=${tick.x} x2=${tick.x} y1="0" y2=${view.axisTop}></line>`)}
  </svg>`;
}

function renderLane(laneView: LaneView, view: ChartView, context: ViewContext): TemplateResult {
  const { lane } = laneView;
  const markTop = GEOMETRY.laneHeader + (GEOMETRY.markRow - GEOMETRY.markSize) / 2;
  const labelTop = GEOMETRY.laneHeader + GEOMETRY.markRow;
  return html`<div
    class="lane"
    role="group"
    aria-label=${context.typeLabel(lane.type)}
    data-lane=${lane.type}
    .style="top:${laneView.top}px;height:${GEOMETRY.laneHeader + GEOMETRY.markRow + GEOMETRY.labelRow * GEOMETRY.labelRows}px;--_type-color:${laneColorValue(lane)}"
  >
    <div class="lane-label" aria-hidden="true">${shapeIcon(lane.shape, 'shape-inline')}<span dir="auto">${context.typeLabel(lane.type)}</span></div>
    <div data-zoom-layer .style=${LAYER_STYLE}>
    ${repeat(laneView.marks, elementKeys(laneView.marks, (mark) => mark, markKey), (mark) => renderMark(mark, lane.shape, markTop, view, context))}
    ${laneView.labels.map(
      (label) =>
        html`<span
          class="label"
          aria-hidden="true"
          dir="auto"
          data-label-for=${label.id}
          title=${label.truncated ? fullTitle(laneView, label.id) : nothing}
          .style="transform:translate(${label.x}px,${labelTop + label.row * GEOMETRY.labelRow}px);width:${label.width}px"
          >${label.text}</span
        >`,
    )}
    </div>
  </div>`;
}

function fullTitle(laneView: LaneView, id: string): string {
  for (const mark of laneView.marks) if (mark.kind === 'event' && mark.event.id === id) return mark.event.title;
  return '';
}

function renderMark(
  mark: Mark,
  shape: MarkShape,
  top: number,
  view: ChartView,
  context: ViewContext,
): TemplateResult {
  const key = markKey(mark);
  const tabindex = key === view.tabKey ? 0 : -1;
  if (mark.kind === 'cluster') return renderCluster(mark, top, tabindex, context, tipEnd(mark, view));
  const { event } = mark;
  const selected = event.id === view.selectedId;
  const name = eventName(event, context);
  // Known only to the month or year: always a period, so it never reads as its first day.
  const period = !event.end && mark.x2 !== undefined;
  if (mark.x2 !== undefined && (period || Math.abs(mark.x2 - mark.x) > GEOMETRY.markSize / 2)) {
    const length = Math.abs(mark.x2 - mark.x);
    // Too short for a bar the reader can hit, the mark is centred on the period; the bar keeps its length.
    const width = Math.max(GEOMETRY.markSize, length);
    const left = (mark.x + mark.x2) / 2 - width / 2;
    const inset = (width - Math.max(length, GEOMETRY.markSize / 2)) / 2;
    return html`<button
      type="button"
      class="mark span ${period ? 'period' : ''} ${event.unsourced ? 'unsourced' : ''} ${tipEnd(mark, view)}"
      part="event"
      data-event-id=${event.id}
      tabindex=${tabindex}
      aria-pressed=${selected ? 'true' : 'false'}
      aria-label=${name}
      title=${event.title}
      .style="transform:translate(${left}px,${top}px);width:${width}px"
    >
      <span class="bar" .style="left:${inset}px;right:${inset}px"></span>
    </button>`;
  }
  return html`<button
    type="button"
    class="mark ${event.unsourced ? 'unsourced' : ''} ${tipEnd(mark, view)}"
    part="event"
    data-event-id=${event.id}
    tabindex=${tabindex}
    aria-pressed=${selected ? 'true' : 'false'}
    aria-label=${name}
    title=${event.title}
    .style="transform:translate(${mark.x - GEOMETRY.markSize / 2}px,${top}px)"
  >
    ${shapeIcon(shape)}
  </button>`;
}

/** The title shown on focus runs from a mark towards the middle of the chart, so that it stays in view. */
function tipEnd(mark: Mark, view: ChartView): string {
  return mark.x > view.width / 2 ? 'tip-end' : '';
}

function renderCluster(mark: ClusterMark, top: number, tabindex: number, context: ViewContext, tip = ''): TemplateResult {
  const { label, count } = clusterText(mark, context);
  const width = Math.max(26, 12 + String(mark.count).length * 8);
  return html`<button
    type="button"
    class="mark cluster ${tip}"
    part="event cluster"
    data-cluster-count=${mark.count}
    data-cluster-key=${markKey(mark)}
    tabindex=${tabindex}
    aria-label=${label}
    title=${label}
    .style="transform:translate(${mark.x - width / 2}px,${top}px);width:${width}px"
  >
    ${count}
  </button>`;
}

function renderAxis(view: ChartView, rtl: boolean): TemplateResult {
  return html`<div class="axis" part="axis" aria-hidden="true" .style="top:${view.axisTop}px;height:${GEOMETRY.axisHeight}px">
    <div data-zoom-layer .style=${LAYER_STYLE}>
    ${view.ticks.major.map((tick) =>
      tick.unlabelled
        ? nothing
        : html`<span class="tick" .style="transform:translateX(${tick.left ?? tick.x - (tick.width ?? 0) / 2}px)">${tick.label}</span>`,
    )}
    ${view.ticks.context.map(
      (tick) =>
        html`<span class="tick context" .style="transform:translateX(${tick.left ?? (rtl ? tick.x - (tick.width ?? 0) : tick.x)}px)"
          >${tick.label}</span
        >`,
    )}
    </div>
  </div>`;
}
