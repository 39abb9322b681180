// A refusal names the field to correct, in real Chromium: the SDK refuses a contribution whose text is over its 20,000
// characters, and the text field (not the title) is marked invalid and described by the refusal, so a screen reader
// says what is wrong when the keyboard gets there (WCAG 3.3.1); once corrected and sent, it is valid again.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, openPlayground, row } from './playground-page';

describe.skipIf(!e2eEnabled)('a refused contribution in the Playground', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('marks the field the SDK refused, described by the refusal, until it is corrected', async () => {
    const m = playgroundMessages.nl;
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await actAs(page, 'creator');
      const form = page.getByTestId('contribution-form');
      const title = 'Te lange bijdrage';
      await form.locator('input[name="title"]').fill(title);
      await form.locator('textarea[name="body"]').fill('x'.repeat(20_001));
      await click(page, form.locator('button[type="submit"]'));
      const refused = await alertText(page);
      expect(refused.startsWith(m.whyLIMIT_EXCEEDED) || refused.startsWith(m.whyVALIDATION)).toBe(true);

      const body = form.locator('textarea[name="body"]');
      expect(await body.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await body.getAttribute('aria-describedby')) ?? '';
      expect(describedBy.split(' ')).toContain('refused-here');
      expect(await page.locator('#refused-here').textContent()).toBe(refused);
      expect(await form.locator('input[name="title"]').getAttribute('aria-invalid')).toBeNull();

      await body.fill('Een korte tekst.');
      await click(page, form.locator('button[type="submit"]'));
      expect(await alertText(page)).toBe('');
      expect(await row(page, 'contributions', title).count()).toBe(1);
      expect(await form.locator('textarea[name="body"]').getAttribute('aria-invalid')).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
