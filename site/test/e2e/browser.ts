// Helpers shared by the e2e tests: Debian Chromium through playwright-core, axe-core in the page, the pages of
// the built site, screenshots, and the budget measurements (JavaScript per page, Largest Contentful Paint).
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page, type Response } from 'playwright-core';
import { inject } from 'vitest';

/** The repository's gitignored folder for CI artefacts (screenshots, budget figures). */
export const artifactsDir = join(import.meta.dirname, '..', '..', '..', 'artifacts');

/** True when the e2e tests can run here (Chromium found, site built and served). */
export const e2eEnabled = inject('chromium') !== '';

/** The base URL of the served site. */
export const baseUrl = () => inject('baseUrl');

/** Launches the Debian Chromium headless, with the flags that work on this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromium'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Every HTML page of the built site except the typedoc reference, as paths (`/`, `/en/learn/cycle/`). */
export function sitePages(): string[] {
  const root = inject('distDir');
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (relative(root, path) !== 'api') walk(path);
      } else if (entry.name === 'index.html') {
        const rel = relative(root, dir).split(sep).join('/');
        pages.push(rel === '' ? '/' : `/${rel}/`);
      }
    }
  };
  walk(root);
  return pages.sort();
}

/** The language of a page path: English under `/en/`, else Dutch. */
export const pageLanguage = (path: string) => (path.startsWith('/en/') ? 'en' : 'nl');

/**
 * The selector that marks an island page as rendered (`#playground[data-ready]`), or `undefined` for a page
 * without an island script.
 */
export async function islandReadySelector(page: Page): Promise<string | undefined> {
  const island = await page.evaluate(() => {
    const root = document.querySelector('#playground, #dashboard');
    return root && document.querySelector('script[type="module"]') ? root.id : undefined;
  });
  return island ? `#${island}[data-ready]` : undefined;
}

/** A file-name-safe name of a page path: `/en/learn/cycle/` → `en-learn-cycle`. */
export function pageName(path: string): string {
  const language = pageLanguage(path);
  const rest = path
    .replace(/^\/(en\/)?/, '')
    .replace(/\/$/, '')
    .replace(/\//g, '-');
  return `${language}-${rest === '' ? 'home' : rest}`;
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * The axe-core rules whose violations fail a test whatever impact axe gives them. `heading-order` is "moderate",
 * but a heading that skips a level (an h4 under an h2) breaks navigation by headings in a screen reader.
 * `empty-table-header` is "minor", but a screen reader announces an unnamed column (the chart tables' first one).
 */
export const ALWAYS_FAILING_AXE_RULES: readonly string[] = ['heading-order', 'empty-table-header'];

/**
 * Runs axe-core in the page and returns the violations that fail a test: the serious and critical ones, and any
 * of `ALWAYS_FAILING_AXE_RULES`.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script> (`addScriptTag`): that took twice as long, 250–450 ms a page on two cores,
  // hundreds of pages a run. Also under a Content-Security-Policy that forbids inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{
            violations: Array<{
              id: string;
              impact?: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS_FAILING_AXE_RULES.includes(v.id),
  );
}

/**
 * Saves a screenshot under `artifacts/screenshots/<name>.png`: the whole page, or with `fullPage: false` what the
 * window shows (a long page's full screenshot costs seconds of CPU).
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<string> {
  const dir = join(artifactsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Records the JavaScript a page loads, from before its navigation: call it before `page.goto`. The function it
 * returns, called once the page has settled and before anything is injected into it (axe), stops recording and
 * gives the page's JavaScript gzip-compressed in bytes: its external scripts (every script response) plus its
 * inline ones. Nothing may come from a cache: use a fresh context, or {@link withoutCache}.
 */
export function recordJavaScript(page: Page): () => Promise<number> {
  const bodies: Promise<Buffer>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  };
  page.on('response', onResponse);
  return async () => {
    page.off('response', onResponse);
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')]
        .filter(
          (script) =>
            !script.getAttribute('type') || /module|javascript/.test(script.getAttribute('type') ?? ''),
        )
        .map((script) => script.textContent ?? ''),
    );
    const external = await Promise.all(bodies);
    const gzip = (data: Buffer | string) => (data.length === 0 ? 0 : gzipSync(data, { level: 9 }).length);
    return (
      external.reduce((sum, body) => sum + gzip(body), 0) + inline.reduce((sum, code) => sum + gzip(code), 0)
    );
  };
}

/**
 * A page of its own context with the HTTP cache switched off (Chrome DevTools Protocol), to load one page after
 * another in as if each were a first visit: every script is fetched again, so {@link recordJavaScript} sees it.
 * (The test server also answers `no-store`; this keeps it so if a test serves the site some other way.)
 */
export async function withoutCache(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // The Network domain must be on for the setting to bypass every cache.
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return page;
}

/**
 * Largest Contentful Paint of a fresh load of `url` with the CPU slowed down 4×, in milliseconds. The value is
 * read once the page has settled (network idle and, for an island, its ready mark present), so content that
 * scripts render later counts too: the last candidate is the LCP. For an island, `readyMs` is when its script
 * had rendered the data (at most, since it is read after the selector appears).
 */
export async function measureLcp(
  context: BrowserContext,
  url: string,
): Promise<{ lcpMs: number; readyMs: number | undefined }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'networkidle' });
  const readySelector = await islandReadySelector(page);
  let readyMs: number | undefined;
  if (readySelector) {
    await page.waitForSelector(readySelector, { timeout: 120_000 });
    readyMs = await page.evaluate(() => performance.now());
  }
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('no largest-contentful-paint entry within 5 s')),
          5000,
        );
        new PerformanceObserver((list) => {
          const last = list.getEntries().reduce((latest, entry) => Math.max(latest, entry.startTime), -1);
          if (last >= 0) {
            clearTimeout(timer);
            resolve(last);
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  await cdp.detach();
  await page.close();
  return { lcpMs: lcp, readyMs };
}
