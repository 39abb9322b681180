// Time-driven transitions, evaluated against the injected clock: post and offer expiry, scheduled campaigns
// starting and ending, ambassadors going dormant. Run in bulk by `shift.system.runDueTransitions()` and lazily,
// for one entity, before each command that touches it.
import { isSocialShiftError } from '../errors/social-shift-error.js';
import type { Campaign } from '../model/campaign.js';
import { SYSTEM_ACTOR } from '../model/domain-event.js';
import type { Offer } from '../model/offer.js';
import type { Person } from '../model/person.js';
import type { Post } from '../model/post.js';
import { ambassadorWorkflow } from '../workflows/ambassador.js';
import { campaignWorkflow } from '../workflows/campaign.js';
import { offerWorkflow } from '../workflows/offer.js';
import { postWorkflow } from '../workflows/post.js';
import { endCampaignWrites, endPostWrites, startCampaignWrites } from './cascades.js';
import type { EntityWrite, Runtime } from './runtime.js';
import { commit, find, list, now } from './runtime.js';

/**
 * What one run of the due transitions did.
 *
 * @example
 * ```ts
 * const report: DueTransitionsReport = await shift.system.runDueTransitions();
 * report.postsExpired; // 2
 * ```
 */
export interface DueTransitionsReport {
  readonly campaignsStarted: number;
  readonly campaignsCompleted: number;
  readonly postsExpired: number;
  readonly offersExpired: number;
  readonly peopleDormant: number;
}

const DAY_MS = 86_400_000;

/** Commits system writes; when another writer got there first (CONFLICT), the lazy check simply re-reads. */
async function commitSystem(rt: Runtime, writes: EntityWrite[]): Promise<boolean> {
  if (writes.length === 0) return false;
  try {
    await commit(rt, SYSTEM_ACTOR, writes);
    return true;
  } catch (error) {
    if (isSocialShiftError(error, 'CONFLICT')) return false;
    throw error;
  }
}

/** Expires a post at its `expiresAt`; returns the post as it is now. */
export async function settlePost(rt: Runtime, post: Post): Promise<{ post: Post; changed: boolean }> {
  if (
    post.expiresAt === undefined ||
    post.expiresAt > now(rt) ||
    postWorkflow.next(post.status, 'EXPIRE') === undefined
  ) {
    return { post, changed: false };
  }
  const changed = await commitSystem(rt, await endPostWrites(rt, post, 'EXPIRE'));
  return { post: (await find(rt, 'post', post.id)) ?? post, changed };
}

/** Expires an offer at its `expiresAt`; returns the offer as it is now. */
export async function settleOffer(rt: Runtime, offer: Offer): Promise<{ offer: Offer; changed: boolean }> {
  if (
    offer.expiresAt === undefined ||
    offer.expiresAt > now(rt) ||
    offerWorkflow.next(offer.status, 'EXPIRE') === undefined
  ) {
    return { offer, changed: false };
  }
  const changed = await commitSystem(rt, [
    {
      type: 'offer',
      before: offer,
      after: { ...offer, status: 'expired' },
      events: [{ type: 'offer.expired' }],
    },
  ]);
  return { offer: (await find(rt, 'offer', offer.id)) ?? offer, changed };
}

/** Starts a scheduled campaign at `startsAt` and completes a running or paused one at `endsAt`. */
export async function settleCampaign(
  rt: Runtime,
  campaign: Campaign,
): Promise<{ campaign: Campaign; started: boolean; completed: boolean }> {
  let current = campaign;
  let started = false;
  let completed = false;
  const at = now(rt);
  if (current.status === 'scheduled' && current.startsAt <= at) {
    started = await commitSystem(rt, await startCampaignWrites(rt, current));
    current = (await find(rt, 'campaign', current.id)) ?? current;
  }
  if (current.endsAt <= at && campaignWorkflow.next(current.status, 'COMPLETE') !== undefined) {
    completed = await commitSystem(rt, await endCampaignWrites(rt, current, 'COMPLETE'));
    current = (await find(rt, 'campaign', current.id)) ?? current;
  }
  return { campaign: current, started, completed };
}

/** When a person last did something: activation, a submitted contribution, a share. */
async function lastActivity(rt: Runtime, person: Person): Promise<string | undefined> {
  const [shares, contributions] = await Promise.all([
    list(rt, 'share', { publisherId: person.id }),
    list(rt, 'contribution', { creatorId: person.id }),
  ]);
  const times = [
    person.lastActiveAt,
    ...shares.map((s) => s.sharedAt),
    ...contributions.map((c) => c.submittedAt),
  ].filter((t): t is string => t !== undefined);
  return times.sort().at(-1);
}

/** Marks an active ambassador dormant after the configured days without activity. */
export async function settlePerson(rt: Runtime, person: Person): Promise<boolean> {
  if (ambassadorWorkflow.next(person.status, 'MARK_DORMANT') === undefined) return false;
  const last = (await lastActivity(rt, person)) ?? person.createdAt;
  if (rt.clock.now() - Date.parse(last) < rt.dormantAfterDays * DAY_MS) return false;
  return commitSystem(rt, [
    {
      type: 'person',
      before: person,
      after: { ...person, status: 'dormant' },
      events: [{ type: 'person.dormant' }],
    },
  ]);
}

/**
 * Runs every transition that is due at the clock's current time, as the system actor: campaigns start and end,
 * posts and offers expire, ambassadors go dormant.
 */
export async function runDueTransitions(rt: Runtime): Promise<DueTransitionsReport> {
  let campaignsStarted = 0;
  let campaignsCompleted = 0;
  let postsExpired = 0;
  let offersExpired = 0;
  let peopleDormant = 0;
  for (const campaign of await list(rt, 'campaign')) {
    const result = await settleCampaign(rt, campaign);
    if (result.started) campaignsStarted++;
    if (result.completed) campaignsCompleted++;
  }
  for (const post of await list(rt, 'post')) {
    if ((await settlePost(rt, post)).changed) postsExpired++;
  }
  for (const offer of await list(rt, 'offer')) {
    if ((await settleOffer(rt, offer)).changed) offersExpired++;
  }
  for (const person of await list(rt, 'person')) {
    if (await settlePerson(rt, person)) peopleDormant++;
  }
  return { campaignsStarted, campaignsCompleted, postsExpired, offersExpired, peopleDormant };
}
