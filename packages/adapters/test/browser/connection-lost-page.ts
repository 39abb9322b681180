// A page that has the browser close the adapter's IndexedDB connection under it, as when this site's data is
// cleared (settings, `Clear-Site-Data`): here by deleting the storage bucket the database lives in. It reports
// what the storage answers afterwards.
import { indexedDbStorage } from '../../src/indexeddb.js';

declare global {
  interface Window {
    afterConnectionLost(): Promise<{ code?: string; message: string }[] | string>;
  }
}

interface StorageBuckets {
  open(name: string): Promise<{ indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
}

window.afterConnectionLost = async () => {
  const buckets = (navigator as Navigator & { storageBuckets?: StorageBuckets }).storageBuckets;
  if (!buckets) return 'this Chromium has no navigator.storageBuckets';
  const bucket = await buckets.open('programme');
  const storage = indexedDbStorage({ indexedDB: bucket.indexedDB });
  await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
  await buckets.delete('programme');
  const calls = [
    () => storage.get('org_a', 'post', 'p'),
    () => storage.query('org_a', 'post'),
    () => storage.readEvents('org_a'),
    () => storage.transaction('org_a', (tx) => tx.put('post', 'q', {}, 0)),
  ];
  const answers: { code?: string; message: string }[] = [];
  for (const call of calls) {
    answers.push(
      await call().then(
        () => ({ message: 'answered' }),
        (error: { code?: string; message: string }) => ({
          code: error.code ?? 'none',
          message: error.message,
        }),
      ),
    );
  }
  return answers;
};

declare global {
  interface Window {
    commitCutOff(): Promise<{ code?: string; operation?: string | undefined; message: string }[] | string>;
  }
}

/** Random letters: Chromium compresses what it stores, and the commit must take long enough to be cut off. */
const randomText = (length: number) => {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 65_536)
    crypto.getRandomValues(bytes.subarray(i, Math.min(length, i + 65_536)));
  return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
};

// The site's data is cleared while a commit runs: Chromium aborts the commit (an UnknownError "Connection is closing
// because of: ...") before it fires the connection's `close` event. The commit must say to reload, as later calls do.
window.commitCutOff = async () => {
  const buckets = (navigator as Navigator & { storageBuckets?: StorageBuckets }).storageBuckets;
  if (!buckets) return 'this Chromium has no navigator.storageBuckets';
  const answers: { code?: string; operation?: string | undefined; message: string }[] = [];
  for (let round = 0; round < 3; round++) {
    const bucket = await buckets.open(`cut-${round}`);
    const storage = indexedDbStorage({ indexedDB: bucket.indexedDB });
    await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
    const big = randomText(2_000_000 * (round + 1));
    let deleted: Promise<void> | undefined;
    answers.push(
      await storage
        .transaction('org_a', async (tx) => {
          await tx.put('post', 'big', { text: big }, 0);
          // Deleted as the commit starts (round 0), or a moment after it started.
          if (round === 0) deleted = buckets.delete(`cut-${round}`);
          else
            setTimeout(() => {
              deleted = buckets.delete(`cut-${round}`);
            }, round * 5);
        })
        .then(
          () => ({ message: 'committed' }),
          (error: { code?: string; message: string; details?: { operation?: string } }) => ({
            code: error.code ?? 'none',
            operation: error.details?.operation,
            message: error.message,
          }),
        ),
    );
    await deleted;
  }
  return answers;
};

declare global {
  interface Window {
    readCutOff(): Promise<{ code?: string; operation?: string | undefined; message: string }[] | string>;
  }
}

// The site's data is cleared while a read runs (a large query, also one inside a transaction's work): Chromium aborts
// the read's transaction with the same UnknownError before `close`. The read must say to reload, not to retry.
window.readCutOff = async () => {
  const buckets = (navigator as Navigator & { storageBuckets?: StorageBuckets }).storageBuckets;
  if (!buckets) return 'this Chromium has no navigator.storageBuckets';
  const reads = [
    (storage: ReturnType<typeof indexedDbStorage>) => storage.query('org_a', 'post'),
    (storage: ReturnType<typeof indexedDbStorage>) =>
      storage.query('org_a', 'post', { where: { status: 'draft' } }),
    (storage: ReturnType<typeof indexedDbStorage>) =>
      storage.transaction('org_a', async (tx) => {
        await tx.query('post', {});
        await tx.put('post', 'after', {}, 0);
      }),
  ];
  const answers: { code?: string; operation?: string | undefined; message: string }[] = [];
  const big = randomText(500_000);
  for (const [round, readBack] of reads.entries()) {
    const bucket = await buckets.open(`read-${round}`);
    const storage = indexedDbStorage({ indexedDB: bucket.indexedDB });
    for (let from = 0; from < 100; from += 10)
      await storage.transaction('org_a', async (tx) => {
        for (let i = from; i < from + 10; i++)
          await tx.put('post', `p${i}`, { text: big, status: 'draft' }, 0);
      });
    const reading = readBack(storage);
    const deleted = buckets.delete(`read-${round}`);
    answers.push(
      await reading.then(
        () => ({ message: 'answered' }),
        (error: { code?: string; message: string; details?: { operation?: string } }) => ({
          code: error.code ?? 'none',
          operation: error.details?.operation,
          message: error.message,
        }),
      ),
    );
    await deleted;
  }
  return answers;
};
