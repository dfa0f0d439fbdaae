import { html, type TemplateResult } from 'lit';
import type { ChartView } from '../layout/scene.js';
import { LAYER_STYLE } from './layers.js';

/**
 * The time axis at the top of the plot: the enclosing periods (years over months, months over
 * days) over the ticks. It sticks to the top of the screen while the plot is on it, so that dates
 * stay in sight over the lanes. Each label is set as its element's text: no markers of Lit's beside it.
 */
export function renderAxis(view: ChartView, rtl: boolean): TemplateResult {
  return html`<div class="axis" part="axis" aria-hidden="true">
    <div data-zoom-layer .style=${LAYER_STYLE}>
      ${view.ticks.context.map(
        (tick) =>
          html`<span
            class="tick context"
            .style="transform:translateX(${tick.left ?? (rtl ? tick.x - (tick.width ?? 0) : tick.x)}px)"
            .textContent=${tick.label}
          ></span>`,
      )}
      ${view.ticks.major
        .filter((tick) => !tick.unlabelled)
        .map((tick) => html`<span class="tick" .style="transform:translateX(${tick.left ?? tick.x - (tick.width ?? 0) / 2}px)" .textContent=${tick.label}></span>`)}
    </div>
  </div>`;
}
