import { describe, expect, it } from 'vitest';
import { isSocialShiftError, SocialShiftError } from '../errors/social-shift-error.js';
import type { JsonObject } from '../ports/storage.js';
import { createStorage } from './create-storage.js';
import { createMemoryDriver } from './memory-storage.js';
import type { DriverTransaction, StorageDriver } from './storage-driver.js';

const ORG = 'org_a';

/** A memory driver whose chosen primitive fails like a broken database would. */
function brokenDriver(broken: 'insert' | 'commit' | 'open' | 'get'): StorageDriver {
  const inner = createMemoryDriver();
  const failure = new Error('disk I/O error');
  return {
    ...inner,
    name: 'broken',
    async open() {
      if (broken === 'open') throw failure;
    },
    async get(...args) {
      if (broken === 'get') throw failure;
      return inner.get(...args);
    },
    transaction<T>(organisationId: string, work: (tx: DriverTransaction) => Promise<T>): Promise<T> {
      return inner
        .transaction(organisationId, (tx) =>
          work({
            ...tx,
            insert: async (row) => {
              if (broken === 'insert') throw failure;
              return tx.insert(row);
            },
          }),
        )
        .then((result) => {
          if (broken === 'commit') throw failure;
          return result;
        });
    },
  };
}

const storageError = (what: string) => (error: unknown) =>
  isSocialShiftError(error, 'STORAGE') &&
  error.details.adapter === 'broken' &&
  error.details.operation === what &&
  (error.cause as Error).message === 'disk I/O error' &&
  /retry/.test(error.message);

