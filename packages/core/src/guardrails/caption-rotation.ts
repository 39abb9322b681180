import { invalidValue } from '../errors/invalid-value.js';
import { isRecord } from '../model/is-record.js';
import type { Post } from '../model/post.js';
import type { Platform } from '../model/vocabulary.js';

/**
 * The captions a post offers for a platform: its variants for that platform, else its base text.
 *
 * @example
 * ```ts
 * captionsFor(post, 'linkedin'); // ['LinkedIn A', 'LinkedIn B'], or [post.text] when there are no variants
 * ```
 */
export function captionsFor(post: Pick<Post, 'text' | 'variants'>, platform: Platform): string[] {
  // Plain JavaScript callers get the path of what is missing, not a TypeError.
  if (!isRecord(post) || typeof post.text !== 'string')
    throw invalidValue('post', ['text'], 'Pass the post, with its base text as a string.');
  if (!Array.isArray(post.variants))
    throw invalidValue('post', ['variants'], 'Pass the post with its variants as a list ([] when none).');
  // An index loop, not forEach, which skips holes; a variant without text would hand a publisher no caption.
  for (let i = 0; i < post.variants.length; i++) {
    const variant: unknown = post.variants[i];
    if (!isRecord(variant) || typeof variant.text !== 'string')
      throw invalidValue(
        'post',
        ['variants', i],
        'Give each variant as { platform, text }, its text a string.',
      );
  }
  const variants = post.variants
    .filter((variant) => variant.platform === platform)
    .map((variant) => variant.text);
  return variants.length > 0 ? variants : [post.text];
}

/**
 * Assigns captions to publishers round-robin, in the order given, so neighbours in an offer list get different
 * captions and every variant is used about equally (counts differ by at most one).
 *
 * @example
 * ```ts
 * const captions = rotateCaptions(post, 'linkedin', ['p1', 'p2', 'p3']);
 * captions.get('p1'); // first LinkedIn variant; p2 the second; p3 the first again when there are two
 * ```
 */
export function rotateCaptions(
  post: Pick<Post, 'text' | 'variants'>,
  platform: Platform,
  publisherIds: readonly string[],
): Map<string, string> {
  const captions = captionsFor(post, platform);
  if (!Array.isArray(publisherIds))
    throw invalidValue(
      'publishers',
      [],
      'Pass the ids of the publishers as a list, in the order of the offers.',
    );
  for (let i = 0; i < publisherIds.length; i++)
    if (typeof publisherIds[i] !== 'string' || publisherIds[i] === '')
      throw invalidValue('publishers', [i], 'Each publisher is an id: a text that is not empty.');
  const assigned = new Map<string, string>();
  let next = 0;
  for (const publisherId of publisherIds) {
    if (assigned.has(publisherId)) continue;
    assigned.set(publisherId, captions[next % captions.length] as string);
    next++;
  }
  return assigned;
}
