// Every page of the built site, in both languages, in real headless Chromium: it declares its language, links
// to its twin in the other language and to the API reference, has no serious or critical axe-core violations
// and no headings that skip a level, throws no errors and stays within its JavaScript budget (measured during
// the same load); a screenshot of each is saved under artifacts/screenshots/ and the JavaScript figures are
// printed and written to artifacts/budgets.json. Each page is loaded once, with nothing from a cache: a guide
// page in one of a few tabs kept open with the HTTP cache off, every other page in a fresh browser context.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactsDir,
  axeViolations,
  baseUrl,
  e2eEnabled,
  islandReadySelector,
  launchChromium,
  pageLanguage,
  pageName,
  recordJavaScript,
  saveScreenshot,
  sitePages,
  withoutCache,
} from './browser';
import { javaScriptBudget, KB } from './budgets';

/** One page load of the per-page checks. */
interface PageLoad {
  /** The page, as in the budget figures: its path, or `/404.html`. */
  readonly path: string;
  /** Where it is loaded from. */
  readonly url: string;
  /** The HTTP status expected. */
  readonly status: number;
  /** Where its language switch goes. */
  readonly twin: string;
  /** The name of its screenshot. */
  readonly screenshot: string;
  /** A guide page (see {@link isGuidePage}): loaded in a kept tab, its screenshot of the window only. */
  readonly guide: boolean;
}

/**
 * A page of the Docs below its index (`/docs/metrics/`, `/en/docs/adr/…/`): Markdown in one shared layout, no
 * island and nothing stored, and most of the site's pages. Two things make them cheaper to check, measured on two
 * cores: they are loaded one after another in a few tabs kept open (with the HTTP cache off), because a fresh
 * context and tab costs about a second of CPU, more than the checks; and their screenshot shows the window (header,
 * language switch, the top of the text) rather than the whole page, whose picture costs up to 2.5 s on a long guide.
 */
const isGuidePage = (path: string) => /^\/(en\/)?docs\/./.test(path);

