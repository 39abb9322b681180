import { invalidOption, isObject } from '../platforms/option-checks.js';
import type { Digest } from './digest.js';

const TEXTS = ['subject', 'greeting', 'intro', 'openLabel', 'overviewLabel', 'footer'] as const;
const ITEM_TEXTS = ['title', 'excerpt'] as const;
const ITEM_OPTIONAL_TEXTS = ['campaignName', 'deadline', 'openUrl'] as const;

/**
 * Checks a digest before it is rendered or sent, so a mistake is a `VALIDATION` error naming the field rather
 * than a `TypeError` from inside a renderer. The usual one: passing on what {@link buildDigest} returned when
 * nothing waits (`undefined`).
 */
export function checkDigest(digest: unknown): asserts digest is Digest {
  if (!isObject(digest)) {
    throw invalidOption(
      ['digest'],
      'Pass the digest that buildDigest returned. It returns undefined when nothing waits for the publisher: then send nothing.',
    );
  }
  if (digest.language !== 'nl' && digest.language !== 'en') {
    throw invalidOption(['digest', 'language'], "Use 'nl' or 'en', the languages of the digest's labels.");
  }
  for (const key of TEXTS) {
    if (typeof digest[key] !== 'string') throw invalidOption(['digest', key], 'Give it as a string.');
  }
  if (digest.overviewUrl !== undefined && typeof digest.overviewUrl !== 'string') {
    throw invalidOption(['digest', 'overviewUrl'], 'Give the URL as a string, or leave it out.');
  }
  if (!Array.isArray(digest.items)) {
    throw invalidOption(['digest', 'items'], 'Give the items as an array, as buildDigest returns them.');
  }
  if (digest.items.length === 0) {
    // "0 posts are waiting for you" would be noise; buildDigest returns undefined instead.
    throw invalidOption(
      ['digest', 'items'],
      'The digest lists no posts: send nothing then (buildDigest returns undefined when nothing waits).',
    );
  }
  digest.items.forEach((item: unknown, i) => {
    if (!isObject(item)) throw invalidOption(['digest', 'items', i], 'Each item is an object.');
    for (const key of ITEM_TEXTS) {
      if (typeof item[key] !== 'string')
        throw invalidOption(['digest', 'items', i, key], 'Give it as a string.');
    }
    for (const key of ITEM_OPTIONAL_TEXTS) {
      if (item[key] !== undefined && typeof item[key] !== 'string') {
        throw invalidOption(['digest', 'items', i, key], 'Give it as a string, or leave it out.');
      }
    }
  });
}
