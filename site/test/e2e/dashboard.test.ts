// The Dashboard in real Chromium, in both languages: the metrics of the Playground's data, computed in the
// browser by core's metrics, drawn as accessible SVG charts, each with a table of the same numbers; earned media
// value is labelled estimated; the adjust recommendations are listed.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { baseUrl, e2eEnabled, launchChromium, saveScreenshot, seriousAxeViolations } from './browser';

const languages = [
  { lang: 'nl', path: '/dashboard/' },
  { lang: 'en', path: '/en/dashboard/' },
] as const;

describe.skipIf(!e2eEnabled)('the Dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'shows the programme’s metrics as charts with tables in $lang',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForSelector('#dashboard[data-ready]', { timeout: 120_000 });

      const charts = page.locator('figure.chart');
      expect(await charts.count()).toBeGreaterThanOrEqual(5);
      for (const chart of await charts.all()) {
        expect(await chart.locator('svg[role="img"] title').count()).toBe(1);
        expect(await chart.locator('details table tbody tr').count()).toBeGreaterThan(0);
      }
      const sharesTable = page.locator('figure[data-chart="shares-per-channel"] details table tbody tr');
      const shares = await sharesTable.evaluateAll((rows) =>
        rows.map((r) => Number((r.querySelector('td')?.textContent ?? '0').replace(/\D/g, ''))),
      );
      expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(await page.textContent('main')).toContain(m.dashboardEstimated);
      expect(
        await page.locator('[data-testid="recommendations"] li, [data-testid="leaderboard"] li').count(),
      ).toBeGreaterThan(0);

      await page
        .locator('figure.chart details')
        .first()
        .evaluate((d) => d.setAttribute('open', ''));
      await saveScreenshot(page, `${lang}-dashboard-data`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    180_000,
  );
});
