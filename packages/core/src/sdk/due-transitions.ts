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
import {
  campaignPostsState,
  duePostWrites,
  endCampaignWrites,
  endPostWrites,
  startCampaignWrites,
  unheldPostWrites,
} from './cascades.js';
import { readGuard } from './guards.js';
import type { EntityWrite, Guard, Runtime } from './runtime.js';
import { commit, entityWrite, find, list, now } from './runtime.js';

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
  /** Posts scheduled for later than their running campaign's start, offered now that their time has come. */
  readonly postsOffered: number;
  readonly postsExpired: number;
  readonly offersExpired: number;
  readonly peopleDormant: number;
}

const DAY_MS = 86_400_000;

/** Commits system writes; when another writer got there first (CONFLICT), the lazy check simply re-reads. */
async function commitSystem(rt: Runtime, writes: EntityWrite[], guards: Guard[] = []): Promise<boolean> {
  if (writes.length === 0) return false;
  try {
    await commit(rt, SYSTEM_ACTOR, writes, { guards });
    return true;
  } catch (error) {
    if (isSocialShiftError(error, 'CONFLICT')) return false;
    throw error;
  }
}

/**
 * How many entities of one type `writes` expire: ending a post or a campaign expires its open offers, and ending
 * a campaign its posts that no other campaign holds.
 */
const expired = (writes: readonly EntityWrite[], type: 'offer' | 'post'): number =>
  writes.filter((w) => w.type === type && w.events.some((e) => e.type === `${type}.expired`)).length;

/**
 * How often a lazy expiry is tried when another writer changed what it writes at the same time (CONFLICT): each
 * try reads the entity again, so a read returns it as it is now unless every try loses a race.
 */
const SETTLE_ATTEMPTS = 4;

/** Whether a post or an offer is past its `expiresAt` and its workflow can still expire it. */
const isDue = (
  rt: Runtime,
  entity: Post | Offer,
  workflow: typeof postWorkflow | typeof offerWorkflow,
): boolean =>
  entity.expiresAt !== undefined &&
  entity.expiresAt <= now(rt) &&
  workflow.next(entity.status as never, 'EXPIRE') !== undefined;

/** Expires a post at its `expiresAt`; returns the post as it is now, and how many offers expired with it. */
export async function settlePost(
  rt: Runtime,
  post: Post,
): Promise<{ post: Post; changed: boolean; offersExpired: number }> {
  let current = post;
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS && isDue(rt, current, postWorkflow); attempt++) {
    // Expiring the post also expires its open offers: a publisher changing one at the same moment (or another
    // reader expiring it) is a CONFLICT, after which the post is read again and, when still due, tried again.
    const writes = await endPostWrites(rt, current, 'EXPIRE');
    const changed = await commitSystem(rt, writes);
    current = (await find(rt, 'post', post.id)) ?? current;
    if (changed) return { post: current, changed, offersExpired: expired(writes, 'offer') };
  }
  return { post: current, changed: false, offersExpired: 0 };
}

/** Expires an offer at its `expiresAt`; returns the offer as it is now. */
export async function settleOffer(rt: Runtime, offer: Offer): Promise<{ offer: Offer; changed: boolean }> {
  let current = offer;
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS && isDue(rt, current, offerWorkflow); attempt++) {
    const changed = await commitSystem(rt, [
      entityWrite('offer', current, { ...current, status: 'expired' }, 'offer.expired'),
    ]);
    current = (await find(rt, 'offer', offer.id)) ?? current;
    if (changed) return { offer: current, changed };
  }
  return { offer: current, changed: false };
}

/**
 * Starts a scheduled campaign at `startsAt` and completes a running or paused one at `endsAt`. Each step is
 * retried like an expiry when another writer got there first (`CONFLICT`: a reader expiring one of its posts or
 * offers at the same moment, another run): the campaign is read again and, while the step is still due, tried
 * again, so no run leaves a campaign running past its end. `started` and `completed` say whether this call did it.
 * A scheduled campaign whose whole window has passed (no scheduler ran in it) starts without offering anything,
 * then completes: its offers would have expired before they were made. `start` false leaves a scheduled campaign
 * whose window is still open scheduled, for a command that starts or cancels it itself.
 */
