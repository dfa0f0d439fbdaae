import { html, nothing, type TemplateResult } from 'lit';
import { formatFigure } from '../i18n/index.js';
import type { Source, TimelineEvent } from '../model/types.js';
import { eventWhen, type ViewContext } from './context.js';

export interface DetailActions {
  close(): void;
  previous?: () => void;
  next?: () => void;
}

/** The open detail of one event: what, when, where, the figures with who reported them, the sources. */
export function renderDetail(event: TimelineEvent, context: ViewContext, actions: DetailActions): TemplateResult {
  const { tr, locale } = context;
  return html`<section
    class="detail"
    part="detail"
    role="region"
    aria-labelledby="detail-title"
    data-detail-id=${event.id}
  >
    <h2 id="detail-title" tabindex="-1">${event.title}</h2>
    <p class="meta">
      <time datetime=${event.date.toISOString()}>${eventWhen(event, locale)}</time>
      · ${context.typeLabel(event.type)}${event.place ? html` · <span class="place">${event.place}</span>` : nothing}
    </p>
    ${event.summary ? html`<p class="summary">${event.summary}</p>` : nothing}
    ${renderFigures(event, context)}
    ${renderSources(event.sources, context, event.unsourced)}
    <div class="nav">
      <button type="button" ?disabled=${!actions.previous} @click=${() => actions.previous?.()}>
        ${context.rtl ? '→' : '←'} ${tr.t('previous')}
      </button>
      <button type="button" ?disabled=${!actions.next} @click=${() => actions.next?.()}>
        ${tr.t('next')} ${context.rtl ? '←' : '→'}
      </button>
    </div>
    <button type="button" class="close" aria-label=${tr.t('close')} @click=${actions.close}>×</button>
  </section>`;
}

/** The figures of an event, each with who reported it. */
export function renderFigures(event: TimelineEvent, context: ViewContext): TemplateResult | typeof nothing {
  if (!event.figures?.length) return nothing;
  return html`<h3>${context.tr.t('figures')}</h3>
    <ul class="figures-list">
      ${event.figures.map(
        (figure) =>
          html`<li>
            ${figure.label}: <strong>${formatFigure(figure, context.locale)}</strong>
            <span class="who">(${context.tr.t('reportedBy', { who: figure.reportedBy })})</span>
          </li>`,
      )}
    </ul>`;
}

/** Every source as a link that opens in a new tab. */
export function renderSources(sources: Source[], context: ViewContext, unsourced?: boolean): TemplateResult {
  const { tr } = context;
  if (!sources.length || unsourced) return html`<p class="warning">${tr.t('unsourced')}</p>`;
  return html`<h3>${tr.t('sources')}</h3>
    <ul class="sources">
      ${sources.map((source) => {
        const title = source.title || source.publisher || new URL(source.url).hostname;
        return html`<li>
          <a href=${source.url} target="_blank" rel="noopener noreferrer">${title}</a>${source.publisher &&
          source.title
            ? html`, ${source.publisher}`
            : nothing}${source.date ? html` <span class="who">(${source.date})</span>` : nothing}
        </li>`;
      })}
    </ul>`;
}
