// The Dashboard and the Playground open in two tabs of one browser, in real Chromium: when the visitor does something
// in the Playground (here a creator submits a contribution), the Dashboard, whose figures were drawn before, says in
// its language that they are behind, and draws them anew when asked: the same figures as a Dashboard opened now.
// Before, it went on showing the old figures as if they were current, and a learner who came back to its tab saw
// figures that disagreed with what they had just done.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { kpis, openDashboard } from './dashboard-page';
import { actAs, alertText, click, openPlayground, row } from './playground-page';

const changed = async (page: Page) => (await page.textContent('[data-testid="changed-notice"]')) ?? '';

describe.skipIf(!e2eEnabled)('the Dashboard when the Playground changes the programme in another tab', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each([
    { lang: 'nl', playground: '/playground/', dashboard: '/dashboard/' },
    { lang: 'en', playground: '/en/playground/', dashboard: '/en/dashboard/' },
  ] as const)(
    'says its figures are behind and draws them anew when asked ($lang)',
    async ({ lang, playground, dashboard }) => {
      const m = playgroundMessages[lang];
      const { context, page, errors } = await openPlayground(browser, playground);
      try {
        const d = await context.newPage();
        d.on('pageerror', (error) => errors.push(error.message));
        await openDashboard(d, dashboard);
        const before = await kpis(d);
        expect(await changed(d)).toBe('');

        // A contribution submitted in the Playground: one more for the Dashboard's figures.
        await actAs(page, 'creator');
        const form = page.getByTestId('contribution-form');
        const title = `Meegeteld ${lang}`;
        await form.locator('input[name="title"]').fill(title);
        await click(page, form.getByTestId('create-contribution'));
        await click(page, row(page, 'contributions', title).locator('button[data-event="SUBMIT"]'));
        expect(await alertText(page)).toBe('');

        await expect.poll(() => changed(d), { timeout: 30_000 }).toContain(m.dashboardChanged);
        expect(await kpis(d)).toBe(before);
        await d.getByTestId('changed-notice').getByRole('button', { name: m.dashboardUpdate }).click();
        await expect
          .poll(() => d.textContent('[data-testid="status-message"]'), { timeout: 60_000 })
          .toBe(m.done.replace('{action}', m.dashboardUpdate));
        expect(await changed(d)).toBe('');
        // The focus, on the button that is gone with the notice, goes to the new figures.
        expect(await d.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe(
          'kpis',
        );
        const after = await kpis(d);
        expect(after).not.toBe(before);

        const fresh = await context.newPage();
        await openDashboard(fresh, dashboard);
        expect(await kpis(fresh)).toBe(after);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
