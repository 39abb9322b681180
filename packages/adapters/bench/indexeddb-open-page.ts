// The page of bench/indexeddb-open.ts: fills an IndexedDB database with `count` documents at the current schema
// version (raw puts in the adapter's layout, after the adapter created it), then times the adapter's open against a
// walk of every document, which is what each open did before 2026-12-07 to find the documents to migrate.
import { CURRENT_SCHEMA_VERSION } from '@social-shift/core';
import { indexedDbStorage } from '../src/indexeddb.js';
import { committed, createOlderLayout, openRaw } from '../test/indexeddb-raw.js';

declare global {
  interface Window {
    openAtSize(
      count: number,
      runs: number,
    ): Promise<{ openMs: number[]; walkMs: number[]; upgradeMs: number }>;
  }
}

async function fill(db: IDBDatabase, count: number): Promise<void> {
  for (let start = 0; start < count; start += 10_000) {
    const tx = db.transaction('documents', 'readwrite');
    const store = tx.objectStore('documents');
    for (let i = start; i < Math.min(count, start + 10_000); i++)
      store.put({
        organisationId: 'org_a',
        collection: 'note',
        id: `note_${String(i).padStart(7, '0')}`,
        version: 1,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        data: JSON.stringify({ title: `A note of some length, number ${i}`, colour: i % 2 ? 'red' : 'blue' }),
      });
    await committed(tx);
  }
}

window.openAtSize = async (count, runs) => {
  const name = 'open-at-size';
  const first = indexedDbStorage({ databaseName: name });
  await first.open();
  await first.close();
  const raw = await openRaw(indexedDB, name);
  await fill(raw, count);
  // The same documents in a database of version 2 (no schemaVersion index), which the adapter's open upgrades.
  const v2 = await openRaw(indexedDB, 'upgrade-at-size', 2, (db) => createOlderLayout(db, 2));
  await fill(v2, count);
  v2.close();
  let t = performance.now();
  const upgraded = indexedDbStorage({ databaseName: 'upgrade-at-size' });
  await upgraded.open();
  const upgradeMs = performance.now() - t;
  await upgraded.close();

  const walk = () =>
    new Promise<number>((resolve, reject) => {
      let seen = 0;
      const cursor = raw.transaction('documents').objectStore('documents').openCursor();
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (!current) return resolve(seen);
        if ((current.value as { schemaVersion: number }).schemaVersion !== CURRENT_SCHEMA_VERSION) seen++;
        current.continue();
      };
    });
  const openMs: number[] = [];
  const walkMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    t = performance.now();
    const storage = indexedDbStorage({ databaseName: name });
    await storage.open();
    openMs.push(performance.now() - t);
    await storage.close();
    t = performance.now();
    await walk();
    walkMs.push(performance.now() - t);
  }
  raw.close();
  return { openMs, walkMs, upgradeMs };
};
