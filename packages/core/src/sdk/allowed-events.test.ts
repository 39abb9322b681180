import { describe, expect, it } from 'vitest';
import { SocialShiftError } from '../errors/social-shift-error.js';
import type { StoragePort } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';

describe('allowedEvents', () => {
  it('answers nothing about an entity the person may not read', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId } = world;
    const contribution = await shift
      .as(people.creator)
      .contributions.create({ kind: 'news', title: 'We won an award', pillarIds: [pillarId] });
    const draft = await shift
      .as(people.editor)
      .posts.create({ title: 'Open day', text: 'Meet us on Saturday.', pillarIds: [pillarId] });
    const campaignId = await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await shift.as(people.publisher).offers.mine();
    const outsider = shift.as(people.outsider);
    expect(await outsider.contributions.allowedEvents(contribution.id)).toEqual([]);
    expect(await outsider.posts.allowedEvents(draft.id)).toEqual([]);
    expect(await outsider.campaigns.allowedEvents(campaignId)).toEqual([]);
    expect(await outsider.people.allowedEvents(people.publisher)).toEqual([]);
    expect(await shift.as(people.external).offers.allowedEvents(offer!.offer.id)).toEqual([]);
    // Those who may read still get the events their roles allow.
    expect(await shift.as(people.creator).contributions.allowedEvents(contribution.id)).toContain('SUBMIT');
    expect(await shift.as(people.editor).posts.allowedEvents(draft.id)).toContain('SUBMIT');
    expect(await shift.as(people.publisher).offers.allowedEvents(offer!.offer.id)).toContain('SHARE');
    expect(await shift.as(people.master).people.allowedEvents(people.publisher)).toContain('LEAVE');
  });

  it('answers nothing even when an override lets the person act but not read', async () => {
    // A configuration that lets creators approve posts, without letting them read posts.
    const world = await createTestProgramme({
      config: { permissions: { 'posts.approve': { creator: 'organisation' } } },
    });
    const { shift, people, pillarId } = world;
    const post = await shift
      .as(people.editor)
      .posts.create({ title: 'Open day', text: 'Meet us on Saturday.', pillarIds: [pillarId] });
    await shift.as(people.editor).posts.submit(post.id);
    expect(await shift.as(people.master).posts.allowedEvents(post.id)).toContain('APPROVE');
    expect(await shift.as(people.creator).posts.allowedEvents(post.id)).toEqual([]);
    await expect(shift.as(people.creator).posts.get(post.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('offers no SHARE while the campaign is paused or the post is off offer, as share would refuse it', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const master = shift.as(people.master);
    const postId = await anApprovedPost(world);
    const campaignId = await aRunningCampaign(world, [postId]);
    const publisher = shift.as(people.publisher).offers;
    const [mine] = await publisher.mine();
    const offerId = mine!.offer.id;
    await master.campaigns.pause(campaignId);
    expect(await publisher.allowedEvents(offerId)).toEqual(['SEE', 'DECLINE']);
    await expect(
      publisher.share(offerId, { platform: 'linkedin', idempotencyKey: 'paused' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await master.campaigns.resume(campaignId);
    expect(await publisher.allowedEvents(offerId)).toEqual(['SEE', 'SHARE', 'DECLINE']);
    await publisher.share(offerId, { platform: 'linkedin', idempotencyKey: 'running' });
    // Shared once, the offer may be shared on more platforms, but not while its campaign is paused.
    expect(await publisher.allowedEvents(offerId)).toEqual(['SHARE']);
    await master.campaigns.pause(campaignId);
    expect(await publisher.allowedEvents(offerId)).toEqual([]);
  });

  it("offers no OFFER on a post to whom only the post's author may run campaigns, as start would refuse it", async () => {
    // `own` reaches what is the actor's own: a campaign has no owner, so no campaign offers a post by `own`, also
    // not one the actor wrote (the post's own target names its author).
    const world = await createTestProgramme({
      config: { permissions: { 'campaigns.run': { editor: 'own' } } },
    });
    const { shift, people, pillarId, clock } = world;
    const postId = await anApprovedPost(world); // written by the editor
    expect(await shift.as(people.editor).posts.allowedEvents(postId)).toEqual([
      'SCHEDULE',
      'WITHDRAW',
      'ARCHIVE',
    ]);
    const campaign = await shift.as(people.master).campaigns.create({
      name: 'Open day',
      pillarIds: [pillarId],
      postIds: [postId],
      audience: { everyone: true },
      startsAt: new Date(clock.now() + 3_600_000).toISOString(),
      endsAt: new Date(clock.now() + 7 * 86_400_000).toISOString(),
    });
    await shift.as(people.master).campaigns.schedule(campaign.id);
    await expect(shift.as(people.editor).campaigns.start(campaign.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('never lists OFFER on a post: no post command sends it, a campaign offers it (START, RESUME) when it can', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    const posts = shift.as(people.master).posts;
    // Approved, in no campaign: nothing offers it now.
    const idle = await anApprovedPost(world);
    expect(await posts.allowedEvents(idle)).toEqual(['SCHEDULE', 'WITHDRAW', 'ARCHIVE']);
    // Scheduled for later: a campaign that starts now offers it only at its time.
    const later = await anApprovedPost(world);
    await posts.schedule(later, { at: new Date(clock.now() + 2 * 86_400_000).toISOString() });
    expect(await posts.allowedEvents(later)).toEqual(['SCHEDULE', 'WITHDRAW']);
    const now = await anApprovedPost(world);
    await aRunningCampaign(world, [now, later]);
    expect((await posts.get(later)).status).toBe('scheduled');
    expect(await posts.allowedEvents(later)).toEqual(['SCHEDULE', 'WITHDRAW']);
    expect((await posts.get(now)).status).toBe('offered');
    expect(await posts.allowedEvents(now)).toEqual(['WITHDRAW']);
  });

  it('offers no SCHEDULE for a campaign with a post not approved, or whose window has ended, as schedule would refuse it', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId, clock } = world;
    const master = shift.as(people.master).campaigns;
    const draft = await shift
      .as(people.editor)
      .posts.create({ title: 'Open day', text: 'Meet us on Saturday.', pillarIds: [pillarId] });
    const now = clock.now();
    const campaign = await master.create({
      name: 'Open day',
      pillarIds: [pillarId],
      postIds: [draft.id],
      audience: { everyone: true },
      startsAt: new Date(now + 3_600_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
    });
    expect(await master.allowedEvents(campaign.id)).not.toContain('SCHEDULE');
    await expect(master.schedule(campaign.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    // With only approved posts it may be scheduled, until its window has ended.
    await master.update(campaign.id, { postIds: [await anApprovedPost(world)] });
    expect(await master.allowedEvents(campaign.id)).toEqual(['UPDATE', 'SCHEDULE', 'CANCEL']);
    clock.advance(2 * 86_400_000);
    expect(await master.allowedEvents(campaign.id)).not.toContain('SCHEDULE');
    await expect(master.schedule(campaign.id)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await master.allowedEvents(campaign.id)).toContain('CANCEL');
  });

  it('throws what the storage throws while it checks an event, as the command would, instead of leaving the event out', async () => {
    const inner = createMemoryStorage();
    let busy = false;
    const storage: StoragePort = {
      ...inner,
      get: (organisationId, collection, id) =>
        busy && collection === 'post'
          ? Promise.reject(new SocialShiftError('RATE_LIMITED', 'The store is busy.', { details: {} }))
          : inner.get(organisationId, collection, id),
    };
    const world = await createTestProgramme({ storage });
    const { shift, people, pillarId, clock } = world;
    const master = shift.as(people.master).campaigns;
    const campaign = await master.create({
      name: 'Open day',
      pillarIds: [pillarId],
      postIds: [await anApprovedPost(world)],
      audience: { everyone: true },
      startsAt: new Date(clock.now() + 3_600_000).toISOString(),
      endsAt: new Date(clock.now() + 86_400_000).toISOString(),
    });
    busy = true;
    await expect(master.schedule(campaign.id)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(master.allowedEvents(campaign.id)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    busy = false;
    expect(await master.allowedEvents(campaign.id)).toContain('SCHEDULE');
  });

  it('offers no LEAVE for the last master and nothing for an erased person, as the commands would refuse them', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const master = shift.as(people.master);
    expect(await master.people.allowedEvents(people.master)).not.toContain('LEAVE');
    await expect(master.people.leave(people.master)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A second master: either may leave now.
    await master.people.assignRole(people.editor, { role: 'master' });
    expect(await master.people.allowedEvents(people.master)).toContain('LEAVE');
    expect(await master.people.allowedEvents(people.publisher)).toContain('LEAVE');
    await master.privacy.erasePerson(people.publisher);
    expect(await master.people.allowedEvents(people.publisher)).toEqual([]);
    await expect(master.people.leave(people.publisher)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
