import { bisectLeft, bisectRight } from 'd3-array';
import type { TimeLike } from './extent.js';
import type { EventIndex } from './window.js';

/**
 * How many events start in each of `bins` equal slices of `extent`, for the overview strip.
 * Takes the ascending starts (time values) or an EventIndex; events outside the extent are not counted,
 * and one exactly at its end falls in the last slice.
 */
export function densityBins(
  starts: Float64Array | EventIndex,
  extent: readonly [TimeLike, TimeLike],
  bins: number,
): Uint32Array {
  const values = starts instanceof Float64Array ? starts : starts.starts;
  const n = Math.max(0, Math.floor(bins));
  const counts = new Uint32Array(n);
  const t0 = Math.min(+extent[0], +extent[1]);
  const t1 = Math.max(+extent[0], +extent[1]);
  if (n === 0 || !Number.isFinite(t0) || !Number.isFinite(t1)) return counts;
  if (t1 === t0) {
    counts[0] = bisectRight(values, t0) - bisectLeft(values, t0);
    return counts;
  }
  // One binary search per slice edge: O(bins · log n) however many events there are.
  let previous = bisectLeft(values, t0);
  for (let i = 0; i < n; i++) {
    const edge = i === n - 1 ? t1 : t0 + ((t1 - t0) * (i + 1)) / n;
    const next = i === n - 1 ? bisectRight(values, edge) : bisectLeft(values, edge);
    counts[i] = next - previous;
    previous = next;
  }
  return counts;
}
