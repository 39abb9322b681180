// Two tabs on one store, as the guide says: a command that read something another tab changed before it committed
// fails with CONFLICT and writes nothing; the publisher reads what to do, and trying again (the same idempotency key)
// records the share once. Without a browser: two SDKs on one storage, the second tab's commit held back until the
// first tab's share is stored.
import {
  createMemoryStorage,
  createSocialShift,
  isSocialShiftError,
  type StoragePort,
} from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { seedDemoProgramme } from '../src/demo-programme.js';
import { describeError } from '../src/view-text.js';

/** `storage`, whose next commit first runs `meanwhile` (another tab's command). */
function heldBack(storage: StoragePort): {
  storage: StoragePort;
  before: (meanwhile: () => Promise<unknown>) => void;
} {
  let pending: (() => Promise<unknown>) | undefined;
  return {
    before: (meanwhile) => {
      pending = meanwhile;
    },
    storage: {
      ...storage,
      name: storage.name,
      capabilities: storage.capabilities,
      get: storage.get.bind(storage),
      query: storage.query.bind(storage),
      readEvents: storage.readEvents.bind(storage),
      transaction: storage.transaction.bind(storage),
      close: storage.close.bind(storage),
      async commit(organisationId, writes) {
        const meanwhile = pending;
        pending = undefined;
        await meanwhile?.();
        return storage.commit!(organisationId, writes);
      },
    },
  };
}

/** The demo programme on one storage, and two SDKs on it (two tabs), the second one's next commit held back. */
async function twoTabs() {
  const store = createMemoryStorage();
  const first = createSocialShift({ storage: store, organisationId: 'org_korenschoof' });
  const { publisherId } = await seedDemoProgramme(first, new Date());
  const tab = heldBack(store);
  const second = createSocialShift({ storage: tab.storage, organisationId: 'org_korenschoof' });
  const [mine] = await second.as(publisherId).offers.mine();
  if (!mine) throw new Error('The demo programme offers the publisher nothing.');
  return { first, second, tab, publisherId, offer: mine.offer };
}

describe('two tabs sharing one offer at once', () => {
  it('refuses the later share with CONFLICT, writes nothing of it, and records it once on a retry', async () => {
    const { first, second, tab, publisherId, offer } = await twoTabs();
    const share = (shift: typeof first, platform: 'linkedin' | 'x') =>
      shift.as(publisherId).offers.share(offer.id, { platform, idempotencyKey: `${offer.id}:${platform}` });

    tab.before(() => share(first, 'linkedin'));
    const refused = await share(second, 'x').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isSocialShiftError(refused, 'CONFLICT'), String(refused)).toBe(true);
    expect(describeError(refused, 'nl')).toMatch(
      /ander tabblad of venster.*probeer het opnieuw\. \(CONFLICT\)$/,
    );
    expect(describeError(refused, 'en')).toMatch(/another tab or window.*try again\. \(CONFLICT\)$/);
    // Nothing of the refused share was written: only the first tab's.
    const platforms = async () =>
      (await first.as(publisherId).offers.myShares()).map(({ share }) => share.platform).sort();
    expect(await platforms()).toEqual(['linkedin']);

    // The publisher tries again (the view drew the latest state): recorded once, also when tried twice.
    const again = await share(second, 'x');
    expect((await share(second, 'x')).id).toBe(again.id);
    expect(await platforms()).toEqual(['linkedin', 'x']);
  });

  it('gives the second tab the share the first one recorded when both share on the same platform at once', async () => {
    const { first, second, tab, publisherId, offer } = await twoTabs();
    const share = (shift: typeof first) =>
      shift
        .as(publisherId)
        .offers.share(offer.id, { platform: 'linkedin', idempotencyKey: `${offer.id}:linkedin` });

    let recorded: Awaited<ReturnType<typeof share>> | undefined;
    tab.before(async () => {
      recorded = await share(first);
    });
    // No refusal: the second tab gets the share the first one recorded under the same key, and so does a retry.
    expect((await share(second)).id).toBe(recorded?.id);
    expect((await share(second)).id).toBe(recorded?.id);
    expect((await first.as(publisherId).offers.myShares()).length).toBe(1);
  });
});
