// The Playground and the Dashboard run the SDK in the browser. Without JavaScript they say so, and do not also
// promise, for ever, that they are loading.
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages } from '../../src/i18n';
import { baseUrl, e2eEnabled, launchChromium } from './browser';

describe.skipIf(!e2eEnabled)('the island pages without JavaScript', () => {
  let browser: Browser;
  // Scripting off in Blink's settings, as a reader who turned JavaScript off has it: the parser then shows
  // <noscript> (Playwright's `javaScriptEnabled: false` only stops scripts running, and <noscript> stays hidden).
  let withoutScripts: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    withoutScripts = await chromium.launch({
      executablePath: inject('chromium'),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--blink-settings=scriptEnabled=false'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await withoutScripts?.close();
  });

  it.each([
    { path: '/playground/', lang: 'nl' as const },
    { path: '/en/playground/', lang: 'en' as const },
    { path: '/dashboard/', lang: 'nl' as const },
    { path: '/en/dashboard/', lang: 'en' as const },
  ])('$path says it needs JavaScript and shows no loading text', async ({ path, lang }) => {
    const context = await withoutScripts.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${baseUrl()}${path}`);
      // Playwright's text locators skip <noscript>: the note is found by its element.
      const note = tab.locator('noscript p.note');
      await expect(note.textContent()).resolves.toBe(messages[lang].needsJavaScript);
      await expect(note.isVisible()).resolves.toBe(true);
      await expect(tab.getByText(messages[lang].loading).isVisible()).resolves.toBe(false);
    } finally {
      await context.close();
    }
  });

  it.each(['/playground/', '/en/dashboard/'])(
    '%s still shows the loading text until its island starts, with JavaScript',
    async (path) => {
      const context = await browser.newContext();
      try {
        const tab = await context.newPage();
        // The island's module never arrives: what the page shows before it runs stays.
        await tab.route('**/*.js', (route) => route.abort());
        await tab.goto(`${baseUrl()}${path}`);
        const lang = path.startsWith('/en/') ? 'en' : 'nl';
        await expect(tab.getByText(messages[lang].loading).isVisible()).resolves.toBe(true);
      } finally {
        await context.close();
      }
    },
  );
});
