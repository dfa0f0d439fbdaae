import { path } from 'd3-path';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { markKey, type ChartView, type LaneView } from '../layout/scene.js';
import type { TextKey } from '../i18n/index.js';
import { renderAxis } from './axis.js';
import type { ViewContext } from './context.js';
import { renderFigures } from './figures.js';
import { renderLane } from './lane.js';

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

/**
 * The time axis at the top, then the lanes and the figure chart, all positioned from the view's
 * scale. A lane, the axis and the grid are drawn again only when what they show changed: a click
 * that selects a mark draws again the lanes of the marks it presses and releases, not the others.
 */
export function renderChart(view: ChartView, context: ViewContext): TemplateResult {
  const { ticks, width, height, lanesTop, tabKey, selectedId } = view;
  return html`
    ${guard([ticks, context.rtl], () => renderAxis(view, context.rtl))}
    ${guard([ticks, width, height, lanesTop], () => renderGrid(view))}
    ${view.lanes.map((laneView) =>
      guard([laneView, context, width, holds(laneView, tabKey), holds(laneView, selectedId)], () => renderLane(laneView, view, context)),
    )}
    ${view.figures ? renderFigures(view.figures, view, context) : nothing}
  `;
}

/** The keys of each lane's marks, gathered once per lane laid out. */
const laneKeys = new WeakMap<LaneView, Set<string>>();

/** `key` when one of the lane's marks has it (its tab stop or its selected event), else null. */
function holds(laneView: LaneView, key: string | null): string | null {
  if (key === null) return null;
  let keys = laneKeys.get(laneView);
  if (!keys) laneKeys.set(laneView, (keys = new Set(laneView.marks.map((placed) => markKey(placed.mark)))));
  return keys.has(key) ? key : null;
}

/** A line down the lanes at each tick of the axis, all in one path. */
function renderGrid(view: ChartView): TemplateResult {
  const height = view.height - view.lanesTop;
  const lines = path();
  for (const tick of view.ticks.major) {
    lines.moveTo(tick.x, 0);
    lines.lineTo(tick.x, height);
  }
  return html`<svg
    class="grid"
    width=${view.width}
    height=${height}
    aria-hidden="true"
    data-zoom-layer
    .style=${`transform-origin:0 0;top:${view.lanesTop}px`}
  >
    <path d=${lines.toString()}></path>
  </svg>`;
}
