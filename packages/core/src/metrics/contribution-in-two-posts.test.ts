import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const event = (
  type: string,
  at: string,
  entityId: string,
  data: Record<string, unknown> = {},
): MetricsEvent => ({
  type,
  at: `2026-${at}:00.000Z`,
  entityId,
  data,
});

// A contribution may be used in more than one post (the workflow's `used → used: USE`): each post made from it
// counts in the content funnel, its lead time runs to the first offer of any of them, and it counts for the goals
// of each.
describe('a contribution used in two posts', () => {
  const events = [
    event('contribution.created', '03-02T09:00', 'c1', { creatorId: 'cora', pillarIds: ['work'] }),
    event('contribution.submitted', '03-02T10:00', 'c1', { creatorId: 'cora' }),
    event('contribution.accepted', '03-02T11:00', 'c1'),
    event('post.created', '03-03T09:00', 'p1', {
      pillarIds: ['work'],
      goalIds: ['recruit'],
      contributionIds: ['c1'],
    }),
    event('contribution.used', '03-03T09:00', 'c1', { postId: 'p1' }),
    event('post.offered', '03-04T10:00', 'p1'),
    event('share.recorded', '03-05T10:00', 's1', {
      postId: 'p1',
      publisherId: 'piet',
      platform: 'linkedin',
      networkSize: 100,
    }),
    event('post.created', '03-10T09:00', 'p2', {
      pillarIds: ['work'],
      goalIds: ['care'],
      contributionIds: ['c1'],
    }),
    event('contribution.used', '03-10T09:00', 'c1', { postId: 'p2' }),
    event('post.offered', '03-20T10:00', 'p2'),
  ];

  it('counts both posts in the content funnel', () => {
    const f = finishMetrics(foldEvents(events));
    // Posts from the contribution: p1 (offered, shared) and p2 (offered).
    expect(f.contentFunnel).toMatchObject({
      usedInPosts: 1,
      postsFromContributions: 2,
      offered: 2,
      shared: 1,
    });
  });

  it('measures its lead time to the first offer of a post made from it', () => {
    // Submitted 2 March 10:00, p1 offered 4 March 10:00: 48 h (p2's offer of 20 March would be 432 h).
    expect(finishMetrics(foldEvents(events)).leadTimes.submissionToOffer).toEqual({
      count: 1,
      medianHours: 48,
      p90Hours: 48,
    });
  });

  it('counts it for the goals of each post made from it', () => {
    const f = finishMetrics(foldEvents(events), {
      strategy: {
        goals: [
          { id: 'recruit', targets: [{ metric: 'contributions', value: 1 }] },
          { id: 'care', targets: [{ metric: 'contributions', value: 1 }] },
        ],
      },
    });
    expect(f.goals.map((g) => [g.goalId, g.targets[0]?.actual.value])).toEqual([
      ['recruit', 1],
      ['care', 1],
    ]);
  });
});
