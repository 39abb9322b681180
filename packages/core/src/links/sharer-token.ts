import type { HmacSigner } from './hmac.js';

/**
 * Length of a sharer token: 22 base64url characters, 132 bits of an HMAC-SHA-256.
 *
 * @example
 * ```ts
 * token.length === SHARER_TOKEN_LENGTH; // true
 * ```
 */
export const SHARER_TOKEN_LENGTH = 22;

/**
 * The opaque token that stands for a sharer in every link they share: the first 132 bits of
 * HMAC-SHA-256(organisation secret, organisation id ‖ publisher id). It is stable per publisher (so clicks can be
 * counted per sharer) but carries no name or e-mail and cannot be turned back into the publisher without the
 * secret: only someone who holds the secret and the publisher id can recompute it.
 *
 * @example
 * ```ts
 * const token = await sharerToken(createHmacSigner(secret), 'org_1', 'person_7'); // 'Zr3…' (22 characters)
 * ```
 */
export async function sharerToken(
  signer: HmacSigner,
  organisationId: string,
  publisherId: string,
): Promise<string> {
  const mac = await signer.sign(['sharer', organisationId, publisherId]);
  return mac.slice(0, SHARER_TOKEN_LENGTH);
}
