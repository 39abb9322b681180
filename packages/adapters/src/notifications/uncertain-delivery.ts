import { isSocialShiftError, SocialShiftError } from '@social-shift/core';

/**
 * 5xx answers that may come after the platform took the message: an internal error (500), a gateway's error or
 * timeout in front of it (502, 504). Others say the request was not processed: 501 (not implemented), 503 (not now),
 * 505 (HTTP version), 511 (a proxy wants a login).
 */
const MAYBE_PROCESSED_STATUS: readonly unknown[] = [500, 502, 504];

/**
 * Network errors of a connection that broke once it was made, so the request may have gone out and been taken:
 * Node's fetch (undici) `UND_ERR_SOCKET` ("other side closed"), a reset and a broken pipe. Errors before a connection
 * (`ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, `UND_ERR_CONNECT_TIMEOUT`) are not among them: nothing was sent.
 */
const BROKEN_AFTER_CONNECT: readonly unknown[] = ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'];

/**
 * Node's fetch (undici) gave up waiting for the answer's headers or body: its own timeouts, which start once the
 * request went out, so the platform may have taken it.
 */
const NO_ANSWER_AFTER_REQUEST: readonly unknown[] = ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'];

/**
 * Whether a failed chat request may have been posted all the same: no answer within the timeout (ours, or fetch's own
 * for the headers or the body: the request went out), a connection that broke after it was made, or a 500, 502 or
 * 504 (an error after the platform may have taken the message). A 429, a 4xx and another 5xx are refusals, and a
 * connection never made sent nothing.
 */
function mayHaveArrived(details: Readonly<Record<string, unknown>>): boolean {
  return (
    typeof details.timeoutMs === 'number' ||
    BROKEN_AFTER_CONNECT.includes(details.reason) ||
    NO_ANSWER_AFTER_REQUEST.includes(details.reason) ||
    MAYBE_PROCESSED_STATUS.includes(details.status)
  );
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
    const { platform, reason } = error.details;
    const broken = BROKEN_AFTER_CONNECT.includes(reason)
      ? `${String(platform)}: the connection broke (${String(reason)}), perhaps after the request went out.`
      : NO_ANSWER_AFTER_REQUEST.includes(reason)
        ? `${String(platform)}: no answer in time (${String(reason)}) after the request went out.`
        : error.message;
    throw new SocialShiftError(
      'PLATFORM',
      `${broken} The digest may have been posted all the same: check the channel before sending it again.`,
      { details: { ...error.details, maybeDelivered: true }, cause: error },
    );
  }
}
