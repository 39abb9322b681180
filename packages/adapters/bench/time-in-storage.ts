// Profiling aid (not part of `pnpm bench`): runs the SDK scenario on one adapter and splits the wall time of the
// share commands into time inside the storage port's calls (reads, write sets, transactions: the driver, the
// database and the factory's checks) and time outside them (the SDK's own JavaScript).
// BENCH_ADAPTERS as in profiled-storage.ts.
import type { StoragePort } from '@social-shift/core';
import { profiledStorage, profiledSize as size } from './profiled-storage.js';
import { sdkScenario } from './sdk-scenario.js';

const { name, storage: inner, close } = await profiledStorage();

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
await close();
