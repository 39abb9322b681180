import { SocialShiftError } from '@social-shift/core';
import {
  type FetchLike,
  MAYBE_POSTED,
  missingField,
  type RetryOptions,
  readJson,
  sendWithRetry,
} from './http-retry.js';
import {
  checkApiBase,
  checkFetch,
  checkPublishInput,
  checkRetry,
  checkTimeout,
  checkToken,
  invalidOption,
} from './option-checks.js';
import type { Publisher, PublishInput, PublishResult } from './publisher.js';
import { publisherRefusalAdvice } from './refusal-advice.js';
import { textWithLink, urlEnding } from './text-with-link.js';
import { countXText } from './x-text.js';

/** Options of {@link createXPublisher}. */
export interface XPublisherOptions {
  /** An OAuth 2.0 user access token with `tweet.write` (and `users.read`). */
  readonly accessToken: string;
  readonly fetch: FetchLike;
  readonly retry?: RetryOptions | undefined;
  /** Gives up on a request that takes longer, with a `PLATFORM` error. Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** Default `https://api.x.com`. */
  readonly baseUrl?: string | undefined;
}

const X_REFUSAL_ADVICE = publisherRefusalAdvice({
  server: 'baseUrl',
  permission:
    'that the token has the tweet.write scope, and that the text is no duplicate of a recent post (X refuses one with 403 too)',
});

/**
 * Publishes through the X API v2: `POST /2/tweets` with `{ text }`. A `link` the text does not already hold is
 * appended to it after a space (X has no separate link field; it shortens the URL to t.co and shows its card).
 * Text (with that link) over 280 weighted characters (each URL as 23) is refused with `LIMIT_EXCEEDED` before
 * sending; the link is never cut. Rate limits are read from `x-rate-limit-reset`.
 *
 * @example
 * ```ts
 * const x = createXPublisher({ accessToken, fetch });
 * // Posts { text: 'Wij zoeken collega’s! https://example.org/jobs' }
 * const { externalId } = await x.publish({ text: 'Wij zoeken collega’s!', link: 'https://example.org/jobs' });
 * ```
 */
export function createXPublisher(options: XPublisherOptions): Publisher {
  const base = checkApiBase(options.baseUrl ?? 'https://api.x.com', 'baseUrl');
  const accessToken = checkToken(options.accessToken, 'accessToken');
  const fetchFn = checkFetch(options.fetch);
  const timeoutMs = checkTimeout(options.timeoutMs, 'timeoutMs', 30_000);
  const retry = checkRetry(options.retry);
  async function publish(given: PublishInput): Promise<PublishResult> {
    const input = checkPublishInput(given);
    // Not a length: no cut makes such a text valid, so it is no LIMIT_EXCEEDED (fitText finds it fits).
    if (/[\uFFFE\uFEFF\uFFFF]/.test(input.text)) {
      throw invalidOption(
        ['text'],
        'The text holds U+FEFF (a byte order mark, often pasted along), U+FFFE or U+FFFF, which X refuses: remove them.',
      );
    }
    const text = textWithLink(input.text, input.link, urlEnding('x'));
    const count = countXText(text);
    if (!count.valid) {
      const withLink = text === input.text ? '' : ' with its link appended';
      throw new SocialShiftError(
        'LIMIT_EXCEEDED',
        `The post${withLink} weighs ${count.weightedLength} of X's 280 (or holds invalid characters). Shorten the text first: fitText('x', text, { link }).body fits with the link.`,
        { details: { limit: 280, actual: count.weightedLength, what: 'x weighted characters' } },
      );
    }
    const response = await sendWithRetry(
      fetchFn,
      {
        platform: 'x',
        url: `${base}/2/tweets`,
        init: {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        },
        retryServerErrors: false,
        // X takes no idempotency key: a failure after the request went out may still have posted it.
        maybeDelivered: MAYBE_POSTED,
        timeoutMs,
        refusalAdvice: X_REFUSAL_ADVICE,
      },
      retry,
    );
    const answer = (await readJson(response, 'x', MAYBE_POSTED)) as { data?: { id?: unknown } } | null;
    const id = answer?.data?.id;
    if (typeof id !== 'string' || !/^\d+$/.test(id))
      throw missingField('x', response.status, 'data.id', MAYBE_POSTED);
    const data = { id };
    return { platform: 'x', externalId: data.id, url: `https://x.com/i/web/status/${data.id}` };
  }
  return { platform: 'x', publish };
}
