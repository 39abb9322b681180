// When the Playground cannot open its data, its "Start again" button runs one start again at a time: while it runs,
// the button is disabled and says so (in the page's language), a second click does nothing, so no second database
// is made alongside the first, and "Reload" is disabled too (a reload half-way would leave a half-filled database).
// When it fails too, the failure is shown anew with the focus on "Start again", not dropped to the page's start.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { baseUrl, e2eEnabled, launchChromium } from './browser';

declare global {
  interface Window {
    /** How many databases the page asked IndexedDB to open. */
    opens: number;
    /** While true, an open waits for `failOpens()` instead of failing at once. */
    holdOpens: boolean;
    /** Fails every open that waits. */
    failOpens(): void;
  }
}

describe.skipIf(!e2eEnabled)('"Start again" after the Playground could not open its data', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each([
    { lang: 'nl', path: '/playground/' },
    { lang: 'en', path: '/en/playground/' },
  ] as const)(
    'runs once on a double click, disabled with a busy label and Reload disabled while it runs ($lang)',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const context = await browser.newContext();
      try {
        // Every open of IndexedDB fails, at once or, while `holdOpens`, when the test says so.
        await context.addInitScript(() => {
          window.opens = 0;
          window.holdOpens = false;
          const waiting: (() => void)[] = [];
          window.failOpens = () => {
            for (const fail of waiting.splice(0)) fail();
          };
          IDBFactory.prototype.open = function open() {
            window.opens++;
            const request = {} as { error?: DOMException; onerror?: () => void };
            const fail = () => {
              request.error = new DOMException('IndexedDB is switched off in this test', 'UnknownError');
              request.onerror?.();
            };
            if (window.holdOpens) waiting.push(fail);
            else setTimeout(fail);
            return request as unknown as IDBOpenDBRequest;
          };
        });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${baseUrl()}${path}`);
        await page.getByTestId('error-message').waitFor({ timeout: 60_000 });
        expect(await page.textContent('[data-testid="error-message"]')).toBe(m.openFailed);
        const opened = await page.evaluate(() => window.opens);

        await page.evaluate(() => {
          window.holdOpens = true;
        });
        const reload = page.locator('#playground button').nth(0);
        const startAgain = page.locator('#playground button').nth(1);
        expect(await reload.textContent()).toBe(m.retry);
        expect(await startAgain.textContent()).toBe(m.reset);
        await startAgain.click();
        await expect.poll(() => page.evaluate(() => window.opens)).toBe(opened + 1);
        expect(await startAgain.textContent()).toBe(m.resetting);
        expect(await startAgain.isDisabled()).toBe(true);
        expect(await reload.isDisabled()).toBe(true);
        // A second click (forced: a disabled button takes none) starts nothing.
        await startAgain.click({ force: true });
        await startAgain.dispatchEvent('click');
        await page.evaluate(() => new Promise((wait) => setTimeout(wait, 500)));
        expect(await page.evaluate(() => window.opens)).toBe(opened + 1);

        // It fails: the failure is shown anew, with buttons that work again and the focus on "Start again".
        await page.evaluate(() => window.failOpens());
        await page.waitForSelector('#playground:not([data-busy])');
        expect(await page.textContent('[data-testid="error-message"]')).toBe(m.openFailed);
        const again = page.getByRole('button', { name: m.reset });
        expect(await again.isEnabled()).toBe(true);
        expect(await page.getByRole('button', { name: m.retry }).isEnabled()).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(m.reset);
        expect(await page.evaluate(() => window.opens)).toBe(opened + 1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
