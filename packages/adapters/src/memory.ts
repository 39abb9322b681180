/**
 * `@social-shift/adapters/memory`: storage in this process's memory, for tests, the demo and short scripts.
 * Nothing survives the process.
 *
 * @example
 * ```ts
 * import { createSocialShift } from '@social-shift/core';
 * import { memoryStorage } from '@social-shift/adapters/memory';
 *
 * const shift = createSocialShift({ storage: memoryStorage(), organisationId: 'org_acme' });
 * ```
 *
 * @packageDocumentation
 */
import type { CreateStorageOptions, ManagedStorage, StorageCapabilities } from '@social-shift/core';
import { createMemoryStorage } from '@social-shift/core';
import { checkOptionNames } from './option-names.js';

/** What the memory adapter can do. */
export const memoryCapabilities: StorageCapabilities = {
  persistent: false,
  multiProcess: false,
  browser: true,
  node: true,
};

/**
 * Creates in-memory storage.
 *
 * @example
 * ```ts
 * const storage = memoryStorage();
 * ```
 */
export function memoryStorage(options: CreateStorageOptions = {}): ManagedStorage {
  checkOptionNames(
    'memoryStorage',
    options,
    ['schemaVersion', 'migrations'],
    'it keeps its data in the process only: for a file, use sqliteStorage({ filename }).',
  );
  return createMemoryStorage(options);
}
