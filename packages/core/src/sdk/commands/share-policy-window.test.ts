import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../ports/clock.js';
import type { ShareAttempt } from '../../ports/share-policy.js';
import type { StoragePort } from '../../ports/storage.js';
import { createMemoryStorage } from '../../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../../testing/programme.js';

describe("a share policy's window of earlier shares", () => {
  it("ends at the attempt's `at`, also when time passes while the shares are read", async () => {
    const clock = createManualClock('2026-03-02T09:00:00.000Z');
    const memory = createMemoryStorage();
    // A storage on which reading the publisher's shares takes 5 ms (a database over the network, thousands of shares).
    const storage: StoragePort = new Proxy(memory, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        if (key !== 'query') return value.bind(target);
        return async (...args: Parameters<StoragePort['query']>) => {
          const docs = await target.query(...args);
          if (args[1] === 'share') clock.advance(5);
          return docs;
        };
      },
    });
    const hour = 3_600_000;
    const attempts: ShareAttempt[] = [];
    // At most one share an hour: the window of `lookbackMs` before the attempt holds the earlier one.
    const sharePolicy = Object.assign((attempt: ShareAttempt) => void attempts.push(attempt), {
      lookbackMs: hour,
    });
    const world = await createTestProgramme({ clock, storage, sharePolicy });
    await aRunningCampaign(world, [await anApprovedPost(world), await anApprovedPost(world)]);
    const publisher = world.shift.as(world.people.publisher).offers;
    const [a, b] = await publisher.mine();
    const first = await publisher.share(a!.offer.id, { platform: 'linkedin', idempotencyKey: 'a' });
    clock.set(Date.parse(first.sharedAt) + hour);
    await publisher.share(b!.offer.id, { platform: 'linkedin', idempotencyKey: 'b' });
    const second = attempts.at(-1)!;
    // The first share lies exactly `lookbackMs` before the attempt: in its window. It was left out, as the window was
    // measured from the clock read after the shares, 5 ms later than the attempt's `at`.
    expect(Date.parse(second.at) - hour).toBe(Date.parse(first.sharedAt));
    expect(second.previousShareTimes).toEqual([first.sharedAt]);
  });
});
