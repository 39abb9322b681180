import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, hasChromium, runInChromium } from '../test/browser/run-in-chromium.js';
import { requiredService } from '../test/required-service.js';
import { indexedDbCapabilities } from './indexeddb.js';
import type { ConformanceResult } from './testing/index.js';
import { CONFORMANCE_GROUPS, conformanceCases, groupApplies } from './testing/index.js';

// The same conformance suite, in real headless Chromium: the page runs every case against the browser's own
// IndexedDB and reports back; each case becomes a test here (see docs/adr/041-storage-browser-conformance.md).
const chromium = requiredService(
  'the conformance suite on IndexedDB in real Chromium',
  hasChromium() ? chromiumPath : undefined,
  `no Chromium at ${chromiumPath} (apt-get install chromium, or set SOCIAL_SHIFT_CHROMIUM)`,
);

if (chromium) {
  describe('storage conformance: indexeddb (chromium)', () => {
    let results = new Map<string, ConformanceResult>();
    beforeAll(async () => {
      const list = await runInChromium<ConformanceResult[]>(
        join(import.meta.dirname, '..', 'test', 'browser', 'conformance-page.ts'),
        'window.runConformance()',
      );
      results = new Map(list.map((r) => [`${r.group}: ${r.name}`, r]));
    }, 180_000);

    for (const group of CONFORMANCE_GROUPS) {
      if (!groupApplies(group, indexedDbCapabilities).runs) continue;
      describe(group, () => {
        for (const testCase of conformanceCases().filter((c) => c.group === group)) {
          it(testCase.name, () => {
            const result = results.get(`${group}: ${testCase.name}`);
            expect(result?.status, result?.message).toBe('passed');
          });
        }
      });
    }
  });
}

