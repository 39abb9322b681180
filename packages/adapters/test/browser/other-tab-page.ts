// A page that plays another tab of the app on the same database (a second connection of this page behaves as one):
// a newer release that upgrades it, and an older release that holds an older version open and does not let go.
import { indexedDbStorage } from '../../src/indexeddb.js';
import { createOlderLayout } from '../indexeddb-raw.js';

declare global {
  interface Window {
    otherTabs(): Promise<Record<string, unknown>>;
  }
}

const opened = (name: string, version: number, upgrade?: (db: IDBDatabase) => void) =>
  new Promise<IDBDatabase | string>((resolve) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(`error ${req.error?.name}`);
    req.onblocked = () => resolve('blocked');
  });

const answer = (call: Promise<unknown>) =>
  call.then(
    () => 'answered',
    (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
  );

window.otherTabs = async () => {
  const out: Record<string, unknown> = {};
  // A newer release upgrades while this storage is open: this one lets go, the upgrade is not blocked.
  const storage = indexedDbStorage({ databaseName: 'upgraded' });
  await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
  const newer = await opened('upgraded', 99);
  out.newerRelease = typeof newer === 'string' ? newer : 'upgraded';
  if (typeof newer !== 'string') newer.close();
  out.afterUpgrade = await answer(storage.get('org_a', 'post', 'p'));
  // This release opens a database a newer release upgraded already.
  out.staleOpen = await answer(indexedDbStorage({ databaseName: 'upgraded' }).open());
  // An older release holds version 1 open, with no versionchange handler: the upgrade to the current version would wait for ever.
  const old = await opened('held', 1, (db) => createOlderLayout(db, 1));
  const held = indexedDbStorage({ databaseName: 'held' });
  out.heldOpen = await Promise.race([
    answer(held.open()),
    new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
  ]);
  // Retried while the older release still holds on, or opened by a new storage of this page: it fails again at once
  // (a new request would queue behind the blocked one, without a `blocked` event of its own).
  out.retriedWhileHeld = await Promise.race([
    answer(held.open()),
    new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
  ]);
  out.newStorageWhileHeld = await Promise.race([
    answer(indexedDbStorage({ databaseName: 'held' }).open()),
    new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
  ]);
  if (typeof old !== 'string') old.close();
  // Once the old tab is gone (and the queued request has upgraded the database), opening again works.
  for (let attempt = 0; attempt < 100; attempt++) {
    out.retried = await answer(held.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0)));
    if (out.retried === 'answered') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return out;
};
