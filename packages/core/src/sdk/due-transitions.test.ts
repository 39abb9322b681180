import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';

const DAY = 86_400_000;

describe('runDueTransitions and campaigns', () => {
  it('completes a campaign past its end while a reader expires its posts and offers at the same moment', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, storage } = world;
    const campaignId = await aRunningCampaign(world, [await anApprovedPost(world)]);
    clock.advance(20 * DAY); // the campaign ended after 14 days
    const [report] = await Promise.all([
      shift.system.runDueTransitions(),
      shift.as(people.publisher).offers.mine(),
    ]);
    expect(report.campaignsCompleted).toBe(1);
    expect((await storage.get(shift.organisationId, 'campaign', campaignId))?.data.status).toBe('completed');
    const completions = await shift.readEvents({ entityId: campaignId, types: ['campaign.completed'] });
    expect(completions).toHaveLength(1);
  });

  it('offers the posts of a running campaign to someone who joins its audience, at the next run, once', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const campaignId = await aRunningCampaign(world, [
      await anApprovedPost(world),
      await anApprovedPost(world),
    ]);
    const late = (await shift.as(people.master).people.add({ displayName: 'Lotte Late' })).id;
    await shift.as(people.master).people.assignRole(late, { role: 'publisher' });
    await shift.as(people.master).people.invite(late);
    await shift.as(late).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
    expect(await shift.as(late).offers.mine()).toEqual([]);
    const offersBefore = (await shift.as(people.master).offers.list({ campaignId })).length;
    const report = await shift.system.runDueTransitions();
    expect(report.postsOffered).toBe(2);
    const mine = await shift.as(late).offers.mine();
    expect(mine.map((o) => o.offer.campaignId)).toEqual([campaignId, campaignId]);
    // Only the newcomer got offers, and a second run offers nothing more.
    expect((await shift.as(people.master).offers.list({ campaignId })).length).toBe(offersBefore + 2);
    expect((await shift.system.runDueTransitions()).postsOffered).toBe(0);
    expect(await shift.as(late).offers.mine()).toHaveLength(2);
  });

  it('completes it once when two runs and a read race: each completion is counted by one report', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, storage } = world;
    const expiring = await anApprovedPost(world, {
      expiresAt: new Date(clock.now() + 3 * DAY).toISOString(),
    });
    const campaignId = await aRunningCampaign(world, [expiring, await anApprovedPost(world)]);
    clock.advance(20 * DAY);
    const [first, second] = await Promise.all([
      shift.system.runDueTransitions(),
      shift.system.runDueTransitions(),
      shift.as(people.publisher).offers.mine(),
    ]);
    expect(first.campaignsCompleted + second.campaignsCompleted).toBe(1);
    expect((await storage.get(shift.organisationId, 'campaign', campaignId))?.data.status).toBe('completed');
    expect(await shift.readEvents({ entityId: campaignId, types: ['campaign.completed'] })).toHaveLength(1);
    // Nothing is left for a third run.
    expect(await shift.system.runDueTransitions()).toMatchObject({ campaignsCompleted: 0, postsExpired: 0 });
    for (const post of await storage.query(shift.organisationId, 'post'))
      expect(post.data.status).toBe('expired');
  });

  it('starts and completes a scheduled campaign whose whole window passed without offering anything', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, storage } = world;
    const postId = await anApprovedPost(world);
    const at = (days: number) => new Date(clock.now() + days * DAY).toISOString();
    const campaign = await shift.as(people.master).campaigns.create({
      name: 'Short',
      pillarIds: [world.pillarId],
      postIds: [postId],
      audience: { everyone: true },
      startsAt: at(1),
      endsAt: at(2),
    });
    await shift.as(people.master).campaigns.schedule(campaign.id);
    const emitted: string[] = [];
    shift.events.onAny((event) => emitted.push(`${event.type} ${event.entityId}`));
    clock.advance(8 * DAY); // no scheduler ran during the window
    expect(await shift.system.runDueTransitions()).toEqual({
      campaignsStarted: 1,
      campaignsCompleted: 1,
      postsOffered: 0,
      postsExpired: 0,
      offersExpired: 0,
      peopleDormant: 0,
    });
    expect(emitted).toEqual([`campaign.started ${campaign.id}`, `campaign.completed ${campaign.id}`]);
    expect(await storage.query(shift.organisationId, 'offer')).toEqual([]);
    // The post was never on offer: it stays approved, for another campaign.
    expect((await storage.get(shift.organisationId, 'post', postId))?.data.status).toBe('approved');
  });

  it('still offers the posts of a scheduled campaign that started late but has not ended', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    const postId = await anApprovedPost(world);
    const at = (days: number) => new Date(clock.now() + days * DAY).toISOString();
    const campaign = await shift.as(people.master).campaigns.create({
      name: 'Late',
      pillarIds: [world.pillarId],
      postIds: [postId],
      audience: { everyone: true },
      startsAt: at(1),
      endsAt: at(10),
    });
    const { endsAt } = campaign;
    await shift.as(people.master).campaigns.schedule(campaign.id);
    clock.advance(5 * DAY);
    expect(await shift.system.runDueTransitions()).toMatchObject({
      campaignsStarted: 1,
      campaignsCompleted: 0,
    });
    const [offer] = await shift.as(people.publisher).offers.mine();
    expect(offer?.offer.expiresAt).toBe(endsAt);
  });

  it('offers a due post of a campaign that targets nobody once, and again only when someone joins', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const master = shift.as(people.master);
    const at = (hours: number) => new Date(clock.now() + hours * 3_600_000).toISOString();
    const later = await anApprovedPost(world);
    const earlier = await anApprovedPost(world);
    await master.posts.schedule(later, { at: at(48) });
    await master.posts.schedule(earlier, { at: at(0.5) }); // due before the campaign starts
    const campaign = await master.campaigns.create({
      name: 'Nobody yet',
      pillarIds: [pillarId],
      postIds: [later, earlier],
      audience: { personIds: [people.outsider] }, // no publisher role, no consent
      startsAt: at(1),
      endsAt: at(240),
    });
    await master.campaigns.schedule(campaign.id);
    const offered = async () =>
      (await shift.readEvents({ types: ['post.offered'] })).map((e) => e.entityId).sort();
    clock.advance(2 * 3_600_000);
    expect(await shift.system.runDueTransitions()).toMatchObject({ campaignsStarted: 1, postsOffered: 0 });
    expect(await offered()).toEqual([earlier]);
    clock.advance(3 * 86_400_000);
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 1 });
    expect(await offered()).toEqual([earlier, later].sort());
    const versions = await Promise.all(
      [later, earlier].map(async (id) => (await master.posts.get(id)).version),
    );
    for (let run = 0; run < 2; run++)
      expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 0 });
    expect(await offered()).toEqual([earlier, later].sort());
    expect(
      await Promise.all([later, earlier].map(async (id) => (await master.posts.get(id)).version)),
    ).toEqual(versions);
    // Someone new to offer to: each post is offered to them, once.
    await master.people.assignRole(people.outsider, { role: 'publisher' });
    await master.people.invite(people.outsider);
    await shift.as(people.outsider).people.consent({ purposes: ['offers'], termsVersion: 'v1' });
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 2 });
    expect((await shift.as(people.outsider).offers.mine()).map((o) => o.post.id).sort()).toEqual(
      [earlier, later].sort(),
    );
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 0 });
  });
});