/** The page in the other language: `/learn/` ⇄ `/en/learn/`. */
const twinOf = (path: string) =>
  pageLanguage(path) === 'nl' ? (path === '/' ? '/en/' : `/en${path}`) : path.replace(/^\/en\//, '/');

/** A path with no page: a static host answers it with 404.html. */
const missingPath = '/en/learn/no-such-page/';

/** The 404 page: Dutch (the default language) with an English half, its language switch going to /en/. */
const notFoundLoad: PageLoad = {
  path: '/404.html',
  url: missingPath,
  status: 404,
  twin: '/en/',
  screenshot: 'not-found',
  guide: false,
};

describe.skipIf(!e2eEnabled)('every page of the site', () => {
  let browser: Browser;
  /** The tabs kept open for guide pages, free for the next one (at most one per concurrent test). */
  const guideTabs: Page[] = [];
  const figures: Array<{ page: string; jsGzipBytes: number; jsBudgetBytes: number }> = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (figures.length === 0) return;
    figures.sort((a, b) => a.page.localeCompare(b.page));
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'budgets.json'), `${JSON.stringify(figures, null, 2)}\n`);
    const rows = figures.map(
      (f) =>
        `${f.page.padEnd(40)} ${(f.jsGzipBytes / KB).toFixed(1).padStart(7)} KB / ${(f.jsBudgetBytes / KB).toFixed(0)} KB`,
    );
    console.log(`\n[site budgets] JavaScript (gzip) of ${figures.length} pages\n${rows.join('\n')}\n`);
  });

  const pages = e2eEnabled ? sitePages() : [];
  /**
   * Every page load to check: each page at its own path, and the 404 page (404.html) where a static host serves
   * it, at a missing path (below /en/, so that its links and styles must not depend on where it is served).
   */
  const loads: PageLoad[] = [
    ...pages.map((path) => ({
      path,
      url: path,
      status: 200,
      twin: twinOf(path),
      screenshot: pageName(path),
      guide: isGuidePage(path),
    })),
    ...(e2eEnabled ? [notFoundLoad] : []),
  ];

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

  // Three pages at a time, each in its own context: most of a page's time is waiting (for the network to go idle,
  // for an island's data), so the loads overlap on two cores. What is asserted (bytes, attributes, axe) does not
  // depend on timing; LCP, which does, is measured one page at a time by `pnpm bench` (lcp.measure.ts).
  it.concurrent.for(loads)(
    '$path is accessible, bilingual, links to the API reference and stays within its JavaScript budget',
    async ({ path, url, status, twin, screenshot, guide }, { expect }) => {
      const page = guide
        ? (guideTabs.pop() ?? (await withoutCache(browser)))
        : await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      const errors: string[] = [];
      const onError = (error: Error) => errors.push(error.message);
      let passed = false;
      try {
        page.on('pageerror', onError);
        const javaScript = recordJavaScript(page);
        const response = await page.goto(`${baseUrl()}${url}`, { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(status);
        // The islands render after their script has loaded the data: check (and photograph) what people then see.
        const ready = await islandReadySelector(page);
        if (ready) await page.waitForSelector(ready, { timeout: 120_000 });
        // Measured before axe is added to the page.
        const jsGzipBytes = await javaScript();
        const jsBudgetBytes = javaScriptBudget(path);
        figures.push({ page: path, jsGzipBytes, jsBudgetBytes });

        expect(await page.getAttribute('html', 'lang')).toBe(pageLanguage(path));
        expect(await page.getAttribute('[data-testid="language-switch"]', 'href')).toBe(twin);
        // By its file name: `astro dev` serves the reference (a folder in public/) at /api/index.html, not at /api/.
        expect(await page.getAttribute('[data-testid="api-link"]', 'href')).toBe('/api/index.html');
        expect(await page.locator('h1').count()).toBe(1);
        expect(jsGzipBytes).toBeLessThanOrEqual(jsBudgetBytes);

        await saveScreenshot(page, screenshot, { fullPage: !guide });
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        passed = true;
      } finally {
        page.off('pageerror', onError);
        // A tab whose checks failed midway may still be busy: it is not used again.
        if (guide && passed) guideTabs.push(page);
        else await page.context().close();
      }
    },
  );

  it('answers a missing path with the 404 page and status 404', async () => {
    for (const path of [
      '/no-such-page',
      '/learn/no-such-topic/',
      missingPath,
      '/_astro/no-such-file.js',
      '/%E0%A4%A',
    ]) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html, path).toContain('<html lang="nl">');
      expect(html, path).toMatch(
        /<h1 data-testid="not-found">Pagina niet gevonden · <span lang="en">Page not found/,
      );
    }
  });

  it('leads from the 404 page, wherever it is served, to the home, Learn, Playground and Docs pages in both languages', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl()}${missingPath}`);
      const links = async (language: string) =>
        page.$$eval(`[data-testid="not-found-${language}"] a`, (anchors) =>
          anchors.map((a) => (a as HTMLAnchorElement).href),
        );
      const base = baseUrl();
      expect(await links('nl')).toEqual(
        ['/', '/learn/', '/playground/', '/docs/'].map((path) => `${base}${path}`),
      );
      expect(await links('en')).toEqual(
        ['/en/', '/en/learn/', '/en/playground/', '/en/docs/'].map((path) => `${base}${path}`),
      );
      expect(await page.getAttribute('[data-testid="not-found-en"]', 'lang')).toBe('en');
      for (const href of [...(await links('nl')), ...(await links('en'))]) {
        const response = await page.goto(href);
        expect(response?.status(), href).toBe(200);
        expect(await page.getAttribute('html', 'lang'), href).toBe(pageLanguage(new URL(href).pathname));
      }
    } finally {
      await page.close();
    }
  });

  it('leads from the pages of the API reference back to the home and Docs pages of the site in both languages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${baseUrl()}/api/index.html`);
      const module = await page.getAttribute('.col-content a[href^="modules/"]', 'href');
      expect(module).toBeTruthy();
      const referencePages = [page.url(), new URL(module ?? '', page.url()).href];
      for (const url of referencePages) {
        await page.goto(url);
        // In the header, visible on a wide screen; on a narrow one typedoc shows the same links in its menu.
        const header = page.locator('header.tsd-page-toolbar #tsd-toolbar-links a');
        await expect.poll(() => header.first().isVisible()).toBe(true);
        const links = await header.evaluateAll((anchors) =>
          anchors.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
        );
        expect(links, url).toEqual([
          { text: 'Back to the site', href: '/en/' },
          { text: 'Docs', href: '/en/docs/' },
          { text: 'Terug naar de site', href: '/' },
          { text: 'Documentatie', href: '/docs/' },
        ]);
      }
      for (const href of ['/en/', '/en/docs/', '/', '/docs/']) {
        await page.goto(referencePages[1] ?? '');
        await page.click(`#tsd-toolbar-links a[href="${href}"]`);
        await page.waitForURL(`${baseUrl()}${href}`);
        expect(await page.getAttribute('html', 'lang'), href).toBe(pageLanguage(href));
        expect(await page.getAttribute('[data-testid="api-link"]', 'href'), href).toBe('/api/index.html');
      }
    } finally {
      await page.close();
    }
  });

  it('serves the typedoc API reference where the header and the docs index link to it', async () => {
    const page = await browser.newPage();
    try {
      for (const [path, link] of [
        ['/', 'api-link'],
        ['/en/docs/', 'api-reference'],
      ] as const) {
        await page.goto(`${baseUrl()}${path}`);
        const href = await page.getAttribute(`[data-testid="${link}"]`, 'href');
        expect(href).toBe('/api/index.html');
        const response = await page.goto(new URL(href ?? '', page.url()).href);
        expect(response?.status()).toBe(200);
        expect(await page.textContent('body')).toContain('createSocialShift');
      }
    } finally {
      await page.close();
    }
  });
});
