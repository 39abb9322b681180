// The Playground's start again and import take seconds (a whole programme is written to a new database): while they
// run, the status says so in the page's language, and a second start again (a double click) runs nothing, so no
// second database is filled and left behind.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import {
  alertText,
  playgroundDatabases as databases,
  openPlayground,
  rememberedDatabase as remembered,
  settled,
} from './playground-page';

/** Starts recording every text the status shows; the function returned gives them. */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid="status-message"]')!;
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
}

describe.skipIf(!e2eEnabled)('the Playground while it starts again or imports', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('says it is busy, and a double click on start again starts again once', async () => {
    const m = playgroundMessages.nl;
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      const seen = await recordStatus(page);
      await page.getByTestId('reset').dblclick();
      await expect
        .poll(() => page.textContent('[data-testid="status-message"]'), { timeout: 60_000 })
        .toBe(`${m.reset}: gelukt.`);
      await settled(page);
      expect(await alertText(page)).toBe('');
      expect((await seen()).filter((text) => text !== '')).toEqual([m.resetting, `${m.reset}: gelukt.`]);
      // The database the start again replaced is deleted without being awaited, so it may be listed a moment longer.
      const database = await remembered(page);
      await expect.poll(() => databases(page), { timeout: 10_000 }).toEqual([database]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('says it is importing', async () => {
    const m = playgroundMessages.en;
    const { context, page, errors } = await openPlayground(browser, '/en/playground/');
    try {
      const bundle = sampleBundle(Date.now());
      const file = join(mkdtempSync(join(tmpdir(), 'social-shift-import-')), 'programme.json');
      writeFileSync(file, JSON.stringify(bundle));
      const seen = await recordStatus(page);
      await page.getByTestId('import').setInputFiles(file);
      const done = m.imported.replace('{events}', new Intl.NumberFormat('en').format(bundle.events.length));
      await expect
        .poll(() => page.textContent('[data-testid="status-message"]'), { timeout: 60_000 })
        .toBe(done);
      await settled(page);
      expect(await alertText(page)).toBe('');
      expect((await seen()).filter((text) => text !== '')).toEqual([m.importing, done]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
