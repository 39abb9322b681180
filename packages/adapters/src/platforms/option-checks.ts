import { LANGUAGES, SocialShiftError } from '@social-shift/core';
import type { PublishInput } from './publisher.js';

/** A `VALIDATION` error about one option or input field. The message never quotes the value: it may be a secret. */
export function invalidOption(
  path: readonly (string | number)[],
  message: string,
): SocialShiftError<'VALIDATION'> {
  return new SocialShiftError('VALIDATION', `${path.join('.')}: ${message}`, {
    details: { issues: [{ path: [...path], message, code: 'invalid_value' }] },
  });
}

/** True for a plain object (not `null`, not a list): what an options or input object must be. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True for a plain object: one made by `{ … }`, `JSON.parse` or `Object.create(null)`, not a list, a `Map`, a
 * `Date` or another class instance, whose settings would not be read as properties. Also one made in another realm
 * (a `node:vm` context, an iframe), whose prototype is that realm's `Object.prototype`: so its tag is
 * `[object Object]` and its prototype is `null` or has the prototype `null`.
 */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
};

/**
 * What a value that is no plain object is, for an error message: `null`, `an array`, `a Map` or `a Date` (its
 * built-in tag), `not a plain object` (a class instance, an object with another prototype), or its `typeof`. Never
 * anything the caller wrote (a constructor's name, the value): it may be a secret.
 */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  let tag = 'Object';
  try {
    if (Array.isArray(value)) return 'an array';
    tag = Object.prototype.toString.call(value).slice(8, -1);
  } catch {
    // A revoked proxy: nothing can be told of it.
  }
  return tag === 'Object' || !/^[A-Za-z]+$/.test(tag)
    ? 'not a plain object'
    : `${/^[AEIOU]/i.test(tag) ? 'an' : 'a'} ${tag}`;
}

// Plain http is allowed only to this machine, where nobody can read the token on the wire (local test servers).
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks an endpoint the adapter sends a secret to (a token, an app password, or a webhook URL that is itself the
 * secret) and returns it without trailing slashes: an absolute https URL (http only to localhost), without
 * credentials in it.
 */
export function checkEndpoint(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidOption([path], 'Give the https URL, e.g. https://example.org.');
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidOption([path], 'Not an absolute URL: give it with its scheme, e.g. https://example.org.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw invalidOption([path], 'Use an https URL: the request carries a secret (http only to localhost).');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalidOption(
      [path],
      'Remove the user name and password from the URL; give credentials as options.',
    );
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Checks the base URL of a platform's API (an endpoint the API path is appended to): as {@link checkEndpoint}, and
 * without a query or fragment, which would swallow the appended path (`https://pds.example/?x#/xrpc/…` posts to
 * the root). A path is kept.
 */
export function checkApiBase(value: unknown, path: string): string {
  const base = checkEndpoint(value, path);
  if (/[?#]/.test(base)) {
    throw invalidOption(
      [path],
      'Remove the query and fragment (`?…`, `#…`): give the server’s base URL, e.g. https://example.org.',
    );
  }
  return base;
}

/** Checks a token sent in an Authorization header: printable ASCII without spaces, as OAuth tokens are. */
export function checkToken(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
    throw invalidOption(
      [path],
      'Give the token as a non-empty string of printable ASCII without spaces or line breaks.',
    );
  }
  return value;
}

/** Checks a required non-empty string option. */
export function checkString(value: unknown, path: string, hint: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidOption([path], hint);
  return value;
}

/** Checks the injected `fetch`. */
export function checkFetch<T>(value: T): T {
  if (typeof value !== 'function')
    throw invalidOption(['fetch'], 'Pass a fetch function, e.g. globalThis.fetch.');
  return value;
}

/** Checks an optional callback option: a function or nothing. `path` names it (`'now'`, `['retry', 'sleep']`). */
export function checkCallback<T>(value: T, path: string | readonly string[], hint: string): T {
  if (value !== undefined && typeof value !== 'function')
    throw invalidOption(typeof path === 'string' ? [path] : path, hint);
  return value;
}

/**
 * Checks the optional retry settings (see `RetryOptions`): an object of a whole number of attempts from 1, delays
 * that are numbers from 0 (`maxDelayMs` may be `Infinity`), and `sleep` and `now` functions. A mistake would
 * otherwise surface only as a TypeError at the first refused request, after the post may have been made.
 */
export function checkRetry<T>(value: T): T {
  if (value === undefined) return value;
  if (!isObject(value)) {
    throw invalidOption(
      ['retry'],
      'Give the retry settings as an object such as { maxAttempts: 4 }, or none.',
    );
  }
  const { maxAttempts, baseDelayMs, maxDelayMs, sleep, now } = value;
  if (
    maxAttempts !== undefined &&
    (typeof maxAttempts !== 'number' || !Number.isInteger(maxAttempts) || maxAttempts < 1)
  ) {
    throw invalidOption(
      ['retry', 'maxAttempts'],
      'Give a whole number of attempts from 1 (the first included).',
    );
  }
  if (
    baseDelayMs !== undefined &&
    (typeof baseDelayMs !== 'number' || !Number.isFinite(baseDelayMs) || baseDelayMs < 0)
  ) {
    throw invalidOption(['retry', 'baseDelayMs'], 'Give a number of milliseconds from 0.');
  }
  if (
    maxDelayMs !== undefined &&
    (typeof maxDelayMs !== 'number' || Number.isNaN(maxDelayMs) || maxDelayMs < 0)
  ) {
    throw invalidOption(
      ['retry', 'maxDelayMs'],
      'Give a number of milliseconds from 0 (Infinity for no limit).',
    );
  }
  checkCallback(sleep, ['retry', 'sleep'], 'Pass a function (ms) => Promise<void>, or leave it out.');
  checkCallback(
    now,
    ['retry', 'now'],
    'Pass a function returning epoch ms, such as Date.now, or leave it out.',
  );
  return value;
}

/** The longest delay `setTimeout` takes; a longer one fires at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Checks an optional timeout in ms and returns it or the default. */
export function checkTimeout(value: unknown, path: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS) {
    throw invalidOption([path], `Give a whole number of milliseconds from 1 to ${MAX_TIMER_MS}.`);
  }
  return value;
}

