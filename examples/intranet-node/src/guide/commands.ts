// Commands as a person, as docs/commands.md shows them: a post through four-eyes review, and a publisher's share
// with a click the platform reports.
import type { SocialShift } from '@social-shift/core';

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
