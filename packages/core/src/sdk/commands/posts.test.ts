import { describe, expect, it } from 'vitest';
import type { TestProgramme } from '../../testing/programme.js';
import { createTestProgramme } from '../../testing/programme.js';

/** A post by the world's editor, submitted for review. */
async function aPostInReview(world: TestProgramme): Promise<string> {
  const { shift, people, pillarId } = world;
  const { id } = await shift
    .as(people.editor)
    .posts.create({ title: 'Open day', text: 'Meet us on Saturday.', pillarIds: [pillarId] });
  await shift.as(people.editor).posts.submit(id);
  return id;
}

describe('post review notes', () => {
  it.each([
    ['a control character', 'fix\u0000'],
    ['an unpaired surrogate', 'fix \ud83d'],
    ['nothing but spaces', '   '],
  ])('refuses a note with %s on the note itself, and writes nothing', async (_what, note) => {
    const world = await createTestProgramme();
    const id = await aPostInReview(world);
    const master = world.shift.as(world.people.master).posts;
    const before = await master.get(id);
    await expect(master.requestChanges(id, { note })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { input: 'review note', issues: [{ path: ['note'] }] },
    });
    expect(await master.get(id)).toEqual(before);
  });

  it.each([
    ['a form feed after it', 'Nice\f', 'Nice'],
    ['a vertical tab before it', '\vAdd', 'Add'],
    ['spaces around 20,000 characters', ` ${'a'.repeat(20_000)} `, 'a'.repeat(20_000)],
  ])('trims a note with %s before it checks it, and stores it trimmed', async (_what, note, stored) => {
    const world = await createTestProgramme();
    const id = await aPostInReview(world);
    const master = world.shift.as(world.people.master).posts;
    await expect(master.requestChanges(id, { note })).resolves.toMatchObject({ reviewNote: stored });
    expect((await master.get(id)).reviewNote).toBe(stored);
  });
});
