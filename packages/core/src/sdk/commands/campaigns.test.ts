import { describe, expect, it } from 'vitest';
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
