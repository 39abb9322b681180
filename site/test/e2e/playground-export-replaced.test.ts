// An export while another tab's import or start again lands: that tab remembers a new programme and deletes the
// database the export reads. Played inside the page itself, as that tab would (with the storage event this page
// would get), at the export's first read. The page says what happened as it does for a command then: the notice that
// the programme was replaced, said anew with the focus on its button, not a storage failure that claims the export
// "wrote nothing" and asks to reload the page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, openPlayground, settled } from './playground-page';

/** Runs in the page before its scripts: while `e2e-replace` is armed, the next read replaces the programme. */
function replaceWhenArmed(): void {
  for (const method of ['get', 'getAll', 'getAllKeys', 'openCursor', 'count'] as const) {
    const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
    (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      if (localStorage.getItem('e2e-replace') === 'armed') {
        localStorage.removeItem('e2e-replace');
        const key = 'social-shift-playground:database';
        const old = localStorage.getItem(key);
        localStorage.setItem(key, 'social-shift-playground-e2e-next');
        if (old) indexedDB.deleteDatabase(old);
        setTimeout(() => dispatchEvent(new StorageEvent('storage', { key })));
      }
      return original.apply(this, args);
    };
  }
}

describe.skipIf(!e2eEnabled)('an export while another tab replaces the programme', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('says the programme was replaced, with the focus on the button that loads it, not a storage failure', async () => {
    const m = playgroundMessages.nl;
    const { context, page, errors } = await openPlayground(browser, '/playground/', {
      acceptDownloads: true,
    });
    try {
      await page.addInitScript(replaceWhenArmed);
      await page.reload();
      await settled(page);
      const downloads: string[] = [];
      page.on('download', (download) => downloads.push(download.suggestedFilename()));
      await page.evaluate(() => localStorage.setItem('e2e-replace', 'armed'));
      await page.getByTestId('export').click();
      await page.waitForSelector('[data-testid="export"]:not([disabled])', { timeout: 60_000 });
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: 10_000 })
        .toBe(m.replacedLoad);
      expect(await page.textContent('[data-testid="replaced-notice"]')).toContain(m.replacedElsewhere);
      expect(await alertText(page)).toBe('');
      expect(downloads).toEqual([]);

      // The button loads the new programme, which exports.
      await page.getByRole('button', { name: m.replacedLoad }).click();
      await settled(page);
      expect(await page.textContent('[data-testid="replaced-notice"]')).toBe('');
      const download = page.waitForEvent('download', { timeout: 60_000 });
      await page.getByTestId('export').click();
      expect((await download).suggestedFilename()).toMatch(/^social-shift-.+\.json$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
