// A Playground page (re)loaded while another tab's import or start again lands: that tab makes a new database the
// remembered one and deletes the one this page is opening. Played inside the page itself, at two moments (as that
// tab would: it remembers another database and deletes this one): while the page opens the programme, and once it is
// open but not yet drawn. Either way the page opens the new programme, as a reload would, instead of saying it
// could not open the data (or never becoming ready). Found by reloading one tab at several moments of another tab's
// import: one reload in four failed so. A programme that opens but cannot be read, with no other tab involved, is
// said to be one the page could not open, with its buttons to reload and start again.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { armEventBatchFailure, failEventBatchWhenArmed } from './broken-database';
import { e2eEnabled, launchChromium } from './browser';
import {
  alertText,
  playgroundDatabases as databases,
  openPlayground,
  rememberedDatabase as remembered,
  settled,
  summary,
} from './playground-page';

/** Which database is replaced by which, and when (see {@link replaceWhileOpening}). */
interface Replacement {
  name: string;
  next: string;
  when: 'opening' | 'open';
}

/**
 * Runs in the page before its scripts. When the page takes the lock under which it reads (and, on a first visit,
 * seeds) the database `name` (once): `'opening'` replaces the programme before that read, `'open'` right after it,
 * before the page draws the programme. Replacing remembers the database `next` and deletes `name`, and waits until it
 * is deleted (the page's own connection closes on the browser's `versionchange`, as for another tab's delete).
 */
function replaceWhileOpening({ name, next, when }: Replacement): void {
  const locks = navigator.locks;
  const request = locks.request.bind(locks) as (lock: string, ...rest: unknown[]) => Promise<unknown>;
  let armed = true;
  const replace = () =>
    new Promise<void>((deleted) => {
      localStorage.setItem('social-shift-playground:database', next);
      const deleting = indexedDB.deleteDatabase(name);
      deleting.onsuccess = deleting.onerror = () => deleted();
    });
  (locks as { request: unknown }).request = (lock: string, ...rest: unknown[]) => {
    const work = rest.at(-1) as (lock: unknown) => Promise<unknown>;
    if (!armed || lock !== `social-shift-playground:${name}` || typeof work !== 'function')
      return request(lock, ...rest);
    armed = false;
    return request(lock, ...rest.slice(0, -1), async (held: unknown) => {
      if (when === 'opening') await replace();
      const result = await work(held);
      if (when === 'open') await replace();
      return result;
    });
  };
}

describe.skipIf(!e2eEnabled)('the Playground when another tab replaces the programme while it opens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(['opening', 'open'] as const)(
    'opens the new programme when it is replaced while the page is %s',
    async (when) => {
      const { context, page, errors } = await openPlayground(browser, '/playground/');
      try {
        const before = await summary(page);
        const name = await remembered(page);
        expect(name).not.toBeNull();
        const next = `social-shift-playground-e2e-${when}`;
        await page.addInitScript(replaceWhileOpening, { name: name!, next, when });
        await page.reload();
        await settled(page);
        expect(await alertText(page)).toBe('');
        expect(await page.textContent('[data-testid="replaced-notice"]')).toBe('');
        // The new database holds the sample organisation, seeded by this page on its first open.
        expect(await remembered(page)).toBe(next);
        expect(await summary(page)).toBe(before);
        expect(await databases(page)).toEqual([next]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it('says it could not open the data when the programme opens but cannot be read', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      // The first batch of events the page reads to draw the programme fails, as a broken database would.
      await page.addInitScript(failEventBatchWhenArmed);
      await armEventBatchFailure(page);
      await page.reload();
      await page.getByTestId('error-message').waitFor({ timeout: 60_000 });
      expect(await page.textContent('[data-testid="error-message"]')).toBe(playgroundMessages.nl.openFailed);
      expect(await page.locator('#playground button').allTextContents()).toEqual([
        playgroundMessages.nl.retry,
        playgroundMessages.nl.reset,
      ]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
