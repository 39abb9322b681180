// The tracked-link redirect: a short link on the intranet's domain (`/s/:code`) that someone clicked on a social
// platform. The SDK expands and verifies it (a forged, edited or unknown link is refused with INVALID_LINK and
// records nothing), records the click on the share it belongs to, and the visitor goes on to the post's page
// with its UTM tags, for the website's analytics.
import { createHash, randomUUID } from 'node:crypto';
import { isSocialShiftError, type SocialShift } from '@social-shift/core';
import type { TrackingLinks } from '@social-shift/core/links';
import { addUtmTags, isLinkPreview, recordTrackedClick, verifyTrackedClick } from '@social-shift/core/links';
import type { Route } from './http.js';

// #region click-route
/**
 * `GET /s/:code`: records the click, then redirects; a link that does not work gets a page that says so. A click
 * that cannot be recorded (the database takes no writes: a full disk) is given to `onError`, and its visitor still
 * goes on to the page.
 */
export function clickRoute(
  shift: SocialShift,
  links: TrackingLinks,
  onError: (error: unknown) => void = () => {},
): Route {
  return {
    method: 'GET',
    path: '/s/:code',
    async handle({ params, requestId, userAgent, head }) {
      const url = params.code ?? '';
      // A platform fetching the link for its preview card, or a link checker's HEAD request, is no click: checked
      // as a click is, sent on, not recorded.
      const answer =
        head || isLinkPreview(userAgent)
          ? verifyTrackedClick(shift, links, url)
          : // Idempotent per click id: a proxy that retries the same request (same x-request-id) counts one click.
            recordTrackedClick(shift, links, { url, clickId: clickIdOf(requestId, url) }).catch((error) => {
              // A link that does not work is refused before anything is recorded: its visitor gets the page below.
              if (isSocialShiftError(error, 'INVALID_LINK')) throw error;
              // The publisher withdrew consent to tracking: the visitor still goes on to the page, uncounted. So do
              // the visitors of a click that could not be recorded, which the log tells (the link checked again).
              if (!isSocialShiftError(error, 'CONSENT_REQUIRED')) onError(error);
              return verifyTrackedClick(shift, links, url);
            });
      try {
        const { destination, platform, campaignId, postId } = (await answer).attribution;
        return {
          redirect: addUtmTags(destination, { source: platform, campaign: campaignId, content: postId }),
        };
      } catch (error) {
        // Unknown, forged or edited: the visitor gets a page in both languages, not an error for a program.
        if (isSocialShiftError(error, 'INVALID_LINK')) return { status: 404, html: LINK_NOT_WORKING };
        throw error;
      }
    },
  };
}
// #endregion click-route

/**
 * The click's id: the proxy's request id when it is one the SDK takes as it is (printable, at most 128
 * characters), else a new one, so that an odd header never keeps a visitor from the page. With a digest of the link:
 * the same request id on another link (a proxy that passes on the id a client sent) is another click, which the SDK
 * would otherwise refuse as a reused key (`IDEMPOTENCY_MISMATCH`) instead of sending its visitor on.
 */
function clickIdOf(requestId: string | undefined, url: string): string {
  if (requestId === undefined || !/^[\x21-\x7e]{1,128}$/.test(requestId)) return randomUUID();
  return `${requestId}:${createHash('sha256').update(url).digest('base64url').slice(0, 22)}`;
}

/** What a visitor of a link that does not work (any more) sees, in Dutch and English. */
const LINK_NOT_WORKING = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Link werkt niet · Link not working</title></head>
<body>
<h1>Deze link werkt niet (meer)</h1>
<p>De link is onbekend of onvolledig gekopieerd. Controleer hem, of zoek het bericht op de website.</p>
<h1 lang="en">This link does not work (any more)</h1>
<p lang="en">The link is unknown or was not copied in full. Check it, or look for the post on the website.</p>
</body>
</html>
`;
