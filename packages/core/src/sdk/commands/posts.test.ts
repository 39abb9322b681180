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

describe('posts.update that changes nothing', () => {
  it('writes nothing for no field, or for the values stored: it returns the post as stored', async () => {
    const world = await createTestProgramme();
    const editor = world.shift.as(world.people.editor).posts;
    const { id } = await editor.create({ title: 'Open day', text: 'Meet us.', pillarIds: [world.pillarId] });
    const before = await editor.get(id);
    const events = (await world.shift.history(id)).length;
    await expect(editor.update(id, {})).resolves.toEqual(before);
    await expect(editor.update(id, { title: 'Open day', pillarIds: [world.pillarId] })).resolves.toEqual(
      before,
    );
    expect(await editor.get(id)).toEqual(before);
    expect(await world.shift.history(id)).toHaveLength(events);
    // The same checks as any update: the role rules and the workflow.
    await expect(world.shift.as(world.people.publisher).posts.update(id, {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await editor.submit(id);
    await expect(editor.update(id, {})).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('still writes a change, and only the fields that changed', async () => {
    const world = await createTestProgramme();
    const editor = world.shift.as(world.people.editor).posts;
    const { id } = await editor.create({ title: 'Open day', text: 'Meet us.', pillarIds: [world.pillarId] });
    await expect(
      editor.update(id, { title: 'Open day', text: 'Meet us on Saturday.' }),
    ).resolves.toMatchObject({
      version: 2,
      text: 'Meet us on Saturday.',
    });
    const last = (await world.shift.history(id)).at(-1);
    expect(last).toMatchObject({ type: 'post.updated', data: { changes: { text: 'Meet us on Saturday.' } } });
  });

  it('leaves no trace for the four-eyes rule: an editor who saved it unchanged may still approve it', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const id = await aPostInReview(world);
    const other = (await shift.as(people.master).people.add({ displayName: 'Olaf Other' })).id;
    await shift.as(people.master).people.assignRole(other, { role: 'editor' });
    await shift.as(other).posts.requestChanges(id, { note: 'Add the time.' });
    await shift.as(other).posts.update(id, { title: 'Open day' });
    await shift.as(people.editor).posts.submit(id);
    await expect(shift.as(other).posts.approve(id)).resolves.toMatchObject({ status: 'approved' });
  });
});

describe('a post whose expiry has passed', () => {
  const DAY = 86_400_000;

  it('is refused when written, with the field to change, and nothing is stored', async () => {
    const { shift, people, pillarId, clock } = await createTestProgramme();
    const editor = shift.as(people.editor).posts;
    // A typo of the year: a year ago. Now itself is no later than now either.
    for (const at of [clock.now() - 365 * DAY, clock.now()]) {
      await expect(
        editor.create({
          title: 'x',
          text: 'y',
          pillarIds: [pillarId],
          expiresAt: new Date(at).toISOString(),
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['expiresAt'] }] } });
    }
    expect(await editor.list()).toEqual([]);
  });

  it('is not submitted or approved once its expiry passed: the editor sets a later one first', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId, clock } = world;
    const editor = shift.as(people.editor).posts;
    const master = shift.as(people.master).posts;
    const expiresAt = new Date(clock.now() + DAY).toISOString();
    const { id } = await editor.create({ title: 'x', text: 'y', pillarIds: [pillarId], expiresAt });
    await editor.submit(id);
    expect(await master.allowedEvents(id)).toContain('APPROVE');
    clock.advance(2 * DAY);
    // A UI that shows the allowed actions offers no approval that would fail.
    expect(await master.allowedEvents(id)).not.toContain('APPROVE');
    expect(await master.allowedEvents(id)).toContain('REQUEST_CHANGES');
    // Approved now, it would be expired at the next read, its review for nothing. The reviewer cannot change the
    // expiry of a post in review: the message says what they can do (it said "set a later expiry").
    await expect(master.approve(id)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('set a later expiry (in review: request changes first).'),
    });
    expect((await master.get(id)).status).toBe('in_review');
    // Sent back, it takes no other change before its expiry is moved.
    await master.requestChanges(id, { note: 'The date has passed.' });
    await expect(editor.update(id, { title: 'z' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(editor.submit(id)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await editor.allowedEvents(id)).not.toContain('SUBMIT');
    expect(await editor.allowedEvents(id)).toContain('UPDATE');
    await editor.update(id, { expiresAt: new Date(clock.now() + 7 * DAY).toISOString() });
    expect(await editor.allowedEvents(id)).toContain('SUBMIT');
    await editor.submit(id);
    await expect(master.approve(id)).resolves.toMatchObject({ status: 'approved' });
  });
});
