import { html, svg, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FigurePointView, FigureView } from '../layout/figure-scene.js';
import type { ChartView } from '../layout/scene.js';
import { formatNumber } from '../i18n/index.js';
import { eventName, type ViewContext } from './context.js';
import { LAYER_STYLE } from './layers.js';


/** Id of the chart the tabs control (one figure chart per widget). */
const PANEL_ID = 'figure-chart';

/**
 * The measure switcher and the chart of the measure chosen. The switcher is a tablist (arrow keys
 * move and choose, Home and End go to the ends); measures that do not fit as tabs are in a menu.
 * Choosing is heard by the figure controller (clicks and changes bubble to the shadow root).
 */
export function renderFigures(view: FigureView, scene: ChartView, context: ViewContext): TemplateResult {
  const { tr } = context;
  const selected = Math.max(0, view.tabs.findIndex((tab) => tab.selected));
  return html`<div class="figures" data-figure-label=${view.measure} .style="top:${view.top}px;height:${view.height}px">
    <div class="measure-switcher" @keydown=${onSwitcherKeydown}>
      ${view.menu
        ? html`<select class="measure-menu" aria-label=${tr.t('figuresLane')} aria-controls=${PANEL_ID} .value=${live(view.measure)}>
            ${view.more.map((tab) => html`<option value=${tab.label} ?selected=${tab.selected}>${tab.name}</option>`)}
          </select>`
        : html`<div class="measure-tabs" role="tablist" aria-label=${tr.t('figuresLane')}>
              ${repeat(
                view.tabs,
                (tab) => tab.label,
                (tab, k) =>
                  html`<button
                    type="button"
                    role="tab"
                    class="measure-tab"
                    id="measure-tab-${k}"
                    data-measure=${tab.label}
                    aria-selected=${tab.selected ? 'true' : 'false'}
                    aria-controls=${PANEL_ID}
                    tabindex=${tab.selected ? 0 : -1}
                    title=${tab.name}
                    .style="max-width:${tab.width}px"
                  ><bdi .textContent=${tab.name}></bdi></button>`,
              )}
            </div>
            ${view.more.length
              ? html`<select class="measure-more" aria-label=${tr.t('moreMeasures')} .value=${live('')}>
                  <option value="" disabled selected>${tr.t('moreMeasures')} (${formatNumber(view.more.length, context.locale)})</option>
                  ${view.more.map((tab) => html`<option value=${tab.label}>${tab.name}</option>`)}
                </select>`
              : nothing}`}
    </div>
    ${renderChart(view, scene, context, view.menu ? null : `measure-tab-${selected}`)}
  </div>`;
}

