// `pnpm bench`: commands per second of the standard workload (activate 1,000 publishers, run a campaign, record
// 100,000 shares) through the SDK's commands on each adapter, next to the same rows written with the raw driver in
// the same run (the rows each command committed, recorded). Prints a Markdown table and writes
// bench/results.json. Not a test: nothing here asserts speed.
//
// BENCH_SCENARIO=port runs the same workload as plain storage-port transactions instead of SDK commands.
// BENCH_SHARES and BENCH_PUBLISHERS change the size; BENCH_ADAPTERS (comma-separated names) picks adapters;
// BENCH_SQLITE_CACHE sets the SQLite read cache's size.
// The PostgreSQL server row needs SOCIAL_SHIFT_PG_URL (`source .ci/services.sh`).
//
// It runs the built packages (`pnpm bench` builds core and adapters first), as users run them: run from the sources
// through tsx, the SDK's commands took about 7% more CPU (its transform wraps every function it names).
//
// Each adapter runs in a child process of its own (this file again, with BENCH_CHILD set), so its peak RSS is
// its own and what one adapter keeps (PGlite's WebAssembly memory, fake IndexedDB's objects) never weighs on the
// next.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { indexedDbStorage } from '@social-shift/adapters/indexeddb';
import { pgliteClient } from '@social-shift/adapters/pglite';
import { postgresStorage } from '@social-shift/adapters/postgres';
import { pgClient } from '@social-shift/adapters/postgres-pg';
import { sqliteStorage } from '@social-shift/adapters/sqlite';
import type { StoragePort } from '@social-shift/core';
import { createMemoryStorage } from '@social-shift/core';
import Database from 'better-sqlite3';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import pg from 'pg';
import type { RawWriter } from './raw-writers.js';
import { rawIndexedDb, rawMemory, rawPg, rawPglite, rawSqlite } from './raw-writers.js';
import { recordingStorage } from './recording-storage.js';
import type { Scenario } from './scenario.js';
import { portScenario } from './scenario.js';
import { sdkScenario } from './sdk-scenario.js';
import type { Command, WorkloadSize } from './workload.js';

const size: WorkloadSize = {
  publishers: Number(process.env.BENCH_PUBLISHERS ?? 1_000),
  shares: Number(process.env.BENCH_SHARES ?? 100_000),
};
const only = process.env.BENCH_ADAPTERS?.split(',').map((s) => s.trim());
// BENCH_SQLITE_CACHE=<documents> sets the SQLite adapter's read cache (ADR 087; 0 turns it off); unset, each
// database gets the adapter's default (a file 10,000 documents, `:memory:` none).
const cacheSize = process.env.BENCH_SQLITE_CACHE ? Number(process.env.BENCH_SQLITE_CACHE) : undefined;
const scenario: Scenario = process.env.BENCH_SCENARIO === 'port' ? portScenario(size) : sdkScenario(size);

interface Setup {
  readonly name: string;
  raw(): Promise<RawWriter>;
  sdk(): Promise<StoragePort>;
  /** Frees what the raw writer kept outside its own object (a database of a shared engine). */
  dropRaw?(): Promise<void>;
  cleanup?(): Promise<void>;
}

interface Measurement {
  readonly commands: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** CPU time of this process on that side (user + system), in microseconds per command. */
  readonly cpuMicrosPerCommand: number;
}

interface PairMeasurement {
  readonly raw: Measurement;
  readonly port: Measurement;
  /** The same, for the share commands alone (the last `shares` commands: the steady state of the workload). */
  readonly sharesOnly: { readonly raw: Measurement; readonly port: Measurement; readonly ratio: number };
  /** Heap kept by each store after the run (MB): the port's adapter, and the raw driver's. */
  readonly retainedHeapMb: { readonly port: number; readonly raw: number };
  readonly peakRssMb: number;
}

/** Commands per chunk: see `measurePair`. */
const CHUNK = 200;
/** Progress is printed every PROGRESS commands. */
const PROGRESS = 10_000;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => {
  collect();
  return process.memoryUsage().heapUsed;
};
const rate = (commands: number, nanoseconds: bigint, cpuMicros: number): Measurement => {
  const seconds = Number(nanoseconds) / 1e9;
  return {
    commands,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(commands / seconds),
    cpuMicrosPerCommand: Math.round(cpuMicros / Math.max(1, commands)),
  };
};
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const ratioOf = (port: Measurement, raw: Measurement) =>
  Math.round((port.perSecond / raw.perSecond) * 100) / 100;

/**
 * Runs the commands of the scenario through the port, and after every chunk of them writes the rows those commands
 * committed with the raw driver (one transaction per command, as the SDK committed them), timing each side on its
 * own: both see the same machine load (other processes share the cores), so the ratio is fair.
 */
