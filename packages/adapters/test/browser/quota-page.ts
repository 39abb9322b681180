// A page whose origin has a small storage quota (see `quotaBytes` in run-in-chromium.ts): a command that does not fit must fail with
// STORAGE ("no room left") and write nothing; what was stored before stays readable.
import { indexedDbStorage } from '../../src/indexeddb.js';

declare global {
  interface Window {
    overQuota(): Promise<unknown>;
  }
}

window.overQuota = async () => {
  const storage = indexedDbStorage({ databaseName: 'quota' });
  await storage.transaction('org_a', (tx) => tx.put('post', 'small', { text: 'fits' }, 0));
  // Random text: Chromium compresses what it stores, so a repeated letter would fit.
  const bytes = new Uint8Array(3_000_000);
  for (let i = 0; i < bytes.length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
  const big = Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
  const failed = await storage
    .transaction('org_a', async (tx) => {
      await tx.put('post', 'big', { text: big }, 0);
      await tx.append([
        {
          id: 'evt_big',
          organisationId: 'org_a',
          type: 'post.created',
          entityType: 'post',
          entityId: 'big',
          entityVersion: 1,
          actorId: 'person_1',
          occurredAt: '2026-12-05T08:00:00.000Z',
          data: {},
        } as never,
      ]);
    })
    .then(
      () => ({ code: 'none', message: 'committed', cause: '' }),
      (error: { code?: string; message: string; cause?: { name?: string } }) => ({
        code: error.code ?? 'none',
        message: error.message,
        cause: error.cause?.name ?? '',
      }),
    );
  return {
    failed,
    big: (await storage.get('org_a', 'post', 'big')) === undefined ? 'absent' : 'stored',
    small: (await storage.get('org_a', 'post', 'small'))?.data,
    events: (await storage.readEvents('org_a')).length,
    after: await storage
      .transaction('org_a', (tx) => tx.put('post', 'next', { text: 'fits' }, 0))
      .then(
        () => 'committed',
        (error: Error) => error.message,
      ),
  };
};