describe('a scheduled post moved to another time', () => {
  it('is offered at its new time, not at the old one, and the campaign that refused it takes it once it is earlier', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const master = shift.as(people.master);
    const DAY = 86_400_000;
    const at = (days: number) => new Date(clock.now() + days * DAY).toISOString();
    const postId = await anApprovedPost(world);
    await master.posts.schedule(postId, { at: at(30) }); // a wrong month
    const campaign = await master.campaigns.create({
      name: 'Open week',
      pillarIds: [pillarId],
      postIds: [postId],
      audience: { everyone: true },
      startsAt: at(1),
      endsAt: at(10),
    });
    // Scheduled after the campaign ends: refused, with the advice to schedule it earlier, which it now can be.
    await expect(master.campaigns.schedule(campaign.id)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('schedule it earlier'),
    });
    await expect(master.posts.schedule(postId, { at: at(3) })).resolves.toMatchObject({
      status: 'scheduled',
      scheduledAt: at(3),
    });
    await master.campaigns.schedule(campaign.id);
    const offered = async () => (await shift.readEvents({ types: ['post.offered'] })).length;
    clock.advance(2 * DAY);
    await shift.system.runDueTransitions();
    expect(await offered()).toBe(0);
    clock.advance(1 * DAY);
    expect(await shift.system.runDueTransitions()).toMatchObject({ postsOffered: 1 });
    expect(await offered()).toBe(1);
    // On offer, its time has passed: it is no longer scheduled.
    await expect(master.posts.schedule(postId, { at: at(1) })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});

/**
 * A memory store whose query of `collection` (with `field` in its `where`) runs `during.hook` right after it read,
 * once: another command lands between a run's read and its commit.
 */
function storageWithHook(collection: string, field: string) {
  const inner = createMemoryStorage();
  const during: { hook?: (() => Promise<unknown>) | undefined } = {};
  const storage: typeof inner = {
    ...inner,
    async query(organisationId, name, query) {
      const found = await inner.query(organisationId, name, query);
      const hook = during.hook;
      if (name === collection && hook && query?.where !== undefined && field in query.where) {
        during.hook = undefined;
        await hook();
      }
      return found;
    },
  };
  return { storage, during };
}

describe('a due run while a campaign pauses or ends', () => {
  // The campaign pauses or ends right after the run read the campaigns (it still holds it as running), or right
  // after it read the campaign's offers to offer a scheduled post whose time came.
  const moments = [
    ['after the run read the campaigns', 'campaign', 'status'],
    ['after the run read its offers', 'offer', 'campaignId'],
  ] as const;
  for (const how of ['pause', 'cancel', 'complete'] as const)
    for (const [moment, collection, field] of moments)
      it(`offers nothing in a campaign that it sees running when it ${how}s ${moment}`, async () => {
        const { storage, during } = storageWithHook(collection, field);
        const world = await createTestProgramme({ storage });
        const { shift, people, clock } = world;
        const master = shift.as(people.master);
        const postId = await anApprovedPost(world);
        await master.posts.schedule(postId, { at: new Date(clock.now() + 3 * 3_600_000).toISOString() });
        const campaignId = await aRunningCampaign(world, [postId]);
        clock.advance(4 * 3_600_000);
        let stopped: unknown;
        during.hook = async () => {
          stopped = await master.campaigns[how](campaignId).catch((error: unknown) => error);
        };
        const report = await shift.system.runDueTransitions();
        expect(during.hook).toBeUndefined();
        // Of the two, the one that commits second gets CONFLICT (the run leaves the post for its next turn); run
        // again, the command sees the run's offers.
        if ((stopped as { code?: string }).code === 'CONFLICT') {
          expect(report.postsOffered).toBe(1);
          await master.campaigns[how](campaignId);
        } else expect(report.postsOffered).toBe(0);
        const status = ({ pause: 'paused', cancel: 'cancelled', complete: 'completed' } as const)[how];
        expect((await master.campaigns.get(campaignId)).status).toBe(status);
        const events: string[] = (await shift.readEvents()).map((e) => e.type);
        // No offer after the campaign stopped offering; an ended campaign leaves no open offer.
        expect(events.slice(events.indexOf(`campaign.${status}`))).not.toContain('offer.created');
        if (how !== 'pause') {
          const open = (await master.offers.list({ campaignId })).filter(
            (o) => o.status === 'offered' || o.status === 'seen',
          );
          expect(open).toEqual([]);
        }
      });
});

describe('dormancy while people share or submit', () => {
  it('does not mark dormant a publisher who shares while the run goes through the people', async () => {
    // The run reads everyone's latest activity (contributions among it) before it marks anyone: the share lands
    // right after that read, before the publisher's turn.
    const { storage, during } = storageWithHook('contribution', 'creatorId');
    const world = await createTestProgramme({ storage, config: { dormantAfterDays: 10 } });
    const { shift, people, clock } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    clock.advance(13 * DAY);
    const [offer] = await shift.as(people.publisher).offers.mine();
    during.hook = () =>
      shift
        .as(people.publisher)
        .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 'share-during-run' });
    const report = await shift.system.runDueTransitions();
    expect(during.hook).toBeUndefined();
    expect((await shift.as(people.master).people.get(people.publisher)).status).toBe('active');
    expect(await shift.readEvents({ entityId: people.publisher, types: ['person.dormant'] })).toEqual([]);
    // The others idle as long are marked, each once.
    const marked = await shift.readEvents({ types: ['person.dormant'] });
    expect(report.peopleDormant).toBeGreaterThan(0);
    expect(marked).toHaveLength(report.peopleDormant);
  });

  it('does not mark dormant a creator who submits a contribution while the run goes through the people', async () => {
    const { storage, during } = storageWithHook('contribution', 'creatorId');
    const world = await createTestProgramme({ storage, config: { dormantAfterDays: 10 } });
    const { shift, people, clock } = world;
    const creator = shift.as(people.creator);
    // An ambassador: invited, and active once they consent.
    await shift.as(people.master).people.invite(people.creator);
    await creator.people.consent({ purposes: ['digests'], termsVersion: 'v1' });
    expect((await creator.people.get(people.creator)).status).toBe('active');
    const draft = await creator.contributions.create({
      kind: 'photo',
      title: 'Night shift',
      pillarIds: [world.pillarId],
    });
    clock.advance(13 * DAY);
    let submitted: unknown;
    during.hook = async () => {
      submitted = await creator.contributions.submit(draft.id).catch((error: unknown) => error);
    };
    const report = await shift.system.runDueTransitions();
    expect(during.hook).toBeUndefined();
    // The submission committed between the run's read of the creator's activity and its commit: the run leaves them
    // as they are (it skips a person whose guard moved), and marks the others idle as long.
    expect(submitted).toMatchObject({ status: 'submitted' });
    expect(report.peopleDormant).toBeGreaterThan(0);
    expect((await shift.as(people.master).people.get(people.creator)).status).toBe('active');
    expect(await shift.readEvents({ entityId: people.creator, types: ['person.dormant'] })).toEqual([]);
  });
});
