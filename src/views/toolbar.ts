import { html, nothing, svg, type TemplateResult } from 'lit';
import { laneColorValue, type Lane } from '../layout/lanes.js';
import type { ViewContext } from './context.js';
import { shapePath } from './shapes.js';

export interface ToolbarActions {
  zoomIn(): void;
  zoomOut(): void;
  fitAll(): void;
  toggleList(): void;
  toggleType(type: string): void;
}

export interface ToolbarState {
  title?: string;
  lanes: readonly Lane[];
  hidden: ReadonlySet<string>;
  listOpen: boolean;
}

const ICONS = {
  zoomIn: svg`<path d="M3 8h10M8 3v10"></path>`,
  zoomOut: svg`<path d="M3 8h10"></path>`,
  fitAll: svg`<path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4"></path>`,
  list: svg`<path d="M5 4h9M5 8h9M5 12h9M2 4h.01M2 8h.01M2 12h.01"></path>`,
};

function icon(path: ReturnType<typeof svg>): TemplateResult {
  return html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${path}</svg>`;
}

/**
 * The title, the types as chips (the legend, which also turns a type off and on) and the zoom and
 * list controls. While the list is open it carries the title, and the chart's controls are hidden.
 */
export function renderToolbar(state: ToolbarState, context: ViewContext, actions: ToolbarActions): TemplateResult {
  const { tr } = context;
  const chartOff = state.listOpen;
  return html`<div class="toolbar">
    ${state.title && !chartOff ? html`<p class="title" dir="auto">${state.title}</p>` : nothing}
    <ul class="legend" part="legend" aria-label=${tr.t('legend')} ?hidden=${chartOff}>
      ${state.lanes.map((lane) => {
        const shown = !state.hidden.has(lane.type);
        const name = context.typeLabel(lane.type);
        return html`<li>
          <button
            type="button"
            aria-pressed=${shown ? 'true' : 'false'}
            data-legend-type=${lane.type}
            title=${tr.t(shown ? 'hideType' : 'showType', { type: context.isolate(name) })}
            .style="--_type-color:${laneColorValue(lane)}"
            @click=${() => actions.toggleType(lane.type)}
          >
            <span class="swatch"
              ><svg class="shape-inline" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${shapePath(lane.shape)}></path></svg
            ></span>
            <bdi .textContent=${name}></bdi>
          </button>
        </li>`;
      })}
    </ul>
    <div class="controls" part="controls">
      <button type="button" data-action="zoom-in" aria-label=${tr.t('zoomIn')} title=${tr.t('zoomIn')} ?hidden=${chartOff} @click=${actions.zoomIn}>
        ${icon(ICONS.zoomIn)}
      </button>
      <button type="button" data-action="zoom-out" aria-label=${tr.t('zoomOut')} title=${tr.t('zoomOut')} ?hidden=${chartOff} @click=${actions.zoomOut}>
        ${icon(ICONS.zoomOut)}
      </button>
      <button type="button" data-action="fit" aria-label=${tr.t('fitAll')} title=${tr.t('fitAll')} ?hidden=${chartOff} @click=${actions.fitAll}>
        ${icon(ICONS.fitAll)}
      </button>
      <button
        type="button"
        data-action="list"
        aria-pressed=${state.listOpen ? 'true' : 'false'}
        title=${tr.t('listView')}
        @click=${actions.toggleList}
      >
        ${icon(ICONS.list)}<span class="button-text">&nbsp;${tr.t('listView')}</span>
      </button>
    </div>
  </div>`;
}
