// Records what each committed transaction did (its reads by key, its writes, its events) as a `Command`, so the
// raw driver can write the very same rows in the same run.
import type { StoragePort, StorageTransaction } from '@social-shift/core';
import type { Command, RowWrite } from './workload.js';

export interface RecordingStorage extends StoragePort {
  /** The commands committed since the last call, oldest first. */
  take(): Command[];
}

export function recordingStorage(storage: StoragePort): RecordingStorage {
  let committed: Command[] = [];
  return {
    name: storage.name,
    capabilities: storage.capabilities,
    get: (organisationId, collection, id) => storage.get(organisationId, collection, id),
    query: (organisationId, collection, query) => storage.query(organisationId, collection, query),
    readEvents: (organisationId, query) => storage.readEvents(organisationId, query),
    async transaction(organisationId, work) {
      const reads: { collection: string; id: string }[] = [];
      const writes: RowWrite[] = [];
      const events: Command['events'][number][] = [];
      const result = await storage.transaction(organisationId, (tx) => {
        const recorded: StorageTransaction = {
          async get(collection, id) {
            const doc = await tx.get(collection, id);
            if (doc) reads.push({ collection, id });
            return doc;
          },
          query: (collection, query) => tx.query(collection, query),
          async put(collection, id, data, expectedVersion) {
            const doc = await tx.put(collection, id, data, expectedVersion);
            writes.push({ collection, id, data, expectedVersion });
            return doc;
          },
          delete: (collection, id, expectedVersion) => tx.delete(collection, id, expectedVersion),
          // Only erasure rewrites events; the workload never does, so the raw side has nothing to replay.
          replaceEvents: (list) => tx.replaceEvents(list),
          compactEvents: (removed, summary) => tx.compactEvents(removed, summary),
          async append(list) {
            const stored = await tx.append(list);
            events.push(...list);
            return stored;
          },
        };
        return work(recorded);
      });
      committed.push({ reads, writes, events });
      return result;
    },
    // The SDK commits most commands as one write set: record it the same way (no reads inside).
    ...(storage.commit
      ? {
          async commit(organisationId, writes) {
            const stored = await storage.commit!(organisationId, writes);
            committed.push({ reads: [], writes: [...writes.puts], events: [...writes.events] });
            return stored;
          },
        }
      : {}),
    take() {
      const taken = committed;
      committed = [];
      return taken;
    },
    close: () => storage.close(),
  };
}
