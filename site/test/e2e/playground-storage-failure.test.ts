// The Playground when the browser's storage fails while it draws the page anew after a command, in real Chromium:
// the visitor sees the STORAGE refusal, the page is not left busy (every button dead), and once the storage works
// again the next command works too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, openPlayground, settled } from './playground-page';

describe.skipIf(!e2eEnabled)('the Playground when reading its data fails', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('says so, is not left busy, and works again once the storage does', async () => {
    const { context, page, errors } = await openPlayground(browser, '/en/playground/');
    try {
      const people = await page.$$eval('[data-testid="act-as"] option', (options) =>
        options.map((o) => (o as HTMLOptionElement).value),
      );
      // Every read of IndexedDB fails from here on, as when the browser's storage breaks down.
      await page.evaluate(() => {
        const saved = [IDBObjectStore.prototype, IDBIndex.prototype].map((proto) => ({
          proto,
          methods: { get: proto.get, getAll: proto.getAll, openCursor: proto.openCursor, count: proto.count },
        }));
        (window as unknown as { restoreReads: () => void }).restoreReads = () => {
          for (const { proto, methods } of saved) Object.assign(proto, methods);
        };
        const fail = () => {
          throw new DOMException('The test makes reading fail.', 'UnknownError');
        };
        for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
          Object.assign(proto, { get: fail, getAll: fail, openCursor: fail, count: fail });
        }
      });
      await page.selectOption('[data-testid="act-as"]', people[1] ?? '');
      await expect.poll(() => alertText(page), { timeout: 30_000 }).toContain('(STORAGE)');
      await settled(page);

      // The storage works again: the next command draws the page for the person picked.
      await page.evaluate(() => (window as unknown as { restoreReads: () => void }).restoreReads());
      await page.selectOption('[data-testid="act-as"]', people[2] ?? '');
      await settled(page);
      expect(await alertText(page)).toBe('');
      expect(await page.$eval('[data-testid="act-as"]', (s) => (s as HTMLSelectElement).value)).toBe(
        people[2],
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
