import { type AddressInfo, connect, createServer } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { terminateSessions } from '../test/postgres-terminate-sessions.js';
import { requiredService } from '../test/required-service.js';

const url = requiredService(
  'the pg wiring on a PostgreSQL server',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  // One connection, so every statement below is prepared on the same one.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  afterAll(() => pool.end());

  describe('pgClient: prepared statement names', () => {
    it('gives two copies of the module (an ESM and a CommonJS build, say) different names for different texts', async () => {
      vi.resetModules();
      const first = await (await import('./postgres-pg.js')).pgClient(pool);
      vi.resetModules();
      const second = await (await import('./postgres-pg.js')).pgClient(pool);
      // Each copy names the first text it sees. With a counter both said `social_shift_1`, and `pg` refused the
      // second: "Prepared statements must be unique".
      expect((await first.query<{ a: number }>('SELECT 1 AS a')).rows).toEqual([{ a: 1 }]);
      expect((await second.query<{ b: number }>('SELECT 2 AS b')).rows).toEqual([{ b: 2 }]);
      // And the same text in both copies is the same statement, prepared once on the connection.
      expect((await second.query<{ a: number }>('SELECT 1 AS a')).rows).toEqual([{ a: 1 }]);
      const { rows } = await pool.query<{ name: string }>(
        "SELECT name FROM pg_prepared_statements WHERE name LIKE 'social_shift_%' ORDER BY name",
      );
      expect(rows).toHaveLength(2);
    });
  });

  describe('pgClient: without prepared statements (a pooler in transaction mode)', () => {
    it('runs every statement unnamed with preparedStatements: false, so no connection keeps one', async () => {
      const own = new pg.Pool({ connectionString: url, max: 1 });
      try {
        const { pgClient } = await import('./postgres-pg.js');
        const { postgresStorage } = await import('./postgres.js');
        const prepared = () =>
          own.query<{ name: string }>(
            "SELECT name FROM pg_prepared_statements WHERE name LIKE 'social_shift_%'",
          );
        const storage = postgresStorage({
          client: await pgClient(own, { preparedStatements: false }),
          schema: `unnamed_${Date.now().toString(36)}`,
          ownsClient: false,
        });
        await storage.commit('org_a', {
          puts: [{ collection: 'post', id: 'p1', data: { title: 'A' }, expectedVersion: 0 }],
          events: [],
        });
        expect((await storage.get('org_a', 'post', 'p1'))?.data).toEqual({ title: 'A' });
        await storage.transaction('org_a', (tx) => tx.put('post', 'p2', { title: 'B' }, 0));
        expect((await prepared()).rows).toEqual([]);
        // The default names them (prepared once per connection).
        await (await pgClient(own)).query('SELECT 1 AS one');
        expect((await prepared()).rows).toHaveLength(1);
        await storage.close();
      } finally {
        await own.end();
      }
    });

    it('refuses a preparedStatements option that is not a boolean, with VALIDATION', async () => {
      const { pgClient } = await import('./postgres-pg.js');
      await expect(pgClient(pool, { preparedStatements: 'no' as unknown as boolean })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('preparedStatements'),
      });
    });
  });

  describe('pgClient: what it is given', () => {
    it('refuses a single pg Client (it waited for ever for a connection nobody opened) or a URL string, with VALIDATION', async () => {
      const { pgClient } = await import('./postgres-pg.js');
      const single = new pg.Client({ connectionString: url });
      for (const bad of [single, url, undefined, null]) {
        await expect(pgClient(bad as unknown as pg.PoolConfig)).rejects.toMatchObject({
          code: 'VALIDATION',
          message: expect.stringMatching(/pg\.Pool/),
        });
      }
      // A pool, and pool options, are taken.
      await expect(pgClient(pool)).resolves.toBeDefined();
      const owned = await pgClient({ connectionString: url, max: 1 });
      await expect(owned.query('SELECT 1')).resolves.toMatchObject({ rowCount: 1 });
      await owned.close?.();
    });
  });

  describe('pgClient: a connection the server ends while it is idle in the pool', () => {
    it('keeps the process up with a pool it made from options, and opens a new connection for the next query', async () => {
      const { pgClient } = await import('./postgres-pg.js');
      const application = `idle_${Date.now().toString(36)}`;
      const client = await pgClient({ connectionString: url, max: 1, application_name: application });
      await client.query('SELECT 1');
      // A server restart, a failover or idle_session_timeout: `pg` emits 'error' on the pool for an idle
      // connection, and a pool without a listener threw it as an uncaught exception (the user cannot reach the
      // pool that pgClient made to listen).
      await terminateSessions(pool, { application });
      await expect(client.query<{ a: number }>('SELECT 2 AS a')).resolves.toMatchObject({ rows: [{ a: 2 }] });
      await client.close?.();
    });
  });

  describe('pgClient: a connection lost in a transaction', () => {
    it('rejects the transaction instead of crashing the process, and drops the dead connection', async () => {
      const own = new pg.Pool({ connectionString: url, max: 1 });
      const { pgClient } = await import('./postgres-pg.js');
      const client = await pgClient(own);
      const outcome = client.transaction(async (tx) => {
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // The server ends this session while it is idle in the transaction (a failover, an administrator,
        // idle_in_transaction_session_timeout): `pg` emits 'error' on the checked-out connection, which had no
        // listener and so threw an uncaught exception.
        await terminateSessions(pool, { pid: rows[0]!.pid }, { settle: false });
        await tx.query('SELECT 1');
      });
      await expect(outcome).rejects.toThrow(/terminat/);
      // The pool hands out a new connection, not the dead one.
      await expect(client.query<{ a: number }>('SELECT 1 AS a')).resolves.toMatchObject({ rows: [{ a: 1 }] });
      await own.end();
    });

    it('says why the connection ended when the work sends a statement after the server closed it', async () => {
      const own = new pg.Pool({ connectionString: url, max: 1 });
      const { pgClient } = await import('./postgres-pg.js');
      const client = await pgClient(own);
      const outcome = client.transaction(async (tx) => {
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminateSessions(pool, { pid: rows[0]!.pid });
        // `pg` has taken the end of the session by now: the statement failed with "Client has encountered a
        // connection error and is not queryable", which said nothing of what happened.
        await tx.query('SELECT 1');
      });
      await expect(outcome).rejects.toThrow(/terminating connection due to administrator command/);
      await expect(client.query<{ a: number }>('SELECT 1 AS a')).resolves.toMatchObject({ rows: [{ a: 1 }] });
      await own.end();
    });

    it('says why the connection ended when the server ends it after the last statement of the work (at COMMIT)', async () => {
      const own = new pg.Pool({ connectionString: url, max: 1 });
      const { pgClient } = await import('./postgres-pg.js');
      const client = await pgClient(own);
      // The work's statements all ran; the session ends before COMMIT (or the work caught the lost statement's
      // error and returned). COMMIT failed with "Client has encountered a connection error and is not queryable".
      const afterLast = client.transaction(async (tx) => {
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminateSessions(pool, { pid: rows[0]!.pid });
        return 'done';
      });
      await expect(afterLast).rejects.toThrow(/terminating connection due to administrator command/);
      const caught = client.transaction(async (tx) => {
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminateSessions(pool, { pid: rows[0]!.pid });
        await tx.query('SELECT 1').catch(() => undefined);
        return 'done';
      });
      await expect(caught).rejects.toThrow(/terminating connection due to administrator command/);
      await expect(client.query<{ a: number }>('SELECT 1 AS a')).resolves.toMatchObject({ rows: [{ a: 1 }] });
      await own.end();
    });

    it('gives the pool the reason of the server with the dead connection when the work fails after the session ended (at ROLLBACK)', async () => {
      const own = new pg.Pool({ connectionString: url, max: 1 });
      // The pool's 'release' event gets the error the connection was released with (it then closes it).
      const released: unknown[] = [];
      own.on('release', (error) => {
        if (error) released.push(error);
      });
      const { pgClient } = await import('./postgres-pg.js');
      const client = await pgClient(own);
      const outcome = client.transaction(async (tx) => {
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminateSessions(pool, { pid: rows[0]!.pid });
        throw new Error('the work failed');
      });
      await expect(outcome).rejects.toThrow('the work failed');
      // ROLLBACK failed with "not queryable", which said nothing of what happened.
      expect(released).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/terminating connection/) }),
      ]);
      await expect(client.query<{ a: number }>('SELECT 1 AS a')).resolves.toMatchObject({ rows: [{ a: 1 }] });
      await own.end();
    });
  });

  describe('pgClient: a server that ends the session right after an answer (a shutdown, a failover)', () => {
    it('keeps the process up when the pool hands that connection to a waiting transaction: the transaction fails', async () => {
      // A proxy that, once armed, sends a FATAL 57P01 in the same packet as the next answer, as a server shutting
      // down does, and closes the connection.
      const text = Buffer.from(
        'SFATAL\0VFATAL\0C57P01\0Mterminating connection due to administrator command\0\0',
      );
      const fatal = Buffer.concat([Buffer.from('E'), Buffer.alloc(4), text]);
      fatal.writeInt32BE(text.length + 4, 1);
      const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
      let armed = false;
      const target = new URL(url);
      const proxy = createServer((socket) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        socket.pipe(upstream);
        upstream.on('data', (chunk: Buffer) => {
          if (armed && chunk.subarray(-readyForQuery.length).equals(readyForQuery)) {
            armed = false;
            socket.end(Buffer.concat([chunk, fatal]));
            upstream.destroy();
          } else socket.write(chunk);
        });
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
        socket.on('close', () => upstream.destroy());
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const proxied = new URL(url);
      proxied.hostname = '127.0.0.1';
      proxied.port = String((proxy.address() as AddressInfo).port);
      const own = new pg.Pool({ connectionString: proxied.toString(), max: 1 });
      own.on('error', () => undefined);
      onTestFinished(async () => {
        await own.end();
        await new Promise((resolve) => proxy.close(resolve));
      });
      const { pgClient } = await import('./postgres-pg.js');
      const client = await pgClient(own);
      await client.query('SELECT 1');
      armed = true;
      // The query's connection goes back to the pool as pg parses its answer, and straight to the transaction that
      // waits for it; pg then parses the FATAL of the same packet. The transaction put its 'error' listener on a turn
      // later, so pg's 'error' had none: an uncaught exception, which ends a Node process.
      const answered = client.query<{ a: number }>('SELECT 2 AS a');
      const transaction = client.transaction((tx) => tx.query('SELECT 3'));
      await expect(answered).resolves.toMatchObject({ rows: [{ a: 2 }] });
      await expect(transaction).rejects.toThrow(/terminating connection due to administrator command/);
      await expect(client.query<{ a: number }>('SELECT 4 AS a')).resolves.toMatchObject({ rows: [{ a: 4 }] });
    });
  });

  describe('pgClient: the statements of a transaction', () => {
    it("sends them one at a time, in the order they were issued, never while the connection runs one (pg's own queue is deprecated, and gone in pg 9)", async () => {
      const own = new pg.Pool({ connectionString: url, max: 1 });
      // Watches the connection the transaction checks out: how many of its statements run at once.
      let running = 0;
      let most = 0;
      const sent: string[] = [];
      const watched = new WeakSet<object>();
      own.on('acquire', (connection) => {
        if (watched.has(connection)) return;
        watched.add(connection);
        const query = connection.query.bind(connection) as (config: unknown) => Promise<unknown>;
        (connection as { query: unknown }).query = (config: { text?: string } | string) => {
          sent.push(typeof config === 'string' ? config : (config.text ?? ''));
          running++;
          most = Math.max(most, running);
          return query(config).finally(() => {
            running--;
          });
        };
      });
      onTestFinished(() => own.end());
      const { pgClient } = await import('./postgres-pg.js');
      const client = await pgClient(own);
      const rows = await client.transaction((tx) =>
        Promise.all(
          [1, 2, 3, 4].map(
            async (n) => (await tx.query<{ n: number }>(`SELECT ${n}::int AS n, pg_sleep(0.01)`)).rows[0]?.n,
          ),
        ),
      );
      expect(rows).toEqual([1, 2, 3, 4]);
      expect(sent.filter((text) => text.startsWith('SELECT'))).toEqual(
        [1, 2, 3, 4].map((n) => `SELECT ${n}::int AS n, pg_sleep(0.01)`),
      );
      expect(most).toBe(1);
      // A statement the work did not wait for still runs inside the transaction, before COMMIT.
      await client.transaction(async (tx) => {
        void tx.query('CREATE TEMP TABLE left_running (a int) ON COMMIT DROP');
        void tx.query('INSERT INTO left_running VALUES (1)');
      });
      expect(sent.slice(-3)).toEqual([
        'CREATE TEMP TABLE left_running (a int) ON COMMIT DROP',
        'INSERT INTO left_running VALUES (1)',
        'COMMIT',
      ]);
      expect(most).toBe(1);
      // One issued after the work returned would run after COMMIT, outside the transaction: it is refused.
      let late: Promise<unknown> | undefined;
      await client.transaction(async (tx) => {
        await tx.query('SELECT 1');
        setTimeout(() => {
          late = tx.query('SELECT 2 AS late').then(
            () => 'it ran',
            (error: unknown) => (error as Error).message,
          );
        }, 20);
      });
      await vi.waitFor(() => expect(late).toBeDefined());
      expect(await late).toBe('This transaction has ended: send its statements before its work returns.');
      expect(sent).not.toContain('SELECT 2 AS late');
      expect(most).toBe(1);
    });
  });
}
