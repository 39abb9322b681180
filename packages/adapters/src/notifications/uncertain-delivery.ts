import { isSocialShiftError, SocialShiftError } from '@social-shift/core';

/**
 * Whether a failed chat request may have been posted all the same: no answer within the timeout (the request went
 * out), or a 5xx other than 503 (a gateway error after the platform took the message). A 503, a 429 and a 4xx are
 * refusals: nothing was posted.
 */
function mayHaveArrived(details: Readonly<Record<string, unknown>>): boolean {
  if (typeof details.timeoutMs === 'number') return true;
  const status = details.status;
  return typeof status === 'number' && status >= 500 && status !== 503;
}

/**
 * Runs one chat delivery; a `PLATFORM` error that leaves it unknown whether the digest was posted gets
 * `details.maybeDelivered: true` and a message that says to check the channel before sending it again, so a retry
 * does not post the digest twice unawares.
 */
export async function deliverOnce<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isSocialShiftError(error, 'PLATFORM') || !mayHaveArrived(error.details)) throw error;
    throw new SocialShiftError(
      'PLATFORM',
      `${error.message} The digest may have been posted all the same: check the channel before sending it again.`,
      { details: { ...error.details, maybeDelivered: true }, cause: error },
    );
  }
}
