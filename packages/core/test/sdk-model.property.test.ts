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
import {
  campaignStartRacesExit,
  EXITS,
  initial,
  reached,
  shareRacesExit,
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
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.constantFrom(...EXITS), fc.boolean(), (s, exit, seenFirst) =>
        shareRacesExit(s, exit, seenFirst),
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  // ADR 106 too: a campaign that starts while a publisher exits offers them nothing after their exit.
  it("never makes an offer after the publisher's exit, when the campaign starts at the same moment", async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.constantFrom(...EXITS), fc.boolean(), (s, exit, byRun) =>
        campaignStartRacesExit(s, exit, byRun),
      ),
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
