import { describe, expect, it } from 'vitest';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../../testing/programme.js';

/** A running campaign of one post for everyone, and the publisher's offer of it. */
const anOffer = async () => {
  const world = await createTestProgramme();
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  const me = world.shift.as(world.people.publisher).offers;
  const [first] = await me.mine();
  return { ...world, me, offerId: first!.offer.id };
};

describe('sharing an offer again on a platform it was shared on', () => {
  it('records nothing and returns the first share, whatever the key: one share per offer and platform', async () => {
    const { shift, me, offerId } = await anOffer();
    const first = await me.share(offerId, { platform: 'linkedin', idempotencyKey: 'request-1' });
    const events: string[] = [];
    shift.events.onAny((event) => events.push(event.type));
    // A second request (another key: a click after a reload) would carry the same tracked link, whose clicks all
    // go to one share, and count the share twice.
    await expect(me.share(offerId, { platform: 'linkedin', idempotencyKey: 'request-2' })).resolves.toEqual(
      first,
    );
    expect(events).toEqual([]);
    expect((await me.myShares()).map(({ share }) => share.id)).toEqual([first.id]);
    // Another platform is another share.
    const other = await me.share(offerId, { platform: 'x', idempotencyKey: 'request-3' });
    expect(other.id).not.toBe(first.id);
    expect((await me.myShares()).map(({ share }) => share.platform).sort()).toEqual(['linkedin', 'x']);
  });

  it('of two requests at the same moment with different keys, one records the share', async () => {
    const { me, offerId } = await anOffer();
    const results = await Promise.allSettled(
      ['a', 'b'].map((key) => me.share(offerId, { platform: 'linkedin', idempotencyKey: key })),
    );
    const shared = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    // Each run again (the one that lost, and a retry of the one that won) gets the first share.
    for (const key of ['a', 'b'])
      await expect(me.share(offerId, { platform: 'linkedin', idempotencyKey: key })).resolves.toEqual(
        shared[0],
      );
    expect(await me.myShares()).toHaveLength(1);
  });
});
