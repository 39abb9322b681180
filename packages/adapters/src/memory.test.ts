import { createMemoryDriver, createStorage } from '@social-shift/core';
import { memoryCapabilities } from './memory.js';
import { describeStorageConformance } from './testing/index.js';

describeStorageConformance({
  name: 'memory',
  capabilities: memoryCapabilities,
  async createStore() {
    const driver = createMemoryDriver();
    return { open: async (options) => createStorage(driver, options) };
  },
});
