import { html, nothing, type TemplateResult } from 'lit';
import type { TimelineEvent } from '../model/types.js';
import { eventWhen, type ViewContext } from './context.js';
import { renderFigures, renderSources } from './detail.js';

/** Every event in time order as plain HTML: the chart's equivalent for screen readers and keyboards. */
export function renderList(
  events: readonly TimelineEvent[],
  context: ViewContext,
  title: string | undefined,
): TemplateResult {
  const { tr, locale } = context;
  return html`<section class="list" part="list" aria-labelledby="list-title">
    <h2 id="list-title" tabindex="-1">${title ?? tr.t('listHeading')}</h2>
    <p class="when">${tr.plural('eventsCount', events.length)}</p>
    <ol>
      ${events.map(
        (event) => html`<li data-list-id=${event.id}>
          <p class="when">
            <time datetime=${event.date.toISOString()}>${eventWhen(event, locale, tr)}</time> ·
            <span dir="auto">${context.typeLabel(event.type)}</span>${event.place ? html` · <span dir="auto">${event.place}</span>` : nothing}
          </p>
          <h3><span dir="auto">${event.title}</span></h3>
          ${event.summary ? html`<p><span dir="auto">${event.summary}</span></p>` : nothing} ${renderFigures(event, context)}
          ${renderSources(event.sources, context, event.unsourced)}
        </li>`,
      )}
    </ol>
  </section>`;
}
