import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const activity = { shareId: 's1', postId: 'p1', campaignId: 'c1', publisherId: 'anne', platform: 'linkedin' };
const share = (at: string): MetricsEvent => ({
  type: 'share.recorded',
  at,
  entityId: 's1',
  data: { ...activity, offerId: 'o1', networkSize: 100 },
});
/** What a retention run keeps of `events` clicks on s1, the first at `at` and the last at `lastAt`. */
const clicksSummary = (at: string, lastAt: string, events: number, writtenAt: string): MetricsEvent => ({
  type: 'platform.summary',
  at: writtenAt,
  entityId: 'org_1',
  data: { rows: [{ ...activity, type: 'platform.click', at, lastAt, events, count: events }] },
});
/** The figures the edges decide: events counted at all and inside the window, shares and clicks, whether it ended. */
const figures = (events: MetricsEvent[], window: { from?: string; to?: string }) => {
  const aggregate = foldEvents(events, window);
  const { summary, events: counted } = finishMetrics(aggregate);
  return {
    total: counted.total,
    inWindow: counted.inWindow,
    shares: summary.shares.value,
    clicks: summary.clicks.value,
    reachedEnd: aggregate.reachedEnd,
  };
};

describe('the window [from, to) (docs/metrics.md: events at or after `to` are ignored)', () => {
  const to = '2026-04-01T00:00:00.000Z';

  it('ignores an event exactly at the window end, and counts one a millisecond before it', () => {
    expect(figures([share(to)], { to })).toEqual({
      total: 0,
      inWindow: 0,
      shares: 0,
      clicks: 0,
      reachedEnd: true,
    });
    expect(figures([share('2026-03-31T23:59:59.999Z')], { to })).toEqual({
      total: 1,
      inWindow: 1,
      shares: 1,
      clicks: 0,
      reachedEnd: false,
    });
  });

  it('counts a retention summary row at its first event: a row that starts at the window end adds nothing', () => {
    // 3 clicks from 00:00 to 00:10 on 1 April, summarised at 02:00: all of them at or after `to`.
    expect(
      figures([clicksSummary(to, '2026-04-01T00:10:00.000Z', 3, '2026-04-01T02:00:00.000Z')], { to }),
    ).toEqual({ total: 0, inWindow: 0, shares: 0, clicks: 0, reachedEnd: true });
    // The same 3 clicks starting a minute earlier count, all 3, at 23:59 (the last one's time does not matter).
    expect(
      figures([clicksSummary('2026-03-31T23:59:00.000Z', '2026-04-01T00:10:00.000Z', 3, to)], { to }),
    ).toEqual({ total: 3, inWindow: 3, shares: 0, clicks: 3, reachedEnd: true });
  });

  it('puts a retention summary row that starts before the window start before it, though it ends inside', () => {
    const from = '2026-03-01T10:05:00.000Z';
    // 2 clicks at 10:02 and 10:11: the row counts at 10:02, before the window, so as 2 events but no clicks in it.
    const straddling = clicksSummary(
      '2026-03-01T10:02:00.000Z',
      '2026-03-01T10:11:00.000Z',
      2,
      '2026-03-02T00:00:00.000Z',
    );
    expect(figures([straddling], { from })).toEqual({
      total: 2,
      inWindow: 0,
      shares: 0,
      clicks: 0,
      reachedEnd: false,
    });
    // A row whose first click is at the window start itself is inside it.
    const atStart = clicksSummary(from, '2026-03-01T10:11:00.000Z', 2, '2026-03-02T00:00:00.000Z');
    expect(figures([atStart], { from })).toEqual({
      total: 2,
      inWindow: 2,
      shares: 0,
      clicks: 2,
      reachedEnd: false,
    });
  });
});
