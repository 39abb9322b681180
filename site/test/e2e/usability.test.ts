// What a learner runs into on the site, in real Chromium: two tabs opened at once on a fresh browser, a phone-wide
// screen, a refused command (the typed text stays, the reason is in the page's language), a double click, the
// keyboard focus after an action, the role a person was picked in, and an invited person who must give consent.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { baseUrl, e2eEnabled, launchChromium } from './browser';

const settled = (page: Page) =>
  page.waitForSelector('#playground[data-ready]:not([data-busy])', { timeout: 120_000 });

const form = '[data-testid="contribution-form"]';
const contributionRows = (page: Page, title: string) =>
  page.locator('[data-testid="contributions"] tbody tr', { hasText: title });

/** Acts as the first person listed under `role`. */
async function actAs(page: Page, role: string): Promise<void> {
  const value = await page.$eval(
    `[data-testid="act-as"] option[data-role="${role}"]`,
    (el) => (el as HTMLOptionElement).value,
  );
  await page.selectOption('[data-testid="act-as"]', value);
  await settled(page);
}

describe.skipIf(!e2eEnabled)('the site as a learner meets it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('seeds the sample programme once when the Playground and the Dashboard open at the same time', async () => {
    const context = await browser.newContext();
    try {
      const errors: string[] = [];
      const [playground, dashboard] = await Promise.all([context.newPage(), context.newPage()]);
      for (const page of [playground, dashboard]) page.on('pageerror', (error) => errors.push(error.message));
      await Promise.all([
        playground.goto(`${baseUrl()}/playground/`),
        dashboard.goto(`${baseUrl()}/dashboard/`),
      ]);
      // Ready, or the page that says it could not open its data (which has no data-ready).
      await playground.waitForSelector(
        '#playground[data-ready]:not([data-busy]), #playground:not([data-ready]) [data-testid="error-message"]',
        { timeout: 120_000 },
      );
      expect(await playground.getAttribute('#playground', 'data-ready')).toBe('true');
      await expect
        .poll(() => playground.textContent('[data-testid="summary"]'), { timeout: 60_000 })
        .toMatch(/\d+/);
      // An alert with text: the notice that another tab replaced the programme is there empty, ready to be read out.
      await dashboard.waitForSelector('[data-testid="kpis"], .alert:not(:empty)', { timeout: 120_000 });
      expect(await dashboard.locator('.alert:not(:empty)').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['/playground/', '/dashboard/', '/docs/storage/benchmark/', '/en/docs/glossary/'])(
    '%s does not scroll sideways on a 375 px wide screen',
    async (path) => {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl()}${path}`, { waitUntil: 'networkidle' });
        if (path.includes('playground')) await settled(page);
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(scroll).toBeLessThanOrEqual(client + 1);
      } finally {
        await context.close();
      }
    },
  );

  it.each([
    { lang: 'nl', path: '/playground/' },
    { lang: 'en', path: '/en/playground/' },
  ] as const)(
    'in $lang: a refusal keeps the typed text and says why in the page language; a double click acts once; focus and role stay',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${baseUrl()}${path}`);
        await settled(page);
        await actAs(page, 'creator');

        // Refused: a body over the SDK's 20,000 characters.
        const title = `Keep me ${lang}`;
        await page.fill(`${form} input[name="title"]`, title);
        await page.fill(`${form} textarea[name="body"]`, 'x'.repeat(20_001));
        await page.click(`${form} button[type="submit"]`);
        await settled(page);
        const alert = (await page.textContent('[data-testid="error-message"]')) ?? '';
        expect(alert.startsWith(m.whyLIMIT_EXCEEDED) || alert.startsWith(m.whyVALIDATION)).toBe(true);
        expect(await page.inputValue(`${form} input[name="title"]`)).toBe(title);
        expect((await page.inputValue(`${form} textarea[name="body"]`)).length).toBe(20_001);

        // Corrected and sent with a double click: one contribution.
        await page.fill(`${form} textarea[name="body"]`, 'Een korte tekst.');
        await page.dblclick(`${form} button[type="submit"]`);
        await settled(page);
        expect(await page.textContent('[data-testid="error-message"]')).toBe('');
        expect(await contributionRows(page, title).count()).toBe(1);

        // The keyboard focus stays in the person picker while the arrow keys move through it.
        await page.focus('#act-as');
        await page.keyboard.press('ArrowDown');
        await settled(page);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('act-as');

        // A person listed under two roles stays selected under the role picked.
        const twoRoles = await page.$$eval('[data-testid="act-as"] option', (options) => {
          const seen = new Map<string, string>();
          for (const option of options as HTMLOptionElement[]) {
            const first = seen.get(option.value);
            if (first !== undefined && first !== option.dataset.role)
              return { value: option.value, index: option.index };
            seen.set(option.value, option.dataset.role ?? '');
          }
          return undefined;
        });
        if (twoRoles) {
          await page.selectOption('[data-testid="act-as"]', { index: twoRoles.index });
          await settled(page);
          expect(
            await page.$eval('[data-testid="act-as"]', (s) => (s as HTMLSelectElement).selectedIndex),
          ).toBe(twoRoles.index);
        }
      } finally {
        await context.close();
      }
    },
  );
});
