// Every page of the site on a phone (360 px wide) in real Chromium: the page does not scroll sideways (a long word
// in the text, such as an inline `code` path or a URL, breaks instead of widening it), and a wide table that
// scrolls inside itself can be reached and scrolled with the keyboard (axe-core's scrollable-region-focusable),
// while on a wide screen, where it fits, a table is no tab stop.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  baseUrl,
  e2eEnabled,
  islandReadySelector,
  launchChromium,
  sitePages,
} from './browser';

const phone = { width: 360, height: 800 };

/** How far the page scrolls sideways, in pixels. */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The tables of the page's main content that scroll inside themselves, and whether each is a tab stop. */
const scrollingTables = (page: Page) =>
  page.$$eval('main table', (tables) =>
    tables
      .filter((t) => t.scrollWidth > t.clientWidth + 1)
      .map((t) => ({ tabIndex: (t as HTMLElement).tabIndex })),
  );

/** Loads `path` and waits for its island, if any, to have drawn. */
async function load(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`, { waitUntil: 'load' });
  const ready = await islandReadySelector(page);
  if (ready) await page.waitForSelector(`${ready}:not([data-busy])`, { timeout: 120_000 });
  // What the page's script marks after layout (a table that scrolls) is marked by the next frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

describe.skipIf(!e2eEnabled)('the site on a 360 px wide screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  // The islands' pages are opened on their own below, with every axe rule.
  const pages = e2eEnabled ? sitePages().filter((path) => !/\/(playground|dashboard)\/$/.test(path)) : [];

  it('has every page within the screen, each table that scrolls reachable by keyboard', async () => {
    const context = await browser.newContext({ viewport: phone });
    const tabs = await Promise.all([1, 2, 3].map(() => context.newPage()));
    const problems: string[] = [];
    try {
      const queue = [...pages];
      await Promise.all(
        tabs.map(async (page) => {
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
            await load(page, path);
            const wider = await sideways(page);
            if (wider > 1) problems.push(`${path} scrolls sideways by ${wider} px`);
            for (const table of await scrollingTables(page))
              if (table.tabIndex !== 0) problems.push(`${path}: a table that scrolls is no tab stop`);
          }
        }),
      );
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
    // Every page of the site, three at a time: more than the project's minute on a busy machine.
  }, 300_000);

  it.each(['/playground/', '/en/playground/', '/dashboard/', '/en/dashboard/'])(
    '%s fits and passes axe, its scrolling tables reachable by keyboard',
    async (path) => {
      const context = await browser.newContext({ viewport: phone });
      try {
        const page = await context.newPage();
        await load(page, path);
        expect(await sideways(page)).toBeLessThanOrEqual(1);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('scrolls a wide table with the arrow keys once the Tab key has reached it', async () => {
    const context = await browser.newContext({ viewport: phone });
    try {
      const page = await context.newPage();
      await load(page, '/en/docs/storage/benchmark/');
      const first = page.locator('main table').first();
      expect(await first.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
      // Tab from the element just before it.
      await first.evaluate((table) => {
        const links = [...document.querySelectorAll<HTMLElement>('main a, main [tabindex="0"]')];
        const before = links.filter(
          (el) => el.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        before.at(-1)?.focus();
      });
      await page.keyboard.press('Tab');
      expect(await first.evaluate((t) => t === document.activeElement)).toBe(true);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => first.evaluate((t) => t.scrollLeft)).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('keeps a table that fits out of the tab order on a wide screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await load(page, '/en/docs/workflows/contribution/');
      const tables = await page.$$eval('main table', (all) =>
        all.map((t) => ({ fits: t.scrollWidth <= t.clientWidth + 1, tabIndex: (t as HTMLElement).tabIndex })),
      );
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) expect(table).toEqual({ fits: true, tabIndex: -1 });
      // Narrowed to a phone's width, the same tables scroll and become tab stops.
      await page.setViewportSize(phone);
      await expect.poll(() => scrollingTables(page)).not.toEqual([]);
      await expect.poll(async () => (await scrollingTables(page)).every((t) => t.tabIndex === 0)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
