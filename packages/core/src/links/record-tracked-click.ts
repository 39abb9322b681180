import { invalidValue } from '../errors/invalid-value.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import type { DomainEvent } from '../model/domain-event.js';
import { isRecord } from '../model/is-record.js';
import { isCleanText } from '../model/primitives.js';
import type { StoragePort } from '../ports/storage.js';
import type { LinkAttribution, TrackingLinks } from './link-tracker.js';
import { SIGNATURE_PARAM } from './utm.js';

/** The longest click id: `click:<clickId>` must fit an idempotency key (200 characters). */
const MAX_CLICK_ID_LENGTH = 194;

/** What {@link recordTrackedClick} needs of the SDK: its organisation, its storage and `platform.recordClick`. */
export interface ClickRecordingSdk {
  readonly organisationId: string;
  readonly storage: StoragePort;
  readonly platform: {
    /** Records one click on a share, idempotently per key: `shift.platform.recordClick`. */
    recordClick(input: { shareId: string; idempotencyKey: string }): Promise<DomainEvent>;
  };
}

/** Input of {@link recordTrackedClick}. */
export interface TrackedClickInput {
  /** The incoming tracked URL, short URL or short code. */
  readonly url: string;
  /** Identifies this click (e.g. the redirect request's id): a retry with the same id records nothing new. */
  readonly clickId: string;
}

/** What a recorded click is about, and the `platform.click` event. */
export interface TrackedClick {
  readonly attribution: LinkAttribution;
  readonly shareId: string;
  readonly event: DomainEvent;
}

/**
 * Resolves an incoming tracked link and records the click on the share it belongs to, idempotently per
 * `clickId`: the resolver checks the signature (forged or edited links throw `INVALID_LINK` and record nothing),
 * the share is found by campaign, post, platform and sharer token (none: `INVALID_LINK` with reason
 * `unknown-share`, nothing recorded), a full link must lead to the page (origin, path and any user name and
 * password) of the post's own link (`INVALID_LINK` with reason `edited-destination` otherwise, nothing recorded:
 * the signature does not cover the destination), and `platform.recordClick` appends one `platform.click` event.
 * A missing or empty `clickId`, or one longer than 194 characters or with a control character or line break, is a
 * `VALIDATION` error. Returns the attribution, so the caller can redirect to `attribution.destination`.
 *
 * @example
 * ```ts
 * // In the service behind the short links:
 * const { attribution } = await recordTrackedClick(shift, tracker, { url: request.url, clickId: request.id });
 * return Response.redirect(attribution.destination, 302);
 * ```
 */
export async function recordTrackedClick(
  sdk: ClickRecordingSdk,
  tracker: TrackingLinks,
  input: TrackedClickInput,
): Promise<TrackedClick> {
  if (!isRecord(input))
    throw invalidValue(
      'tracked click',
      [],
      'Pass { url, clickId }: the incoming link and the id of its request.',
    );
  // Without one, every click would carry the key `click:undefined` and only the first would ever be recorded. Too
  // long or not one clean line, `click:<clickId>` is no idempotency key: refused here, naming the caller's field.
  if (
    typeof input.clickId !== 'string' ||
    input.clickId.length === 0 ||
    input.clickId.length > MAX_CLICK_ID_LENGTH ||
    !isCleanText(input.clickId, true)
  )
    throw invalidValue(
      'tracked click',
      ['clickId'],
      `Pass the id of the click request (e.g. the request id): one line of 1 to ${MAX_CLICK_ID_LENGTH} characters.`,
    );
  const { attribution, shareId } = await verifyTrackedClick(sdk, tracker, input.url);
  const event = await sdk.platform.recordClick({ shareId, idempotencyKey: `click:${input.clickId}` });
  return { attribution, shareId, event };
}

