// The Dashboard's charts write their counts as its figures above them do, in the page's language, in real Chromium:
// a programme with over a thousand LinkedIn shares shows "1.1xx" on the Dutch page, in the bar's label and in the
// chart's table, as the "Delingen" figure does (not "11xx").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishMetrics, foldEvents } from '@social-shift/core/metrics';
import { simulateExportBundle } from '@social-shift/core/simulation';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled, launchChromium } from './browser';
import { alertText, openPlayground, settled } from './playground-page';

describe.skipIf(!e2eEnabled)('the Dashboard’s chart numbers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('are written in Dutch, as the figures above them, in the bar labels and the tables', async () => {
    // Every share on LinkedIn: over a thousand of them.
    const bundle = simulateExportBundle({
      seed: 2026,
      people: 1000,
      teams: 8,
      days: 365,
      events: 50_000,
      platforms: ['linkedin'],
      start: '2025-12-01',
    });
    const shares = finishMetrics(foldEvents(bundle.events), {}).platforms.find(
      (p) => p.platform === 'linkedin',
    )?.shares;
    expect(shares).toBeGreaterThanOrEqual(1000);
    const written = new Intl.NumberFormat('nl').format(shares ?? 0);
    const file = join(mkdtempSync(join(tmpdir(), 'social-shift-dashboard-')), 'export.json');
    writeFileSync(file, JSON.stringify(bundle));

    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      await page.getByTestId('import').setInputFiles(file);
      await expect
        .poll(
          async () => `${await page.textContent('[data-testid="status-message"]')}${await alertText(page)}`,
          {
            timeout: 120_000,
          },
        )
        .toContain(new Intl.NumberFormat('nl').format(bundle.events.length));
      await settled(page);
      await page.goto(`${baseUrl()}/dashboard/`);
      await page.waitForSelector('#dashboard[data-ready]', { timeout: 120_000 });
      expect(await page.locator('[data-testid="kpis"] strong').first().textContent()).toBe(written);
      const chart = page.locator('figure[data-chart="shares-per-channel"]');
      expect(await chart.locator('svg text').allTextContents()).toContain(written);
      expect(await chart.locator('details table tbody td').allTextContents()).toEqual([written]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
