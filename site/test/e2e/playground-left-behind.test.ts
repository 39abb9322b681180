// The Playground's databases when a page is reloaded in the middle of an import, in real Chromium: the import fills
// a database of its own and only then makes it the remembered one, so the reloaded page opens the programme as it
// was; the half-filled database is deleted (once it is some minutes old) instead of being left in the browser's
// storage for good. A database another tab is still filling is not touched.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import {
  alertText,
  playgroundDatabases as databases,
  openPlayground,
  rememberedDatabase as remembered,
  settled,
  summary,
} from './playground-page';

/** The sample organisation under another name, with five times its events, so that importing it takes a while. */
function largeBundleFile(name: string): string {
  const bundle = sampleBundle(Date.now());
  const organisation = bundle.documents.organisation?.[0] as { name: string } | undefined;
  if (!organisation) throw new Error('the sample has no organisation');
  organisation.name = name;
  const events = bundle.events;
  const large = {
    ...bundle,
    events: Array.from({ length: events.length * 5 }, (_, i) => ({
      ...events[i % events.length]!,
      seq: i + 1,
      id: `evt_large_${i}`,
    })),
  };
  const file = join(mkdtempSync(join(tmpdir(), 'social-shift-import-')), 'programme.json');
  writeFileSync(file, JSON.stringify(large));
  return file;
}

describe.skipIf(!e2eEnabled)('the Playground reloaded in the middle of an import', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('opens the programme as it was and deletes the half-filled database', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const before = await summary(page);
      const database = await remembered(page);
      await page.getByTestId('import').setInputFiles(largeBundleFile('Half geïmporteerd'));
      await expect.poll(() => databases(page), { timeout: 60_000 }).toHaveLength(2);
      await page.reload();
      await settled(page);
      expect(await summary(page)).toBe(before);
      expect(await remembered(page)).toBe(database);
      // Made a moment ago: a tab may still open it before it takes a lock, so it is left alone for some minutes.
      await page.waitForTimeout(2_000);
      expect(await databases(page)).toHaveLength(2);
      await context.addInitScript(() => {
        const now = Date.now;
        Date.now = () => now() + 11 * 60_000;
      });
      await page.reload();
      await settled(page);
      expect(await summary(page)).toBe(before);
      await expect.poll(() => databases(page), { timeout: 10_000 }).toEqual([database]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('leaves the database another tab is filling alone', async () => {
    const { context, page: a, errors } = await openPlayground(browser, '/playground/');
    try {
      const b = await context.newPage();
      b.on('pageerror', (error) => errors.push(error.message));
      await b.goto(`${baseUrl()}/playground/`);
      await settled(b);
      await b.getByTestId('import').setInputFiles(largeBundleFile('Mijn eigen organisatie'));
      await expect.poll(() => databases(b), { timeout: 60_000 }).toHaveLength(2);
      await a.reload();
      await settled(a);
      await expect.poll(() => summary(b), { timeout: 120_000 }).toContain('Mijn eigen organisatie');
      await settled(b);
      expect(await alertText(b)).toBe('');
      await expect.poll(() => databases(b), { timeout: 10_000 }).toEqual([await remembered(b)]);
      await b.reload();
      await settled(b);
      expect(await summary(b)).toContain('Mijn eigen organisatie');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
