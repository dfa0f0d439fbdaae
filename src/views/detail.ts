import { html, nothing, type TemplateResult } from 'lit';
import { formatEventDate, formatFigure } from '../i18n/index.js';
import { parseDate } from '../model/dates.js';
import type { Source, TimelineEvent } from '../model/types.js';
import { eventWhen, type ViewContext } from './context.js';

export interface DetailActions {
  close(): void;
  previous?: () => void;
  next?: () => void;
}

/**
 * Where the detail opens: a card over the plot on the side away from the selected mark (`left`,
 * `right`), or a sheet at the bottom of the screen (a phone).
 */
export type DetailPlace = 'left' | 'right' | 'sheet';

/** The open detail of one event: what, when, where, the figures with who reported them, the sources. */
export function renderDetail(event: TimelineEvent, context: ViewContext, actions: DetailActions, place: DetailPlace = 'right'): TemplateResult {
  const { tr, locale } = context;
  // Data text sits in dir="auto" spans (isolates): an English title in an Arabic timeline keeps its
  // punctuation at its own end, and the widget's words around it keep the reader's direction.
  return html`<section
    class="detail ${place === 'sheet' ? 'sheet' : `card at-${place}`}"
    part="detail"
    role="region"
    aria-labelledby="detail-title"
    data-detail-id=${event.id}
  >
    <h2 id="detail-title" tabindex="-1"><span dir="auto">${event.title}</span></h2>
    <p class="meta">
      <time datetime=${event.date.toISOString()}>${eventWhen(event, locale, tr)}</time>
      · <span dir="auto">${context.typeLabel(event.type)}</span>${event.place ? html` · <span class="place" dir="auto">${event.place}</span>` : nothing}
    </p>
    ${event.summary ? html`<p class="summary"><span dir="auto">${event.summary}</span></p>` : nothing}
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
            <bdi>${context.measureLabel(figure.label)}</bdi>: <strong dir="auto">${formatFigure(figure, context.locale)}</strong> <span class="who">(${context.tr.t('reportedBy', { who: context.isolate(figure.reportedBy) })})</span>
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
          <a href=${source.url} target="_blank" rel="noopener noreferrer" dir="auto">${title}</a>${source.publisher &&
          source.title
            ? html`, <span dir="auto">${source.publisher}</span>`
            : nothing}${source.date
            ? html` <span class="who">(<time datetime=${source.date}>${sourceDate(source.date, context.locale)}</time>)</span>`
            : nothing}
        </li>`;
      })}
    </ul>`;
}

/** A source's date in the reader's language, at the precision it is given; as written if it is not a date. */
function sourceDate(text: string, locale: string): string {
  const parsed = parseDate(text);
  return 'date' in parsed ? formatEventDate(parsed.date, parsed.precision, locale) : text;
}
