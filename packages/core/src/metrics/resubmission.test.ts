import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const event = (
  type: string,
  at: string,
  entityId: string,
  data: Record<string, unknown> = {},
): MetricsEvent => ({ type, at: `2026-03-${at}:00.000Z`, entityId, data });

// A contribution and a post each sent back for changes and submitted again, as the SDK writes them: both lead times
// count from the first submission (docs/metrics.md), and the funnel counts the contribution once, in the window of
// its first submission.
describe('a contribution and a post submitted again after a request for changes', () => {
  const events = [
    event('contribution.created', '02T08:00', 'c1', { creatorId: 'cora', pillarIds: ['work'] }),
    event('contribution.submitted', '02T09:00', 'c1', { creatorId: 'cora' }),
    event('contribution.review_started', '02T10:00', 'c1', { reviewerId: 'eddie' }),
    event('contribution.changes_requested', '02T11:00', 'c1', { reviewerId: 'eddie' }),
    event('contribution.updated', '03T09:00', 'c1'),
    event('contribution.submitted', '03T10:00', 'c1', { creatorId: 'cora' }),
    event('contribution.review_started', '03T11:00', 'c1', { reviewerId: 'eddie' }),
    event('contribution.accepted', '03T12:00', 'c1', { reviewerId: 'eddie' }),
    event('post.created', '04T09:00', 'p1', { pillarIds: ['work'], contributionIds: ['c1'] }),
    event('contribution.used', '04T09:00', 'c1', { postId: 'p1' }),
    event('post.submitted', '04T10:00', 'p1'),
    event('post.changes_requested', '04T12:00', 'p1', { reviewerId: 'mira' }),
    event('post.updated', '05T09:00', 'p1', { changes: { text: 'Better.' } }),
    event('post.submitted', '05T10:00', 'p1'),
    event('post.approved', '05T11:00', 'p1', { approverId: 'mira' }),
    event('post.offered', '06T09:00', 'p1'),
  ];

  it("measures review to approval from the post's first submission, the changes included", () => {
    // 4 March 10:00 to 5 March 11:00: 25 h (1 h from the second submission).
    expect(finishMetrics(foldEvents(events)).leadTimes.reviewToApproval).toEqual({
      count: 1,
      medianHours: 25,
      p90Hours: 25,
    });
  });

  it("measures submission to offer from the contribution's first submission", () => {
    // 2 March 09:00 to 6 March 09:00: 96 h (71 h from the second submission).
    expect(finishMetrics(foldEvents(events)).leadTimes.submissionToOffer).toMatchObject({ medianHours: 96 });
  });

  it('counts the contribution once, in the window of its first submission only', () => {
    const funnel = (from: string, to: string) =>
      finishMetrics(foldEvents(events, { from: `2026-03-${from}:00.000Z`, to: `2026-03-${to}:00.000Z` }))
        .contentFunnel;
    expect(funnel('01T00:00', '31T00:00')).toMatchObject({
      contributionsSubmitted: 1,
      accepted: 1,
      usedInPosts: 1,
      postsFromContributions: 1,
      offered: 1,
    });
    expect(funnel('02T00:00', '03T00:00')).toMatchObject({ contributionsSubmitted: 1, accepted: 0 });
    // Submitted again on 3 March: not a new contribution.
    expect(funnel('03T00:00', '31T00:00')).toMatchObject({
      contributionsSubmitted: 0,
      postsFromContributions: 0,
    });
  });
});