/** True for an absolute http(s) URL: the only links a post may carry (no `javascript:` or `data:`). */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** True for a key an `Idempotency-Key` header carries as one: printable ASCII, not only spaces. */
export const isIdempotencyKey = (value: unknown): value is string =>
  typeof value === 'string' && /^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$/.test(value);

/**
 * Checks `PublishInput.idempotencyKey` for the publishers that send it (Mastodon, as the `Idempotency-Key`
 * header): absent, or a non-empty string of printable ASCII. The others send no key and ignore it, so a key they
 * could not carry is no reason to refuse their post.
 */
export function checkIdempotencyKey(idempotencyKey: unknown): void {
  // Sent as a header: an empty key is no key to the server (a retried 5xx could post twice), and a character a
  // header cannot carry makes fetch throw, which would read as a network error.
  if (idempotencyKey !== undefined && !isIdempotencyKey(idempotencyKey)) {
    throw invalidOption(
      ['idempotencyKey'],
      'Give the idempotency key as a non-empty string of printable ASCII, e.g. the share id; leave it out for a random one.',
    );
  }
}

/**
 * Checks what a publisher is asked to post: non-empty text, an http(s) link, a card with a non-empty title (and a string
 * description) and a language of the SDK. The idempotency key is checked only where it is sent
 * ({@link checkIdempotencyKey}, Mastodon).
 */
export function checkPublishInput(input: unknown): PublishInput {
  if (typeof input !== 'object' || input === null) {
    throw invalidOption(['input'], 'Pass { text } with the text to post.');
  }
  const { text, link, card, language } = input as Record<string, unknown>;
  if (typeof text !== 'string') throw invalidOption(['text'], 'Give the text to post as a string.');
  if (text.trim() === '') throw invalidOption(['text'], 'The text is empty: platforms refuse an empty post.');
  if (link !== undefined && (typeof link !== 'string' || !isWebUrl(link))) {
    throw invalidOption(['link'], 'The link must be an absolute http:// or https:// URL.');
  }
  // `new URL` repairs `https:///jobs`, `https:example.org` and backslashes into a working address, but the link is
  // posted as given, where no platform links it (an empty host in a template: `https://${host}/jobs`).
  if (typeof link === 'string' && !/^https?:\/\/[^/\\?#]/i.test(link)) {
    throw invalidOption(
      ['link'],
      'The link must start with http:// or https:// and its host, e.g. https://example.org/jobs.',
    );
  }
  // `new URL` accepts spaces and drops tabs and line breaks, but the link is posted as given: in a text it would
  // end at the first space (a broken link), and Bluesky refuses such an embed uri after the login.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  if (typeof link === 'string' && /[\u0000-\u0020\u007f-\u009f\s]/u.test(link)) {
    throw invalidOption(
      ['link'],
      'The link must not contain spaces, tabs, line breaks or other control characters: percent-encode them.',
    );
  }
  if (
    card !== undefined &&
    (typeof card !== 'object' || card === null || typeof (card as { title?: unknown }).title !== 'string')
  ) {
    throw invalidOption(['card', 'title'], 'A link card needs a title string.');
  }
  // Sent as the card's (Bluesky) or the article's (LinkedIn) title, which would show nothing above the link.
  if (card !== undefined && (card as { title: string }).title.trim() === '') {
    throw invalidOption(
      ['card', 'title'],
      'The card title is empty: give the title to show above the link, or leave card out (the link is its title then).',
    );
  }
  const description = card === undefined ? undefined : (card as { description?: unknown }).description;
  if (description !== undefined && typeof description !== 'string') {
    throw invalidOption(['card', 'description'], 'Give the card description as a string, or leave it out.');
  }
  // Sent as the record's `langs` (Bluesky) or the status's `language` (Mastodon), which refuse anything else.
  if (language !== undefined && !(LANGUAGES as readonly unknown[]).includes(language)) {
    throw invalidOption(['language'], `Use one of ${LANGUAGES.join(', ')}, or leave it out.`);
  }
  return input as PublishInput;
}
