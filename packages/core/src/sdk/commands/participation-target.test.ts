import { describe, expect, it } from 'vitest';
import { finishMetrics } from '../../metrics/finish-metrics.js';
import { createAggregate } from '../../metrics/metrics-aggregate.js';
import { GoalTargetSchema } from '../../model/strategy.js';
import { createMemoryStorage } from '../../storage/memory-storage.js';
import { aStrategy } from '../../testing/factories.js';
import { createTestProgramme } from '../../testing/programme.js';
import { createSocialShift } from '../create-social-shift.js';

// Participation is a fraction: the metrics refuse a target above 1, so a strategy that stored 30 (meant as 30%)
// stopped every report of it. The SDK refuses it when the strategy is written; the model still reads it (an export
// of an earlier version stays readable, and the report CLI says how to give the goals instead).
const [goal] = aStrategy().goals;
const goals = (value: number) => {
  if (!goal) throw new Error('aStrategy has a goal');
  return [{ ...goal, audienceIds: [], targets: [{ metric: 'participation' as const, value }] }];
};

describe('a goal target of participation', () => {
  it('above 1 is refused by strategy.update, naming the value, and the stored strategy stays as it was', async () => {
    const { shift, people } = await createTestProgramme();
    const master = shift.as(people.master).strategy;
    const before = await master.get();
    await expect(master.update({ goals: goals(30) })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('write 30% as 0.3'),
      details: { issues: [{ path: ['goals', 0, 'targets', 0, 'value'] }] },
    });
    expect(await master.get()).toEqual(before);
    // What it stores, the metrics report on.
    const stored = await master.update({ goals: goals(1) });
    expect(() => finishMetrics(createAggregate(), { strategy: stored })).not.toThrow();
  });

  it('above 1 is refused by setup, under strategy, and nothing is written', async () => {
    const storage = createMemoryStorage();
    const shift = createSocialShift({ storage, organisationId: 'org_zorg' });
    const input = {
      organisation: { name: 'Zorggroep Noord' },
      programme: { name: 'Social Shift 2026' },
      master: { displayName: 'Mira' },
    };
    await expect(shift.setup({ ...input, strategy: { goals: goals(30) } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['strategy', 'goals', 0, 'targets', 0, 'value'] }] },
    });
    expect(await storage.readEvents('org_zorg')).toEqual([]);
    await expect(shift.setup({ ...input, strategy: { goals: goals(0.3) } })).resolves.toMatchObject({
      organisationId: 'org_zorg',
    });
  });

  it('is still read by the model, as an earlier version may have stored it', () => {
    expect(GoalTargetSchema.safeParse({ metric: 'participation', value: 30 }).success).toBe(true);
  });
});
