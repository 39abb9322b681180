import { checkTrackInput } from '../links/track-input.js';
import { sharedLink } from '../links/utm.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { LinkTracker } from '../ports/link-tracker.js';

/**
 * The link tracker used when neither `links` nor `linkSecret` is configured: it tags the post's link with UTM tags
 * (`utm_source` = platform, `utm_medium` = `social`, `utm_campaign`, `utm_content` = post) and an opaque sharer
 * token made by the id generator (random, so never derived from the publisher). Its links are not signed: give
 * `createSocialShift({ linkSecret })` for signed links that `resolve()` can attribute, or plug in your own tracker.
 * As the signing tracker, it refuses a link that is not an absolute http:// or https:// URL with `VALIDATION`.
 *
 * @example
 * ```ts
 * const links = createPlainLinkTracker(createSequentialIds());
 * await links.track({ organisationId: 'org_a', link: 'https://example.org', platform: 'linkedin',
 *   campaignId: 'c', postId: 'p', publisherId: 'u' });
 * // { url: 'https://example.org/?utm_source=linkedin&utm_medium=social&utm_campaign=c&utm_content=p&ss_ref=st_00010', … }
 * ```
 */
export function createPlainLinkTracker(ids: IdGenerator): LinkTracker {
  return {
    async track(input) {
      checkTrackInput(input);
      const raw = ids.next('st').replace(/[^A-Za-z0-9_-]/g, '');
      const sharerToken = raw.length >= 8 ? raw.slice(0, 64) : raw.padEnd(8, '0');
      if (input.link === undefined) return { url: undefined, sharerToken };
      return { url: sharedLink(input.link, input, sharerToken), sharerToken };
    },
  };
}
