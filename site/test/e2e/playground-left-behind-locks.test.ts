// What the Playground's clean-up of left-behind databases leaves alone, in real Chromium: a database a tab of the
// older site version fills (it holds only the old `social-shift-playground:<name>` lock), and a database another
// page has open: the delete it blocks stays queued in the browser, so the Playground keeps its locks until the
// browser has deleted it, and no tab can make it the remembered one meanwhile.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { openPlayground, settled } from './playground-page';

/** A name as the Playground makes one for a reset or import, made an hour ago. */
const hourOldName = () =>
  `social-shift-playground-${(Date.now() - 3_600_000).toString(36)}-${'ab'.repeat(8)}`;

const exists = (page: Page, name: string) =>
  page.evaluate(async (n) => (await indexedDB.databases()).some((d) => d.name === n), name);

/** Opens (creates) the database `name` in `page` and keeps it open; `legacyLock`: holds the old version's lock. */
const openAndKeep = (page: Page, name: string, legacyLock: boolean) =>
  page.evaluate(
    async ({ n, legacy }) => {
      const state = window as unknown as { versionchange?: boolean; db?: IDBDatabase };
      const openIt = () =>
        new Promise<void>((opened) => {
          const request = indexedDB.open(n, 1);
          request.onupgradeneeded = () => request.result.createObjectStore('documents');
          request.onsuccess = () => {
            state.db = request.result;
            // Like an adapter from before it closed on versionchange: it keeps the database open.
            state.db.onversionchange = () => {
              state.versionchange = true;
            };
            opened();
          };
        });
      if (!legacy) return openIt();
      await new Promise<void>((held) => {
        void navigator.locks.request(`social-shift-playground:${n}`, async () => {
          await openIt();
          held();
          await new Promise(() => undefined);
        });
      });
    },
    { n: name, legacy: legacyLock },
  );

const sawVersionChange = (page: Page) =>
  page.evaluate(() => (window as unknown as { versionchange?: boolean }).versionchange === true);

describe.skipIf(!e2eEnabled)('the Playground’s clean-up of left-behind databases', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('leaves alone a database a tab of the older site version is filling', async () => {
    const { context, page: a, errors } = await openPlayground(browser, '/playground/');
    try {
      const b = await context.newPage();
      await b.goto(`${baseUrl()}/`);
      const name = hourOldName();
      await openAndKeep(b, name, true);
      await a.reload();
      await settled(a);
      await a.waitForTimeout(3_000);
      expect(await sawVersionChange(b)).toBe(false);
      expect(await exists(b, name)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('keeps its locks while another page blocks the delete, and deletes once that page closes the database', async () => {
    const { context, page: a, errors } = await openPlayground(browser, '/playground/');
    try {
      const b = await context.newPage();
      await b.goto(`${baseUrl()}/`);
      const name = hourOldName();
      await openAndKeep(b, name, false);
      await a.reload();
      await settled(a);
      await expect.poll(() => sawVersionChange(b), { timeout: 10_000 }).toBe(true);
      await b.waitForTimeout(1_000);
      const held = () =>
        b.evaluate(async () => ((await navigator.locks.query()).held ?? []).map((lock) => lock.name));
      expect(await held()).toEqual(
        expect.arrayContaining([`social-shift-playground-in-use:${name}`, `social-shift-playground:${name}`]),
      );
      await b.evaluate(() => (window as unknown as { db: IDBDatabase }).db.close());
      await expect.poll(() => exists(b, name), { timeout: 10_000 }).toBe(false);
      await expect
        .poll(async () => (await held()).filter((lock) => lock?.endsWith(name)), { timeout: 10_000 })
        .toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('leaves alone a database made in the last minutes that no page holds', async () => {
    const { context, page: a, errors } = await openPlayground(browser, '/playground/');
    try {
      const name = `social-shift-playground-${Date.now().toString(36)}-${'cd'.repeat(8)}`;
      await a.evaluate(
        (n) =>
          new Promise<void>((done) => {
            const request = indexedDB.open(n, 1);
            request.onsuccess = () => {
              request.result.close();
              done();
            };
          }),
        name,
      );
      await a.reload();
      await settled(a);
      await a.waitForTimeout(3_000);
      expect(await exists(a, name)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
