// Options and inputs given as `undefined` (a form's empty field, an unset environment variable) are options left
// out, as the types say under `exactOptionalPropertyTypes`: `linkSecret: process.env.LINK_SECRET` compiles and runs.
import { describe, expect, it } from 'vitest';
import { createStorage } from '../storage/create-storage.js';
import { exportAll } from '../storage/export-all.js';
import { importAll } from '../storage/import-all.js';
import { createMemoryDriver, createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { createSocialShift } from './create-social-shift.js';

const unset: string | undefined = undefined;

describe('options and inputs left undefined', () => {
  it('set up a programme with every option and setting of createSocialShift undefined', async () => {
    const shift = createSocialShift({
      storage: createMemoryStorage(),
      organisationId: 'org_a',
      clock: undefined,
      ids: undefined,
      onHandlerError: undefined,
      links: undefined,
      linkSecret: unset,
      sharePolicy: undefined,
      config: {
        fourEyes: undefined,
        dormantAfterDays: undefined,
        permissions: undefined,
        retention: undefined,
      },
    });
    const { masterId } = await shift.setup({
      organisation: { name: 'A' },
      programme: { name: 'P' },
      master: { displayName: 'Mira' },
    });
    expect((await shift.as(masterId).people.get(masterId)).displayName).toBe('Mira');
  });

  it('take a note, a filter and a limit left undefined as left out', async () => {
    const world = await createTestProgramme();
    const { shift, people } = world;
    const note: string | undefined = undefined;
    const contribution = await shift
      .as(people.creator)
      .contributions.create({ kind: 'text', title: 'T', body: 'B' });
    await shift.as(people.creator).contributions.submit(contribution.id);
    await shift.as(people.editor).contributions.startReview(contribution.id);
    expect((await shift.as(people.editor).contributions.accept(contribution.id, { note })).status).toBe(
      'accepted',
    );
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    expect(await shift.as(people.master).offers.list({ campaignId: unset })).not.toHaveLength(0);
    expect(await shift.as(people.publisher).offers.myShares({ limit: undefined })).toEqual([]);
  });

  it('read the event log and export with a cursor, a limit and the options left undefined', async () => {
    // A page of the audit log read from a query string: no cursor yet on the first page.
    const { shift, storage } = await createTestProgramme();
    const cursor: number | undefined = undefined;
    const all = await shift.readEvents();
    expect(
      await shift.readEvents({ after: cursor, limit: undefined, entityId: unset, types: undefined }),
    ).toEqual(all);
    const bundle = await exportAll(storage, shift.organisationId, { clock: undefined, pageSize: undefined });
    expect(bundle.events).toHaveLength(all.length);
  });

  it('open a storage and import a bundle with schemaVersion and migrations undefined', async () => {
    const world = await createTestProgramme();
    const bundle = await exportAll(world.storage, 'org_acme');
    const storage = createStorage(createMemoryDriver(), { schemaVersion: undefined, migrations: undefined });
    await importAll(storage, bundle, { schemaVersion: undefined, migrations: undefined });
    expect((await exportAll(storage, 'org_acme')).events).toHaveLength(bundle.events.length);
  });
});
