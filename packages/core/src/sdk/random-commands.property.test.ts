import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import type { DomainEvent } from '../model/domain-event.js';
import { DomainEventSchema, eventPayloadSchemas } from '../model/domain-event.js';
import type { EntityType } from '../model/entity-type.js';
import { PLATFORMS, ROLES } from '../model/vocabulary.js';
import type { TestProgramme } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import type { Workflow } from '../workflows/workflow.js';
import { workflows } from '../workflows/workflows.js';
import { replayEvents } from './projection.js';

const HOUR = 3_600_000;

/** Refusals are expected outcomes of random commands; anything else is a bug. */
const REFUSALS = new Set([
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'CONSENT_REQUIRED',
  'NOT_FOUND',
  'VALIDATION',
  'ALREADY_EXISTS',
  'IDEMPOTENCY_MISMATCH',
]);

interface Op {
  readonly kind: string;
  readonly actor: number;
  readonly pick: number;
  readonly other: number;
}

const KINDS = [
  'addPerson',
  'invite',
  'consent',
  'withdrawConsent',
  'assignRole',
  'revokeRole',
  'leave',
  'createContribution',
  'submitContribution',
  'startReview',
  'acceptContribution',
  'requestContributionChanges',
  'createPost',
  'updatePost',
  'submitPost',
  'approvePost',
  'requestPostChanges',
  'schedulePost',
  'withdrawPost',
  'createCampaign',
  'scheduleCampaign',
  'startCampaign',
  'pauseCampaign',
  'resumeCampaign',
  'completeCampaign',
  'cancelCampaign',
  'seeOffer',
  'declineOffer',
  'share',
  'share',
  'share',
  'click',
  'advanceTime',
  'runDue',
  'moveCycle',
] as const;

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(...KINDS),
  actor: fc.nat(20),
  pick: fc.nat(50),
  other: fc.nat(50),
});

const entityWorkflow: Partial<Record<EntityType, Workflow>> = {
  cycle: workflows['programme-cycle'] as Workflow,
  person: workflows.ambassador as Workflow,
  contribution: workflows.contribution as Workflow,
  post: workflows.post as Workflow,
  campaign: workflows.campaign as Workflow,
  offer: workflows.offer as Workflow,
};

async function ids(world: TestProgramme, collection: string): Promise<string[]> {
  return (await world.storage.query('org_acme', collection)).map((d) => d.id);
}
const at = <T>(list: readonly T[], n: number): T | undefined =>
  list.length > 0 ? list[n % list.length] : undefined;

