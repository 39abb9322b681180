import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import type { DocumentQuery, EventQuery, StoragePort, StoredEvent } from '../ports/storage.js';
import type { TestProgramme } from '../testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { EXPORT_ATTEMPTS, exportAll } from './export-all.js';
import { importAll } from './import-all.js';
import { createMemoryStorage } from './memory-storage.js';

const ORG = 'org_acme';
const clock = { now: () => Date.UTC(2026, 5, 1) };

async function aStore(): Promise<StoragePort> {
  const world = await createTestProgramme();
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  return world.storage;
}

describe('exportAll', () => {
  it('refuses a pageSize that is not a whole number from 1 to 10,000 with VALIDATION, on an empty or a full store', async () => {
    const full = await aStore();
    for (const storage of [createMemoryStorage(), full]) {
      for (const pageSize of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 10_001, '10']) {
        const error: unknown = await exportAll(storage, ORG, {
          pageSize: pageSize as number,
        }).then(
          () => 'exported',
          (caught: unknown) => caught,
        );
        if (!isSocialShiftError(error, 'VALIDATION')) {
          throw new Error(`pageSize ${String(pageSize)}: expected VALIDATION, got ${String(error)}`);
        }
        expect(error.message).toBe('Invalid export options: pageSize: Use a whole number from 1 to 10000.');
        expect(error.details).toEqual({
          issues: [{ path: ['pageSize'], message: 'Use a whole number from 1 to 10000.', code: 'custom' }],
          input: 'export options',
        });
      }
    }
  });

  it('refuses options that are not an object, or a clock without now(), with VALIDATION before reading', async () => {
    const storage = await aStore();
    const cases: [unknown, string][] = [
      [null, 'Invalid export options: (root): Pass an object such as { pageSize: 1000 }, or nothing.'],
      ['fast', 'Invalid export options: (root): Pass an object such as { pageSize: 1000 }, or nothing.'],
      [
        { clock: {} },
        'Invalid export options: clock: Pass a clock with now(), such as { now: () => Date.now() }.',
      ],
      [
        { clock: { now: () => Number.NaN } },
        'Invalid export options: clock: Pass a clock with now(), such as { now: () => Date.now() }.',
      ],
    ];
    let reads = 0;
    const counted = new Proxy(storage, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (name === 'get' || name === 'query' || name === 'readEvents') reads++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    for (const [options, message] of cases) {
      const error: unknown = await exportAll(counted, ORG, options as never).then(
        () => 'exported',
        (caught: unknown) => caught,
      );
      if (!isSocialShiftError(error, 'VALIDATION'))
        throw new Error(`${JSON.stringify(options)}: expected VALIDATION, got ${String(error)}`);
      expect(error.message).toBe(message);
    }
    expect(reads).toBe(0);
  });

  it('refuses an organisation the storage does not hold with NOT_FOUND, instead of an empty bundle', async () => {
    const storage = await aStore();
    for (const id of ['org_missing', 'org_acm']) {
      await expect(exportAll(storage, id, { clock })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining(`"${id}"`),
        details: { entityType: 'organisation', id },
      });
    }
    expect((await exportAll(storage, ORG, { clock })).documents.organisation).toHaveLength(1);
  });

  it('gives the same bundle for every page size from 1 to 10,000 (property)', async () => {
    const storage = await aStore();
    const expected = await exportAll(storage, ORG, { clock });
    expect(expected.events.length).toBeGreaterThan(3);
    expect(await exportAll(storage, ORG, { clock, pageSize: 10_000 })).toEqual(expected);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (pageSize) => {
        expect(await exportAll(storage, ORG, { clock, pageSize })).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});

describe('exportAll while others write', () => {
  const DAY = 86_400_000;
  /** What a hook sees: a query of a collection, or a read of the log. */
  type Read = { collection: string; query?: DocumentQuery } | { events: EventQuery | undefined };
  /**
   * A programme whose storage runs `hook.run` before each read (as another writer of the same store would, between
   * the export's reads), with clicks and a retention run behind it.
   */
  async function busy(): Promise<
    TestProgramme & { hook: { run?: ((read: Read) => Promise<void>) | undefined }; firstClick: number }
  > {
    const hook: { run?: ((read: Read) => Promise<void>) | undefined } = {};
    const base = createMemoryStorage();
    const storage: StoragePort = {
      ...base,
      name: base.name,
      capabilities: base.capabilities,
      get: (org, collection, id) => base.get(org, collection, id),
      query: async (org, collection, query) => {
        await hook.run?.({ collection, ...(query ? { query } : {}) });
        return base.query(org, collection, query);
      },
      readEvents: async (org, query) => {
        await hook.run?.({ events: query });
        return base.readEvents(org, query);
      },
      transaction: (org, work) => base.transaction(org, work),
      ...(base.commit ? { commit: (org, writes) => base.commit!(org, writes) } : {}),
      close: () => base.close(),
    };
    const world = await createTestProgramme({ storage });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [offer] = await world.shift.as(world.people.publisher).offers.mine();
    const share = await world.shift
      .as(world.people.publisher)
      .offers.share(offer!.offer.id, { platform: 'linkedin', idempotencyKey: 's' });
    const clicks: StoredEvent[] = [];
    for (let i = 0; i < 3; i++) {
      clicks.push(
        (await world.shift.platform.recordClick({
          shareId: share.id,
          idempotencyKey: `c${i}`,
        })) as StoredEvent,
      );
    }
    world.clock.advance(2 * DAY);
    await world.shift.platform.recordClick({ shareId: share.id, idempotencyKey: 'late' });
    // `world.storage` is the programme's own store, unused when `storage` is given.
    return { ...world, storage, hook, firstClick: clicks[0]!.seq };
  }

  /** Runs `write` once, at the first read `when` matches. */
  const once = (
    world: { hook: { run?: ((read: Read) => Promise<void>) | undefined } },
    when: (read: Read) => boolean,
    write: () => Promise<unknown>,
  ) => {
    world.hook.run = async (read) => {
      if (!when(read)) return;
      world.hook.run = undefined;
      await write();
    };
  };

  it('reads again when a command commits between two collections, so the bundle imports', async () => {
    const world = await busy();
    const { shift, people } = world;
    let added = '';
    once(
      world,
      (read) => 'collection' in read && read.collection === 'role_assignment',
      async () => {
        added = (await shift.as(people.master).people.add({ displayName: 'New Nina' })).id;
        await shift.as(people.master).people.assignRole(added, { role: 'publisher' });
      },
    );
    const bundle = await exportAll(world.storage, ORG, { clock });
    expect(bundle.documents.person?.map((person) => person.id)).toContain(added);
    expect(bundle.documents.role_assignment?.map((role) => role.personId)).toContain(added);
    expect(bundle).toEqual(await exportAll(world.storage, ORG, { clock }));
    await expect(importAll(createMemoryStorage(), JSON.parse(JSON.stringify(bundle)))).resolves.toBeDefined();
  });

  it('reads again when an erasure commits while it reads the log, so no event keeps what was erased', async () => {
    const world = await busy();
    const { shift, people } = world;
    once(
      world,
      (read) => 'events' in read && (read.events?.after ?? 0) > 0 && read.events?.limit === 2,
      () => shift.as(people.master).privacy.erasePerson(people.publisher),
    );
    const bundle = await exportAll(world.storage, ORG, { clock, pageSize: 2 });
    expect(bundle.events.map((event) => event.type)).toContain('person.erased');
    expect(JSON.stringify(bundle)).not.toContain('Piet Publisher');
    expect(bundle).toEqual(await exportAll(world.storage, ORG, { clock }));
  });

  it('reads again when a retention run ends while it reads the log, so no figure is counted twice', async () => {
    const world = await busy();
    const { shift, people } = world;
    // The first old click has been read; the run then replaces it and the next two with one summary.
    once(
      world,
      (read) => 'events' in read && read.events?.limit === 2 && (read.events.after ?? 0) >= world.firstClick,
      () => shift.as(people.master).privacy.applyRetention({ platformEventDays: 1 }),
    );
    const bundle = await exportAll(world.storage, ORG, { clock, pageSize: 2 });
    expect(bundle.events.filter((event) => event.type === 'platform.summary')).toHaveLength(1);
    expect(bundle.events.filter((event) => event.type === 'platform.click')).toHaveLength(1);
    expect(bundle.idempotency?.filter((record) => record.command === 'platform.click')).toHaveLength(1);
    expect(bundle).toEqual(await exportAll(world.storage, ORG, { clock }));
  });

  it(`gives up with CONFLICT after ${EXPORT_ATTEMPTS} reads that each saw a write`, async () => {
    const world = await busy();
    const { shift, people } = world;
    let writes = 0;
    world.hook.run = async (read) => {
      if (!('collection' in read) || read.collection !== 'team') return;
      writes++;
      await shift.as(people.master).teams.create({ name: `Team ${writes}` });
    };
    const error: unknown = await exportAll(world.storage, ORG, { clock }).catch((caught: unknown) => caught);
    world.hook.run = undefined;
    if (!isSocialShiftError(error, 'CONFLICT')) throw new Error(`expected CONFLICT, got ${String(error)}`);
    expect(writes).toBe(EXPORT_ATTEMPTS);
    expect(error.message).toContain(
      `Organisation "${ORG}" changed while it was exported, ${EXPORT_ATTEMPTS} times`,
    );
    expect(error.details).toMatchObject({ entityType: 'organisation', id: ORG });
    expect(error.details.actualVersion).toBeGreaterThan(error.details.expectedVersion);
  });
});
