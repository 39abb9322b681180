import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';

// A cycle starts at its strategy step: the strategy it runs on is the one that step leaves, not the one before it.
describe('the strategy version a cycle pins', () => {
  it('is the version its strategy step ends with, also after going back to that step', async () => {
    const { shift, people } = await createTestProgramme();
    const master = shift.as(people.master);
    const goal = {
      id: 'goal_recruit',
      name: 'Recruit nurses',
      purpose: 'recruitment',
      intent: 'inform',
    } as const;

    const started = await master.cycles.start();
    expect(started.strategyVersion).toBe(1);
    await master.strategy.update({ goals: [goal] }); // step 1 of the method: the strategy is set
    const activated = await master.cycles.moveTo({ step: 'activation' });
    expect(activated.strategyVersion).toBe(2);

    await master.cycles.moveTo({ step: 'content' });
    await master.cycles.moveTo({ step: 'strategy' }); // back to the strategy, which changes again
    await master.strategy.update({ goals: [{ ...goal, intent: 'inspire' }] });
    expect((await master.cycles.moveTo({ step: 'activation' })).strategyVersion).toBe(3);
  });

  it('stays put for a change made outside the strategy step (adjustment is for the next cycle)', async () => {
    const { shift, people } = await createTestProgramme();
    const master = shift.as(people.master);
    await master.cycles.start();
    for (const step of ['activation', 'content', 'campaigns', 'measurement'] as const)
      await master.cycles.moveTo({ step });
    await master.cycles.adjust();
    await master.strategy.update({
      goals: [{ id: 'goal_recruit', name: 'Recruit nurses', purpose: 'recruitment', intent: 'inform' }],
    });
    expect((await master.cycles.current())?.strategyVersion).toBe(1);
    expect((await master.cycles.start()).strategyVersion).toBe(2);
  });
});
