// The Dashboard whose first read of the programme fails (a broken database, no other tab involved): it says why in
// place of the figures, with a button that loads the page again, and the failure is no unhandled rejection. Once the
// database reads again, that button draws the figures.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { armEventBatchFailure, failEventBatchWhenArmed } from './broken-database';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { kpis } from './dashboard-page';
import { openPlayground } from './playground-page';

/**
 * Runs in the page before its scripts: the reasons of unhandled rejections go to `e2eUnhandled` (the browser says so
 * once the microtasks of the task that rejected have run, before the next task: before any later evaluate).
 */
function recordUnhandled(): void {
  const unhandled: string[] = [];
  (window as unknown as { e2eUnhandled: string[] }).e2eUnhandled = unhandled;
  addEventListener('unhandledrejection', (event) => unhandled.push(String(event.reason)));
}

describe.skipIf(!e2eEnabled)('the Dashboard when its first read fails', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each([
    { lang: 'nl', dashboard: '/dashboard/' },
    { lang: 'en', dashboard: '/en/dashboard/' },
  ] as const)(
    'says why with a button that loads it again, without an unhandled rejection ($lang)',
    async ({ lang, dashboard }) => {
      const m = playgroundMessages[lang];
      const { context, page: a, errors } = await openPlayground(browser, '/playground/');
      try {
        await armEventBatchFailure(a);
        await a.close();
        const d = await context.newPage();
        d.on('pageerror', (error) => errors.push(error.message));
        await d.addInitScript(recordUnhandled);
        await d.addInitScript(failEventBatchWhenArmed);
        await d.goto(`${baseUrl()}${dashboard}`);
        const failure = d.locator('#dashboard [role="alert"]:not([data-testid])');
        await failure.waitFor({ timeout: 60_000 });
        expect(await failure.textContent()).toContain('STORAGE');
        expect(await d.textContent('#dashboard')).not.toContain(m.loadingData);
        // The failure of the first draw reaches no one as an unhandled rejection.
        expect(
          await d.evaluate(() => (window as unknown as { e2eUnhandled: string[] }).e2eUnhandled),
        ).toEqual([]);
        expect(errors).toEqual([]);

        await d.getByRole('button', { name: m.retry }).click();
        await d.waitForSelector('#dashboard[data-ready]', { timeout: 60_000 });
        expect(await kpis(d)).toMatch(/\d/);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