if (chromium) {
  describe('indexeddb in chromium', () => {
    it('answers STORAGE saying to reload after the browser closed its connection (site data cleared)', async () => {
      const answers = await runInChromium<{ code?: string; message: string }[] | string>(
        join(import.meta.dirname, '..', 'test', 'browser', 'connection-lost-page.ts'),
        'window.afterConnectionLost()',
      );
      expect(answers).toHaveLength(4);
      for (const answer of answers as { code?: string; message: string }[]) {
        expect(answer).toMatchObject({
          code: 'STORAGE',
          message: expect.stringMatching(/browser closed the IndexedDB database .*: reload this page/),
        });
      }
    }, 60_000);

    it('says only to reload, not to retry, when the site data is cleared while a commit runs', async () => {
      const answers = await runInChromium<{ code?: string; operation?: string; message: string }[] | string>(
        join(import.meta.dirname, '..', 'test', 'browser', 'connection-lost-page.ts'),
        'window.commitCutOff()',
      );
      expect(answers).toHaveLength(3);
      for (const answer of answers as { message: string }[]) {
        // A commit that made it before the data was cleared is fine too; one cut off must not say to retry.
        if (answer.message === 'committed') continue;
        expect(answer).toMatchObject({
          code: 'STORAGE',
          operation: 'use',
          message: expect.stringMatching(/browser closed the IndexedDB database .*: reload this page/),
        });
        expect(answer.message).not.toMatch(/[Rr]etry/);
      }
    }, 60_000);

    it('says only to reload, not to retry, when the site data is cleared while a read runs', async () => {
      const answers = await runInChromium<{ code?: string; operation?: string; message: string }[] | string>(
        join(import.meta.dirname, '..', 'test', 'browser', 'connection-lost-page.ts'),
        'window.readCutOff()',
      );
      expect(answers).toHaveLength(3);
      const cutOff = (answers as { message: string }[]).filter((answer) => answer.message !== 'answered');
      // A read of 50 MB started as the data is cleared: the browser cuts it off (one that made it is fine too).
      expect(cutOff.length).toBeGreaterThan(0);
      for (const answer of cutOff) {
        expect(answer).toMatchObject({
          code: 'STORAGE',
          operation: 'use',
          message: expect.stringMatching(/browser closed the IndexedDB database .*: reload this page/),
        });
        expect(answer.message).not.toMatch(/[Rr]etry/);
      }
    }, 60_000);

    it('reads the documents of a transaction in one readonly transaction while the browser keeps it active', async () => {
      const outcome = await runInChromium<Record<string, unknown>>(
        join(import.meta.dirname, '..', 'test', 'browser', 'shared-reads-page.ts'),
        'window.sharedReads(300)',
      );
      // 300 inserts, each reading first: a handful of readonly transactions (one per run of reads the browser let
      // pass within a task), not one per read; and one readwrite transaction for the commit.
      const imported = outcome.imported as { readonly: number; readwrite: number };
      expect(imported.readonly).toBeLessThan(30);
      expect(imported.readwrite).toBe(1);
      // After the work waited for a timer, the next read opens another one and answers; the write commits.
      expect(outcome.read).toEqual([0, 299]);
      expect(outcome.afterTimer).toBe(-1);
      expect(outcome.documents).toBe(300);
    }, 60_000);

    it('lets a newer release upgrade, refuses a stale open, and does not wait for ever on an older release', async () => {
      const outcome = await runInChromium<Record<string, string>>(
        join(import.meta.dirname, '..', 'test', 'browser', 'other-tab-page.ts'),
        'window.otherTabs()',
      );
      const held = /^STORAGE: .*close the other tabs and windows of this app/;
      expect(outcome).toEqual({
        newerRelease: 'upgraded',
        afterUpgrade: expect.stringMatching(/^STORAGE: .*another tab or window upgraded .*reload this page/),
        staleOpen: expect.stringMatching(/^STORAGE: .*upgraded by a newer release .*reload this page/),
        heldOpen: expect.stringMatching(held),
        retriedWhileHeld: expect.stringMatching(held),
        newStorageWhileHeld: expect.stringMatching(held),
        retried: 'answered',
      });
    }, 60_000);

    it('says what to do, with STORAGE, when the browser refuses to open or aborts a commit, and keeps the data', async () => {
      const outcome = await runInChromium(
        join(import.meta.dirname, '..', 'test', 'browser', 'refused-page.ts'),
        'window.refused()',
      );
      const noGenericAdvice = expect.not.stringMatching(/check the store|may or may not/);
      expect(outcome).toEqual({
        blocked: {
          code: 'STORAGE',
          operation: 'open',
          message: expect.stringMatching(/close the other tabs and windows of this app, then open again/),
        },
        afterBlocked: { text: 'kept' },
        aborted: {
          code: 'STORAGE',
          operation: 'commit',
          message: expect.stringMatching(
            /a commit to its IndexedDB database failed \(ConstraintError: .*\): nothing of this command was written\. An event is stored already .*changed outside this app.*retrying fails alike/,
          ),
          cause: 'ConstraintError',
        },
        abortedWhileRewriting: {
          code: 'STORAGE',
          operation: 'commit',
          message: expect.stringMatching(
            /a commit to its IndexedDB database failed \(ConstraintError: .*\): nothing of this command was written\. An event is stored already .*changed outside this app.*retrying fails alike/,
          ),
          cause: 'ConstraintError',
        },
        unhandled: [],
        afterAborted: { posts: [['p', { text: 'kept' }]], events: ['evt_1', 'evt_by_hand'] },
        sandboxed: {
          code: 'STORAGE',
          operation: 'open',
          message: expect.stringMatching(
            /this page may not use IndexedDB \(SecurityError: .*\): open this app from its own web address in a normal window, not from a file or in a sandboxed frame/,
          ),
          cause: 'SecurityError',
        },
      });
      const { blocked, aborted, sandboxed } = outcome as Record<string, { message: string }>;
      for (const answer of [blocked, aborted, sandboxed]) expect(answer?.message).toEqual(noGenericAdvice);
    }, 60_000);

    it('fails with STORAGE ("no room left") past the quota, writing nothing of the command', async () => {
      const outcome = await runInChromium(
        join(import.meta.dirname, '..', 'test', 'browser', 'quota-page.ts'),
        'window.overQuota()',
        { quotaBytes: 1_000_000 },
      );
      expect(outcome).toEqual({
        failed: {
          code: 'STORAGE',
          message: expect.stringMatching(/no room left.*navigator\.storage\.persist/),
          cause: 'QuotaExceededError',
        },
        big: 'absent',
        small: { text: 'fits' },
        events: 0,
        after: 'committed',
      });
    }, 60_000);
  });
}
