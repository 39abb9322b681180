import { SocialShiftError } from '@social-shift/core';
import { invalidOption, MAX_TIMER_MS } from './option-checks.js';

/** The `fetch` the publishers use: inject `globalThis.fetch`, a test double, or a proxying client. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How a publisher retries. */
export interface RetryOptions {
  /** Attempts in total, the first included; default 4. */
  readonly maxAttempts?: number | undefined;
  /** First back-off when the platform gives no hint; doubled each attempt. Default 500 ms. */
  readonly baseDelayMs?: number | undefined;
  /** Longest wait the publisher accepts; a longer rate-limit wait becomes a `RATE_LIMITED` error at once. Default 60 s. */
  readonly maxDelayMs?: number | undefined;
  /** Waits; default `setTimeout`. Inject to test without waiting. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  /**
   * The current time in epoch ms, for reset headers; default `Date.now`. One that gives no time (`NaN`, not a
   * number) is a `VALIDATION` error naming `retry.now` when an error answer is read.
   */
  readonly now?: (() => number) | undefined;
}

/** One request of a publisher. */
export interface PlatformRequest {
  readonly platform: string;
  readonly url: string;
  readonly init: RequestInit;
  /** Retry every 5xx, not only 503 (only when a repeat cannot create a second post, e.g. with an idempotency key). */
  readonly retryServerErrors: boolean;
  /**
   * Values sent with the request that must never appear in an error, e.g. an app password in the body or a webhook
   * URL that is itself the secret. The Authorization header is always treated as secret.
   */
  readonly secrets?: readonly string[] | undefined;
  /** Gives up on one attempt (answer and body) after this long, with a `PLATFORM` error. Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /**
   * Give it for a request that creates something (a post, a chat message): what a failure that leaves it unknown
   * whether the platform took the request should say (see {@link MaybeDelivered}). Leave it out for a request a
   * repeat cannot make twice (a login), whose failures say to try again later.
   */
  readonly maybeDelivered?: MaybeDelivered | undefined;
  /**
   * Whether a success's body says the platform refused the request on its rate limit (a Teams connector webhook
   * answers 200 with "HTTP error 429" in its body): such an answer is retried and ends as a 429 does.
   */
  readonly rateLimitedBody?: ((body: string) => boolean) | undefined;
  /**
   * What to fix when the platform refuses the request (a 4xx other than 429, and not a `401` to a request that sent
   * a token, which says to connect the account again): given the status and the answer (secrets redacted), one
   * short sentence, or `undefined` for none. It follows the platform's answer in the `PLATFORM` error's message and
   * is `details.advice`. The caller knows what the request was: a publisher's `404` points at its server option, a
   * webhook's at the webhook URL.
   */
  readonly refusalAdvice?: RefusalAdvice | undefined;
}

/** What to fix for a refusal with this status and answer, in one short sentence; `undefined` for nothing to add. */
export type RefusalAdvice = (status: number, answer: string) => string | undefined;

/**
 * What an error says when it is unknown whether the platform took a request that creates something: no answer within
 * the timeout (ours, or fetch's own for the answer, `UND_ERR_HEADERS_TIMEOUT` or `UND_ERR_BODY_TIMEOUT`: the request
 * went out), a connection that broke once it was made (`UND_ERR_SOCKET`, `ECONNRESET`, `EPIPE`), a 500, 502 or 504
 * (an error after the platform may have taken it, also when it stays after the retries), or a 2xx answer whose body
 * cannot be used. Such a `PLATFORM` error has `details.maybeDelivered: true` and this advice instead of "try again
 * later", so a retry does not create the thing twice unawares. A refusal (a 4xx, a 429 or 503 that stays, a 501, 505
 * or 511) and a connection never made (`ECONNREFUSED`, `ENOTFOUND`, …) sent nothing and say to try again.
 */