/**
 * Makes the checks {@link recordTrackedClick} makes of an incoming tracked link, and records nothing: the signature
 * (`INVALID_LINK` for a forged or edited link), the share it belongs to (`unknown-share`) and, for a full link, that
 * it leads to the post's own page (`edited-destination`). Not the publisher's consent to tracking, which decides only
 * whether a click is recorded (`recordTrackedClick` refuses with `CONSENT_REQUIRED` once it is withdrawn: send the
 * visitor on with this function then). The share of a publisher who was erased, which lost its sharer token, is found
 * all the same (and `recordTrackedClick` refuses its clicks with `CONSENT_REQUIRED`). Use it for a request that is no click, such as a platform's link-preview
 * fetcher (`isLinkPreview`), which is sent on to `attribution.destination` all the same: without these checks an
 * edited link would be a redirect to anywhere for whoever sends a preview fetcher's `User-Agent`.
 *
 * @example
 * ```ts
 * const { attribution } = isLinkPreview(request.headers.get('user-agent'))
 *   ? await verifyTrackedClick(shift, tracker, request.url)
 *   : await recordTrackedClick(shift, tracker, { url: request.url, clickId: request.id });
 * return Response.redirect(attribution.destination, 302);
 * ```
 */
export async function verifyTrackedClick(
  sdk: Pick<ClickRecordingSdk, 'organisationId' | 'storage'>,
  tracker: TrackingLinks,
  url: string,
): Promise<{ readonly attribution: LinkAttribution; readonly shareId: string }> {
  const attribution = await tracker.resolve(url, { organisationId: sdk.organisationId });
  // Read by the publisher's token alone of the indexed fields: a campaign may hold a hundred thousand shares, and
  // with the campaign in `where` an adapter (or PostgreSQL's planner) could walk them all for every click. The
  // publisher's shares of one post on one platform are one, or one per campaign that offered the post.
  const shares = await sdk.storage.query(sdk.organisationId, 'share', {
    where: {
      sharerToken: attribution.sharerToken,
      postId: attribution.postId,
      platform: attribution.platform,
    },
  });
  const share =
    shares.find((s) => s.data.campaignId === attribution.campaignId) ??
    (await erasedShare(sdk, tracker, attribution));
  if (share === undefined) {
    throw new SocialShiftError(
      'INVALID_LINK',
      'No share carries this tracked link: it was never recorded as shared.',
      {
        details: { reason: 'unknown-share' },
      },
    );
  }
  // The signature covers what the link attributes, not where it leads: a full link must lead to the page (origin and
  // path) of the post's own link, so an edited host or path is no redirect through the organisation's service.
  // Other query parameters may differ (platforms add their own, such as `fbclid`); a short code's link is the
  // shortener's, not the visitor's to edit. A full link is told by its decoded query, as the resolver reads it:
  // `ss%5Fsig=` is `ss_sig=` to the resolver, so a raw text search would skip this check.
  if (carriesSignature(url)) {
    const link = (await sdk.storage.get(sdk.organisationId, 'post', attribution.postId))?.data.link;
    const actual = new URL(attribution.destination);
    const expected = typeof link === 'string' ? new URL(link) : undefined;
    // `origin` leaves out user name and password: `https://attacker:secret@example.org/…` has the post's origin.
    const page = (url: URL) => `${url.username}:${url.password}@${url.origin}${url.pathname}`;
    if (expected === undefined || page(expected) !== page(actual)) {
      throw new SocialShiftError(
        'INVALID_LINK',
        "The link leads elsewhere than the post's own link: its host, path or credentials were edited.",
        { details: { reason: 'edited-destination' } },
      );
    }
  }
  return { attribution, shareId: share.id };
}

/**
 * The share of an erased publisher that a signed link belongs to: erasure takes the sharer token off their shares,
 * but their links live on where they were posted. Found by the token of each tokenless share's publisher of the same
 * campaign, post and platform (computed, never stored), so a click on it is refused as untracked (`CONSENT_REQUIRED`)
 * and the visitor can still be sent on, not told that the link was never shared.
 */
async function erasedShare(
  sdk: Pick<ClickRecordingSdk, 'organisationId' | 'storage'>,
  tracker: TrackingLinks,
  { campaignId, postId, platform, sharerToken }: LinkAttribution,
) {
  const shares = await sdk.storage.query(sdk.organisationId, 'share', {
    where: { campaignId, postId, platform },
  });
  for (const share of shares) {
    const { publisherId } = share.data;
    if (share.data.sharerToken === undefined && typeof publisherId === 'string')
      if ((await tracker.sharerToken(sdk.organisationId, publisherId)) === sharerToken) return share;
  }
  return undefined;
}

/** Whether `text` is a URL whose query, decoded, has the signature parameter (a full tracked link). */
function carriesSignature(text: string): boolean {
  try {
    return new URL(text.trim()).searchParams.has(SIGNATURE_PARAM);
  } catch {
    return false;
  }
}
