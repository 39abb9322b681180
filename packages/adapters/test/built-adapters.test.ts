// Imports the built adapters (dist/) the way users do, in a separate Node process without the "source"
// condition. Needs `pnpm build` first; `pnpm test` builds before it runs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
  });

describe('the built adapters', () => {
  it('load no driver when imported, and load better-sqlite3 only when SQLite storage opens (CommonJS)', () => {
    const out = run(
      `const loaded = () => Object.keys(require.cache).some((k) => k.includes('better-sqlite3'));
       const { sqliteStorage } = require('@social-shift/adapters/sqlite');
       require('@social-shift/adapters/postgres'); require('@social-shift/adapters/indexeddb');
       const before = loaded();
       const storage = sqliteStorage({ filename: ':memory:' });
       storage.transaction('org_a', (tx) => tx.put('post', 'p', { a: 1 }, 0))
         .then(() => storage.get('org_a', 'post', 'p'))
         .then((doc) => { console.log(before, loaded(), doc.version); return storage.close(); });`,
      'commonjs',
    );
    expect(out.trim()).toBe('false true 1');
  });

  it('import as ESM and keep drivers out until used', () => {
    const out = run(
      `import { postgresStorage } from '@social-shift/adapters/postgres';
       import { sqliteStorage } from '@social-shift/adapters/sqlite';
       import { indexedDbStorage } from '@social-shift/adapters/indexeddb';
       import { memoryStorage } from '@social-shift/adapters/memory';
       const storage = sqliteStorage();
       await storage.transaction('org_a', (tx) => tx.append([{ id: 'e1', organisationId: 'org_a', type: 'post.updated',
         at: '2026-01-01T00:00:00.000Z', actorId: 'a', entityType: 'post', entityId: 'p', entityVersion: 1, data: {} }]));
       console.log((await storage.readEvents('org_a'))[0].seq, typeof postgresStorage, typeof indexedDbStorage,
         memoryStorage().name);
       await storage.close();`,
      'module',
    );
    expect(out.trim()).toBe('1 function function memory');
  });
});
