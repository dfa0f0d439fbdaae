import type { Move } from '../layout/scene.js';
import { markKey, type Mark } from '../layout/scene.js';

/**
 * Marks the elements that a zoom or pan in progress moves as a whole (x' = k · x + b, by
 * `moveLayers`), until the full layout follows once the gesture settles.
 */
export const ZOOM_LAYER = 'data-zoom-layer';

/** Plots whose layers are moved now. */
const moved = new WeakSet<Element>();

/** Moves the chart drawn in `plot` by x' = k · x + b: one transform per layer (grid, lane, track, axis), not one per mark. */
export function moveLayers(plot: Element, move: Move): void {
  const transform = move.k === 1 && move.b === 0 ? '' : `matrix(${move.k},0,0,1,${move.b},0)`;
  // A new layout draws its layers untransformed: only a move, and the end of one, touch them.
  if (!transform && !moved.has(plot)) return;
  if (transform) moved.add(plot);
  else moved.delete(plot);
  for (const layer of plot.querySelectorAll<HTMLElement | SVGElement>(`[${ZOOM_LAYER}]`)) layer.style.transform = transform;
}

/** A layer is positioned (never static), so that a transform does not change its marks' containing block. */
export const LAYER_STYLE = 'position:absolute;left:0;top:0;right:0;transform-origin:0 0';

/**
 * Keys for drawing a list of marks: an event keeps its element by its id; the n-th cluster takes
 * over the element of the n-th cluster drawn before. A zoom step regroups most clusters (their
 * first event changes), and updating an element costs far less than replacing it.
 */
export function elementKeys<T>(items: readonly T[], markOf: (item: T) => Mark, eventKey: (item: T) => string): (item: T, index: number) => string {
  let clusters = 0;
  const keys = items.map((item) => (markOf(item).kind === 'event' ? eventKey(item) : `\u0000cluster ${clusters++}`));
  return (_item, index) => keys[index];
}

export { markKey };
