import { describe, expect, it } from 'vitest';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';

describe('a publisher who withdraws consent and consents again while a campaign runs', () => {
  it('is offered its posts again, as docs/privacy.md advises for consenting to fewer purposes', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const campaignId = await aRunningCampaign(world, [await anApprovedPost(world)]);
    const me = shift.as(people.publisher);
    const [first] = await me.offers.mine();
    // To stop tracking and still share: withdraw, then consent again to fewer purposes.
    await me.people.withdrawConsent();
    expect((await me.offers.mine()).map(({ offer }) => offer.status)).toEqual(['expired']);
    await me.people.consent({ purposes: ['offers', 'digests'], termsVersion: 'v1' });
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 1 });
    const offers = await me.offers.mine();
    expect(offers.map(({ offer }) => [offer.campaignId, offer.status]).sort()).toEqual([
      [campaignId, 'expired'],
      [campaignId, 'offered'],
    ]);
    const again = offers.find(({ offer }) => offer.status === 'offered')!.offer;
    expect(again.id).not.toBe(first!.offer.id);
    const share = await me.offers.share(again.id, { platform: 'linkedin', idempotencyKey: 'again' });
    // Shared under the new consent: no tracking any more.
    expect(share.offerId).toBe(again.id);
    expect(share.sharerToken).toBeUndefined();
    // Nobody else gets a second offer, and the next run offers nothing more.
    expect(await shift.as(people.external).offers.mine()).toHaveLength(1);
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 0 });
  });
});
