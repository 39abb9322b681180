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
