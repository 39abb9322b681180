// The keyboard focus in the Playground, in real Chromium: a workflow button that is gone after its command (a
// submitted contribution has no "submit" any more) leaves the focus on the same entity's buttons, not at the top
// of the page, so a keyboard user carries on where they were.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, openPlayground, settled } from './playground-page';

describe.skipIf(!e2eEnabled)('the keyboard focus in the Playground', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('stays with the entity when the button pressed is gone after its command', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await actAs(page, 'creator');
      const form = page.getByTestId('contribution-form');
      const title = 'Focus blijft hier';
      await form.locator('input[name="title"]').fill(title);
      await click(page, form.locator('button[type="submit"]'));
      const row = page.locator('[data-testid="contributions"] tbody tr', { hasText: title });
      const id = (await row.getAttribute('data-contribution')) ?? '';
      expect(id).not.toBe('');

      await row.locator('button[data-event="SUBMIT"]').focus();
      await page.keyboard.press('Enter');
      await settled(page);
      expect(await alertText(page)).toBe('');
      expect(await row.locator('button[data-event="SUBMIT"]').count()).toBe(0);
      const focused = await page.evaluate(() => ({
        entity: document.activeElement?.closest<HTMLElement>('[data-entity]')?.dataset.entity,
        tag: document.activeElement?.tagName,
      }));
      expect(focused).toEqual({ entity: id, tag: 'BUTTON' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
