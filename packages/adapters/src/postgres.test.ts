import type { CreateStorageOptions, StorageTransaction } from '@social-shift/core';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { requiredService } from '../test/required-service.js';
import { postgresCapabilities, postgresDdl, postgresStorage, type SqlClient } from './postgres.js';
import { postgresJsClient } from './postgres-js.js';
import { pgClient } from './postgres-pg.js';
import { describeStorageConformance } from './testing/index.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}_${counter++}_`;

const url = requiredService(
  'the conformance suite on a PostgreSQL server (pg, postgres.js)',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const sql = postgres(url, { max: 8, onnotice: () => undefined });
  afterAll(async () => {
    await pool.end();
    await sql.end();
  });
  const inSchema = (wire: 'pg' | 'postgres.js') => async () => {
    const schema = unique('s').slice(0, -1);
    const client = wire === 'pg' ? await pgClient(pool) : postgresJsClient(sql, { owned: false });
    return {
      open: async (options?: CreateStorageOptions) =>
        postgresStorage({ ...options, client, schema, ownsClient: false }),
      dispose: async () => {
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      },
    };
  };
  describeStorageConformance({
    name: 'postgres (server, pg)',
    capabilities: postgresCapabilities,
    createStore: inSchema('pg'),
  });
  describeStorageConformance({
    name: 'postgres (server, postgres.js)',
    capabilities: postgresCapabilities,
    createStore: inSchema('postgres.js'),
    numRuns: 4,
  });

  describe('postgres storage on a server', () => {
    it('reports the capabilities of a server', async () => {
      const server = postgresStorage({ client: await pgClient(pool), ownsClient: false });
      expect(server.capabilities).toEqual(postgresCapabilities);
    });

    it.each(['pg', 'postgres.js'] as const)(
      'rejects a transaction whose COMMIT the server answered with ROLLBACK after a caught statement error (%s)',
      async (wire) => {
        const table = unique('rolled').slice(0, -1);
        await pool.query(`CREATE TABLE ${table} (v integer)`);
        const client = wire === 'pg' ? await pgClient(pool) : postgresJsClient(sql, { owned: false });
        const outcome = client.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} VALUES (1)`);
          // Out of range for integer: the statement fails, and the transaction with it; the work goes on.
          await tx.query(`INSERT INTO ${table} VALUES ($1)`, [2 ** 31]).catch(() => undefined);
          return 'done';
        });
        // pg: the COMMIT answered ROLLBACK; postgres.js rejects with the statement's own error.
        await expect(outcome).rejects.toThrow(
          wire === 'pg' ? /rolled back instead of committed/ : /out of range/,
        );
        const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        expect(rows[0]?.n).toBe(0);
        // The connection went back to the pool in a usable state.
        await expect(
          client.transaction((tx) => tx.query(`INSERT INTO ${table} VALUES (2)`)),
        ).resolves.toBeDefined();
        await pool.query(`DROP TABLE ${table}`);
      },
    );

    it.each(['repeatable read', 'serializable'] as const)(
      'commits independent writes of one organisation at once on a server whose default isolation is %s',
      async (level) => {
        // Some databases are set to a stricter default isolation (ALTER DATABASE … SET default_transaction_isolation).
        // The adapter is built for READ COMMITTED: there, appends of one organisation wait for each other's counter
        // row; at a stricter level they failed with CONFLICT although they touched different documents.
        const options = `-c default_transaction_isolation=${level.replace(' ', '\\ ')}`;
        const strictPool = new pg.Pool({ connectionString: url, max: 8, options });
        const strictSql = postgres(url, {
          max: 8,
          onnotice: () => undefined,
          connection: { default_transaction_isolation: level },
        });
        for (const client of [await pgClient(strictPool), postgresJsClient(strictSql, { owned: false })]) {
          const schema = unique('iso').slice(0, -1);
          const storage = postgresStorage({ client, schema, ownsClient: false });
          const event = (n: number) => ({
            id: `evt_${n}`,
            organisationId: 'org_iso',
            type: 'post.created' as const,
            at: '2026-03-02T09:00:00.000Z',
            actorId: 'person_1',
            entityType: 'post' as const,
            entityId: `p${n}`,
            entityVersion: 1,
            data: {},
          });
          const commits = Array.from({ length: 12 }, (_, n) =>
            storage.commit('org_iso', {
              puts: [{ collection: 'post', id: `p${n}`, data: { n }, expectedVersion: 0 }],
              events: [event(n)],
            }),
          );
          const transactions = Array.from({ length: 12 }, (_, n) =>
            storage.transaction('org_iso', async (tx) => {
              await tx.put('post', `p${100 + n}`, { n }, 0);
              await tx.append([event(100 + n)]);
            }),
          );
          const outcomes = await Promise.allSettled([...commits, ...transactions]);
          expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
          const seqs = (await storage.readEvents('org_iso')).map((e) => e.seq);
          expect(seqs).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
          await pool.query(`DROP SCHEMA ${schema} CASCADE`);
        }
        await strictPool.end();
        await strictSql.end();
      },
    );

    describe.each(['pg', 'postgres.js'] as const)(
      'writers of one organisation in opposite orders (%s)',
      (wire) => {
        const event = (id: string) => ({
          id,
          organisationId: 'org_order',
          type: 'post.created' as const,
          at: '2026-03-02T09:00:00.000Z',
          actorId: 'person_1',
          entityType: 'post' as const,
          entityId: 'p',
          entityVersion: 1,
          data: {},
        });
        /** Two storages on one new schema, over a client that keeps the SQLSTATE of every statement that failed. */
        const twoStorages = async () => {
          const schema = unique('order').slice(0, -1);
          const client = wire === 'pg' ? await pgClient(pool) : postgresJsClient(sql, { owned: false });
          const failures: string[] = [];
          const recording = (inner: SqlClient): SqlClient => ({
            ...inner,
            query: <R>(text: string, params?: readonly unknown[]) =>
              inner.query<R>(text, params).catch((error: unknown) => {
                failures.push(String((error as { code?: unknown }).code));
                throw error;
              }),
            transaction: (work) => inner.transaction((connection) => work(recording(connection))),
          });
          const storages = [0, 1].map(() =>
            postgresStorage({ client: recording(client), schema, ownsClient: false }),
          );
          await Promise.all(storages.map((storage) => storage.open()));
          return { schema, storages, failures };
        };
        /** Until a statement on the schema's tables waits for a lock another transaction holds. */
        const someoneWaits = async (schema: string) => {
          for (let poll = 0; poll < 300; poll++) {
            const { rows } = await pool.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND position($1 in query) > 0`,
              [`${schema}.`],
            );
            if (rows[0]!.n > 0) return;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          throw new Error('the other writer never waited for a lock');
        };

        /**
         * The first writer's document and event are stored, the second writer got ALREADY_EXISTS, and no statement
         * failed on a deadlock; then the schema is dropped.
         */
        const expectFirstCreated = async (
          { schema, storages, failures }: Awaited<ReturnType<typeof twoStorages>>,
          first: Promise<unknown>,
          second: () => Promise<unknown> | undefined,
        ) => {
          await expect(first).resolves.toBeUndefined();
          // Read once the first has settled: the second is started inside the first's work.
          await expect(second()).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
          expect((await storages[0]!.get('org_order', 'post', 'p'))?.data).toEqual({ by: 'first' });
          expect((await storages[0]!.readEvents('org_order')).map((e) => [e.seq, e.id])).toEqual([
            [1, 'evt_first'],
          ]);
          // Not even a deadlock the adapter recovered from (PostgreSQL ends one of the two after a second).
          expect(failures).not.toContain('40P01');
          await pool.query(`DROP SCHEMA ${schema} CASCADE`);
        };

        it('a transaction that creates a document first and one that appends first: one wins, the other gets ALREADY_EXISTS', async () => {
          // The first writes the document, then waits until the second waits; the second appended first (before
          // the fix it took the event counter, then waited for the document; the first then waited for the counter:
          // a deadlock, and the second got CONFLICT instead of ALREADY_EXISTS).
          const order = await twoStorages();
          const { schema, storages } = order;
          let second: Promise<unknown> | undefined;
          const first = storages[0]!.transaction('org_order', async (tx) => {
            await tx.put('post', 'p', { by: 'first' }, 0);
            second = storages[1]!.transaction('org_order', async (tx2) => {
              await tx2.append([event('evt_second')]);
              await tx2.put('post', 'p', { by: 'second' }, 0);
            });
            second.catch(() => undefined);
            await someoneWaits(schema);
            await tx.append([event('evt_first')]);
          });
          await expectFirstCreated(order, first, () => second);
        });

        it('a transaction that appends first and a write set of the same document: one wins, the other gets ALREADY_EXISTS', async () => {
          const order = await twoStorages();
          const { schema, storages } = order;
          let second: Promise<unknown> | undefined;
          const first = storages[0]!.transaction('org_order', async (tx) => {
            await tx.append([event('evt_first')]);
            second = storages[1]!.commit!('org_order', {
              puts: [{ collection: 'post', id: 'p', data: { by: 'second' }, expectedVersion: 0 }],
              events: [event('evt_second')],
            });
            second.catch(() => undefined);
            await someoneWaits(schema);
            await tx.put('post', 'p', { by: 'first' }, 0);
          });
          await expectFirstCreated(order, first, () => second);
        });

        it.each([
          ['an update', (tx: StorageTransaction) => tx.put('post', 'p', { by: 'second' }, 1)],
          ['a delete', (tx: StorageTransaction) => tx.delete('post', 'p', 1)],
        ] as const)(
          'a transaction that appends first and one whose first write is %s of the same document: the second gets the version CONFLICT',
          async (_, secondWrite) => {
            // The second's first write locked the document, then waited for the counter, which the first held; the
            // first then waited for the document: a deadlock, unless the counter is taken before the document.
            const { schema, storages, failures } = await twoStorages();
            await storages[0]!.transaction('org_order', (tx) => tx.put('post', 'p', { by: 'nobody' }, 0));
            let second: Promise<unknown> | undefined;
            const first = storages[0]!.transaction('org_order', async (tx) => {
              await tx.append([event('evt_first')]);
              second = storages[1]!.transaction('org_order', async (tx2) => {
                await secondWrite(tx2);
                await tx2.append([event('evt_second')]);
              });
              second.catch(() => undefined);
              await someoneWaits(schema);
              await tx.put('post', 'p', { by: 'first' }, 1);
            });
            await expect(first).resolves.toBeUndefined();
            await expect(second).rejects.toMatchObject({
              code: 'CONFLICT',
              details: { entityType: 'post', id: 'p', expectedVersion: 1, actualVersion: 2 },
            });
            expect(await storages[0]!.get('org_order', 'post', 'p')).toMatchObject({
              version: 2,
              data: { by: 'first' },
            });
            expect(failures).not.toContain('40P01');
            await pool.query(`DROP SCHEMA ${schema} CASCADE`);
          },
        );

        it('a first write that matches no row still holds the counter row until the transaction ends', async () => {
          const { schema, storages } = await twoStorages();
          await storages[0]!.transaction('org_order', (tx) => tx.put('post', 'p', { by: 'nobody' }, 0));
          const tryCounter = () =>
            pool.query(
              `SELECT 1 FROM ${schema}.social_shift_organisations WHERE organisation_id = 'org_order' FOR UPDATE NOWAIT`,
            );
          await storages[0]!.transaction('org_order', async (tx) => {
            await expect(tx.put('post', 'p', { by: 'stale' }, 7)).rejects.toMatchObject({ code: 'CONFLICT' });
            await expect(tryCounter()).rejects.toMatchObject({ code: '55P03' });
          });
          await expect(tryCounter()).resolves.toMatchObject({ rowCount: 1 });
          await pool.query(`DROP SCHEMA ${schema} CASCADE`);
        });

        it('racing creators of one id in both write orders, round after round: one wins each round, no CONFLICT', async () => {
          const { schema, storages, failures } = await twoStorages();
          for (let round = 0; round < 25; round++) {
            const id = `p${round}`;
            const at = (n: number) => ({ ...event(`evt_${round}_${n}`), entityId: id });
            const racers = [0, 1, 2, 3, 4, 5].map((n) => {
              const storage = storages[n % 2]!;
              if (n < 2)
                return storage.commit!('org_order', {
                  puts: [{ collection: 'post', id, data: { n }, expectedVersion: 0 }],
                  events: [at(n)],
                });
              return storage.transaction('org_order', async (tx) => {
                if (n < 4) await tx.append([at(n)]);
                await tx.put('post', id, { n }, 0);
                if (n >= 4) await tx.append([at(n)]);
              });
            });
            const outcomes = (await Promise.allSettled(racers)).map((outcome) =>
              outcome.status === 'fulfilled' ? 'ok' : (outcome.reason as { code?: string }).code,
            );
            expect(outcomes.sort()).toEqual([...Array(5).fill('ALREADY_EXISTS'), 'ok']);
          }
          expect((await storages[0]!.readEvents('org_order')).map((e) => e.seq)).toEqual(
            Array.from({ length: 25 }, (_, i) => i + 1),
          );
          // Not even a deadlock the adapter recovered from (PostgreSQL ends one of the two after a second).
          expect(failures).not.toContain('40P01');
          await pool.query(`DROP SCHEMA ${schema} CASCADE`);
        });
      },
    );

    it('creates its prefixed tables in the schema it is given, as documented', async () => {
      const schema = unique('ddl').slice(0, -1);
      const storage = postgresStorage({
        client: await pgClient(pool),
        schema,
        tablePrefix: 'ss_',
        ownsClient: false,
      });
      await storage.open();
      const { rows } = await pool.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      );
      expect(rows.map((r) => r.table_name)).toEqual(['ss_documents', 'ss_events', 'ss_organisations']);
      expect(postgresDdl({ schema, tablePrefix: 'ss_' })[0]).toBe(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await storage.close();
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    });

    it('opens storages of several table prefixes in one new schema at once (servers of several apps starting)', async () => {
      // Each prefix took only its own lock: two of them ran CREATE SCHEMA IF NOT EXISTS together, and the second
      // failed with a duplicate key on pg_namespace.
      const client = await pgClient(pool);
      for (let round = 0; round < 3; round++) {
        const schema = unique('many').slice(0, -1);
        const opens = await Promise.allSettled(
          ['a_', 'b_', 'c_', 'd_', 'e_', 'f_'].map((tablePrefix) =>
            postgresStorage({ client, schema, tablePrefix, ownsClient: false }).open(),
          ),
        );
        expect(opens.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
        await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      }
    });
  });
}
