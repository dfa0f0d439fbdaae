import { tickIncrement, ticks } from 'd3-array';

/**
 * The two scales the timeline draws with: time to pixels and value to pixels. Linear maps only,
 * without d3-scale's interpolators and tick formats (the widget formats with `Intl`), so they cost
 * next to nothing to build. Like d3's, a scale maps outside its domain without clamping, and a
 * domain (or range) of zero length maps to the middle of the range (or domain).
 */
interface Continuous<T> {
  (value: T | number): number;
  invert(x: number): T;
  domain(): [T, T];
  domain(domain: readonly (T | number)[]): this;
  range(): [number, number];
  range(range: readonly number[]): this;
}

/** A UTC time scale. Shared scales must not be modified: set a domain or range on a new one. */
export type TimeScale = Continuous<Date>;

export interface LinearScale extends Continuous<number> {
  /** Widens the domain to round numbers for about `count` ticks. */
  nice(count?: number): this;
  /** About `count` round values within the domain. */
  ticks(count?: number): number[];
}

function continuous<T>(wrap: (n: number) => T): Continuous<T> {
  let d0 = 0;
  let d1 = 1;
  let r0 = 0;
  let r1 = 1;
  const scale = ((value: T | number) =>
    d1 === d0 ? (r0 + r1) / 2 : r0 + ((+value - d0) / (d1 - d0)) * (r1 - r0)) as Continuous<T>;
  scale.invert = (x) => wrap(r1 === r0 ? (d0 + d1) / 2 : d0 + ((x - r0) / (r1 - r0)) * (d1 - d0));
  scale.domain = ((domain?: readonly (T | number)[]) => {
    if (!domain) return [wrap(d0), wrap(d1)];
    d0 = +domain[0];
    d1 = +domain[1];
    return scale;
  }) as Continuous<T>['domain'];
  scale.range = ((range?: readonly number[]) => {
    if (!range) return [r0, r1];
    r0 = range[0];
    r1 = range[1];
    return scale;
  }) as Continuous<T>['range'];
  return scale;
}

export function scaleUtc(): TimeScale {
  return continuous((n) => new Date(n));
}

export function scaleLinear(): LinearScale {
  const scale = continuous(Number) as LinearScale;
  scale.nice = (count = 10) => {
    const [a, b] = scale.domain();
    let [lo, hi] = b < a ? [b, a] : [a, b];
    // As d3-scale does: round out until the tick step holds; left as it is if it never does.
    for (let i = 0, previous; i < 10; i++) {
      const step = tickIncrement(lo, hi, count);
      if (step === previous) return scale.domain(b < a ? [hi, lo] : [lo, hi]);
      if (!step) break;
      [lo, hi] = step > 0 ? [Math.floor(lo / step) * step, Math.ceil(hi / step) * step] : [Math.ceil(lo * step) / step, Math.floor(hi * step) / step];
      previous = step;
    }
    return scale;
  };
  scale.ticks = (count = 10) => {
    const [a, b] = scale.domain();
    return ticks(a, b, count);
  };
  return scale;
}
