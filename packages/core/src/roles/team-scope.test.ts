import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';
import { permissionTableMarkdown } from './permission-docs.js';
import { DEFAULT_PERMISSIONS } from './permission-table.js';

describe('what a scope of teams reaches (docs/roles.md)', () => {
  it('says that it reaches people, not contributions or posts, as an editor scoped to a team finds', async () => {
    const { shift, people, pillarId } = await createTestProgramme();
    const master = shift.as(people.master);
    const ward = await master.teams.create({ name: 'Ward 3' });
    const office = await master.teams.create({ name: 'Office' });
    const lead = (await master.people.add({ displayName: 'Tess Teamlead', teamIds: [ward.id] })).id;
    await master.people.assignRole(lead, { role: 'editor', scope: { teamIds: [ward.id] } });
    const editor = shift.as(lead);
    // The creator works in the office, outside the editor's team; so does a candidate.
    await master.people.update(people.creator, { teamIds: [office.id] });
    const clerk = (await master.people.add({ displayName: 'Clerk', teamIds: [office.id] })).id;
    const contribution = await shift
      .as(people.creator)
      .contributions.create({ kind: 'news', title: 'Office party', pillarIds: [pillarId] });
    await shift.as(people.creator).contributions.submit(contribution.id);
    const post = await shift
      .as(people.editor)
      .posts.create({ title: 'Office news', text: 'New desks.', pillarIds: [pillarId] });
    await shift.as(people.editor).posts.submit(post.id);

    // People: only those of the team, and nobody who is in no team.
    await expect(editor.people.invite(clerk)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(editor.people.add({ displayName: 'Nobody’s' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Contributions and posts are in no team: the office's are the editor's to review and approve.
    await expect(editor.contributions.startReview(contribution.id)).resolves.toMatchObject({
      status: 'in_review',
    });
    await expect(editor.posts.approve(post.id)).resolves.toMatchObject({ status: 'approved' });

    const page = permissionTableMarkdown(DEFAULT_PERMISSIONS).replace(/\s+/g, ' ');
    expect(page).toContain(
      'its teams reach the people whose teams are all among them (not someone in no team)',
    );
    expect(page).toContain(
      'Contributions and posts are in no team: an editor scoped to teams only reviews, writes and approves them for every pillar.',
    );
  });
});
