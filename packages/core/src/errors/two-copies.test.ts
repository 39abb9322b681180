import { describe, expect, it } from 'vitest';
import type { StoragePort } from '../ports/storage.js';
import { IDEMPOTENCY_COLLECTION } from '../sdk/runtime.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { isSocialShiftError, SocialShiftError } from './social-shift-error.js';

/**
 * A `SocialShiftError` of another copy of `@social-shift/core`: what a storage adapter throws when the app bundles
 * the core twice (the app's copy and the one the adapters package resolved), or when the storage comes from a
 * package built on another version of the SDK. The same shape, another class.
 */
class SocialShiftErrorOfAnotherCopy extends Error {
  override readonly name = 'SocialShiftError';
  readonly code: string;
  readonly details: unknown;
  readonly status: number;
  constructor(error: SocialShiftError) {
    super(error.message, { cause: error.cause });
    this.code = error.code;
    this.details = error.details;
    this.status = error.status;
  }
}

/** The storage with every `SocialShiftError` it throws made by another copy of the SDK. */
const fromAnotherCopy = (storage: StoragePort): StoragePort =>
  new Proxy(storage, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          throw isSocialShiftError(error) ? new SocialShiftErrorOfAnotherCopy(error) : error;
        }
      };
    },
  });

describe('errors of a storage from another copy of the SDK', () => {
  it('are recognised by isSocialShiftError, though not by instanceof', () => {
    const error = new SocialShiftErrorOfAnotherCopy(
      new SocialShiftError('CONFLICT', 'x', { details: { entityType: 'post', id: 'p', expectedVersion: 1 } }),
    );
    expect(error instanceof SocialShiftError).toBe(false);
    expect(isSocialShiftError(error, 'CONFLICT')).toBe(true);
  });

  it('still give a concurrent retry with the same idempotency key the first result', async () => {
    const base = createMemoryStorage();
    // Both requests look their key up before either commits: the second one's commit then loses.
    let lookups = 0;
    let release!: () => void;
    const bothLooked = new Promise<void>((resolve) => {
      release = resolve;
    });
    let armed = false;
    const storage = fromAnotherCopy(
      new Proxy(base, {
        get(target, property, receiver) {
          if (property === 'get')
            return async (org: string, collection: string, id: string) => {
              const doc = await target.get(org, collection, id);
              if (armed && collection === IDEMPOTENCY_COLLECTION && ++lookups === 2) release();
              return doc;
            };
          if (property === 'commit')
            return async (...args: Parameters<NonNullable<StoragePort['commit']>>) => {
              if (armed) await bothLooked;
              return target.commit!(...args);
            };
          return Reflect.get(target, property, receiver);
        },
      }) as StoragePort,
    );
    const world = await createTestProgramme({ storage });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const publisher = world.shift.as(world.people.publisher);
    const [offer] = await publisher.offers.mine();
    armed = true;
    const input = { platform: 'linkedin', idempotencyKey: 'req-1' } as const;
    const [first, retry] = await Promise.allSettled([
      publisher.offers.share(offer!.offer.id, input),
      publisher.offers.share(offer!.offer.id, input),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(retry).toEqual({ status: 'fulfilled', value: (first as PromiseFulfilledResult<unknown>).value });
    expect(await base.query('org_acme', 'share')).toHaveLength(1);
  });

  it("still say that another command changed what one checked, not that the store's internal guard changed", async () => {
    const world = await createTestProgramme({ storage: fromAnotherCopy(createMemoryStorage()) });
    const asMaster = world.shift.as(world.people.master);
    const [a, b] = await Promise.allSettled([asMaster.cycles.start(), asMaster.cycles.start()]);
    const lost = [a, b].find((result) => result.status === 'rejected');
    expect(lost?.reason).toMatchObject({
      code: 'CONFLICT',
      message: 'Another command changed what this one checked at the same time: run it again.',
    });
    expect((await asMaster.cycles.list()).map((cycle) => cycle.number)).toEqual([1]);
  });
});
