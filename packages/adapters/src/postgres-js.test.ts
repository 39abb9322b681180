import net from 'node:net';
import pg from 'pg';
import type { Sql } from 'postgres';
import postgres from 'postgres';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { terminateSessions } from '../test/postgres-terminate-sessions.js';
import { requiredService } from '../test/required-service.js';
import { postgresStorage } from './postgres.js';
import { postgresJsClient } from './postgres-js.js';

describe('postgresJsClient: what it is given', () => {
  it('refuses anything but a postgres.js sql instance with VALIDATION when wired, not on the first query', () => {
    for (const bad of [undefined, null, 'postgres://app@127.0.0.1/app', { unsafe: () => [] }]) {
      expect(() => postgresJsClient(bad as unknown as Sql)).toThrow(
        expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/postgres\(url\)/) }),
      );
    }
  });

  it('refuses a sql instance whose transform renames columns or changes values or rows, with VALIDATION', async () => {
    // The adapter reads columns by their names (schema_version, organisation_id): with postgres.camel a document
    // came back with schemaVersion null, and a document to migrate on open with no organisation.
    for (const transform of [
      postgres.camel,
      postgres.toCamel,
      { value: (x: unknown) => x },
      { row: (x: unknown) => x },
    ]) {
      const sql = postgres('postgres://app@127.0.0.1:1/app', { transform });
      expect(() => postgresJsClient(sql)).toThrow(
        expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/transform/) }),
      );
      await sql.end();
    }
    // The message names what the transform changes, in words.
    const camel = postgres('postgres://app@127.0.0.1:1/app', { transform: postgres.camel });
    expect(() => postgresJsClient(camel)).toThrow(
      /its transform changes the column names and values it reads/,
    );
    await camel.end();
    const all = postgres('postgres://app@127.0.0.1:1/app', {
      transform: { column: (x: string) => x, value: (x: unknown) => x, row: (x: unknown) => x },
    });
    expect(() => postgresJsClient(all)).toThrow(
      /its transform changes the column names, values and rows it reads/,
    );
    await all.end();
    // A transform of undefined parameters only changes nothing the adapter reads.
    const sql = postgres('postgres://app@127.0.0.1:1/app', { transform: { undefined: null } });
    expect(postgresJsClient(sql)).toBeDefined();
    await sql.end();
  });
});

