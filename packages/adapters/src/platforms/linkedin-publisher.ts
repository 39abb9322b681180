import { isSocialShiftError, SocialShiftError } from '@social-shift/core';
import {
  type FetchLike,
  MAYBE_POSTED,
  missingField,
  type RetryOptions,
  sendWithRetry,
} from './http-retry.js';
import { escapeLittleText } from './linkedin-little-text.js';
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
import { measureText } from './text-fit.js';

/** Options of {@link createLinkedInPublisher}. */
export interface LinkedInPublisherOptions {
  /**
   * The author, as a URN: `urn:li:person:<id>` (a member, with `w_member_social`; the id is the `sub` of
   * `/v2/userinfo`) or `urn:li:organization:<id>`. The id alone is a `VALIDATION` error naming `author`.
   */
  readonly author: string;
  /** An OAuth 2.0 access token. */
  readonly accessToken: string;
  /** The `LinkedIn-Version` header, `YYYYMM`, a version LinkedIn still supports. */
  readonly version: string;
  readonly fetch: FetchLike;
  readonly retry?: RetryOptions | undefined;
  /** Gives up on a request that takes longer, with a `PLATFORM` error. Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** Default `https://api.linkedin.com`. */
  readonly baseUrl?: string | undefined;
}

const LINKEDIN_REFUSAL_ADVICE = publisherRefusalAdvice({
  server: 'baseUrl',
  permission:
    'that the token has w_member_social (a person as author) or w_organization_social with an admin role on the page (an organization)',
});

/**
 * Publishes through the LinkedIn Posts API: `POST /rest/posts` with the versioned headers (`LinkedIn-Version`,
 * `X-Restli-Protocol-Version: 2.0.0`), the commentary escaped in the "little" text format (so it is not silently
 * cut), and the link as an article. The new post's URN comes back in the `x-restli-id` header.
 *
 * @example
 * ```ts
 * const linkedin = createLinkedInPublisher({ author: 'urn:li:person:abc', accessToken, version: '202601', fetch });
 * await linkedin.publish({ text: 'Wij (Acme) zoeken collega’s', link: 'https://example.org/jobs', card: { title: 'Vacature' } });
 * ```
 */
export function createLinkedInPublisher(options: LinkedInPublisherOptions): Publisher {
  const base = checkApiBase(options.baseUrl ?? 'https://api.linkedin.com', 'baseUrl');
  const accessToken = checkToken(options.accessToken, 'accessToken');
  const fetchFn = checkFetch(options.fetch);
  const timeoutMs = checkTimeout(options.timeoutMs, 'timeoutMs', 30_000);
  const retry = checkRetry(options.retry);
  // The member id (`sub` of /v2/userinfo) alone, or a URN with white space around it, is no author: LinkedIn would
  // refuse every post with a 422, after the request.
  const author: unknown = options.author;
  if (typeof author !== 'string' || !/^urn:li:[A-Za-z]+:\S+$/.test(author)) {
    throw invalidOption(
      ['author'],
      'Give the author as a URN without white space around it: urn:li:person:<id> for a member (the id is the sub of /v2/userinfo) or urn:li:organization:<id> for a page.',
    );
  }
  const version: unknown = options.version;
  if (typeof version !== 'string' || !/^\d{6}$/.test(version)) {
    // Named as the option is, with what was given: a missing one, or 202601 as a number, is no typo of the form.
    const got =
      version === undefined
        ? "give the LinkedIn-Version header to send, YYYYMM as text, e.g. '202601'."
        : typeof version === 'number'
          ? `give it as text, '${version}', not as a number.`
          : `use YYYYMM as text, e.g. '202601' (got ${typeof version === 'string' ? JSON.stringify(version) : typeof version}).`;
    const message = `version: ${got}`;
    throw new SocialShiftError('VALIDATION', message, {
      details: { issues: [{ path: ['version'], message: got, code: 'invalid_format' }] },
    });
  }
  async function publish(given: PublishInput): Promise<PublishResult> {
    const input = checkPublishInput(given);
    const measure = measureText('linkedin', input.text)[0];
    if (measure !== undefined && measure.count > measure.limit) {
      throw new SocialShiftError(
        'LIMIT_EXCEEDED',
        `The post has ${measure.count} characters; LinkedIn allows ${measure.limit}. Shorten it with fitText('linkedin', text).body first (the link goes in the article card, not in the text).`,
        {
          details: { limit: measure.limit, actual: measure.count, what: 'linkedin characters' },
        },
      );
    }
    const body: Record<string, unknown> = {
      author,
      commentary: escapeLittleText(input.text),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    if (input.link !== undefined) {
      body.content = {
        article: {
          source: input.link,
          title: input.card?.title ?? input.link,
          ...(input.card?.description === undefined ? {} : { description: input.card.description }),
        },
      };
    }
    const response = await sendWithRetry(
      fetchFn,
      {
        platform: 'linkedin',
        url: `${base}/rest/posts`,
        init: {
          method: 'POST',
          headers: {
            authorization: `Bearer ${accessToken}`,
            'content-type': 'application/json',
            'linkedin-version': options.version,
            'x-restli-protocol-version': '2.0.0',
          },
          body: JSON.stringify(body),
        },
        retryServerErrors: false,
        // LinkedIn takes no idempotency key: a failure after the request went out may still have posted it.
        maybeDelivered: MAYBE_POSTED,
        timeoutMs,
        refusalAdvice: LINKEDIN_REFUSAL_ADVICE,
      },
      retry,
    ).catch((error: unknown) => {
      // LinkedIn serves each version for about a year: an older one (or one not released yet) is refused with
      // 426 NONEXISTENT_VERSION before anything is posted, on every request until the option is changed.
      if (!isSocialShiftError(error, 'PLATFORM') || error.details.status !== 426) throw error;
      throw new SocialShiftError(
        'PLATFORM',
        `LinkedIn does not serve version '${options.version}' (426: retired, or not released yet), so nothing was posted. Set the publisher's version option to a LinkedIn-Version it serves now (a recent YYYYMM), then publish again. ${error.message}`,
        { details: error.details },
      );
    });
    const urn = response.headers.get('x-restli-id');
    if (urn === null) {
      throw missingField('linkedin', response.status, 'the x-restli-id header', MAYBE_POSTED);
    }
    return { platform: 'linkedin', externalId: urn, url: `https://www.linkedin.com/feed/update/${urn}/` };
  }
  return { platform: 'linkedin', publish };
}
