// Commands as a person, as docs/commands.md shows them: a post through four-eyes review, a publisher's share with a
// click the platform reports, an editor's review queue, and an edit form saved without undoing another editor's
// change.
import type { Post, SocialShift, UpdatePostInput } from '@social-shift/core';
import { SocialShiftError } from '@social-shift/core';

/** An editor writes a post and submits it; a social master approves it. */
export async function reviewAPost(shift: SocialShift, editorId: string, masterId: string) {
  // #region act-as
  const editor = shift.as(editorId);
  const post = await editor.posts.create({
    title: 'Night shift',
    text: 'Before sunrise…',
    pillarIds: ['pillar_care'],
  });
  await editor.posts.submit(post.id);
  await shift.as(masterId).posts.approve(post.id); // not the author: the four-eyes rule
  const allowed = await shift.as(editorId).posts.allowedEvents(post.id); // what a UI may offer this person now
  // #endregion act-as
  return { post, allowed };
}

// #region share
/** A publisher shares the newest post offered to them; the platform reports a click on it. */
export async function shareTheNewestOffer(shift: SocialShift, publisherId: string) {
  const [first] = await shift.as(publisherId).offers.mine();
  if (first === undefined) return undefined; // nothing on offer for this publisher now
  const share = await shift.as(publisherId).offers.share(first.offer.id, {
    platform: 'linkedin',
    idempotencyKey: 'request-123', // a retry with the same key records nothing new and returns this share
  });
  await shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'click-9f2' });
  return share;
}
// #endregion share

// #region review-queue
/** What waits for an editor's review: the posts in review and the contributions submitted, of those they may read. */
export async function reviewQueue(shift: SocialShift, editorId: string) {
  const editor = shift.as(editorId);
  const [posts, contributions] = await Promise.all([
    editor.posts.list({ status: 'in_review' }),
    editor.contributions.list({ status: 'submitted' }),
  ]);
  return { posts, contributions };
}
// #endregion review-queue

// #region edit-form
/**
 * Saves a post's edit form, opened on `loaded`: only the fields the editor changed, so what another editor changed
 * meanwhile in other fields stands. A field both changed is `CONFLICT` (show the post as it is now), not overwritten.
 */
export async function saveThePostForm(
  shift: SocialShift,
  editorId: string,
  loaded: Post,
  form: UpdatePostInput,
): Promise<Post> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b); // plain data: text, lists
  const field = (post: Post, name: string) => (post as unknown as Record<string, unknown>)[name];
  // A field left `undefined` (untouched, as a form sends it) is not changed, as `update` reads it.
  const changed = Object.entries(form).filter(
    ([name, value]) => value !== undefined && !same(value, field(loaded, name)),
  );
  if (changed.length === 0) return loaded;
  const editor = shift.as(editorId);
  const now = await editor.posts.get(loaded.id);
  const clash = changed.filter(([name]) => !same(field(now, name), field(loaded, name)));
  if (clash.length > 0)
    throw new SocialShiftError('CONFLICT', `Changed meanwhile: ${clash.map(([name]) => name).join(', ')}.`, {
      details: {
        entityType: 'post',
        id: loaded.id,
        expectedVersion: loaded.version,
        actualVersion: now.version,
      },
    });
  return editor.posts.update(loaded.id, Object.fromEntries(changed));
}
// #endregion edit-form
