// The page that runs the conformance suite in a real browser: bundled by esbuild, loaded by Chromium from a
// local server (IndexedDB needs an http origin), and asked for the results through `window`.
import { indexedDbCapabilities, indexedDbStorage } from '../../src/indexeddb.js';
import type { ConformanceResult } from '../../src/testing/run-conformance.js';
import { runStorageConformance } from '../../src/testing/run-conformance.js';

declare global {
  interface Window {
    runConformance(): Promise<ConformanceResult[]>;
  }
}

let store = 0;
window.runConformance = () =>
  runStorageConformance(
    {
      name: 'indexeddb (chromium)',
      capabilities: indexedDbCapabilities,
      async createStore() {
        const databaseName = `conformance-${store++}`;
        return {
          open: async (options) => indexedDbStorage({ ...options, databaseName }),
          dispose: async () => {
            indexedDB.deleteDatabase(databaseName);
          },
        };
      },
    },
    { now: () => performance.now() },
  );
