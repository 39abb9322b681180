import { isSocialShiftError, SocialShiftError } from '@social-shift/core';
import { blueskyFacets } from './bluesky-facets.js';
import {
  type FetchLike,
  MAYBE_POSTED,
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
  checkPublishInput,
  checkRetry,
  checkString,
  checkTimeout,
  invalidOption,
} from './option-checks.js';
import type { Publisher, PublishInput, PublishResult } from './publisher.js';
import { publisherRefusalAdvice } from './refusal-advice.js';
import { measureText } from './text-fit.js';

/** Options of {@link createBlueskyPublisher}. */
export interface BlueskyPublisherOptions {
  /** The account's PDS, e.g. `https://bsky.social` (or the user's own PDS). */
  readonly service: string;
  /**
   * Handle or DID (or the account's e-mail address). A handle may be given as Bluesky shows it, `@anne.bsky.social`,
   * and white space around it is ignored.
   */
  readonly identifier: string;
  /** An app password (never the account password). */
  readonly appPassword: string;
  readonly fetch: FetchLike;
  readonly retry?: RetryOptions | undefined;
  /** Gives up on a request that takes longer, with a `PLATFORM` error. Default 30 s. */
  readonly timeoutMs?: number | undefined;
  /** The current time in epoch ms, for `createdAt`; default `Date.now`. */
  readonly now?: (() => number) | undefined;
  /** A session saved earlier (from `onSession`): resumed instead of logging in again. */
  readonly session?: BlueskySession | undefined;
  /**
   * Called with every new or refreshed session, so a service can store it and avoid logging in each time. A promise
   * it returns is awaited before the post: when it rejects (or the function throws), the publish fails with its
   * error and nothing is posted.
   */
  readonly onSession?:
    | ((session: BlueskySession) => void)
    | ((session: BlueskySession) => Promise<void>)
    | undefined;
}

/** A Bluesky session: the tokens `createSession` and `refreshSession` return. Store it like a password. */
export interface BlueskySession {
  readonly accessJwt: string;
  readonly refreshJwt: string;
  readonly did: string;
  readonly handle: string;
}

type Session = BlueskySession;

const BLUESKY_REFUSAL_ADVICE = publisherRefusalAdvice({
  server: 'service',
  permission: 'that the app password is of the account that posts, and the account is not taken down',
});

const SESSION_FIELDS = ['accessJwt', 'refreshJwt', 'did', 'handle'] as const;

/** The session field that is missing or not a non-empty string, if any. */
function missingSessionField(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'a session';
  return SESSION_FIELDS.find((key) => {
    const field = (value as Record<string, unknown>)[key];
    return typeof field !== 'string' || field === '';
  });
}

/**
 * Publishes to Bluesky through the AT Protocol: `com.atproto.server.createSession`, then
 * `com.atproto.repo.createRecord` of an `app.bsky.feed.post` with link and hashtag facets (UTF-8 byte offsets)
 * and an external embed card for the link. Refreshes the session (`refreshSession`, or logs in again when that fails)
 * once when the PDS answers `ExpiredToken`, or `InvalidToken` (a saved session it cannot verify). Publishes at the same time share one login and one refresh; a failed one is tried again by the
 * next publish. Text over 300 graphemes or 3000 UTF-8 bytes is refused with `LIMIT_EXCEEDED` before any
 * request is sent.
 *
 * @example
 * ```ts
 * const bluesky = createBlueskyPublisher({ service: 'https://bsky.social', identifier: 'anne.bsky.social',
 *   appPassword: process.env.BSKY_APP_PASSWORD!, fetch });
 * const { externalId, url } = await bluesky.publish({ text: 'Wij zoeken collega’s! https://example.org/jobs' });
 * ```
 */
