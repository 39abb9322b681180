// Which offers the view draws share buttons for, without a browser: the SDK's answer is asked once per publisher,
// campaign and post state in a redraw, not once per offer, and is the same as asking for each offer.
import { memoryStorage } from '@social-shift/adapters/memory';
import { createSocialShift, type SocialShift, type StoragePort } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { seedDemoProgramme } from '../src/demo-programme.js';
import { shareableOffers } from '../src/publisher-view.js';

/** The storage, and how many reads (documents, queries, events) went through it since `reset`. */
function countingStorage(storage: StoragePort) {
  let reads = 0;
  const counted: StoragePort = Object.create(storage);
  counted.get = (...args) => {
    reads++;
    return storage.get(...args);
  };
  counted.query = (...args) => {
    reads++;
    return storage.query(...args);
  };
  counted.readEvents = (...args) => {
    reads++;
    return storage.readEvents(...args);
  };
  return {
    storage: counted,
    reads: () => reads,
    reset: () => {
      reads = 0;
    },
  };
}

/** Starts a running campaign that offers `count` new approved posts to every publisher with consent. */
async function campaignOf(shift: SocialShift, masterId: string, count: number, now: Date): Promise<string> {
  const master = shift.as(masterId);
  const [author, reviewer] = (await master.people.list()).filter((p) => p.displayName.startsWith('E'));
  const postIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const post = await shift.as(author!.id).posts.create({
      title: `Post ${i}`,
      text: `Text ${i}`,
      link: 'https://example.org/',
      language: 'en',
    });
    await shift.as(author!.id).posts.submit(post.id);
    await shift.as(reviewer!.id).posts.approve(post.id);
    postIds.push(post.id);
  }
  const campaign = await master.campaigns.create({
    name: `Campaign of ${count}`,
    postIds,
    audience: { everyone: true },
    startsAt: new Date(now.getTime() + 60_000).toISOString(),
    endsAt: new Date(now.getTime() + 86_400_000).toISOString(),
  });
  await master.campaigns.schedule(campaign.id);
  await master.campaigns.start(campaign.id);
  return campaign.id;
}

