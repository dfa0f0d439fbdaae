import { max } from 'd3-array';
import { pathRound } from 'd3-path';
import { html, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { TimeScale, ViewWindow } from '../layout/extent.js';
import type { ViewContext } from './context.js';
import { GEOMETRY } from '../layout/geometry.js';

export interface OverviewView {
  width: number;
  /** The whole story mapped onto the strip. */
  scale: TimeScale;
  bins: Uint32Array;
  /** The visible window (time values). */
  view: ViewWindow;
}

/** The whole story as a density strip, with the visible window as a brush that `onPointerDown` drags. */
export function renderOverview(overview: OverviewView, context: ViewContext, onPointerDown: (event: PointerEvent) => void): TemplateResult {
  const { width, scale, bins, view } = overview;
  const height = GEOMETRY.overviewHeight - 2;
  const a = scale(view[0]);
  const b = scale(view[1]);
  const left = Math.max(0, Math.min(a, b));
  const right = Math.min(width, Math.max(a, b));
  const startTime = context.rtl ? 'end' : 'start';
  const endTime = context.rtl ? 'start' : 'end';
  return html`<div class="overview" part="overview" aria-hidden="true" @pointerdown=${onPointerDown}>
    <svg width=${width} height=${height}><path class="bins" d=${guard([bins, width, height, context.rtl], () => binsPath(bins, width, height, context.rtl))}></path></svg>
    <div class="brush" data-brush="move" title=${context.tr.t('overviewWindow')} .style="left:${left}px;width:${Math.max(4, right - left)}px">
      <span class="handle start" data-brush=${startTime}></span>
      <span class="handle end" data-brush=${endTime}></span>
    </div>
  </div>`;
}

/** The bars of the strip, one per bin that holds events, as one path: each as tall as its share of the fullest. */
function binsPath(bins: Uint32Array, width: number, height: number, rtl: boolean): string {
  const most = Math.max(1, max(bins) ?? 0);
  const binWidth = width / Math.max(1, bins.length);
  const bars = pathRound(2);
  bins.forEach((count, index) => {
    if (!count) return;
    const h = Math.max(2, (count / most) * (height - 4));
    const x = rtl ? width - (index + 1) * binWidth : index * binWidth;
    bars.rect(x + 0.5, height - h, Math.max(1, binWidth - 1), h);
  });
  return bars.toString();
}