async function run(world: TestProgramme, op: Op, step: number): Promise<void> {
  const { shift, clock, pillarId } = world;
  const people = await ids(world, 'person');
  const actor = at(people, op.actor) ?? world.people.master;
  const as = shift.as(actor);
  const person = at(people, op.pick) ?? actor;
  const pickOf = async (collection: string) => at(await ids(world, collection), op.pick) ?? 'none';
  const later = (hours: number) => new Date(clock.now() + hours * HOUR).toISOString();
  switch (op.kind) {
    case 'addPerson':
      return void (await as.people.add({ displayName: `Person ${step}`, external: op.other % 5 === 0 }));
    case 'invite':
      return void (await as.people.invite(person));
    case 'consent':
      return void (await as.people.consent({ purposes: ['offers'], termsVersion: 'v1' }));
    case 'withdrawConsent':
      return void (await as.people.withdrawConsent());
    case 'assignRole':
      return void (await as.people.assignRole(person, {
        role: ROLES[op.other % ROLES.length] ?? 'publisher',
      }));
    case 'revokeRole':
      return void (await as.people.revokeRole(person, {
        role: ROLES[op.other % ROLES.length] ?? 'publisher',
      }));
    case 'leave':
      return void (await as.people.leave(person));
    case 'createContribution':
      return void (await as.contributions.create({
        kind: 'photo',
        title: `Story ${step}`,
        pillarIds: [pillarId],
      }));
    case 'submitContribution':
      return void (await as.contributions.submit(await pickOf('contribution')));
    case 'startReview':
      return void (await as.contributions.startReview(await pickOf('contribution')));
    case 'acceptContribution':
      return void (await as.contributions.accept(await pickOf('contribution')));
    case 'requestContributionChanges':
      return void (await as.contributions.requestChanges(await pickOf('contribution'), { note: 'More.' }));
    case 'createPost': {
      const contributions =
        op.other % 2 === 0 ? [await pickOf('contribution')].filter((c) => c !== 'none') : [];
      return void (await as.posts.create({
        title: `Post ${step}`,
        text: 'Text',
        pillarIds: [pillarId],
        contributionIds: contributions,
        ...(op.other % 3 === 0 ? { expiresAt: later(op.other) } : {}),
      }));
    }
    case 'updatePost':
      return void (await as.posts.update(await pickOf('post'), { text: `Edit ${step}` }));
    case 'submitPost':
      return void (await as.posts.submit(await pickOf('post')));
    case 'approvePost':
      return void (await as.posts.approve(await pickOf('post')));
    case 'requestPostChanges':
      return void (await as.posts.requestChanges(await pickOf('post'), { note: 'Shorter.' }));
    case 'schedulePost':
      return void (await as.posts.schedule(await pickOf('post'), { at: later(2) }));
    case 'withdrawPost':
      return void (await as.posts.withdraw(await pickOf('post')));
    case 'createCampaign': {
      const posts = await ids(world, 'post');
      return void (await as.campaigns.create({
        name: `Campaign ${step}`,
        pillarIds: [pillarId],
        postIds: posts.filter((_, i) => (i + op.other) % 2 === 0),
        audience: op.other % 3 === 0 ? { personIds: [person] } : { everyone: true },
        startsAt: later(1 + (op.other % 5)),
        endsAt: later(24 + op.other),
      }));
    }
    case 'scheduleCampaign':
      return void (await as.campaigns.schedule(await pickOf('campaign')));
    case 'startCampaign':
      return void (await as.campaigns.start(await pickOf('campaign')));
    case 'pauseCampaign':
      return void (await as.campaigns.pause(await pickOf('campaign')));
    case 'resumeCampaign':
      return void (await as.campaigns.resume(await pickOf('campaign')));
    case 'completeCampaign':
      return void (await as.campaigns.complete(await pickOf('campaign')));
    case 'cancelCampaign':
      return void (await as.campaigns.cancel(await pickOf('campaign')));
    case 'seeOffer':
      return void (await as.offers.see(await pickOf('offer')));
    case 'declineOffer':
      return void (await as.offers.decline(await pickOf('offer')));
    case 'share': {
      // Mostly the offer's own publisher (so shares happen), sometimes anyone (so refusals are tried too).
      const offerId = await pickOf('offer');
      const offer = await world.storage.get('org_acme', 'offer', offerId);
      const sharer = op.actor % 4 === 0 || !offer ? as : shift.as(String(offer.data.publisherId));
      return void (await sharer.offers.share(offerId, {
        platform: PLATFORMS[op.other % 3] ?? 'linkedin',
        idempotencyKey: `key-${op.other % 7}`,
      }));
    }
    case 'click':
      return void (await shift.platform.recordClick({
        shareId: await pickOf('share'),
        idempotencyKey: `c${op.other}`,
      }));
    case 'advanceTime':
      clock.advance((op.other + 1) * 4 * HOUR);
      return;
    case 'runDue':
      return void (await shift.system.runDueTransitions());
    case 'moveCycle':
      if (op.other % 4 === 0) return void (await as.cycles.start());
      if (op.other % 4 === 1) return void (await as.cycles.adjust());
      return void (await as.cycles.moveTo({
        step: (['activation', 'content', 'campaigns', 'measurement'] as const)[op.other % 4] ?? 'content',
      }));
  }
}

type State = Record<string, Record<string, Record<string, unknown>>>;

