// Profiling aid (not part of `pnpm bench`): runs the SDK scenario on one adapter and splits the wall time of the
// share commands into time inside the storage port's calls (reads, write sets, transactions: the driver, the
// database and the factory's checks) and time outside them (the SDK's own JavaScript).
// BENCH_ADAPTERS=sqlite-memory|sqlite-file|postgres-server (the last needs SOCIAL_SHIFT_PG_URL).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoragePort } from '@social-shift/core';
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
const inner = pool
  ? postgresStorage({
      client: await pgClient(pool),
      schema: `split_${Date.now().toString(36)}`,
      ownsClient: false,
    })
  : sqliteStorage({
      filename:
        name === 'sqlite-file' ? join(mkdtempSync(join(tmpdir(), 'ss-split-')), 'sdk.db') : ':memory:',
    });

// Nested and concurrent calls (a command's reads start together) count once: from the first in to the last out.
let inside = 0;
let open = 0;
let since = 0n;
const timed =
  <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    if (open++ === 0) since = process.hrtime.bigint();
    try {
      return await call(...args);
    } finally {
      if (--open === 0) inside += Number(process.hrtime.bigint() - since);
    }
  };
const storage: StoragePort = {
  name: inner.name,
  capabilities: inner.capabilities,
  get: timed(inner.get.bind(inner)),
  query: timed(inner.query.bind(inner)),
  readEvents: timed(inner.readEvents.bind(inner)),
  transaction: timed(inner.transaction.bind(inner)),
  commit: timed(inner.commit.bind(inner)),
  close: () => inner.close(),
};

const scenario = sdkScenario(size);
const firstShare = scenario.commandCount - size.shares;
let n = 0;
let t0 = 0n;
for await (const command of scenario.commands(storage)) {
  if (n++ === firstShare) {
    t0 = process.hrtime.bigint();
    inside = 0;
  }
  await command();
}
const total = Number(process.hrtime.bigint() - t0);
const us = (ns: number) => Math.round(ns / size.shares / 1_000);
console.log(
  `${name}: ${size.shares} shares, per share ${us(total)} µs: in the storage port ${us(inside)} µs, outside it ${us(total - inside)} µs`,
);
await inner.close();
await pool?.end();
