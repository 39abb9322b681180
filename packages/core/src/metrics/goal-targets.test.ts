import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
/** An event on a day of 2026 (`02-20` is 20 February), at 09:00 UTC. */
const on = (
  day: string,
  type: string,
  entityId: string,
  data: Record<string, unknown> = {},
): MetricsEvent => ({
  type,
  at: `2026-${day}T09:00:00.000Z`,
  entityId,
  data,
});
/** A contribution by eva, submitted on `day` and used in `postId` on 5 March. */
const usedContribution = (id: string, day: string, postId: string): MetricsEvent[] => [
  on(day, 'contribution.submitted', id, { creatorId: 'eva' }),
  on('03-05', 'contribution.used', id, { postId }),
];

describe("a goal's contributions target", () => {
  it('counts the contributions submitted in the window that went into the goal’s posts', () => {
    const events = [
      on('02-01', 'post.created', 'p1', { pillarIds: [], goalIds: ['goal_recruit'], contributionIds: [] }),
      on('02-01', 'post.created', 'p2', { pillarIds: [], goalIds: ['goal_other'], contributionIds: [] }),
      // Submitted in February, before the window: not this window's (docs/metrics.md: contributions count only inside it).
      ...usedContribution('c_feb', '02-20', 'p1'),
      // Submitted in March, used in the goal's post: counts.
      ...usedContribution('c_mar', '03-02', 'p1'),
      // Submitted in March, used in another goal's post: not this goal's.
      ...usedContribution('c_other', '03-03', 'p2'),
    ];
    const goals = [{ id: 'goal_recruit', targets: [{ metric: 'contributions' as const, value: 2 }] }];
    const [goal] = finishMetrics(foldEvents(events, march), { strategy: { goals } }).goals;
    // 1 of the 2 wanted: attainment 0.5.
    expect(goal?.targets[0]).toMatchObject({ actual: { value: 1, basis: 'measured' }, attainment: 0.5 });
  });
});