/** The chart: a tab panel named by its tab, or (switched by a menu) a region named after its measure. */
function renderChart(view: FigureView, scene: ChartView, context: ViewContext, tabId: string | null): TemplateResult {
  const { chart } = view;
  const [left, right] = chart.plot;
  const { axis } = chart;
  // The lines are clipped to the plot while a gesture moves them as a layer: they never run into the value axis.
  const clip = `clip-path:inset(-8px ${chart.width - right}px -8px ${left}px)`;
  // A value in a range reads in its reporter's colour when that reporter's line is highlighted.
  const colorOf = new Map(chart.lines.filter((line) => line.highlighted).map((line) => [line.reporter, line.color]));
  return html`<div
    class="figure-chart"
    role=${tabId ? 'tabpanel' : 'region'}
    id=${PANEL_ID}
    aria-labelledby=${tabId ?? nothing}
    aria-label=${tabId ? nothing : view.name}
    .style="top:${chart.top}px;height:${chart.height}px"
  >
    <svg class="figure-grid" width=${chart.width} height=${chart.height} aria-hidden="true">
      <rect class="plot-area" x=${left} y="0" width=${Math.max(0, right - left)} height=${chart.height}></rect>
      ${axis.ticks.map((tick) => svg`<line x1=${left} x2=${right} y1=${tick.y} y2=${tick.y} class=${tick.value === 0 ? 'zero' : ''}></line>`)}
    </svg>
    <svg class="figure-lines" width=${chart.width} height=${chart.height} aria-hidden="true" .style=${clip}>
      <g data-zoom-layer .style=${'transform-origin:0 0'}>
        ${chart.lines.flatMap((line) => {
          if (line.path === '') return [];
          const kind = line.highlighted ? 'highlighted' : line.named ? 'named' : 'context';
          // A dashed stretch bridges months without a report. One list of paths: no markers of Lit's per line.
          const paths = [line.solid, line.dashed].flatMap((d, k) =>
            d === '' ? [] : [svg`<path class="figure-line ${kind} ${k ? 'silence' : ''}" data-reporter=${line.reporter} d=${d} stroke=${line.color}></path>`],
          );
          if (!line.highlighted) paths.push(svg`<path class="line-hit" d=${line.path} data-reporter=${line.reporter}><title .textContent=${line.name}></title></path>`);
          return paths;
        })}
        ${chart.ranges.map((range) => {
          // Values too close to tell apart at this zoom still get a bar the eye finds: at least 8 px, centred on them.
          const span = range.low.y - range.high.y;
          const [y1, y2] = span >= 8 ? [range.high.y, range.low.y] : [(range.high.y + range.low.y) / 2 - 4, (range.high.y + range.low.y) / 2 + 4];
          return svg`<g class="range"><title .textContent=${`${range.high.reporter}: ${range.high.text}; ${range.low.reporter}: ${range.low.text}`}></title>
              <line class="bar" x1=${range.x} x2=${range.x} y1=${y1} y2=${y2}></line>
              ${span >= 6
                ? svg`<line x1=${range.x - 5} x2=${range.x + 5} y1=${range.high.y} y2=${range.high.y}></line>
                    <line x1=${range.x - 5} x2=${range.x + 5} y1=${range.low.y} y2=${range.low.y}></line>`
                : nothing}
            </g>`;
        })}
        ${chart.dots.map((dot) => svg`<circle class="figure-dot ${dot.highlighted ? 'highlighted' : ''}" cx=${dot.x} cy=${dot.y} r=${dot.highlighted ? 4 : 3} fill=${dot.color}></circle>`)}
      </g>
    </svg>
    <div class="value-axis" aria-hidden="true">
      ${axis.ticks
        .filter((tick) => !tick.unlabelled)
        .map(
          (tick) =>
            html`<span
              class="value-tick"
              .style="top:${tick.y - 7}px;${axis.side === 'left' ? `right:${chart.width - axis.x}px` : `left:${axis.x}px`}"
              .textContent=${tick.label}
            ></span>`,
        )}
    </div>
    <div class="figure-labels" aria-hidden="true" data-zoom-layer .style=${LAYER_STYLE}>
      ${chart.labels.map(
        (label) =>
          html`<span
            class="end-label ${label.highlighted ? 'highlighted' : 'named'}"
            data-reporter=${label.reporter}
            .style="transform:translate(${label.x}px,${label.y}px);width:${label.width}px;--_c:${label.color}"
            ><bdi class="who" .textContent=${label.name}></bdi>${label.valueText
              ? html`<span class="what"><bdi .textContent=${label.valueText}></bdi> · <bdi .textContent=${label.dateText}></bdi></span>`
              : nothing}</span
          >`,
      )}
      ${chart.ranges.flatMap((range) =>
        [range.high, range.low].map((end) =>
          end.label
            ? html`<span
                class="range-label ${colorOf.has(end.reporter) ? 'highlighted' : ''}"
                data-reporter=${end.reporter}
                .style="transform:translate(${end.label.x}px,${end.label.y}px);width:${end.label.width}px;--_c:${colorOf.get(end.reporter) ?? ''}"
                ><bdi .textContent=${end.text}></bdi>${end.label.named ? html` <span class="who">(<bdi .textContent=${end.reporter}></bdi>)</span>` : nothing}</span
              >`
            : nothing,
        ),
      )}
    </div>
    <div class="figure-points" data-zoom-layer .style=${LAYER_STYLE}>
      ${repeat(
        view.points,
        (point) => point.mark.event.id,
        (point) => renderPoint(point, view, scene, context),
      )}
    </div>
    ${chart.inView ? nothing : html`<p class="figure-empty">${context.tr.t('noFiguresInView')}</p>`}
  </div>`;
}

function renderPoint(point: FigurePointView, view: FigureView, scene: ChartView, context: ViewContext): TemplateResult {
  const { event, x } = point.mark;
  const size = 24;
  // Named as every event mark is; the value and who reported it are its description, and what it
  // says while it has focus (beside it, towards the middle of the chart).
  const figure = context.tr.t('figureReported', { value: point.value, who: point.reporter });
  const tip = `${x > scene.width / 2 ? 'tip-end' : ''} ${point.y > view.chart.height / 2 ? 'tip-above' : ''}`;
  return html`<button
    type="button"
    class="mark figure-point ${point.highlighted ? 'highlighted' : 'context'} ${point.dot ? '' : 'bare'} ${tip}"
    part="event"
    data-event-id=${event.id}
    data-reporter=${point.reporter}
    tabindex=${event.id === scene.tabKey ? 0 : -1}
    aria-pressed=${event.id === scene.selectedId ? 'true' : 'false'}
    aria-label=${eventName(event, context)}
    aria-description=${`${figure}, ${point.date}`}
    .style="transform:translate(${x - size / 2}px,${point.y - size / 2}px);--_c:${point.color}"
  ><span class="dot"></span><span class="point-tip" aria-hidden="true"
      ><bdi class="who" .textContent=${point.reporter}></bdi> <bdi .textContent=${point.value}></bdi> · <bdi .textContent=${point.date}></bdi></span
    ></button>`;
}

/** Arrow keys move along the tabs and choose (mirrored right to left), Home and End go to the ends; the plot's keys stay out. */
function onSwitcherKeydown(event: KeyboardEvent): void {
  const { key } = event;
  if (!key.startsWith('Arrow') && key !== 'Home' && key !== 'End') return;
  // These keys move between events on the plot: here they belong to the switcher (and to its menu).
  event.stopPropagation();
  const target = event.target as HTMLElement;
  if (target.getAttribute('role') !== 'tab') return;
  const list = event.currentTarget as HTMLElement;
  const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
  const at = tabs.indexOf(target);
  if (at < 0) return;
  const rtl = getComputedStyle(list).direction === 'rtl';
  let next: number;
  if (key === 'Home') next = 0;
  else if (key === 'End') next = tabs.length - 1;
  else if (key === (rtl ? 'ArrowLeft' : 'ArrowRight')) next = (at + 1) % tabs.length;
  else if (key === (rtl ? 'ArrowRight' : 'ArrowLeft')) next = (at - 1 + tabs.length) % tabs.length;
  else return;
  event.preventDefault();
  tabs[next].focus();
  tabs[next].click();
}
