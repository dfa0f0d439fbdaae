import { html, svg, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { GEOMETRY } from '../layout/geometry.js';
import type { ClusterMark } from '../layout/marks.js';
import { markKey, type ChartView, type FigurePanelView, type FigurePointView, type Mark } from '../layout/scene.js';
import type { TimelineEvent } from '../model/types.js';
import type { TextKey } from '../i18n/index.js';
import { renderAxis } from './axis.js';
import type { ViewContext } from './context.js';
import { renderLane } from './lane.js';
import { elementKeys, LAYER_STYLE } from './layers.js';
import { shapeIcon, shapePath } from './shapes.js';
import { clusterText, eventName } from './words.js';

export { moveLayers } from './layers.js';

/** What the plot's marks answer to: the keyboard's and the pointer's way to events. */
export interface PlotHandlers {
  onPlotClick(event: MouseEvent): void;
  onPlotKeydown(event: KeyboardEvent): void;
  onPlotFocusIn(event: FocusEvent): void;
}

/**
 * The chart's frame and its plot. The plot is always rendered (d3-zoom stays attached to it), and
 * hidden unless `shown`. `overlay` is what floats over the chart (the open detail on a wide
 * screen, the list of a group's events); `hint` the key of the words over it.
 */
export function renderPlot(
  scene: ChartView | undefined,
  context: ViewContext,
  handlers: PlotHandlers,
  { shown, title, hint, overlay }: { shown: boolean; title?: string; hint: TextKey | ''; overlay: unknown },
): TemplateResult {
  return html`<div class="chart" role="group" aria-label=${context.tr.t('timelineLabel', { title: context.isolate(title ?? '') })} ?hidden=${!shown}>
    <div
      class="plot"
      .style="height:${scene ? scene.height : 0}px"
      @click=${handlers.onPlotClick}
      @keydown=${handlers.onPlotKeydown}
      @focusin=${handlers.onPlotFocusIn}
    >
      ${scene ? guard([scene, context], () => renderChart(scene, context)) : nothing}
    </div>
    ${overlay}
    <div class="hint ${hint ? 'shown' : ''}" aria-hidden="true">${hint ? context.tr.t(hint) : ''}</div>
  </div>`;
}

/** The time axis at the top, then the lanes and the figures track, all positioned from the view's scale. */
export function renderChart(view: ChartView, context: ViewContext): TemplateResult {
  const atStart = valuesAtStart(view, context.rtl);
  return html`
    ${renderAxis(view, context.rtl)}
    ${renderGrid(view)}
    ${view.lanes.map((laneView) => renderLane(laneView, view, context))}
    ${view.panels.map((panel) => renderPanel(panel, view, context, atStart))}
  `;
}

/** A line down the lanes at each tick of the axis. */
function renderGrid(view: ChartView): TemplateResult {
  const height = view.height - view.lanesTop;
  return html`<svg
    class="grid"
    width=${view.width}
    height=${height}
    aria-hidden="true"
    data-zoom-layer
    .style=${`transform-origin:0 0;top:${view.lanesTop}px`}
  >
    ${view.ticks.major.map((tick) => svg`<line x1=${tick.x} x2=${tick.x} y1="0" y2=${height}></line>`)}
  </svg>`;
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

/**
 * Whether the panels' values are read at the start edge. All panels read them at one edge, under
 * their names: the end edge, unless more of the panels' points lie there.
 */
function valuesAtStart(view: ChartView, rtl: boolean): boolean {
  const [start, end] = rtl ? (['right', 'left'] as const) : (['left', 'right'] as const);
  let atStart = 0;
  let atEnd = 0;
  for (const panel of view.panels) {
    atStart += crowding(panel, view, start);
    atEnd += crowding(panel, view, end);
  }
  return atStart < atEnd;
}

function renderPanel(panel: FigurePanelView, view: ChartView, context: ViewContext, atStart: boolean): TemplateResult {
  const atLeft = context.rtl !== atStart;
  const axisX = atLeft ? 4 : view.width - 4;
  const anchor = atLeft ? 'start' : 'end';
  return html`<div
    class="figures"
    role="group"
    aria-label=${panel.label}
    data-figure-label=${panel.label}
    .style="top:${panel.top}px;height:${panel.height}px"
  >
    <svg width=${view.width} height=${panel.height} aria-hidden="true">
      <g class="value-axis">
        ${panel.valueTicks.map((tick) => svg`<line x1="0" x2=${view.width} y1=${tick.y} y2=${tick.y}></line>`)}
      </g>
      <g data-zoom-layer>
        ${panel.lines.map(
          (line) =>
            svg`<path class="series-line" d=${line.path} stroke=${line.style.color} stroke-dasharray=${line.style.dash} vector-effect="non-scaling-stroke"></path>`,
        )}
      </g>
    </svg>
    <div class="lane-label" aria-hidden="true"><span dir="auto">${panel.label}</span></div>
    <div data-zoom-layer .style=${LAYER_STYLE}>
    ${repeat(
      panel.points,
      elementKeys(
        panel.points,
        (point) => point.mark,
        (point) => `${point.style.series.key}|${markKey(point.mark)}`,
      ),
      (point) => renderPoint(point, view, context),
    )}
    </div>
    <svg class="value-labels" width=${view.width} height=${panel.height} aria-hidden="true">
      <!-- Over the points, so that a point at the edge never hides a value. -->
      <g class="value-axis">
        ${panel.valueTicks.map(
          // The SVG runs left to right; an Arabic "50 ألف" still reads right to left inside it
          // (an embedding: SVG text does not honour isolates).
          (tick) => svg`<text x=${axisX} y=${tick.y - 3} text-anchor=${anchor}>${context.tr.dir === 'rtl' ? `\u202b${tick.label}\u202c` : tick.label}</text>`,
        )}
      </g>
    </svg>
  </div>`;
}

/** How many of a panel's points come near the value labels at one edge (they take about 40 px). */
function crowding(panel: FigurePanelView, view: ChartView, edge: 'left' | 'right'): number {
  const half = GEOMETRY.markSize / 2;
  const reach = 40 + half;
  return panel.points.filter(({ mark: { x } }) =>
    edge === 'left' ? x > -half && x < reach : x < view.width + half && x > view.width - reach,
  ).length;
}

/** Which line is which: each measure with its reporters. */
export function renderSeriesLegend(panels: readonly FigurePanelView[], context: ViewContext): TemplateResult {
  return html`<div class="series-legend" role="list" aria-label=${context.tr.t('figuresLane')}>
    ${panels.map(
      (panel) => html`<div role="listitem" class="series-group">
        <span class="measure"><span dir="auto">${panel.label}</span>:</span>
        ${panel.styles.map(
          (style) => html`<span class="reporter">
            <svg width="26" height="12" aria-hidden="true">
              <line x1="1" x2="25" y1="6" y2="6" stroke=${style.color} stroke-width="2" stroke-dasharray=${style.dash}></line>
              <g transform="translate(8 1) scale(0.625)" fill=${style.color}><path d=${shapePath(style.shape)}></path></g>
            </svg>
            <span dir="auto">${style.series.reportedBy}</span></span
          >`,
        )}
      </div>`,
    )}
  </div>`;
}

function renderPoint(point: FigurePointView, view: ChartView, context: ViewContext): TemplateResult {
  const { mark, style } = point;
  const key = markKey(mark);
  const tabindex = key === view.tabKey ? 0 : -1;
  const top = point.y - GEOMETRY.markSize / 2;
  if (mark.kind === 'cluster') {
    return html`<span .style="--_type-color:${style.color}">${renderCluster(mark, top, tabindex, context, tipEnd(mark, view))}</span>`;
  }
  const event: TimelineEvent = mark.event;
  return html`<button
    type="button"
    class="mark point ${tipEnd(mark, view)}"
    part="event"
    data-event-id=${event.id}
    tabindex=${tabindex}
    aria-pressed=${event.id === view.selectedId ? 'true' : 'false'}
    aria-label=${eventName(event, context)}
    title=${event.title}
    .style="transform:translate(${mark.x - GEOMETRY.markSize / 2}px,${top}px);color:${style.color}"
  >
    ${shapeIcon(style.shape)}
  </button>`;
}


