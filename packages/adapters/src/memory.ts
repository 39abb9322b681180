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
import type { StoragePort } from '@social-shift/core';
import { createMemoryStorage } from '@social-shift/core';

/** Creates in-memory storage. */
export function memoryStorage(): StoragePort {
  return createMemoryStorage();
}
