// Output encoding on the site, in real Chromium: a programme whose every name, title and text is an injection
// payload is imported into the Playground and shown as every role, then on the Dashboard; no payload may run,
// no injected element may exist, and the payloads must be visible as plain text. The islands' DOM builder is
// tested in the page too: text never becomes markup, inline handlers from text are refused, unsafe URLs are
// never set.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { HOSTILE_TEXTS, hostileBundle } from './hostile-programme';

async function settled(page: Page): Promise<void> {
  await page.waitForSelector('#playground[data-ready]:not([data-busy])', { timeout: 120_000 });
}

/** What the page shows of an injection attempt: hits, injected elements, inline handlers, unsafe links. */
async function injectionTraces(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      ran: (window as unknown as { __xss?: number }).__xss ?? 0,
      injected: document.querySelectorAll(
        '#injected-link, #injected-bold, img[src="x"], iframe, main style, main script, main svg[onload]',
      ).length,
      inlineHandlers: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.name.toLowerCase().startsWith('on'))
          .map((a) => `${el.tagName} ${a.name}`),
      ),
      unsafeLinks: [...document.querySelectorAll('[href], [src]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
        .filter((url) => /^\s*(javascript|data|vbscript):/i.test(url)),
      text: document.querySelector('main')?.textContent ?? '',
    };
  });
}

async function expectNoInjection(page: Page, where: string): Promise<string> {
  const traces = await injectionTraces(page);
  expect(traces.ran, `${where}: a payload ran`).toBe(0);
  expect(traces.injected, `${where}: injected elements`).toBe(0);
  expect(traces.inlineHandlers, `${where}: inline handlers`).toEqual([]);
  expect(traces.unsafeLinks, `${where}: unsafe links`).toEqual([]);
  return traces.text;
}