export interface MaybeDelivered {
  /** What to do, e.g. `The post may have been created: check the account before publishing again.` */
  readonly advice: string;
  /** Added to the error's details, e.g. the idempotency key that makes a repeat safe. */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

/** What a publisher's post request says when the post may have been created all the same. */
export const MAYBE_POSTED: MaybeDelivered = {
  advice: 'The post may have been created: check the account before publishing again.',
};

/**
 * 5xx answers that may come after the platform took the request: an internal error (500), a gateway's error or
 * timeout in front of it (502, 504). Others say the request was not processed: 501 (not implemented), 503 (not now),
 * 505 (HTTP version), 511 (a proxy wants a login).
 */
const MAYBE_PROCESSED_STATUS: readonly number[] = [500, 502, 504];

/**
 * Network errors of a connection that broke once it was made, so the request may have gone out and been taken:
 * Node's fetch (undici) `UND_ERR_SOCKET` ("other side closed"), a reset and a broken pipe. Errors before a connection
 * (`ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, `UND_ERR_CONNECT_TIMEOUT`) are not among them: nothing was sent.
 */
const BROKEN_AFTER_CONNECT: readonly string[] = ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'];

/**
 * Node's fetch (undici) gave up waiting for the answer's headers or body: its own timeouts, which start once the
 * request went out, so the platform may have taken it.
 */
const NO_ANSWER_AFTER_REQUEST: readonly string[] = ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'];

/**
 * A `PLATFORM` error saying what happened, then, when the request may have been taken (`maybe` given), the advice
 * and `details.maybeDelivered: true`, else `otherwise` (what to do when nothing was taken), then `after`.
 */
function platformError(
  happened: string,
  details: { readonly platform: string; readonly [key: string]: unknown },
  maybe: MaybeDelivered | undefined,
  otherwise = '',
  after = '',
): SocialShiftError<'PLATFORM'> {
  const message = [happened, maybe === undefined ? otherwise : maybe.advice, after]
    .filter((part) => part !== '')
    .join(' ');
  return new SocialShiftError('PLATFORM', message, {
    details: maybe === undefined ? details : { ...details, ...maybe.details, maybeDelivered: true },
  });
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The default time one request may take, headers and body. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
// What is kept of an error body (details.body), and the most a successful answer may hold: these APIs answer
// with a few kB, so more is not theirs to send, and reading it all could take a 50 MB body into memory.
const ERROR_BODY_CHARS = 2_000;
const SUCCESS_BODY_CHARS = 1_000_000;

// RFC 9110 HTTP-date forms all start with the day name (IMF-fixdate, RFC 850 and asctime); Date.parse alone
// would also take "1.5" or "-5" as dates.
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

// asctime (`Sun Nov  6 08:49:37 1994`) carries no zone: RFC 9110 says it is GMT, Date.parse would take local time.
const ASCTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

function waitUntil(value: string, now: number, pattern: RegExp): number | undefined {
  if (!pattern.test(value)) return undefined;
  const date = Date.parse(ASCTIME.test(value) ? `${value} GMT` : value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * How long the platform asks us to wait, from its headers: `Retry-After` (delta-seconds or an HTTP-date, RFC 9110;
 * an asctime date is GMT), then the rate-limit window's reset: `x-rate-limit-reset` (X: epoch seconds),
 * `ratelimit-reset` (Bluesky: epoch seconds) or `x-ratelimit-reset` (Mastodon: an ISO 8601 time), or, when X's
 * 24-hour window for the user or the app is spent (`x-user-limit-24hour-remaining: 0`), that window's later reset
 * (`x-user-limit-24hour-reset`, `x-app-limit-24hour-reset`). The platforms send the window headers on every answer, so they are a wait only for a 429: pass the `status` and for any other
 * status only `Retry-After` counts. `undefined` when none is given or none is valid.
 *
 * @example
 * ```ts
 * retryDelayFromHeaders(new Headers({ 'retry-after': '3' }), Date.now()); // 3000
 * retryDelayFromHeaders(new Headers({ 'x-rate-limit-reset': '1800000000' }), Date.now(), 503); // undefined
 * ```
 */
export function retryDelayFromHeaders(headers: Headers, now: number, status = 429): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter !== undefined) {
    const delay = /^\d+$/.test(retryAfter)
      ? Number(retryAfter) * 1000
      : waitUntil(retryAfter, now, HTTP_DATE);
    if (delay !== undefined) return delay;
  }
  if (status !== 429) return undefined;
  // X also counts posts per 24 hours, for the user and the app: a 429 from a spent daily window (remaining 0) lasts
  // until that window's reset (epoch seconds), whatever the 15-minute window says.
  let daily: number | undefined;
  for (const window of ['x-user-limit-24hour', 'x-app-limit-24hour']) {
    const reset = headers.get(`${window}-reset`)?.trim();
    if (headers.get(`${window}-remaining`)?.trim() !== '0' || reset === undefined || !/^\d+$/.test(reset))
      continue;
    daily = Math.max(daily ?? 0, Number(reset) * 1000 - now);
  }
  const window = windowReset(headers, now);
  return daily === undefined ? window : Math.max(daily, window ?? 0);
}

/** The wait until the rate-limit window's reset, from the first reset header given. */
function windowReset(headers: Headers, now: number): number | undefined {
  for (const name of ['x-rate-limit-reset', 'ratelimit-reset', 'x-ratelimit-reset']) {
    const value = headers.get(name)?.trim();
    if (value === undefined || value === '') continue;
    if (/^\d+$/.test(value)) {
      const n = Number(value);
      // Epoch seconds (X, Bluesky) versus a number of seconds to wait (IETF draft RateLimit-Reset).
      return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
    }
    const delay = waitUntil(value, now, ISO_TIME) ?? waitUntil(value, now, HTTP_DATE);
    if (delay !== undefined) return delay;
  }
  return undefined;
}

/** Reads at most `max` characters of a body, then stops the download. */
async function readCapped(response: Response, max: number): Promise<{ text: string; complete: boolean }> {
  if (response.body === null) return { text: '', complete: true };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), complete: true };
    text += decoder.decode(value, { stream: true });
    if (text.length > max) {
      await reader.cancel().catch(() => undefined);
      return { text: text.slice(0, max), complete: false };
    }
  }
}

