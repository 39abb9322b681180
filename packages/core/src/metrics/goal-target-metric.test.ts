import { describe, expect, expectTypeOf, it } from 'vitest';
import type { GoalTarget } from '../model/strategy.js';
import { finishMetrics } from './finish-metrics.js';
import { createAggregate } from './metrics-aggregate.js';
import type { GoalFigures } from './metrics-figures.js';
import type { GoalContext } from './metrics-options.js';

// finishMetrics refuses a goal target of a metric it does not count (`likes`, `Shares`) with VALIDATION, but the
// context typed the metric `string`, so the compiler let such a typo through; and a report's goal rows gave it back
// as `string`, so a UI could not name it by the metric's label without a cast. Both are the strategy's metrics now.
describe("a goal target's metric", () => {
  it('is one of the metrics the strategy knows, in the context and in the figures', () => {
    type Metric = GoalTarget['metric'];
    expectTypeOf<NonNullable<GoalContext['targets']>[number]['metric']>().toEqualTypeOf<Metric>();
    expectTypeOf<GoalFigures['targets'][number]['metric']>().toEqualTypeOf<Metric>();
    // @ts-expect-error a metric the metrics do not count: refused by the compiler, as it is at run time
    const typo: GoalContext = { id: 'g', targets: [{ metric: 'likes', value: 5 }] };
    expect(() => finishMetrics(createAggregate(), { strategy: { goals: [typo] } })).toThrow(
      'targets.0.metric',
    );
    const figures = finishMetrics(createAggregate(), {
      strategy: { goals: [{ id: 'g', targets: [{ metric: 'shares', value: 5 }] }] },
    });
    expect(figures.goals[0]?.targets[0]?.metric).toBe('shares');
  });
});
