// Every page of the built site, in both languages, in real headless Chromium: it declares its language, links
// to its twin in the other language and to the API reference, has no serious or critical axe-core violations,
// throws no errors; a screenshot of each is saved under artifacts/screenshots/.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  islandReadySelector,
  launchChromium,
  pageLanguage,
  pageName,
  saveScreenshot,
  seriousAxeViolations,
  sitePages,
} from './browser';

describe.skipIf(!e2eEnabled)('every page of the site', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  const pages = e2eEnabled ? sitePages() : [];

  it('builds the Learn, Playground, Dashboard and Docs pages in both languages', () => {
    for (const path of [
      '/',
      '/learn/',
      '/learn/cycle/',
      '/learn/roles/',
      '/learn/overlap/',
      '/learn/measure/',
      '/playground/',
      '/dashboard/',
      '/docs/',
    ]) {
      expect(pages).toContain(path);
      expect(pages).toContain(path === '/' ? '/en/' : `/en${path}`);
    }
  });

  it.each(pages)('%s is accessible, bilingual and links to the API reference', async (path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(`${baseUrl()}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    // The islands render after their script has loaded the data: check (and photograph) what people then see.
    const ready = await islandReadySelector(page);
    if (ready) await page.waitForSelector(ready, { timeout: 120_000 });

    const language = pageLanguage(path);
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    const twin = language === 'nl' ? (path === '/' ? '/en/' : `/en${path}`) : path.replace(/^\/en\//, '/');
    expect(await page.getAttribute('[data-testid="language-switch"]', 'href')).toBe(twin);
    expect(await page.getAttribute('[data-testid="api-link"]', 'href')).toBe('/api/');
    expect(await page.locator('h1').count()).toBe(1);

    await saveScreenshot(page, pageName(path));
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves the typedoc API reference at /api/', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl()}/api/`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('body')).toContain('createSocialShift');
    await page.close();
  });
});
