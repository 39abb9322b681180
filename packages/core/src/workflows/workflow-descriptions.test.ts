import { describe, expect, it } from 'vitest';
import type { TestProgramme } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { workflowDescriptions } from './workflow-descriptions.js';

/** What happens to the publisher, and the words the offer's descriptions must then use. */
const publisherEnds: readonly [string, (world: TestProgramme) => Promise<unknown>, RegExp][] = [
  [
    'withdraws consent',
    (w) => w.shift.as(w.people.publisher).people.withdrawConsent(),
    /withdr[a-z]+ consent/,
  ],
  ['leaves', (w) => w.shift.as(w.people.master).people.leave(w.people.publisher), /\b(leaves|left)\b/],
  [
    'is erased',
    (w) => w.shift.as(w.people.master).privacy.erasePerson(w.people.publisher),
    /\b(is|was) erased\b/,
  ],
];

describe('the descriptions of the offer workflow (docs/workflows/offer.md)', () => {
  it.each(publisherEnds)(
    'name every way an open offer expires: when its publisher %s',
    async (_, end, words) => {
      const world = await createTestProgramme();
      await aRunningCampaign(world, [await anApprovedPost(world)]);
      const master = world.shift.as(world.people.master);
      const offer = (await master.offers.list()).find((o) => o.publisherId === world.people.publisher);
      expect(offer?.status).toBe('offered');
      await end(world);
      expect((await master.offers.get(offer?.id ?? '')).offer.status).toBe('expired');
      const { offer: described } = workflowDescriptions;
      expect(described.states.expired).toMatch(words);
      expect(described.events.EXPIRE).toMatch(words);
    },
  );
});

describe('the descriptions of the post workflow (docs/workflows/post.md)', () => {
  it("name every time a campaign offers a post: also when a scheduled post's time comes while it runs", async () => {
    const world = await createTestProgramme();
    const postId = await anApprovedPost(world);
    const master = world.shift.as(world.people.master);
    const at = new Date(world.clock.now() + 2 * 86_400_000).toISOString();
    await master.posts.schedule(postId, { at });
    await aRunningCampaign(world, [postId]);
    expect((await master.posts.get(postId)).status).toBe('scheduled');
    world.clock.advance(2 * 86_400_000);
    expect((await world.shift.system.runDueTransitions()).postsOffered).toBe(1);
    expect((await master.posts.get(postId)).status).toBe('offered');
    const { post } = workflowDescriptions;
    expect(post.events.OFFER).toMatch(/scheduled time/);
    expect(post.states.scheduled).toMatch(/campaign/);
  });
});

describe('the descriptions of the post workflow, on expiry (docs/workflows/post.md)', () => {
  it('say that a campaign ending expires only the posts it has on offer, not an approved post it never offered', async () => {
    const world = await createTestProgramme();
    const master = world.shift.as(world.people.master);
    const offered = await anApprovedPost(world);
    const waiting = await anApprovedPost(world);
    const running = await aRunningCampaign(world, [offered]);
    const later = await master.campaigns.create({
      name: 'Autumn recruitment',
      pillarIds: [world.pillarId],
      postIds: [waiting],
      audience: { everyone: true },
      startsAt: new Date(world.clock.now() + 7 * 86_400_000).toISOString(),
      endsAt: new Date(world.clock.now() + 21 * 86_400_000).toISOString(),
    });
    await master.campaigns.schedule(later.id);
    await master.campaigns.cancel(later.id);
    await master.campaigns.complete(running);
    expect((await master.posts.get(offered)).status).toBe('expired');
    expect((await master.posts.get(waiting)).status).toBe('approved');
    const { post } = workflowDescriptions;
    expect(post.events.EXPIRE).toMatch(/on offer/);
    expect(post.states.expired).toMatch(/on offer/);
  });
});

describe('the descriptions of the programme-cycle workflow (docs/workflows/programme-cycle.md)', () => {
  it('say which strategy version a cycle runs on: the one its strategy step ends with, not the one it started on', async () => {
    const { shift, people, pillarId } = await createTestProgramme();
    const master = shift.as(people.master);
    const cycle = await master.cycles.start();
    const started = cycle.strategyVersion;
    await master.strategy.update({
      pillars: [
        { id: pillarId, name: 'Care with a face' },
        { id: 'pillar_jobs', name: 'Work with us' },
      ],
    });
    expect((await master.strategy.get()).strategyVersion).toBe(started + 1);
    expect((await master.cycles.moveTo({ step: 'activation' })).strategyVersion).toBe(started + 1);
    expect(workflowDescriptions['programme-cycle'].states.strategy).toMatch(/version this step ends with/);
  });
});

describe('the descriptions of the offer workflow, on sharing (docs/workflows/offer.md)', () => {
  it('say that a share gets a tracked link only when its publisher consented to tracking', async () => {
    const world = await createTestProgramme();
    const me = world.shift.as(world.people.publisher);
    await me.people.withdrawConsent();
    await me.people.consent({ purposes: ['offers'], termsVersion: 'v2' });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [mine] = await me.offers.mine();
    const share = await me.offers.share(mine?.offer.id ?? '', { platform: 'linkedin', idempotencyKey: 'k1' });
    expect(share.trackedUrl).toBe(mine?.post.link);
    expect(share.sharerToken).toBeUndefined();
    const { offer } = workflowDescriptions;
    for (const text of [offer.description, offer.events.SHARE]) {
      expect(text).not.toMatch(/Share with a tracked link/);
      expect(text).toMatch(/tracked link when .*consented to tracking/);
    }
  });
});

describe('the descriptions of the campaign workflow, on pausing (docs/workflows/campaign.md)', () => {
  it('say that a paused campaign keeps its offers open but takes no shares, and still completes at its end', async () => {
    const world = await createTestProgramme();
    const campaignId = await aRunningCampaign(world, [await anApprovedPost(world)]);
    const master = world.shift.as(world.people.master);
    await master.campaigns.pause(campaignId);
    const me = world.shift.as(world.people.publisher);
    const [mine] = await me.offers.mine();
    expect(mine?.offer.status).toBe('offered');
    await expect(
      me.offers.share(mine?.offer.id ?? '', { platform: 'linkedin', idempotencyKey: 'k1' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    world.clock.advance(15 * 86_400_000);
    expect((await master.campaigns.get(campaignId)).status).toBe('completed');
    const { campaign } = workflowDescriptions;
    expect(campaign.states.paused).toMatch(/offers stay open/);
    expect(campaign.states.paused).toMatch(/no shares/);
    expect(campaign.states.paused).toMatch(/`endsAt`/);
  });
});
