import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';

const DAY = 86_400_000;

// docs/roles.md: a scope of teams reaches "the people whose teams are all among them, also as the people a campaign
// reaches". A campaign never reaches someone who left or was erased, so their other teams do not stop a team's editor.
describe("a team editor's campaign and people who left or were erased", () => {
  it('is not refused for the teams of people its audience can no longer reach', async () => {
    const { shift, people, pillarId, clock } = await createTestProgramme();
    const master = shift.as(people.master);
    const ward = await master.teams.create({ name: 'Ward 3' });
    const office = await master.teams.create({ name: 'Office' });
    const lead = (await master.people.add({ displayName: 'Tess Teamlead', teamIds: [ward.id] })).id;
    await master.people.assignRole(lead, { role: 'editor', scope: { teamIds: [ward.id] } });
    const editor = shift.as(lead);
    // Two who worked in the ward and the office: one left, one was erased. The publisher works in the ward.
    const left = (await master.people.add({ displayName: 'Lena Left', teamIds: [ward.id, office.id] })).id;
    await master.people.leave(left);
    const erased = (await master.people.add({ displayName: 'Eric Erased', teamIds: [ward.id, office.id] }))
      .id;
    await master.people.update(people.publisher, { teamIds: [ward.id] });
    const group = await master.focusGroups.create({
      name: 'Ward',
      memberIds: [left, erased, people.publisher],
    });
    await master.privacy.erasePerson(erased);
    const post = await editor.posts.create({ title: 'Ward news', text: 'x', pillarIds: [pillarId] });
    await editor.posts.submit(post.id);
    await master.posts.approve(post.id);

    for (const audience of [
      { teamIds: [ward.id] },
      { focusGroupIds: [group.id] },
      { personIds: [left, erased, people.publisher] },
    ]) {
      const campaign = await editor.campaigns.create({
        name: 'Ward news',
        pillarIds: [pillarId],
        postIds: [post.id],
        audience,
        startsAt: new Date(clock.now() + DAY).toISOString(),
        endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
      });
      await editor.campaigns.schedule(campaign.id);
      await editor.campaigns.start(campaign.id);
    }
    // Each of the three offered the post to the ward's publisher only.
    expect((await master.offers.list()).map((o) => o.publisherId)).toEqual([
      people.publisher,
      people.publisher,
      people.publisher,
    ]);
    // Someone still in the programme and in the office still stops the editor.
    const clerk = (await master.people.add({ displayName: 'Clerk', teamIds: [ward.id, office.id] })).id;
    await expect(
      editor.campaigns.create({
        name: 'Ward news',
        pillarIds: [pillarId],
        postIds: [post.id],
        audience: { personIds: [clerk] },
        startsAt: new Date(clock.now() + DAY).toISOString(),
        endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