export async function settleCampaign(
  rt: Runtime,
  campaign: Campaign,
  start = true,
): Promise<{
  campaign: Campaign;
  started: boolean;
  completed: boolean;
  postsExpired: number;
  offersExpired: number;
}> {
  let current = campaign;
  let started = false;
  let completed = false;
  let postsExpired = 0;
  let offersExpired = 0;
  const at = now(rt);
  const reread = async () => (await find(rt, 'campaign', campaign.id)) ?? current;
  for (
    let attempt = 0;
    (start || current.endsAt <= at) &&
    attempt < SETTLE_ATTEMPTS &&
    !started &&
    current.status === 'scheduled' &&
    current.startsAt <= at;
    attempt++
  ) {
    const { writes, guards } = await startCampaignWrites(rt, current);
    // Past its end already: only the campaign's own step, no offers (they would be dead on arrival).
    started = await commitSystem(
      rt,
      current.endsAt <= at ? writes.filter((w) => w.type === 'campaign') : writes,
      guards,
    );
    current = await reread();
  }
  for (
    let attempt = 0;
    attempt < SETTLE_ATTEMPTS &&
    !completed &&
    current.endsAt <= at &&
    campaignWorkflow.next(current.status, 'COMPLETE') !== undefined;
    attempt++
  ) {
    const { writes, guards } = await endCampaignWrites(rt, current, 'COMPLETE');
    completed = await commitSystem(rt, writes, guards);
    if (completed) {
      postsExpired = expired(writes, 'post');
      offersExpired = expired(writes, 'offer');
    }
    current = await reread();
  }
  return { campaign: current, started, completed, postsExpired, offersExpired };
}

/** When each person last did something that counts as activity: a share or a submitted contribution. */
async function lastActivities(rt: Runtime, personId?: string): Promise<Map<string, string>> {
  const [shares, contributions] = await Promise.all([
    list(rt, 'share', personId ? { publisherId: personId } : undefined),
    list(rt, 'contribution', personId ? { creatorId: personId } : undefined),
  ]);
  const latest = new Map<string, string>();
  const note = (id: string, at: string | undefined) => {
    if (at !== undefined && (latest.get(id) ?? '') < at) latest.set(id, at);
  };
  for (const share of shares) note(share.publisherId, share.sharedAt);
  for (const contribution of contributions) note(contribution.creatorId, contribution.submittedAt);
  return latest;
}

/**
 * Marks an active ambassador dormant after the configured days without activity (activation, a submitted
 * contribution, a share). `activity` is the precomputed latest activity per person, for bulk runs.
 */
export async function settlePerson(
  rt: Runtime,
  person: Person,
  activity?: Map<string, string>,
): Promise<boolean> {
  // An erased person's record takes no more changes.
  if (person.erasedAt !== undefined || ambassadorWorkflow.next(person.status, 'MARK_DORMANT') === undefined)
    return false;
  const idle = (latest: Map<string, string>) =>
    rt.clock.now() -
      Date.parse([person.lastActiveAt ?? person.createdAt, latest.get(person.id) ?? ''].sort().at(-1)!) >=
    rt.dormantAfterDays * DAY_MS;
  if (activity && !idle(activity)) return false;
  // A share writes this guard back: read before the activity, it makes a share that commits in between a CONFLICT
  // (a bulk run's activity was read before any of its people were marked).
  const guard = await readGuard(rt, `shares:${person.id}`);
  return (
    idle(await lastActivities(rt, person.id)) &&
    commitSystem(
      rt,
      [entityWrite('person', person, { ...person, status: 'dormant' }, 'person.dormant')],
      [guard],
    )
  );
}

/** Entities of one type in any of the given states (storage filters on equality, so one query per state). */
async function inStates<T extends 'campaign' | 'post' | 'offer' | 'person'>(
  rt: Runtime,
  type: T,
  states: readonly string[],
) {
  return (await Promise.all(states.map((status) => list(rt, type, { status })))).flat();
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
  let postsOffered = 0;
  for (const campaign of await inStates(rt, 'campaign', ['scheduled', 'running', 'paused'])) {
    const result = await settleCampaign(rt, campaign);
    if (result.started) campaignsStarted++;
    if (result.completed) campaignsCompleted++;
    postsExpired += result.postsExpired;
    offersExpired += result.offersExpired;
    // Posts scheduled for later than the campaign's start are offered at their time (not lazily: a share would
    // pay for reading every post of the campaign).
    if (result.campaign.status === 'running' && !result.started) {
      const due = await duePostWrites(rt, result.campaign);
      if (await commitSystem(rt, due.writes, due.guards))
        postsOffered += due.writes.filter((w) => w.type === 'post').length;
    }
  }
  // Posts on offer that no live campaign holds any more (one left a draft, or two campaigns sharing a post ended
  // at once before the guard of ADR 085 existed): nothing can offer them, so they expire.
  const state = await campaignPostsState(rt);
  const unheld = unheldPostWrites(state.posts, state.campaigns, now(rt));
  if (await commitSystem(rt, unheld, [state.guard])) postsExpired += unheld.length;
  for (const post of await inStates(rt, 'post', ['approved', 'scheduled', 'offered'])) {
    const result = await settlePost(rt, post);
    if (result.changed) postsExpired++;
    offersExpired += result.offersExpired;
  }
  for (const offer of await inStates(rt, 'offer', ['offered', 'seen'])) {
    if ((await settleOffer(rt, offer)).changed) offersExpired++;
  }
  const active = await inStates(rt, 'person', ['active']);
  const activity = active.length > 0 ? await lastActivities(rt) : new Map<string, string>();
  for (const person of active) {
    if (await settlePerson(rt, person, activity)) peopleDormant++;
  }
  return { campaignsStarted, campaignsCompleted, postsOffered, postsExpired, offersExpired, peopleDormant };
}
