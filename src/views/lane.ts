import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { GEOMETRY, rowTop } from '../layout/geometry.js';
import { laneColorValue } from '../layout/lanes.js';
import type { ClusterMark } from '../layout/marks.js';
import { markKey, type ChartView, type LaneView, type PlacedMark } from '../layout/scene.js';
import type { ViewContext } from './context.js';
import { elementKeys, LAYER_STYLE } from './layers.js';
import { shapePath } from './shapes.js';
import { clusterText, eventName } from './words.js';

/** Where a mark's box sits in its row. */
const MARK_OFFSET = (GEOMETRY.laneRow - GEOMETRY.markSize) / 2;

/** One lane: its name over its rows, each mark in its row with its label beside it. */
export function renderLane(laneView: LaneView, view: ChartView, context: ViewContext): TemplateResult {
  const { lane } = laneView;
  const name = context.typeLabel(lane.type);
  return html`<div
    class="lane"
    role="group"
    aria-label=${name}
    data-lane=${lane.type}
    .style="top:${laneView.top}px;height:${laneView.height}px;--_type-color:${laneColorValue(lane)}"
  >
    <div class="lane-label" aria-hidden="true"
      ><svg class="shape-inline" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${shapePath(lane.shape)}></path></svg
      ><bdi .textContent=${name}></bdi
    ></div>
    <div data-zoom-layer .style=${LAYER_STYLE}>
      ${repeat(
        laneView.marks,
        elementKeys(laneView.marks, (placed) => placed.mark, (placed) => markKey(placed.mark)),
        (placed) => renderMark(placed, shapePath(lane.shape), view, context),
      )}
      ${laneView.marks.filter((placed) => placed.label && placed.mark.kind === 'event').map((placed) => renderLabel(placed, context))}
    </div>
  </div>`;
}

/** The label beside a mark (or on its bar): its lines (one or two, see layout/wrap.ts), each an isolate of its own. */
function renderLabel(placed: PlacedMark, context: ViewContext): TemplateResult | typeof nothing {
  const { label, mark } = placed;
  if (!label || mark.kind !== 'event') return nothing;
  const top = rowTop(placed.row) + (GEOMETRY.laneRow - label.lines.length * GEOMETRY.labelLine) / 2;
  // Text lines up with its mark: a label to the right of its mark starts at the left, one to its left ends at the right.
  const toRight = label.side === 'inside' ? !context.rtl : (label.side === 'end') !== context.rtl;
  // The box is a little wider than the text was measured, for rounding: the extra goes on the side away from the mark.
  const boxWidth = Math.ceil(label.width) + 1;
  const x = toRight ? label.x : label.x + label.width - boxWidth;
  const classes = `label ${placed.milestone ? 'milestone' : ''} ${label.side}`;
  const title = label.truncated ? mark.event.title : nothing;
  const style = `transform:translate(${x}px,${top}px);width:${boxWidth}px;text-align:${toRight ? 'left' : 'right'}`;
  // Each line is set as the text of its element: no markers of Lit's beside it.
  const [first, ...rest] = label.lines;
  return rest.length
    ? html`<span class=${classes} aria-hidden="true" data-label-for=${mark.event.id} title=${title} .style=${style}
        ><bdi .textContent=${first}></bdi><bdi .textContent=${rest.join(' ')}></bdi
      ></span>`
    : html`<span class=${classes} aria-hidden="true" data-label-for=${mark.event.id} title=${title} .style=${style}
        ><bdi .textContent=${first}></bdi
      ></span>`;
}