describe.skipIf(!e2eEnabled)('user text on the site never breaks out', () => {
  let browser: Browser;
  let bundleFile: string;
  let badLinkFile: string;
  beforeAll(async () => {
    browser = await launchChromium();
    const dir = mkdtempSync(join(tmpdir(), 'social-shift-hostile-'));
    const bundle = await hostileBundle(new Date(Date.now() - 3_600_000).toISOString());
    bundleFile = join(dir, 'hostile.json');
    writeFileSync(bundleFile, JSON.stringify(bundle));
    // The same programme with a `javascript:` link on a post: the import must refuse it whole.
    const posts = (bundle.documents.post ?? []).map((post, i) =>
      i === 0 ? { ...post, link: 'javascript:window.__xss=1' } : post,
    );
    badLinkFile = join(dir, 'bad-link.json');
    writeFileSync(
      badLinkFile,
      JSON.stringify({ ...bundle, documents: { ...bundle.documents, post: posts } }),
    );
  }, 120_000);
  afterAll(async () => browser?.close());

  it('shows a hostile programme as text in the Playground (every role) and on the Dashboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl()}/en/playground/`);
    await settled(page);
    await page.setInputFiles('[data-testid="import"]', bundleFile);
    await settled(page);
    expect(await page.textContent('[data-testid="error-message"]')).toBe('');

    const roles = await page.$$eval('[data-testid="act-as"] option', (options) =>
      options.map((o) => (o as HTMLOptionElement).value),
    );
    expect(roles.length).toBeGreaterThanOrEqual(4);
    const shown = new Set<string>();
    let opened = false;
    for (const personId of new Set(roles)) {
      await page.selectOption('[data-testid="act-as"]', personId);
      await settled(page);
      // Open the first offer (a publisher's), so the fitted post text and the share panel are rendered too.
      const open = page.getByRole('button', { name: playgroundMessages.en.publishOpen, exact: true }).first();
      if ((await open.count()) > 0) {
        await open.click();
        await settled(page);
        opened = true;
      }
      const text = await expectNoInjection(page, `playground as ${personId}`);
      for (const hostile of HOSTILE_TEXTS) if (text.includes(hostile)) shown.add(hostile);
    }
    // The payloads were rendered, as text, in many places: names, titles, the post text in the share panel.
    expect(opened).toBe(true);
    expect(shown.size).toBeGreaterThanOrEqual(12);
    expect([...shown].some((text) => text.startsWith('Text '))).toBe(true);

    await page.goto(`${baseUrl()}/en/dashboard/`);
    await page.waitForSelector('#dashboard[data-ready]', { timeout: 120_000 });
    const dashboard = await expectNoInjection(page, 'dashboard');
    expect(HOSTILE_TEXTS.filter((text) => dashboard.includes(text)).length).toBeGreaterThanOrEqual(2);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('refuses a bundle with a javascript: link as a whole and shows why', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/en/playground/`);
    await settled(page);
    const before = await page.textContent('[data-testid="summary"]');
    await page.setInputFiles('[data-testid="import"]', badLinkFile);
    await settled(page);
    expect(await page.textContent('[data-testid="error-message"]')).toMatch(/link|URL/i);
    expect(await page.textContent('[data-testid="summary"]')).toBe(before);
    await expectNoInjection(page, 'after a refused import');
    await context.close();
  }, 240_000);

  it("the islands' DOM builder keeps text as text and never sets handlers or unsafe URLs from text", async () => {
    const bundled = await build({
      entryPoints: [join(import.meta.dirname, '..', '..', 'src', 'islands', 'dom.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'islandDom',
      target: 'es2022',
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/en/`);
    await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
    const result = await page.evaluate((payloads) => {
      type Dom = typeof import('../../src/islands/dom');
      const { h, mount, isSafeUrl } = (window as unknown as { islandDom: Dom }).islandDom;
      const host = document.createElement('div');
      document.body.append(host);
      mount(
        host,
        payloads.map((text) =>
          h('p', { title: text, 'data-value': text, class: text }, text, h('a', { href: text }, text)),
        ),
      );
      const refused = (() => {
        try {
          h('div', { onclick: 'window.__xss=1' });
          return false;
        } catch {
          return true;
        }
      })();
      return {
        paragraphs: host.querySelectorAll('p').length,
        elements: host.querySelectorAll('*').length,
        texts: [...host.querySelectorAll('p')].map((p) => p.firstChild?.textContent),
        titles: [...host.querySelectorAll('p')].map((p) => p.getAttribute('title')),
        hrefs: [...host.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        refused,
        urls: [
          'https://example.org/a?b=%22',
          '/en/learn/',
          'mailto:a@b.example',
          'blob:https://example.org/1',
          'javascript:alert(1)',
          ' JaVaScRiPt:alert(1)',
          'java\tscript:alert(1)',
          'java\nscript:alert(1)',
          '\u0001javascript:alert(1)',
          'data:text/html,<script>alert(1)</script>',
          'vbscript:msgbox',
        ].map((url) => [url, isSafeUrl(url)] as const),
        ran: (window as unknown as { __xss?: number }).__xss ?? 0,
      };
    }, PAYLOADS_FOR_PAGE);
    expect(result.paragraphs).toBe(PAYLOADS_FOR_PAGE.length);
    // One <p> and one <a> per payload: nothing else was created from the text.
    expect(result.elements).toBe(PAYLOADS_FOR_PAGE.length * 2);
    expect(result.texts).toEqual(PAYLOADS_FOR_PAGE);
    expect(result.titles).toEqual(PAYLOADS_FOR_PAGE);
    for (const [i, href] of result.hrefs.entries()) {
      const payload = PAYLOADS_FOR_PAGE[i]!;
      expect(href).toBe(/^\s*javascript:/i.test(payload) ? null : payload);
    }
    expect(result.refused).toBe(true);
    expect(Object.fromEntries(result.urls)).toEqual({
      'https://example.org/a?b=%22': true,
      '/en/learn/': true,
      'mailto:a@b.example': true,
      'blob:https://example.org/1': true,
      'javascript:alert(1)': false,
      ' JaVaScRiPt:alert(1)': false,
      'java\tscript:alert(1)': false,
      'java\nscript:alert(1)': false,
      '\u0001javascript:alert(1)': false,
      'data:text/html,<script>alert(1)</script>': false,
      'vbscript:msgbox': false,
    });
    expect(result.ran).toBe(0);
    await context.close();
  }, 120_000);
});

const PAYLOADS_FOR_PAGE = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "'><svg onload=window.__xss=1>",
  'javascript:window.__xss=1',
  '</p><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
];
