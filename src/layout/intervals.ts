import { DAY_MS as DAY } from './extent.js';

/**
 * The calendar steps of the time axis, in UTC: every n hours, days, weeks from Monday, every n
 * months and every n years. Each is `floor` (the step a moment falls in) and `range` (the step
 * starts within a window), as d3-time's are, for years before the common era too.
 */
export interface TimeInterval {
  floor(date: Date): Date;
  /** Every step start from `start` (inclusive) to `stop` (exclusive). */
  range(start: Date, stop: Date): Date[];
}

const HOUR = 3_600_000;

function interval(floor: (date: Date) => void, offset: (date: Date) => void): TimeInterval {
  const floored = (date: Date) => {
    const d = new Date(+date);
    floor(d);
    return d;
  };
  return {
    floor: floored,
    range(start, stop) {
      const dates: Date[] = [];
      const d = floored(start);
      if (+d < +start) offset(d);
      while (+d < +stop) {
        dates.push(new Date(+d));
        offset(d);
      }
      return dates;
    },
  };
}

/** UTC days (and so every divisor of 24 hours) start at whole multiples of their length. */
function fixed(ms: number, phase = 0): TimeInterval {
  return interval(
    (d) => d.setTime(+d - ((((+d - phase) % ms) + ms) % ms)),
    (d) => d.setTime(+d + ms),
  );
}

/** Hours whose number is a multiple of `step` (a divisor of 24). */
export const utcHours = (step: number): TimeInterval => fixed(step * HOUR);

export const utcDay = fixed(DAY);

/** Weeks from Monday: 5 January 1970 was one. */
export const utcMonday = fixed(7 * DAY, 4 * DAY);

/** Months whose index (January = 0) is a multiple of `step`. */
export const utcMonths = (step: number): TimeInterval =>
  interval(
    (d) => {
      d.setUTCHours(0, 0, 0, 0);
      d.setUTCMonth(d.getUTCMonth() - (d.getUTCMonth() % step), 1);
    },
    (d) => d.setUTCMonth(d.getUTCMonth() + step),
  );

/** Years that are a multiple of `step` (astronomical numbering: 1 BCE is year 0). */
export const utcYears = (step: number): TimeInterval =>
  interval(
    (d) => {
      d.setUTCHours(0, 0, 0, 0);
      d.setUTCMonth(0, 1);
      d.setUTCFullYear(Math.floor(d.getUTCFullYear() / step) * step);
    },
    (d) => d.setUTCFullYear(d.getUTCFullYear() + step),
  );

export const utcMonth = utcMonths(1);
export const utcYear = utcYears(1);
