// The language switch in real Chromium keeps the reader's place: on a page opened at a section (an address with
// #…), or after following a link to a section of the page, the other language opens at the same section.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled, launchChromium } from './browser';

const page = 'docs/getting-started/demo-site/';
const section = '#what-to-do-there';

describe.skipIf(!e2eEnabled)('the language switch', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each([
    { from: `/${page}`, to: `/en/${page}` },
    { from: `/en/${page}`, to: `/${page}` },
  ])('opens $to at the section $from was opened at', async ({ from, to }) => {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${baseUrl()}${from}${section}`);
      await Promise.all([tab.waitForURL(`${baseUrl()}${to}**`), tab.getByTestId('language-switch').click()]);
      expect(tab.url()).toBe(`${baseUrl()}${to}${section}`);
    } finally {
      await context.close();
    }
  });

  it('follows the reader to a section they went to on the page', async () => {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(`${baseUrl()}/${page}`);
      await tab.evaluate((hash) => {
        location.hash = hash;
      }, section);
      await Promise.all([
        tab.waitForURL(`${baseUrl()}/en/${page}**`),
        tab.getByTestId('language-switch').click(),
      ]);
      expect(tab.url()).toBe(`${baseUrl()}/en/${page}${section}`);
    } finally {
      await context.close();
    }
  });
});
