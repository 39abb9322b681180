import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';

// Erasure ends a person's part in the programme (ADR 089): a role or a team can no longer be given to them, and
// neither can a place in a focus group. One who was a member before the erasure stays (ids stay, ADR 082), so a form
// that sends the whole list back still saves.
describe('focus group members who were erased', () => {
  it('are refused as new members, by create and by setMembers, and nothing is written', async () => {
    const { shift, people } = await createTestProgramme();
    const master = shift.as(people.master);
    await master.privacy.erasePerson(people.creator);

    await expect(
      master.focusGroups.create({ name: 'Night shift', memberIds: [people.publisher, people.creator] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['memberIds', 1] }] } });
    expect(await master.focusGroups.list()).toEqual([]);

    const group = await master.focusGroups.create({ name: 'Night shift', memberIds: [people.publisher] });
    await expect(
      master.focusGroups.setMembers(group.id, { memberIds: [people.publisher, people.creator] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['memberIds', 1] }] } });
    expect(await master.focusGroups.get(group.id)).toEqual(group);
  });

  it('stay members when the group is saved with them, as before their erasure', async () => {
    const { shift, people } = await createTestProgramme();
    const master = shift.as(people.master);
    const group = await master.focusGroups.create({ name: 'Night shift', memberIds: [people.creator] });
    await master.privacy.erasePerson(people.creator);
    const saved = await master.focusGroups.setMembers(group.id, {
      memberIds: [people.creator, people.publisher],
    });
    expect(saved.memberIds).toEqual([people.creator, people.publisher]);
  });
});