describe('shareableOffers', () => {
  it('asks once per campaign, not once per offer, when 50 shared offers are drawn', async () => {
    const counting = countingStorage(memoryStorage());
    const shift = createSocialShift({ storage: counting.storage, organisationId: 'org_korenschoof' });
    const now = new Date();
    const { masterId, publisherId } = await seedDemoProgramme(shift, now);
    await campaignOf(shift, masterId, 49, now);
    const me = shift.as(publisherId);
    for (const { offer } of await me.offers.mine())
      await me.offers.share(offer.id, { platform: 'linkedin', idempotencyKey: offer.id });
    const offers = await me.offers.mine();
    expect(offers.map(({ offer }) => offer.status)).toEqual(Array(50).fill('shared'));

    counting.reset();
    await me.offers.allowedEvents(offers[0]!.offer.id);
    const onceReads = counting.reads();
    counting.reset();
    expect(await shareableOffers(me, offers)).toEqual(Array(50).fill(true));
    // Once per campaign and post state (the demo's campaign and the one of 49 posts): 12 reads, where asking for
    // each offer read 300.
    expect(counting.reads()).toBe(2 * onceReads);
  });

  it('asks once per campaign for offers offered, seen and shared alike', async () => {
    const counting = countingStorage(memoryStorage());
    const shift = createSocialShift({ storage: counting.storage, organisationId: 'org_korenschoof' });
    const now = new Date();
    const { masterId, publisherId } = await seedDemoProgramme(shift, now);
    await campaignOf(shift, masterId, 29, now);
    const me = shift.as(publisherId);
    // A third of the offers shared, a third seen, a third left as offered.
    for (const [i, { offer }] of (await me.offers.mine()).entries()) {
      if (i % 3 === 0) await me.offers.share(offer.id, { platform: 'x', idempotencyKey: offer.id });
      else if (i % 3 === 1) await me.offers.see(offer.id);
    }
    const offers = await me.offers.mine();
    expect(new Set(offers.map(({ offer }) => offer.status))).toEqual(new Set(['offered', 'seen', 'shared']));

    counting.reset();
    await me.offers.allowedEvents(offers[0]!.offer.id);
    const onceReads = counting.reads();
    counting.reset();
    expect(await shareableOffers(me, offers)).toEqual(Array(30).fill(true));
    expect(counting.reads()).toBe(2 * onceReads);
  });

  it('gives what allowedEvents gives for each offer, offered, seen, shared or declined, also in a paused campaign', async () => {
    const shift = createSocialShift({ storage: memoryStorage(), organisationId: 'org_korenschoof' });
    const now = new Date();
    const { masterId, publisherId } = await seedDemoProgramme(shift, now);
    const paused = await campaignOf(shift, masterId, 4, now);
    await campaignOf(shift, masterId, 4, now);
    const me = shift.as(publisherId);
    // In each campaign one offer shared, one seen, one declined and one left as offered; then one campaign
    // paused: none of its offers can be shared now, whatever their state.
    const byCampaign = new Map<string, string[]>();
    for (const { offer } of await me.offers.mine())
      byCampaign.set(offer.campaignId, [...(byCampaign.get(offer.campaignId) ?? []), offer.id]);
    for (const ids of byCampaign.values()) {
      if (ids.length < 4) continue;
      await me.offers.share(ids[0]!, { platform: 'x', idempotencyKey: ids[0]! });
      await me.offers.see(ids[1]!);
      await me.offers.decline(ids[2]!);
    }
    await shift.as(masterId).campaigns.pause(paused);
    const offers = await me.offers.mine();
    const inPaused = offers
      .filter(({ offer }) => offer.campaignId === paused)
      .map(({ offer }) => offer.status);
    expect(new Set(inPaused)).toEqual(new Set(['offered', 'seen', 'shared', 'declined']));
    const each = await Promise.all(
      offers.map(async ({ offer }) => (await me.offers.allowedEvents(offer.id)).includes('SHARE')),
    );
    expect(each).toContain(true);
    expect(each).toContain(false);
    expect(await shareableOffers(me, offers)).toEqual(each);
  });

  it("answers for each publisher's offers apart, when one person is given offers of two", async () => {
    const shift = createSocialShift({ storage: memoryStorage(), organisationId: 'org_korenschoof' });
    const now = new Date();
    const { masterId, publisherId } = await seedDemoProgramme(shift, now);
    const master = shift.as(masterId);
    // An editor who is also a publisher may read every offer, but share only their own.
    const editor = (await master.people.list()).find((p) => p.displayName.startsWith('E'))!;
    await master.people.assignRole(editor.id, { role: 'publisher' });
    await master.people.invite(editor.id);
    await shift.as(editor.id).people.consent({ purposes: ['offers', 'tracking'], termsVersion: '2026-01' });
    const campaignId = await campaignOf(shift, masterId, 1, now);
    const other = shift.as(publisherId);
    const me = shift.as(editor.id);
    const theirs = (await other.offers.mine()).find(({ offer }) => offer.campaignId === campaignId)!;
    const mine = (await me.offers.mine()).find(({ offer }) => offer.campaignId === campaignId)!;
    await other.offers.share(theirs.offer.id, { platform: 'x', idempotencyKey: 'theirs' });
    await me.offers.share(mine.offer.id, { platform: 'x', idempotencyKey: 'mine' });
    const offers = [await me.offers.get(theirs.offer.id), await me.offers.get(mine.offer.id)];
    const each = await Promise.all(
      offers.map(async ({ offer }) => (await me.offers.allowedEvents(offer.id)).includes('SHARE')),
    );
    expect(each).toEqual([false, true]);
    expect(await shareableOffers(me, offers)).toEqual(each);
  });
});
