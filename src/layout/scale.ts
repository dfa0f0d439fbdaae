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

// Round steps of 1, 2 or 5 times a power of ten, as d3-array's ticks. A negative increment -n
// stands for a step of 1/n, so that ticks below 1 come out exact.
const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number, i2: number, inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const values: number[] = [];
  for (let i = i1; i <= i2; i++) values.push(inc < 0 ? i / -inc : i * inc);
  return reverse ? values.reverse() : values;
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
      const step = tickSpec(lo, hi, count)[2];
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
