// A page that counts the IndexedDB transactions a storage transaction opens: its reads share one readonly
// transaction while the browser keeps it active, and a read after it ended (the work awaited a timer) still answers.
import { indexedDbStorage } from '../../src/indexeddb.js';

declare global {
  interface Window {
    sharedReads(count: number): Promise<Record<string, unknown>>;
  }
}

window.sharedReads = async (count) => {
  const opened = { readonly: 0, readwrite: 0 };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) {
    opened[args[1] === 'readwrite' ? 'readwrite' : 'readonly']++;
    return transaction.apply(this, args);
  };
  const storage = indexedDbStorage({ databaseName: 'shared-reads' });
  await storage.open();
  const before = { ...opened };
  // An import: one document written after another, each read first (is it there yet?).
  await storage.transaction('org_a', async (tx) => {
    for (let i = 0; i < count; i++) await tx.put('post', `post_${i}`, { n: i }, 0);
  });
  const imported = {
    readonly: opened.readonly - before.readonly,
    readwrite: opened.readwrite - before.readwrite,
  };
  // A transaction whose work waits for a timer between two reads: the browser has ended the first reads' transaction.
  const read = await storage.transaction('org_a', async (tx) => {
    const first = await tx.get('post', 'post_0');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await tx.get('post', `post_${count - 1}`);
    await tx.put('post', 'post_0', { n: -1 }, first?.version ?? 0);
    return [first?.data.n, second?.data.n];
  });
  const stored = await storage.get('org_a', 'post', 'post_0');
  IDBDatabase.prototype.transaction = transaction;
  await storage.close();
  return { imported, read, afterTimer: stored?.data.n, documents: await countPosts(count) };
};

async function countPosts(count: number): Promise<number> {
  const storage = indexedDbStorage({ databaseName: 'shared-reads' });
  const all = await storage.query('org_a', 'post', { limit: count + 10 });
  await storage.close();
  return all.length;
}
