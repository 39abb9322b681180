import { fc, test } from '@fast-check/vitest';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { describe, expect } from 'vitest';
import type { DomainEvent } from '../model/domain-event.js';
import { simulateEvents } from '../simulation/simulate-organisation.js';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvent, foldEvents } from './fold-event.js';
import { mergeAggregates } from './merge-aggregates.js';
import { createAggregate, type MetricsAggregate } from './metrics-aggregate.js';
import type { MetricsContext } from './metrics-options.js';
import { startOfDayInZone } from './time-zone.js';

// Folding a log event by event, in one batch, or in partitions per local month that are merged gives the same
// figures, series and recommendations in any time zone and period: also in zones with a half-hour or 45-minute
// offset, a 30-minute change to summer time (Lord Howe), across the changes to and from summer time and across a
// year end with an ISO week 53 (2020, 2026).

const ZONES = [
  'UTC',
  'Europe/Amsterdam',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Australia/Lord_Howe',
  'America/Santiago',
] as const;

const formats = new Map(
  ZONES.map((timeZone) => [
    timeZone,
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ]),
);
/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone, from `Intl`. */
const localDate = (instant: string, timeZone: (typeof ZONES)[number]): string =>
  (formats.get(timeZone) as Intl.DateTimeFormat).format(new Date(instant));

/** The log cut into consecutive parts where the local month changes (a partition per month, as the docs suggest). */
function perLocalMonth(log: readonly DomainEvent[], timeZone: (typeof ZONES)[number]): DomainEvent[][] {
  const parts: DomainEvent[][] = [];
  let month = '';
  for (const event of log) {
    const m = localDate(event.at, timeZone).slice(0, 7);
    if (m !== month || parts.length === 0) parts.push([]);
    month = m;
    parts.at(-1)?.push(event);
  }
  return parts;
}

const aCase = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  people: fc.integer({ min: 10, max: 30 }),
  // Around the changes of summer time north (March, October) and south (April, September), and two year ends with
  // an ISO week 53 (2020-W53, 2026-W53).
  start: fc.constantFrom('2020-12-01', '2026-03-01', '2026-09-15', '2026-12-01'),
  days: fc.integer({ min: 20, max: 70 }),
  events: fc.integer({ min: 400, max: 1500 }),
  timeZone: fc.constantFrom(...ZONES),
  period: fc.constantFrom('week' as const, 'month' as const),
  // Window bounds as local days after the start (a window that cuts weeks and months), or open.
  from: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  length: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  dormantDays: fc.integer({ min: 1, max: 40 }),
});

/** A share at an instant: the last millisecond of a local day, or its first. */
const share = (at: string, i: number): DomainEvent =>
  ({
    id: `evt_edge${i}`,
    organisationId: 'org',
    actorId: 'person_edge',
    entityVersion: 1,
    type: 'share.recorded',
    at,
    entityType: 'share',
    entityId: `share_edge${i}`,
    data: {
      shareId: `share_edge${i}`,
      offerId: 'offer_edge',
      postId: 'post_edge',
      campaignId: 'camp_edge',
      publisherId: 'person_edge',
      platform: 'linkedin',
      networkSize: 10,
    },
  }) as DomainEvent;

const dayAfter = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('folding in a time zone', () => {
  test.prop([aCase], { numRuns: 40 })(
    'event by event, in one batch and in merged partitions per local month agree',
    (c) => {
      // A share on either side of every local midnight, where a share is in one period or the next.
      const edges = Array.from({ length: c.days + 2 }, (_, day) => {
        const midnight = Date.parse(startOfDayInZone(dayAfter(c.start, day), c.timeZone));
        return [midnight - 1, midnight].map((ms, side) => share(new Date(ms).toISOString(), 2 * day + side));
      }).flat();
      const log = [
        ...simulateEvents({
          seed: c.seed,
          people: c.people,
          teams: 2,
          days: c.days,
          events: c.events,
          platforms: ['linkedin', 'x'],
          start: c.start,
        }),
        ...edges,
      ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) as DomainEvent[];
      const fromDay = c.from === undefined ? undefined : dayAfter(c.start, c.from);
      const window = {
        ...(fromDay === undefined ? {} : { from: startOfDayInZone(fromDay, c.timeZone) }),
        ...(c.length === undefined
          ? {}
          : { to: startOfDayInZone(dayAfter(fromDay ?? c.start, c.length), c.timeZone) }),
      };
      const context: MetricsContext = {
        timeZone: c.timeZone,
        period: c.period,
        thresholds: { dormantDays: c.dormantDays },
      };
      const result = (aggregate: MetricsAggregate) => {
        const figures = finishMetrics(aggregate, context);
        return { figures, recommendations: adjustRules(aggregate, figures, context) };
      };

      const batch = result(foldEvents(log, window));
      let one = createAggregate(window);
      for (const event of log) one = foldEvent(one, event);
      expect(result(one)).toEqual(batch);
      const parts = perLocalMonth(log, c.timeZone).map((part) => foldEvents(part, window));
      expect(result(parts.reduce(mergeAggregates, createAggregate(window)))).toEqual(batch);

      // Each row is the local period of its activity: a share or a click counts in the row of its local date's ISO
      // week or month, and the rows follow each other without a gap.
      const inWindow = (at: string) =>
        (window.from === undefined || at >= window.from) && (window.to === undefined || at < window.to);
      const expected = new Map<string, [number, number]>();
      for (const event of log) {
        const column = ['share.recorded', 'platform.click'].indexOf(event.type);
        if (column < 0 || !inWindow(event.at)) continue;
        const day = localDate(event.at, c.timeZone);
        const noon = new Date(`${day}T12:00:00.000Z`);
        const label =
          c.period === 'month'
            ? day.slice(0, 7)
            : `${getISOWeekYear(noon)}-W${String(getISOWeek(noon)).padStart(2, '0')}`;
        const counts = expected.get(label) ?? [0, 0];
        counts[column] = (counts[column] as number) + 1;
        expected.set(label, counts);
      }
      const series = batch.figures.series;
      const active = series.filter((r) => r.shares + r.clicks > 0);
      expect(new Map(active.map((r) => [r.period, [r.shares, r.clicks]]))).toEqual(expected);
      series.slice(1).forEach((row, i) => {
        const before = series[i] as (typeof series)[number];
        // The next Monday, or the first of the next month (40 days after the first of a month is in the next one).
        const next =
          c.period === 'week' ? dayAfter(before.start, 7) : `${dayAfter(before.start, 40).slice(0, 8)}01`;
        expect(row.start, `${before.period} → ${row.period}`).toBe(next);
      });
    },
    30_000,
  );
});
