import { describe, expect, it } from 'vitest';
import { DomainEventSchema, eventPayloadSchemas } from '../model/domain-event.js';
import { createManualClock } from '../ports/clock.js';
import { createSequentialIds } from '../ports/id-generator.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { createSocialShift } from './create-social-shift.js';
import { replayEvents } from './projection.js';

describe('the whole method, as the interview describes it', () => {
  it('runs from strategy to measurement: activation, a photo story, a post, a campaign, shares on two platforms', async () => {
    const clock = createManualClock('2026-03-02T09:00:00.000Z');
    const storage = createMemoryStorage();
    const shift = createSocialShift({
      storage,
      organisationId: 'org_zorg',
      clock,
      ids: createSequentialIds(),
    });
    const emitted: string[] = [];
    shift.events.onAny((event) => emitted.push(event.type));

    // The master sets up the programme and the strategy.
    const { masterId } = await shift.setup({
      organisation: { name: 'Zorggroep Noord', timeZone: 'Europe/Amsterdam' },
      programme: { name: 'Social Shift 2026', claimedPurposes: ['recruitment'] },
      master: { displayName: 'Mira' },
    });
    const master = shift.as(masterId);
    const strategy = await master.strategy.update({
      goals: [
        {
          id: 'goal_nurses',
          name: 'Recruit nurses',
          purpose: 'recruitment',
          intent: 'inspire',
          audienceIds: ['aud_nurses'],
        },
      ],
      audiences: [
        { id: 'aud_nurses', name: 'Nurses in the region', needs: { inspiration: 0.8, belonging: 0.6 } },
      ],
      pillars: [
        {
          id: 'pillar_care',
          name: 'Care with a face',
          goalIds: ['goal_nurses'],
          audienceIds: ['aud_nurses'],
        },
      ],
      platforms: [
        { platform: 'linkedin', audienceIds: ['aud_nurses'] },
        { platform: 'facebook', audienceIds: ['aud_nurses'] },
      ],
    });
    expect(strategy.strategyVersion).toBe(2);
    const cycle = await master.cycles.start();
    expect(cycle).toMatchObject({ number: 1, status: 'strategy', strategyVersion: 2 });
    await master.cycles.moveTo({ step: 'activation' });

    // The master activates an editor; the editor activates a creator and two publishers.
    const editor = await master.people.add({ displayName: 'Eddie' });
    await master.people.assignRole(editor.id, { role: 'editor' });
    const asEditor = shift.as(editor.id);
    const creator = await asEditor.people.add({ displayName: 'Cora', department: 'Zorg' });
    await asEditor.people.assignRole(creator.id, { role: 'creator', scope: { pillarIds: ['pillar_care'] } });
    const publishers = [];
    for (const name of ['Piet', 'Anna']) {
      const person = await asEditor.people.add({ displayName: name, customerFacing: true });
      await asEditor.people.assignRole(person.id, { role: 'publisher' });
      await asEditor.people.invite(person.id);
      await shift.as(person.id).people.consent({ purposes: ['offers', 'tracking'], termsVersion: '2026-01' });
      publishers.push(person.id);
    }
    const [piet, anna] = publishers as [string, string];
    await shift.as(piet).people.linkAccount(piet, { platform: 'linkedin', handle: 'piet', networkSize: 480 });
    await master.cycles.moveTo({ step: 'content' });

    // The creator submits a photo story; the editor reviews it and turns it into a post.
    const asCreator = shift.as(creator.id);
    const story = await asCreator.contributions.create({
      kind: 'photo',
      title: 'Night shift on ward 3',
      body: 'Photos of the team at 6 am.',
      mediaUrls: ['https://example.org/photos/ward3.jpg'],
      pillarIds: ['pillar_care'],
    });
    await asCreator.contributions.submit(story.id);
    await asEditor.contributions.startReview(story.id);
    await asEditor.contributions.accept(story.id);
    const post = await asEditor.posts.create({
      title: 'Night shift on ward 3',
      text: 'Before sunrise, ward 3 is already at work. Join us!',
      variants: [{ platform: 'linkedin', text: 'Before sunrise, ward 3 is already at work. #zorg' }],
      link: 'https://example.org/jobs/nurse',
      pillarIds: ['pillar_care'],
      goalIds: ['goal_nurses'],
      audienceIds: ['aud_nurses'],
      contributionIds: [story.id],
    });
    expect((await asEditor.contributions.get(story.id)).status).toBe('used');
    await asEditor.posts.submit(post.id);
    // Four eyes: the editor who wrote it cannot approve it; the master can.
    await expect(asEditor.posts.approve(post.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await master.posts.approve(post.id);

    // The post goes into a campaign that is offered to the publishers.
    await master.cycles.moveTo({ step: 'campaigns' });
    const campaign = await master.campaigns.create({
      name: 'Nurses spring',
      pillarIds: ['pillar_care'],
      goalIds: ['goal_nurses'],
      postIds: [post.id],
      audience: { everyone: true },
      startsAt: '2026-03-03T09:00:00.000Z',
      endsAt: '2026-03-17T09:00:00.000Z',
    });
    await master.campaigns.schedule(campaign.id);
    clock.set('2026-03-03T09:00:00.000Z');
    const due = await shift.system.runDueTransitions();
    expect(due.campaignsStarted).toBe(1);
    const [pietOffer] = await shift.as(piet).offers.mine();
    const [annaOffer] = await shift.as(anna).offers.mine();
    expect(pietOffer?.post.id).toBe(post.id);
    expect((await shift.as(masterId).posts.get(post.id)).status).toBe('offered');

    // The publishers share it on two platforms.
    await shift.as(piet).offers.see(pietOffer!.offer.id);
    const onLinkedIn = await shift
      .as(piet)
      .offers.share(pietOffer!.offer.id, { platform: 'linkedin', idempotencyKey: 'piet-li' });
    await shift
      .as(piet)
      .offers.share(pietOffer!.offer.id, { platform: 'facebook', idempotencyKey: 'piet-fb' });
    await shift
      .as(anna)
      .offers.share(annaOffer!.offer.id, { platform: 'facebook', idempotencyKey: 'anna-fb' });
    expect(onLinkedIn.trackedUrl).toMatch(
      /^https:\/\/example\.org\/jobs\/nurse\?utm_source=linkedin&utm_medium=social&/,
    );
    expect(new URL(onLinkedIn.trackedUrl!).searchParams.get('ss_ref')).toBe(onLinkedIn.sharerToken);
    await shift.platform.recordClick({ shareId: onLinkedIn.id, idempotencyKey: 'click-1' });

    // The cycle moves to measurement.
    const measured = await master.cycles.moveTo({ step: 'measurement' });
    expect(measured.status).toBe('measurement');
    expect(measured.visitedSteps).toEqual(['strategy', 'activation', 'content', 'campaigns', 'measurement']);

    const events = await shift.readEvents();
    const shares = events.filter((e) => e.type === 'share.recorded');
    expect(shares.map((e) => [e.actorId, e.data.platform, e.data.networkSize])).toEqual([
      [piet, 'linkedin', 480],
      [piet, 'facebook', 0],
      [anna, 'facebook', 0],
    ]);
    expect(emitted).toEqual(events.map((e) => e.type));
    expect((await shift.history(post.id)).map((e) => e.type)).toEqual([
      'post.created',
      'post.submitted',
      'post.approved',
      'post.offered',
    ]);
    for (const event of events) {
      expect(DomainEventSchema.safeParse(event).success, event.type).toBe(true);
      expect(eventPayloadSchemas[event.type].safeParse(event.data).success, event.type).toBe(true);
    }
    const replayed = replayEvents(events);
    expect(replayed.post?.[post.id]).toEqual(await shift.as(masterId).posts.get(post.id));
  });
});
