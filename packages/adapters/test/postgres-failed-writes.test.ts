import { createServer } from 'node:net';
import type { ManagedStorage } from '@social-shift/core';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../src/postgres.js';
import { postgresStorage } from '../src/postgres.js';
import { postgresJsClient } from '../src/postgres-js.js';
import { pgClient } from '../src/postgres-pg.js';
import { requiredService } from './required-service.js';

// A command that fails on PostgreSQL must say whether it may have been written. Only a socket that failed after a
// write went out leaves that open; a server that answered with an error, or no connection at all, wrote nothing.
// Every such failure read "It may or may not have been written", so callers checked the store for nothing.
const NOTHING = /Nothing of this command was written/;
const MAYBE = /may or may not have been written/;
const put = (id: string) => ({ collection: 'post', id, data: { id }, expectedVersion: 0 });
const writes = (storage: ManagedStorage, id: string) => [
  storage.commit('org_a', { puts: [put(`${id}_set`)], events: [] }),
  storage.transaction('org_a', (tx) => tx.put('post', `${id}_tx`, {}, 0)),
];

/** The answer to the storage's check on open that its tables and indexes exist: they all do. */
const tablesExist = (params: readonly unknown[] = []) =>
  Promise.resolve({ rows: [{ present: (params[0] as unknown[]).length }], rowCount: 1 } as never);

/** A SqlClient whose tables exist and whose writes fail with `error`: in the statement, at BEGIN or at COMMIT. */
function failingClient(error: unknown, at: 'statement' | 'begin' | 'commit'): SqlClient {
  const client: SqlClient = {
    async query(text, params) {
      if (text.includes('to_regclass')) return tablesExist(params);
      if (text.startsWith('SELECT')) return { rows: [], rowCount: 0 };
      if (at === 'statement') throw error;
      return { rows: [{ first: 1 }], rowCount: 1 } as never;
    },
    async transaction(work) {
      if (at === 'begin') throw error;
      const result = await work(client);
      if (at === 'commit') throw error;
      return result;
    },
  };
  return client;
}

const serverError = Object.assign(new Error('cannot execute INSERT in a read-only transaction'), {
  severity: 'ERROR',
  code: '25006',
});
const reset = Object.assign(new Error('read ECONNRESET'), {
  code: 'ECONNRESET',
  syscall: 'read',
  errno: -104,
});
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
  code: 'ECONNREFUSED',
  syscall: 'connect',
});

describe('a failed write on PostgreSQL says whether it may have been written', () => {
  it('nothing, when the server answered with an error or no connection could be had', async () => {
    for (const [error, at] of [
      [serverError, 'statement'],
      [serverError, 'commit'],
      [refused, 'statement'],
      [refused, 'begin'],
      [reset, 'begin'],
      [new Error('timeout exceeded when trying to connect'), 'begin'],
      [new Error('Transaction was rolled back instead of committed.'), 'commit'],
    ] as const) {
      const storage = postgresStorage({ client: failingClient(error, at) });
      for (const outcome of await Promise.allSettled(writes(storage, 'p'))) {
        // The one-statement write set does not use BEGIN or COMMIT: it fails only in its statement.
        if (outcome.status === 'fulfilled') continue;
        expect(outcome.reason, `${error.message} at ${at}`).toMatchObject({
          code: 'STORAGE',
          details: { adapter: 'postgres' },
          cause: error,
        });
        expect((outcome.reason as Error).message).toMatch(NOTHING);
        // The reason's own full stop is not doubled ("…instead of committed.. Nothing…").
        expect((outcome.reason as Error).message).not.toMatch(/\.\./);
      }
    }
  });

  it('maybe, when the connection failed or the session ended after a write or a COMMIT went out', async () => {
    // The server may have committed just before it ended the session: its error comes instead of the answer.
    const ended = Object.assign(new Error('terminating connection due to administrator command'), {
      severity: 'FATAL',
      code: '57P01',
    });
    for (const [error, at, index] of [
      [reset, 'statement', 0],
      [reset, 'commit', 1],
      [ended, 'statement', 0],
      [ended, 'commit', 1],
    ] as const) {
      const storage = postgresStorage({ client: failingClient(error, at) });
      const outcome = (await Promise.allSettled(writes(storage, 'p')))[index];
      expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'STORAGE', cause: error } });
      expect((outcome as PromiseRejectedResult).reason.message).toMatch(MAYBE);
    }
  });

  it("leaves the work's own error as it is", async () => {
    const storage = postgresStorage({ client: failingClient(reset, 'commit') });
    const own = new Error('the work failed');
    await expect(
      storage.transaction('org_a', async () => {
        throw own;
      }),
    ).rejects.toBe(own);
  });
});

