// What the Playground finds in this browser may be damaged (edited by hand, written by an older version, cut
// short): a link secret that is not base64 or too short, an organisation id the SDK refuses. The Playground and
// the Dashboard still open the programme; and when the data cannot be opened at all, "Start again" says why
// instead of failing without a word.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { openPlayground, settled } from './playground-page';

const KEY_SECRET = 'social-shift-playground:link-secret';
const KEY_ORGANISATION = 'social-shift-playground:organisation';

const damaged = [
  { what: 'a link secret that is not base64', key: KEY_SECRET, value: '***not base64***' },
  { what: 'a link secret of 8 bytes', key: KEY_SECRET, value: 'AAAAAAAAAAA=' },
  { what: 'an organisation id the SDK refuses', key: KEY_ORGANISATION, value: '<b>org</b> ' },
] as const;

const summary = (page: Page) => page.textContent('[data-testid="summary"]');

describe.skipIf(!e2eEnabled)('the Playground with damaged data in this browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(damaged)(
    'opens the programme with $what, and so does the Dashboard',
    async ({ key, value }) => {
      const { context, page, errors } = await openPlayground(browser, '/en/playground/');
      try {
        const before = await summary(page);
        expect(before).toMatch(/\d+/);
        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value] as const);
        await page.reload();
        await settled(page);
        expect(await summary(page)).toBe(before);
        expect(await page.textContent('[data-testid="error-message"]')).toBe('');

        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value] as const);
        await page.goto(`${baseUrl()}/en/dashboard/`);
        await page.waitForSelector('#dashboard[data-ready]', { timeout: 120_000 });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  it('says why when "Start again" cannot open the data either', async () => {
    const m = playgroundMessages.en;
    const context = await browser.newContext();
    try {
      // IndexedDB refuses every database: nothing can be opened, not even a fresh one.
      await context.addInitScript(() => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('IndexedDB is switched off in this test', 'InvalidStateError');
        };
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${baseUrl()}/en/playground/`);
      const failed = page.getByTestId('error-message');
      await failed.waitFor({ timeout: 60_000 });
      expect(await failed.textContent()).toBe(m.openFailed);

      // The failure is shown anew: the button clicked is replaced.
      const startAgain = await page.getByRole('button', { name: m.reset }).elementHandle();
      await startAgain?.click();
      await startAgain?.waitForElementState('hidden', { timeout: 60_000 });
      await page.waitForSelector('#playground:not([data-busy])');
      const alert = page.getByTestId('error-message');
      expect(await alert.textContent()).toBe(m.openFailed);
      expect(await page.textContent('#playground')).toContain('IndexedDB is switched off in this test');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
