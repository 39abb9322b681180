// The Playground's export in real Chromium: while it runs the button is busy, and when the storage fails the
// visitor sees the refusal (the SDK's code and message), as for any other command.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, openPlayground } from './playground-page';

describe.skipIf(!e2eEnabled)('the Playground’s export', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('is busy while it runs, and shows the STORAGE refusal when reading the data fails', async () => {
    const { context, page } = await openPlayground(browser, '/en/playground/');
    try {
      // Every read of IndexedDB fails from here on, as when the browser's storage breaks down.
      const whileRunning = await page.evaluate(() => {
        const fail = () => {
          throw new DOMException('The test makes reading fail.', 'UnknownError');
        };
        for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
          Object.assign(proto, { get: fail, getAll: fail, openCursor: fail, count: fail });
        }
        const button = document.querySelector<HTMLButtonElement>('[data-testid="export"]');
        button?.click();
        return { disabled: button?.disabled, busy: button?.getAttribute('aria-busy') };
      });
      expect(whileRunning).toEqual({ disabled: true, busy: 'true' });
      await expect.poll(() => alertText(page), { timeout: 30_000 }).toContain('(STORAGE)');
      expect(await alertText(page)).toContain('The test makes reading fail.');
      const after = await page.$eval('[data-testid="export"]', (button) => ({
        disabled: (button as HTMLButtonElement).disabled,
        busy: button.getAttribute('aria-busy'),
      }));
      expect(after).toEqual({ disabled: false, busy: null });
    } finally {
      await context.close();
    }
  }, 180_000);
});
