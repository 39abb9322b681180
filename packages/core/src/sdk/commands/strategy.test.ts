import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../ports/clock.js';
import { createSequentialIds } from '../../ports/id-generator.js';
import { createMemoryStorage } from '../../storage/memory-storage.js';
import { createSocialShift } from '../create-social-shift.js';

/** An organisation just set up in memory, and its master. */
async function anOrganisation() {
  const shift = createSocialShift({
    storage: createMemoryStorage(),
    organisationId: 'org_acme',
    ids: createSequentialIds(),
    clock: createManualClock('2026-03-02T09:00:00.000Z'),
  });
  const { masterId } = await shift.setup({
    organisation: { name: 'Acme' },
    programme: { name: 'Social Shift 2026' },
    master: { displayName: 'Mira Master' },
  });
  return { shift, masterId };
}

describe('strategy.update that changes nothing', () => {
  it('keeps the strategy version and writes nothing for no part, undefined parts or the parts stored', async () => {
    const { shift, masterId } = await anOrganisation();
    const strategy = shift.as(masterId).strategy;
    const platforms = [{ platform: 'linkedin' as const, audienceIds: [] }];
    const before = await strategy.update({ platforms });
    expect(before.strategyVersion).toBe(2);
    const events = (await shift.history(before.id)).length;
    await expect(strategy.update({})).resolves.toEqual(before);
    await expect(strategy.update({ goals: undefined })).resolves.toEqual(before);
    await expect(strategy.update({ platforms, goals: before.goals })).resolves.toEqual(before);
    expect(await strategy.get()).toEqual(before);
    expect(await shift.history(before.id)).toHaveLength(events);
    // The same checks as any update: the role rules.
    const { id } = await shift.as(masterId).people.add({ displayName: 'Eddie' });
    await expect(shift.as(id).strategy.update({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(strategy.update({ platforms: [] })).resolves.toMatchObject({ strategyVersion: 3 });
  });
});

describe('strategy.update with a goal that has two targets of one metric', () => {
  it('is refused with VALIDATION on the second target, and writes nothing', async () => {
    const { shift, masterId } = await anOrganisation();
    const strategy = shift.as(masterId).strategy;
    const goal = {
      id: 'goal_recruit',
      name: 'Recruit nurses',
      purpose: 'recruitment',
      intent: 'inspire',
    } as const;
    // Shares 500 and shares 300: the report showed two rows and two verdicts on the goal's shares that disagreed.
    const twice = [
      { metric: 'shares', value: 500 },
      { metric: 'clicks', value: 50 },
      { metric: 'shares', value: 300 },
    ] as const;
    await expect(strategy.update({ goals: [{ ...goal, targets: [...twice] }] })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: {
        issues: [
          { path: ['goals', 0, 'targets', 2], code: 'duplicate', message: '"shares" is in the list twice.' },
        ],
      },
    });
    expect((await strategy.get()).strategyVersion).toBe(1);
    // One target per metric is stored.
    await expect(
      strategy.update({ goals: [{ ...goal, targets: twice.slice(0, 2) }] }),
    ).resolves.toMatchObject({
      strategyVersion: 2,
    });
  });
});
