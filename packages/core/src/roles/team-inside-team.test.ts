import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';
import { permissionTableMarkdown } from './permission-docs.js';
import { DEFAULT_PERMISSIONS } from './permission-table.js';

const DAY = 86_400_000;

// A team may sit in another (`parentTeamId`), but only as a record of the organisation: docs/roles.md says so, as
// an editor of the outer team and a campaign for it find. It also says that a scope of pillars reaches nothing in
// no pillar, which an editor scoped to a pillar finds writing a post without one.
describe('a team inside a team, and what a scope reaches (docs/roles.md)', () => {
  it('reaches only the people of the teams named, not of the teams inside them', async () => {
    const { shift, people, pillarId, clock } = await createTestProgramme();
    const master = shift.as(people.master);
    const care = await master.teams.create({ name: 'Care' });
    const ward = await master.teams.create({ name: 'Ward 3', parentTeamId: care.id });
    const lead = (await master.people.add({ displayName: 'Tess Teamlead', teamIds: [care.id] })).id;
    await master.people.assignRole(lead, { role: 'editor', scope: { teamIds: [care.id] } });
    const nurse = (await master.people.add({ displayName: 'Nurse', teamIds: [ward.id] })).id;
    await master.people.update(people.publisher, { teamIds: [ward.id] });

    // The editor of Care does not reach the ward's people, nor puts anyone in the ward.
    await expect(shift.as(lead).people.invite(nurse)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      shift.as(lead).people.add({ displayName: 'New nurse', teamIds: [ward.id] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // A campaign for Care offers nothing to the ward's publisher; one that names the ward does.
    const post = await shift
      .as(people.editor)
      .posts.create({ title: 'News', text: 'x', pillarIds: [pillarId] });
    await shift.as(people.editor).posts.submit(post.id);
    await master.posts.approve(post.id);
    const run = async (teamIds: string[]) => {
      const campaign = await master.campaigns.create({
        name: 'News',
        pillarIds: [pillarId],
        postIds: [post.id],
        audience: { teamIds },
        startsAt: new Date(clock.now() + DAY).toISOString(),
        endsAt: new Date(clock.now() + 7 * DAY).toISOString(),
      });
      await master.campaigns.schedule(campaign.id);
      await master.campaigns.start(campaign.id);
      return (await shift.as(people.publisher).offers.mine()).length;
    };
    expect(await run([care.id])).toBe(0);
    expect(await run([care.id, ward.id])).toBe(1);

    // A scope of pillars reaches no post in no pillar.
    const pillarEditor = (await master.people.add({ displayName: 'Pia Pillar' })).id;
    await master.people.assignRole(pillarEditor, { role: 'editor', scope: { pillarIds: [pillarId] } });
    await expect(shift.as(pillarEditor).posts.create({ title: 'Unfiled', text: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const page = permissionTableMarkdown(DEFAULT_PERMISSIONS).replace(/\s+/g, ' ');
    expect(page).toContain('campaigns whose pillars are all among them (not one in no pillar)');
    expect(page).toContain(
      "A team holds only its own people: a scope or a campaign's audience that names a team does not take in the teams inside it (`parentTeamId`), so name those too.",
    );
  });
});
