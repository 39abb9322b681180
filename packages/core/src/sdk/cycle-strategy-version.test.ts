import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';

/** The goal each test's strategy update adds. */
const goal = {
  id: 'goal_recruit',
  name: 'Recruit nurses',
  purpose: 'recruitment',
  intent: 'inform',
} as const;

// A cycle starts at its strategy step: the strategy it runs on is the one that step leaves, not the one before it.
describe('the strategy version a cycle pins', () => {
  it('is the version its strategy step ends with, also after going back to that step', async () => {
    const { shift, people } = await createTestProgramme();
    const master = shift.as(people.master);

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
    await master.strategy.update({ goals: [goal] });
    expect((await master.cycles.current())?.strategyVersion).toBe(1);
    expect((await master.cycles.start()).strategyVersion).toBe(2);
  });
});

describe('the strategy version a cycle pins, with two masters at once', () => {
  it('is the version its strategy step ends with, also when the strategy changes as the cycle leaves the step', async () => {
    const turns = async (n: number) => {
      for (let i = 0; i < n; i++) await Promise.resolve();
    };
    // One command starts 0 to 30 turns of the microtask queue after the other, in both orders: the move's read of
    // the strategy falls before, between and after the update's reads and commit.
    for (let lag = -30; lag <= 30; lag += 2) {
      const { shift, people } = await createTestProgramme();
      const master = shift.as(people.master);
      await master.cycles.start();
      const settled = await Promise.allSettled([
        turns(Math.max(lag, 0)).then(() => master.strategy.update({ goals: [goal] })),
        turns(Math.max(-lag, 0)).then(() => master.cycles.moveTo({ step: 'activation' })),
      ]);
      const outcome = settled.map((s) =>
        s.status === 'fulfilled' ? 'ok' : (s.reason as { code: string }).code,
      );
      expect(
        outcome.filter((o) => o !== 'ok' && o !== 'CONFLICT'),
        `lag ${lag}`,
      ).toEqual([]);
      // Whichever committed first: a cycle that left its strategy step after the update runs on the update.
      const types = (await shift.readEvents()).map((e) => e.type);
      const updated = types.lastIndexOf('strategy.updated');
      const left = types.indexOf('cycle.step_changed');
      const cycle = await master.cycles.current();
      if (left >= 0 && updated > left) expect(cycle?.strategyVersion, `lag ${lag}`).toBe(1);
      if (left >= 0 && updated < left && outcome[0] === 'ok')
        expect(cycle?.strategyVersion, `lag ${lag}`).toBe(2);
    }
  });
});
