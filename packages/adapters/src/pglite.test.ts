import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteCapabilities, pgliteClient } from './pglite.js';
import type { SqlClient } from './postgres.js';
import { postgresDdl, postgresStorage } from './postgres.js';
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

describe('pgliteClient: what it is given', () => {
  it('refuses what is not a PGlite instance with VALIDATION when wired, and says to await a PGlite.create()', () => {
    const pending = PGlite.create();
    for (const bad of [pending, undefined, null, {}]) {
      expect(() => pgliteClient(bad as unknown as PGlite)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringMatching(/await PGlite\.create/),
        }),
      );
    }
    return pending.then((db) => db.close());
    // PGlite.create() loads PostgreSQL's WebAssembly: about 4 s on a busy machine, past vitest's default 5 s.
  }, 60_000);
});

describe('pgliteClient: two PGlite instances on one data directory', () => {
  it('refuses a second open instance on a directory with VALIDATION, as the two would overwrite each other’s writes', async () => {
    // Two instances on one directory each keep their own copy of the database: a commit through one was lost, without
    // any error, once the other wrote (`PGlite.create(dir)` twice in one process, say a storage made per request).
    const dir = await mkdtemp(join(tmpdir(), 'pglite-'));
    const first = await PGlite.create(join(dir, 'data'));
    const second = await PGlite.create(join(dir, 'data'));
    try {
      pgliteClient(first);
      expect(() => pgliteClient(first, { owned: false })).not.toThrow();
      expect(() => pgliteClient(second)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringMatching(/another PGlite instance is open on the data directory .*data/),
        }),
      );
      await first.close();
      expect(pgliteClient(second).capabilities).toEqual(pgliteCapabilities);
    } finally {
      await second.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('postgres storage on PGlite', () => {
  it('reports PGlite’s capabilities: one process, in browsers too; persistent only with a data directory', async () => {
    // A PGlite in memory (the default, its MemoryFS, or `memory://`) loses every write on close: it reported
    // `persistent: true` all the same, as a SQLite `:memory:` database does not.
    const storage = postgresStorage({ client: pgliteClient(await sharedPglite(), { owned: false }) });
    expect(storage.capabilities).toEqual({ ...pgliteCapabilities, persistent: false });
    const inMemory = [await PGlite.create('memory://')];
    const dir = await mkdtemp(join(tmpdir(), 'pglite-'));
    const onDisk = [
      await PGlite.create(join(dir, 'a')),
      await PGlite.create({ fs: new NodeFS(join(dir, 'b')) }),
    ];
    try {
      for (const db of inMemory) expect(pgliteClient(db).capabilities?.persistent).toBe(false);
      for (const db of onDisk) expect(pgliteClient(db).capabilities).toEqual(pgliteCapabilities);
    } finally {
      for (const db of [...inMemory, ...onDisk]) await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Event `n` of a `post.created` for post `p` of `organisationId`, for write-set cases. */
const postCreated = (organisationId: string, n: number) => ({
  id: `evt_${n}`,
  organisationId,
  type: 'post.created' as const,
  at: '2026-03-02T09:00:00.000Z',
  actorId: 'person_1',
  entityType: 'post' as const,
  entityId: 'p',
  entityVersion: 1,
  data: {},
});

describe('a write set on PostgreSQL (PGlite)', () => {
  /** The client, recording each statement outside a transaction and each transaction. */
  const recording = (client: SqlClient) => {
    const log: string[] = [];
    const wrapped: SqlClient = {
      query: (text, params) => {
        log.push(text.trim().split(/\s+/)[0]!);
        return client.query(text, params);
      },
      transaction: (work) => {
        log.push('transaction');
        return client.transaction(work);
      },
    };
    return { wrapped, log };
  };
  const ORG = 'org_ws';
  const event = (n: number) => postCreated(ORG, n);

  it('commits in one statement, with no transaction', async () => {
    const { wrapped, log } = recording(pgliteClient(await sharedPglite(), { owned: false }));
    const storage = postgresStorage({ client: wrapped, tablePrefix: `ws${counter++}_` });
    await storage.open();
    await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'A' }, 0));
    log.length = 0;
    const stored = await storage.commit(ORG, {
      puts: [
        { collection: 'post', id: 'p', data: { title: 'B' }, expectedVersion: 1 },
        { collection: 'offer', id: 'o', data: { status: 'offered' }, expectedVersion: 0 },
      ],
      events: [event(1), event(2)],
    });
    expect(log).toEqual(['WITH']);
    expect(stored.map((e) => e.seq)).toEqual([1, 2]);
    expect((await storage.get(ORG, 'post', 'p'))?.data).toEqual({ title: 'B' });
  });

  it('redoes a failed version check in a transaction, which names the CONFLICT; nothing is written', async () => {
    const { wrapped, log } = recording(pgliteClient(await sharedPglite(), { owned: false }));
    const storage = postgresStorage({ client: wrapped, tablePrefix: `ws${counter++}_` });
    await storage.transaction(ORG, (tx) => tx.put('post', 'p', { title: 'A' }, 0));
    log.length = 0;
    const stale = storage.commit(ORG, {
      puts: [
        { collection: 'offer', id: 'o', data: { status: 'offered' }, expectedVersion: 0 },
        { collection: 'post', id: 'p', data: { title: 'B' }, expectedVersion: 3 },
      ],
      events: [event(1)],
    });
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', details: { id: 'p', actualVersion: 1 } });
    expect(log).toEqual(['WITH', 'transaction']);
    expect(await storage.get(ORG, 'offer', 'o')).toBeUndefined();
    expect(await storage.readEvents(ORG)).toEqual([]);
  });
});

describe('a write set beyond PostgreSQL’s 65,535 parameters of a statement (PGlite)', () => {
  it('commits it as memory and SQLite do, in a transaction instead of one statement', async () => {
    const storage = postgresStorage({
      client: pgliteClient(await sharedPglite(), { owned: false }),
      tablePrefix: `big${counter++}_`,
    });
    const events = Array.from({ length: 16_400 }, (_, i) => postCreated('org_big', i));
    const stored = await storage.commit('org_big', { puts: [], events });
    expect([stored.length, stored.at(-1)?.seq]).toEqual([16_400, 16_400]);
    const puts = Array.from({ length: 13_200 }, (_, i) => ({
      collection: 'post',
      id: `p${i}`,
      data: { n: i },
      expectedVersion: 0,
    }));
    await storage.commit('org_big', { puts, events: [] });
    expect((await storage.query('org_big', 'post')).length).toBe(13_200);
  }, 60_000);
});

describe('reads issued together beyond one statement (PGlite)', () => {
  it('answers each of 2,000 reads issued at once, as memory and SQLite do', async () => {
    const storage = postgresStorage({
      client: pgliteClient(await sharedPglite(), { owned: false }),
      tablePrefix: `many${counter++}_`,
    });
    await storage.transaction('org_many', async (tx) => {
      await tx.put('post', 'x7', { n: 7 }, 0);
      await tx.put('post', 'x1999', { n: 1_999 }, 0);
    });
    const ids = Array.from({ length: 2_000 }, (_, i) => `x${i}`);
    const [docs, query] = await Promise.all([
      Promise.all(ids.map((id) => storage.get('org_many', 'post', id))),
      storage.query('org_many', 'post', { where: { n: 7 } }),
    ]);
    expect(docs.flatMap((doc, i) => (doc ? [[i, doc.data]] : []))).toEqual([
      [7, { n: 7 }],
      [1_999, { n: 1_999 }],
    ]);
    expect(query.map((doc) => doc.id)).toEqual(['x7']);
  }, 60_000);
});

describe('postgres storage options', () => {
  const client: SqlClient = {
    query: async () => ({ rows: [], rowCount: 0 }),
    transaction: (work) => work(client),
  };
  /** `make` throws a VALIDATION error whose message matches `pattern`. */
  const validation = (make: () => unknown, pattern: RegExp) =>
    expect(make).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(pattern) }),
    );

  it('refuses a schema that is a reserved word, starts with pg_ or is information_schema with VALIDATION when created', () => {
    for (const schema of ['user', 'select', 'USER', 'table']) {
      validation(() => postgresStorage({ client, schema }), /reserved word/);
    }
    validation(() => postgresStorage({ client, schema: 'pg_foo' }), /pg_/);
    for (const schema of ['information_schema', 'Information_Schema', 'INFORMATION_SCHEMA']) {
      validation(
        () => postgresStorage({ client, schema }),
        /PostgreSQL's own schema of catalogue views: use a schema of your own, such as "social_shift"/,
      );
    }
    expect(() => postgresStorage({ client, schema: 'information' })).not.toThrow();
    expect(() => postgresStorage({ client, schema: 'users' })).not.toThrow();
  });

  it('refuses an empty schema with VALIDATION, instead of putting the tables in the search path (public)', () => {
    // `schema: process.env.DB_SCHEMA ?? ''` with the variable unset made the tables in public, silently.
    validation(() => postgresStorage({ client, schema: '' }), /Invalid schema ""/);
    validation(() => postgresDdl({ schema: '' }), /Invalid schema ""/);
    validation(
      () => postgresStorage({ client, schema: null as unknown as string }),
      /Invalid schema null: leave schema out/,
    );
  });

  it('refuses index names that collide, are cut at 63 bytes or are not lists, with VALIDATION', () => {
    validation(() => postgresStorage({ client, indexes: { a_b: ['c'], a: ['b_c'] } }), /same name/);
    validation(() => postgresStorage({ client, indexes: { events: ['entity'] } }), /same name/);
    validation(() => postgresStorage({ client, indexes: { documents: ['pkey'] } }), /same name/);
    validation(
      () =>
        postgresStorage({
          client,
          tablePrefix: 'p'.repeat(40),
          indexes: { aaaaaaaaaa: ['bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb1'] },
        }),
      /longer than 63 bytes/,
    );
    validation(
      () => postgresStorage({ client, indexes: { post: 'status' as unknown as readonly string[] } }),
      /list of field names/,
    );
  });

  it('refuses a missing client, or one that is not a SqlClient (a raw pg Pool), with VALIDATION when created', async () => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    for (const bad of [undefined, null, 'postgres://x', pool, { query: async () => ({ rows: [] }) }]) {
      validation(() => postgresStorage({ client: bad as unknown as SqlClient }), /client.*pgClient\(pool\)/);
    }
    validation(() => postgresStorage(undefined as unknown as { client: SqlClient }), /client/);
    await pool.end();
  });

  it('creates a schema and indexes that pass the checks on PGlite', async () => {
    const db = await sharedPglite();
    const storage = postgresStorage({
      client: pgliteClient(db),
      ownsClient: false,
      schema: 'opts_ok',
      indexes: { a_b: ['c'], a: ['b'] },
    });
    await storage.transaction('org_a', (tx) => tx.put('a_b', 'x', { c: 'v' }, 0));
    expect((await storage.query('org_a', 'a_b', { where: { c: 'v' } })).map((d) => d.id)).toEqual(['x']);
    await storage.close();
  });
});
