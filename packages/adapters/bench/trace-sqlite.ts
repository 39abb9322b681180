// Profiling aid (not part of `pnpm bench`): times every better-sqlite3 statement (adapter and raw writer) by SQL
// text, in windows of TRACE_WINDOW commands, to see which statements get slower as the database fills.
import Database from 'better-sqlite3';
import { sqliteStorage } from '../src/sqlite.js';
import { rawSqlite } from './raw-writers.js';
import { recordingStorage } from './recording-storage.js';
import { sdkScenario } from './sdk-scenario.js';

const size = {
  publishers: Number(process.env.BENCH_PUBLISHERS ?? 1_000),
  shares: Number(process.env.BENCH_SHARES ?? 20_000),
};
const windowSize = Number(process.env.TRACE_WINDOW ?? 10_000);
// CPU time of the process (user + system, µs): wall-clock time on a shared machine measures the other processes.
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
// Each statement is timed by the monotonic clock (µs): `process.cpuUsage()` is a system call whose own cost and
// granularity inflated every statement by a few µs. Run it on a quiet machine.
const clock = () => Number(process.hrtime.bigint()) / 1_000;
const stats = new Map<string, { n: number; ns: number }>();
const probe = new Database(':memory:');
const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
for (const method of ['run', 'get', 'all'] as const) {
  const original = proto[method] as (...args: unknown[]) => unknown;
  proto[method] = function (this: { source: string }, ...args: unknown[]) {
    const t0 = clock();
    try {
      return original.apply(this, args);
    } finally {
      const key = this.source.replace(/\s+/g, ' ').slice(0, 110);
      const s = stats.get(key) ?? { n: 0, ns: 0 };
      s.n++;
      s.ns += clock() - t0;
      stats.set(key, s);
    }
  };
}
const report = (label: string) => {
  console.log(`--- ${label}`);
  const rows = [...stats.entries()].sort((a, b) => b[1].ns - a[1].ns).slice(0, 25);
  for (const [sql, s] of rows)
    console.log(`${String(s.n).padStart(7)} ${(s.ns / s.n).toFixed(1).padStart(8)} µs  ${sql}`);
  stats.clear();
};
// TRACE_MEMORY=page-cache: SQLite's classic in-memory database on both sides (the default is the memdb buffer).
const pageCache = process.env.TRACE_MEMORY === 'page-cache';
const storage = recordingStorage(sqliteStorage({ memory: pageCache ? 'page-cache' : 'buffer' }));
const raw = rawSqlite(
  pageCache ? new Database(':memory:') : new Database(new Database(':memory:').serialize()),
);
let n = 0;
let sdkCpu = 0;
let rawCpu = 0;
for await (const command of sdkScenario(size).commands(storage)) {
  const c0 = cpu();
  await command();
  const c1 = cpu();
  for (const committed of storage.take()) await raw.run(committed);
  sdkCpu += c1 - c0;
  rawCpu += cpu() - c1;
  if (++n % windowSize === 0) {
    report(
      `${n} commands: CPU per command SDK ${Math.round(sdkCpu / windowSize)} µs, raw ${Math.round(rawCpu / windowSize)} µs`,
    );
    sdkCpu = 0;
    rawCpu = 0;
  }
}
report(`end ${n}`);
await storage.close();
await raw.close();
