// A list for someone no rule of its action reaches (a publisher listing posts or campaigns) is empty without
// reading the collection: in a big organisation that read took tens of milliseconds, all of it filtered away.
import { describe, expect, it } from 'vitest';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { recordingStorage } from './query-recorder.test-support.js';

describe('a list for someone no rule of its action reaches', () => {
  it('is empty and reads nothing of the collection; those the rules reach still get everything', async () => {
    const { storage, queried } = recordingStorage();
    const world = await createTestProgramme({ storage });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const { shift, people } = world;
    const publisher = shift.as(people.publisher);
    queried.length = 0;
    expect(await publisher.posts.list()).toEqual([]);
    expect(await publisher.campaigns.list({ status: 'running' })).toEqual([]);
    expect(queried.filter((c) => c === 'post' || c === 'campaign')).toEqual([]);
    // A bad filter is still refused first.
    await expect(publisher.posts.list({ status: 'nope' } as never)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    // People: `anyone: own`, so the publisher reads (and finds) themselves.
    expect((await publisher.people.list()).map((p) => p.id)).toEqual([people.publisher]);
    expect((await shift.as(people.master).posts.list()).length).toBeGreaterThan(0);
    expect((await shift.as(people.editor).campaigns.list()).length).toBe(1);
  });

  it('reads as before when a rule of the table gives the role the action', async () => {
    const world = await createTestProgramme({
      config: { permissions: { 'posts.read': { publisher: 'organisation' } } },
    });
    await anApprovedPost(world);
    const { shift, people } = world;
    expect(await shift.as(people.publisher).posts.list()).toEqual(await shift.as(people.master).posts.list());
  });

  it('gives nothing to someone whose role was revoked', async () => {
    const world = await createTestProgramme();
    await anApprovedPost(world);
    const { shift, people } = world;
    await shift.as(people.master).people.revokeRole(people.editor, { role: 'editor' });
    expect(await shift.as(people.editor).posts.list()).toEqual([]);
  });
});
