// The Playground's import in real Chromium: after each import, failed or not, the file chooser is empty again, so
// choosing the same file once more (corrected, or to start over from it) imports it again; a browser fires no
// change for a file chooser that keeps the same file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { alertText, openPlayground, settled } from './playground-page';

describe.skipIf(!e2eEnabled)('the Playground’s import', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('empties the file chooser after an import, so the same file can be chosen again', async () => {
    const m = playgroundMessages.nl;
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'social-shift-import-')), 'export.json');
      writeFileSync(file, 'not json');
      await page.getByTestId('import').setInputFiles(file);
      await expect.poll(() => alertText(page)).toBe(m.notJson);
      await settled(page);
      expect(await page.$eval('[data-testid="import"]', (input) => (input as HTMLInputElement).value)).toBe(
        '',
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
