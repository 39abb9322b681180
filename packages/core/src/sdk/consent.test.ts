import { describe, expect, it } from 'vitest';
import type { LinkTracker, TrackLinkInput } from '../ports/link-tracker.js';
import type { StoragePort } from '../ports/storage.js';
import type { TestProgramme } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { ambassadorWorkflow } from '../workflows/ambassador.js';
import { createSocialShift } from './create-social-shift.js';

/** A link tracker that remembers whom it was asked about. */
function recordingTracker(): LinkTracker & { calls: TrackLinkInput[] } {
  const calls: TrackLinkInput[] = [];
  return {
    calls,
    async track(input) {
      calls.push(input);
      return {
        url: `${input.link}?utm_source=${input.platform}&st=tok_abcdefgh`,
        sharerToken: 'tok_abcdefgh',
      };
    },
  };
}

/** Counts the transactions a storage runs. */
function countingTransactions(storage: StoragePort): { storage: StoragePort; count: () => number } {
  let count = 0;
  return {
    count: () => count,
    storage: {
      ...storage,
      name: storage.name,
      capabilities: storage.capabilities,
      get: storage.get.bind(storage),
      query: storage.query.bind(storage),
      readEvents: storage.readEvents.bind(storage),
      close: storage.close.bind(storage),
      transaction(organisationId, work) {
        count++;
        return storage.transaction(organisationId, work);
      },
      // A write set is one transaction too.
      commit(organisationId, writes) {
        count++;
        return storage.commit!(organisationId, writes);
      },
    },
  };
}

/** The publisher consents again, to `purposes` only. */
async function reconsent(world: TestProgramme, purposes: ('offers' | 'digests' | 'tracking')[]) {
  const me = world.shift.as(world.people.publisher);
  await me.people.withdrawConsent();
  await me.people.consent({ purposes, termsVersion: 'v2' });
}

