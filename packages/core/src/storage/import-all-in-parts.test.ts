// A large organisation's log imported in one append: PostgreSQL's adapter sends an append as one statement of text
// arrays, which for a million events outgrew what the process could hold (it ran out of memory instead of
// importing). `importAll` appends the log in parts of `APPEND_PART` events, in order, in its one transaction.
import { describe, expect, it } from 'vitest';
import type { StoragePort, StorageTransaction } from '../ports/storage.js';
import { simulateExportBundle } from '../simulation/simulate-organisation.js';
import { exportAll } from './export-all.js';
import { importAll } from './import-all.js';
import { createMemoryStorage } from './memory-storage.js';

/** How many events `importAll` appends at most in one call. */
const APPEND_PART = 10_000;

/** A storage whose transactions refuse an append of more than `APPEND_PART` events, as a bounded request would. */
function boundedStorage(appends: number[], failAt = 0): StoragePort {
  const storage = createMemoryStorage();
  return {
    ...storage,
    transaction: (organisationId, work) =>
      storage.transaction(organisationId, (tx) =>
        work({
          ...tx,
          restore: tx.restore?.bind(tx),
          append: async (events) => {
            appends.push(events.length);
            if (events.length > APPEND_PART)
              throw new Error(`one request holds at most ${APPEND_PART} events`);
            if (appends.length === failAt) throw new Error('the connection was lost');
            return tx.append(events);
          },
        } as StorageTransaction),
      ),
  } as StoragePort;
}

describe('importAll of a log longer than one append', () => {
  it('appends it in parts, in order, numbered 1, 2, 3… as one log, and a failing part leaves nothing', async () => {
    const bundle = simulateExportBundle({
      seed: 4,
      people: 60,
      teams: 3,
      days: 60,
      events: 2 * APPEND_PART + 500,
    });
    const count = bundle.events.length;
    expect(count).toBeGreaterThan(2 * APPEND_PART);
    const appends: number[] = [];
    const storage = boundedStorage(appends);
    const summary = await importAll(storage, bundle);
    expect(summary.events).toBe(count);
    expect(appends).toEqual([APPEND_PART, APPEND_PART, count - 2 * APPEND_PART]);
    const again = await exportAll(storage, bundle.organisationId, { pageSize: 10_000 });
    expect(again.events.map((event) => event.id)).toEqual(bundle.events.map((event) => event.id));
    expect(again.events.map((event) => event.seq)).toEqual(bundle.events.map((_, i) => i + 1));

    // The last part fails: the parts before it are undone with the documents.
    const failing = boundedStorage([], 3);
    await expect(importAll(failing, bundle)).rejects.toThrow('the connection was lost');
    expect(await failing.readEvents(bundle.organisationId, { limit: 1 })).toEqual([]);
    expect(await failing.query(bundle.organisationId, 'organisation', {})).toEqual([]);
    expect(await failing.query(bundle.organisationId, 'person', { limit: 1 })).toEqual([]);
  });
});
