import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
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

  it('reports a failing open and a failing read as STORAGE', async () => {
    await expect(createStorage(brokenDriver('open')).get(ORG, 'post', 'p')).rejects.toSatisfy(
      storageError('open'),
    );
    await expect(createStorage(brokenDriver('get')).get(ORG, 'post', 'p')).rejects.toSatisfy(
      storageError('read'),
    );
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
});
