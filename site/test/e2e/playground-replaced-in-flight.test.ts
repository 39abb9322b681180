// A Playground command already running when another tab replaces the programme (start again) fails on the deleted
// database: the tab says what happened (the notice with its button to load the new programme), not the adapter's
// English "deleted the IndexedDB database" next to it, and no "done".
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, openPlayground, settled } from './playground-page';

describe.skipIf(!e2eEnabled)('a Playground command running when another tab replaces the programme', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('ends with the notice that the programme was replaced, not the adapter’s error', async () => {
    const m = playgroundMessages.nl;
    const { context, page: a, errors } = await openPlayground(browser, '/playground/');
    try {
      const b = await context.newPage();
      b.on('pageerror', (error) => errors.push(error.message));
      await b.goto(`${baseUrl()}/playground/`);
      await settled(b);
      await actAs(a, 'master');
      await a
        .getByTestId('strategy-form')
        .locator('input[name="new-goal-name"]')
        .fill('Doel tijdens de wissel');
      // A third page holds a write transaction on the database, so the command's writes wait; it lets go when the
      // database is deleted.
      const c = await context.newPage();
      await c.goto(`${baseUrl()}/`);
      await c.evaluate(
        () =>
          new Promise<void>((holding) => {
            const name =
              localStorage.getItem('social-shift-playground:database') ?? 'social-shift-playground-1';
            const request = indexedDB.open(name);
            request.onsuccess = () => {
              const db = request.result;
              let stop = false;
              db.onversionchange = () => {
                stop = true;
                db.close();
              };
              const names = [...db.objectStoreNames];
              const store = db.transaction(names, 'readwrite').objectStore(names[0]!);
              const again = () => {
                if (!stop) store.get('nothing').onsuccess = again;
              };
              again();
              holding();
            };
          }),
      );
      await a.getByTestId('save-strategy').click();
      await a.waitForSelector('#playground[data-busy]');
      await b.getByTestId('reset').click();
      await settled(b);
      await settled(a);
      await expect
        .poll(() => a.textContent('[data-testid="replaced-notice"]'))
        .toContain(m.replacedElsewhere);
      expect(await alertText(a)).toBe('');
      expect(await a.textContent('[data-testid="status-message"]')).toBe('');
      expect(await a.evaluate(() => document.activeElement?.textContent)).toBe(m.replacedLoad);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
