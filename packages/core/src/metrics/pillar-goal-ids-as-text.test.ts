import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsContext } from './metrics-options.js';

const events = [
  {
    type: 'post.created',
    at: '2026-03-01T09:00:00.000Z',
    entityId: 'post',
    data: { pillarIds: ['care'], goalIds: [] },
  },
  {
    type: 'share.recorded',
    at: '2026-03-02T09:00:00.000Z',
    entityId: 'share',
    data: {
      offerId: 'o',
      postId: 'post',
      campaignId: 'c',
      publisherId: 'ann',
      platform: 'linkedin',
      networkSize: 10,
    },
  },
];

describe("a pillar's goal ids given as one text instead of a list", () => {
  // The care pillar serves goal_12 only: as text, `'goal_12'.includes('goal_1')` made it serve goal_1 too, so
  // goal_1 reached its target with a share that was not its own.
  const context = {
    strategy: {
      pillars: [{ id: 'care', goalIds: 'goal_12' as never }],
      goals: [
        { id: 'goal_1', targets: [{ metric: 'shares', value: 1 }] },
        { id: 'goal_12', targets: [{ metric: 'shares', value: 1 }] },
      ],
    },
  } satisfies MetricsContext;
  const aggregate = foldEvents(events);

  it('is a VALIDATION error that names it, in finishMetrics and adjustRules', () => {
    for (const call of [
      () => finishMetrics(aggregate, context),
      () => adjustRules(aggregate, finishMetrics(aggregate), context),
    ]) {
      let error: unknown;
      try {
        call();
      } catch (caught) {
        error = caught;
      }
      expect(isSocialShiftError(error, 'VALIDATION')).toBe(true);
      expect(isSocialShiftError(error, 'VALIDATION') && error.details.issues[0]?.path).toEqual([
        'strategy.pillars.0.goalIds',
      ]);
    }
  });

  it('as a list, counts the share for the goal the pillar serves only', () => {
    const listed = { strategy: { ...context.strategy, pillars: [{ id: 'care', goalIds: ['goal_12'] }] } };
    const goals = finishMetrics(aggregate, listed).goals;
    expect(goals.map((g) => [g.goalId, g.targets[0]?.actual.value])).toEqual([
      ['goal_1', 0],
      ['goal_12', 1],
    ]);
  });
});
