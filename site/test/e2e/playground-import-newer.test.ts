// The Playground's import of a bundle written by a newer SDK, in real Chromium: the refusal says to use a newer SDK
// (MIGRATION) instead of naming the fields this one does not know, the programme shown stays, and the import leaves
// no new IndexedDB database behind.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '@social-shift/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, openPlayground, settled } from './playground-page';

describe.skipIf(!e2eEnabled)('the Playground’s import of a newer bundle', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('refuses it with MIGRATION, keeps the programme and leaves no database behind', async () => {
    const m = playgroundMessages.nl;
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const newer = {
        ...sampleBundle(Date.now()),
        schemaVersion: CURRENT_SCHEMA_VERSION + 1,
        retention: { days: 30 },
      };
      const file = join(mkdtempSync(join(tmpdir(), 'social-shift-import-')), 'newer.json');
      writeFileSync(file, JSON.stringify(newer));
      const databases = async () =>
        page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
      const before = await databases();
      const summary = await page.textContent('[data-testid="summary"]');
      await page.getByTestId('import').setInputFiles(file);
      await expect.poll(() => alertText(page), { timeout: 30_000 }).toContain(m.whyMIGRATION);
      await settled(page);
      const refusal = await alertText(page);
      expect(refusal).toContain('MIGRATION');
      expect(refusal).not.toContain('unknown field');
      expect(await databases()).toEqual(before);
      await page.reload();
      await settled(page);
      expect(await page.textContent('[data-testid="summary"]')).toBe(summary);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
