import { invalidValues } from '../errors/invalid-value.js';

/** A secret for HMAC signing: a string (UTF-8) or raw bytes, at least 32 bytes. */
export type LinkSecret = string | Uint8Array;

const MIN_SECRET_BYTES = 32;
const encoder = new TextEncoder();

/** An HMAC-SHA-256 signer over one secret; the key is imported once through `globalThis.crypto.subtle`. */
export interface HmacSigner {
  /** The HMAC of `parts` joined by a NUL separator (so `['a', 'bc']` and `['ab', 'c']` differ), base64url. */
  sign(parts: readonly string[]): Promise<string>;
}

/**
 * Makes an HMAC-SHA-256 signer. Throws `VALIDATION` when the secret is not a string or bytes, or is shorter than
 * 32 bytes.
 *
 * @example
 * ```ts
 * const signer = createHmacSigner('a-secret-of-at-least-thirty-two-bytes!!');
 * await signer.sign(['org_1', 'person_1']); // 'q0f…' (43 base64url characters)
 * ```
 */
export function createHmacSigner(secret: LinkSecret): HmacSigner {
  const bytes = typeof secret === 'string' ? encoder.encode(secret) : secret;
  // Not bytes (an unset variable, a number): refused, or `new Uint8Array(64)` below would sign with 64 zero bytes.
  // Also bytes of another realm (a vm context, an iframe), which `instanceof` does not see.
  const isBytes = Object.prototype.toString.call(bytes) === '[object Uint8Array]';
  if (!isBytes || bytes.byteLength < MIN_SECRET_BYTES) {
    throw invalidValues('link secret', [
      {
        path: ['secret'],
        message: `Use ${isBytes ? '' : 'a string or bytes of '}at least ${MIN_SECRET_BYTES} bytes: a long random value kept by the organisation.`,
        code: isBytes ? 'too_small' : 'invalid_type',
      },
    ]);
  }
  const keyBytes = new Uint8Array(bytes);
  let key: Promise<CryptoKey> | undefined;
  const getKey = (): Promise<CryptoKey> => {
    key ??= globalThis.crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    return key;
  };
  return {
    async sign(parts) {
      const mac = await globalThis.crypto.subtle.sign(
        'HMAC',
        await getKey(),
        encoder.encode(parts.join('\u0000')),
      );
      return toBase64Url(new Uint8Array(mac));
    },
  };
}

/** Base64url without padding (RFC 4648 §5). */
export const toBase64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');

/** Compares two strings in time that depends only on their length, so a signature cannot be guessed byte by byte. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
