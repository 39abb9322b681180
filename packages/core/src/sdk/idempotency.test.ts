import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors/error-codes.js';
import { isSocialShiftError, SocialShiftError } from '../errors/social-shift-error.js';
import type { StoragePort, WriteSet } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { idempotencySlot } from './idempotency.js';
import { IDEMPOTENCY_COLLECTION } from './runtime.js';
import { sha256HexSync } from './sha256.js';

/** The record id of command and key alone: every record before ADR 093, and the platform commands' still. */
const unscopedId = (command: string, key: string) =>
  `idem_${sha256HexSync(`${command}\u0000${key}`).slice(0, 40)}`;

/** A programme with a running campaign of one post, and the publishers' offers of it. */
async function offered(options: Parameters<typeof createTestProgramme>[0] = {}) {
  const world = await createTestProgramme(options);
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  const publisher = world.shift.as(world.people.publisher);
  const external = world.shift.as(world.people.external);
  const [mine] = await publisher.offers.mine();
  const [theirs] = await external.offers.mine();
  return { world, publisher, external, offerId: mine!.offer.id, theirOfferId: theirs!.offer.id };
}

describe('idempotency keys', () => {
  it("are scoped to the actor: another publisher's key neither blocks nor answers a publisher's request", async () => {
    const { world, publisher, external, offerId, theirOfferId } = await offered();
    const mine = await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'k1' });
    const theirs = await external.offers.share(theirOfferId, { platform: 'linkedin', idempotencyKey: 'k1' });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.publisherId).toBe(world.people.external);
    // Each retry still answers with its own actor's first result, and other input is still refused.
    expect((await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'k1' })).id).toBe(
      mine.id,
    );
    expect(
      (await external.offers.share(theirOfferId, { platform: 'linkedin', idempotencyKey: 'k1' })).id,
    ).toBe(theirs.id);
    await expect(publisher.offers.share(offerId, { platform: 'x', idempotencyKey: 'k1' })).rejects.toSatisfy(
      (e) => isSocialShiftError(e, 'IDEMPOTENCY_MISMATCH'),
    );
    expect(await world.storage.query(world.shift.organisationId, 'share')).toHaveLength(2);
  });

  it('count per command: one key serves different commands, as IDEMPOTENCY_MISMATCH describes', async () => {
    const { world, publisher, offerId } = await offered();
    const share = await publisher.offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'wh-1' });
    const click = await world.shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'wh-1' });
    const reaction = await world.shift.platform.recordReaction({
      shareId: share.id,
      idempotencyKey: 'wh-1',
      count: 2,
    });
    expect([click.type, reaction.type]).toEqual(['platform.click', 'platform.reaction']);
    const meaning = ERROR_CODES.IDEMPOTENCY_MISMATCH.description;
    expect(meaning).not.toMatch(/different command/);
    expect(meaning).toMatch(/same command/);
    expect(meaning).toMatch(/different input/);
  });

  it('keeps the record ids of the platform commands (run by the system)', () => {
    const slot = idempotencySlot('platform.click', 'click-9f2', { shareId: 'share_1' });
    expect(slot.recordId).toBe(unscopedId('platform.click', 'click-9f2'));
    const scoped = idempotencySlot('offers.share', 'k', { offerId: 'offer_1', actorId: 'person_1' });
    expect(scoped.recordId).not.toBe(unscopedId('offers.share', 'k'));
  });

  it("gives a concurrent retry the first result when its checks already saw the first request's writes", async () => {
    // A retry whose idempotency lookup runs before the first request commits, and its other reads after (as on a
    // database under load): a one-share-per-day guardrail then sees the first share. It answers with that share.
    const base = createMemoryStorage();
    let armed = false;
    const lookups: string[] = [];
    let shareQueries = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const storage = new Proxy(base, {
      get(target, property, receiver) {
        if (property === 'get')
          return async (org: string, collection: string, id: string) => {
            const doc = await target.get(org, collection, id);
            // The retry's lookup is the second of the first id looked up.
            if (armed && collection === IDEMPOTENCY_COLLECTION) {
              lookups.push(id);
              if (lookups.filter((seen) => seen === lookups[0]).length === 2) release();
            }
            return doc;
          };
        if (property === 'commit')
          return async (org: string, writes: WriteSet) => {
            if (armed && writes.puts.some((put) => put.collection === 'share')) await gate;
            return target.commit!(org, writes);
          };
        if (property === 'query')
          return async (org: string, collection: string, query?: object) => {
            if (armed && collection === 'share' && ++shareQueries === 2)
              await new Promise((resolve) => setTimeout(resolve, 30));
            return target.query(org, collection, query);
          };
        return Reflect.get(target, property, receiver);
      },
    }) as StoragePort;
    const oneShare = (attempt: { previousShareTimes: readonly string[] }) => {
      if (attempt.previousShareTimes.length >= 1)
        throw new SocialShiftError('GUARDRAIL', 'At most one share.', {
          details: { rule: 'maxSharesPerDay' } as never,
        });
    };
    const { publisher, offerId } = await offered({ storage, sharePolicy: oneShare });
    armed = true;
    const input = { platform: 'linkedin', idempotencyKey: 'req-1' } as const;
    const first = publisher.offers.share(offerId, input);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const retry = publisher.offers.share(offerId, input);
    const [a, b] = await Promise.all([first, retry]);
    expect(lookups.filter((seen) => seen === lookups[0]).length).toBeGreaterThanOrEqual(2);
    expect(b.id).toBe(a.id);
    expect(await base.query('org_acme', 'share')).toHaveLength(1);
  });
});
