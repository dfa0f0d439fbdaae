import { runSteps, STEP, type Steps } from '../model/normalize.js';
import type { Figure, TimelineEvent } from '../model/types.js';
import { eventStart } from './extent.js';

/** One reported figure placed in time. */
export interface FigurePoint {
  event: TimelineEvent;
  figure: Figure;
  /** The event's time value (see `TimeScale`). */
  t: number;
  value: number;
}

/** The reports of one figure by one reporter over time: one line on the figures track. */
export interface FigureSeries {
  /** Stable key of the (label, reportedBy) pair. */
  key: string;
  label: string;
  reportedBy: string;
  points: FigurePoint[];
}

/** Case and spacing do not make a different figure or reporter. */
function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key of a (label, reportedBy) pair, as used in `FigureSeries.key`. */
export function seriesKey(label: string, reportedBy: string): string {
  return JSON.stringify([normalise(label), normalise(reportedBy)]);
}

/**
 * One series per (figure label, reporter) across all events of any type, points in time order;
 * the same label from different reporters stays apart. Series come in order of their first report.
 */
export function figureSeries(events: readonly TimelineEvent[]): FigureSeries[] {
  return runSteps(figureSeriesSteps(events));
}

/** figureSeries, yielding every STEP events so that a caller can pause in between. */
export function* figureSeriesSteps(events: readonly TimelineEvent[]): Steps<FigureSeries[]> {
  const byKey = new Map<string, FigureSeries>();
  // The key of each (label, reporter) as written: thousands of reports share a few of them.
  const keys = new Map<string, string>();
  for (let k = 0; k < events.length; k++) {
    if (k % STEP === STEP - 1) yield;
    const event = events[k];
    if (!event.figures) continue;
    const t = eventStart(event);
    for (const figure of event.figures) {
      if (!Number.isFinite(figure.value) || Number.isNaN(t)) continue;
      const written = `${figure.label}\u0000${figure.reportedBy}`;
      let key = keys.get(written);
      if (key === undefined) keys.set(written, (key = seriesKey(figure.label, figure.reportedBy)));
      let series = byKey.get(key);
      if (!series) {
        series = { key, label: figure.label.trim(), reportedBy: figure.reportedBy.trim(), points: [] };
        byKey.set(key, series);
      }
      series.points.push({ event, figure, t, value: figure.value });
    }
  }
  yield;
  const all = [...byKey.values()];
  // Events come sorted, but a stable sort keeps the promise for any input.
  for (const series of all) series.points.sort((a, b) => a.t - b.t);
  return all.sort((a, b) => a.points[0].t - b.points[0].t);
}
