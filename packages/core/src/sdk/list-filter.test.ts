import { describe, expect, it } from 'vitest';
import {
  AMBASSADOR_STATUSES,
  CAMPAIGN_STATUSES,
  CONTRIBUTION_STATUSES,
  POST_STATUSES,
} from '../model/terms.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';

/** A programme with posts, contributions, campaigns and people in several states of their workflows. */
async function aBusyProgramme() {
  const world = await createTestProgramme();
  const { shift, people, pillarId } = world;
  const editor = shift.as(people.editor);
  const creator = shift.as(people.creator);
  await editor.posts.create({ title: 'Draft', text: 'Not yet', pillarIds: [pillarId] });
  const inReview = await editor.posts.create({ title: 'Review me', text: 'Soon', pillarIds: [pillarId] });
  await editor.posts.submit(inReview.id);
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  await anApprovedPost(world);
  const now = world.clock.now();
  await shift.as(people.master).campaigns.create({
    name: 'Later',
    postIds: [],
    audience: { everyone: true },
    startsAt: new Date(now + 30 * 86_400_000).toISOString(),
    endsAt: new Date(now + 44 * 86_400_000).toISOString(),
  });
  for (const title of ['Ward 3 at dawn', 'The night shift']) {
    const { id } = await creator.contributions.create({ kind: 'photo', title, pillarIds: [pillarId] });
    if (title === 'Ward 3 at dawn') await creator.contributions.submit(id);
  }
  // A second creator, whose draft the first may not read.
  await shift.as(people.master).people.assignRole(people.publisher, { role: 'creator' });
  await shift
    .as(people.publisher)
    .contributions.create({ kind: 'event', title: 'Open day', pillarIds: [pillarId] });
  return world;
}

describe('list with a status filter', () => {
  it('gives what list() gives in that state, for every state of posts, campaigns, contributions and people', async () => {
    const { shift, people } = await aBusyProgramme();
    for (const id of [people.master, people.editor, people.creator, people.publisher]) {
      const as = shift.as(id);
      const groups = [
        [as.posts, POST_STATUSES],
        [as.campaigns, CAMPAIGN_STATUSES],
        [as.contributions, CONTRIBUTION_STATUSES],
        [as.people, AMBASSADOR_STATUSES],
      ] as const;
      for (const [commands, statuses] of groups) {
        const all = (await commands.list()) as { status: string }[];
        const seen = new Set<string>();
        for (const status of statuses) {
          const some = await (commands.list as (f: unknown) => Promise<{ status: string }[]>)({ status });
          expect(some).toEqual(all.filter((entity) => entity.status === status));
          if (some.length > 0) seen.add(status);
        }
        expect(await commands.list({})).toEqual(all);
        expect(await commands.list(undefined)).toEqual(all);
        if (id === people.master)
          expect(seen.size, commands === as.people ? 'people' : 'states').toBeGreaterThan(1);
      }
    }
  });

  it("keeps to what the person may read: a creator's queue holds only their own submissions", async () => {
    const { shift, people } = await aBusyProgramme();
    const mine = await shift.as(people.creator).contributions.list({ status: 'draft' });
    expect(mine.map((c) => c.title)).toEqual(['The night shift']);
    expect((await shift.as(people.master).contributions.list({ status: 'draft' })).length).toBe(2);
    expect(
      (await shift.as(people.editor).contributions.list({ status: 'submitted' })).map((c) => c.title),
    ).toEqual(['Ward 3 at dawn']);
    expect((await shift.as(people.editor).posts.list({ status: 'in_review' })).map((p) => p.title)).toEqual([
      'Review me',
    ]);
  });

  it('refuses a state the workflow does not have, another key or a filter that is not an object: VALIDATION', async () => {
    const { shift, people } = await aBusyProgramme();
    const posts = shift.as(people.editor).posts;
    const list = posts.list as (filter: unknown) => Promise<unknown>;
    await expect(list({ status: 'in-review' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('post filter'),
      details: { issues: [{ path: ['status'] }] },
    });
    await expect(list({ state: 'draft' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(list('draft')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(list({ status: null })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      (shift.as(people.master).people.list as (filter: unknown) => Promise<unknown>)({ status: 'in_review' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['status'] }] } });
  });
});
