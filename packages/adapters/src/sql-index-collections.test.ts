import { describe, expect, it } from 'vitest';
import { postgresDdl, postgresStorage, type SqlClient } from './postgres.js';
import { sqliteDdl, sqliteStorage } from './sqlite.js';

// Collections are named in lower case (`role_assignment`); the storage refuses any other name in a read or write. An
// index of `roleAssignment` or `Post` was made all the same, and never used: the queries it was meant for scanned.
const client = { query: async () => ({ rows: [], rowCount: 0 }), transaction: async () => undefined };
const storages = {
  sqlite: (indexes: Record<string, string[]>) => sqliteStorage({ indexes }),
  postgres: (indexes: Record<string, string[]>) =>
    postgresStorage({ client: client as unknown as SqlClient, indexes }),
  sqliteDdl: (indexes: Record<string, string[]>) => sqliteDdl('social_shift_', indexes),
  postgresDdl: (indexes: Record<string, string[]>) => postgresDdl({ indexes }),
};

describe('the collections of the indexes option', () => {
  it.each(
    Object.keys(storages).flatMap((storage) =>
      ['roleAssignment', 'Post', 'SHARE'].map((collection) => [storage, collection] as const),
    ),
  )(
    '%s refuses the collection %s with VALIDATION, saying collections are named in lower case',
    (storage, collection) => {
      expect(() => storages[storage as keyof typeof storages]({ [collection]: ['status'] })).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringMatching(
            new RegExp(`indexes.*"${collection}".*lower case .*such as role_assignment.*never be used`),
          ),
          details: { issues: [expect.objectContaining({ path: ['indexes'] })] },
        }),
      );
    },
  );

  it.each(Object.keys(storages))('%s takes lower-case collections and fields of any case', (storage) => {
    expect(() =>
      storages[storage as keyof typeof storages]({ role_assignment: ['personId'], _own2: ['x_Y'] }),
    ).not.toThrow();
  });
});