/** Walks the log event by event, checking the rules at each step against the state rebuilt so far. */
function checkLog(events: readonly DomainEvent[]): void {
  const state: State = {};
  const entity = (type: string, id: unknown) => state[type]?.[String(id)];
  const heldRole = (personId: string, role: string) =>
    Object.values(state.role_assignment ?? {}).some(
      (a) => a.personId === personId && a.role === role && a.revokedAt === undefined,
    );
  const consented = (personId: unknown) =>
    Object.values(state.consent ?? {}).some(
      (c) =>
        c.personId === personId && c.withdrawnAt === undefined && (c.purposes as string[]).includes('offers'),
    );
  for (const event of events) {
    const before = entity(event.entityType, event.entityId);
    const changes = event.data.changes as Record<string, unknown> | undefined;
    // Every status change is a transition the entity's workflow allows.
    const workflow = entityWorkflow[event.entityType];
    if (workflow && changes && 'status' in changes) {
      const from = before?.status as string | undefined;
      const to = changes.status as string;
      if (from === undefined) expect(to).toBe(workflow.config.initial);
      else
        expect(
          workflow.events.some((e) => workflow.next(from, e) === to),
          `${from} → ${to}`,
        ).toBe(true);
    }
    if (event.actorId !== 'system' && event.type !== 'organisation.created') {
      const actor = entity('person', event.actorId);
      if (actor) expect(actor.status).not.toBe('left');
    }
    switch (event.type) {
      case 'share.recorded': {
        // Never a share of a post that is not on offer, or by someone without consent or the publisher role.
        expect(entity('post', event.data.postId)?.status).toBe('offered');
        expect(entity('offer', event.data.offerId)?.status).toMatch(/^(offered|seen|shared)$/);
        expect(entity('campaign', event.data.campaignId)?.status).toBe('running');
        expect(consented(event.data.publisherId)).toBe(true);
        expect(heldRole(String(event.data.publisherId), 'publisher')).toBe(true);
        break;
      }
      case 'offer.created': {
        // Never an offer to someone without consent.
        expect(consented(event.data.publisherId)).toBe(true);
        expect(heldRole(String(event.data.publisherId), 'publisher')).toBe(true);
        expect(entity('person', event.data.publisherId)?.status).toMatch(/^(active|dormant)$/);
        break;
      }
      case 'post.approved': {
        expect(event.actorId).not.toBe(before?.authorId);
        expect(heldRole(event.actorId, 'master') || heldRole(event.actorId, 'editor')).toBe(true);
        break;
      }
      case 'contribution.created': {
        expect(heldRole(event.actorId, 'creator')).toBe(true);
        break;
      }
    }
    if (changes) {
      const byId = state[event.entityType] ?? {};
      state[event.entityType] = byId;
      const next = { ...(before ?? {}) };
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) delete next[key];
        else next[key] = value;
      }
      byId[event.entityId] = next;
    }
  }
}

describe('random command sequences by random actors', () => {
  it('never reach a state the workflows or role rules forbid, and the log replays to the stored state', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 80 }), async (ops) => {
        // A programme with a post on offer, so that random sequences reach sharing often.
        const world = await createTestProgramme();
        await aRunningCampaign(world, [await anApprovedPost(world)]);
        for (const [step, op] of ops.entries()) {
          try {
            await run(world, op, step);
          } catch (error) {
            if (!(isSocialShiftError(error) && REFUSALS.has(error.code))) throw error;
          }
        }
        const events = await world.shift.readEvents();
        for (const event of events) {
          seen.set(event.type, (seen.get(event.type) ?? 0) + 1);
          // Every event matches the envelope and its payload schema in the catalogue (what metrics consume).
          expect(DomainEventSchema.safeParse(event).success, event.type).toBe(true);
          expect(eventPayloadSchemas[event.type].safeParse(event.data).success, event.type).toBe(true);
        }
        checkLog(events);
        const replayed = replayEvents(events);
        for (const type of Object.keys(entityWorkflow).concat(['share', 'consent', 'role_assignment'])) {
          const stored = await world.storage.query('org_acme', type);
          const projected = replayed[type as EntityType] ?? {};
          expect(Object.keys(projected).sort()).toEqual(stored.map((d) => d.id).sort());
          for (const doc of stored) {
            expect(projected[doc.id]).toEqual(doc.data);
            expect((doc.data as { version: number }).version).toBe(doc.version);
          }
        }
      }),
      { numRuns: 80 },
    );
    // The sequences did exercise the interesting parts, not only refusals.
    for (const type of [
      'share.recorded',
      'offer.created',
      'post.approved',
      'campaign.started',
      'person.left',
    ]) {
      expect(seen.get(type) ?? 0, type).toBeGreaterThan(0);
    }
    // Unseeded, so each run explores new sequences: 16 runs gave 49 to 67 shares, and one CI run 37, so 40 failed
    // now and then without a fault. 20 still shows that sharing is reached often, not once by chance.
    expect(seen.get('share.recorded')).toBeGreaterThan(20);
  }, 120_000);
});
