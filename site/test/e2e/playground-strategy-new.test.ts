// The Playground's strategy form in real Chromium: a new goal or pillar the visitor started without a name is
// refused by the SDK (VALIDATION) and shown so, never dropped while the page says the strategy was saved.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, languages, openPlayground } from './playground-page';

const form = (page: Page) => page.getByTestId('strategy-form');
const statusText = async (page: Page) => (await page.textContent('[data-testid="status-message"]')) ?? '';
const goalCount = (page: Page) => form(page).locator('tr[data-goal]').count();
const pillarCount = (page: Page) => form(page).locator('tr[data-pillar]').count();

describe.skipIf(!e2eEnabled)('the Playground’s strategy form', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: refuses a new goal or pillar without a name instead of saying it saved',
    async ({ path }) => {
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        await actAs(page, 'master');
        const goals = await goalCount(page);
        const pillars = await pillarCount(page);
        const save = form(page).getByTestId('save-strategy');

        // Untouched, the new goal and pillar are not meant: the strategy saves.
        await click(page, save);
        expect(await alertText(page)).toBe('');
        expect(await statusText(page)).not.toBe('');

        // A name of spaces only.
        await form(page).locator('input[name="new-goal-name"]').fill('   ');
        await click(page, save);
        expect(await alertText(page)).toContain('(VALIDATION)');
        expect(await statusText(page)).toBe('');
        expect(await goalCount(page)).toBe(goals);

        // No name, but a purpose chosen: still a goal the visitor means to add.
        await form(page).locator('input[name="new-goal-name"]').fill('');
        await form(page).locator('select[name="new-goal-purpose"]').selectOption({ index: 1 });
        await click(page, save);
        expect(await alertText(page)).toContain('(VALIDATION)');
        expect(await statusText(page)).toBe('');
        expect(await goalCount(page)).toBe(goals);
        await form(page).locator('select[name="new-goal-purpose"]').selectOption({ index: 0 });

        // A new pillar without a name, with a goal ticked.
        await form(page).locator('input[name="new-pillar-goal"]').first().check();
        await click(page, save);
        expect(await alertText(page)).toContain('(VALIDATION)');
        expect(await statusText(page)).toBe('');
        expect(await pillarCount(page)).toBe(pillars);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