/** A mark: a bar, or the type's shape (`shape`, its path). */
function renderMark(placed: PlacedMark, shape: string, view: ChartView, context: ViewContext): TemplateResult {
  const { mark } = placed;
  const top = rowTop(placed.row) + MARK_OFFSET;
  const key = markKey(mark);
  const tabindex = key === view.tabKey ? 0 : -1;
  if (mark.kind === 'cluster') return renderGroup(mark, placed, shape, top, tabindex, context, tipEnd(placed, view));
  const { event } = mark;
  const classes = `mark ${placed.milestone ? 'milestone' : ''} ${event.unsourced ? 'unsourced' : ''} ${tipEnd(placed, view)}`;
  const common = {
    id: event.id,
    pressed: event.id === view.selectedId ? 'true' : 'false',
    name: eventName(event, context),
    tip: placed.tip ? event.title : nothing,
  };
  if (placed.bar && mark.x2 !== undefined) {
    const width = placed.x1 - placed.x0;
    const length = Math.abs(mark.x2 - mark.x);
    // A bar too short to hit is drawn at its length, centred in a box the reader can hit.
    const inset = (width - Math.max(length, GEOMETRY.markSize / 2)) / 2;
    const period = !event.end;
    return html`<button
      type="button"
      class="${classes} span ${period ? 'period' : ''} ${placed.label?.side === 'inside' ? 'labelled' : ''}"
      part="event"
      data-event-id=${common.id}
      tabindex=${tabindex}
      aria-pressed=${common.pressed}
      aria-label=${common.name}
      title=${event.title}
      data-tip=${common.tip}
      .style="transform:translate(${placed.x0}px,${top}px);width:${width}px"
      ><span class="bar" .style="left:${inset}px;right:${inset}px"></span></button>`;
  }
  return html`<button
    type="button"
    class=${classes}
    part="event"
    data-event-id=${common.id}
    tabindex=${tabindex}
    aria-pressed=${common.pressed}
    aria-label=${common.name}
    title=${event.title}
    data-tip=${common.tip}
    .style="transform:translate(${placed.x0}px,${top}px)"
  ><svg class="shape" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${shape}></path></svg></button>`;
}

/** Events the rows could not hold apart: the type's shape and colour, with how many. */
function renderGroup(
  mark: ClusterMark,
  placed: PlacedMark,
  shape: string,
  top: number,
  tabindex: number,
  context: ViewContext,
  tip: string,
): TemplateResult {
  const { label, count } = clusterText(mark, context);
  return html`<button
    type="button"
    class="mark group ${mark.oneMoment ? 'moment' : ''} ${tip}"
    part="event cluster"
    data-cluster-count=${mark.count}
    data-cluster-key=${markKey(mark)}
    aria-haspopup=${mark.oneMoment ? 'dialog' : nothing}
    tabindex=${tabindex}
    aria-label=${label}
    title=${label}
    .style="transform:translate(${placed.x0}px,${top}px);width:${placed.x1 - placed.x0}px"
  ><svg class="group-shape" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${shape}></path></svg
    ><span class="count" .textContent=${count}></span
  ></button>`;
}

/** The title shown on focus runs from a mark towards the middle of the chart, so that it stays in view. */
function tipEnd(placed: PlacedMark, view: ChartView): string {
  return (placed.x0 + placed.x1) / 2 > view.width / 2 ? 'tip-end' : '';
}

/**
 * How wide (px) that title may be: from the mark's edge it starts at to the chart's far edge, so
 * that it is not cut. Set on the focused mark alone (see `fitTip`): a custom property in every
 * mark's style would make each zoom step restyle what every mark holds.
 */
function tipRoom(placed: PlacedMark, view: ChartView): number {
  const room = tipEnd(placed, view) ? placed.x1 : view.width - placed.x0;
  return Math.max(0, Math.floor(room - 4));
}

/** Gives the focused mark of a lane (when it shows its full title on focus) the room its title has in `view`. */
export function fitTip(mark: HTMLElement, view: ChartView | undefined): void {
  const id = mark.dataset.eventId;
  if (!view || !id || !('tip' in mark.dataset)) return;
  for (const laneView of view.lanes) {
    for (const placed of laneView.marks) {
      if (placed.mark.kind !== 'event' || placed.mark.event.id !== id) continue;
      const room = `${tipRoom(placed, view)}px`;
      if (mark.style.getPropertyValue('--_tip-room') !== room) mark.style.setProperty('--_tip-room', room);
      return;
    }
  }
}