const url = requiredService(
  'the postgres.js wiring on a PostgreSQL server',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  afterAll(() => admin.end());
  let counter = 0;

  /** A storage on a postgres.js instance of one connection, and a way to end that connection from the server. */
  const oneConnection = () => {
    const application = `pgjs_${Date.now().toString(36)}_${counter++}`;
    const sql = postgres(url, {
      max: 1,
      onnotice: () => undefined,
      connection: { application_name: application },
    });
    const client = postgresJsClient(sql);
    const schema = `${application}_s`;
    const storage = postgresStorage({ client, schema });
    const terminate = (options?: { settle?: boolean }) => terminateSessions(admin, { application }, options);
    const drop = () => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    return { sql, client, storage, terminate, drop, schema, application };
  };
  /** Until the session of `application` runs `pg_sleep` (a fixed wait could end before the statement had begun). */
  const sleeping = async (application: string) => {
    for (let poll = 0; poll < 300; poll++) {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE application_name = $1 AND state = 'active' AND position('pg_sleep' in query) > 0`,
        [application],
      );
      if (rows[0]!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the session of ${application} never ran pg_sleep`);
  };
  /**
   * A transaction whose connection the server ends while a statement runs (a failover, an administrator); the work
   * swallows the failed statement and returns.
   */
  const endedDuringStatement = ({ client, terminate, application }: ReturnType<typeof oneConnection>) =>
    client.transaction(async (tx) => {
      const ending = sleeping(application).then(() => terminate({ settle: false }));
      await tx.query('SELECT pg_sleep(5)').catch(() => undefined);
      await ending;
      return 'done';
    });
  /** `promise`, or a rejection if it has not settled in `ms` (3 s): a statement that hung. */
  const settles = <T>(promise: Promise<T>, ms = 3_000) =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`did not settle in ${ms} ms`)), ms),
      ),
    ]);
  const count = async (schema: string) =>
    (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.social_shift_documents`))
      .rows[0]?.n;

  describe('postgresJsClient: a transaction whose work fails', () => {
    it('hands a CONFLICT or VALIDATION to postgres.js without first waiting a timer turn (only a failed statement waits)', async () => {
      const { storage, drop } = oneConnection();
      await storage.open();
      await storage.transaction('org_a', (tx) => tx.put('post', 'p1', { title: 'A' }, 0));
      // The wait for a closed connection's turn (setTimeout 0) ran for every failing transaction, and so slowed
      // down every CONFLICT a busy organisation retries. No statement of these fails.
      const timers = vi.spyOn(globalThis, 'setTimeout');
      try {
        await expect(
          storage.transaction('org_a', (tx) => tx.put('post', 'p1', { title: 'B' }, 5)),
        ).rejects.toMatchObject({ code: 'CONFLICT' });
        await expect(
          storage.transaction('org_a', async (tx) => {
            await tx.get('post', 'p1');
            await tx.put('post', 'p2', { title: (() => 'B') as unknown as string }, 0);
          }),
        ).rejects.toMatchObject({ code: 'VALIDATION' });
        expect(timers.mock.calls.filter(([, delay]) => !delay)).toEqual([]);
      } finally {
        timers.mockRestore();
      }
      expect((await storage.get('org_a', 'post', 'p1'))?.data).toEqual({ title: 'A' });
      await storage.close();
      await drop();
    });
  });

  describe('postgresJsClient: a connection the server ended while it was idle', () => {
    it('runs the next read and the next transaction on a new connection, also before postgres.js took the end', async () => {
      const { storage, terminate, drop } = oneConnection();
      await storage.open();
      await storage.transaction('org_a', (tx) => tx.put('post', 'p1', { title: 'A' }, 0));
      // The server ends the idle connection (an administrator, a failover: 57P01) just before the next command.
      // postgres.js sent it on the ended connection, and the command failed with STORAGE (ECONNRESET); the one after
      // it could still get the ended connection's 57P01.
      await terminate({ settle: false });
      expect((await settles(storage.get('org_a', 'post', 'p1')))?.version).toBe(1);
      expect((await settles(storage.get('org_a', 'post', 'p1')))?.version).toBe(1);
      await terminate({ settle: false });
      await settles(storage.transaction('org_a', (tx) => tx.put('post', 'p2', { title: 'B' }, 0)));
      expect((await settles(storage.get('org_a', 'post', 'p2')))?.version).toBe(1);
      await storage.close();
      await drop();
    });

    it('answers a statement sent straight after a lost one, and the ones after it (postgres.js left it unanswered)', async () => {
      const { sql, client, terminate } = oneConnection();
      await client.query('SELECT 1');
      const failures: unknown[] = [];
      for (let round = 0; round < 3; round++) {
        await terminate({ settle: false });
        // A write outside a transaction is never sent again (the server may have run it): it fails, as a rule
        // (ECONNRESET; CONNECTION_CLOSED when postgres.js took the close first). A read sent in the same turn as that
        // failure went to the ended connection after postgres.js had failed its statements and before it took the
        // close: nothing ever answered it, nor any later statement of that connection.
        await client
          .query(`CREATE TEMP TABLE t${round} (n int)`)
          .catch((error: unknown) => failures.push(error));
        expect((await settles(client.query<{ n: number }>('SELECT 2 AS n'))).rows).toEqual([{ n: 2 }]);
        expect((await settles(client.query<{ n: number }>('SELECT 3 AS n'))).rows).toEqual([{ n: 3 }]);
      }
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) {
        expect(failure).toMatchObject({
          code: expect.stringMatching(/^(ECONNRESET|EPIPE|CONNECTION_CLOSED|57P01)$/),
        });
      }
      await sql.end({ timeout: 0 });
    });
  });

  /**
   * A postgres.js instance of one connection whose socket the test can fail with a Node system error (`code`), as
   * the operating system does after a keepalive or retransmit timeout (ETIMEDOUT, the usual error when a failover
   * moves the address and the old host goes silent) or a lost route (EHOSTUNREACH).
   */
  const failingSocket = () => {
    const { hostname, port } = new URL(url);
    const sockets: net.Socket[] = [];
    // postgres.js's `socket` option (a socket of your own), which its types do not declare.
    const own = {
      socket: () => {
        const socket = net.connect(Number(port), hostname);
        sockets.push(socket);
        return socket;
      },
    };
    const sql = postgres(url, { max: 1, onnotice: () => undefined, ...own });
    const fail = (code: string) =>
      sockets.at(-1)?.destroy(Object.assign(new Error(`read ${code}`), { code, errno: -1, syscall: 'read' }));
    return { sql, client: postgresJsClient(sql), fail };
  };

  describe('postgresJsClient: a connection lost to another socket error (ETIMEDOUT, EHOSTUNREACH)', () => {
    for (const code of ['ETIMEDOUT', 'EHOSTUNREACH']) {
      it(`answers a statement sent straight after one that failed with ${code}`, async () => {
        const { sql, client, fail } = failingSocket();
        await client.query('SELECT 1');
        for (let round = 0; round < 3; round++) {
          // Not a read, so not sent again: the failure comes back, and the next statement goes out at once.
          const statement = client.query('DO $$ BEGIN PERFORM pg_sleep(0.5); END $$');
          setTimeout(() => fail(code), 100);
          await expect(statement).rejects.toMatchObject({ code });
          // Only ECONNRESET, EPIPE, CONNECTION_CLOSED, 57P01 and 57P02 counted as a lost connection: this statement
          // was queued on the errored connection and never answered, nor any later one.
          expect((await settles(client.query<{ n: number }>('SELECT 2 AS n'))).rows).toEqual([{ n: 2 }]);
          expect((await settles(client.query<{ n: number }>('SELECT 3 AS n'))).rows).toEqual([{ n: 3 }]);
        }
        await sql.end({ timeout: 0 });
      });

      it(`sends a read again after ${code}, and fails a transaction whose work caught ${code}`, async () => {
        const { sql, client, fail } = failingSocket();
        await client.query('SELECT 1');
        const read = client.query<{ n: number }>('SELECT 7 AS n FROM pg_sleep(0.5)');
        setTimeout(() => fail(code), 100);
        expect((await settles(read)).rows).toEqual([{ n: 7 }]);
        const outcome = client.transaction(async (tx) => {
          const statement = tx.query('SELECT pg_sleep(0.5)');
          setTimeout(() => fail(code), 100);
          await statement.catch(() => undefined);
          await tx.query('SELECT 1').catch(() => undefined);
          return 'done';
        });
        // The statement's error, or postgres.js's CONNECTION_CLOSED when it took the close first.
        await expect(settles(outcome)).rejects.toMatchObject({
          code: expect.stringMatching(new RegExp(`^(${code}|CONNECTION_CLOSED)$`)),
        });
        expect((await settles(client.query<{ n: number }>('SELECT 4 AS n'))).rows).toEqual([{ n: 4 }]);
        expect((await settles(client.query<{ n: number }>('SELECT 5 AS n'))).rows).toEqual([{ n: 5 }]);
        await sql.end({ timeout: 0 });
      });
    }
  });

  describe('postgresJsClient: several clients over one postgres.js instance', () => {
    it('answers a statement of one client sent straight after another client lost the connection', async () => {
      const { sql, client, terminate } = oneConnection();
      // Two storages (other prefixes or schemas) over one postgres(url): the connection that gets stuck is the
      // instance's, so the wait after a lost connection must be the instance's too.
      const other = postgresJsClient(sql);
      await client.query('SELECT 1');
      for (let round = 0; round < 4; round++) {
        await terminate({ settle: false });
        await client.query(`CREATE TEMP TABLE t${round} (n int)`).catch(() => undefined);
        expect((await settles(other.query<{ n: number }>('SELECT 2 AS n'))).rows).toEqual([{ n: 2 }]);
        expect((await settles(client.query<{ n: number }>('SELECT 3 AS n'))).rows).toEqual([{ n: 3 }]);
      }
      await sql.end({ timeout: 0 });
    });
  });

  describe('postgresJsClient: a failover that ends every connection of a pool', () => {
    it('answers reads, sending each again until it finds a live connection (at most the pool size + 1 times)', async () => {
      const application = `pgjs_${Date.now().toString(36)}_${counter++}`;
      const max = 4;
      const sql = postgres(url, {
        max,
        onnotice: () => undefined,
        connection: { application_name: application },
      });
      const client = postgresJsClient(sql);
      const schema = `${application}_s`;
      const storage = postgresStorage({ client, schema });
      await storage.open();
      await storage.transaction('org_a', (tx) => tx.put('post', 'p1', { title: 'A' }, 0));
      for (let round = 0; round < 3; round++) {
        // Every connection of the pool is open, then the server ends them all (a failover). postgres.js handed the
        // retry to another ended connection it had not noticed yet: the read failed with STORAGE (ECONNRESET).
        await Promise.all(Array.from({ length: max }, () => client.query('SELECT pg_sleep(0.05)')));
        await terminateSessions(admin, { application }, { settle: false });
        const reads = await settles(
          Promise.all(Array.from({ length: 2 * max }, () => storage.get('org_a', 'post', 'p1'))),
          15_000,
        );
        expect(reads.map((document) => document?.version)).toEqual(Array(2 * max).fill(1));
      }
      await storage.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }, 60_000);
  });

  describe('postgresJsClient: a connection lost in a transaction', () => {
    it('fails the transaction with STORAGE and writes nothing, without crashing the process; the next one commits', async () => {
      const { storage, terminate, drop, schema } = oneConnection();
      await storage.open();
      // The server ends the session while it is idle in the transaction (a failover, an administrator,
      // idle_in_transaction_session_timeout). postgres.js then wrote the next statement, or its own ROLLBACK, to
      // the closed socket: an uncaught TypeError in a timer, and the connection never came back (CONNECT_TIMEOUT).
      const outcome = storage.transaction('org_a', async (tx) => {
        await tx.put('post', 'p1', { title: 'A' }, 0);
        await terminate();
        await tx.put('post', 'p2', { title: 'B' }, 0);
      });
      await expect(outcome).rejects.toMatchObject({
        code: 'STORAGE',
        message: expect.stringMatching(/CONNECTION_CLOSED/),
      });
      expect(await count(schema)).toBe(0);
      await storage.transaction('org_a', (tx) => tx.put('post', 'p3', { title: 'C' }, 0));
      expect((await storage.get('org_a', 'post', 'p3'))?.version).toBe(1);
      await storage.close();
      await drop();
    });

    it('sends nothing more on the connection once a statement found it ended, so later statements are answered', async () => {
      const { sql, client, terminate } = oneConnection();
      const outcome = client.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await terminate({ settle: false });
        // The work catches the lost statement and sends the next one straight away: postgres.js queued it on the
        // ended connection and never answered it, nor any statement of that connection after it reconnected.
        await tx.query('SELECT 2').catch(() => undefined);
        await tx.query('SELECT 3').catch(() => undefined);
        return 'done';
      });
      await expect(settles(outcome)).rejects.toMatchObject({
        code: expect.stringMatching(/^(ECONNRESET|EPIPE|CONNECTION_CLOSED|57P01)$/),
      });
      expect((await settles(client.query<{ n: number }>('SELECT 4 AS n'))).rows).toEqual([{ n: 4 }]);
      expect((await settles(client.query<{ n: number }>('SELECT 5 AS n'))).rows).toEqual([{ n: 5 }]);
      await sql.end({ timeout: 0 });
    });

    it('rejects a transaction whose connection ended during a statement the work caught, instead of committing', async () => {
      const connection = oneConnection();
      // The work swallows the failed statement and returns: postgres.js then wrote COMMIT to the closed socket.
      await expect(endedDuringStatement(connection)).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
      // postgres.js keeps the ended statement as pending (the next statement gets its 57P01): end() would wait for it
      // (close() waits 5 s at most).
      await connection.sql.end({ timeout: 0 });
    });

    it('closes a client whose connection ended during a statement (postgres.js end() waited for ever)', async () => {
      const connection = oneConnection();
      await expect(endedDuringStatement(connection)).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
      // A failover while the service runs, then a graceful shutdown: postgres.js kept the ended statement as the
      // connection's pending one, and end() without a timeout waited for it for ever.
      await expect(connection.client.close?.()).resolves.toBeUndefined();
    }, 20_000);
  });
}
