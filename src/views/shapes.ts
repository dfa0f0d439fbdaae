import type { MarkShape } from '../layout/lanes.js';

/** Paths in a 16 × 16 box: each type has its own shape so types are told apart without colour. */
const PATHS: Record<MarkShape, string> = {
  circle: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13z',
  diamond: 'M8 0.5L15.5 8L8 15.5L0.5 8z',
  square: 'M2 2h12v12h-12z',
  triangle: 'M8 1L15.5 14.5h-15z',
  hexagon: 'M4.25 1.5h7.5L15.5 8l-3.75 6.5h-7.5L0.5 8z',
  star: 'M8 0.8l2.1 4.6 5 .5-3.8 3.4 1.1 4.9L8 11.7l-4.4 2.5 1.1-4.9L.9 5.9l5-.5z',
};

/**
 * The outline of a shape in its 16 × 16 box. Each template that draws a shape writes its
 * `<svg viewBox="0 0 16 16"><path d=…>` itself, with this as the path's attribute: no template
 * of its own, and so no markers of Lit's, in every mark.
 */
export function shapePath(shape: MarkShape): string {
  return PATHS[shape];
}