export function createBlueskyPublisher(options: BlueskyPublisherOptions): Publisher {
  const service = checkApiBase(options.service, 'service');
  // The PDS refuses `@anne.bsky.social` (an `@` makes it look for an e-mail address) and a handle with white space
  // (from an environment variable or a file) with 401, which reads as a wrong app password: sent as the handle.
  const identifier = checkString(options.identifier, 'identifier', 'Give the handle or DID.')
    .trim()
    .replace(/^@(?=[^@]+$)/, '');
  const appPassword = checkString(options.appPassword, 'appPassword', 'Give an app password.');
  // An app password (`xxxx-xxxx-xxxx-xxxx`) holds no white space: one read from a file or an environment variable
  // with its line break would be refused with 401, which reads as a wrong or revoked app password.
  if (appPassword.trim() !== appPassword) {
    throw invalidOption(
      ['appPassword'],
      'The app password has white space (a space or a line break) before or after it: remove it.',
    );
  }
  const fetchFn = checkFetch(options.fetch);
  const timeoutMs = checkTimeout(options.timeoutMs, 'timeoutMs', 30_000);
  const retry = checkRetry(options.retry);
  checkCallback(options.onSession, 'onSession', 'Pass a function that stores the session, or leave it out.');
  checkCallback(options.now, 'now', 'Pass a function returning epoch ms, such as Date.now, or leave it out.');
  if (options.session !== undefined) {
    const missing = missingSessionField(options.session);
    if (missing !== undefined) {
      throw invalidOption(['session', missing], 'Pass the session exactly as onSession gave it, or none.');
    }
  }
  const now = options.now ?? Date.now;
  let session: Session | undefined = options.session;
  const keep = async (next: Session): Promise<Session> => {
    const kept = {
      accessJwt: next.accessJwt,
      refreshJwt: next.refreshJwt,
      did: next.did,
      handle: next.handle,
    };
    session = kept;
    // Awaited: a store that fails fails this publish before it posts, not later as an unhandled rejection.
    await options.onSession?.(kept);
    return kept;
  };

  const xrpc = async (
    method: string,
    body: unknown,
    token: string | undefined,
    retryServerErrors: boolean,
    // Given for createRecord, which may have posted when it fails after the request went out.
    maybeDelivered?: MaybeDelivered,
  ): Promise<{ status: number; json: unknown }> => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const response = await sendWithRetry(
      fetchFn,
      {
        platform: 'bluesky',
        url: `${service}/xrpc/${method}`,
        init: { method: 'POST', headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
        retryServerErrors,
        ...(maybeDelivered === undefined ? {} : { maybeDelivered }),
        // The PDS may echo the login request; keep the app password (and the session's tokens) out of errors.
        refusalAdvice: BLUESKY_REFUSAL_ADVICE,
        secrets: [appPassword, ...(session === undefined ? [] : [session.accessJwt, session.refreshJwt])],
        timeoutMs,
      },
      retry,
    );
    return { status: response.status, json: await readJson(response, 'bluesky', maybeDelivered) };
  };

  // A session answer without its tokens would post without Authorization and to `repo: undefined`.
  const asSession = (answer: { status: number; json: unknown }): Session => {
    const missing = missingSessionField(answer.json);
    if (missing !== undefined) throw missingField('bluesky', answer.status, `session field ${missing}`);
    return answer.json as Session;
  };

  // Single flight: publishes that need a login (or a refresh) at the same time share one request, so two posts
  // sent together log in once. The promise is dropped when it settles, so a failed login is tried again by the next
  // publish instead of being kept.
  let loggingIn: Promise<Session> | undefined;
  const login = (): Promise<Session> => {
    loggingIn ??= xrpc(
      'com.atproto.server.createSession',
      { identifier, password: appPassword },
      undefined,
      true,
    )
      .catch((error: unknown) => {
        // The identifier or app password is refused (a revoked app password, a renamed handle): no retry logs in
        // until a new one is given.
        if (!isSocialShiftError(error, 'PLATFORM') || error.details.status !== 401) throw error;
        const advice =
          'Create a new app password (Settings → Privacy and security → App passwords) and connect the account again with it.';
        throw new SocialShiftError(
          'PLATFORM',
          `bluesky refused the login (401): the identifier or app password is wrong, or the app password was revoked, so nothing was posted. ${advice} ${error.message}`,
          { details: { ...error.details, advice } },
        );
      })
      .then((answer) => keep(asSession(answer)))
      .finally(() => {
        loggingIn = undefined;
      });
    return loggingIn;
  };

  let refreshing: { readonly from: Session; readonly next: Promise<Session> } | undefined;
  const refresh = (current: Session): Promise<Session> => {
    // Another publish already replaced the expired session (refresh tokens rotate: the old one may be spent).
    if (session !== undefined && session !== current) return Promise.resolve(session);
    if (refreshing?.from === current) return refreshing.next;
    const next = xrpc('com.atproto.server.refreshSession', undefined, current.refreshJwt, true)
      .then((answer) => keep(asSession(answer)))
      .catch((error: unknown) => {
        if (isSocialShiftError(error, 'PLATFORM')) return login();
        throw error;
      })
      .finally(() => {
        if (refreshing?.next === next) refreshing = undefined;
      });
    refreshing = { from: current, next };
    return next;
  };

  // The PDS refused the session before doing anything: its access token expired (ExpiredToken), or it cannot verify
  // it (InvalidToken: a saved session signed with a key the PDS no longer has, or from another PDS). Refreshing (and,
  // when that fails too, logging in) and posting once more cannot post twice.
  const isRefusedSession = (error: unknown): boolean => {
    if (!isSocialShiftError(error, 'PLATFORM')) return false;
    const code = (error.details.error as { error?: unknown } | undefined)?.error;
    return code === 'ExpiredToken' || code === 'InvalidToken';
  };

  async function publish(given: PublishInput): Promise<PublishResult> {
    const input = checkPublishInput(given);
    for (const measure of measureText('bluesky', input.text)) {
      if (measure.count > measure.limit) {
        throw new SocialShiftError(
          'LIMIT_EXCEEDED',
          `The post has ${measure.count} ${measure.unit}; Bluesky allows ${measure.limit}. Shorten it with fitText('bluesky', …) first.`,
          { details: { limit: measure.limit, actual: measure.count, what: `bluesky ${measure.unit}` } },
        );
      }
    }
    // A `now` that gives no time would throw a RangeError from toISOString (or post a wrong createdAt).
    const at: unknown = now();
    if (typeof at !== 'number' || Number.isNaN(new Date(at).getTime())) {
      throw invalidOption(['now'], 'now must return the current time in epoch ms, as Date.now does.');
    }
    const facets = blueskyFacets(input.text);
    const record: Record<string, unknown> = {
      $type: 'app.bsky.feed.post',
      text: input.text,
      createdAt: new Date(at).toISOString(),
    };
    if (facets.length > 0) record.facets = facets;
    if (input.language !== undefined) record.langs = [input.language];
    if (input.link !== undefined) {
      record.embed = {
        $type: 'app.bsky.embed.external',
        external: {
          uri: input.link,
          title: input.card?.title ?? input.link,
          description: input.card?.description ?? '',
        },
      };
    }
    let current = session ?? (await login());
    const create = (s: Session) =>
      xrpc(
        'com.atproto.repo.createRecord',
        { repo: s.did, collection: 'app.bsky.feed.post', record },
        s.accessJwt,
        false,
        MAYBE_POSTED,
      );
    let created: { status: number; json: unknown };
    try {
      created = await create(current);
    } catch (error) {
      if (!isRefusedSession(error)) throw error;
      current = await refresh(current);
      created = await create(current);
    }
    const uri = (created.json as { uri?: unknown } | null)?.uri;
    if (typeof uri !== 'string' || !uri.startsWith('at://')) {
      throw missingField('bluesky', created.status, 'the record uri (at://…)', MAYBE_POSTED);
    }
    // at://<did>/app.bsky.feed.post/<rkey>. The post's web address names the account by its DID, which never
    // changes, where a handle can be renamed (or be `handle.invalid` when it no longer resolves).
    const [repo, , rkey] = uri.slice('at://'.length).split('/');
    return {
      platform: 'bluesky',
      externalId: uri,
      url: repo && rkey ? `https://bsky.app/profile/${repo}/post/${rkey}` : undefined,
    };
  }

  return { platform: 'bluesky', publish };
}
