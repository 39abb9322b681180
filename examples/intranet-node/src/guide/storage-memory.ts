// The in-memory storage, as docs/storage/memory.md shows it: for tests, demos and a browser tab that may forget.
// #region memory
import { memoryStorage } from '@social-shift/adapters/memory'; // or createMemoryStorage from @social-shift/core
import { createSocialShift } from '@social-shift/core';

export function inMemory() {
  return createSocialShift({ storage: memoryStorage(), organisationId: 'org_acme' });
}
// #endregion memory
