import { html, nothing, type TemplateResult } from 'lit';
import type { LoadFailure } from '../controllers/load-controller.js';
import type { TextKey, Translator } from '../i18n/index.js';
import type { Problem } from '../model/types.js';
import type { ViewContext } from './context.js';

const SHOWN_PROBLEMS = 50;

/** The accessible loading state, with progress when the server gives a length. */
export function renderLoading(context: ViewContext, percent?: number): TemplateResult {
  const text =
    percent === undefined ? context.tr.t('loading') : context.tr.t('loadingProgress', { percent });
  return html`<div class="status" role="status" aria-live="polite">
    ${text}
    ${percent === undefined
      ? nothing
      : html`<progress max="100" .value=${percent} aria-label=${text}></progress>`}
  </div>`;
}

/** The panel shown when the data could not be loaded or has no valid event. */
export function renderError(failure: LoadFailure, context: ViewContext, retry?: () => void): TemplateResult {
  const { tr } = context;
  return html`<div class="error" part="error" role="alert">
    <h2>${tr.t('errorTitle')}</h2>
    <p>${isolatedSentence(failure.key, failure.params, context)}</p>
    ${renderProblems(failure.problems, context)}
    ${retry ? html`<button type="button" class="retry" @click=${retry}>${tr.t('retry')}</button>` : nothing}
  </div>`;
}

/** A collapsed list of the data's problems, each with where it is. */
export function renderProblems(problems: readonly Problem[], context: ViewContext): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  return html`<details class="problems">
    <summary>${context.tr.plural('problemsSummary', problems.length)}</summary>
    <ul>
      ${problems.slice(0, SHOWN_PROBLEMS).map(
        (problem) => html`<li><code><bdi>${problem.path || '—'}</bdi></code>: ${isolateQuotes(problem.message)}</li>`,
      )}
      ${problems.length > SHOWN_PROBLEMS ? html`<li>…</li>` : nothing}
    </ul>
  </details>`;
}

/** Why a load failed, in the reader's words. */
export function failureMessage({ key, params }: LoadFailure, tr: Translator): string {
  return tr.t(key, Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)])));
}

/**
 * One of the widget's sentences with its values (addresses, the data's own words) each in an
 * isolate: text from the data, a right-to-left override say, cannot reorder the sentence around it.
 */
function isolatedSentence(key: TextKey, params: Record<string, string | number>, context: ViewContext) {
  // Asked for without values, the translator gives the sentence with its {placeholders}.
  const parts = context.tr.t(key).split(/\{(\w+)\}/);
  return parts.map((part, i) => {
    if (i % 2 === 0) return part;
    const value = params[part];
    if (value === undefined) return `{${part}}`;
    return html`<bdi>${isolateQuotes(String(value))}</bdi>`;
  });
}

/** Text with each "quoted" value from the data in an isolate of its own. */
export function isolateQuotes(text: string): unknown[] {
  const parts: unknown[] = [];
  let from = 0;
  // A value as the model quotes it: in straight double quotes, inner ones written \".
  for (const match of text.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    parts.push(text.slice(from, match.index), html`<bdi>${match[0]}</bdi>`);
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}
