import { invalidValue } from '../errors/invalid-value.js';
import { isRecord } from '../model/is-record.js';

/**
 * A pluggable shortener: turns a tracked URL into a short one and back. The tracker verifies the signature of
 * whatever the shortener expands to, so a shortener never has to be trusted with attribution.
 */
export interface LinkShortener {
  /** Returns a short URL that stands for `trackedUrl`. Called once per tracked link. */
  shorten(trackedUrl: string): Promise<string>;
  /** The tracked URL behind a short code or short URL; `undefined` (or `null`) when unknown. */
  expand(codeOrUrl: string): Promise<string | undefined>;
}

/** Options of {@link createMemoryShortener}. */
export interface MemoryShortenerOptions {
  /** Where short links live, e.g. `https://go.example.org/s` (no query or fragment); the code is appended after a `/`. */
  readonly baseUrl: string;
  /** Characters per code, 4 to 32; default 10 (about 58 bits). */
  readonly codeLength?: number | undefined;
  /**
   * Random bytes for the codes (default `crypto.getRandomValues`): inject a seeded source for reproducible tests.
   * Codes should stay unguessable in production.
   */
  readonly randomBytes?: ((length: number) => Uint8Array) | undefined;
}

const cryptoBytes = (length: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(length));

const CODE_ALPHABET = '23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_PATTERN = /^[2-9a-km-zA-HJ-NP-Z]{4,32}$/;

/**
 * A shortener that keeps codes in memory: for tests, demos and single-process services. A durable service
 * implements {@link LinkShortener} over its own store.
 *
 * @example
 * ```ts
 * const shortener = createMemoryShortener({ baseUrl: 'https://go.example.org/s' });
 * const tracker = createLinkTracker({ secret, shortener });
 * ```
 */
export function createMemoryShortener(options: MemoryShortenerOptions): LinkShortener {
  if (!isRecord(options))
    throw invalidValue(
      'shortener options',
      [],
      'Pass { baseUrl }, e.g. { baseUrl: "https://go.example.org/s" }.',
    );
  const given = typeof options.baseUrl === 'string' ? options.baseUrl.replace(/\/+$/, '') : '';
  // The base as a parsed URL reads (lower-case host, no default port, encoded path): the form in which a server
  // hands the short link's request back to `expand`.
  let base = '';
  try {
    base = new URL(given).href.replace(/\/+$/, '');
  } catch {}
  // A query or fragment in the base would hide the code from `expand`, which reads the path only.
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(given) || base === '')
    throw invalidValue(
      'shortener options',
      ['baseUrl'],
      'Use an absolute http:// or https:// URL without query or fragment, e.g. https://go.example.org/s.',
    );
  const length = options.codeLength ?? 10;
  if (!Number.isInteger(length) || length < 4 || length > 32)
    throw invalidValue('shortener options', ['codeLength'], 'Use a whole number from 4 to 32.');
  const randomBytes = options.randomBytes ?? cryptoBytes;
  if (typeof randomBytes !== 'function')
    throw invalidValue(
      'shortener options',
      ['randomBytes'],
      'Give a function that returns that many random bytes, or leave it out for crypto.getRandomValues.',
    );
  const byCode = new Map<string, string>();
  const byUrl = new Map<string, string>();
  // Bytes at or above the largest multiple of the alphabet's size are skipped, so every character is equally likely.
  const limit = 256 - (256 % CODE_ALPHABET.length);
  const newCode = (): string => {
    let code = '';
    for (let round = 0; code.length < length; round++) {
      const bytes = randomBytes(length - code.length);
      if (!(bytes instanceof Uint8Array) || bytes.length === 0 || round === 64)
        throw invalidValue(
          'shortener options',
          ['randomBytes'],
          'Return the number of random bytes asked for.',
        );
      for (const byte of bytes)
        if (byte < limit && code.length < length) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
    return code;
  };
  return {
    async shorten(trackedUrl) {
      let code = byUrl.get(trackedUrl);
      if (code === undefined) {
        // A free code is found within a few tries unless the source repeats itself (or the codes ran out).
        for (let tries = 0; code === undefined || byCode.has(code); tries++) {
          if (tries === 64)
            throw invalidValue(
              'shortener options',
              ['randomBytes'],
              'Return random bytes: the codes made of them keep being taken.',
            );
          code = newCode();
        }
        byCode.set(code, trackedUrl);
        byUrl.set(trackedUrl, code);
      }
      return `${base}/${code}`;
    },
    async expand(codeOrUrl) {
      if (typeof codeOrUrl !== 'string') return undefined;
      // Platforms add their own query parameters (`?fbclid=…`) to the links people click: the code ends before them.
      let path = codeOrUrl.trim().split(/[?#]/, 1)[0] ?? '';
      // A short URL is compared as a parsed URL, like the base; a bare code is no URL.
      try {
        path = new URL(path).href;
      } catch {}
      const code = path.startsWith(`${base}/`) ? path.slice(base.length + 1) : path;
      if (!CODE_PATTERN.test(code)) return undefined;
      return byCode.get(code);
    },
  };
}
