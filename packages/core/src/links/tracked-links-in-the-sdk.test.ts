import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import type { ShareGuardrails } from '../guardrails/share-guardrails.js';
import { createGuardrailPolicy } from '../guardrails/share-guardrails.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { createLinkTracker } from './link-tracker.js';
import { recordTrackedClick, verifyTrackedClick } from './record-tracked-click.js';

// The tracker and the guardrails plugged into the real SDK (createSocialShift on memory storage), as the
// default wiring will do: offers.share tags the link and checks the policy; a click comes back through
// recordTrackedClick and platform.recordClick.

const SECRET = 'the-organisation-secret-of-at-least-32-bytes';

async function programme(guardrails: ShareGuardrails = {}) {
  const tracker = createLinkTracker({ secret: SECRET });
  const world = await createTestProgramme({ links: tracker, sharePolicy: createGuardrailPolicy(guardrails) });
  const postId = await anApprovedPost(world);
  await aRunningCampaign(world, [postId]);
  const [offer] = await world.shift.as(world.people.publisher).offers.mine();
  return { ...world, tracker, postId, offerId: offer!.offer.id };
}

const clicks = async (world: Awaited<ReturnType<typeof programme>>) =>
  (await world.shift.readEvents()).filter((e) => e.type === 'platform.click');

describe('tracked links in the SDK', () => {
  it('tags every share with UTM tags and an opaque token, and records a click on it once per click id', async () => {
    const world = await programme();
    const share = await world.shift
      .as(world.people.publisher)
      .offers.share(world.offerId, { platform: 'linkedin', idempotencyKey: 'share-1' });
    const url = new URL(share.trackedUrl!);
    expect(url.searchParams.get('utm_source')).toBe('linkedin');
    expect(url.searchParams.get('utm_medium')).toBe('social');
    expect(url.searchParams.get('utm_content')).toBe(world.postId);
    expect(url.searchParams.get('ss_ref')).toBe(share.sharerToken);
    expect(share.trackedUrl).not.toContain(world.people.publisher);

    const first = await recordTrackedClick(world.shift, world.tracker, {
      url: share.trackedUrl!,
      clickId: 'c1',
    });
    expect(first.shareId).toBe(share.id);
    expect(first.attribution.destination).toBe('https://example.org/ward');
    await recordTrackedClick(world.shift, world.tracker, { url: share.trackedUrl!, clickId: 'c1' });
    await recordTrackedClick(world.shift, world.tracker, { url: share.trackedUrl!, clickId: 'c2' });
    const recorded = await clicks(world);
    expect(recorded).toHaveLength(2);
    expect(recorded[0]?.data).toMatchObject({
      shareId: share.id,
      postId: world.postId,
      publisherId: world.people.publisher,
      platform: 'linkedin',
    });
  });

  it('records no click for a forged link', async () => {
    const world = await programme();
    const share = await world.shift
      .as(world.people.publisher)
      .offers.share(world.offerId, { platform: 'linkedin', idempotencyKey: 'share-1' });
    const forged = new URL(share.trackedUrl!);
    forged.searchParams.set('utm_source', 'x');
    await expect(
      recordTrackedClick(world.shift, world.tracker, { url: forged.toString(), clickId: 'c1' }),
    ).rejects.toMatchObject({ code: 'INVALID_LINK', details: { reason: 'bad-signature' } });
    expect(await clicks(world)).toEqual([]);
  });

  it('finds the share of an erased publisher again, records no click on it, and lets it send visitors on', async () => {
    // Erasure takes the sharer token off the share, but the link lives on where it was posted.
    const world = await programme();
    const share = await world.shift
      .as(world.people.publisher)
      .offers.share(world.offerId, { platform: 'linkedin', idempotencyKey: 'share-1' });
    await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    const erased = await world.storage.get(world.shift.organisationId, 'share', share.id);
    expect(erased?.data.sharerToken).toBeUndefined();
    const verified = await verifyTrackedClick(world.shift, world.tracker, share.trackedUrl!);
    expect(verified.shareId).toBe(share.id);
    expect(verified.attribution.destination).toBe('https://example.org/ward');
    await expect(
      recordTrackedClick(world.shift, world.tracker, { url: share.trackedUrl!, clickId: 'c1' }),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect(await clicks(world)).toEqual([]);
    // A link signed for a publisher who never shared this post on this platform is still no share's.
    const stranger = await world.tracker.track({
      organisationId: world.shift.organisationId,
      link: 'https://example.org/ward',
      platform: 'linkedin',
      campaignId: share.campaignId,
      postId: share.postId,
      publisherId: world.people.editor,
    });
    await expect(verifyTrackedClick(world.shift, world.tracker, stranger.url!)).rejects.toMatchObject({
      code: 'INVALID_LINK',
      details: { reason: 'unknown-share' },
    });
  });

  it('after a change of secret, counts clicks on links signed with the old one through a tracker over it', async () => {
    const world = await programme();
    const share = await world.shift
      .as(world.people.publisher)
      .offers.share(world.offerId, { platform: 'linkedin', idempotencyKey: 'share-1' });
    const renewed = createLinkTracker({ secret: `${SECRET}-renewed` });
    const click = (clickId: string) =>
      recordTrackedClick(world.shift, renewed, { url: share.trackedUrl!, clickId }).catch(
        (error: unknown) => {
          if (!isSocialShiftError(error, 'INVALID_LINK') || error.details.reason !== 'bad-signature')
            throw error;
          return recordTrackedClick(world.shift, world.tracker, { url: share.trackedUrl!, clickId });
        },
      );
    await expect(
      recordTrackedClick(world.shift, renewed, { url: share.trackedUrl!, clickId: 'c0' }),
    ).rejects.toMatchObject({ code: 'INVALID_LINK', details: { reason: 'bad-signature' } });
    expect((await click('c1')).shareId).toBe(share.id);
    expect(await clicks(world)).toHaveLength(1);
  });

  it('lets the guardrails stop a share before anything is recorded', async () => {
    // The test programme's clock stands at 09:00 UTC = 10:00 in Amsterdam.
    const world = await programme({ maxSharesPerDay: 1, sharingHours: { from: '08:00', to: '18:00' } });
    const publisher = world.shift.as(world.people.publisher);
    await publisher.offers.share(world.offerId, { platform: 'linkedin', idempotencyKey: 'share-1' });
    const before = (await world.shift.readEvents()).length;
    const error = await publisher.offers
      .share(world.offerId, { platform: 'x', idempotencyKey: 'share-2' })
      .catch((e: unknown) => e);
    expect(isSocialShiftError(error, 'GUARDRAIL') && error.details.rule).toBe('share-limit');
    expect((await world.shift.readEvents()).length).toBe(before);

    const late = await programme({ sharingHours: { from: '08:00', to: '18:00' } });
    late.clock.set('2026-03-02T18:30:00.000Z'); // 19:30 in Amsterdam
    const refused = await late.shift
      .as(late.people.publisher)
      .offers.share(late.offerId, { platform: 'linkedin', idempotencyKey: 'share-1' })
      .catch((e: unknown) => e);
    expect(isSocialShiftError(refused, 'GUARDRAIL') && refused.details.rule).toBe('outside-sharing-hours');
  });
});
