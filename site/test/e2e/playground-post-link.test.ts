// The Playground's post editor in real Chromium starts with an example link in the page's language: the English page
// once offered the Dutch "https://example.org/verhaal", which went into every English post saved as it was.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, languages, openPlayground } from './playground-page';

describe.skipIf(!e2eEnabled)("the Playground's post editor", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)('in $lang: offers an example link in the page language', async ({ lang, path }) => {
    const { context, page, errors } = await openPlayground(browser, path);
    try {
      await actAs(page, 'editor');
      const link = await page.inputValue('[data-testid="post-form"] input[name="link"]');
      expect(link).toBe(playgroundMessages[lang].postLinkExample);
      expect(link).toBe(lang === 'en' ? 'https://example.org/story' : 'https://example.org/verhaal');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
