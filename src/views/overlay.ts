import { html, nothing, type TemplateResult } from 'lit';
import { GEOMETRY } from '../layout/geometry.js';
import { detailSide, markBounds, markKey, type ChartView } from '../layout/scene.js';
import type { TimelineEvent } from '../model/types.js';
import type { ViewContext } from './context.js';
import { renderDetail, type DetailActions } from './detail.js';
import { renderGroupList, type GroupListActions } from './group-list.js';

export interface OverlayState {
  /** The selected event, whose detail is open. */
  event?: TimelineEvent;
  detailActions?: DetailActions;
  /** The group whose events are listed, by its mark's key. */
  group?: { key: string; events: TimelineEvent[] };
  groupActions: GroupListActions;
}

/**
 * What floats over the chart: the selected event's detail (a card on the side away from its mark,
 * or on a phone a sheet at the bottom of the screen) and the list of a group's events under it.
 */
export function renderOverlay(scene: ChartView | undefined, state: OverlayState, context: ViewContext): TemplateResult | typeof nothing {
  if (!scene) return nothing;
  const { event, group } = state;
  const place = scene.width < GEOMETRY.sheet ? 'sheet' : event ? detailSide(scene, event) : 'right';
  const box = group && markBounds(scene, (mark) => markKey(mark) === group.key);
  return html`${event && state.detailActions ? renderDetail(event, context, state.detailActions, place) : nothing}
  ${group && box ? renderGroupList(group.events, box, scene.width, context, state.groupActions) : nothing}`;
}