const url = requiredService(
  'failed writes on a PostgreSQL server',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  describe('failed writes on a PostgreSQL server, through pg and postgres.js', () => {
    const schema = `failed_writes_${Date.now().toString(36)}`;
    const admin = new pg.Pool({ connectionString: url, max: 3 });
    admin.on('error', () => undefined);
    const closers: (() => Promise<unknown>)[] = [];
    afterAll(async () => {
      for (const close of closers) await close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });
    /** A storage on the shared schema through each wiring, its sessions set up with `settings`. */
    const storages = async (settings: Record<string, string>, pool: pg.PoolConfig = {}) => {
      const options = Object.entries(settings)
        .map(([key, value]) => `-c ${key}=${value}`)
        .join(' ');
      const viaPg = postgresStorage({
        client: await pgClient({ connectionString: url, max: 2, options, ...pool }),
        schema,
      });
      const viaJs = postgresStorage({
        client: postgresJsClient(postgres(url, { max: 2, connection: settings, onnotice: () => undefined })),
        schema,
      });
      closers.push(
        () => viaPg.close(),
        () => viaJs.close(),
      );
      return { pg: viaPg, postgresjs: viaJs };
    };
    const stored = async () =>
      (
        await admin.query<{ id: string }>(`SELECT id FROM ${schema}.social_shift_documents ORDER BY id`)
      ).rows.map((row) => row.id);
    const expectNothingWritten = async (outcomes: PromiseSettledResult<unknown>[], what: string) => {
      for (const outcome of outcomes) {
        expect(outcome, what).toMatchObject({ status: 'rejected', reason: { code: 'STORAGE' } });
        expect((outcome as PromiseRejectedResult).reason.message, what).toMatch(NOTHING);
      }
    };

    it('on a read-only server (a replica after a failover, default_transaction_read_only): nothing written', async () => {
      const writer = postgresStorage({ client: await pgClient(admin), schema, ownsClient: false });
      await writer.commit('org_a', { puts: [put('ro_first')], events: [] });
      for (const [name, storage] of Object.entries(await storages({ default_transaction_read_only: 'on' }))) {
        expect((await storage.get('org_a', 'post', 'ro_first'))?.id, name).toBe('ro_first');
        await expectNothingWritten(await Promise.allSettled(writes(storage, `ro_${name}`)), name);
      }
      expect(await stored()).toEqual(['ro_first']);
    });

    it("past the server's statement_timeout while another command holds the organisation: nothing written", async () => {
      const all = await storages({ statement_timeout: '100' });
      await all.pg.commit('org_b', { puts: [{ ...put('seed_st') }], events: [] });
      const holder = await admin.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(
          `SELECT * FROM ${schema}.social_shift_organisations WHERE organisation_id = 'org_a' FOR UPDATE`,
        );
        for (const [name, storage] of Object.entries(all))
          await expectNothingWritten(await Promise.allSettled(writes(storage, `st_${name}`)), name);
      } finally {
        await holder.query('ROLLBACK');
        holder.release();
      }
      expect((await stored()).filter((id) => id.startsWith('st_'))).toEqual([]);
    });

    it("when the server's idle_in_transaction_session_timeout ends a transaction whose work waits: nothing written, the next command works", async () => {
      const application = `idle_${Date.now().toString(36)}`;
      const all = await storages({
        idle_in_transaction_session_timeout: '50',
        application_name: application,
      });
      const sessions = async () =>
        Number(
          (
            await admin.query<{ n: string }>(
              "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle in transaction'",
              [application],
            )
          ).rows[0]!.n,
        );
      for (const [name, storage] of Object.entries(all)) {
        await storage.open();
        const outcome = await Promise.allSettled([
          storage.transaction('org_a', async (tx) => {
            await tx.put('post', `idle_${name}`, {}, 0);
            // The work waits (a call to another service, say) until the server has ended its idle session.
            while ((await sessions()) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
            while ((await sessions()) > 0) await new Promise((resolve) => setTimeout(resolve, 5));
            await tx.put('post', `idle_${name}_2`, {}, 0);
          }),
        ]);
        await expectNothingWritten(outcome, name);
        await storage.commit('org_a', { puts: [put(`after_idle_${name}`)], events: [] });
      }
      expect((await stored()).filter((id) => id.includes('idle_'))).toEqual([
        'after_idle_pg',
        'after_idle_postgresjs',
      ]);
    });

    it('with no connection to be had (a pool that has none free in time, a server that refuses): nothing written', async () => {
      // Long enough for the storage's first connection on a busy machine; the writes then wait it out for a free one.
      const busy = await pgClient({ connectionString: url, max: 1, connectionTimeoutMillis: 1_000 });
      const storage = postgresStorage({ client: busy, schema });
      closers.push(() => storage.close());
      await storage.open();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const long = storage.transaction('org_a', async (tx) => {
        await tx.get('post', 'x');
        await held;
      });
      await expectNothingWritten(await Promise.allSettled(writes(storage, 'pool')), 'pool');
      release();
      await long;

      // A port nobody listens on.
      const port = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      });
      const down = `postgres://postgres@127.0.0.1:${port}/postgres`;
      for (const client of [await pgClient({ connectionString: down }), postgresJsClient(postgres(down))]) {
        // Its tables "exist", so only the writes try to connect.
        const query = client.query.bind(client);
        const refusing = postgresStorage({
          client: {
            ...client,
            query: (text, params) =>
              text.includes('to_regclass')
                ? tablesExist(params)
                : text.includes('schema_version <>')
                  ? Promise.resolve({ rows: [], rowCount: 0 } as never)
                  : query(text, params),
            transaction: client.transaction.bind(client),
          },
          ownsClient: false,
        });
        await expectNothingWritten(await Promise.allSettled(writes(refusing, 'down')), 'refused');
        await client.close?.();
      }
      expect((await stored()).filter((id) => /^(pool|down)_/.test(id))).toEqual([]);
    });
  });
}
