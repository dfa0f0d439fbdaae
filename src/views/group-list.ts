import { html, nothing, type TemplateResult } from 'lit';
import type { MarkBox } from '../layout/scene.js';
import type { TimelineEvent } from '../model/types.js';
import type { ViewContext } from './context.js';
import { dateOf } from './words.js';

export interface GroupListActions {
  open(id: string): void;
  close(): void;
}

/** Room kept between the list and the edges of the plot (px). */
const EDGE = 8;
const WIDTH = 300;

/**
 * The events of a group that no zoom parts (they fall on one moment), as a short list under its
 * mark: each opens its detail. Escape or the close button puts focus back on the group.
 */
export function renderGroupList(
  events: readonly TimelineEvent[],
  box: MarkBox,
  plotWidth: number,
  context: ViewContext,
  actions: GroupListActions,
): TemplateResult | typeof nothing {
  if (!events.length) return nothing;
  const { tr } = context;
  const width = Math.min(WIDTH, plotWidth - 2 * EDGE);
  const centre = (box.x0 + box.x1) / 2;
  const left = Math.max(EDGE, Math.min(plotWidth - EDGE - width, centre - width / 2));
  return html`<section
    class="group-list"
    role="dialog"
    aria-labelledby="group-list-title"
    .style="left:${left}px;top:${box.bottom + 4}px;width:${width}px"
  >
    <h2 id="group-list-title" tabindex="-1">${dateOf(events[0], context)} · ${tr.plural('eventsCount', events.length)}</h2>
    <ul>
      ${events.map(
        (event) => html`<li>
          <button type="button" data-open-id=${event.id} @click=${() => actions.open(event.id)}><bdi>${event.title}</bdi></button>
        </li>`,
      )}
    </ul>
    <button type="button" class="close" aria-label=${tr.t('close')} @click=${actions.close}>×</button>
  </section>`;
}
