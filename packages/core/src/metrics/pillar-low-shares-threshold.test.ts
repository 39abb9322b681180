import { describe, expect, it } from 'vitest';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

/** A post per pillar, and that many shares of it in March. */
function pillarsWithShares(shares: Record<string, number>): MetricsEvent[] {
  const events: MetricsEvent[] = [];
  for (const [pillarId, count] of Object.entries(shares)) {
    const postId = `post_${pillarId}`;
    events.push({
      type: 'post.created',
      at: '2026-02-01T09:00:00.000Z',
      entityId: postId,
      data: { pillarIds: [pillarId], goalIds: [] },
    });
    for (let i = 0; i < count; i++)
      events.push({
        type: 'share.recorded',
        at: `2026-03-02T09:${String(i % 60).padStart(2, '0')}:00.000Z`,
        entityId: `share_${pillarId}_${i}`,
        data: {
          offerId: 'o',
          postId,
          campaignId: 'c',
          publisherId: `person_${i}`,
          platform: 'linkedin',
          networkSize: 10,
        },
      });
  }
  return events;
}

const lowShares = (shares: Record<string, number>, pillarLowShareRatio: number) => {
  const aggregate = foldEvents(pillarsWithShares(shares), march);
  return adjustRules(aggregate, finishMetrics(aggregate), { thresholds: { pillarLowShareRatio } })
    .filter((r) => r.code === 'PILLAR_LOW_SHARES')
    .map((r) => [r.subject, r.params.shares, r.params.average]);
};

describe('a pillar exactly at the low-shares threshold', () => {
  // 0.14 × 50 is 7.000000000000001 as a float, 0.33 × (100 ÷ 3) 11.000000000000002: a pillar with exactly the
  // threshold's shares was flagged as having fewer. One share moved to another pillar (the same average) flags it.
  it.each([
    [0.14, { care: 7, work: 93 }],
    [0.07, { care: 7, work: 193 }],
    [0.28, { care: 7, work: 43 }],
    [0.33, { care: 11, work: 20, news: 69 }],
  ])('with a ratio of %s, is not flagged, and one share fewer is', (ratio, shares) => {
    expect(lowShares(shares, ratio)).toEqual([]);
    const fewer = { ...shares, care: shares.care - 1, work: shares.work + 1 };
    expect(lowShares(fewer, ratio).map(([subject]) => subject)).toEqual(['care']);
  });

  it('still gives the average of the pillars with posts, and flags none when nothing was shared', () => {
    expect(lowShares({ care: 1, work: 9 }, 0.25)).toEqual([['care', 1, 5]]);
    expect(lowShares({ care: 0, work: 0 }, 0.25)).toEqual([]);
  });
});
