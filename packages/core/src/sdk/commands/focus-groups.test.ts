import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../../testing/programme.js';

describe('focusGroups.setMembers with the members it has', () => {
  it('writes nothing and returns the group as stored, after the same checks', async () => {
    const { shift, people } = await createTestProgramme();
    const master = shift.as(people.master).focusGroups;
    const { id } = await master.create({
      name: 'Night shift',
      memberIds: [people.publisher, people.creator],
    });
    const before = await master.get(id);
    const events = (await shift.history(id)).length;
    // Repeats are dropped before the comparison: the same members.
    const same = { memberIds: [people.publisher, people.creator, people.publisher] };
    await expect(master.setMembers(id, same)).resolves.toEqual(before);
    expect(await master.get(id)).toEqual(before);
    expect(await shift.history(id)).toHaveLength(events);
    await expect(shift.as(people.publisher).focusGroups.setMembers(id, same)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(master.setMembers(id, { memberIds: [people.creator] })).resolves.toMatchObject({
      version: 2,
    });
  });
});

describe('focus groups of an editor scoped to teams', () => {
  const DAY = 86_400_000;

  it("keeps a team's editor from reaching other teams' people through a focus group their campaign targets", async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId, clock } = world;
    const master = shift.as(people.master);
    const ward = await master.teams.create({ name: 'Ward 3' });
    const office = await master.teams.create({ name: 'Office' });
    const scoped = (await master.people.add({ displayName: 'Tess Teamlead' })).id;
    await master.people.assignRole(scoped, { role: 'editor', scope: { teamIds: [ward.id] } });
    const editor = shift.as(scoped);
    const nurse = (await editor.people.add({ displayName: 'Nurse', teamIds: [ward.id] })).id;
    // The world's publisher (consenting) works in the office: outside the editor's team.
    await master.people.update(people.publisher, { teamIds: [office.id] });
    await expect(
      editor.focusGroups.create({ name: 'Mixed group', memberIds: [nurse, people.publisher] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const group = await editor.focusGroups.create({ name: 'Ward group', memberIds: [nurse] });
    const post = await editor.posts.create({ title: 'Ward news', text: 'x', pillarIds: [pillarId] });
    await editor.posts.submit(post.id);
    await master.posts.approve(post.id);
    const campaign = await editor.campaigns.create({
      name: 'Ward news',
      pillarIds: [pillarId],
      postIds: [post.id],
      audience: { focusGroupIds: [group.id] },
      startsAt: new Date(clock.now() + DAY).toISOString(),
      endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
    });
    await editor.campaigns.schedule(campaign.id);
    // Adding the office's publisher to the group the scheduled campaign targets would make it reach them.
    await expect(
      editor.focusGroups.setMembers(group.id, { memberIds: [nurse, people.publisher] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await editor.focusGroups.get(group.id)).memberIds).toEqual([nurse]);
    clock.advance(DAY);
    await shift.system.runDueTransitions();
    expect(await shift.as(people.publisher).offers.mine()).toEqual([]);
    // A master may put anyone in; the editor may keep them there and change the rest of the group.
    await master.focusGroups.setMembers(group.id, { memberIds: [nurse, people.publisher] });
    await editor.focusGroups.setMembers(group.id, { memberIds: [people.publisher] });
    expect((await editor.focusGroups.get(group.id)).memberIds).toEqual([people.publisher]);
  });
});

describe('focus group members under permission overrides', () => {
  it('follows focusGroups.manage, not the right to edit campaigns', async () => {
    // Only masters edit campaigns; editors still manage focus groups, and creators may too.
    const { shift, people } = await createTestProgramme({
      config: {
        permissions: {
          'campaigns.update': { editor: null },
          'focusGroups.manage': { creator: 'organisation' },
        },
      },
    });
    const members = { memberIds: [people.publisher] };
    const group = await shift.as(people.editor).focusGroups.create({ name: 'Night shift', ...members });
    expect(group.memberIds).toEqual([people.publisher]);
    const creators = await shift.as(people.creator).focusGroups.create({ name: 'Day shift', memberIds: [] });
    await expect(
      shift.as(people.creator).focusGroups.setMembers(creators.id, members),
    ).resolves.toMatchObject(members);
    // Taken away from editors, it stops them adding members, whatever they may do with campaigns.
    const { shift: other, people: them } = await createTestProgramme({
      config: { permissions: { 'focusGroups.manage': { editor: null } } },
    });
    await expect(
      other.as(them.editor).focusGroups.create({ name: 'Night shift', memberIds: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { action: 'focusGroups.manage' } });
  });
});
