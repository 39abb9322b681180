// The model-based test of the SDK facade (packages/core/test/sdk-model.ts) on every storage adapter: SQLite in memory
// and on a file, PGlite, IndexedDB (fake-indexeddb) and a real PostgreSQL server (SOCIAL_SHIFT_PG_URL; under CI=true
// it must be there) through pg and postgres.js; also through two connections taking calls in turn, and closed and
// opened again every few calls, with another organisation in the same store. Random command sequences by random actors, checked after every command as on memory storage:
// typed errors only, nothing written by a failure, valid documents, a gapless log that replays, the role, offer and
// share rules, no names left after an erasure. Then the same sequence runs again on memory storage (sequential ids
// and a manual clock make both runs deterministic): every command must end the same way and leave the same documents
// and the same event log, so an adapter that orders, rounds, drops or reorders anything shows. And the two races of
// ADR 106 (a share, a campaign's start, against the publisher's exit) with the storage's calls resolving in an order
// fast-check picks. After each sequence, retention of the platform events and an export must also come out the same.
// Fewer and shorter runs than on memory; RUNS=n runs each property n times (COMMANDS=n: longer).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { StoragePort } from '@social-shift/core';
import { createMemoryStorage, ENTITY_TYPES } from '@social-shift/core';
import { createTestProgramme } from '@social-shift/core/testing';
import { exportAll } from '@social-shift/core/transfer';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { GUARD_COLLECTION, IDEMPOTENCY_COLLECTION } from '../../core/src/sdk/runtime.js';
import {
  campaignStartRacesExit,
  DAY,
  EXITS,
  initial,
  ORG,
  type Real,
  shareRacesExit,
  steps,
} from '../../core/test/sdk-model.js';
import { indexedDbStorage } from '../src/indexeddb.js';
import { pgliteClient } from '../src/pglite.js';
import { postgresStorage } from '../src/postgres.js';
import { postgresJsClient } from '../src/postgres-js.js';
import { pgClient } from '../src/postgres-pg.js';
import { sqliteStorage } from '../src/sqlite.js';
import { requiredService } from './required-service.js';

const RUNS = Number(process.env.RUNS ?? 5);
const RACES = Number(process.env.RUNS ?? 4);
const COMMANDS = Number(process.env.COMMANDS ?? 25);
const TIMEOUT = process.env.RUNS ? 3_600_000 : 60_000;

const dir = mkdtempSync(join(tmpdir(), 'social-shift-sdk-model-'));
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  rmSync(dir, { recursive: true, force: true });
});

