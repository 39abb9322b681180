// The storage of the profiling aids (`profile-sdk.ts`, `time-in-storage.ts`): one adapter by its benchmark name,
// and the workload size, from the environment. BENCH_ADAPTERS=sqlite-memory|sqlite-file|postgres-server (the last
// needs SOCIAL_SHIFT_PG_URL).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManagedStorage } from '@social-shift/core';
import pg from 'pg';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';
import { sqliteStorage } from '../src/sqlite.js';
import type { WorkloadSize } from './workload.js';

export const profiledSize: WorkloadSize = {
  publishers: Number(process.env.BENCH_PUBLISHERS ?? 1_000),
  shares: Number(process.env.BENCH_SHARES ?? 10_000),
};

/** Opens the adapter named in BENCH_ADAPTERS (default sqlite-memory); `close` also ends a PostgreSQL pool. */
export async function profiledStorage(): Promise<{
  name: string;
  storage: ManagedStorage;
  close(): Promise<void>;
}> {
  const name = process.env.BENCH_ADAPTERS ?? 'sqlite-memory';
  if (name === 'postgres-server') {
    const pool = new pg.Pool({
      connectionString: process.env.SOCIAL_SHIFT_PG_URL,
      options: '-c synchronous_commit=off',
    });
    const storage = postgresStorage({
      client: await pgClient(pool),
      schema: `prof_${Date.now().toString(36)}`,
      ownsClient: false,
    });
    const close = async () => {
      await storage.close();
      await pool.end();
    };
    return { name, storage, close };
  }
  const filename =
    name === 'sqlite-file' ? join(mkdtempSync(join(tmpdir(), 'ss-prof-')), 'sdk.db') : ':memory:';
  const cacheSize = process.env.BENCH_SQLITE_CACHE ? Number(process.env.BENCH_SQLITE_CACHE) : undefined;
  const storage = sqliteStorage({ filename, cacheSize });
  return { name, storage, close: () => storage.close() };
}