describe('createStorage', () => {
  it('reports a failing driver write as STORAGE, with the adapter, the operation and the cause', async () => {
    const storage = createStorage(brokenDriver('insert'));
    await expect(storage.transaction(ORG, (tx) => tx.put('post', 'p', {}, 0))).rejects.toSatisfy(
      storageError('insert'),
    );
  });

  it('reports a failing commit as STORAGE', async () => {
    const storage = createStorage(brokenDriver('commit'));
    await expect(storage.transaction(ORG, async () => 1)).rejects.toSatisfy(storageError('commit'));
  });

  it('says a commit that failed after the store wrote it may or may not have been written, never that nothing was', async () => {
    // A connection lost during COMMIT: the server committed, the client got an error.
    const storage = createStorage(brokenDriver('commit'));
    const error = await storage
      .transaction(ORG, (tx) => tx.put('post', 'p', { title: 'Hello' }, 0))
      .catch((caught: unknown) => caught);
    expect(error).toSatisfy(storageError('commit'));
    expect((error as Error).message).toMatch(
      /disk I\/O error\. It may or may not have been written; check the store and retry\./,
    );
    expect((error as Error).message).not.toMatch(/nothing/i);
    expect(await storage.get(ORG, 'post', 'p')).toMatchObject({ version: 1, data: { title: 'Hello' } });

    // The same through a driver's one-request `commitMany`.
    const inner = createMemoryDriver();
    const many = createStorage({
      ...inner,
      name: 'broken',
      async commitMany(organisationId, writes) {
        await inner.transaction(organisationId, async (tx) => {
          for (const row of writes.inserts) await tx.insert(row);
          return tx.append(writes.events);
        });
        throw new Error('disk I/O error');
      },
    });
    const lost = await many
      .commit(ORG, { puts: [{ collection: 'post', id: 'p', data: {}, expectedVersion: 0 }], events: [] })
      .catch((caught: unknown) => caught);
    expect(lost).toSatisfy(storageError('commit'));
    expect((lost as Error).message).not.toMatch(/nothing/i);
    expect(await many.get(ORG, 'post', 'p')).toMatchObject({ version: 1 });
  });

  it('says nothing of the command was written when a write inside the transaction failed', async () => {
    const storage = createStorage(brokenDriver('insert'));
    await expect(storage.transaction(ORG, (tx) => tx.put('post', 'p', {}, 0))).rejects.toThrow(
      /failed to insert: disk I\/O error\. Nothing of this command was written; check the store and retry\./,
    );
    expect(await storage.get(ORG, 'post', 'p')).toBeUndefined();
  });

  it('reports a failing open and a failing read as STORAGE', async () => {
    await expect(createStorage(brokenDriver('open')).get(ORG, 'post', 'p')).rejects.toSatisfy(
      storageError('open'),
    );
    await expect(createStorage(brokenDriver('get')).get(ORG, 'post', 'p')).rejects.toSatisfy(
      storageError('read'),
    );
  });

  it.each(['organisation', 'offer', 'post'])(
    'says an existing %s exists already in plain English',
    async (type) => {
      const storage = createStorage(createMemoryDriver());
      await storage.transaction(ORG, (tx) => tx.put(type, 'x1', {}, 0));
      await expect(storage.transaction(ORG, (tx) => tx.put(type, 'x1', {}, 0))).rejects.toMatchObject({
        code: 'ALREADY_EXISTS',
        message: `The ${type} "x1" exists already.`,
        details: { entityType: type, id: 'x1' },
      });
    },
  );

  it.each([
    [undefined, 'undefined'],
    [1n, 'bigint'],
    [() => 1, 'function'],
  ])('refuses %s in a list with VALIDATION naming its type in plain English', async (value, type) => {
    const storage = createStorage(createMemoryDriver());
    await expect(
      storage.transaction(ORG, (tx) => tx.put('post', 'p', { list: [value] } as never, 0)),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining(`list.0: A value of type ${type} cannot be stored as JSON.`),
    });
    expect(await storage.get(ORG, 'post', 'p')).toBeUndefined();
  });

  it('passes the work’s own error through unchanged', async () => {
    const storage = createStorage(createMemoryDriver());
    const own = new TypeError('not mine to wrap');
    await expect(storage.transaction(ORG, () => Promise.reject(own))).rejects.toBe(own);
  });

  it('opens once, however many calls wait for it', async () => {
    let opens = 0;
    const inner = createMemoryDriver();
    const storage = createStorage({
      ...inner,
      async open() {
        opens++;
      },
    });
    await Promise.all([storage.get(ORG, 'post', 'a'), storage.query(ORG, 'post'), storage.open()]);
    expect(opens).toBe(1);
  });

  describe('migrations on open', () => {
    /** A memory driver holding `count` posts at schema version 1 and, last, one written by a newer SDK (3). */
    async function storeWithNewerDocument(count: number) {
      const driver = createMemoryDriver();
      await driver.open();
      await driver.transaction(ORG, async (tx) => {
        for (let i = 0; i < count; i++) {
          await tx.insert({ collection: 'post', id: `p${i}`, version: 1, schemaVersion: 1, data: '{"n":1}' });
        }
        await tx.insert({ collection: 'post', id: 'newer', version: 1, schemaVersion: 3, data: '{"n":3}' });
      });
      return driver;
    }
    const toV2 = {
      from: 1,
      description: 'n doubles',
      up: (_: string, data: JsonObject) => ({ ...data, n: 2 }),
    };

    it('fails with MIGRATION on a document newer than the SDK after many older ones, and migrates none of them', async () => {
      const driver = await storeWithNewerDocument(600);
      const storage = createStorage(driver, { schemaVersion: 2, migrations: [toV2] });
      await expect(storage.open()).rejects.toMatchObject({ code: 'MIGRATION', details: { from: 3, to: 2 } });
      const rows = await driver.outdated(2, Number.MAX_SAFE_INTEGER);
      expect(rows.filter((row) => row.schemaVersion === 1)).toHaveLength(600);
      expect(await driver.get(ORG, 'post', 'p0')).toMatchObject({ schemaVersion: 1, data: '{"n":1}' });
    });

    it.each([
      ['keeps the version', false],
      ['moves the version on itself', true],
    ])(
      'fails with MIGRATION at once, changing nothing, when a driver update drops the schema version and %s',
      async (_, bump) => {
        const inner = createMemoryDriver();
        await createStorage(inner).transaction(ORG, (tx) => tx.put('post', 'a', { n: 1 }, 0));
        // A driver bug: update reports success but keeps the schema version the document had.
        const driver: StorageDriver = {
          ...inner,
          transaction: (organisationId, work) =>
            inner.transaction(organisationId, (tx) =>
              work({
                ...tx,
                update: async (row, expected) => {
                  const stored = (await tx.get(row.collection, row.id))!;
                  const version = bump ? expected + 1 : row.version;
                  return tx.update({ ...row, version, schemaVersion: stored.schemaVersion }, expected);
                },
              }),
            ),
        };
        const doubles = {
          ...toV2,
          up: (_: string, data: JsonObject) => ({ ...data, n: Number(data.n) * 2 }),
        };
        const storage = createStorage(driver, { schemaVersion: 2, migrations: [doubles] });
        await expect(storage.open()).rejects.toMatchObject({
          code: 'MIGRATION',
          message: expect.stringContaining('did not store schema version 2 with a migrated post'),
        });
        expect(await inner.get(ORG, 'post', 'a')).toMatchObject({
          version: 1,
          schemaVersion: 1,
          data: '{"n":1}',
        });
      },
    );

    it('does not say nothing was written when a storage failure stops the migration after one organisation', async () => {
      const inner = createMemoryDriver();
      for (const org of ['org_a', 'org_b'])
        await createStorage(inner).transaction(org, (tx) => tx.put('post', 'a', { n: 1 }, 0));
      const driver: StorageDriver = {
        ...inner,
        name: 'broken',
        transaction: (organisationId, work) =>
          organisationId === 'org_b'
            ? Promise.reject(new Error('disk I/O error'))
            : inner.transaction(organisationId, work),
      };
      const error = await createStorage(driver, { schemaVersion: 2, migrations: [toV2] })
        .open()
        .catch((caught: unknown) => caught);
      expect(error).toSatisfy(storageError('write migrated documents'));
      expect((error as Error).message).not.toMatch(/nothing/i);
      expect(await inner.get('org_a', 'post', 'a')).toMatchObject({ schemaVersion: 2 });
    });

    it('says nothing was written when reading the documents to migrate fails (it only read)', async () => {
      const driver: StorageDriver = {
        ...createMemoryDriver(),
        name: 'broken',
        outdated: () => Promise.reject(new Error('disk I/O error')),
      };
      const error = await createStorage(driver, { schemaVersion: 2, migrations: [toV2] })
        .open()
        .catch((caught: unknown) => caught);
      expect(error).toSatisfy(storageError('read documents to migrate'));
      expect((error as Error).message).toMatch(/Nothing of this command was written/);
    });

    it('migrates every document with a driver that returns a few outdated documents per read', async () => {
      const inner = createMemoryDriver();
      await createStorage(inner).transaction(ORG, async (tx) => {
        for (let i = 0; i < 150; i++) await tx.put('post', `p${i}`, { n: 1 }, 0);
      });
      const driver: StorageDriver = {
        ...inner,
        outdated: async (v) => (await inner.outdated(v, 1)).slice(0, 1),
      };
      await createStorage(driver, { schemaVersion: 2, migrations: [toV2] }).open();
      expect(await inner.outdated(2, Number.MAX_SAFE_INTEGER)).toEqual([]);
    });

    it('wraps a throwing migration in MIGRATION with the cause, and migrates nothing', async () => {
      const driver = createMemoryDriver();
      const v1 = createStorage(driver);
      await v1.transaction(ORG, async (tx) => {
        await tx.put('post', 'a', { n: 1 }, 0);
        await tx.put('post', 'b', { n: 1 }, 0);
      });
      const bug = new TypeError('up() of b');
      const storage = createStorage(driver, {
        schemaVersion: 2,
        migrations: [
          {
            from: 1,
            description: 'fails on b',
            up: (_, data) => {
              if (data.n === 1 && seen++ > 0) throw bug;
              return { ...data, n: 2 };
            },
          },
        ],
      });
      let seen = 0;
      const error = await storage.open().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SocialShiftError);
      expect(error).toMatchObject({ code: 'MIGRATION', details: { from: 1, to: 2, collection: 'post' } });
      expect((error as Error).cause).toBe(bug);
      expect((await v1.query(ORG, 'post')).map((d) => [d.schemaVersion, d.data])).toEqual([
        [1, { n: 1 }],
        [1, { n: 1 }],
      ]);
    });

    it('refuses migrated data that is not a JSON object with MIGRATION', async () => {
      const driver = createMemoryDriver();
      await createStorage(driver).transaction(ORG, (tx) => tx.put('post', 'a', { n: 1 }, 0));
      const storage = createStorage(driver, {
        schemaVersion: 2,
        migrations: [{ from: 1, description: 'broken', up: () => [] as unknown as JsonObject }],
      });
      await expect(storage.open()).rejects.toMatchObject({ code: 'MIGRATION' });
    });

    it.each([
      ['a NaN (stored as null)', { score: Number.NaN }],
      ['an Infinity', { score: Number.POSITIVE_INFINITY }],
      ['a U+0000 (PostgreSQL refuses it)', { note: 'a\u0000b' }],
      ['an unpaired surrogate', { note: 'a\uD800b' }],
      ['a Date (stored as text)', { at: new Date(0) }],
    ])(
      'refuses migrated data with %s with MIGRATION, in every organisation, and migrates nothing',
      async (_, extra) => {
        const driver = createMemoryDriver();
        const v1 = createStorage(driver);
        await v1.transaction('org_a', (tx) => tx.put('post', 'a', { n: 1 }, 0));
        await v1.transaction('org_b', (tx) => tx.put('post', 'b', { n: 1 }, 0));
        const storage = createStorage(driver, {
          schemaVersion: 2,
          migrations: [
            {
              from: 1,
              description: 'broken for org_b only',
              up: (_c, data) =>
                ({
                  ...data,
                  n: 2,
                  ...(data.organisationId === undefined && seen++ > 0 ? extra : {}),
                }) as JsonObject,
            },
          ],
        });
        let seen = 0;
        await expect(storage.open()).rejects.toMatchObject({
          code: 'MIGRATION',
          details: { from: 1, to: 2 },
        });
        expect(await driver.get('org_a', 'post', 'a')).toMatchObject({ schemaVersion: 1, data: '{"n":1}' });
        expect(await driver.get('org_b', 'post', 'b')).toMatchObject({ schemaVersion: 1, data: '{"n":1}' });
      },
    );

    it('drops the fields a migration leaves undefined, as JSON does', async () => {
      const driver = createMemoryDriver();
      await createStorage(driver).transaction(ORG, (tx) => tx.put('post', 'a', { n: 1, old: 'x' }, 0));
      const storage = createStorage(driver, {
        schemaVersion: 2,
        migrations: [
          {
            from: 1,
            description: 'drop old',
            up: (_c, data) => ({ ...data, old: undefined }) as unknown as JsonObject,
          },
        ],
      });
      expect((await storage.get(ORG, 'post', 'a'))?.data).toEqual({ n: 1 });
    });
  });
});

describe('an expected version beyond the last one', () => {
  const MAX = 2 ** 31 - 1;
  it('is refused as a version nobody read, for puts and deletes alike', async () => {
    const storage = createStorage(createMemoryDriver());
    for (const write of ['put', 'delete'] as const) {
      const refused = await storage
        .transaction(ORG, async (tx) => {
          if (write === 'put') await tx.put('post', 'p', {}, 2 ** 40);
          else await tx.delete('post', 'p', 2 ** 31);
        })
        .catch((caught: unknown) => caught);
      expect(isSocialShiftError(refused, 'VALIDATION')).toBe(true);
      expect((refused as Error).message).toMatch(/Use the version you read/);
    }
  });

  it('says a document at the last version cannot change any more', async () => {
    const storage = createStorage(createMemoryDriver());
    await expect(storage.transaction(ORG, (tx) => tx.put('post', 'p', {}, MAX))).rejects.toThrow(
      `A document at version ${MAX} cannot change any more.`,
    );
  });
});
