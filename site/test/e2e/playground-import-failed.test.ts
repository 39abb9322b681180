// The Playground's import when it fails after the bundle was validated, in real Chromium: the import must only
// ever delete the database it created itself, never the one this browser remembers (which another tab may have
// just filled). A bundle that passes safeParseExportBundle but that importAll refuses (two teams with one id),
// and the same bundle imported in two tabs at once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeParseExportBundle } from '@social-shift/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { alertText, openPlayground, settled, summary } from './playground-page';

const KEY_DATABASE = 'social-shift-playground:database';

/** The sample organisation under another name, written to a file to import. */
function bundleFile(name: string, change: (bundle: ReturnType<typeof sampleBundle>) => void = () => {}) {
  const bundle = sampleBundle(Date.now());
  const organisation = bundle.documents.organisation?.[0] as { name: string } | undefined;
  if (!organisation) throw new Error('the sample has no organisation');
  organisation.name = name;
  change(bundle);
  const file = join(mkdtempSync(join(tmpdir(), 'social-shift-import-')), 'programme.json');
  writeFileSync(file, JSON.stringify(bundle));
  return { bundle, file };
}

const databases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
const remembered = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY_DATABASE);

describe.skipIf(!e2eEnabled)('the Playground’s import that fails after validation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('refuses a bundle importAll refuses, leaves no database behind and keeps the remembered programme', async () => {
    const { context, page, errors } = await openPlayground(browser, '/en/playground/');
    try {
      // The visitor's own programme first, so the remembered database is one an import made.
      const mine = bundleFile('Mijn eigen organisatie');
      await page.getByTestId('import').setInputFiles(mine.file);
      await expect.poll(() => summary(page), { timeout: 60_000 }).toContain('Mijn eigen organisatie');
      await settled(page);
      expect(await alertText(page)).toBe('');
      const before = await databases(page);
      const database = await remembered(page);
      expect(before).toContain(database);

      const broken = bundleFile('Kapotte organisatie', (bundle) => {
        const teams = bundle.documents.team ?? [];
        if (teams[0]) teams.push({ ...teams[0] });
      });
      expect(safeParseExportBundle(broken.bundle).success).toBe(true);
      await page.getByTestId('import').setInputFiles(broken.file);
      await expect.poll(() => alertText(page), { timeout: 60_000 }).not.toBe('');
      await settled(page);
      expect(await summary(page)).toContain('Mijn eigen organisatie');
      await expect.poll(() => databases(page), { timeout: 10_000 }).toEqual(before);
      expect(await remembered(page)).toBe(database);

      await page.reload();
      await settled(page);
      expect(await summary(page)).toContain('Mijn eigen organisatie');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('keeps the imported programme when two tabs import the same bundle at once', async () => {
    const { context, page: a, errors } = await openPlayground(browser, '/en/playground/');
    try {
      const b = await context.newPage();
      b.on('pageerror', (error) => errors.push(error.message));
      await b.goto(`${baseUrl()}/en/playground/`);
      await settled(b);
      const { file } = bundleFile('Mijn eigen organisatie');
      await Promise.all([
        a.getByTestId('import').setInputFiles(file),
        b.getByTestId('import').setInputFiles(file),
      ]);
      for (const page of [a, b]) {
        await expect.poll(() => summary(page), { timeout: 60_000 }).toContain('Mijn eigen organisatie');
        await settled(page);
        expect(await alertText(page)).toBe('');
      }
      const database = await remembered(a);
      expect(database).not.toBeNull();
      await expect.poll(() => databases(a)).toContain(database);

      const c = await context.newPage();
      c.on('pageerror', (error) => errors.push(error.message));
      await c.goto(`${baseUrl()}/en/playground/`);
      await settled(c);
      expect(await summary(c)).toContain('Mijn eigen organisatie');
      expect(await remembered(c)).toBe(database);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
