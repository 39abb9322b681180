import type { RefusalAdvice } from '../platforms/http-retry.js';

/**
 * The advice of a chat sender's `PLATFORM` error when the webhook refuses the digest with `401`, `403`, `404` or
 * `422`: nothing was posted, and what to fix is the webhook (its URL is the only credential) or, for `422`, the
 * message.
 */
export const WEBHOOK_REFUSAL_ADVICE: RefusalAdvice = (status) => {
  switch (status) {
    case 401:
    case 403:
      return 'Nothing was posted: the webhook was revoked or its URL is incomplete; create a new webhook for the channel and use its URL as webhookUrl.';
    case 404:
      return 'Nothing was posted: check webhookUrl (mistyped, or the webhook or its channel was removed); create a new webhook if it is gone.';
    case 422:
      return 'Nothing was posted: the webhook refused the message (its answer says why); change the digest, then send it again.';
    default:
      return undefined;
  }
};
