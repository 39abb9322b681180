import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import { mergeAggregates } from './merge-aggregates.js';
import type { MetricsEvent } from './metrics-event.js';
import { periodOf } from './period.js';
import { timeZoneOffsetMinutes } from './time-zone.js';

const share = (id: string, at: string): MetricsEvent => ({
  type: 'share.recorded',
  at,
  entityId: id,
  data: {
    shareId: id,
    offerId: 'o',
    postId: 'p',
    campaignId: 'c',
    publisherId: 'anne',
    platform: 'linkedin',
    networkSize: 1,
  },
});
const joined = (at: string): MetricsEvent => ({
  type: 'person.added',
  at,
  entityId: 'anne',
  data: { teamIds: ['t'] },
});
const rows = (figures: ReturnType<typeof finishMetrics>) => figures.series.map((r) => [r.period, r.shares]);

describe('the series has a row for every period the log covers', () => {
  it('fills weeks without activity with zeros', () => {
    const events = [share('s1', '2026-03-02T10:00:00.000Z'), share('s2', '2026-03-23T10:00:00.000Z')];
    expect(rows(finishMetrics(foldEvents(events), { period: 'week' }))).toEqual([
      ['2026-W10', 1],
      ['2026-W11', 0],
      ['2026-W12', 0],
      ['2026-W13', 1],
    ]);
  });

  it('starts at the log’s first event (of any kind) and ends at its last, within the window', () => {
    const events = [joined('2026-01-05T09:00:00.000Z'), share('s1', '2026-03-20T10:00:00.000Z')];
    // Open window: from the person's arrival in January to the share in March.
    expect(rows(finishMetrics(foldEvents(events)))).toEqual([
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
    // A window that is wider than the log: no rows before the log starts or after it ends (no data is not zero).
    const wide = { from: '2025-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
    expect(rows(finishMetrics(foldEvents(events, wide)))).toEqual([
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
    // A window inside the log: every week of it. 1 March 2026 is a Sunday (W09); 31 March a Tuesday (W14). The log
    // goes on after the window (the share in May), so the weeks after the last share of March are known to be empty.
    const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
    const later = [...events, share('s2', '2026-05-04T10:00:00.000Z')];
    expect(rows(finishMetrics(foldEvents(later, march), { period: 'week' }))).toEqual([
      ['2026-W09', 0],
      ['2026-W10', 0],
      ['2026-W11', 0],
      ['2026-W12', 1],
      ['2026-W13', 0],
      ['2026-W14', 0],
    ]);
    // The same, folded in two parts and merged (as the CLI's threads do): the part after the window says so.
    const parts = mergeAggregates(foldEvents(later.slice(0, 2), march), foldEvents(later.slice(2), march));
    expect(finishMetrics(parts, { period: 'week' }).series).toEqual(
      finishMetrics(foldEvents(later, march), { period: 'week' }).series,
    );
    // A window whose end the log has not reached yet (a report on the current month): no weeks after the last event,
    // which are not known to be empty.
    expect(rows(finishMetrics(foldEvents(events, march), { period: 'week' }))).toEqual([
      ['2026-W09', 0],
      ['2026-W10', 0],
      ['2026-W11', 0],
      ['2026-W12', 1],
    ]);
  });

  it('runs to the end of the window when a retention summary holds events past it', () => {
    const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
    const row = {
      type: 'platform.click',
      at: '2026-03-10T10:00:00.000Z',
      events: 3,
      count: 3,
      shareId: 's1',
      postId: 'p',
      campaignId: 'c',
      publisherId: 'anne',
      platform: 'linkedin',
    };
    const summary = (lastAt: string, at = '2026-03-20T00:00:00.000Z'): MetricsEvent => ({
      type: 'platform.summary',
      at,
      entityId: 'sum',
      data: { events: 3, rows: [{ ...row, lastAt }] },
    });
    const events = [share('s1', '2026-03-02T10:00:00.000Z')];
    const weeks = (summaryEvent: MetricsEvent) =>
      finishMetrics(foldEvents([...events, summaryEvent], march), { period: 'week' }).series.map(
        (r) => r.period,
      );
    expect(weeks(summary('2026-04-02T10:00:00.000Z')).at(-1)).toBe('2026-W14');
    expect(weeks(summary('2026-03-12T10:00:00.000Z')).at(-1)).toBe('2026-W11');
    // The summary itself written after the window: the log reached past it.
    expect(weeks(summary('2026-03-12T10:00:00.000Z', '2026-05-01T00:00:00.000Z')).at(-1)).toBe('2026-W14');
  });

  it('fills the months of a time zone (Auckland is 13 hours ahead in the southern summer)', () => {
    // 31 Jan 10:00 UTC is 23:00 that day in Auckland; 31 Mar 12:00 UTC is 1 April 01:00 there.
    const events = [share('s1', '2026-01-31T10:00:00.000Z'), share('s2', '2026-03-31T12:00:00.000Z')];
    expect(rows(finishMetrics(foldEvents(events), { timeZone: 'Pacific/Auckland' }))).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
      ['2026-03', 0],
      ['2026-04', 1],
    ]);
    expect(rows(finishMetrics(foldEvents(events)))).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
  });

  it('cuts the row of a period the window starts or ends in, which keeps the whole period’s label and start', () => {
    // Amsterdam: the window runs from Wednesday 25 March 2026 (W13, from Monday 23 March) to Tuesday 31 March, the
    // last day included (W14, from Monday 30 March): the shares on Monday 23 and Wednesday 1 April are outside it.
    const window = { from: '2026-03-24T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' };
    const events = [
      share('s1', '2026-03-23T10:00:00.000Z'),
      share('s2', '2026-03-25T10:00:00.000Z'),
      share('s3', '2026-03-31T10:00:00.000Z'),
      share('s4', '2026-04-01T10:00:00.000Z'),
    ];
    const figures = finishMetrics(foldEvents(events, window), {
      timeZone: 'Europe/Amsterdam',
      period: 'week',
    });
    expect(figures.series.map((r) => [r.period, r.start, r.shares])).toEqual([
      ['2026-W13', '2026-03-23', 1],
      ['2026-W14', '2026-03-30', 1],
    ]);
  });

  it('writes years before 1000 with four digits, so the periods sort and follow each other', () => {
    const events = [share('s1', '0999-12-15T10:00:00.000Z'), share('s2', '1000-02-10T10:00:00.000Z')];
    expect(rows(finishMetrics(foldEvents(events)))).toEqual([
      ['0999-12', 1],
      ['1000-01', 0],
      ['1000-02', 1],
    ]);
    expect(finishMetrics(foldEvents(events), { period: 'week' }).series[0]).toMatchObject({
      period: '0999-W50',
      start: '0999-12-09', // 15 December 999 is a Sunday
    });
  });

  it('is empty for an empty log, in any zone', () => {
    expect(finishMetrics(foldEvents([]), { timeZone: 'Europe/Amsterdam', period: 'week' }).series).toEqual(
      [],
    );
    const before = { from: '2027-01-01T00:00:00.000Z' };
    expect(finishMetrics(foldEvents([share('s1', '2026-03-02T10:00:00.000Z')], before)).series).toEqual([]);
  });

  it('has consecutive periods from the first event to the last, whatever the times, zone and period', () => {
    const DAY = 86_400_000;
    const local = (at: string, zone: string) => {
      const ms = Date.parse(at);
      const d = new Date(ms + timeZoneOffsetMinutes(zone, ms) * 60_000);
      return d;
    };
    const periodAt = (at: string, zone: string, period: 'week' | 'month') => {
      const d = local(at, zone);
      return periodOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), period).label;
    };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.constantFrom('UTC', 'Europe/Amsterdam', 'Pacific/Auckland', 'Asia/Kathmandu', 'America/St_Johns'),
        fc.constantFrom('week' as const, 'month' as const),
        (times, timeZone, period) => {
          const ats = times.map((t) => new Date(t).toISOString()).sort();
          const series = finishMetrics(foldEvents(ats.map((at, i) => share(`s${i}`, at))), {
            timeZone,
            period,
          }).series;
          expect(series[0]?.period).toBe(periodAt(ats[0] as string, timeZone, period));
          expect(series.at(-1)?.period).toBe(periodAt(ats.at(-1) as string, timeZone, period));
          expect(series.reduce((sum, r) => sum + r.shares, 0)).toBe(ats.length);
          for (let i = 1; i < series.length; i++) {
            const previous = new Date(`${series[i - 1]?.start}T00:00:00.000Z`);
            const next =
              period === 'week'
                ? previous.getTime() + 7 * DAY
                : Date.UTC(previous.getUTCFullYear(), previous.getUTCMonth() + 1, 1);
            expect(series[i]?.start).toBe(new Date(next).toISOString().slice(0, 10));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
