import { describe, expect, expectTypeOf, it } from 'vitest';
import type { RecordCommentInput } from '../../index.js';
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

describe('the platform commands, typed', () => {
  it('take a named input type and return the stored event of their type', async () => {
    const world = await createTestProgramme();
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const publisher = world.shift.as(world.people.publisher);
    const [offer] = await publisher.offers.mine();
    const share = await publisher.offers.share(offer!.offer.id, {
      platform: 'linkedin',
      idempotencyKey: 's',
    });
    const input: RecordCommentInput = { shareId: share.id, byAmbassador: true, idempotencyKey: 'c1' };
    const comment = await world.shift.platform.recordComment(input);
    expectTypeOf(comment.data.byAmbassador).toEqualTypeOf<boolean>();
    expectTypeOf(comment.seq).toEqualTypeOf<number>();
    expect(comment).toMatchObject({ type: 'platform.comment', data: { byAmbassador: true, count: 1 } });
    expect(typeof comment.seq).toBe('number');
    // A retry gives the first event back, typed the same.
    expect(await world.shift.platform.recordComment(input)).toEqual(comment);
  });
});