async function measurePair(setup: Setup): Promise<PairMeasurement> {
  const before = heap();
  let rawWriter: RawWriter | undefined = await setup.raw();
  const writer = rawWriter;
  const storage = await setup.sdk();
  const recorder = recordingStorage(storage);
  let rawTime = 0n;
  let portTime = 0n;
  let rawCpu = 0;
  let portCpu = 0;
  let commands = 0;
  // The share commands are the last `size.shares` of the scenario.
  const firstShare = scenario.commandCount - size.shares;
  let shareStart: { rawTime: bigint; portTime: bigint; rawCpu: number; portCpu: number } | undefined;
  let peakRss = process.memoryUsage().rss;
  // Commands run through the adapter in chunks of CHUNK, then the rows they committed are written with the raw
  // driver: both sides see the same machine load, and the CPU clock (a costly call on a busy machine) is read
  // once per chunk and side, not per command.
  let pending: Command[] = [];
  let chunkStart = { time: process.hrtime.bigint(), cpu: cpuNow() };
  const flush = async () => {
    portTime += process.hrtime.bigint() - chunkStart.time;
    portCpu += cpuNow() - chunkStart.cpu;
    const c0 = cpuNow();
    const t0 = process.hrtime.bigint();
    for (const committed of pending) await writer.run(committed);
    rawTime += process.hrtime.bigint() - t0;
    rawCpu += cpuNow() - c0;
    pending = [];
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (commands > 0 && commands % PROGRESS === 0) {
      // Progress on stderr, so a run stopped early still tells how far it got and at what rates.
      const perSecond = (time: bigint) => Math.round(commands / (Number(time) / 1e9));
      console.error(
        `  ${setup.name}: ${commands} commands, SDK ${perSecond(portTime)}/s, raw ${perSecond(rawTime)}/s, RSS ${mb(process.memoryUsage().rss)} MB`,
      );
    }
    chunkStart = { time: process.hrtime.bigint(), cpu: cpuNow() };
  };
  for await (const command of scenario.commands(recorder)) {
    if (commands === firstShare) {
      await flush();
      shareStart = { rawTime, portTime, rawCpu, portCpu };
    }
    await command();
    pending.push(...recorder.take());
    if (++commands % CHUNK === 0) await flush();
  }
  await flush();
  const start = shareStart ?? { rawTime: 0n, portTime: 0n, rawCpu: 0, portCpu: 0 };
  const shares = commands - firstShare;
  const sharesRaw = rate(shares, rawTime - start.rawTime, rawCpu - start.rawCpu);
  const sharesPort = rate(shares, portTime - start.portTime, portCpu - start.portCpu);
  const both = heap();
  await rawWriter.close();
  rawWriter = undefined;
  await setup.dropRaw?.();
  const portOnly = heap();
  await storage.close();
  await setup.cleanup?.();
  return {
    raw: rate(commands, rawTime, rawCpu),
    port: rate(commands, portTime, portCpu),
    sharesOnly: { raw: sharesRaw, port: sharesPort, ratio: ratioOf(sharesPort, sharesRaw) },
    retainedHeapMb: { port: mb(portOnly - before), raw: mb(both - portOnly) },
    peakRssMb: mb(Math.max(peakRss, process.memoryUsage().rss)),
  };
}

const temporary: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'social-shift-bench-'));
  temporary.push(dir);
  return dir;
};

let pglite: PGlite | undefined;
const sharedPglite = async () => {
  pglite ??= await PGlite.create();
  return pglite;
};
const pgUrl = process.env.SOCIAL_SHIFT_PG_URL;
// Commits do not wait for the disk flush (`synchronous_commit = off`, a per-session setting): each command of one
// organisation holds its event-counter row until commit, so with the flush every command waits for the disk and
// the benchmark would measure the disk, not the adapter. Both the raw driver and the adapter run with it.
const pool = pgUrl
  ? new pg.Pool({ connectionString: pgUrl, max: 10, options: '-c synchronous_commit=off' })
  : undefined;
const schema = `bench_${Date.now().toString(36)}`;

