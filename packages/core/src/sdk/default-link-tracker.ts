import type { IdGenerator } from '../ports/id-generator.js';
import type { LinkTracker } from '../ports/link-tracker.js';

/**
 * The link tracker used when none is configured: it keeps the post's link as it is and makes an opaque sharer
 * token from the id generator (never derived from the publisher). Plug in a real tracker (UTM tags, signed
 * tokens, a shortener) through `createSocialShift({ links })`.
 *
 * @example
 * ```ts
 * const links = createPlainLinkTracker(createSequentialIds());
 * await links.track({ organisationId: 'org_a', link: 'https://example.org', platform: 'linkedin',
 *   campaignId: 'c', postId: 'p', publisherId: 'u' }); // { url: 'https://example.org', sharerToken: 'st_0001…' }
 * ```
 */
export function createPlainLinkTracker(ids: IdGenerator): LinkTracker {
  return {
    async track(input) {
      const raw = ids.next('st').replace(/[^A-Za-z0-9_-]/g, '');
      const sharerToken = raw.length >= 8 ? raw.slice(0, 64) : raw.padEnd(8, '0');
      return { url: input.link, sharerToken };
    },
  };
}
