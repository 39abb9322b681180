// The time series of a window: a row per ISO week or month in the report's time zone (shares, clicks, reactions,
// comments, contributions), with a row of zeros for a period without activity.

import { seriesBucket } from './fold-event.js';
import type { MetricsAggregate } from './metrics-aggregate.js';
import type { SeriesRow } from './metrics-figures.js';
import { periodOf } from './period.js';
import { timeZoneOffsetMinutes } from './time-zone.js';

/** The rows of the window, oldest first; `contributionTimes` are the submissions of the window's contributions. */
export function seriesRows(
  aggregate: MetricsAggregate,
  contributionTimes: readonly string[],
  timeZone: string,
  period: 'week' | 'month',
): SeriesRow[] {
  const rows = new Map<string, { start: string; values: number[] }>();
  // The row of each local day (by day number): a year has some 35,000 buckets but only 365 days.
  const days = new Map<number, { start: string; values: number[] }>();
  const toLocal = (ms: number): number => ms + timeZoneOffsetMinutes(timeZone, ms) * 60_000;
  const rowOf = (local: Date) => {
    const p = periodOf(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), period);
    const row = rows.get(p.label) ?? { start: p.start, values: [0, 0, 0, 0, 0] };
    rows.set(p.label, row);
    return row;
  };
  const add = (bucket: string, values: readonly number[]): void => {
    const localMs = toLocal(Date.parse(`${bucket.slice(0, 13)}:00:00.000Z`) + +bucket.slice(13) * 900_000);
    const day = Math.floor(localMs / 86_400_000);
    let row = days.get(day);
    if (row === undefined) {
      row = rowOf(new Date(localMs));
      days.set(day, row);
    }
    for (let i = 0; i < values.length; i++) row.values[i] = (row.values[i] ?? 0) + (values[i] ?? 0);
  };
  for (const [bucket, values] of aggregate.series) add(bucket, values);
  for (const at of contributionTimes) add(seriesBucket(at), [0, 0, 0, 0, 1]);
  // A period without activity is a row of zeros, not a gap: every period the log covers inside the window, from
  // its first event (or the window's start, if later) to its last in the window, or to the window's end when the
  // log goes on past it.
  const { from, to } = aggregate.window;
  const { firstAt, lastAt } = aggregate;
  if (firstAt !== '') {
    const end = toLocal(aggregate.reachedEnd ? Date.parse(to) - 1 : Date.parse(lastAt));
    let day = toLocal(Date.parse(from === '' || from < firstAt ? firstAt : from));
    while (day <= end) {
      const start = new Date(`${rowOf(new Date(day)).start}T00:00:00.000Z`);
      day =
        period === 'week'
          ? start.getTime() + 7 * 86_400_000
          : Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
    }
  }
  return [...rows]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([label, row]) => ({
      period: label,
      start: row.start,
      shares: row.values[0] ?? 0,
      clicks: row.values[1] ?? 0,
      reactions: row.values[2] ?? 0,
      comments: row.values[3] ?? 0,
      contributions: row.values[4] ?? 0,
    }));
}
