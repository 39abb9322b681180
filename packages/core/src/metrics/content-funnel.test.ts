import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
/** An event on a day of March 2026, at 09:00 UTC. */
const on = (
  day: string,
  type: string,
  entityId: string,
  data: Record<string, unknown> = {},
): MetricsEvent => ({
  type,
  at: `2026-03-${day}T09:00:00.000Z`,
  entityId,
  data,
});
const submitted = (id: string): MetricsEvent => on('02', 'contribution.submitted', id, { creatorId: 'eva' });

describe('the content funnel', () => {
  it('counts a contribution used in a post as accepted, also without an accept event', () => {
    const events = [
      ...['c1', 'c2', 'c3', 'c4'].map(submitted),
      // c1 went straight into a post (an editor used it without accepting it first).
      on('04', 'contribution.used', 'c1', { postId: 'p1' }),
      on('04', 'contribution.accepted', 'c2', { reviewerId: 'ed' }),
      on('04', 'contribution.declined', 'c3', { reviewerId: 'ed' }),
      // c4 waits for review.
    ];
    const { contentFunnel } = finishMetrics(foldEvents(events, march));
    // Submitted c1–c4; accepted c1 (used) and c2; used c1, in one post. Each stage at most the one before it.
    expect(contentFunnel).toMatchObject({
      contributionsSubmitted: 4,
      accepted: 2,
      usedInPosts: 1,
      postsFromContributions: 1,
    });
  });
});
