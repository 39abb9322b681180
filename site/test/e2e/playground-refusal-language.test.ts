// A refusal in the Dutch Playground, in real Chromium: the explanation is Dutch, and the SDK's own message, which
// is English, is marked as English (lang="en"), so a screen reader reads it in English.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, openPlayground } from './playground-page';

describe.skipIf(!e2eEnabled)('a refusal in the Dutch Playground', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('says why in Dutch and marks the SDK’s English message as English', async () => {
    const m = playgroundMessages.nl;
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      // A creator may not write posts: the SDK refuses (FORBIDDEN).
      await actAs(page, 'creator');
      const form = page.getByTestId('post-form');
      await form.locator('input[name="title"]').fill('Niet mijn rol');
      await form.locator('textarea[name="text"]').fill('Een tekst.');
      await click(page, form.getByTestId('save-post'));
      const alert = await alertText(page);
      expect(alert.startsWith(m.whyFORBIDDEN)).toBe(true);
      const english = page.locator('[data-testid="error-message"] [lang="en"]');
      expect(await english.count()).toBe(1);
      const message = (await english.textContent()) ?? '';
      expect(message.length).toBeGreaterThan(0);
      expect(alert.endsWith(message)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
