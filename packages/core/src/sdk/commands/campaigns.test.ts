import { describe, expect, it } from 'vitest';
import { SocialShiftError } from '../../errors/social-shift-error.js';
import type { StoragePort } from '../../ports/storage.js';
import { createMemoryStorage } from '../../storage/memory-storage.js';
import { anApprovedPost, createTestProgramme } from '../../testing/programme.js';

const DAY = 86_400_000;

describe('campaigns.update that changes nothing', () => {
  it('writes nothing for no field, or for the values stored: it returns the campaign as stored', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const master = shift.as(people.master).campaigns;
    const startsAt = new Date(clock.now() + DAY).toISOString();
    const { id } = await master.create({
      name: 'Open day',
      pillarIds: [pillarId],
      postIds: [await anApprovedPost(world)],
      audience: { everyone: true },
      startsAt,
      endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
    });
    const before = await master.get(id);
    const events = (await shift.history(id)).length;
    await expect(master.update(id, {})).resolves.toEqual(before);
    await expect(master.update(id, { name: 'Open day', startsAt })).resolves.toEqual(before);
    expect(await master.get(id)).toEqual(before);
    expect(await shift.history(id)).toHaveLength(events);
    // The same checks as any update: the role rules and the workflow.
    await expect(shift.as(people.publisher).campaigns.update(id, {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(master.update(id, { name: 'Open days' })).resolves.toMatchObject({ version: 2 });
    await master.schedule(id);
    await expect(master.update(id, {})).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('a campaign whose window has begun', () => {
  /** A campaign of one approved post for everyone, its window from `startsIn` hours from now for a week. */
  const aCampaign = async (startsIn: number) => {
    const world = await createTestProgramme();
    const { shift, people, clock, pillarId } = world;
    const postId = await anApprovedPost(world);
    const at = (hours: number) => new Date(clock.now() + hours * 3_600_000).toISOString();
    const { id } = await shift.as(people.master).campaigns.create({
      name: 'Open day',
      pillarIds: [pillarId],
      postIds: [postId],
      audience: { everyone: true },
      startsAt: at(startsIn),
      endsAt: at(7 * 24),
    });
    const events: string[] = [];
    shift.events.onAny((event) => events.push(event.type));
    return { ...world, master: shift.as(people.master).campaigns, id, postId, events };
  };

  it('starts as soon as it is scheduled, with its offers', async () => {
    const { shift, people, master, id, events } = await aCampaign(-1);
    await expect(master.schedule(id)).resolves.toMatchObject({ status: 'running' });
    expect(events).toEqual([
      'campaign.scheduled',
      'campaign.started',
      'post.offered',
      'offer.created',
      'offer.created',
    ]);
    expect(await shift.as(people.publisher).offers.mine()).toHaveLength(1);
    expect((await shift.system.digestRecipients()).map((r) => r.person.id)).toContain(people.publisher);
  });

  it('is scheduled when its start fails: schedule returns it scheduled, and the next read starts it', async () => {
    // A storage that refuses to write a running campaign until it is told to stop refusing.
    const memory = createMemoryStorage();
    let refuse = true;
    const storage: StoragePort = {
      ...memory,
      name: memory.name,
      capabilities: memory.capabilities,
      get: (...a) => memory.get(...a),
      query: (...a) => memory.query(...a),
      readEvents: (...a) => memory.readEvents(...a),
      transaction: (organisationId, work) => memory.transaction(organisationId, work),
      close: () => memory.close(),
      commit: async (organisationId, writes) => {
        if (
          refuse &&
          writes.puts.some((put) => put.collection === 'campaign' && put.data.status === 'running')
        )
          throw new SocialShiftError('STORAGE', 'The test refuses this write.');
        return (await memory.commit?.(organisationId, writes)) ?? [];
      },
    };
    const world = await createTestProgramme({ storage });
    const { shift, people, clock, pillarId } = world;
    const postId = await anApprovedPost(world);
    const master = shift.as(people.master).campaigns;
    const { id } = await master.create({
      name: 'Open day',
      pillarIds: [pillarId],
      postIds: [postId],
      audience: { everyone: true },
      startsAt: new Date(clock.now() - 3_600_000).toISOString(),
      endsAt: new Date(clock.now() + 7 * 86_400_000).toISOString(),
    });
    await expect(master.schedule(id)).resolves.toMatchObject({ status: 'scheduled' });
    expect(await shift.as(people.publisher).offers.mine()).toEqual([]);
    refuse = false;
    await expect(master.get(id)).resolves.toMatchObject({ status: 'running' });
    expect(await shift.as(people.publisher).offers.mine()).toHaveLength(1);
  });

  it('is started by campaigns.start once its start passed, and start returns it running', async () => {
    const { shift, people, clock, master, id, events } = await aCampaign(1);
    await expect(master.schedule(id)).resolves.toMatchObject({ status: 'scheduled' });
    clock.advance(2 * 3_600_000);
    await expect(master.start(id)).resolves.toMatchObject({ status: 'running' });
    expect(events.filter((type) => type === 'campaign.started')).toHaveLength(1);
    expect(await shift.as(people.publisher).offers.mine()).toHaveLength(1);
    // Running already: a second start is refused.
    await expect(master.start(id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('is cancelled without being started first: nobody is offered its posts, which stay approved', async () => {
    const { shift, people, clock, master, id, postId, events } = await aCampaign(1);
    await master.schedule(id);
    clock.advance(2 * 3_600_000);
    await expect(master.cancel(id)).resolves.toMatchObject({ status: 'cancelled' });
    expect(events).toEqual(['campaign.scheduled', 'campaign.cancelled']);
    expect(await shift.as(people.master).offers.list({ campaignId: id })).toEqual([]);
    expect((await shift.as(people.master).posts.get(postId)).status).toBe('approved');
  });

  it('that has also ended is completed without offers first: start and cancel are refused, as for any completed one', async () => {
    const { shift, people, clock, master, id, postId } = await aCampaign(1);
    await master.schedule(id);
    clock.advance(8 * 24 * 3_600_000); // past its end, no scheduler ran
    for (const command of [master.start, master.cancel])
      await expect(command(id)).rejects.toMatchObject({
        code: 'INVALID_TRANSITION',
        details: { state: 'completed' },
      });
    expect(await shift.readEvents({ types: ['offer.created'] })).toEqual([]);
    expect((await master.get(id)).status).toBe('completed');
    expect((await shift.as(people.master).posts.get(postId)).status).toBe('approved');
  });
});
