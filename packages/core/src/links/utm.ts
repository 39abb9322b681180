import type { Platform } from '../model/vocabulary.js';
import type { TrackLinkInput } from '../ports/link-tracker.js';

/**
 * The `utm_medium` of every tracked link. Analytics tools (Google Analytics 4's default channel grouping among
 * them) file `social` under organic social traffic.
 *
 * @example
 * ```ts
 * new URL(trackedUrl).searchParams.get('utm_medium') === SOCIAL_UTM_MEDIUM; // true
 * ```
 */
export const SOCIAL_UTM_MEDIUM = 'social';

/**
 * The query parameter that carries the opaque sharer token.
 *
 * @example
 * ```ts
 * new URL(trackedUrl).searchParams.get(SHARER_PARAM); // the sharer token
 * ```
 */
export const SHARER_PARAM = 'ss_ref';
/**
 * The query parameter that carries the link's signature (HMAC over campaign, post, platform and sharer).
 *
 * @example
 * ```ts
 * new URL(trackedUrl).searchParams.get(SIGNATURE_PARAM); // the link's signature
 * ```
 */
export const SIGNATURE_PARAM = 'ss_sig';

/** The UTM tags and tracking parameters of one shared link. */
export interface UtmTags {
  readonly source: Platform;
  readonly campaign: string;
  readonly content: string;
}

/**
 * Every query parameter the tracker owns. A link's earlier values of these are dropped, never duplicated: the
 * tracker then sets its own `utm_source`, `utm_medium`, `utm_campaign`, `utm_content` (and, for a tracked link,
 * `ss_ref` and `ss_sig`), so those are replaced, while `utm_term` and `utm_id` are only dropped.
 */
export const TRACKING_PARAMS = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'utm_term',
  'utm_id',
  SHARER_PARAM,
  SIGNATURE_PARAM,
] as const;

/**
 * Adds the UTM tags to `link` without checking it or the tags: the tagging of the public, checked `addUtmTags`
 * (`add-utm-tags.ts`), for the link trackers, which check their input first (`checkTrackInput`, the ids and the
 * platform). A link that is no URL throws a bare `TypeError` here.
 */
export function tagWithUtm(link: string, tags: UtmTags): string {
  const url = new URL(link);
  // With its `?`: the setter drops one, and a query's first pair may start with one of its own (`/ward??ref=x`).
  url.search = `?${[
    ...untracked(url),
    new URLSearchParams({
      utm_source: tags.source,
      utm_medium: SOCIAL_UTM_MEDIUM,
      utm_campaign: tags.campaign,
      utm_content: tags.content,
    }),
  ].join('&')}`;
  return url.href;
}

/**
 * A share's link as a link tracker returns it: the post's link with its UTM tags, then `SHARER_PARAM` set to
 * `sharer` (a token, and whatever the tracker appends to it, already encoded).
 */
export function sharedLink(link: string, input: TrackLinkInput, sharer: string): string {
  const url = new URL(
    tagWithUtm(link, { source: input.platform, campaign: input.campaignId, content: input.postId }),
  );
  // Appended as text: `searchParams` would write the post's own query anew (`%20` as `+`, `flag` as `flag=`).
  url.search += `&${SHARER_PARAM}=${sharer}`;
  return url.href;
}

/**
 * The pairs of a URL's query other than the tracking parameters, as written (empty pairs left out): `searchParams` would write the whole
 * query anew (`%20` as `+`, `~` and `/` encoded, `flag` as `flag=`, a byte that is no UTF-8 as U+FFFD).
 */
export const untracked = (url: URL): string[] =>
  url.search
    .slice(1)
    .split('&')
    .filter((pair) => {
      const name = new URLSearchParams(`&${pair}`).keys().next().value;
      return name !== undefined && !(TRACKING_PARAMS as readonly string[]).includes(name);
    });
