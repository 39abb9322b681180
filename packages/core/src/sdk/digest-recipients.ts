// The one place a digest sender learns whom to write to: only people who consented to digests.
import { compareText } from '../model/compare-text.js';
import type { Person } from '../model/person.js';
import type { OfferWithPost } from './commands/offers.js';
import { hasConsentFor } from './consent.js';
import { settleOffer } from './due-transitions.js';
import type { Runtime } from './runtime.js';
import { isAllowedFor, list } from './runtime.js';

/**
 * A person to send a digest to, with the offers waiting for them (oldest first; offers of the same time by id).
 *
 * @example
 * ```ts
 * for (const { person, waiting } of await shift.system.digestRecipients()) {
 *   await send(buildDigest({ publisherName: person.displayName, language: person.language, waiting, ... }));
 * }
 * ```
 */
export interface DigestRecipient {
  readonly person: Person;
  readonly waiting: readonly OfferWithPost[];
}

/** The items by a key of each, in their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The people who get a digest now: active or dormant, not erased, with a consent for `digests` that is not
 * withdrawn, who may still respond to offers (a publisher whose role was revoked gets none), and at least one offer
 * they can share now: offered or seen, not expired at the clock's time, its post on offer and its campaign running
 * (a paused campaign's offers wait until it resumes).
 */
export async function digestRecipients(rt: Runtime): Promise<DigestRecipient[]> {
  const [people, consents, offers, posts, campaigns, assignments] = await Promise.all([
    list(rt, 'person'),
    list(rt, 'consent'),
    list(rt, 'offer'),
    list(rt, 'post'),
    list(rt, 'campaign'),
    list(rt, 'role_assignment'),
  ]);
  const postsById = new Map(posts.map((post) => [post.id, post]));
  const running = new Set(campaigns.filter((c) => c.status === 'running').map((c) => c.id));
  // Grouped once by person: a programme of thousands of people would otherwise scan every list per person.
  const rolesOf = groupBy(
    assignments.filter((a) => a.revokedAt === undefined),
    (a) => a.personId,
  );
  const offersOf = groupBy(offers, (offer) => offer.publisherId);
  const consentsOf = groupBy(consents, (consent) => consent.personId);
  const recipients: DigestRecipient[] = [];
  for (const person of people) {
    if (person.status !== 'active' && person.status !== 'dormant') continue;
    if (
      person.erasedAt !== undefined ||
      !hasConsentFor(consentsOf.get(person.id) ?? [], person.id, 'digests')
    )
      continue;
    const actor = { person, assignments: rolesOf.get(person.id) ?? [] };
    if (!isAllowedFor(rt, actor, 'offers.respond', { ownerId: person.id })) continue;
    const waiting: OfferWithPost[] = [];
    for (const candidate of offersOf.get(person.id) ?? []) {
      const { offer } = await settleOffer(rt, candidate);
      const post = postsById.get(offer.postId);
      if (
        (offer.status === 'offered' || offer.status === 'seen') &&
        post?.status === 'offered' &&
        running.has(offer.campaignId)
      )
        waiting.push({ offer, post });
    }
    if (waiting.length === 0) continue;
    // Offers of the same instant (a campaign's posts at its start) by id: the same order on every engine and adapter.
    waiting.sort(
      (a, b) => compareText(a.offer.offeredAt, b.offer.offeredAt) || compareText(a.offer.id, b.offer.id),
    );
    recipients.push({ person, waiting });
  }
  return recipients;
}
