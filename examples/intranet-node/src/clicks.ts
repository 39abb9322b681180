// The tracked-link redirect: a short link on the intranet's domain (`/s/:code`) that someone clicked on a social
// platform. The SDK expands and verifies it (a forged, edited or unknown link is refused with INVALID_LINK and
// records nothing), records the click on the share it belongs to, and the visitor goes on to the post's page
// with its UTM tags, for the website's analytics.
import { randomUUID } from 'node:crypto';
import { isSocialShiftError, type SocialShift } from '@social-shift/core';
import type { TrackingLinks } from '@social-shift/core/links';
import { addUtmTags, isLinkPreview, recordTrackedClick, verifyTrackedClick } from '@social-shift/core/links';
import type { Route } from './http.js';

// #region click-route
/** `GET /s/:code`: records the click, then redirects. */
export function clickRoute(shift: SocialShift, links: TrackingLinks): Route {
  return {
    method: 'GET',
    path: '/s/:code',
    async handle({ params, requestId, userAgent }) {
      const url = params.code ?? '';
      // A platform fetching the link for its preview card is no click: checked as a click is, sent on, not recorded.
      const { attribution } = isLinkPreview(userAgent)
        ? await verifyTrackedClick(shift, links, url)
        : // Idempotent per click id: a proxy that retries the same request (same x-request-id) counts one click.
          await recordTrackedClick(shift, links, { url, clickId: requestId ?? randomUUID() }).catch(
            (error) => {
              // The publisher withdrew consent to tracking: the visitor still goes on to the page, uncounted.
              if (isSocialShiftError(error, 'CONSENT_REQUIRED')) return verifyTrackedClick(shift, links, url);
              throw error;
            },
          );
      const { destination, platform, campaignId, postId } = attribution;
      return {
        redirect: addUtmTags(destination, { source: platform, campaign: campaignId, content: postId }),
      };
    },
  };
}
// #endregion click-route
