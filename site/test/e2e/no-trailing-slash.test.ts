// A page opened at its address without the trailing slash, as `astro dev`, `astro preview` and some static hosts
// serve it (`/en/docs/metrics`, no redirect to `/en/docs/metrics/`): the guides' links, relative to the page's
// folder, still lead to the guides they name, not out of the Docs to a missing page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, e2eEnabled, launchChromium } from './browser';

const guide = 'en/docs/metrics';

describe.skipIf(!e2eEnabled)('a page served without its trailing slash', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('leads from a guide to the guides it links to', async () => {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      // The static server of these tests redirects `/x` to `/x/`; this host answers with the page itself.
      const html = readFileSync(join(inject('distDir'), guide, 'index.html'), 'utf8');
      await tab.route(`${baseUrl()}/${guide}`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
      await tab.goto(`${baseUrl()}/${guide}#top`);

      const link = tab.locator('main a[href^="../adr/"]').first();
      expect(await link.getAttribute('href')).toMatch(/^\.\.\/adr\/\d{3}-/);
      const target = await link.evaluate((a) => (a as HTMLAnchorElement).href);
      expect(target).toMatch(new RegExp(`^${baseUrl()}/en/docs/adr/\\d{3}-[^/]+/$`));
      const [response] = await Promise.all([
        tab.waitForEvent('response', (r) => r.url() === target),
        link.click(),
      ]);
      expect(response.status()).toBe(200);
      // The address it was opened at got its slash; the section it named stays.
      await tab.goBack();
      expect(tab.url()).toBe(`${baseUrl()}/${guide}/#top`);
    } finally {
      await context.close();
    }
  });
});
