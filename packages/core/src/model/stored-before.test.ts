import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../ports/storage.js';
import { createTestProgramme, type TestProgramme } from '../testing/programme.js';
import { PostSchema } from './post.js';

// Stored documents are read unchecked, but every write checks the whole entity again, and there is no migration:
// a value an earlier version stored must still pass the schema, unchanged, or the entity can never be written again.

/** Puts a draft's data straight into storage, as an earlier version could have stored it. */
async function storeAsBefore(world: TestProgramme, postId: string, change: JsonObject) {
  await world.storage.transaction('org_acme', async (tx) => {
    const stored = (await tx.get('post', postId))!;
    await tx.put('post', postId, { ...stored.data, ...change }, stored.version);
  });
}

describe('values stored by earlier versions', () => {
  it('a post text with a C1 character (mis-decoded Windows-1252) still passes the post schema, unchanged', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId } = world;
    const draft = await shift
      .as(people.editor)
      .posts.create({ title: 'Open day', text: 'Meet us.', pillarIds: [pillarId] });
    const stored = { ...draft, title: 'We\u0092re open', text: 'We\u0092re open on Saturday\u0085' };
    expect(PostSchema.safeParse(stored)).toEqual({ success: true, data: stored });
  });

  it('a stored draft whose text holds U+0092 can still be submitted', async () => {
    const world = await createTestProgramme();
    const { shift, people, pillarId } = world;
    const editor = shift.as(people.editor);
    const draft = await editor.posts.create({ title: 'Open day', text: 'Meet us.', pillarIds: [pillarId] });
    await storeAsBefore(world, draft.id, { text: 'We\u0092re open on Saturday.' });
    const submitted = await editor.posts.submit(draft.id);
    expect(submitted).toMatchObject({ status: 'in_review', text: 'We\u0092re open on Saturday.' });
  });
});
