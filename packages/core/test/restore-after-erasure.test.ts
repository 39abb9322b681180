// docs/privacy.md, "Erasure": a backup made before an erasure brings the person's data back when it is imported;
// erasing again the people the live log says were erased leaves nothing of them in the restored store.
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../src/model/entity-type.js';
import type { LinkTracker } from '../src/ports/link-tracker.js';
import type { StoragePort } from '../src/ports/storage.js';
import { createSocialShift } from '../src/sdk/create-social-shift.js';
import { IDEMPOTENCY_COLLECTION } from '../src/sdk/runtime.js';
import { exportAll } from '../src/storage/export-all.js';
import { importAll } from '../src/storage/import-all.js';
import { createMemoryStorage } from '../src/storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../src/testing/programme.js';

const ORG = 'org_acme';
const SECRETS = [
  'Piet Publisher',
  'piet@zorggroep.example',
  'piet-handle',
  'urn:li:share:4711',
  'st_piet_token',
];

async function everything(storage: StoragePort): Promise<string> {
  const documents: Record<string, unknown> = {};
  for (const collection of [...ENTITY_TYPES, IDEMPOTENCY_COLLECTION])
    documents[collection] = await storage.query(ORG, collection);
  return JSON.stringify({ documents, events: await storage.readEvents(ORG) });
}

describe('a backup restored after an erasure', () => {
  it('brings the data back, and erasing the people the live log names as erased removes it again', async () => {
    const links: LinkTracker = {
      track: async (input) => ({
        url: `${input.link}?st=st_piet_token`,
        sharerToken: 'st_piet_token',
      }),
    };
    const world = await createTestProgramme({ links });
    const { shift, people } = world;
    await shift.as(people.master).people.update(people.publisher, { email: 'piet@zorggroep.example' });
    await shift
      .as(people.publisher)
      .people.linkAccount(people.publisher, { platform: 'linkedin', handle: 'piet-handle', networkSize: 12 });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await shift.as(people.publisher).offers.mine();
    await shift.as(people.publisher).offers.share(offer!.offer.id, {
      platform: 'linkedin',
      idempotencyKey: 'share-1',
      externalId: 'urn:li:share:4711',
    });
    const backup = JSON.parse(JSON.stringify(await exportAll(world.storage, ORG)));
    await shift.as(people.master).privacy.erasePerson(people.publisher);
    for (const secret of SECRETS) expect(await everything(world.storage)).not.toContain(secret);

    // The ids to erase again, noted before the restore.
    const erased = (await shift.readEvents({ types: ['person.erased'] })).map((event) => event.entityId);
    expect(erased).toEqual([people.publisher]);
    const restored = createMemoryStorage();
    await importAll(restored, backup);
    for (const secret of SECRETS) expect(await everything(restored)).toContain(secret);
    const again = createSocialShift({ storage: restored, organisationId: ORG, clock: world.clock });
    for (const id of erased) await again.as(people.master).privacy.erasePerson(id);
    for (const secret of SECRETS) expect(await everything(restored)).not.toContain(secret);
  });
});