/** A unique name for a schema or a file. */
let made = 0;
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${made++}`;

/** Everything stored for the organisation, in the storage's own order. */
async function stored(storage: StoragePort, organisationId = ORG) {
  const documents: Record<string, unknown> = {};
  for (const collection of [...ENTITY_TYPES, IDEMPOTENCY_COLLECTION, GUARD_COLLECTION])
    documents[collection] = await storage.query(organisationId, collection);
  return { documents, events: await storage.readEvents(organisationId) };
}
const NEIGHBOUR = 'org_neighbour';

/**
 * Runs the model on a fresh store of the adapter, then the same commands on memory storage: both must end every
 * command the same way and leave the same store.
 */
async function holdsOn(
  fresh: () => Promise<StoragePort>,
  { sameText = true }: { readonly sameText?: boolean } = {},
): Promise<void> {
  let succeeded = 0;
  let removed = 0;
  await fc.assert(
    fc.asyncProperty(fc.commands(steps, { maxCommands: COMMANDS, size: 'max' }), async (commands) => {
      const storage = await fresh();
      try {
        // Another organisation in the same store, before and after: nothing of it may show or change.
        const neighbour = await createTestProgramme({ storage, organisationId: NEIGHBOUR });
        const untouched = await stored(storage, NEIGHBOUR);
        const onAdapter: string[] = [];
        const { model, real } = await initial({ storage });
        await fc.asyncModelRun(() => ({ model, real: { ...real, trace: onAdapter } }), commands);
        const onMemory: string[] = [];
        const reference = await initial({ storage: createMemoryStorage() });
        await fc.asyncModelRun(
          () => ({ model: reference.model, real: { ...reference.real, trace: onMemory } }),
          commands,
        );
        expect(onAdapter, 'how each command ended, on the adapter and on memory').toEqual(onMemory);
        for (const outcome of onAdapter) if (outcome.endsWith(' ok')) succeeded++;
        const [got, want] = [await stored(storage), await stored(reference.real.world.storage)];
        expect(got, 'the store after the sequence, on the adapter and on memory').toStrictEqual(want);
        // The same JSON text too, but on PostgreSQL: its jsonb gives documents' keys back shortest first (events
        // in the order written, three levels deep), as docs/storage/postgres.md says.
        if (sameText) expect(JSON.stringify(got)).toBe(JSON.stringify(want));
        // Then retention of the platform events (it rewrites the log) and a whole export: the same on both too.
        const after = async ({ world }: Real) => {
          // A click on the first share, so retention mostly has something to remove (refused when its publisher
          // may no longer be tracked: refused the same way on both).
          const click = await world.shift.platform
            .recordClick({ shareId: 'share_0001', idempotencyKey: 'before-retention' })
            .catch((error: unknown) => (error as { code?: unknown }).code);
          world.clock.advance(2 * DAY);
          const report = await world.shift.system.applyRetention({ platformEventDays: 1 });
          return {
            click,
            report,
            store: await stored(world.storage),
            bundle: await exportAll(world.storage, ORG, world),
          };
        };
        const [onAdapterThen, onMemoryThen] = [await after(real), await after(reference.real)];
        expect(onAdapterThen, 'after retention and an export').toStrictEqual(onMemoryThen);
        removed += onAdapterThen.report.removed;
        expect(await stored(neighbour.storage, NEIGHBOUR), 'the other organisation').toStrictEqual(untouched);
      } finally {
        await storage.close();
      }
    }),
    { numRuns: RUNS },
  );
  // The sequences did something: commands that succeeded, not only refusals.
  expect(succeeded).toBeGreaterThan(RUNS);
  expect(removed, 'platform events that retention removed').toBeGreaterThan(0);
}

/**
 * One store through two storages (two connections, pools or servers): each call goes to the other one in turn, so
 * a command reads through one what it or the command before wrote through the other.
 */
function alternating(first: StoragePort, second: StoragePort): StoragePort {
  let calls = 0;
  const next = () => (calls++ % 2 === 0 ? first : second);
  return {
    name: first.name,
    capabilities: first.capabilities,
    get: (...args) => next().get(...args),
    query: (...args) => next().query(...args),
    readEvents: (...args) => next().readEvents(...args),
    transaction: (organisationId, work) => next().transaction(organisationId, work),
    ...(first.commit ? { commit: (organisationId, writes) => next().commit!(organisationId, writes) } : {}),
    async close() {
      await first.close();
      await second.close();
    },
  };
}

/**
 * One store that is closed and opened again (a restart of the process) after every few calls, when none is running:
 * what a storage keeps in memory (a cache, a counter) must not be what holds the data.
 */
function reopening(open: () => StoragePort, every = 5): StoragePort {
  let current = open();
  let calls = 0;
  let running = 0;
  let swapping: Promise<void> = Promise.resolve();
  const call =
    <A extends unknown[], R>(method: (storage: StoragePort) => ((...args: A) => Promise<R>) | undefined) =>
    async (...args: A): Promise<R> => {
      await swapping;
      if (++calls % every === 0 && running === 0) {
        const closing = current;
        current = open();
        swapping = closing.close();
        await swapping;
      }
      running++;
      try {
        return await method(current)!.apply(current, args);
      } finally {
        running--;
      }
    };
  const first = current;
  return {
    name: first.name,
    capabilities: first.capabilities,
    get: call((storage) => storage.get),
    query: call((storage) => storage.query),
    readEvents: call((storage) => storage.readEvents),
    transaction: call((storage) => storage.transaction) as StoragePort['transaction'],
    ...(first.commit ? { commit: call((storage) => storage.commit) } : {}),
    close: async () => {
      await swapping;
      await current.close();
    },
  };
}

/** An adapter: a fresh, empty store of it for each run, and whether it gives back the JSON text it was given. */
interface Adapter {
  readonly name: string;
  fresh(): Promise<StoragePort>;
  /** False on PostgreSQL: its jsonb gives documents' keys back shortest first (docs/storage/postgres.md). */
  readonly sameText: boolean;
}

/** The model and the two races on an adapter. */
function describeAdapter(adapter: Adapter): void {
  describe(adapter.name, () => {
    it(
      'keeps every rule of the model, and ends each command and the store as memory storage does',
      () => holdsOn(adapter.fresh, { sameText: adapter.sameText }),
      TIMEOUT,
    );

    /** A property of one race, on a fresh store of the adapter that is closed after each run. */
    const race =
      (
        property: (s: fc.Scheduler, exit: (typeof EXITS)[number], flag: boolean, o: object) => Promise<void>,
      ) =>
      () =>
        fc.assert(
          fc.asyncProperty(fc.scheduler(), fc.constantFrom(...EXITS), fc.boolean(), async (s, exit, flag) => {
            const storage = await adapter.fresh();
            try {
              await property(s, exit, flag, { storage });
            } finally {
              await storage.close();
            }
          }),
          { numRuns: RACES },
        );
    it("never records a share after the publisher's exit", race(shareRacesExit), TIMEOUT);
    it("never makes an offer after the publisher's exit", race(campaignStartRacesExit), TIMEOUT);
  });
}

describe('the SDK facade, driven by random command sequences, on every storage adapter', () => {
  describeAdapter({
    name: 'SQLite in memory',
    fresh: async () => sqliteStorage({ filename: ':memory:' }),
    sameText: true,
  });
  describeAdapter({
    name: 'SQLite on a file',
    fresh: async () => sqliteStorage({ filename: join(dir, `${unique('model')}.db`) }),
    sameText: true,
  });
  describeAdapter({
    name: 'SQLite on a file, a read cache of two documents',
    fresh: async () => sqliteStorage({ filename: join(dir, `${unique('model')}.db`), cacheSize: 2 }),
    sameText: true,
  });
  describeAdapter({
    name: 'SQLite on a file, through two connections in turn',
    async fresh() {
      const filename = join(dir, `${unique('model')}.db`);
      const first = sqliteStorage({ filename });
      await first.open();
      return alternating(first, sqliteStorage({ filename }));
    },
    sameText: true,
  });
  describeAdapter({
    name: 'SQLite on a file, closed and opened again every few calls',
    async fresh() {
      const filename = join(dir, `${unique('model')}.db`);
      return reopening(() => sqliteStorage({ filename }));
    },
    sameText: true,
  });
  describeAdapter({
    name: 'IndexedDB (fake-indexeddb), closed and opened again every few calls',
    async fresh() {
      const indexedDB = new IDBFactory();
      return reopening(() => indexedDbStorage({ indexedDB, keyRange: IDBKeyRange }));
    },
    sameText: true,
  });
  describeAdapter({
    name: 'IndexedDB (fake-indexeddb)',
    fresh: async () => indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange }),
    sameText: true,
  });
  describeAdapter({
    name: 'IndexedDB (fake-indexeddb), through two connections (tabs) in turn',
    async fresh() {
      const indexedDB = new IDBFactory();
      const first = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
      await first.open();
      return alternating(first, indexedDbStorage({ indexedDB, keyRange: IDBKeyRange }));
    },
    sameText: true,
  });
  let pglite: Promise<PGlite> | undefined;
  describeAdapter({
    name: 'PGlite, a schema per run',
    async fresh() {
      pglite ??= PGlite.create().then((db) => {
        closers.push(() => db.close());
        return db;
      });
      const client = pgliteClient(await pglite, { owned: false });
      return postgresStorage({ client, schema: unique('model'), name: 'pglite' });
    },
    sameText: false,
  });
});

const url = requiredService(
  'the model-based SDK test on PostgreSQL',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  describe('the SDK facade, driven by random command sequences, on a PostgreSQL server', () => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on('error', () => {});
    const schemas: string[] = [];
    afterAll(async () => {
      for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    });
    describeAdapter({
      name: 'through pg, a schema per run',
      async fresh() {
        const schema = unique('model');
        schemas.push(schema);
        return postgresStorage({ client: await pgClient(pool), schema, ownsClient: false });
      },
      sameText: false,
    });
    describeAdapter({
      name: 'through postgres.js, a schema per run',
      async fresh() {
        const schema = unique('model');
        schemas.push(schema);
        const sql = postgres(url, { max: 2, onnotice: () => {} });
        return postgresStorage({ client: postgresJsClient(sql), schema });
      },
      sameText: false,
    });
    describeAdapter({
      name: 'through postgres.js, closed and opened again every few calls',
      async fresh() {
        const schema = unique('model');
        schemas.push(schema);
        // Less often: each time is a new connection to the server.
        const open = () => postgresStorage({ client: postgresJsClient(postgres(url, { max: 1 })), schema });
        return reopening(open, 40);
      },
      sameText: false,
    });
    describeAdapter({
      name: 'through two pg pools in turn (two servers)',
      async fresh() {
        const schema = unique('model');
        schemas.push(schema);
        // Pools of their own, ended by the storages' close().
        const aPool = () => pgClient({ connectionString: url, max: 2 });
        const first = postgresStorage({ client: await aPool(), schema });
        await first.open();
        return alternating(first, postgresStorage({ client: await aPool(), schema }));
      },
      sameText: false,
    });
  });
}
