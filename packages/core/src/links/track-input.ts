import { invalidValue } from '../errors/invalid-value.js';
import { isRecord } from '../model/is-record.js';
import type { TrackLinkInput } from '../ports/link-tracker.js';

/** What `track` errors name: `Invalid link to track: link: …`. */
export const TRACK_WHAT = 'link to track';

/**
 * What both link trackers check first in `track` (the signing one, `createLinkTracker`, and the plain one the SDK
 * uses without a secret), in the same words: `VALIDATION` unless `input` is an object whose `link`, when given, is
 * an absolute http:// or https:// URL. Anything else would be a `TypeError`, or a `javascript:` link handed out.
 */
export function checkTrackInput(input: TrackLinkInput): void {
  if (!isRecord(input))
    throw invalidValue(TRACK_WHAT, [], 'Pass { organisationId, link, platform, campaignId, … }.');
  if (input.link !== undefined) checkHttpLink(input.link, TRACK_WHAT);
}

/**
 * `VALIDATION` on `link` (`what` names the argument) unless `link` is an absolute http:// or https:// URL: one that is
 * no URL would be a bare `TypeError` further on, and a `javascript:` link would be handed out.
 */
export function checkHttpLink(link: string, what: string): void {
  let protocol: string | undefined;
  let cause: unknown;
  try {
    protocol = new URL(link).protocol;
  } catch (error) {
    cause = error;
  }
  if (protocol !== 'https:' && protocol !== 'http:')
    throw invalidValue(what, ['link'], 'Use an absolute http:// or https:// URL.', cause);
}
