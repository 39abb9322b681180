import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../storage/memory-storage.js';
import type { TestProgramme } from '../../testing/programme.js';
import { createTestProgramme } from '../../testing/programme.js';

/** A contribution by the world's creator, submitted and in review by its editor. */
async function aContributionInReview(world: TestProgramme): Promise<string> {
  const { shift, people, pillarId } = world;
  const { id } = await shift
    .as(people.creator)
    .contributions.create({ kind: 'photo', title: 'Ward 3 at dawn', pillarIds: [pillarId] });
  await shift.as(people.creator).contributions.submit(id);
  await shift.as(people.editor).contributions.startReview(id);
  return id;
}

describe('contribution review notes', () => {
  it.each([
    ['a control character', 'Add a photo\u0000'],
    ['an unpaired surrogate', 'Add a photo \ud83d'],
  ])('refuses a note with %s on the note itself, and writes nothing', async (_what, note) => {
    const world = await createTestProgramme();
    const id = await aContributionInReview(world);
    const editor = world.shift.as(world.people.editor).contributions;
    const before = await editor.get(id);
    for (const review of [
      () => editor.requestChanges(id, { note }),
      () => editor.accept(id, { note }),
      () => editor.decline(id, { note }),
    ]) {
      await expect(review()).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { input: 'review note', issues: [{ path: ['note'] }] },
      });
    }
    expect(await editor.get(id)).toEqual(before);
  });

  it.each([
    ['a form feed after it', 'Nice\f', 'Nice'],
    ['a vertical tab before it', '\vAdd', 'Add'],
    ['spaces around 20,000 characters', ` ${'a'.repeat(20_000)} `, 'a'.repeat(20_000)],
  ])('trims a note with %s before it checks it, and stores it trimmed', async (_what, note, stored) => {
    const world = await createTestProgramme();
    const editor = world.shift.as(world.people.editor).contributions;
    const accepted = await aContributionInReview(world);
    await expect(editor.accept(accepted, { note })).resolves.toMatchObject({ reviewNote: stored });
    const sentBack = await aContributionInReview(world);
    await editor.requestChanges(sentBack, { note });
    expect((await editor.get(sentBack)).reviewNote).toBe(stored);
  });

  it.each(['accept', 'decline'] as const)(
    'drops the note of an earlier request for changes when the editor decides to %s without one',
    async (decision) => {
      const world = await createTestProgramme();
      const { shift, people } = world;
      const id = await aContributionInReview(world);
      const editor = shift.as(people.editor).contributions;
      await editor.requestChanges(id, { note: 'Add a photo of the team.' });
      await shift.as(people.creator).contributions.update(id, { body: 'With the team.' });
      await shift.as(people.creator).contributions.submit(id);
      // The editor reviewing the resubmission still sees what was asked.
      expect(await editor.startReview(id)).toMatchObject({ reviewNote: 'Add a photo of the team.' });
      const decided = await editor[decision](id);
      expect(decided.reviewNote).toBeUndefined();
      expect((await editor.get(id)).reviewNote).toBeUndefined();
      const [last] = (await shift.history(id)).slice(-1);
      expect(last?.data).toMatchObject({ changes: { reviewNote: null } });
      // A note given with the decision is kept.
      const other = await aContributionInReview(world);
      await expect(editor[decision](other, { note: 'Lovely light.' })).resolves.toMatchObject({
        reviewNote: 'Lovely light.',
      });
    },
  );
});

describe('contributions.update that changes nothing', () => {
  it('writes nothing for no field, or for the values stored: it returns the contribution as stored', async () => {
    const world = await createTestProgramme();
    const creator = world.shift.as(world.people.creator).contributions;
    const { id } = await creator.create({
      kind: 'photo',
      title: 'Ward 3 at dawn',
      pillarIds: [world.pillarId],
    });
    const before = await creator.get(id);
    const events = (await world.shift.history(id)).length;
    await expect(creator.update(id, {})).resolves.toEqual(before);
    // Nor do the values it holds.
    await expect(
      creator.update(id, { title: 'Ward 3 at dawn', pillarIds: [world.pillarId] }),
    ).resolves.toEqual(before);
    expect(await creator.get(id)).toEqual(before);
    expect(await world.shift.history(id)).toHaveLength(events);
    // The same checks as any update: the role rules and the workflow.
    await expect(world.shift.as(world.people.editor).contributions.update(id, {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await creator.submit(id);
    await expect(creator.update(id, {})).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('a submission while a due run marks its creator dormant', () => {
  it('is a CONFLICT when the run commits after the submission read the creator, and run again reactivates them', async () => {
    // A memory store that runs `during.hook` once, when the submission reads the contribution: after it read the
    // creator (active), before it commits.
    const inner = createMemoryStorage();
    const during: { hook?: (() => Promise<unknown>) | undefined } = {};
    const storage: typeof inner = {
      ...inner,
      async get(organisationId, collection, id) {
        const found = await inner.get(organisationId, collection, id);
        const hook = during.hook;
        if (collection === 'contribution' && hook) {
          during.hook = undefined;
          await hook();
        }
        return found;
      },
    };
    const world = await createTestProgramme({ storage, config: { dormantAfterDays: 10 } });
    const { shift, people, clock } = world;
    const creator = shift.as(people.creator);
    // An ambassador: invited, and active once they consent.
    await shift.as(people.master).people.invite(people.creator);
    await creator.people.consent({ purposes: ['digests'], termsVersion: 'v1' });
    const draft = await creator.contributions.create({
      kind: 'photo',
      title: 'Night shift',
      pillarIds: [world.pillarId],
    });
    clock.advance(13 * 86_400_000);
    let marked = 0;
    during.hook = async () => {
      marked = (await shift.system.runDueTransitions()).peopleDormant;
    };
    // Before, the submission committed and left the creator dormant, though they had just submitted.
    await expect(creator.contributions.submit(draft.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(during.hook).toBeUndefined();
    expect(marked).toBeGreaterThan(0);
    expect((await creator.contributions.get(draft.id)).status).toBe('draft');
    await expect(creator.contributions.submit(draft.id)).resolves.toMatchObject({ status: 'submitted' });
    expect((await creator.people.get(people.creator)).status).toBe('active');
    const events = await shift.readEvents({
      entityId: people.creator,
      types: ['person.dormant', 'person.reactivated'],
    });
    expect(events.map((e) => e.type)).toEqual(['person.dormant', 'person.reactivated']);
  });
});
