// Test support (not exported): a memory storage that records the collection of each query made through it, so a test
// can assert which reads a command makes (a list read where a read by id would do, at the size of a big organisation).
import type { StoragePort } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';

/** A memory storage that records the collection of each query, in order. */
export function recordingStorage(): { storage: StoragePort; queried: string[] } {
  const storage = createMemoryStorage();
  const queried: string[] = [];
  const query: StoragePort['query'] = (organisationId, collection, q) => {
    queried.push(collection);
    return storage.query(organisationId, collection, q);
  };
  return { storage: Object.assign(Object.create(storage), { query }), queried };
}
