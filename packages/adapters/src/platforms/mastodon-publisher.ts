import { SocialShiftError } from '@social-shift/core';
import {
  type FetchLike,
  type MaybeDelivered,
  missingField,
  type RetryOptions,
  readJson,
  sendWithRetry,
} from './http-retry.js';
import {
  checkApiBase,
  checkCallback,
  checkFetch,
  checkIdempotencyKey,
  checkPublishInput,
  checkRetry,
  checkTimeout,
  checkToken,
  invalidOption,
  isIdempotencyKey,
  isPlainObject,
} from './option-checks.js';
import type { Publisher, PublishInput, PublishResult } from './publisher.js';
import { publisherRefusalAdvice } from './refusal-advice.js';
import { checkMastodonSettings, type MastodonTextSettings, measureText } from './text-fit.js';
import { textWithLink, urlEnding } from './text-with-link.js';

/** Options of {@link createMastodonPublisher}. */
export interface MastodonPublisherOptions {
  /** The publisher's own server, e.g. `https://mastodon.social`. */
  readonly instance: string;
  /** An OAuth access token with the `write:statuses` scope. */
  readonly accessToken: string;
  readonly fetch: FetchLike;
  /**
   * The server's limits (`GET /api/v2/instance` → `configuration.statuses`, which can be passed as it is, or
   * `{ maxCharacters, charactersReservedPerUrl }`); default 500 and 23.
   */
  readonly limits?: MastodonTextSettings | undefined;
  /** `public` (default), `unlisted`, `private` or `direct`. */
  readonly visibility?: 'public' | 'unlisted' | 'private' | 'direct' | undefined;
  readonly retry?: RetryOptions | undefined;
  /** Gives up on a request that takes longer, with a `PLATFORM` error. Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** Makes an idempotency key when the input has none; default `crypto.randomUUID()`. */
  readonly newKey?: (() => string) | undefined;
}

const MASTODON_REFUSAL_ADVICE = publisherRefusalAdvice({
  server: 'instance',
  permission: 'that the token has the write:statuses scope and the account is not suspended',
});

const VISIBILITIES: readonly string[] = ['public', 'unlisted', 'private', 'direct'];

/**
 * Publishes a status to the publisher's own Mastodon server: `POST /api/v1/statuses` with an
 * `Idempotency-Key` header, so a retried request (after a 5xx or a lost answer) never posts twice. A `link` the
 * text does not already hold is appended to the status after a space (Mastodon has no separate link field; it makes
 * the preview card from the URL in the text). A status (with that link) over the server's limit (graphemes, each
 * URL as 23) is refused with `LIMIT_EXCEEDED` before sending; the link is never cut.
 *
 * @example
 * ```ts
 * const mastodon = createMastodonPublisher({ instance: 'https://mastodon.social', accessToken, fetch });
 * // Posts the status 'Wij zoeken collega’s! https://example.org/jobs'
 * await mastodon.publish({ text: 'Wij zoeken collega’s!', link: 'https://example.org/jobs', idempotencyKey: shareId });
 * ```
 */
export function createMastodonPublisher(options: MastodonPublisherOptions): Publisher {
  const instance = checkApiBase(options.instance, 'instance');
  const accessToken = checkToken(options.accessToken, 'accessToken');
  const fetchFn = checkFetch(options.fetch);
  const timeoutMs = checkTimeout(options.timeoutMs, 'timeoutMs', 30_000);
  const retry = checkRetry(options.retry);
  checkCallback(options.newKey, 'newKey', 'Pass a function returning a new key, or leave it out.');
  const visibility = options.visibility ?? 'public';
  if (!VISIBILITIES.includes(visibility)) {
    throw invalidOption(['visibility'], `Use one of ${VISIBILITIES.join(', ')}.`);
  }
  // Not an object (the limit alone, a list): its limits would read as undefined, the defaults, and the first publish
  // would fail naming an option (`mastodon`) this publisher does not have.
  if (options.limits !== undefined && !isPlainObject(options.limits)) {
    throw invalidOption(['limits'], 'Give the limits as an object such as { maxCharacters: 500 }, or none.');
  }
  // A limit that is not a positive whole number would make every length check pass.
  if (options.limits !== undefined) checkMastodonSettings(options.limits, ['limits']);
  const newKey = options.newKey ?? (() => globalThis.crypto.randomUUID());
  async function publish(given: PublishInput): Promise<PublishResult> {
    const input = checkPublishInput(given);
    checkIdempotencyKey(input.idempotencyKey);
    const text = textWithLink(input.text, input.link, urlEnding('mastodon'));
    for (const measure of measureText('mastodon', text, { mastodon: options.limits ?? {} })) {
      if (measure.count > measure.limit) {
        const withLink = text === input.text ? '' : ' with its link appended';
        throw new SocialShiftError(
          'LIMIT_EXCEEDED',
          `The status${withLink} counts ${measure.count} characters; this server allows ${measure.limit}. Shorten the text first: fitText('mastodon', text, { link, mastodon: limits }).body fits with the link.`,
          { details: { limit: measure.limit, actual: measure.count, what: 'mastodon characters' } },
        );
      }
    }
    const key = input.idempotencyKey ?? newKey();
    // A made key is checked as a given one: `undefined` would go out as the key "undefined" for every status (the
    // server would answer each later one within the hour with the first: posts lost), and '' is no key at all.
    if (input.idempotencyKey === undefined && !isIdempotencyKey(key)) {
      throw invalidOption(
        ['newKey'],
        'newKey must return a new non-empty string of printable ASCII for every publish, such as crypto.randomUUID().',
      );
    }
    const maybeDelivered: MaybeDelivered = {
      advice:
        'The status may have been posted: publish it again with the same idempotencyKey (details.idempotencyKey) within the hour, and Mastodon gives that status back instead of posting it twice.',
      details: { idempotencyKey: key },
    };
    const body: Record<string, string> = { status: text, visibility };
    if (input.language !== undefined) body.language = input.language;
    const response = await sendWithRetry(
      fetchFn,
      {
        platform: 'mastodon',
        url: `${instance}/api/v1/statuses`,
        init: {
          method: 'POST',
          headers: {
            authorization: `Bearer ${accessToken}`,
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
        },
        retryServerErrors: true,
        // The post may exist: a repeat with the same key (even a made one) within the hour gives that status back.
        maybeDelivered,
        timeoutMs,
        refusalAdvice: MASTODON_REFUSAL_ADVICE,
      },
      retry,
    );
    const status = (await readJson(response, 'mastodon', maybeDelivered)) as {
      id?: unknown;
      url?: unknown;
      uri?: unknown;
    } | null;
    if (typeof status?.id !== 'string' || status.id === '')
      throw missingField('mastodon', response.status, 'a status id', maybeDelivered);
    const url =
      typeof status.url === 'string' ? status.url : typeof status.uri === 'string' ? status.uri : undefined;
    return { platform: 'mastodon', externalId: status.id, url };
  }
  return { platform: 'mastodon', publish };
}
