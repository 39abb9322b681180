// Another tab's import or start again that lands while the Dashboard reads the programme, played inside the
// Dashboard page itself (it remembers another database and deletes the one being read, as that tab would): at the
// first draw the notice says so without claiming figures are shown, with no "Loading data…" left; during a "Load the
// new programme" the notice is said anew (put back in the page, which makes a screen reader read it again) and takes
// the focus. Either way the button then draws the new programme. After a load that failed, a later replacement's
// notice claims no figures either: the failure is shown in their place.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { armEventBatchFailure, failEventBatchWhenArmed } from './broken-database';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { openPlayground } from './playground-page';

const notice = async (page: Page) => (await page.textContent('[data-testid="replaced-notice"]')) ?? '';
/** The text of the focused element, or a placeholder while an element marked `data-old` has the focus. */
const focused = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.hasAttribute('data-old')
      ? '(an old element)'
      : (document.activeElement?.textContent ?? ''),
  );

/**
 * Arms the replacement: the next time the page asks which databases there are (the end of its opening the
 * programme, just before it reads it), the programme is replaced.
 */
const arm = (page: Page) => page.evaluate(() => localStorage.setItem('e2e-replace', 'armed'));

/** Replaces the programme, as another tab's import would (the storage event it does not get is sent by hand). */
const replace = (page: Page) =>
  page.evaluate(() => {
    const key = 'social-shift-playground:database';
    const old = localStorage.getItem(key);
    localStorage.setItem(key, `social-shift-playground-e2e-${Date.now()}`);
    if (old) indexedDB.deleteDatabase(old);
    dispatchEvent(new StorageEvent('storage', { key }));
  });

/**
 * Closes the Playground's page `playground` and opens the Dashboard at `path` in its browser context, with
 * {@link replaceWhenArmed} and {@link failEventBatchWhenArmed}; the Dashboard's page errors go to `errors`.
 */
async function dashboardInstead(playground: Page, path: string, errors: string[]): Promise<Page> {
  const context = playground.context();
  await playground.close();
  const d = await context.newPage();
  d.on('pageerror', (error) => errors.push(error.message));
  await d.addInitScript(replaceWhenArmed);
  await d.addInitScript(failEventBatchWhenArmed);
  await d.goto(`${baseUrl()}${path}`);
  return d;
}

/** Runs in the Dashboard page before its scripts: see {@link arm}. */
function replaceWhenArmed(): void {
  const databases = IDBFactory.prototype.databases;
  IDBFactory.prototype.databases = function (this: IDBFactory) {
    if (localStorage.getItem('e2e-replace') === 'armed') {
      localStorage.removeItem('e2e-replace');
      const key = 'social-shift-playground:database';
      const old = localStorage.getItem(key);
      localStorage.setItem(key, `social-shift-playground-e2e-${Date.now()}`);
      if (old) indexedDB.deleteDatabase(old);
    }
    return databases.call(this);
  };
}

describe.skipIf(!e2eEnabled)('the Dashboard when the programme is replaced while it reads it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  const pages = [
    { lang: 'nl', playground: '/playground/', dashboard: '/dashboard/' },
    { lang: 'en', playground: '/en/playground/', dashboard: '/en/dashboard/' },
  ] as const;

  it.each(pages)(
    'at the first draw says so without claiming figures, and the button draws the new programme ($lang)',
    async ({ lang, playground, dashboard }) => {
      const m = playgroundMessages[lang];
      const { context, page: a, errors } = await openPlayground(browser, playground);
      try {
        await arm(a);
        const d = await dashboardInstead(a, dashboard, errors);

        // The notice names no figures, and none (nor "Loading data…") are shown.
        await expect.poll(() => notice(d), { timeout: 60_000 }).toContain(m.dashboardReplacedUndrawn);
        expect(await notice(d)).not.toContain(m.dashboardReplaced);
        expect(await d.textContent('#dashboard')).not.toContain(m.loadingData);
        expect(await d.$('[data-testid="kpis"]')).toBeNull();
        await d.getByRole('button', { name: m.replacedLoad }).click();
        await d.waitForSelector('#dashboard[data-ready]', { timeout: 60_000 });
        await expect.poll(() => notice(d)).toBe('');
        expect(await d.textContent('[data-testid="kpis"]')).toMatch(/\d/);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  it.each(pages)(
    'during a load says so anew and takes the focus to the button, which then draws it ($lang)',
    async ({ lang, playground, dashboard }) => {
      const m = playgroundMessages[lang];
      const { context, page: a, errors } = await openPlayground(browser, playground);
      try {
        const d = await dashboardInstead(a, dashboard, errors);
        await d.waitForSelector('#dashboard[data-ready]', { timeout: 60_000 });

        // Replaced (the storage event the page that did it does not get is sent by hand), then again while the new
        // programme is read.
        await replace(d);
        await expect.poll(() => notice(d)).toContain(m.dashboardReplaced);
        const old = await d.textContent('[data-testid="kpis"]');
        // The notice's text and button as they are now, marked to tell them from ones put in their place.
        await d.evaluate(() => {
          for (const shown of document.querySelectorAll<HTMLElement>('[data-testid="replaced-notice"] *')) {
            shown.dataset.old = 'true';
          }
        });
        await arm(d);
        await d.getByRole('button', { name: m.replacedLoad }).click();
        // Said anew: put back in the page, with the focus on its new button; the figures shown are still the old ones.
        // The button clicked keeps the focus until the notice is put back: wait for a new button to have it.
        await expect.poll(() => focused(d), { timeout: 60_000 }).toBe(m.replacedLoad);
        expect(await notice(d)).toContain(m.dashboardReplaced);
        expect(await d.$$('[data-testid="replaced-notice"] [data-old]')).toEqual([]);
        expect(await d.$$('[data-testid="replaced-notice"] span')).toHaveLength(1);
        expect(await d.textContent('[data-testid="status-message"]')).toBe('');
        expect(await d.textContent('[data-testid="kpis"]')).toBe(old);

        await d.getByRole('button', { name: m.replacedLoad }).click();
        await expect.poll(() => notice(d), { timeout: 60_000 }).toBe('');
        expect(await d.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kpis');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  it.each(pages)(
    'after a load that failed, a later replacement claims no figures ($lang)',
    async ({ lang, playground, dashboard }) => {
      const m = playgroundMessages[lang];
      const { context, page: a, errors } = await openPlayground(browser, playground);
      try {
        const d = await dashboardInstead(a, dashboard, errors);
        await d.waitForSelector('#dashboard[data-ready]', { timeout: 60_000 });
        await replace(d);
        await expect.poll(() => notice(d)).toContain(m.dashboardReplaced);

        // The load fails: the failure takes the figures' place.
        await armEventBatchFailure(d);
        await d.getByRole('button', { name: m.replacedLoad }).click();
        await expect.poll(() => notice(d), { timeout: 60_000 }).toBe('');
        expect(await d.$('[data-testid="kpis"]')).toBeNull();
        expect(await d.textContent('#dashboard [role="alert"]:not([data-testid])')).not.toBe('');

        // Replaced again: the notice does not say figures are shown, nor that the page was still reading.
        await replace(d);
        await expect.poll(() => notice(d)).toContain(m.dashboardReplacedFailed);
        await d.getByRole('button', { name: m.replacedLoad }).click();
        await expect.poll(() => notice(d), { timeout: 60_000 }).toBe('');
        expect(await d.textContent('[data-testid="kpis"]')).toMatch(/\d/);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
