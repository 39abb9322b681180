// The conformance suite run for an adapter of your own, as docs/storage/README.md shows it ("Writing your own
// adapter"). The driver is a stand-in (./my-store.ts); the suite and its cases are the real ones.
// #region own-adapter
import { describeStorageConformance } from '@social-shift/adapters/testing';
import { createStorage } from '@social-shift/core';
import { createMyDriver, makeEmptyDatabase } from './my-store.js';

describeStorageConformance({
  name: 'my-store',
  capabilities: { persistent: true, multiProcess: false, browser: false, node: true },
  async createStore() {
    const driver = createMyDriver(await makeEmptyDatabase());
    return { open: async (options) => createStorage(driver, options) };
  },
});
// #endregion own-adapter
