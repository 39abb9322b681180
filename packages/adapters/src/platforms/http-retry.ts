import { SocialShiftError } from '@social-shift/core';

/** The `fetch` the publishers use: inject `globalThis.fetch`, a test double, or a proxying client. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How a publisher retries. */
export interface RetryOptions {
  /** Attempts in total, the first included; default 4. */
  readonly maxAttempts?: number;
  /** First back-off when the platform gives no hint; doubled each attempt. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Longest wait the publisher accepts; a longer rate-limit wait becomes a `RATE_LIMITED` error at once. Default 60 s. */
  readonly maxDelayMs?: number;
  /** Waits; default `setTimeout`. Inject to test without waiting. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The current time in epoch ms, for reset headers; default `Date.now`. */
  readonly now?: () => number;
}

/** One request of a publisher. */
export interface PlatformRequest {
  readonly platform: string;
  readonly url: string;
  readonly init: RequestInit;
  /** Retry every 5xx, not only 503 (only when a repeat cannot create a second post, e.g. with an idempotency key). */
  readonly retryServerErrors: boolean;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long the platform asks us to wait, from its headers: `Retry-After` (seconds or an HTTP date),
 * `x-rate-limit-reset` (X: epoch seconds), `ratelimit-reset` (Bluesky: epoch seconds) or `x-ratelimit-reset`
 * (Mastodon: an ISO 8601 time). `undefined` when none is given.
 *
 * @example
 * ```ts
 * retryDelayFromHeaders(new Headers({ 'retry-after': '3' }), Date.now()); // 3000
 * ```
 */
export function retryDelayFromHeaders(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim()) * 1000;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  for (const name of ['x-rate-limit-reset', 'ratelimit-reset', 'x-ratelimit-reset']) {
    const value = headers.get(name)?.trim();
    if (value === undefined || value === '') continue;
    if (/^\d+$/.test(value)) {
      const n = Number(value);
      // Epoch seconds (X, Bluesky) versus a number of seconds to wait (IETF draft RateLimit-Reset).
      return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
    }
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return undefined;
}

async function errorBody(response: Response): Promise<{ text: string; json: unknown }> {
  const text = (await response.text().catch(() => '')).slice(0, 2_000);
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch {
    return { text, json: undefined };
  }
}

/**
 * Sends a platform request, retrying 429 and 503 (and, when allowed, every 5xx) with the wait the platform asks for, else
 * exponential back-off. Throws `RATE_LIMITED` (with `details.retryAfterMs`) when the platform still refuses or
 * asks for a longer wait than `maxDelayMs`, and `PLATFORM` (with `details.status` and `details.body`) for other
 * errors. Returns the successful response.
 *
 * @example
 * ```ts
 * const response = await sendWithRetry(fetch, { platform: 'mastodon', url, init, retryServerErrors: true });
 * ```
 */
export async function sendWithRetry(
  fetchFn: FetchLike,
  request: PlatformRequest,
  options: RetryOptions = {},
): Promise<Response> {
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelay = options.baseDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetchFn(request.url, request.init);
    } catch (cause) {
      throw new SocialShiftError(
        'PLATFORM',
        `${request.platform} could not be reached: ${String(cause)}. Try again later.`,
        {
          details: { platform: request.platform, attempts: attempt },
          cause,
        },
      );
    }
    if (response.ok) return response;
    const status = response.status;
    // 429 and 503 mean "not now": the request was refused, so a repeat cannot post twice. Other 5xx may come
    // after the post was made, so they are retried only when the request is idempotent.
    const retryable = status === 429 || status === 503 || (status >= 500 && request.retryServerErrors);
    const hinted = retryDelayFromHeaders(response.headers, now());
    const delay = hinted ?? baseDelay * 2 ** (attempt - 1);
    if (retryable && attempt < maxAttempts && delay <= maxDelay) {
      await response.body?.cancel().catch(() => undefined);
      await sleep(delay);
      continue;
    }
    const body = await errorBody(response);
    if (status === 429) {
      throw new SocialShiftError(
        'RATE_LIMITED',
        `${request.platform} rate-limits this account: retry after ${Math.ceil(delay / 1000)} s.`,
        { details: { retryAfterMs: delay, platform: request.platform, attempts: attempt, body: body.text } },
      );
    }
    throw new SocialShiftError(
      'PLATFORM',
      `${request.platform} answered ${status}: ${body.text.slice(0, 300)}`,
      {
        details: { platform: request.platform, status, body: body.text, error: body.json, attempts: attempt },
      },
    );
  }
}
