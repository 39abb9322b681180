import { SocialShiftError } from '@social-shift/core';
import { type FetchLike, type RetryOptions, sendWithRetry } from './http-retry.js';
import type { Publisher, PublishInput, PublishResult } from './publisher.js';
import { type MastodonTextSettings, measureText } from './text-fit.js';

/** Options of {@link createMastodonPublisher}. */
export interface MastodonPublisherOptions {
  /** The publisher's own server, e.g. `https://mastodon.social`. */
  readonly instance: string;
  /** An OAuth access token with the `write:statuses` scope. */
  readonly accessToken: string;
  readonly fetch: FetchLike;
  /** The server's limits (`GET /api/v2/instance` → `configuration.statuses`); default 500 and 23. */
  readonly limits?: MastodonTextSettings;
  /** `public` (default), `unlisted`, `private` or `direct`. */
  readonly visibility?: 'public' | 'unlisted' | 'private' | 'direct';
  readonly retry?: RetryOptions;
  /** Makes an idempotency key when the input has none; default `crypto.randomUUID()`. */
  readonly newKey?: () => string;
}

/**
 * Publishes a status to the publisher's own Mastodon server: `POST /api/v1/statuses` with an
 * `Idempotency-Key` header, so a retried request (after a 5xx or a lost answer) never posts twice. Text over the
 * server's limit (graphemes, each URL as 23) is refused with `LIMIT_EXCEEDED` before sending.
 *
 * @example
 * ```ts
 * const mastodon = createMastodonPublisher({ instance: 'https://mastodon.social', accessToken, fetch });
 * await mastodon.publish({ text: 'Wij zoeken collega’s! https://example.org/jobs', idempotencyKey: shareId });
 * ```
 */
export function createMastodonPublisher(options: MastodonPublisherOptions): Publisher {
  const instance = options.instance.replace(/\/+$/, '');
  const newKey = options.newKey ?? (() => globalThis.crypto.randomUUID());
  async function publish(input: PublishInput): Promise<PublishResult> {
    for (const measure of measureText('mastodon', input.text, { mastodon: options.limits ?? {} })) {
      if (measure.count > measure.limit) {
        throw new SocialShiftError(
          'LIMIT_EXCEEDED',
          `The status counts ${measure.count} characters; this server allows ${measure.limit}. Shorten it first.`,
          { details: { limit: measure.limit, actual: measure.count, what: 'mastodon characters' } },
        );
      }
    }
    const body: Record<string, string> = { status: input.text, visibility: options.visibility ?? 'public' };
    if (input.language !== undefined) body.language = input.language;
    const response = await sendWithRetry(
      options.fetch,
      {
        platform: 'mastodon',
        url: `${instance}/api/v1/statuses`,
        init: {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.accessToken}`,
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': input.idempotencyKey ?? newKey(),
          },
          body: JSON.stringify(body),
        },
        retryServerErrors: true,
      },
      options.retry,
    );
    const status = (await response.json()) as { id: string; url?: string | null; uri: string };
    return { platform: 'mastodon', externalId: status.id, url: status.url ?? status.uri };
  }
  return { platform: 'mastodon', publish };
}
