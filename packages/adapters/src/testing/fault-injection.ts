import type { JsonObject, StoragePort, StorageTransaction } from '@social-shift/core';

/**
 * The error a {@link failOnWrite} storage throws on its failing write.
 *
 * @example
 * ```ts
 * await command(failOnWrite(storage, 2)).catch((e) => e instanceof InjectedFault); // true
 * ```
 */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
  constructor(readonly write: number) {
    super(`Injected fault on write ${write}.`);
  }
}

/**
 * Wraps a storage so that the `n`-th write (put, restore, delete, append or replaceEvents, counted from 1 across its transactions) throws
 * an {@link InjectedFault} after the earlier writes went through to the adapter. A command run on it must leave
 * nothing behind: the conformance suite checks that for every `n`.
 *
 * @example
 * ```ts
 * const faulty = failOnWrite(storage, 3);
 * await faulty.transaction(org, async (tx) => { … }); // rejects with InjectedFault at the third write
 * ```
 */
export function failOnWrite(storage: StoragePort, n: number): StoragePort & { readonly writes: number } {
  let writes = 0;
  const count = () => {
    writes++;
    if (writes === n) throw new InjectedFault(n);
  };
  const wrap = (tx: StorageTransaction): StorageTransaction => ({
    get: (collection, id) => tx.get(collection, id),
    query: (collection, query) => tx.query(collection, query),
    async put(collection, id, data, expectedVersion) {
      const result = await tx.put(collection, id, data, expectedVersion);
      count();
      return result;
    },
    ...(tx.restore
      ? {
          restore: async (collection: string, id: string, data: JsonObject, version: number) => {
            const result = await tx.restore!(collection, id, data, version);
            count();
            return result;
          },
        }
      : {}),
    async delete(collection, id, expectedVersion) {
      await tx.delete(collection, id, expectedVersion);
      count();
    },
    async append(events) {
      const result = await tx.append(events);
      count();
      return result;
    },
    async replaceEvents(events) {
      await tx.replaceEvents(events);
      count();
    },
    async compactEvents(removed, summary) {
      const result = await tx.compactEvents(removed, summary);
      count();
      return result;
    },
  });
  return {
    name: `${storage.name} (failing write ${n})`,
    capabilities: storage.capabilities,
    // What `importAll` migrates a bundle to: the wrapped storage's.
    ...(storage.schemaVersion === undefined ? {} : { schemaVersion: storage.schemaVersion }),
    ...(storage.migrations === undefined ? {} : { migrations: storage.migrations }),
    get writes() {
      return writes;
    },
    get: (organisationId, collection, id) => storage.get(organisationId, collection, id),
    query: (organisationId, collection, query) => storage.query(organisationId, collection, query),
    readEvents: (organisationId, query) => storage.readEvents(organisationId, query),
    transaction: (organisationId, work) => storage.transaction(organisationId, (tx) => work(wrap(tx))),
    close: () => storage.close(),
  };
}
