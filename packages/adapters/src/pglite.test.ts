import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteCapabilities, pgliteClient } from './pglite.js';
import { postgresStorage } from './postgres.js';
import { describeStorageConformance } from './testing/index.js';

let counter = 0;
// PGlite starts in seconds: one instance for the whole file, a fresh table prefix per case.
let pglite: Promise<PGlite> | undefined;
const sharedPglite = () => {
  pglite ??= PGlite.create();
  return pglite;
};
afterAll(async () => {
  if (pglite) await (await pglite).close();
});

describeStorageConformance({
  name: 'postgres (PGlite)',
  capabilities: pgliteCapabilities,
  async createStore() {
    const db = await sharedPglite();
    const tablePrefix = `t${counter++}_`;
    return {
      open: async (options) =>
        postgresStorage({
          ...options,
          client: pgliteClient(db, { owned: false }),
          tablePrefix,
          name: 'pglite',
        }),
    };
  },
});

describe('postgres storage on PGlite', () => {
  it('reports PGlite’s capabilities: one process, in browsers too', async () => {
    const storage = postgresStorage({ client: pgliteClient(await sharedPglite(), { owned: false }) });
    expect(storage.capabilities).toEqual(pgliteCapabilities);
  });
});