// The shortest start of a secret that the cut end of an error body is taken for: shorter ones would redact every
// body ending in a character some secret starts with (`e` for a Bluesky token `eyJ…`, `h` or `/` for a webhook URL).
const MIN_CUT_SECRET_START = 4;

/**
 * Replaces every secret we sent (raw, as JSON would escape it, or with `/` escaped as `\/`) in text the server sent
 * back by `[redacted]`. When the text was cut (`truncated`), a secret may run past its end: after every whole
 * occurrence of every form is replaced, the longest start of any form that the text ends with is replaced once
 * too: from 4 characters on, or, for a form that starts with a public part before another secret it holds
 * (`Bearer ` before the token, `https://host` before a webhook's path), from the first character after that part.
 * So at most the first 3 characters of a secret cut off by the limit can remain, and a body ending in only the
 * public part (`foo Bearer`, `see https`) keeps it.
 */
export function redact(text: string, secrets: readonly string[], truncated = false): string {
  let clean = text;
  // Longest first: a form that holds a shorter one (`\/token` holds `/token`) is replaced whole, not around it.
  const forms = secrets
    .flatMap((secret) => [
      ...new Set([secret, JSON.stringify(secret).slice(1, -1), secret.replace(/\//g, '\\/')]),
    ])
    .sort((a, b) => b.length - a.length);
  for (const form of forms) clean = clean.split(form).join('[redacted]');
  if (truncated) {
    // The longest start over all forms, not the first form's: "Bearer …" may end in one character of the token.
    let longest = 0;
    for (const form of forms) {
      const shortest = Math.max(longest + 1, leastCutStart(form, forms));
      for (let length = Math.min(form.length - 1, clean.length); length >= shortest; length--) {
        if (clean.endsWith(form.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    if (longest > 0) clean = `${clean.slice(0, clean.length - longest)}[redacted]`;
  }
  return clean;
}

/**
 * The shortest start of `form` taken for a cut-off secret: 4 characters, or, when the form holds another secret's
 * form (of 4 characters or more) after a public start of 4 characters or more (`Bearer `, `https://host`), that
 * start and one character.
 */
function leastCutStart(form: string, forms: readonly string[]): number {
  let publicStart = form.length;
  for (const inner of forms) {
    if (inner.length < MIN_CUT_SECRET_START || inner.length >= form.length) continue;
    const at = form.indexOf(inner);
    if (at >= 0) publicStart = Math.min(publicStart, at);
  }
  // A start shorter than 4 characters is no public part but an escape of the same secret (`\/token`, `\"token`).
  return publicStart < MIN_CUT_SECRET_START || publicStart === form.length
    ? MIN_CUT_SECRET_START
    : publicStart + 1;
}

function secretsOf(request: PlatformRequest): string[] {
  const authorization = new Headers(request.init.headers).get('authorization');
  const secrets = [...(request.secrets ?? [])];
  if (authorization !== null) secrets.push(authorization, authorization.replace(/^\S+\s+/, ''));
  // Longest first, so a token inside the full header value is not left half-replaced; very short values are
  // test placeholders and would mangle the message.
  return secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

/**
 * The body of a successful answer as JSON, or a `PLATFORM` error naming the platform (never quoting the body: a
 * session answer holds tokens).
 */
export async function readJson(
  response: Response,
  platform: string,
  maybe?: MaybeDelivered,
): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw platformError(
      `${platform} answered ${response.status} with a body that is not JSON: check the server URL.`,
      { platform, status: response.status },
      maybe,
    );
  }
}

/**
 * A `PLATFORM` error for a successful answer that lacks a field the adapter needs; with `maybe`, the request that
 * created something (the answer was a success) is marked `details.maybeDelivered: true`.
 */
export function missingField(
  platform: string,
  status: number,
  field: string,
  maybe?: MaybeDelivered,
): SocialShiftError<'PLATFORM'> {
  return platformError(
    `${platform} answered ${status} without ${field}: check the server URL.`,
    { platform, status, missing: field },
    maybe,
  );
}

/** A network error's code (e.g. `ECONNREFUSED`), never its message: Node's messages quote header values and URLs. */
function networkCode(cause: unknown): string | undefined {
  for (let e = cause, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** One attempt: the answer and (part of) its body, within the timeout. */
async function attemptOnce(
  fetchFn: FetchLike,
  request: PlatformRequest,
  attempt: number,
): Promise<{ response: Response; text: string; complete: boolean }> {
  const timeoutMs = Math.min(request.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, MAX_TIMER_MS);
  const controller = new AbortController();
  const signal =
    request.init.signal == null
      ? controller.signal
      : AbortSignal.any([request.init.signal, controller.signal]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Raced, not only aborted: an injected fetch may ignore the signal, and the body may stall after the headers.
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      // The request may have gone out before the time ran out: a platform that is slow to answer may have taken it.
      reject(
        platformError(
          `${request.platform} did not answer within ${timeoutMs} ms (raise timeoutMs for a slow platform).`,
          { platform: request.platform, attempts: attempt, timeoutMs },
          request.maybeDelivered,
          'Try again later.',
        ),
      );
    }, timeoutMs);
  });
  const run = async () => {
    try {
      // Never follow a redirect: fetch would turn a POST into a GET (301, 302) and send the token to the new place.
      const response = await fetchFn(request.url, { ...request.init, redirect: 'manual', signal });
      const body = await readCapped(response, response.ok ? SUCCESS_BODY_CHARS : ERROR_BODY_CHARS);
      return { response, ...body };
    } catch (cause) {
      // No cause attached and no cause text: Node's fetch errors quote bad header values (the token) and URLs.
      const code = networkCode(cause);
      const details = {
        platform: request.platform,
        attempts: attempt,
        ...(code === undefined ? {} : { reason: code }),
      };
      if (code !== undefined && BROKEN_AFTER_CONNECT.includes(code)) {
        throw platformError(
          `${request.platform}: the connection broke (${code}), perhaps after the request went out.`,
          details,
          request.maybeDelivered,
          'Try again later.',
        );
      }
      if (code !== undefined && NO_ANSWER_AFTER_REQUEST.includes(code)) {
        throw platformError(
          `${request.platform}: no answer in time (${code}) after the request went out.`,
          details,
          request.maybeDelivered,
          'Try again later.',
        );
      }
      // No connection was made (or the error does not say): nothing was sent.
      throw new SocialShiftError(
        'PLATFORM',
        `${request.platform} could not be reached${code === undefined ? '' : ` (${code})`}. Check the server URL and the network, then try again later.`,
        { details },
      );
    }
  };
  try {
    return await Promise.race([run(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The time `retry.now` gives, checked: one that gives no time (`NaN`, a string, out of the date range) would make the
 * wait for a reset `NaN` ("retry after NaN s") or a wrong number, so it is a VALIDATION error naming the option.
 */
function currentTime(now: () => number): number {
  const at: unknown = now();
  if (typeof at !== 'number' || Number.isNaN(new Date(at).getTime())) {
    throw invalidOption(
      ['retry', 'now'],
      'retry.now must return the current time in epoch ms, as Date.now does.',
    );
  }
  return at;
}

/**
 * Sends a platform request, retrying 429 and 503 (and, when allowed, every 5xx) with the wait the platform asks for
 * (`Retry-After`; for a 429 also the rate-limit reset headers), else exponential back-off. Throws `RATE_LIMITED`
 * (with `details.retryAfterMs`) when the platform still refuses or asks for a longer wait than `maxDelayMs`, and
 * `PLATFORM` (with `details.status` and `details.body`) for other errors. Redirects are not followed: a 3xx is a
 * `PLATFORM` error naming the `Location` (`details.location`). A request given `maybeDelivered` whose failure leaves
 * it unknown whether the platform took it (see {@link MaybeDelivered}) gets `details.maybeDelivered: true` and that
 * advice instead of "try again later". Returns the successful response.
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
  // A longer wait than setTimeout can take would fire at once.
  const maxDelay = Math.min(options.maxDelayMs ?? 60_000, MAX_TIMER_MS);
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const secrets = secretsOf(request);
  for (let attempt = 1; ; attempt++) {
    const { response, text, complete } = await attemptOnce(fetchFn, request, attempt);
    const limitedInBody = response.ok && complete && request.rateLimitedBody?.(text) === true;
    const status = limitedInBody ? 429 : response.status;
    if (response.ok && !limitedInBody) {
      if (!complete) {
        // A success: the platform took the request, whatever the body holds.
        throw platformError(
          `${request.platform} answered ${status} with a body over ${SUCCESS_BODY_CHARS} characters: check the server URL.`,
          { platform: request.platform, status, attempts: attempt },
          request.maybeDelivered,
        );
      }
      // The body is already read (within the timeout): hand back a copy the caller can read again.
      return new Response(text === '' ? null : text, {
        status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
    if ((status >= 300 && status < 400) || response.type === 'opaqueredirect') {
      // Not followed (redirect: 'manual'): a moved API is a configuration error, named with where it points.
      const location = response.headers.get('location');
      let target: string | undefined;
      try {
        target = location === null ? undefined : new URL(location, request.url).href;
      } catch {
        target = location ?? undefined;
      }
      const where = target === undefined ? '' : ` to ${redact(target, secrets)}`;
      throw new SocialShiftError(
        'PLATFORM',
        `${request.platform} answered ${status}, a redirect${where}; it is not followed (a POST would become a GET and the token would go along). Check the server URL${target === undefined ? '' : ' and use the address it points to'}.`,
        {
          details: {
            platform: request.platform,
            status,
            attempts: attempt,
            ...(target === undefined ? {} : { location: redact(target, secrets) }),
          },
        },
      );
    }
    // 429 and 503 mean "not now": the request was refused, so a repeat cannot post twice. Other 5xx may come
    // after the post was made, so they are retried only when the request is idempotent.
    const retryable = status === 429 || status === 503 || (status >= 500 && request.retryServerErrors);
    // The rate-limit window headers come with every answer: only a 429 means waiting for the window's reset. The time
    // is read only for an answer that may be retried: a broken `retry.now` must not hide an auth error or a 500.
    const hinted = retryable ? retryDelayFromHeaders(response.headers, currentTime(now), status) : undefined;
    // A 429 whose reset has passed by our clock (ours runs ahead, or the window reset on the way) is still a refusal:
    // waiting 0 ms would retry at once and end in "retry after 0 s", so it backs off as without a hint.
    const delay =
      hinted === undefined || (hinted === 0 && status === 429) ? baseDelay * 2 ** (attempt - 1) : hinted;
    if (retryable && attempt < maxAttempts && delay <= maxDelay) {
      await sleep(delay);
      continue;
    }
    // The server may echo what we sent (a token, a password): take it out before it enters the error.
    const body = redact(text, secrets, !complete);
    if (status === 429) {
      // Whole seconds in both the message and details, so they agree.
      const seconds = Math.ceil(delay / 1000);
      throw new SocialShiftError(
        'RATE_LIMITED',
        `${request.platform} rate-limits this account: retry after ${seconds} s.`,
        {
          details: {
            retryAfterMs: seconds * 1000,
            platform: request.platform,
            status,
            attempts: attempt,
            body,
          },
        },
      );
    }
    let error: unknown;
    try {
      error = JSON.parse(body) as unknown;
    } catch {
      error = undefined;
    }
    const details = { platform: request.platform, status, body, error, attempts: attempt };
    if (request.maybeDelivered !== undefined && MAYBE_PROCESSED_STATUS.includes(status)) {
      // An error after the platform may have taken the request: the advice before the body, which may be long.
      throw platformError(
        `${request.platform} answered ${status}.`,
        details,
        request.maybeDelivered,
        '',
        body === '' ? '' : `Its answer: ${body.slice(0, 300)}`,
      );
    }
    if (status === 503) {
      // "Not now", still after the retries (or asking for a longer wait than maxDelayMs): nothing was posted.
      const wait = hinted === undefined ? '' : `, in ${Math.ceil(hinted / 1000)} s as it asks`;
      throw new SocialShiftError(
        'PLATFORM',
        `${request.platform} answered 503, unavailable: try again later${wait}. Its answer: ${body.slice(0, 300)}`,
        {
          details: {
            ...details,
            ...(hinted === undefined ? {} : { retryAfterMs: Math.ceil(hinted / 1000) * 1000 }),
          },
        },
      );
    }
    if (status === 401 && new Headers(request.init.headers).has('authorization')) {
      // The token expired or was revoked (the user disconnected the app, changed a password): the platform refused
      // the request before doing anything, and no repeat passes until the account is connected again.
      const posted = request.maybeDelivered === undefined ? '' : ', so nothing was posted';
      const advice = 'Connect the account again for a new token, then try again.';
      throw new SocialShiftError(
        'PLATFORM',
        `${request.platform} answered 401: the access token was refused (expired or revoked)${posted}. ${advice} Its answer: ${body.slice(0, 300)}`,
        { details: { ...details, advice } },
      );
    }
    // What to fix, from the caller, which knows what the request was; none for a server error.
    const advice = status < 500 ? request.refusalAdvice?.(status, body) : undefined;
    if (advice !== undefined && advice !== '') {
      const answer = body === '' ? '.' : `: ${body.slice(0, 300)}`;
      throw new SocialShiftError('PLATFORM', `${request.platform} answered ${status}${answer} ${advice}`, {
        details: { ...details, advice },
      });
    }
    throw new SocialShiftError('PLATFORM', `${request.platform} answered ${status}: ${body.slice(0, 300)}`, {
      details,
    });
  }
}
