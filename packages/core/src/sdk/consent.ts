// The consent rules of the method: who may be offered posts, sent digests or tracked. A person's consents are
// documents of their own (`consent`); a withdrawn one no longer counts. See docs/privacy.md.
import type { Consent } from '../model/consent.js';
import type { ConsentPurpose } from '../model/vocabulary.js';
import type { Runtime } from './runtime.js';
import { find, list } from './runtime.js';

/** Whether a person has a consent for a purpose that is not withdrawn. */
export function hasConsentFor(
  consents: readonly Consent[],
  personId: string,
  purpose: ConsentPurpose,
): boolean {
  return consents.some(
    (c) => c.personId === personId && c.withdrawnAt === undefined && c.purposes.includes(purpose),
  );
}

/** Whether a person has a consent for offers that is not withdrawn. */
export function hasOfferConsent(consents: readonly Consent[], personId: string): boolean {
  return hasConsentFor(consents, personId, 'offers');
}

/** Whether a person may be tracked now: not erased, and a consent for `tracking` that is not withdrawn. */
export async function mayTrack(rt: Runtime, personId: string): Promise<boolean> {
  const person = await find(rt, 'person', personId);
  if (!person || person.erasedAt !== undefined) return false;
  return hasConsentFor(await list(rt, 'consent', { personId }), personId, 'tracking');
}
