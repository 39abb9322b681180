// The Playground's "act as" list in real Chromium shows the person the visitor acts as, also when that person holds
// no role: an invited person who gives consent becomes active and stays the one acted as, after a reload too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, languages, openPlayground, settled } from './playground-page';

/** The value and text of the option the "act as" list shows. */
const picked = (page: Page) =>
  page.$eval('[data-testid="act-as"]', (select) => {
    const option = (select as HTMLSelectElement).selectedOptions[0];
    return {
      value: option?.value ?? '',
      text: option?.textContent ?? '',
      group: option?.closest('optgroup')?.label,
    };
  });

describe.skipIf(!e2eEnabled)('the Playground’s “act as” list', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: shows an invited person without a role who gave consent as the one acted as, after a reload too',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        await actAs(page, 'master');
        const candidate = page
          .locator('[data-testid="people"] tbody tr', { has: page.locator('button[data-event="INVITE"]') })
          .first();
        const id = (await candidate.getAttribute('data-person')) ?? '';
        const name = (await candidate.locator('th').textContent()) ?? '';
        await click(page, candidate.locator('button[data-event="INVITE"]'));
        await page.selectOption('[data-testid="act-as"]', id);
        await settled(page);
        expect(await picked(page)).toMatchObject({ value: id, group: m.withoutRole });

        await click(page, page.locator('button[data-event="GIVE_CONSENT"]'));
        expect(await alertText(page)).toBe('');
        const after = await picked(page);
        expect(after).toMatchObject({ value: id, group: m.withoutRole });
        expect(after.text).toContain(name);

        await page.reload();
        await settled(page);
        expect((await picked(page)).value).toBe(id);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