describe('consent', () => {
  it('is recorded with when, for what and which version of the terms', async () => {
    const world = await createTestProgramme();
    world.clock.advance(3_600_000);
    await reconsent(world, ['offers']);
    const consents = await world.shift.as(world.people.publisher).privacy.consents(world.people.publisher);
    expect(consents.map((c) => [c.purposes, c.termsVersion, c.givenAt, c.withdrawnAt])).toEqual([
      [['offers', 'digests', 'tracking'], 'v1', '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z'],
      [['offers'], 'v2', '2026-03-02T10:00:00.000Z', undefined],
    ]);
  });

  it('lets only the person themself and a master read their consents', async () => {
    const { shift, people } = await createTestProgramme();
    await expect(shift.as(people.master).privacy.consents(people.publisher)).resolves.toHaveLength(1);
    for (const other of [people.editor, people.external, people.outsider]) {
      await expect(shift.as(other).privacy.consents(people.publisher)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it('withdrawn, expires every open offer of the person in the same transaction', async () => {
    const world = await createTestProgramme();
    const counted = countingTransactions(world.storage);
    await aRunningCampaign(world, [await anApprovedPost(world), await anApprovedPost(world)]);
    const shift = world.shift;
    const mine = await shift.as(world.people.publisher).offers.mine();
    expect(mine.map((o) => o.offer.status)).toEqual(['offered', 'offered']);
    const counting = createSocialShift({
      storage: counted.storage,
      organisationId: 'org_acme',
      clock: world.clock,
      ids: shift.ids,
    });
    const before = (await shift.readEvents()).length;
    await counting.as(world.people.publisher).people.withdrawConsent();
    expect(counted.count()).toBe(1);
    const written = (await shift.readEvents()).slice(before);
    expect(written.map((e) => e.type).sort()).toEqual([
      'consent.withdrawn',
      'offer.expired',
      'offer.expired',
      'person.updated',
    ]);
    expect(new Set(written.map((e) => e.at)).size).toBe(1);
    const after = await shift.as(world.people.publisher).offers.mine();
    expect(after.map((o) => o.offer.status)).toEqual(['expired', 'expired']);
    // The other publisher's offers are untouched.
    const theirs = await shift.as(world.people.external).offers.mine();
    expect(theirs.map((o) => o.offer.status)).toEqual(['offered', 'offered']);
  });

  it("records the workflow's event on the person when consent is withdrawn, and consent.withdrawn on each consent", async () => {
    const { shift, people } = await createTestProgramme();
    const publisher = shift.as(people.publisher).people;
    const before = (await shift.readEvents()).length;
    await publisher.withdrawConsent();
    const written = (await shift.readEvents()).slice(before);
    const own = written.filter((e) => e.entityType === 'person');
    expect(own.map((e) => e.type)).toEqual([ambassadorWorkflow.config.events.WITHDRAW_CONSENT.domainEvent]);
    expect(own[0]?.data).toMatchObject({ changes: { status: 'invited' } });
    expect(written.filter((e) => e.entityType === 'consent').map((e) => e.type)).toEqual([
      'consent.withdrawn',
    ]);
  });

  it('gives no offers before consent, and none after withdrawal until consent is given again', async () => {
    const world = await createTestProgramme();
    const master = world.shift.as(world.people.master);
    const newcomer = await master.people.add({ displayName: 'Nina Newcomer' });
    await master.people.assignRole(newcomer.id, { role: 'publisher' });
    await master.people.invite(newcomer.id);
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    expect(await world.shift.as(newcomer.id).offers.mine()).toEqual([]);
    await world.shift.as(world.people.publisher).people.withdrawConsent();
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const offers = await world.shift.as(world.people.publisher).offers.mine();
    expect(offers.every((o) => o.offer.status === 'expired')).toBe(true);
  });

  it('ends the open offers of a person who leaves', async () => {
    const world = await createTestProgramme();
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    await world.shift.as(world.people.master).people.leave(world.people.publisher);
    const offers = await world.shift.as(world.people.master).offers.list();
    const theirs = offers.filter((o) => o.publisherId === world.people.publisher);
    expect(theirs.map((o) => o.status)).toEqual(['expired']);
  });
});

describe('tracking consent', () => {
  const sharing = async (purposes: ('offers' | 'digests' | 'tracking')[]) => {
    const links = recordingTracker();
    const world = await createTestProgramme({ links });
    await reconsent(world, purposes);
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [mine] = await world.shift.as(world.people.publisher).offers.mine();
    const share = await world.shift
      .as(world.people.publisher)
      .offers.share(mine!.offer.id, { platform: 'linkedin', idempotencyKey: 'k' });
    return { world, links, share };
  };

  it('with it, the link tracker tags the link with a sharer token', async () => {
    const { links, share, world } = await sharing(['offers', 'tracking']);
    expect(links.calls.map((c) => c.publisherId)).toEqual([world.people.publisher]);
    expect(share).toMatchObject({ sharerToken: 'tok_abcdefgh' });
  });

  it('without it, the tracker never hears of the publisher and the share keeps the plain link', async () => {
    const { links, share } = await sharing(['offers']);
    expect(links.calls).toEqual([]);
    expect(share.trackedUrl).toBe('https://example.org/ward');
    expect(share.sharerToken).toBeUndefined();
  });

  it('without it, platform interactions about their shares are refused and nothing is recorded', async () => {
    const { world, share } = await sharing(['offers']);
    const before = await world.shift.readEvents();
    const attempts = [
      world.shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c' }),
      world.shift.platform.recordReaction({ shareId: share.id, idempotencyKey: 'r', count: 2 }),
      world.shift.platform.recordComment({ shareId: share.id, idempotencyKey: 'm', byAmbassador: true }),
      world.shift.platform.recordReshare({ shareId: share.id, idempotencyKey: 's' }),
      world.shift.platform.recordReach({ shareId: share.id, idempotencyKey: 'h', reach: 10 }),
    ];
    for (const attempt of attempts) {
      await expect(attempt).rejects.toMatchObject({
        code: 'CONSENT_REQUIRED',
        details: { personId: world.people.publisher, purpose: 'tracking' },
      });
    }
    expect(await world.shift.readEvents()).toEqual(before);
  });

  it('withdrawn after sharing, stops recording interactions at once', async () => {
    const { world, share } = await sharing(['offers', 'tracking']);
    await world.shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c1' });
    await world.shift.as(world.people.publisher).people.withdrawConsent();
    await expect(
      world.shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'c2' }),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    const clicks = (await world.shift.readEvents()).filter((e) => e.type === 'platform.click');
    expect(clicks).toHaveLength(1);
  });
});

describe('digest recipients', () => {
  it('are only people who consented to digests and have open offers', async () => {
    const world = await createTestProgramme();
    expect(await world.shift.system.digestRecipients()).toEqual([]);
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const everyone = await world.shift.system.digestRecipients();
    expect(everyone.map((r) => r.person.id).sort()).toEqual(
      [world.people.publisher, world.people.external].sort(),
    );
    expect(everyone[0]?.waiting).toHaveLength(1);
    await world.shift
      .as(world.people.external)
      .people.withdrawConsent()
      .then(() =>
        world.shift.as(world.people.external).people.consent({ purposes: ['offers'], termsVersion: 'v2' }),
      );
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const recipients = await world.shift.system.digestRecipients();
    expect(recipients.map((r) => r.person.id)).toEqual([world.people.publisher]);
  });

  it('drop a person the moment they withdraw consent', async () => {
    const world = await createTestProgramme();
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    await world.shift.as(world.people.publisher).people.withdrawConsent();
    const recipients = await world.shift.system.digestRecipients();
    expect(recipients.map((r) => r.person.id)).toEqual([world.people.external]);
  });

  it('leave out people who lost the publisher role, and offers they cannot share now', async () => {
    const world = await createTestProgramme();
    const master = world.shift.as(world.people.master);
    const campaignId = await aRunningCampaign(world, [await anApprovedPost(world)]);
    await master.people.revokeRole(world.people.external, { role: 'publisher' });
    const ids = async () => (await world.shift.system.digestRecipients()).map((r) => r.person.id);
    expect(await ids()).toEqual([world.people.publisher]);
    // Paused, the campaign's offers cannot be shared: no digest about them until it resumes.
    await master.campaigns.pause(campaignId);
    expect(await ids()).toEqual([]);
    await master.campaigns.resume(campaignId);
    expect(await ids()).toEqual([world.people.publisher]);
  });

  it('leave out offers that expired by time', async () => {
    const world = await createTestProgramme();
    await aRunningCampaign(world, [await anApprovedPost(world, { expiresAt: '2026-03-03T00:00:00.000Z' })]);
    world.clock.advance(2 * 86_400_000);
    expect(await world.shift.system.digestRecipients()).toEqual([]);
  });
});
