import { describe, expect, expectTypeOf, it } from 'vitest';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { createAggregate } from './metrics-aggregate.js';
import type { MetricsContext, RuleThresholds } from './metrics-options.js';

// A dashboard builds the context from its query and stored settings, whose parts may be missing: a part given as
// undefined is one left out, and the types say so, so the context compiles under `exactOptionalPropertyTypes`.
// (A single threshold or point value given as undefined stays a VALIDATION error, see docs/metrics.md.)
describe('a metrics context whose parts may be undefined', () => {
  it('gives the figures and recommendations of a context without them', () => {
    const query: { tz?: string | undefined; period?: 'week' | 'month' | undefined } = {};
    const stored: { thresholds?: Partial<RuleThresholds> | undefined; teamNames?: Record<string, string> } =
      {};
    const context = {
      timeZone: query.tz,
      period: query.period,
      names: { teams: stored.teamNames, persons: undefined },
      strategy: { goals: [{ id: 'goal_a', name: undefined, targets: undefined }], pillars: undefined },
      thresholds: stored.thresholds,
      leaderboard: undefined,
    };
    expectTypeOf(context).toExtend<MetricsContext>();
    const aggregate = createAggregate();
    const without: MetricsContext = { strategy: { goals: [{ id: 'goal_a' }] } };
    expect(finishMetrics(aggregate, context)).toEqual(finishMetrics(aggregate, without));
    expect(adjustRules(aggregate, finishMetrics(aggregate, context), context)).toEqual(
      adjustRules(aggregate, finishMetrics(aggregate, without), without),
    );
  });
});
