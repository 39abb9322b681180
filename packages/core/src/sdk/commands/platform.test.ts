import { describe, expect, it } from 'vitest';
import { exportAll } from '../../storage/export-all.js';
import { importAll } from '../../storage/import-all.js';
import { createMemoryStorage } from '../../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../../testing/programme.js';

const DAY = 86_400_000;

describe('platform.recordReach', () => {
  it('refuses a reach above a billion, so summed figures stay exact and a backup after retention imports again', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [first] = await shift.as(people.publisher).offers.mine();
    const share = await shift
      .as(people.publisher)
      .offers.share(first?.offer.id ?? '', { platform: 'linkedin', idempotencyKey: 'k' });
    const events = (await shift.readEvents()).length;
    // Two of these in one quarter hour would sum to more than Number.MAX_SAFE_INTEGER in a retention summary.
    await expect(
      shift.platform.recordReach({ shareId: share.id, idempotencyKey: 'r1', reach: 5e15 }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['reach'] }] } });
    expect(await shift.readEvents()).toHaveLength(events);
    for (const key of ['r2', 'r3']) {
      await shift.platform.recordReach({ shareId: share.id, idempotencyKey: key, reach: 1_000_000_000 });
    }
    world.clock.advance(100 * DAY);
    await shift.as(people.master).privacy.applyRetention({ platformEventDays: 30 });
    await expect(
      importAll(createMemoryStorage(), await exportAll(world.storage, 'org_acme')),
    ).resolves.toBeDefined();
  });
});
