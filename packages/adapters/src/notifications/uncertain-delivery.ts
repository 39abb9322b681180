import type { MaybeDelivered } from '../platforms/http-retry.js';

/**
 * What a chat sender's `PLATFORM` error says when it is unknown whether the digest was posted (no answer in time, a
 * connection broken after it was made, a 500, 502 or 504: see `MaybeDelivered`), besides `details.maybeDelivered:
 * true`: check the channel before sending it again, so a retry does not post the digest twice unawares.
 */
export const DIGEST_MAYBE_POSTED: MaybeDelivered = {
  advice: 'The digest may have been posted all the same: check the channel before sending it again.',
};
