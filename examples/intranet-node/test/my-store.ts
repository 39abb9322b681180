// A stand-in for a storage driver of your own, so that own-adapter.test.ts runs the conformance suite exactly as
// docs/storage/README.md shows it. Here it is the in-memory driver of core; yours talks to your database.
import { createMemoryDriver, type StorageDriver } from '@social-shift/core';

/** Your database, empty: a fresh schema, a new file, a cleared key space. */
export async function makeEmptyDatabase(): Promise<object> {
  return {};
}

/** Your driver: the primitives of `StorageDriver` (packages/core/src/storage/storage-driver.ts) on `database`. */
export function createMyDriver(_database: object): StorageDriver {
  return createMemoryDriver();
}