const setups: Setup[] = [
  { name: 'memory', raw: async () => rawMemory(), sdk: async () => createMemoryStorage() },
  {
    name: 'sqlite-memory',
    // Opened as the adapter opens `:memory:` (ADR 046): an empty database image in SQLite's memdb VFS.
    raw: async () => rawSqlite(new Database(new Database(':memory:').serialize())),
    sdk: async () => sqliteStorage({ filename: ':memory:', cacheSize }),
  },
  {
    name: 'sqlite-file',
    raw: async () => {
      const db = new Database(join(tempDir(), 'raw.db'));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      return rawSqlite(db);
    },
    sdk: async () => sqliteStorage({ filename: join(tempDir(), 'sdk.db'), cacheSize }),
  },
  {
    name: 'pglite',
    raw: async () => {
      const db = await sharedPglite();
      await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}_raw`);
      return rawPglite(db, `${schema}_raw`);
    },
    sdk: async () =>
      postgresStorage({
        client: pgliteClient(await sharedPglite(), { owned: false }),
        schema: `${schema}_sdk`,
        name: 'pglite',
      }),
    dropRaw: async () => {
      await (await sharedPglite()).query(`DROP SCHEMA ${schema}_raw CASCADE`);
    },
  },
  ...(pool
    ? [
        {
          name: 'postgres-server',
          raw: async () => {
            await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}_raw`);
            return rawPg(pool, `${schema}_raw`);
          },
          sdk: async () =>
            postgresStorage({ client: await pgClient(pool), schema: `${schema}_sdk`, ownsClient: false }),
          cleanup: async () => {
            await pool.query(`DROP SCHEMA IF EXISTS ${schema}_raw CASCADE`);
            await pool.query(`DROP SCHEMA IF EXISTS ${schema}_sdk CASCADE`);
          },
        } satisfies Setup,
      ]
    : []),
  {
    name: 'indexeddb-fake',
    raw: async () => rawIndexedDb(new IDBFactory(), 'raw'),
    sdk: async () =>
      indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange, databaseName: 'sdk' }),
  },
];

interface Row extends PairMeasurement {
  readonly adapter: string;
  readonly ratio: number;
}

const child = process.env.BENCH_CHILD === '1';
const rows: Row[] = [];
if (child) {
  // One adapter, in this process: measure it and hand the row to the parent on the last line of stdout.
  const setup = setups.find((s) => s.name === only?.[0]);
  if (!setup) throw new Error(`unknown adapter ${only?.[0]}`);
  const measured = await measurePair(setup);
  await pglite?.close();
  await pool?.end();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({ adapter: setup.name, ...measured, ratio: ratioOf(measured.port, measured.raw) }),
  );
  process.exit(0);
}
await pglite?.close();
await pool?.end();
console.log(`Scenario: ${scenario.name}: ${scenario.description}.`);
if (!pool)
  console.log('PostgreSQL server: skipped (set SOCIAL_SHIFT_PG_URL; `source .ci/services.sh` starts one).');
for (const setup of setups) {
  if (only && !only.includes(setup.name)) continue;
  const run = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, BENCH_CHILD: '1', BENCH_ADAPTERS: setup.name },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    console.log(`${setup.name}: did not complete (exit ${run.status ?? run.signal}); no row.`);
    continue;
  }
  const row = JSON.parse(last) as Row;
  rows.push(row);
  console.log(
    `${setup.name}: SDK ${row.port.perSecond}/s (${row.port.seconds} s, ${row.port.cpuMicrosPerCommand} µs CPU/cmd), raw ${row.raw.perSecond}/s (${row.raw.seconds} s, ${row.raw.cpuMicrosPerCommand} µs CPU/cmd), ratio ${row.ratio}; shares only: ratio ${row.sharesOnly.ratio}; peak RSS ${row.peakRssMb} MB`,
  );
}

const table = [
  '| adapter | commands | SDK (cmd/s) | raw driver (cmd/s) | ratio SDK/raw | shares only: SDK / raw (cmd/s), ratio | CPU per command: SDK / raw (µs) | heap kept: SDK / raw (MB) | peak RSS (MB) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.adapter} | ${r.port.commands} | ${r.port.perSecond} | ${r.raw.perSecond} | ${r.ratio} | ${r.sharesOnly.port.perSecond} / ${r.sharesOnly.raw.perSecond}, ${r.sharesOnly.ratio} | ${r.port.cpuMicrosPerCommand} / ${r.raw.cpuMicrosPerCommand} | ${r.retainedHeapMb.port} / ${r.retainedHeapMb.raw} | ${r.peakRssMb} |`,
  ),
].join('\n');
console.log(`\n${table}\n`);
// results.json keeps the last run of each scenario and size (runs of different scenarios may run side by side).
const resultsFile = join(import.meta.dirname, 'results.json');
const previous = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>)
  : {};
const runKey = `${scenario.name}, ${size.publishers} publishers, ${size.shares} shares`;
const earlier = (previous[runKey] as { rows?: Row[] } | undefined)?.rows ?? [];
const merged = [...earlier.filter((r) => !rows.some((n) => n.adapter === r.adapter)), ...rows];
writeFileSync(
  resultsFile,
  `${JSON.stringify({ ...previous, [runKey]: { description: scenario.description, node: process.version, rows: merged } }, null, 2)}\n`,
);
