// The Playground's contribution form in real Chromium, in a programme whose strategy has no content pillars: the
// contribution is created without a pillar (`pillarIds: []`), not with a bogus one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, openPlayground, settled } from './playground-page';

/** The sample organisation as an export file, with a strategy that has no content pillars. */
function withoutPillars(): { file: string; events: number } {
  const bundle = sampleBundle(Date.now());
  const strategies =
    (bundle.documents as Record<string, Record<string, unknown>[] | undefined>).strategy ?? [];
  for (const strategy of strategies) strategy.pillars = [];
  const file = join(mkdtempSync(join(tmpdir(), 'social-shift-no-pillars-')), 'no-pillars.json');
  writeFileSync(file, JSON.stringify(bundle));
  return { file, events: bundle.events.length };
}

describe.skipIf(!e2eEnabled)('the Playground’s contribution form without content pillars', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('creates the contribution without a pillar', async () => {
    const { context, page, errors } = await openPlayground(browser, '/en/playground/');
    try {
      const imported = withoutPillars();
      await page.getByTestId('import').setInputFiles(imported.file);
      await expect
        .poll(
          async () => `${await page.textContent('[data-testid="status-message"]')}${await alertText(page)}`,
          {
            timeout: 60_000,
          },
        )
        .toContain(new Intl.NumberFormat('en').format(imported.events));
      await settled(page);
      expect(await page.locator('[data-testid="pillars"] tbody tr').count()).toBe(0);

      await actAs(page, 'creator');
      const form = page.getByTestId('contribution-form');
      const title = 'A morning on ward 3';
      await form.locator('input[name="title"]').fill(title);
      await click(page, form.locator('button[type="submit"]'));
      expect(await alertText(page)).toBe('');

      const download = page.waitForEvent('download');
      await page.getByTestId('export').click();
      const file = join(mkdtempSync(join(tmpdir(), 'social-shift-export-')), 'export.json');
      await (await download).saveAs(file);
      const exported = JSON.parse(readFileSync(file, 'utf8')) as {
        documents: { contribution?: { title: string; pillarIds: string[] }[] };
      };
      const created = exported.documents.contribution?.filter((c) => c.title === title) ?? [];
      expect(created.map((c) => c.pillarIds)).toEqual([[]]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
