// An option set to null (a configuration file's `"tablePrefix": null`) is refused by every storage adapter with
// VALIDATION naming it, never taken for the default. SQLite took a null tablePrefix, indexes or busyTimeoutMs for the
// default, PostgreSQL a null tablePrefix and IndexedDB null indexes, while every other option refused its null: someone
// who meant "no prefix" got tables named social_shift_… without a word.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbStorage } from './indexeddb.js';
import { memoryStorage } from './memory.js';
import { postgresStorage, type SqlClient } from './postgres.js';
import { sqliteStorage } from './sqlite.js';

const client: SqlClient = {
  query: async () => ({ rows: [] }),
  transaction: async (work: (tx: SqlClient) => Promise<unknown>) => work(client),
  close: async () => {},
} as unknown as SqlClient;

type Refusal = { code: string; message: string; details: { issues: { path: string[] }[] } };

const adapters: Record<string, { make: (options: Record<string, unknown>) => unknown; options: string[] }> = {
  sqlite: {
    make: (options) => sqliteStorage(options as Parameters<typeof sqliteStorage>[0]),
    options: [
      'filename',
      'tablePrefix',
      'indexes',
      'busyTimeoutMs',
      'memory',
      'cacheSize',
      'schemaVersion',
      'migrations',
    ],
  },
  postgres: {
    make: (options) => postgresStorage({ client, ...options } as Parameters<typeof postgresStorage>[0]),
    options: ['schema', 'tablePrefix', 'indexes', 'ownsClient', 'name', 'schemaVersion', 'migrations'],
  },
  indexeddb: {
    make: (options) =>
      indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange, ...options } as Parameters<
        typeof indexedDbStorage
      >[0]),
    options: ['databaseName', 'indexes', 'schemaVersion', 'migrations'],
  },
  memory: {
    make: (options) => memoryStorage(options as Parameters<typeof memoryStorage>[0]),
    options: ['schemaVersion', 'migrations'],
  },
};

const refusal = (make: () => unknown): Refusal => {
  try {
    make();
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('accepted');
};

describe('a storage option set to null', () => {
  it.each(
    Object.entries(adapters).flatMap(([adapter, { options }]) =>
      options.map((option) => [adapter, option] as const),
    ),
  )('%s refuses %s: null with VALIDATION, naming the option', (adapter, option) => {
    const error = refusal(() => adapters[adapter]!.make({ [option]: null }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(option);
    expect(error.message).not.toContain('"null"');
  });

  it.each(['tablePrefix', 'indexes'])(
    'says to leave %s out for its default (SQLite and PostgreSQL)',
    (option) => {
      for (const adapter of ['sqlite', 'postgres']) {
        const error = refusal(() => adapters[adapter]!.make({ [option]: null }));
        expect(error.message).toContain(`Invalid ${option} null: leave ${option} out`);
        expect(error.details.issues[0]?.path).toEqual([option]);
      }
    },
  );

  it('makes no SQLite file for a refused null', () => {
    const filename = join(mkdtempSync(join(tmpdir(), 'social-shift-null-')), 'programme.db');
    for (const option of ['tablePrefix', 'indexes', 'busyTimeoutMs'])
      expect(refusal(() => sqliteStorage({ filename, [option]: null })).code).toBe('VALIDATION');
    expect(existsSync(filename)).toBe(false);
  });

  it('still takes an option left undefined for its default', async () => {
    const storage = sqliteStorage({
      tablePrefix: undefined,
      indexes: undefined,
      busyTimeoutMs: undefined,
    } as unknown as Parameters<typeof sqliteStorage>[0]);
    await storage.open();
    await expect(storage.readEvents('org_a')).resolves.toEqual([]);
    await storage.close();
    expect(() =>
      postgresStorage({ client, tablePrefix: undefined, schema: undefined } as unknown as Parameters<
        typeof postgresStorage
      >[0]),
    ).not.toThrow();
  });
});
