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
