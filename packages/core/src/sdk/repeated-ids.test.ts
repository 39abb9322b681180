import { describe, expect, it } from 'vitest';
import { IdListSchema } from '../model/primitives.js';
import { createTestProgramme } from '../testing/programme.js';

describe('a list of ids with a repeat', () => {
  it('keeps the first of each id, in order', () => {
    expect(IdListSchema.parse(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
    expect(IdListSchema.parse([])).toEqual([]);
    // Still at most 1,000 ids as given, repeats included: the limit reads the input.
    expect(IdListSchema.safeParse(Array.from({ length: 1_001 }, () => 'a')).success).toBe(false);
  });

  it("is stored once in a person's teams, a role's scope and a focus group, as a form that sends a team twice would", async () => {
    const { shift, people, pillarId } = await createTestProgramme();
    const master = shift.as(people.master);
    const care = await master.teams.create({ name: 'Care' });
    const office = await master.teams.create({ name: 'Office' });
    const added = await master.people.add({ displayName: 'Ria', teamIds: [care.id, care.id, office.id] });
    expect(added.teamIds).toEqual([care.id, office.id]);
    expect((await master.people.get(added.id)).teamIds).toEqual([care.id, office.id]);
    const updated = await master.people.update(added.id, { teamIds: [office.id, office.id] });
    expect(updated.teamIds).toEqual([office.id]);
    const role = await master.people.assignRole(added.id, {
      role: 'editor',
      scope: { teamIds: [office.id, office.id], pillarIds: [pillarId, pillarId] },
    });
    expect(role.scope).toEqual({ teamIds: [office.id], pillarIds: [pillarId] });
    const group = await master.focusGroups.create({
      name: 'Night shift',
      pillarIds: [pillarId, pillarId],
      memberIds: [added.id, added.id],
    });
    expect(group).toMatchObject({ pillarIds: [pillarId], memberIds: [added.id] });
    // The stored events say the same.
    const events = await shift.storage.readEvents('org_acme', { entityId: added.id });
    expect(JSON.stringify(events)).not.toContain(`"${office.id}","${office.id}"`);
  });
});
