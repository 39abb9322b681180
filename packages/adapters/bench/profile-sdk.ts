// Profiling aid (not part of `pnpm bench`): runs the SDK scenario on one adapter without the raw side, so
// `node --cpu-prof` shows only the SDK's work. BENCH_ADAPTERS=sqlite-memory|sqlite-file|postgres-server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';
import { sqliteStorage } from '../src/sqlite.js';
import { sdkScenario } from './sdk-scenario.js';

const size = {
  publishers: Number(process.env.BENCH_PUBLISHERS ?? 1_000),
  shares: Number(process.env.BENCH_SHARES ?? 10_000),
};
const name = process.env.BENCH_ADAPTERS ?? 'sqlite-memory';
const pool =
  name === 'postgres-server'
    ? new pg.Pool({ connectionString: process.env.SOCIAL_SHIFT_PG_URL, options: '-c synchronous_commit=off' })
    : undefined;
const storage =
  name === 'sqlite-memory'
    ? sqliteStorage({ filename: ':memory:' })
    : name === 'sqlite-file'
      ? sqliteStorage({ filename: join(mkdtempSync(join(tmpdir(), 'ss-prof-')), 'sdk.db') })
      : postgresStorage({
          client: await pgClient(pool!),
          schema: `prof_${Date.now().toString(36)}`,
          ownsClient: false,
        });
const scenario = sdkScenario(size);
let n = 0;
const firstShare = scenario.commandCount - size.shares;
let t0 = 0n;
let c0 = 0;
for await (const command of scenario.commands(storage)) {
  if (n++ === firstShare) {
    t0 = process.hrtime.bigint();
    const u = process.cpuUsage();
    c0 = u.user + u.system;
  }
  await command();
}
const u = process.cpuUsage();
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
  `${name}: shares ${size.shares}: ${Math.round(size.shares / secs)}/s, CPU ${Math.round((u.user + u.system - c0) / size.shares)} µs/share`,
);
await storage.close();
await pool?.end();
