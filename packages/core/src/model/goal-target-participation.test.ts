import { describe, expect, it } from 'vitest';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { createAggregate } from '../metrics/metrics-aggregate.js';
import { aStrategy } from '../testing/factories.js';
import { createTestProgramme } from '../testing/programme.js';
import { GoalTargetSchema } from './strategy.js';

// Participation is a fraction: the metrics refuse a target above 1, so a strategy that stored 30 (meant as 30%)
// stopped every report of it. The model refuses it when it is written.
describe('a goal target of participation', () => {
  it('is a fraction from 0 to 1; the other metrics are counts', () => {
    const refused = GoalTargetSchema.safeParse({ metric: 'participation', value: 30 });
    expect(refused.error?.issues).toMatchObject([
      { path: ['value'], message: expect.stringContaining('0.3') },
    ]);
    expect(GoalTargetSchema.safeParse({ metric: 'participation', value: 0.3 }).success).toBe(true);
    expect(GoalTargetSchema.safeParse({ metric: 'participation', value: 1 }).success).toBe(true);
    expect(GoalTargetSchema.safeParse({ metric: 'shares', value: 30 }).success).toBe(true);
  });

  it('above 1 is refused by strategy.update, naming the value, and the stored strategy stays as it was', async () => {
    const { shift, people } = await createTestProgramme();
    const master = shift.as(people.master).strategy;
    const before = await master.get();
    const [goal] = aStrategy().goals;
    if (!goal) throw new Error('aStrategy has a goal');
    const goals = (value: number) => [
      { ...goal, audienceIds: [], targets: [{ metric: 'participation' as const, value }] },
    ];
    await expect(master.update({ goals: goals(30) })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['goals', 0, 'targets', 0, 'value'] }] },
    });
    expect(await master.get()).toEqual(before);
    // What it stores, the metrics report on.
    const stored = await master.update({ goals: goals(0.3) });
    expect(() => finishMetrics(createAggregate(), { strategy: stored })).not.toThrow();
  });
});
