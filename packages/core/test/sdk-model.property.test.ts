// A model-based test of the SDK facade: random sequences of commands by random actors (a master, an editor, an
// editor scoped to one pillar, a creator, two publishers, a person without a role, people added on the way, an
// unknown id) on memory storage with a manual clock. After every command: a failure is the SDK's typed error with a
// documented code and writes nothing (but what was due at the clock's time); a success is one the role rules
// (docs/roles.md, modelled here) and `allowedEvents` allow, and leaves every document valid, the event log gapless and
// replaying to the documents, the roles as modelled, offers only to consenting publishers in the audience, shares only
// of open offers by their publisher, digests that list exactly what may be shared, and nothing of an erased person's
// names. Two more properties race a share and a campaign's start against a publisher's exit under fast-check's
// scheduler.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../src/errors/social-shift-error.js';
import { createRandomIds } from '../src/ports/id-generator.js';
import { createSocialShift } from '../src/sdk/create-social-shift.js';
import { anApprovedPost } from '../src/testing/programme.js';
import {
  checkStoredData,
  DAY,
  docs,
  HOUR,
  initial,
  later,
  ORG,
  reached,
  scheduledStorage,
  steps,
  UNKNOWN,
} from './sdk-model.js';

describe('the SDK facade, driven by random command sequences', () => {
  it('keeps the role rules, throws only typed errors, writes nothing when it fails and keeps the store valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(steps, { maxCommands: 50, size: 'max' }), async (commands) => {
        const { model, real } = await initial();
        await fc.asyncModelRun(() => ({ model, real }), commands);
      }),
      { numRuns: 100 },
    );
    // The sequences get deep enough for the invariants to matter: posts approved, offers shared, people erased.
    for (const outcome of ['approvePost ok', 'shareOffer ok', 'erase ok', 'createCampaign ok'])
      expect(reached.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
  }, 60_000);

  // ADR 106: a share that races with its publisher's exit (role revoked, consent withdrawn, leaving, erasure) either
  // commits first or fails; it never lands after the exit. The storage's calls resolve in an order fast-check picks.
  it("never records a share after the publisher's exit, whatever order their reads and writes interleave in", async () => {
    const exits = ['revokeRole', 'withdrawConsent', 'leave', 'erasePerson'] as const;
    const exitEvents = {
      revokeRole: 'role.revoked',
      withdrawConsent: 'consent.withdrawn',
      leave: 'person.left',
      erasePerson: 'person.erased',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.constantFrom(...exits),
        fc.boolean(),
        async (s, exit, seenFirst) => {
          const { real } = await initial();
          const { world } = real;
          const { master, publisher } = world.people;
          const [mine] = await world.shift.as(publisher).offers.mine();
          const offerId = mine?.offer.id ?? UNKNOWN;
          if (seenFirst) await world.shift.as(publisher).offers.see(offerId);
          // A second instance over the same store, whose storage calls fast-check schedules (random ids: the
          // sequential ones of the first instance would collide).
          const scheduled = scheduledStorage(world.storage, s);
          const racing = createSocialShift({
            storage: scheduled,
            organisationId: ORG,
            clock: world.clock,
            ids: createRandomIds(world.clock),
          });
          const share = racing
            .as(publisher)
            .offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'race' });
          const out =
            exit === 'revokeRole'
              ? racing.as(master).people.revokeRole(publisher, { role: 'publisher' })
              : exit === 'withdrawConsent'
                ? racing.as(publisher).people.withdrawConsent()
                : exit === 'leave'
                  ? racing.as(master).people.leave(publisher)
                  : racing.as(master).privacy.erasePerson(publisher);
          const [shared, left] = await s.waitFor(Promise.allSettled([share, out]));
          for (const outcome of [shared, left])
            if (outcome.status === 'rejected')
              expect(isSocialShiftError(outcome.reason), String(outcome.reason)).toBe(true);
          const events = await world.storage.readEvents(ORG);
          const recorded = events.find((e) => e.type === 'share.recorded' && e.actorId === publisher);
          const exited = events.find((e) => e.type === exitEvents[exit] && e.seq > 0);
          expect(recorded !== undefined, 'a share.recorded event exactly when the share succeeded').toBe(
            shared.status === 'fulfilled',
          );
          if (recorded && exited)
            expect(recorded.seq, `the share landed after ${exit}`).toBeLessThan(exited.seq);
          await checkStoredData(world);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  // ADR 106 too: a campaign that starts while a publisher exits offers them nothing after their exit.
  it("never makes an offer after the publisher's exit, when the campaign starts at the same moment", async () => {
    const exits = ['revokeRole', 'withdrawConsent', 'leave', 'erasePerson'] as const;
    const exitEvents = {
      revokeRole: 'role.revoked',
      withdrawConsent: 'consent.withdrawn',
      leave: 'person.left',
      erasePerson: 'person.erased',
    };
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.constantFrom(...exits), fc.boolean(), async (s, exit, byRun) => {
        const { real } = await initial();
        const { world } = real;
        const { master, publisher } = world.people;
        const postId = await anApprovedPost(world, { expiresAt: later(world, 30 * DAY) });
        const campaign = await world.shift.as(master).campaigns.create({
          name: 'Autumn',
          pillarIds: [world.pillarId],
          postIds: [postId],
          audience: { everyone: true },
          startsAt: later(world, HOUR),
          endsAt: later(world, 14 * DAY),
        });
        await world.shift.as(master).campaigns.schedule(campaign.id);
        // Started by a master now, or by the scheduler's run at its start time.
        if (byRun) world.clock.advance(HOUR);
        const racing = createSocialShift({
          storage: scheduledStorage(world.storage, s),
          organisationId: ORG,
          clock: world.clock,
          ids: createRandomIds(world.clock),
        });
        const start = byRun
          ? racing.system.runDueTransitions()
          : racing.as(master).campaigns.start(campaign.id);
        const out =
          exit === 'revokeRole'
            ? racing.as(master).people.revokeRole(publisher, { role: 'publisher' })
            : exit === 'withdrawConsent'
              ? racing.as(publisher).people.withdrawConsent()
              : exit === 'leave'
                ? racing.as(master).people.leave(publisher)
                : racing.as(master).privacy.erasePerson(publisher);
        const outcomes = await s.waitFor(Promise.allSettled([start, out]));
        for (const outcome of outcomes)
          if (outcome.status === 'rejected')
            expect(isSocialShiftError(outcome.reason), String(outcome.reason)).toBe(true);
        const events = await world.storage.readEvents(ORG);
        const exited = events.find((e) => e.type === exitEvents[exit]);
        const offered = events.filter(
          (e) =>
            e.type === 'offer.created' &&
            (e.data as { publisherId?: string; campaignId?: string }).publisherId === publisher &&
            (e.data as { campaignId?: string }).campaignId === campaign.id,
        );
        if (exited)
          for (const offer of offered)
            expect(offer.seq, `an offer to ${publisher} after ${exit}`).toBeLessThan(exited.seq);
        // An offer made before the exit ended with it (the exit expires open offers; a revoked role leaves them).
        if (exited && exit !== 'revokeRole')
          for (const doc of await docs(world, 'offer')) {
            const o = doc.data as { publisherId: string; status: string };
            if (o.publisherId === publisher) expect(['offered', 'seen'], doc.id).not.toContain(o.status);
          }
        await checkStoredData(world);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  // An erasure scrubs the input hash of the person's share records, so a retry of the very same share request after
  // it was refused as IDEMPOTENCY_MISMATCH, "used for offers.share with other input: use a new key", though the input
  // is the same and a new key then got FORBIDDEN. An erased person may do nothing: the retry is FORBIDDEN too.
  it('refuses a retried share of an erased publisher as FORBIDDEN, not as a key used with other input', async () => {
    const { real } = await initial();
    const { world } = real;
    const { master, publisher } = world.people;
    const [mine] = await world.shift.as(publisher).offers.mine();
    const input = { platform: 'linkedin', idempotencyKey: 'req-1' } as const;
    await world.shift.as(publisher).offers.share(mine?.offer.id ?? UNKNOWN, input);
    await world.shift.as(master).privacy.erasePerson(publisher);
    const retry = await world.shift
      .as(publisher)
      .offers.share(mine?.offer.id ?? UNKNOWN, input)
      .catch((error: unknown) => error);
    expect(retry).toMatchObject({ code: 'FORBIDDEN' });
  });
});
