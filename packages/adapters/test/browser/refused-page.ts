// A page where the browser refuses the adapter's IndexedDB work: an open blocked by another tab of an older release,
// a commit the browser aborts (a ConstraintError: the event log was changed by hand), and a frame that may not use
// IndexedDB at all (a sandboxed iframe: an opaque origin, where `indexedDB.open` throws a SecurityError). It reports
// each error, and what a fresh open reads afterwards.
import { indexedDbStorage } from '../../src/indexeddb.js';
import { committed, createOlderLayout, openRaw } from '../indexeddb-raw.js';

declare global {
  interface Window {
    refused(): Promise<Record<string, unknown>>;
  }
}

type Answer = { code: string; operation: string | undefined; message: string; cause: string | undefined };

const answer = (call: Promise<unknown>): Promise<Answer | 'answered'> =>
  call.then(
    () => 'answered' as const,
    (error: {
      code?: string;
      message: string;
      details?: { operation?: string };
      cause?: { name?: string };
    }) => ({
      code: error.code ?? 'none',
      operation: error.details?.operation,
      message: error.message,
      cause: error.cause?.name,
    }),
  );

const anEvent = (id: string) =>
  ({
    id,
    organisationId: 'org_a',
    type: 'post.created',
    entityType: 'post',
    entityId: 'p',
    entityVersion: 1,
    actorId: 'person_1',
    occurredAt: '2026-12-05T08:00:00.000Z',
    data: {},
  }) as never;

/** In the sandboxed frame: what opening the storage answers there. */
async function inSandboxedFrame(): Promise<Answer | 'answered'> {
  return answer(indexedDbStorage({ databaseName: 'sandboxed' }).open());
}

if (window !== window.parent) {
  void inSandboxedFrame().then((result) => window.parent.postMessage(result, '*'));
}

window.refused = async () => {
  const out: Record<string, unknown> = {};

  // An older release's tab holds version 1 open, with one post, and never lets go: the upgrade is blocked.
  const old = await openRaw(indexedDB, 'held', 1, (db) => createOlderLayout(db, 1));
  const write = old.transaction(['documents'], 'readwrite');
  write.objectStore('documents').put({
    organisationId: 'org_a',
    collection: 'post',
    id: 'p',
    version: 1,
    schemaVersion: 1,
    data: JSON.stringify({ text: 'kept' }),
  });
  await committed(write);
  out.blocked = await Promise.race([
    answer(indexedDbStorage({ databaseName: 'held' }).open()),
    new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
  ]);
  old.close();
  // Once the old tab is gone and the blocked request, still queued, has upgraded the database (until then an open
  // of this page fails again at once with the same advice), a fresh storage reads the data as it was.
  for (let attempt = 0; attempt < 100 && out.afterBlocked === undefined; attempt++) {
    try {
      out.afterBlocked = (await indexedDbStorage({ databaseName: 'held' }).get('org_a', 'post', 'p'))?.data;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // The event log was changed by hand (an event stored past the counter): the browser aborts the commit that adds
  // an event at that seq with a ConstraintError.
  const storage = indexedDbStorage({ databaseName: 'damaged' });
  await storage.transaction('org_a', async (tx) => {
    await tx.put('post', 'p', { text: 'kept' }, 0);
    await tx.append([anEvent('evt_1')]);
  });
  const raw = await openRaw(indexedDB, 'damaged', 3);
  const edit = raw.transaction(['events'], 'readwrite');
  edit.objectStore('events').put({
    organisationId: 'org_a',
    seq: 2,
    id: 'evt_by_hand',
    type: 'post.created',
    entityId: 'p',
    event: JSON.stringify({ ...(anEvent('evt_by_hand') as object), seq: 2 }),
  });
  await committed(edit);
  raw.close();
  out.aborted = await answer(
    storage.transaction('org_a', async (tx) => {
      await tx.put('post', 'q', { text: 'new' }, 0);
      await tx.append([anEvent('evt_2')]);
    }),
  );
  // The same, in a commit that also rewrites a stored event (an erasure): its check of that event reads after the add
  // failed, so the read fails with a mere AbortError; the answer must still name the ConstraintError, and the
  // commit's failed add must not surface as an unhandled rejection meanwhile.
  const unhandled: string[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) =>
    unhandled.push(String((event.reason as Error | undefined)?.name ?? event.reason));
  window.addEventListener('unhandledrejection', onUnhandled);
  const [stored] = await storage.readEvents('org_a');
  out.abortedWhileRewriting = await answer(
    storage.transaction('org_a', async (tx) => {
      await tx.replaceEvents([{ ...stored!, data: { erased: true } }]);
      await tx.append([anEvent('evt_2')]);
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  window.removeEventListener('unhandledrejection', onUnhandled);
  out.unhandled = unhandled;
  const fresh = indexedDbStorage({ databaseName: 'damaged' });
  out.afterAborted = {
    posts: (await fresh.query('org_a', 'post')).map((d) => [d.id, d.data]),
    events: (await fresh.readEvents('org_a')).map((e) => e.id),
  };

  // A sandboxed frame (no allow-same-origin): an opaque origin, where the page may not use IndexedDB.
  const frame = document.createElement('iframe');
  frame.sandbox.add('allow-scripts');
  // A classic script: a module would need CORS from the opaque origin.
  frame.srcdoc = '<script src="/page.js"></script>';
  const fromFrame = new Promise((resolve) => window.addEventListener('message', (m) => resolve(m.data)));
  document.body.append(frame);
  out.sandboxed = await fromFrame;
  return out;
};
