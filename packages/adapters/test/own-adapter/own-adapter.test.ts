// The conformance suite run on an adapter of a third party's own (./kv-driver.ts, on a key-value store), as
// docs/storage/your-own-adapter.md shows it, and on broken variants of it, each of which the suite must fail.

import type { ConformanceTarget } from '@social-shift/adapters/testing';
import { describeStorageConformance, runStorageConformance } from '@social-shift/adapters/testing';
import { createStorage } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { createKeyValueStore, createKvDriver, type KvFaults } from './kv-driver.js';

// #region own-adapter
describeStorageConformance({
  name: 'key-value',
  capabilities: { persistent: true, multiProcess: false, browser: true, node: true },
  async createStore() {
    const store = createKeyValueStore(); // empty, for one case
    // A new driver for every open(), on the one store: the suite reopens it, and races two ports on it.
    return { open: async (options) => createStorage(createKvDriver(store), options) };
  },
});
// #endregion own-adapter

const broken = (faults: KvFaults): ConformanceTarget => ({
  name: `key-value (${Object.keys(faults).join(', ')})`,
  capabilities: { persistent: true, multiProcess: false, browser: true, node: true },
  async createStore() {
    const store = createKeyValueStore();
    return { open: async (options) => createStorage(createKvDriver(store, faults), options) };
  },
});

/** The failed cases of a run, as `[group] name: message`. */
const failures = async (faults: KvFaults) =>
  (await runStorageConformance(broken(faults)))
    .filter((r) => r.status === 'failed')
    .map((r) => `[${r.group}] ${r.name}: ${r.message}`);

describe('the conformance suite fails a broken key-value adapter', () => {
  it.each<[string, KvFaults, RegExp]>([
    [
      'a lock of its own driver: two servers on one store both win a race',
      { driverLock: true },
      /\[optimistic-concurrency\] two storages on one store: of racing updaters at one version exactly one wins.*: ConformanceFailure: outcomes:/,
    ],
    [
      'an update that ignores the version (a lost update)',
      { ignoreExpectedVersion: true },
      /\[optimistic-concurrency\] rejects a stale version with CONFLICT.*stale put: expected a CONFLICT error, but it succeeded/,
    ],
    [
      'writes that reach the store before the commit (not all or nothing)',
      { writeThrough: true },
      /\[transactions\] keeps nothing of a transaction that throws.*no new document: expected undefined/,
    ],
    [
      'an event dropped from each commit',
      { dropLastEvent: true },
      /\[event-log\] numbers events 1, 2, 3… across transactions/,
    ],
    [
      'a seq counted from the stored events, given out again after retention',
      { seqFromCount: true },
      /\[event-compaction\] keeps the highest seq when the newest events are removed.*next seq: expected 4, got 3/,
    ],
    [
      "another organisation's data",
      { sharedTenantKeys: true },
      /\[tenant-isolation\] never returns another organisation’s documents or events: ConformanceFailure: get:/,
    ],
    [
      'outdated() that returns one document at a time: a migration that fails half-way writes half',
      { outdatedOneAtATime: true },
      /\[migrations\] fails with MIGRATION, with the cause, when a step throws part-way.*the failed migration wrote documents.*Return every outdated document from the driver's outdated\(\), in one call\./,
    ],
    [
      'a commit written key by key, half of which a read in between sees',
      { keyByKeyCommit: true },
      /\[transactions\] lets a read outside a transaction see all of a commit or none of it.*: ConformanceFailure: a read while the commit was written saw 1?\d of 20 documents/,
    ],
  ])(
    '%s',
    async (_name, faults, expected) => {
      expect((await failures(faults)).join('\n')).toMatch(expected);
    },
    120_000,
  );
});
