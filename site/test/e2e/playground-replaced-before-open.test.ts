// A page (re)loaded just as another tab's import or start again lands: the page has read which database this browser
// remembers, and that tab remembers a new one and deletes the old one before the page opens it. Played inside the
// page itself, as that tab would, once the page holds its lock on the database it is about to open. The page opens
// the new programme, as a reload would, instead of filling the deleted database anew with the sample organisation
// (seconds of work) and showing that, already out of date, with the notice that another tab replaced it. The
// database it was about to open is not left behind.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { kpis } from './dashboard-page';
import {
  alertText,
  playgroundDatabases as databases,
  openPlayground,
  rememberedDatabase as remembered,
  settled,
} from './playground-page';

/**
 * Runs in the page before its scripts. When the page is granted its lock on the database `name` (which it takes
 * before it opens it), once: remembers the database `next` and deletes `name`, as another tab's import would, and
 * waits until it is deleted before the page goes on.
 */
function replaceBeforeOpen({ name, next }: { name: string; next: string }): void {
  const locks = navigator.locks;
  const request = locks.request.bind(locks) as (lock: string, ...rest: unknown[]) => Promise<unknown>;
  let armed = true;
  (locks as { request: unknown }).request = (lock: string, ...rest: unknown[]) => {
    const work = rest.at(-1) as (lock: unknown) => Promise<unknown>;
    if (!armed || lock !== `social-shift-playground-in-use:${name}` || typeof work !== 'function')
      return request(lock, ...rest);
    armed = false;
    return request(lock, ...rest.slice(0, -1), async (held: unknown) => {
      await new Promise<void>((deleted) => {
        localStorage.setItem('social-shift-playground:database', next);
        const deleting = indexedDB.deleteDatabase(name);
        deleting.onsuccess = deleting.onerror = () => deleted();
      });
      return work(held);
    });
  };
}

describe.skipIf(!e2eEnabled)('a page opened as another tab replaces the programme before it opens it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('the Playground opens the new programme and leaves the old database deleted', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const name = await remembered(page);
      expect(name).not.toBeNull();
      const next = 'social-shift-playground-e2e-next';
      await page.addInitScript(replaceBeforeOpen, { name: name!, next });
      await page.reload();
      await settled(page);
      expect(await alertText(page)).toBe('');
      expect(await page.textContent('[data-testid="replaced-notice"]')).toBe('');
      expect(await remembered(page)).toBe(next);
      await expect.poll(() => databases(page), { timeout: 30_000 }).toEqual([next]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the Dashboard draws the new programme', async () => {
    const { context, page: a, errors } = await openPlayground(browser, '/playground/');
    try {
      const name = await remembered(a);
      expect(name).not.toBeNull();
      await a.close();
      const d = await context.newPage();
      d.on('pageerror', (error) => errors.push(error.message));
      const next = 'social-shift-playground-e2e-next';
      await d.addInitScript(replaceBeforeOpen, { name: name!, next });
      await d.goto(`${baseUrl()}/dashboard/`);
      await d.waitForSelector('#dashboard[data-ready]', { timeout: 60_000 });
      expect(await kpis(d)).toMatch(/\d/);
      expect(await d.textContent('[data-testid="replaced-notice"]')).toBe('');
      await expect.poll(() => databases(d), { timeout: 30_000 }).toEqual([next]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
